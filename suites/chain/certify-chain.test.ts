import { describe, expect, it } from "vitest";
import { evaluate } from "../../contract/faltregler/engine.js";
import { plusDagar, standardPeriod, svenskTidszon } from "../../contract/kalender.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import { BASTJANSTER } from "../../contract/ssbt/model.js";
import { attr, childElements } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { formatJunit } from "../../reports/junit.js";
import { PERSONAS } from "../../simulators/population/population.js";
import {
  type ChainSla,
  certifyChain,
  chainCertifyReport,
  chainResults,
  faultSubsets,
  formatChainTable,
  fullFraga,
  slaFynd,
} from "./certify-chain.js";

const now = () => new Date("2026-11-20T10:00:00+01:00");

describe("certify chain", () => {
  it("asks a period every rule of the question table accepts, at any clock: each day of 2027 and 2028, at both ends of the Swedish day", () => {
    // The last 60 days broke CSN's two-month window every March and April (2027-03-28: from
    // 2027-01-27, earliest allowed 2027-01-28).
    const fel: string[] = [];
    for (let dag = "2027-01-01"; dag <= "2028-12-31"; dag = plusDagar(dag, 1))
      for (const tid of ["00:05", "23:55"]) {
        const at = new Date(`${dag}T${tid}:00${svenskTidszon(dag)}`);
        const fraga = encodeFraga(fullFraga("197003039885", standardPeriod(at), "PERIOD"));
        for (const f of evaluate("ssbt-fraga", fraga, { now: at })) fel.push(`${dag} ${tid}: ${f.message}`);
      }
    expect(fel).toEqual([]);
    expect(standardPeriod(new Date("2027-03-28T10:00:00+02:00"))).toEqual({
      fromDatum: "2027-01-28",
      tomDatum: "2027-03-28",
    });
  });

  it("passes on the embedded chain: every persona, seeded fault subsets failing exactly where injected, SLA figures", async () => {
    const seen: number[] = [];
    const r = await certifyChain({ seed: 1, now, faultSubsets: 4, onStorning: (s) => seen.push(s.nr) });
    expect(r.passed).toBe(true);
    expect(r.rader.length).toBeGreaterThanOrEqual(25);
    expect(seen).toEqual([1, 2, 3, 4]);
    for (const s of r.storningar) {
      const failing = Object.keys(s.fel);
      expect(failing.length).toBeGreaterThanOrEqual(1);
      expect(failing.length).toBeLessThanOrEqual(3);
      for (const kod of BASTJANSTER)
        if (failing.includes(kod)) expect(s.sektioner[kod]).toMatch(/^(BT|SSBT):/);
    }
    expect(r.sla.svarstid.antal).toBe(r.rader.length + 4);
    expect(r.sla.mal).toEqual({ inom7s: true, inom12s: true, leveransprecision: true });

    const cert = chainCertifyReport(r, new Date(), 1000);
    expect(cert.passed).toBe(true);
    // a case per persona × section plus one for the answer as a whole: CI names persona, section and rule
    expect(cert.suites.map((s) => [s.name, s.cases.length])).toEqual([
      ["personas", r.rader.length * 8],
      ["fault subsets", 4 * 8],
      ["SLA", 3],
    ]);
    expect(cert.summary.tests).toBeGreaterThanOrEqual(200);
    expect(cert.suites[0]!.cases.slice(0, 2).map((c) => c.name)).toEqual([
      `${r.rader[0]!.personaId} (${r.rader[0]!.person}) › svar`,
      `${r.rader[0]!.personaId} (${r.rader[0]!.person}) › AF`,
    ]);
    expect(cert.grids?.[0]?.rows).toHaveLength(r.rader.length);
    expect(cert.figures?.map((f) => [f.target, f.met])).toEqual([
      ["≥ 90 %", true],
      ["100 %", true],
      ["≥ 95 %", true],
    ]);
    expect(chainResults(r)).toContainEqual({
      consumer: "verksamhetssystem",
      provider: "ssbtek-ssbt",
      verdict: "passed",
    });
    expect(chainResults(r)).toContainEqual({
      consumer: "ssbtek-ssbt",
      provider: "ssbtek-af",
      verdict: "passed",
    });
    const junit = parseXml(formatJunit(cert));
    expect(childElements(junit).map((s) => attr(s, "name"))).toEqual(["personas", "fault subsets", "SLA"]);
    expect(JSON.stringify(cert)).not.toMatch(/\b(19|20)\d{10}\b/);
    const table = formatChainTable(r);
    expect(table).toContain("Fault subsets");
    expect(table).toContain("SLA: ");
    expect(table).toContain("PASSED");
  });

  it("fails when a bastjänst is unreachable for every persona, naming the section", async () => {
    const r = await certifyChain({
      seed: 1,
      now,
      faultSubsets: 0,
      upstreams: { MIV: "http://127.0.0.1:9/miv" },
    });
    expect(r.passed).toBe(false);
    expect(r.rader[0]!.fynd.map((f) => f.rule)).toEqual(["CHAIN.sektion.ssbt"]);
    const cert = chainCertifyReport(r, new Date(), 1);
    expect(cert.summary.failed).toBe(r.rader.length);
    const miv = cert.suites[0]!.cases.find((c) => c.status === "fail")!;
    expect(miv.name).toMatch(/ › MIV$/);
    expect(miv.findings[0]!.replay).toBe(
      "npx ssbtek-harness certify chain --seed 1 --clock 2026-11-20T09:00:00.000Z --fault-subsets 0",
    );
    expect(
      chainResults(r)
        .filter((p) => p.verdict === "failed")
        .map((p) => p.provider),
    ).toEqual(["ssbtek-miv", "ssbtek-ssbt"]);
    expect(formatChainTable(r)).toMatch(/FAILED: \d+ problem\(s\)/);
  });

  it("stops when its signal aborts and reports what was done, marked interrupted", async () => {
    const stop = new AbortController();
    const r = await certifyChain({ seed: 1, now, faultSubsets: 3, signal: stop.signal }, (rad) => {
      if (rad.personaId === PERSONAS[2]!.id) stop.abort("SIGINT");
    });
    expect(r.interrupted).toBe("SIGINT");
    expect(r.rader).toHaveLength(3);
    expect(r.storningar).toEqual([]);
    expect(r.passed).toBe(false);
    const cert = chainCertifyReport(r, new Date(), 1);
    expect(cert.interrupted).toBe("SIGINT");
    expect(cert.passed).toBe(false);
    expect(formatChainTable(r)).toContain("INTERRUPTED (SIGINT): 3 of");
  });

  it("draws the same fault subsets for the same seed, other ones for another", () => {
    expect(faultSubsets(1, 5)).toEqual(faultSubsets(1, 5));
    expect(faultSubsets(2, 5)).not.toEqual(faultSubsets(1, 5));
    for (const s of faultSubsets(3, 50)) {
      const n = Object.keys(s.fel).length;
      expect(n >= 1 && n <= 3).toBe(true);
    }
  });

  it("an SLA target that is not met, or has no data, is a finding", () => {
    const sla = (mal: ChainSla["mal"]): ChainSla =>
      ({
        svarstid: { antal: 10, andelInom7s: 0.5, andelInom12s: 0.9 },
        andelBesvarade: 0.5,
        medStorning: 0,
        mal,
      }) as ChainSla;
    expect(
      slaFynd(sla({ inom7s: true, inom12s: true, leveransprecision: true })).flatMap((c) => c.fynd),
    ).toEqual([]);
    const fynd = slaFynd(sla({ inom7s: false, inom12s: null, leveransprecision: false })).flatMap(
      (c) => c.fynd,
    );
    expect(fynd.map((f) => f.rule)).toEqual(["SLA.svarstid.7s", "SLA.svarstid.12s", "SLA.leveransprecision"]);
    expect(fynd[0]!.message).toContain("50.0 %");
    expect(fynd[1]!.message).toContain("no data");
  });
});
