/**
 * How Swedish caseworkers read dates, periods and amounts: "1 jan 2026", "1 jan 2026 – 31 jan 2026",
 * "1 300 kr". Written out by hand (not Intl) so the same bytes come out whatever ICU data the
 * Node build carries. Spaces inside a number and before "kr" are non-breaking (U+00A0), as in
 * Swedish typography: a line never breaks inside an amount.
 */

const MANADER = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"];

/** Non-breaking space. */
export const NBSP = "\u00a0";

/**
 * A date `YYYY-MM-DD` (or `YYYYMMDD`, or an xsd:dateTime) as "1 jan 2026"; anything else as is.
 *
 * @example
 * svensktDatum("2026-01-01") // "1 jan 2026"
 * svensktDatum("20261231") // "31 dec 2026"
 */
export function svensktDatum(value: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T|[+-]\d{2}:\d{2}$|Z$)/.exec(value.trim());
  if (!m) return value;
  const manad = Number(m[2]);
  const dag = Number(m[3]);
  if (manad < 1 || manad > 12 || dag < 1 || dag > 31) return value;
  return `${dag} ${MANADER[manad - 1]} ${m[1]}`;
}

/**
 * A period as "1 jan 2026 – 31 jan 2026"; an open end as "från 1 jan 2026" / "till 31 jan 2026".
 *
 * @example
 * svenskPeriod("2026-01-01", "2026-01-31") // "1 jan 2026 – 31 jan 2026"
 */
export function svenskPeriod(from: string | undefined, tom: string | undefined): string {
  if (from && tom) return `${svensktDatum(from)} – ${svensktDatum(tom)}`;
  if (from) return `från ${svensktDatum(from)}`;
  if (tom) return `till ${svensktDatum(tom)}`;
  return "";
}

/**
 * An amount in kronor as "1 300 kr" (öre shown only when there are any: "1 300,50 kr").
 *
 * @example
 * kronor(1300) // "1 300 kr" (with non-breaking spaces)
 * kronor("-3564") // "−3 564 kr"
 */
export function kronor(value: number | string): string {
  const n = typeof value === "number" ? value : Number(String(value).trim().replace(",", "."));
  if (!Number.isFinite(n)) return String(value);
  const negativ = n < 0;
  const abs = Math.abs(n);
  const hela = Math.trunc(abs);
  const ore = Math.round((abs - hela) * 100);
  const grupperad = String(hela).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const text = ore > 0 ? `${grupperad},${String(ore).padStart(2, "0")}` : grupperad;
  return `${negativ ? "\u2212" : ""}${text}${NBSP}kr`;
}

/**
 * A time of day from an ISO instant, Swedish time ("10:04:07").
 *
 * @example
 * svenskTid(new Date("2026-11-20T09:04:07Z")) // "10:04:07"
 */
export function svenskTid(d: Date): string {
  return TID.format(d);
}

const TID = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * A duration for people: "850 ms", "7,2 s".
 *
 * @example
 * svenskTidsatgang(7240) // "7,2 s"
 */
export function svenskTidsatgang(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}${NBSP}ms`;
  return `${(Math.round(ms / 100) / 10).toFixed(1).replace(".", ",")}${NBSP}s`;
}
