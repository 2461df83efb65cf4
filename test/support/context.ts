import { kontrollsiffra } from "../../contract/personidentitet.js";
import type { SsbtFraga, Tidsperiod } from "../../contract/ssbt/model.js";
import type { SimulatorContext } from "../../simulators/context.js";
import { Population } from "../../simulators/population/population.js";
import { referensFraga } from "../../suites/pact/referens.js";

/** The fixed "now" of the test suite: a Friday in month-end peak, 10:00 Swedish time. */
export const TEST_NOW = "2026-11-20T10:00:00+01:00";

/** A period every bastjänst accepts at {@link TEST_NOW} (CSN: at most 2 months back, 1 month ahead). */
export const TEST_PERIOD: Tidsperiod = { fromDatum: "2026-09-21", tomDatum: "2026-11-20" };

/**
 * A checksum-valid 12-digit personidentitet for a birth date (`YYYYMMDD`) and a three-digit birth
 * number: a test identity that is no named persona, so the population generates the person.
 *
 * @example
 * testIdentitet("19800101", "123") // "19800101123" + its check digit
 */
export function testIdentitet(datum: string, nummer: string): string {
  return `${datum}${nummer}${kontrollsiffra(`${datum.slice(2)}${nummer}`)}`;
}

/** A simulator context with a fixed clock. */
export function testContext(seed = 42, now = TEST_NOW): SimulatorContext {
  const population = new Population(seed);
  const t = new Date(now);
  return { seed, population, now: () => new Date(t) };
}

/** Base64 of a LEFI v9 JSON question for this person and period (the FK simulator's own builder). */
export { lefiFragaBase64 } from "../../simulators/fk/index.js";

/**
 * A complete composite question for one person with all seven bastjänster included: the pacts'
 * reference question ({@link referensFraga}), so tests and pacts ask the same thing.
 *
 * @example
 * const fraga = testFraga("199608239829");
 */
export function testFraga(personidentitet: string, period: Tidsperiod = TEST_PERIOD): SsbtFraga {
  return referensFraga(personidentitet, { period });
}
