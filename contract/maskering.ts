/**
 * The project's one masking of personidentitet in free text (logs, metrics, reports, error
 * messages). A personnummer or samordningsnummer is found in any spelling a person or a system
 * may give it: 12 or 10 digits, with any separator or none (`-`, `+`, space, `_`, `/`, `.`, en and
 * em dash, minus sign, full-width forms, zero-width characters), with the date itself written with
 * separators (`1970-03-03-9885`), as spaced digits (`1 9 7 0 0 3 0 3 9 8 8 5`), wrapped over a line
 * inside a field, and in any Unicode decimal digits (full-width `１９７０…`, Arabic-Indic …).
 *
 * What is masked: a run of 10–12 digits that starts with a birth date (YYYYMMDD with century
 * 18–20, or YYMMDD; day + 60 for a samordningsnummer), written
 * - as one run of digits (`197003039885`, also a malformed 11-digit one),
 * - or as date ⟨separators⟩ last digits,
 * - or in any other grouping (the date itself with separators, spaced digits) when the last ten digits pass the personnummer check digit
 *   (so that a timestamp or an amount list is not taken for one by accident).
 * The birth date stays, the rest becomes `****`: `19700303-****`. Over-masking is preferred to a
 * leak.
 */

/** Separators a personidentitet may be written with (any of them, up to {@link MAX_GAP} in a row). */
const SEPARATOR = /[\s\-+_/.,\\|:‐-―−﹘﹣－＿／．，＋\u00ad\u200b-\u200d\u2060\ufeff]/u;
const MAX_GAP = 12;
const DIGIT = /\p{Nd}/u;

const digitValues = new Map<number, number>();

/** The value 0–9 of a Unicode decimal digit (every Nd block is ten consecutive code points). */
function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  const known = digitValues.get(cp);
  if (known !== undefined) return known;
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  const v = (cp - start) % 10;
  digitValues.set(cp, v);
  return v;
}

interface Group {
  /** ASCII digits of the group. */
  digits: string;
  /** UTF-16 offsets of the group in the text. */
  start: number;
  end: number;
}

function isDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/** Length of the birth date `digits` (10–12 of them) starts with: 8, 6 or 0 for none. */
function dateLength(digits: string): 0 | 6 | 8 {
  {
    const c = digits.slice(0, 2);
    if (
      (c === "18" || c === "19" || c === "20") &&
      isDate(Number(digits.slice(4, 6)), Number(digits.slice(6, 8)))
    )
      return 8;
  }
  if (digits.length <= 11 && isDate(Number(digits.slice(2, 4)), Number(digits.slice(4, 6)))) return 6;
  return 0;
}

/** Luhn check over the last ten digits (YYMMDDNNNC). */
function luhn(digits: string): boolean {
  const ten = digits.slice(-10);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = (ten.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether groups[i..j] (their digits `d`) form a personidentitet by their shape alone. */
function classicShape(groups: readonly Group[], i: number, j: number, datum: number): boolean {
  const n = j - i + 1;
  if (n === 1) return true;
  const tail = groups[j]!.digits.length;
  if (tail < 3 || tail > 4) return false;
  // Any other grouping (1970-03-03-9885, spaced digits) needs the check digit: a date range
  // such as 2026-01-03..2026-01-02 is not one.
  return n === 2 && groups[i]!.digits.length === datum;
}

/**
 * Every window of whole groups in a chain that reads as a personidentitet. Windows may overlap
 * (a date in front of one, `2026-11-20 19700303 9885`): the caller masks their union.
 */
function maskChain(groups: readonly Group[], hits: Hit[]): void {
  for (let i = 0; i < groups.length; i++) {
    let total = 0;
    let d = "";
    for (let j = i; j < groups.length; j++) {
      total += groups[j]!.digits.length;
      if (total > 12) break;
      d += groups[j]!.digits;
      if (total < 10) continue;
      const datum = dateLength(d);
      if (datum === 0) continue;
      if (classicShape(groups, i, j, datum) || (total !== 11 && luhn(d)))
        hits.push({ start: groups[i]!.start, end: groups[j]!.end, text: `${d.slice(0, datum)}-****` });
    }
  }
}

interface Hit {
  start: number;
  end: number;
  text: string;
}

/**
 * Masks every personnummer and samordningsnummer in a text, in any spelling (see the module
 * comment). Text without ten digits is returned as is, fast.
 *
 * @example
 * maskeraText("pnr 19700303 9885") // "pnr 19700303-****"
 * maskeraText("pnr １９７００３０３－９８８５") // "pnr 19700303-****"
 * maskeraText("ingivare 162129999991") // unchanged: an organisationsnummer
 */
export function maskeraText(text: string): string {
  // Fast path: fewer than ten digits of any kind cannot hold one.
  let count = 0;
  for (let k = 0; k < text.length && count < 10; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c > 127 && DIGIT.test(text[k] ?? ""))) count += 1;
    else if (c >= 0xd800 && c <= 0xdbff && DIGIT.test(text.slice(k, k + 2))) count += 1;
  }
  if (count < 10) return text;

  const hits: Hit[] = [];
  let chain: Group[] = [];
  let group: Group | undefined;
  let gapStart = -1;
  const endChain = () => {
    if (chain.length) maskChain(chain, hits);
    chain = [];
  };
  for (let k = 0; k < text.length; ) {
    const cp = text.codePointAt(k) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(k, k + width);
    if ((cp >= 48 && cp <= 57) || (cp > 127 && DIGIT.test(ch))) {
      if (!group) {
        group = { digits: "", start: k, end: k };
        chain.push(group);
      }
      group.digits += String(digitValue(cp));
      group.end = k + width;
    } else {
      if (group) {
        group = undefined;
        gapStart = k;
      }
      if (!SEPARATOR.test(ch) || k + width - gapStart > MAX_GAP) endChain();
    }
    k += width;
  }
  endChain();
  if (!hits.length) return text;
  hits.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const h of hits) {
    if (h.end <= at) continue; // inside a span already masked
    // Overlapping spans are masked together, with the first one's date.
    out += h.start >= at ? text.slice(at, h.start) + h.text : "";
    at = h.end;
  }
  return out + text.slice(at);
}

/**
 * Masks a value known to be a personidentitet (a `personidentitet` field): the birth date stays,
 * the rest goes; anything that is not 10 or 12 digits is masked whole.
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
 * Masks a text and cuts it to at most `max` characters (an ellipsis marks the cut). Masking comes
 * first, so a cut never leaves half a personnummer behind; the input is bounded first so a huge
 * value costs little.
 *
 * @example
 * kortMaskerad("fel i 197003039885 och mycket mer", 16) // "fel i 19700303-…"
 */
export function kortMaskerad(text: string, max = 80): string {
  const masked = maskeraText(text.length > max + 40 ? text.slice(0, max + 40) : text);
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

/**
 * A value quoted for an error message: JSON, masked, at most `max` characters — an error never
 * repeats a large or personal input back.
 *
 * @example
 * citat("x".repeat(5000)) // "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 * citat({ MIV: 1 }) // "{\"MIV\":1}"
 */
export function citat(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value.length > max ? value.slice(0, max) : value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Array.isArray(value) ? "[…]" : "{…}"; // too deep or cyclic to print
    }
  }
  return kortMaskerad(text, max);
}
