import { maskeraText } from "../../contract/personidentitet.js";

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
 * fine here: a log line must never carry a personidentitet, whatever shape it arrived in.
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

const MAX_DEPTH = 8;

/**
 * Returns a copy of a log object with every string (and every 10–12 digit integer) passed through
 * {@link maskeraPersonnummerLika}, at any depth. Cycles and very deep nesting are cut, not followed.
 *
 * @example
 * maskeraDjupt({ fel: { text: "fel för 199608239829" } }) // { fel: { text: "fel för 19960823-****" } }
 */
export function maskeraDjupt<T>(value: T): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return maskeraPersonnummerLika(v);
    if (typeof v === "number" || typeof v === "bigint") {
      const s = String(v);
      if (/^\d{10,12}$/.test(s)) {
        const masked = maskeraPersonnummerLika(s);
        return masked === s ? v : masked;
      }
      return v;
    }
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v) || depth >= MAX_DEPTH) return "[utelämnad]";
    seen.add(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[maskeraPersonnummerLika(k)] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}
