import type { SsbtFraga, Tidsperiod } from "../../contract/ssbt/model.js";
import type { SimulatorContext } from "../../simulators/context.js";
import { lefiFragaBase64 } from "../../simulators/fk/index.js";
import { Population } from "../../simulators/population/population.js";

/** The fixed "now" of the test suite: a Friday in month-end peak, 10:00 Swedish time. */
export const TEST_NOW = "2026-11-20T10:00:00+01:00";

/** A period every bastjänst accepts at {@link TEST_NOW} (CSN: at most 2 months back, 1 month ahead). */
export const TEST_PERIOD: Tidsperiod = { fromDatum: "2026-09-21", tomDatum: "2026-11-20" };

/** A simulator context with a fixed clock. */
export function testContext(seed = 42, now = TEST_NOW): SimulatorContext {
  const population = new Population(seed);
  const t = new Date(now);
  return { seed, population, now: () => new Date(t) };
}

/** Base64 of a LEFI v9 JSON question for this person and period (the FK simulator's own builder). */
export { lefiFragaBase64 } from "../../simulators/fk/index.js";

/**
 * A complete composite question for one person with all seven bastjänster included.
 *
 * @example
 * const fraga = testFraga("199608239829");
 */
export function testFraga(personidentitet: string, period: Tidsperiod = TEST_PERIOD): SsbtFraga {
  return {
    generellaFrageparametrar: {
      frageTidpunkt: "2026-11-20T10:00:00+01:00",
      korrelationsid: "c0ffee00-0000-4000-8000-000000000001",
      fraganSkallInkluderasISvaret: false,
      ingivare: { organisationsnummer: "162129999991", namn: "Testkommunen", handlaggare: "HL0001" },
      personidentitet,
      arendeidentitet: "ARENDE-2026-0001",
      tidsperiod: { ...period },
      personuppgiftsbitrade: [],
      syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
      lagtext: "11 kap. 11 a § socialtjänstlagen (2001:453)",
    },
    specifikaFrageparametrar: {
      AF: { inkludera: true },
      CSN: { inkludera: true },
      FK: {
        inkludera: true,
        fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefiFragaBase64(personidentitet, period) },
      },
      SKV: { inkludera: true },
      SO: { inkludera: true },
      TNS: { inkludera: true },
      MIV: { inkludera: true },
    },
  };
}
