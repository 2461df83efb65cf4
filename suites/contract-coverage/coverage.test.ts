import { beforeAll, describe, expect, it } from "vitest";
import { PERSONAS } from "../../simulators/population/population.js";
import { TEST_NOW } from "../../test/support/context.js";
import {
  COVERAGE_PERSONA,
  COVERAGE_THRESHOLDS,
  type CoverageReport,
  type CoverageRow,
  measure,
  measureCoverage,
} from "./coverage.js";
import { coverageJson, formatCoverage } from "./format.js";
import { declaredModel } from "./model.js";

/**
 * Issue 7 point 3: WITHOUT the artificial coverage persona, the population's answers exercise
 * ≥ 95 % of every schema's declared answer elements and attributes, ≥ 85 % of the LEFI object
 * schemas reachable from LefiExternFormansinformationSvar, ≥ 75 % of their properties and ≥ 80 %
 * of the kodverk's answer codes.
 *
 * Thresholds not yet met are listed in {@link NOT_YET_MET} with the figure measured when they
 * were listed: their tests are `it.fails`, so they turn red the day the population meets them
 * (then move them out of the list), and the list says honestly what is still missing.
 */
const NOT_YET_MET: Record<"v10" | "v11", Record<string, string>> = {
  v10: {},
  v11: {},
};

const figure = (r: CoverageRow) => `${(r.share * 100).toFixed(1)} % (${r.exercised}/${r.declared})`;

for (const contract of ["v10", "v11"] as const)
  describe(`contract coverage ${contract} without ${COVERAGE_PERSONA}`, () => {
    let report: CoverageReport;
    beforeAll(async () => {
      report = await measureCoverage({ contract, seed: 1, now: () => new Date(TEST_NOW) });
    }, 60_000);

    it("asks every persona but the coverage persona, and names every edge case", () => {
      expect(report.personas.excluded).toEqual([COVERAGE_PERSONA]);
      expect(report.personas.asked).not.toContain(COVERAGE_PERSONA);
      expect(report.personas.asked).toHaveLength(PERSONAS.length - 1);
      expect(report.edgeCases.length).toBeGreaterThan(5);
      expect(report.rows.map((r) => r.id)).toEqual([
        "SSBT",
        "AF",
        "CSN",
        ...(contract === "v10" ? ["SKV"] : []),
        "SO",
        "TNS",
        "MIV",
        "LEFI.schemas",
        "LEFI.properties",
        "kodverk",
      ]);
    });

    const thresholds: [string, number][] = [
      ["SSBT", COVERAGE_THRESHOLDS.xsd],
      ["AF", COVERAGE_THRESHOLDS.xsd],
      ["CSN", COVERAGE_THRESHOLDS.xsd],
      ...(contract === "v10" ? ([["SKV", COVERAGE_THRESHOLDS.xsd]] as [string, number][]) : []),
      ["SO", COVERAGE_THRESHOLDS.xsd],
      ["TNS", COVERAGE_THRESHOLDS.xsd],
      ["MIV", COVERAGE_THRESHOLDS.xsd],
      ["LEFI.schemas", COVERAGE_THRESHOLDS.lefiSchemas],
      ["LEFI.properties", COVERAGE_THRESHOLDS.lefiProperties],
      ["kodverk", COVERAGE_THRESHOLDS.kodverk],
    ];
    for (const [id, threshold] of thresholds) {
      const saknas = NOT_YET_MET[contract][id];
      const name = `${id} ≥ ${threshold * 100} %`;
      const check = () => {
        const r = report.rows.find((x) => x.id === id)!;
        expect(r.threshold).toBe(threshold);
        expect(
          r.share,
          `${id}: ${figure(r)}; never exercised: ${r.neverExercised.slice(0, 20).join(", ")}`,
        ).toBeGreaterThanOrEqual(threshold);
      };
      if (saknas) it.fails(`NOT YET MET: ${name} — measured ${saknas}`, check);
      else it(name, check);
    }

    it("the verdict is the thresholds' conjunction", () => {
      expect(report.passed).toBe(report.rows.every((r) => r.met));
      for (const r of report.rows) {
        expect(r.met).toBe(r.share >= r.threshold);
        expect(r.exercised + r.neverExercised.length).toBe(r.declared);
      }
    });

    it("the report holds no personidentitet in any spelling", () => {
      const text = formatCoverage(report) + coverageJson(report);
      for (const p of PERSONAS) {
        expect(text).not.toContain(p.personidentitet);
        expect(text).not.toContain(p.personidentitet.slice(2));
        expect(text).not.toContain(`${p.personidentitet.slice(0, 8)}-${p.personidentitet.slice(8)}`);
      }
      expect(text).toContain("exercised/declared");
    });
  });

describe("measure", () => {
  it("counts an element when a leaf below it is seen, an attribute by @name, a code at its field only", () => {
    const m = declaredModel("v10");
    const base = ["hamtaBastjanstInformationResponse", "svarsdata", "TNS", "data"];
    const rows = measure(m, [
      { path: [...base, "resultat"], value: "FEL" },
      { path: [...base, "felresultat", "felkod"], value: "1003" },
      { path: ["hamtaBastjanstInformationResponse", "svarsdata", "MIV", "error", "felkod"], value: "1003" },
    ]);
    const tns = rows.find((r) => r.id === "TNS")!;
    expect(tns.neverExercised).not.toContain("HamtaUppgifterResponse/felresultat");
    expect(tns.neverExercised).not.toContain("HamtaUppgifterResponse/resultat");
    expect(tns.neverExercised).toContain("HamtaUppgifterResponse/felresultat/feltext");
    expect(tns.exercised).toBe(3);
    const ssbt = rows.find((r) => r.id === "SSBT")!;
    expect(ssbt.neverExercised).not.toContain("hamtaBastjanstInformationResponse/svarsdata/MIV/error/felkod");
    const kod = rows.find((r) => r.id === "kodverk")!;
    expect(kod.neverExercised).not.toContain("TNS.Felkod=1003");
    expect(kod.neverExercised).toContain("TNS.Resultat=OK");
    expect(kod.neverExercised).not.toContain("TNS.Resultat=FEL");
  });
});
