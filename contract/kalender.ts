/**
 * The one Swedish calendar of the project. Days are `YYYY-MM-DD` strings (UTC arithmetic, no time
 * of day, no DST). It answers "today in Sweden", day/month arithmetic, weekdays (ISO: 1 = Monday …
 * 7 = Sunday, the only convention in the code), bank days (weekends, public holidays incl. the
 * Easter-based ones, and the days banks keep closed in practice: midsommarafton, julafton,
 * nyårsafton) and every payer's payment day, kept as data in {@link UTBETALNINGSREGLER}.
 *
 * One module so the field rules and every simulator agree on what "dagens datum" is, how "two
 * months back" is counted (CSN's −1006 and the field-rule suite must draw the line on the same
 * day) and on which day money moves.
 */

import { BegransatMinne } from "./minne.js";

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
  // The Swedish day only changes on a whole minute (offsets are whole hours): one remembered minute
  // spares the ICU call for every answer computed within it.
  const minut = Math.floor(now.getTime() / 60_000);
  if (minut === senastMinut) return senastDag;
  // formatToParts, not format: the assembled shape must not depend on the ICU build's locale data.
  let ar = "";
  let manad = "";
  let dag = "";
  for (const p of STOCKHOLM.formatToParts(now)) {
    if (p.type === "year") ar = p.value;
    else if (p.type === "month") manad = p.value;
    else if (p.type === "day") dag = p.value;
  }
  senastMinut = minut;
  senastDag = `${ar}-${manad}-${dag}`;
  return senastDag;
}
let senastMinut = Number.NaN;
let senastDag = "";

const STOCKHOLM_TIMME = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hour: "numeric",
  hourCycle: "h23",
});

/**
 * The Swedish wall clock at `now`: the day, its year, its ISO weekday (1 = Monday … 7 = Sunday)
 * and the hour (0–23), whatever the host's time zone.
 *
 * @example
 * svenskTid(new Date("2026-11-22T01:30:00Z")) // { dag: "2026-11-22", ar: 2026, veckodag: 7, timme: 2 }
 */
export function svenskTid(now: Date): { dag: string; ar: number; veckodag: Veckodag; timme: number } {
  // Like svenskDag: the wall clock's day and hour only change on a whole minute.
  const minut = Math.floor(now.getTime() / 60_000);
  if (minut === tidMinut && senastTid) return { ...senastTid };
  const dag = svenskDag(now);
  const timme = Number(STOCKHOLM_TIMME.formatToParts(now).find((p) => p.type === "hour")?.value ?? 0) % 24;
  senastTid = { dag, ar: Number(dag.slice(0, 4)), veckodag: veckodag(dag), timme };
  tidMinut = minut;
  return { ...senastTid };
}
let tidMinut = Number.NaN;
let senastTid: { dag: string; ar: number; veckodag: Veckodag; timme: number } | undefined;

/**
 * The period a question asks unless told otherwise: the last two calendar months up to today in
 * Sweden. Every bastjänst accepts it at `now`; CSN, the strictest, refuses a from-date more than
 * two months back (60 days is more than that in March and April).
 *
 * @example
 * standardPeriod(new Date("2027-03-28T10:00:00+02:00")) // { fromDatum: "2027-01-28", tomDatum: "2027-03-28" }
 */
export function standardPeriod(now: Date): { fromDatum: string; tomDatum: string } {
  const idag = svenskDag(now);
  return { fromDatum: laggTillManader(idag, -2), tomDatum: idag };
}

/**
 * `YYYY-MM-DD` plus `manader` calendar months, clamped to the month's last day.
 *
 * @example
 * laggTillManader("2026-12-31", 2) // "2027-02-28"
 */
export function laggTillManader(iso: string, manader: number): string {
  const dn = dagnummer(iso);
  if (Number.isNaN(dn)) return laggTillManaderLangsamt(iso, manader);
  const y = siffror(iso, 0, 4);
  const index = y * 12 + (siffror(iso, 5, 2) - 1) + manader;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return isoAv(dagnrAv(ny, nm, Math.min(siffror(iso, 8, 2), manadsLangd(ny, nm))));
}

function laggTillManaderLangsamt(iso: string, manader: number): string {
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
  const dn = dagnummer(iso);
  if (Number.isNaN(dn))
    return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAG_MS).toISOString().slice(0, 10);
  return isoAv(dn + n);
}

// Day numbers (days since 1970-01-01, proleptic Gregorian): the calendar's arithmetic runs for
// every payment of every answer, so it is integer arithmetic on the digits, not Date objects.

