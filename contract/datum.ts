/**
 * Calendar days as `YYYY-MM-DD` strings: "today in Sweden" and day/month arithmetic. One module so
 * the field rules and every simulator agree on what "dagens datum" is and how "two months back"
 * is counted (CSN's −1006 and the field-rule suite must draw the line on the same day).
 */

const DAG_MS = 86_400_000;

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and
// svenskDag runs for every simulated answer.
const STOCKHOLM = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today's date in Sweden at `now`, `YYYY-MM-DD` (the authorities' "dagens datum"), whatever the
 * host's time zone.
 *
 * @example
 * svenskDag(new Date("2026-11-20T23:30:00Z")) // "2026-11-21"
 */
export function svenskDag(now: Date): string {
  // formatToParts, not format: the assembled shape must not depend on the ICU build's locale data.
  let ar = "";
  let manad = "";
  let dag = "";
  for (const p of STOCKHOLM.formatToParts(now)) {
    if (p.type === "year") ar = p.value;
    else if (p.type === "month") manad = p.value;
    else if (p.type === "day") dag = p.value;
  }
  return `${ar}-${manad}-${dag}`;
}

/**
 * `YYYY-MM-DD` plus `manader` calendar months, clamped to the month's last day.
 *
 * @example
 * laggTillManader("2026-12-31", 2) // "2027-02-28"
 */
export function laggTillManader(iso: string, manader: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + manader;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const dim = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(d, dim)).padStart(2, "0")}`;
}

/**
 * `YYYY-MM-DD` plus `n` days (negative goes back). UTC arithmetic: no time of day, no DST.
 *
 * @example
 * plusDagar("2026-12-31", 1) // "2027-01-01"
 */
export function plusDagar(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAG_MS).toISOString().slice(0, 10);
}
