/**
 * fast-check arbitraries for SSBTEK messages, for property-based tests of vendors' systems.
 * The field-rule arbitraries are derived from the tables in fixtures/faltregler: valid questions
 * that keep every rule, questions with one rule broken (tagged with the rule id, the path and the
 * composite service's expected reaction), and valid/invalid values for any table row.
 *
 * @example
 * import fc from "fast-check";
 * import { ogiltigSsbtFraga, ssbtFraga } from "ssbtek-harness/arbitraries";
 * fc.assert(fc.property(ssbtFraga(), (f) => myEncoder(f).length > 0), { seed: 42 });
 * fc.assert(fc.property(ogiltigSsbtFraga(), (o) => myValidator(o.xml).includes(o.path)), { seed: 42 });
 */
import fc from "fast-check";
import { kontrollsiffra } from "./contract/personidentitet.js";
import type { SpecifikaFrageparametrar, SsbtFraga, Tidsperiod } from "./contract/ssbt/model.js";
import { SSBT_SEKTIONER } from "./contract/ssbt/sektioner.js";
import { PERSONAS } from "./simulators/population/population.js";
import { organisationsnummer } from "./suites/field-rules/varden.js";

export {
  bastjanstregelBrott,
  type FrageOptions,
  giltigPeriod,
  giltigSsbtFraga,
  giltigSsbtFragaV11,
  type OgiltigFraga,
  ogiltigSsbtFraga,
  STANDARD_NU,
} from "./suites/field-rules/fraga.js";
export {
  felKontrollsiffra,
  giltigPersonidentitet,
  giltigtVarde,
  type OgiltigtVarde,
  ogiltigaAlternativ,
  ogiltigtVarde,
  organisationsnummer,
} from "./suites/field-rules/varden.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A checksum-valid personnummer (born 1930–2007, test serial 980–999), optionally a samordningsnummer. */
export function personnummer(options: { samordningsnummer?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .record({
      y: fc.integer({ min: 1930, max: 2007 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      n: fc.integer({ min: 980, max: 999 }),
    })
    .map(({ y, m, d, n }) => {
      const day = options.samordningsnummer ? d + 60 : d;
      const nio = `${pad(y % 100)}${pad(m)}${pad(day)}${n}`;
      return `${y}${pad(m)}${pad(day)}${n}${kontrollsiffra(nio)}`;
    });
}

/** A personidentitet of a named persona. */
export function personaIdentitet(): fc.Arbitrary<string> {
  return fc.constantFrom(...PERSONAS.map((p) => p.personidentitet));
}

/** A period of 1–60 days ending on or before `latest` (YYYY-MM-DD). */
export function tidsperiod(latest = "2026-11-20"): fc.Arbitrary<Tidsperiod> {
  const end = Date.parse(`${latest}T00:00:00Z`);
  return fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 59 })).map(([back, len]) => {
    const tom = new Date(end - back * 86_400_000);
    const from = new Date(tom.getTime() - len * 86_400_000);
    return { fromDatum: from.toISOString().slice(0, 10), tomDatum: tom.toISOString().slice(0, 10) };
  });
}

/** A valid composite question (v10), any subset of bastjänster included. */
export function ssbtFraga(): fc.Arbitrary<SsbtFraga> {
  return fc
    .record({
      pid: fc.oneof(personaIdentitet(), personnummer(), personnummer({ samordningsnummer: true })),
      period: tidsperiod(),
      orgnr: organisationsnummer(),
      inkl: fc.array(fc.boolean(), { minLength: SSBT_SEKTIONER.length, maxLength: SSBT_SEKTIONER.length }),
      korr: fc.option(fc.uuid(), { nil: undefined }),
      echo: fc.boolean(),
      arende: fc.stringMatching(/^[A-Z0-9-]{1,31}$/),
    })
    .map(({ pid, period, orgnr, inkl, korr, echo, arende }) => {
      const lefi = Buffer.from(
        JSON.stringify({
          personnummer: pid,
          period: { from: period.fromDatum, tom: period.tomDatum },
          formansinformation: ["FK:BOB"],
        }),
      ).toString("base64");
      const f: SsbtFraga = {
        generellaFrageparametrar: {
          fraganSkallInkluderasISvaret: echo,
          ingivare: { organisationsnummer: orgnr, namn: "Testkommun", handlaggare: "HL0001" },
          personidentitet: pid,
          arendeidentitet: arende,
          tidsperiod: period,
          personuppgiftsbitrade: [],
          syfte: "Ekonomiskt bistånd",
          lagtext: "11 kap. 11 a § SoL",
        },
        // One flag per section of the contract, in contract order; LEFI needs its question too.
        specifikaFrageparametrar: Object.fromEntries(
          SSBT_SEKTIONER.map(({ kod }, i) => [
            kod,
            kod === "FK" && inkl[i]
              ? { inkludera: true, fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefi } }
              : { inkludera: inkl[i]! },
          ]),
        ) as SpecifikaFrageparametrar,
      };
      if (korr !== undefined) f.generellaFrageparametrar.korrelationsid = korr;
      return f;
    });
}