function siffror(iso: string, fran: number, antal: number): number {
  let v = 0;
  for (let i = fran; i < fran + antal; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

function arSkottar(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MANADSLANGD = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function manadsLangd(y: number, m: number): number {
  return m === 2 && arSkottar(y) ? 29 : (MANADSLANGD[m - 1] as number);
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dagnrAv(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of a `YYYY-MM-DD` within years 0000–9999, else NaN (the caller falls back to Date). */
function dagnummer(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = siffror(iso, 0, 4);
  const m = siffror(iso, 5, 2);
  const d = siffror(iso, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= manadsLangd(y, m))) return Number.NaN;
  return dagnrAv(y, m, d);
}

// Formatting a day is the costly half; the days a process talks about are a few decades.
const ISO_AV = new BegransatMinne<number, string>(60_000, raknaIsoAv);

/** `YYYY-MM-DD` of a day number (H. Hinnant's civil_from_days). */
function isoAv(dn: number): string {
  return ISO_AV.hamta(dn);
}

function raknaIsoAv(dn: number): string {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(dn * DAG_MS).toISOString().slice(0, 10);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * The day number (days since 1970-01-01) of a `YYYY-MM-DD` in the years 0000–9999, else NaN: the
 * calendar's own arithmetic, for callers that count days in bulk.
 *
 * @example
 * dagnummerAv("1970-01-02") // 1
 */
export function dagnummerAv(iso: string): number {
  return dagnummer(iso);
}

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01); the inverse of {@link dagnummerAv}.
 *
 * @example
 * datumAv(1) // "1970-01-02"
 */
export function datumAv(dn: number): string {
  return isoAv(dn);
}

// ---------------------------------------------------------------------------------------------
// Weekdays, months

/** ISO weekday 1 = Monday … 7 = Sunday. */
export type Veckodag = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * The ISO weekday of a day number (days since 1970-01-01, see {@link dagnummerAv}).
 *
 * @example
 * veckodagAv(0) // 4 (1970-01-01 was a Thursday)
 */
export function veckodagAv(dn: number): Veckodag {
  return (((((dn + 3) % 7) + 7) % 7) + 1) as Veckodag;
}

/**
 * The ISO weekday of a day: 1 = Monday … 7 = Sunday.
 *
 * @example
 * veckodag("2026-12-25") // 5 (a Friday)
 */
export function veckodag(iso: string): Veckodag {
  const dn = dagnummer(iso);
  if (!Number.isNaN(dn)) return veckodagAv(dn);
  const d = new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();
  return (d === 0 ? 7 : d) as Veckodag;
}

/**
 * Every day from `fran` to `till` (both included), or only Monday–Friday with `vardagar`.
 *
 * @example
 * dagarFranTill("2026-12-04", "2026-12-07", true) // ["2026-12-04", "2026-12-07"]
 */
export function dagarFranTill(fran: string, till: string, vardagar = false): string[] {
  const a = dagnummer(fran);
  const b = dagnummer(till);
  const out: string[] = [];
  if (Number.isNaN(a) || Number.isNaN(b)) {
    for (let d = fran; d <= till; d = plusDagar(d, 1)) if (!vardagar || veckodag(d) <= 5) out.push(d);
    return out;
  }
  for (let dn = a; dn <= b; dn++) if (!vardagar || ((dn % 7) + 7 + 3) % 7 < 5) out.push(isoAv(dn));
  return out;
}

/**
 * The Monday on or before a day.
 *
 * @example
 * mandagFore("2026-11-22") // "2026-11-16"
 */
export function mandagFore(iso: string): string {
  return plusDagar(iso, 1 - veckodag(iso));
}

/**
 * The Sunday on or after a day.
 *
 * @example
 * sondagEfter("2026-11-18") // "2026-11-22"
 */
export function sondagEfter(iso: string): string {
  return plusDagar(iso, 7 - veckodag(iso));
}

/**
 * The number of days in the month a day lies in (28–31).
 *
 * @example
 * dagarIManad("2028-02-10") // 29
 */
export function dagarIManad(iso: string): number {
  const y = siffror(iso, 0, 4);
  const m = siffror(iso, 5, 2);
  if (m >= 1 && m <= 12) return manadsLangd(y, m);
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();
}

/**
 * Day `dag` of the month `iso` lies in, clamped to the month's last day.
 *
 * @example
 * dagIManad("2026-02-03", 31) // "2026-02-28"
 */
export function dagIManad(iso: string, dag: number): string {
  return `${iso.slice(0, 8)}${String(Math.min(dag, dagarIManad(iso))).padStart(2, "0")}`;
}

/**
 * Whole days from `fran` to `till` (negative when `till` is earlier).
 *
 * @example
 * dagarMellan("2026-12-31", "2027-01-02") // 2
 */
export function dagarMellan(fran: string, till: string): number {
  const a = dagnummer(fran);
  const b = dagnummer(till);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return b - a;
  return Math.round((Date.parse(`${till}T00:00:00Z`) - Date.parse(`${fran}T00:00:00Z`)) / DAG_MS);
}

// ---------------------------------------------------------------------------------------------
// Bank days

function dagStr(ar: number, manad: number, dag: number): string {
  const d = new Date(0);
  d.setUTCFullYear(ar, manad - 1, dag);
  return d.toISOString().slice(0, 10);
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher).
 *
 * @example
 * paskdagen(2027) // "2027-03-28"
 */
export function paskdagen(ar: number): string {
  const a = ar % 19;
  const b = Math.floor(ar / 100);
  const c = ar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const manad = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return dagStr(ar, manad, dag);
}

/** The first day in [from, from + 6] with the given ISO weekday. */
function forstaVeckodag(from: string, vd: Veckodag): string {
  return plusDagar(from, (vd - veckodag(from) + 7) % 7);
}

const HELGDAGAR = new Map<number, ReadonlyMap<string, string>>();

/**
 * The days banks are closed in a year apart from weekends, with their Swedish names: the public
 * holidays (lag 1989:253, incl. the Easter-based ones) and midsommarafton, julafton and
 * nyårsafton, which are not holidays by law but bank-free in practice.
 *
 * @example
 * bankfriaDagar(2025).get("2025-04-18") // "långfredagen"
 */
export function bankfriaDagar(ar: number): ReadonlyMap<string, string> {
  const cached = HELGDAGAR.get(ar);
  if (cached) return cached;
  const pask = paskdagen(ar);
  const m = new Map<string, string>([
    [dagStr(ar, 1, 1), "nyårsdagen"],
    [dagStr(ar, 1, 6), "trettondedag jul"],
    [plusDagar(pask, -2), "långfredagen"],
    [pask, "påskdagen"],
    [plusDagar(pask, 1), "annandag påsk"],
    [dagStr(ar, 5, 1), "första maj"],
    [plusDagar(pask, 39), "Kristi himmelsfärdsdag"],
    [plusDagar(pask, 49), "pingstdagen"],
    [dagStr(ar, 6, 6), "Sveriges nationaldag"],
    [forstaVeckodag(dagStr(ar, 6, 19), 5), "midsommarafton"],
    [forstaVeckodag(dagStr(ar, 6, 20), 6), "midsommardagen"],
    [forstaVeckodag(dagStr(ar, 10, 31), 6), "alla helgons dag"],
    [dagStr(ar, 12, 24), "julafton"],
    [dagStr(ar, 12, 25), "juldagen"],
    [dagStr(ar, 12, 26), "annandag jul"],
    [dagStr(ar, 12, 31), "nyårsafton"],
  ]);
  HELGDAGAR.set(ar, m);
  return m;
}

/**
 * True when money moves on the day: a Monday–Friday that is not a public holiday, midsommarafton,
 * julafton or nyårsafton.
 *
 * @example
 * arBankdag("2026-12-25") // false (juldagen)
 * arBankdag("2026-12-23") // true
 */
export function arBankdag(iso: string): boolean {
  if (veckodag(iso) >= 6) return false;
  return !bankfriaDagar(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The day itself when it is a bank day, else the nearest bank day before it: where a payment due
 * on a non-bank day lands.
 *
 * @example
 * bankdagPaEllerFore("2026-12-25") // "2026-12-23"
 */
export function bankdagPaEllerFore(iso: string): string {
  let d = iso;
  while (!arBankdag(d)) d = plusDagar(d, -1);
  return d;
}

/**
 * The day itself when it is a bank day, else the nearest bank day after it.
 *
 * @example
 * bankdagPaEllerEfter("2026-12-24") // "2026-12-28"
 */
export function bankdagPaEllerEfter(iso: string): string {
  let d = iso;
  while (!arBankdag(d)) d = plusDagar(d, 1);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Payment days: one rule per payer, as data

/**
 * A payer's payment-day rule. `manadsdag`: day `dag` of every month; `vecka`: every week, on
 * weekday `veckodag` after the reported week (Monday–Sunday) ends. Either way a day that is not
 * a bank day moves to the bank day before it — for a weekly payer only as long as that is after
 * the reported week, else to the bank day after.
 */
export type Utbetalningsregel =
  | { readonly typ: "manadsdag"; readonly dag: number; readonly beskrivning: string }
  | { readonly typ: "vecka"; readonly veckodag: Veckodag; readonly beskrivning: string };

/** The payers (and payment streams with their own day) the simulators pay from. */
export type Betalare =
  | "FK"
  | "FK_BARNBIDRAG"
  | "FK_BOSTADSBIDRAG"
  | "FK_SJUKERSATTNING"
  | "PM"
  | "CSN"
  | "AKASSA";

/**
 * Every payer's payment-day rule. The one place a payment day is decided: FK's benefits on the
 * 25th, barnbidrag on the 20th, bostadsbidrag on the 25th, sjuk- and aktivitetsersättning and
 * their bostadstillägg with the pensions on the 19th, Pensionsmyndigheten on the 19th, CSN on
 * the 25th, the a-kassor every week on the Tuesday after the reported week.
 */
export const UTBETALNINGSREGLER: Readonly<Record<Betalare, Utbetalningsregel>> = {
  FK: { typ: "manadsdag", dag: 25, beskrivning: "Försäkringskassan: den 25:e" },
  FK_BARNBIDRAG: { typ: "manadsdag", dag: 20, beskrivning: "barnbidrag: den 20:e" },
  FK_BOSTADSBIDRAG: { typ: "manadsdag", dag: 25, beskrivning: "bostadsbidrag: den 25:e" },
  FK_SJUKERSATTNING: {
    typ: "manadsdag",
    dag: 19,
    beskrivning: "sjuk- och aktivitetsersättning, bostadstillägg: den 19:e",
  },
  PM: { typ: "manadsdag", dag: 19, beskrivning: "Pensionsmyndigheten: den 19:e" },
  CSN: { typ: "manadsdag", dag: 25, beskrivning: "CSN: den 25:e" },
  AKASSA: { typ: "vecka", veckodag: 2, beskrivning: "a-kassan: tisdagen efter den rapporterade veckan" },
};

/**
 * A payer's payment day in the month `iso` lies in (for a weekly payer: the payment for the week
 * `iso` lies in), moved to the bank day before when it is not a bank day.
 *
 * @example
 * utbetalningsdag("FK", "2026-12-01") // "2026-12-23" (the 25th is juldagen)
 * utbetalningsdag("PM", "2025-04-01") // "2025-04-17" (the 19th is a Saturday, the 18th långfredagen)
 */
export function utbetalningsdag(betalare: Betalare, iso: string): string {
  return UTBETALNINGSDAGAR[betalare].hamta(iso);
}

// Every payment of every answer asks for its payment day, over the same few years: like ISO_AV,
// each payer's answers are remembered (bounded, for a long-running process).
const UTBETALNINGSDAGAR = Object.fromEntries(
  Object.entries(UTBETALNINGSREGLER).map(([betalare, regel]) => [
    betalare,
    new BegransatMinne<string, string>(60_000, (iso) => raknaUtbetalningsdag(regel, iso)),
  ]),
) as Readonly<Record<Betalare, BegransatMinne<string, string>>>;

function raknaUtbetalningsdag(r: Utbetalningsregel, iso: string): string {
  if (r.typ === "manadsdag") return bankdagPaEllerFore(dagIManad(iso, r.dag));
  const sondag = sondagEfter(iso);
  const dag = plusDagar(sondag, r.veckodag);
  // Never paid before the reported week has ended: then the first bank day after it instead.
  const fore = bankdagPaEllerFore(dag);
  return fore > sondag ? fore : bankdagPaEllerEfter(dag);
}

/** The last Sunday of a month (1-12), as `YYYY-MM-DD`. */
function sistaSondag(ar: number, manad: number): string {
  const sista = dagIManad(`${String(ar).padStart(4, "0")}-${String(manad).padStart(2, "0")}-01`, 31);
  return plusDagar(sista, -(veckodag(sista) % 7));
}

/**
 * Sweden's UTC offset at local midnight of a day, as an `xsd:date` time zone: "+02:00" in summer
 * time (EU rule, in force since 1996: from the last Sunday of March to the last Sunday of October;
 * the switch happens at night, so midnight of the March Sunday is still winter time and midnight of
 * the October Sunday summer time), else "+01:00". Producers that serialise a date from a zoned
 * calendar (Migrationsverket, Arbetsförmedlingen in production) write it so.
 *
 * @example
 * svenskTidszon("2016-11-18") // "+01:00"
 * svenskTidszon("1997-09-12") // "+02:00"
 */
export function svenskTidszon(dag: string): "+01:00" | "+02:00" {
  const sommar = SOMMARTID.hamta(Number(dag.slice(0, 4)));
  return dag > sommar[0] && dag <= sommar[1] ? "+02:00" : "+01:00";
}

// Each year's summer time (the last Sundays of March and October), asked for every zoned date.
const SOMMARTID = new BegransatMinne<number, readonly [string, string]>(10_000, (ar) => [
  sistaSondag(ar, 3),
  sistaSondag(ar, 10),
]);
