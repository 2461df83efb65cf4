import PersonnummerModule from "personnummer";

// The package is CommonJS (`module.exports = Personnummer`) but its types declare an ES default export.
const Personnummer = PersonnummerModule as unknown as typeof PersonnummerModule.default;

/**
 * Masks a personidentitet for logs and reports: the birth date stays, the four last digits go.
 *
 * @example
 * maskera("199608239829") // "19960823-****"
 */
export function maskera(personidentitet: string): string {
  const digits = personidentitet.replace(/\D/g, "");
  if (digits.length === 12) return `${digits.slice(0, 8)}-****`;
  if (digits.length === 10) return `${digits.slice(0, 6)}-****`;
  return "****";
}

/**
 * Masks every 12-digit or 10-digit personnummer-like run in a free text. A 10-digit run with a
 * separator is masked only when it starts with a date (YYMMDD, day + 60 for a samordningsnummer):
 * an organisationsnummer (`212000-1355`, "month" 20 or more) stays, as everywhere else.
 *
 * @example
 * maskeraText("pnr 19960823-9829, orgnr 212000-1355") // "pnr 19960823-****, orgnr 212000-1355"
 */
export function maskeraText(text: string): string {
  return text
    .replace(/(?<!\d)((?:19|20)\d{6})[-+]?\d{4}(?!\d)/g, "$1-****")
    .replace(/(?<!\d)(\d{2})(\d{2})(\d{2})[-+]\d{4}(?!\d)/g, (hit, yy: string, mm: string, dd: string) => {
      const m = Number(mm);
      const d = Number(dd);
      return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91))
        ? `${yy}${mm}${dd}-****`
        : hit;
    });
}

/**
 * A 10–12 digit run, optionally with one separator after the date part: YYYYMMDDNNNN,
 * YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, and 11-digit malformed forms.
 */
const DIGIT_RUN = /(?<![\d])(\d{6}|\d{8})([-+]?)(\d{3,4})(?![\d])/g;

function arDatum(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/**
 * Length of the birth date the digits start with: 8 for YYYYMMDD (century 18–20), 6 for YYMMDD,
 * 0 for none (day + 60 for a samordningsnummer). An organisationsnummer never starts with one (its
 * "month" is 20 or more, and the 12-digit form starts with 16), nor, as a rule, does a UUID group.
 */
function fodelsedatumLangd(digits: string): 0 | 6 | 8 {
  const long = /^(?:18|19|20)\d{2}(\d{2})(\d{2})/.exec(digits);
  if (long && arDatum(Number(long[1]), Number(long[2]))) return 8;
  return arDatum(Number(digits.slice(2, 4)), Number(digits.slice(4, 6))) ? 6 : 0;
}

/**
 * Masks every personnummer-like value in a text: first {@link maskeraText}, then any remaining run
 * of 10–12 digits (with or without a separator after the date, including malformed 11-digit ones)
 * that starts with a birth date. The date part stays, the rest becomes `****`. Over-masking is
 * fine here: a log line or report must never carry a personidentitet, whatever shape it arrived in.
 * An organisationsnummer is never masked (its "month" is 20 or more, or it starts with 16): the
 * same rule everywhere, so a report shows it the same in every place.
 *
 * @example
 * maskeraPersonnummerLika("personidentitet 19960823982 har 11 siffror") // "personidentitet 19960823-**** har 11 siffror"
 * maskeraPersonnummerLika("ingivare 162129999991") // unchanged: an organisationsnummer
 */
export function maskeraPersonnummerLika(text: string): string {
  return maskeraText(text).replace(DIGIT_RUN, (hit: string, datum: string, _sep: string, slut: string) => {
    const digits = datum + slut;
    const langd = digits.length >= 10 ? fodelsedatumLangd(digits) : 0;
    return langd === 0 ? hit : `${digits.slice(0, langd)}-****`;
  });
}

/** True when the 12 digits form a checksum-valid personnummer or samordningsnummer. */
export function arGiltigPersonidentitet(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  return Personnummer.valid(personidentitet);
}

/** True for a samordningsnummer (day of birth + 60). */
export function arSamordningsnummer(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  const day = Number(personidentitet.slice(6, 8));
  return day >= 61 && day <= 91;
}

/** The birth date (YYYY-MM-DD) of a 12-digit personidentitet, undoing the samordningsnummer +60. */
export function fodelsedatum(personidentitet: string): string {
  const y = personidentitet.slice(0, 4);
  const m = personidentitet.slice(4, 6);
  let d = Number(personidentitet.slice(6, 8));
  if (d > 60) d -= 60;
  return `${y}-${m}-${String(d).padStart(2, "0")}`;
}

/** True when the first eight digits (after undoing +60) are a real calendar date. */
export function harRimligtDatum(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  const [y, m, d] = fodelsedatum(personidentitet).split("-").map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Luhn check digit for the nine digits YYMMDDNNN. */
export function kontrollsiffra(nio: string): number {
  let sum = 0;
  for (let i = 0; i < nio.length; i++) {
    let d = Number(nio[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
