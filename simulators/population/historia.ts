import { laggTillManader } from "../../contract/kalender.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";

/**
 * A person's history is fixed in calendar time for a given seed and clock: every simulator tells
 * the same past whatever period is asked about. The named personas' stories are written around
 * "now" ({@link berattelseperiod}); every dated fact is resolved against it, never against the
 * asked period, and every payment is laid out over the whole {@link historiefonster}.
 */

/** Years of history before the clock's date. */
export const AR_FORE = 3;
/** Years of history (planned payments, decided periods) after the clock's date. */
export const AR_EFTER = 1;

/**
 * The span every person's history covers: three years before to one year after the clock's
 * date, so any period the contract allows has data.
 *
 * @example
 * historiefonster("2026-11-20") // { fromDatum: "2023-11-20", tomDatum: "2027-11-20" }
 */
export function historiefonster(idag: string): Tidsperiod {
  return { fromDatum: laggTillManader(idag, -12 * AR_FORE), tomDatum: laggTillManader(idag, 12 * AR_EFTER) };
}

/**
 * The "now" the named personas' stories speak of ("sedan terminsstart", "del av perioden"): the
 * clock's month and the two before it, up to the clock's date. A story's relative date is
 * resolved against this period, so it is the same in every answer given on that clock.
 *
 * @example
 * berattelseperiod("2026-11-20") // { fromDatum: "2026-09-01", tomDatum: "2026-11-20" }
 */
export function berattelseperiod(idag: string): Tidsperiod {
  return { fromDatum: `${laggTillManader(idag, -2).slice(0, 8)}01`, tomDatum: idag };
}
