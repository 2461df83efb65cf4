/**
 * fast-check arbitraries for single field values, derived from a field-rule table row: values the
 * row accepts, and values that break exactly one named aspect of it.
 */
import fc from "fast-check";
import { faltfel } from "../../contract/faltregler/engine.js";
import type { Faltregel } from "../../contract/faltregler/model.js";
import { kontrollsiffra } from "../../contract/personidentitet.js";
import { KODVERK_PER_KALLA, kodverk } from "../../fixtures/kodverk/index.js";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A few codes of the other kodverk in the same source file as `id` (e.g. LEFI's PM codes for an FK list). */
function grannkoder(id: string): string[] {
  const kalla = Object.values(KODVERK_PER_KALLA).find((k) => k.some((x) => x.id === id)) ?? [];
  const egna = new Set(kodverk(id).koder.map((k) => k.kod));
  const out = new Set<string>();
  for (const k of kalla)
    for (const c of k.koder) if (!egna.has(c.kod) && out.size < 6 && k.id !== id) out.add(c.kod);
  return [...out];
}

/** A broken value: which aspect of the row it breaks (`typ`, `format`, `maxLength`, `min` …) and the value (absent for `min`). */
export interface OgiltigtVarde {
  aspekt: string;
  /** The text to put in the field, or undefined to remove the field (`min`). */
  varde?: string;
}

/** A real calendar day between 1930 and 2007 (a birth date), as [year, month, day]. */
function fodelsedag(): fc.Arbitrary<[number, number, number]> {
  return fc
    .record({
      y: fc.integer({ min: 1930, max: 2007 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => [y, m, d]);
}

/**
 * A checksum-valid personidentitet (12 digits): personnummer, or samordningsnummer (day + 60).
 *
 * @example
 * fc.sample(giltigPersonidentitet(), 1) // ["19640517-…"] (12 digits)
 */
export function giltigPersonidentitet(): fc.Arbitrary<string> {
  return fc
    .tuple(fodelsedag(), fc.integer({ min: 1, max: 999 }), fc.boolean())
    .map(([[y, m, d], n, samordning]) => {
      const day = samordning ? d + 60 : d;
      const nio = `${pad(y % 100)}${pad(m)}${pad(day)}${pad(n, 3)}`;
      return `${y}${pad(m)}${pad(day)}${pad(n, 3)}${kontrollsiffra(nio)}`;
    });
}

/**
 * 12 digits with a real birth date and a wrong check digit.
 *
 * @example
 * fc.sample(felKontrollsiffra(), 1) // one 12-digit identity whose check digit is wrong
 */
export function felKontrollsiffra(): fc.Arbitrary<string> {
  return fc
    .tuple(giltigPersonidentitet(), fc.integer({ min: 1, max: 9 }))
    .map(([p, k]) => `${p.slice(0, 11)}${(Number(p[11]) + k) % 10}`);
}

/**
 * Plain text of `min`..`max` characters that any XML and any authority accepts.
 *
 * @example
 * fc.sample(text(1, 31), 1) // ["Ärende 12-a"]
 */
export function text(min = 1, max = 40): fc.Arbitrary<string> {
  const lo = Math.max(min, 1);
  const hi = Math.max(lo, Math.min(max, 60));
  return fc
    .tuple(
      fc.constantFrom(..."ABCDEFGHIJKLMNOPRSTUVÅÄÖabcdefghijklmnoprstuvåäö0123456789".split("")),
      fc.string({
        unit: fc.constantFrom(..."abcdefghijklmnopqrstuvåäöABCDEFGHIJ0123456789 -.:/".split("")),
        minLength: lo - 1,
        maxLength: hi - 1,
      }),
    )
    .map(([a, b]) => `${a}${b}`.trimEnd().padEnd(lo, "x"));
}

/**
 * An organisationsnummer matching `\d{4}[2-9]\d{7}`.
 *
 * @example
 * fc.sample(organisationsnummer(), { seed: 1, numRuns: 1 })[0] // 12 digits, the fifth 2–9
 */
export function organisationsnummer(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 0, max: 9_999_999 }),
    )
    .map(([a, b, c]) => `${pad(a, 4)}${b}${pad(c, 7)}`);
}

function datum(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2035-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

/**
 * Values a row accepts: its type, format, length, code list or enumeration and check digit
 * respected. For `complex`, `empty` and payload rows there is no leaf value: undefined.
 *
 * @example
 * fc.sample(giltigtVarde(hamtaTabell("ssbt-fraga").falt.find((r) => r.id === "SSBT.ingivare.organisationsnummer")!)!, 1)
 */
export function giltigtVarde(row: Faltregel): fc.Arbitrary<string> | undefined {
  const koder = row.kodverk ? kodverk(row.kodverk).koder.map((k) => k.kod) : undefined;
  const tillatna = row.varden && koder ? row.varden.filter((v) => koder.includes(v)) : (row.varden ?? koder);
  if (tillatna) return tillatna.length > 0 ? fc.constantFrom(...tillatna) : undefined;
  if (row.format !== undefined)
    return fc
      .stringMatching(new RegExp(`^(?:${row.format})$`, "u"))
      .filter((s) => faltfel(row, s).length === 0);
  switch (row.typ) {
    case "string":
      return text(row.minLength ?? 1, row.maxLength ?? 40);
    case "date":
      return datum();
    case "dateTime":
      return fc
        .tuple(
          datum(),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.constantFrom("", "Z", "+01:00", "+02:00"),
        )
        .map(([d, h, m, z]) => `${d}T${pad(h)}:${pad(m)}:00${z}`);
    case "datum8":
      return datum().map((d) => d.replace(/-/g, ""));
    case "int":
    case "long":
      return fc.integer({ min: row.minVarde ?? -1_000_000, max: row.maxVarde ?? 1_000_000 }).map(String);
    case "short":
      return fc
        .integer({ min: Math.max(row.minVarde ?? 1, -32768), max: Math.min(row.maxVarde ?? 999, 32767) })
        .map(String);
    case "decimal":
      return fc
        .integer({
          min: Math.ceil((row.minVarde ?? 0) * 100),
          max: Math.floor((row.maxVarde ?? 100_000) * 100),
        })
        .map((n) => (n / 100).toFixed(2));
    case "boolean":
      return fc.constantFrom("true", "false");
    case "base64":
      return fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => Buffer.from(b).toString("base64"));
    case "personidentitet":
      return giltigPersonidentitet();
    case "organisationsnummer":
      return organisationsnummer();
    default:
      return undefined;
  }
}

const OGILTIGA: Partial<Record<Faltregel["typ"], readonly string[]>> = {
  date: ["2026-02-30", "2026-13-01", "20260101", "2026-1-01", "idag", "2026-11-31", "01-11-2026"],
  dateTime: ["2026-11-20", "2026-11-20T25:00:00", "2026-11-20 10:00:00", "nu", "2026-02-30T10:00:00"],
  datum8: ["20260230", "2026-11-20", "2026113", "idag"],
  boolean: ["ja", "yes", "TRUE", "2", "sant"],
  short: ["70000", "-40000", "ett", "1.5"],
  int: ["2147483648", "tio", "1.5", "1e3"],
  long: ["tio", "1.5", "1e3", "12 000"],
  decimal: ["ett", "1,5", "1.2.3", "--1"],
  base64: ["inte base64!", "abc", "====", "QUJD*"],
  // base64 that decodes, but not to JSON / XML (base64 itself is the base64 row's business)
  base64Json: ["aW50ZSBqc29u", "W1t7", "PD94bWw+"],
  base64Xml: ["aW50ZSB4bWw=", "e30=", "PGE+"],
  personidentitet: [
    "19900101123",
    "1990010112345",
    "19900101-1234",
    "900101-1234",
    "19900101ABCD",
    "1990 0101 1234",
  ],
  organisationsnummer: [
    "162109999991",
    "161119999991",
    "21200024",
    "212000-2411",
    "1621299999910",
    "16212999999A",
  ],
};

/**
 * The ways to break a row, one per aspect (`typ`, `format`, `minLength`, `maxLength`, `varden`,
 * `kodverk`, `kontrollsiffra`, `innehall` for a payload, or `min` = the field removed).
 *
 * @example
 * ogiltigaAlternativ(row).map((a) => a.aspekt) // ["min", "typ"]
 */
export function ogiltigaAlternativ(row: Faltregel): { aspekt: string; arb: fc.Arbitrary<OgiltigtVarde> }[] {
  const out: { aspekt: string; arb: fc.Arbitrary<OgiltigtVarde> }[] = [];
  const lagg = (aspekt: string, varden: fc.Arbitrary<string>) =>
    out.push({ aspekt, arb: varden.map((varde) => ({ aspekt, varde })) });
  if (row.min >= 1) out.push({ aspekt: "min", arb: fc.constant({ aspekt: "min" }) });
  const typfel = OGILTIGA[row.typ];
  if (typfel)
    lagg(
      row.typ === "base64Json" || row.typ === "base64Xml" ? "innehall" : "typ",
      fc.constantFrom(...typfel),
    );
  if (row.typ === "string") {
    if (row.minLength !== undefined && row.minLength >= 1)
      lagg("minLength", fc.constant("x".repeat(row.minLength - 1)));
    if (row.maxLength !== undefined) {
      const max = row.maxLength;
      lagg(
        "maxLength",
        text(max + 1, max + 20).map((v) => v.padEnd(max + 1, "x")),
      );
    }
    if (row.format !== undefined) {
      const re = new RegExp(`^(?:${row.format})$`, "u");
      const fel = ["x", "-", "ABC 123", "000000000000000", "1-2", ""].filter((v) => !re.test(v));
      if (fel.length > 0) lagg("format", fc.constantFrom(...fel));
    }
    const tillatna = row.varden ?? (row.kodverk ? kodverk(row.kodverk).koder.map((k) => k.kod) : undefined);
    // Near misses first: codes of the neighbouring kodverk of the same source (a PM code where
    // only FK codes belong), then plain strangers.
    const grannar = row.kodverk ? grannkoder(row.kodverk) : [];
    const utanfor = [...grannar, "OKÄND", "x", "999999", "OK "].filter((v) => !tillatna?.includes(v));
    if (tillatna && utanfor.length > 0) lagg(row.varden ? "varden" : "kodverk", fc.constantFrom(...utanfor));
  }
  if (row.kontrollsiffra) lagg("kontrollsiffra", felKontrollsiffra());
  return out;
}

/**
 * Values that break one aspect of a row, each tagged with the aspect (see
 * {@link ogiltigaAlternativ}). Undefined when the row has nothing to break.
 *
 * @example
 * fc.sample(ogiltigtVarde(row)!, 1) // [{ aspekt: "typ", varde: "2026-02-30" }]
 */
export function ogiltigtVarde(row: Faltregel): fc.Arbitrary<OgiltigtVarde> | undefined {
  const alternativ = ogiltigaAlternativ(row);
  return alternativ.length > 0 ? fc.oneof(...alternativ.map((a) => a.arb)) : undefined;
}
