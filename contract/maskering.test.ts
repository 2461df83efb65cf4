import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kortMaskerad, maskera, maskeraText } from "./maskering.js";
import { kontrollsiffra } from "./personidentitet.js";

/** A checksum-valid 12-digit personnummer or samordningsnummer. */
const personidentitet = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ year, month, day, samordning, serial }) => {
    const p2 = (n: number) => String(n).padStart(2, "0");
    const nio = `${String(year).slice(2)}${p2(month)}${p2(samordning ? day + 60 : day)}${String(serial).padStart(3, "0")}`;
    return `${String(year).slice(0, 2)}${nio}${kontrollsiffra(nio)}`;
  });

const SEPARATORS = [
  " ",
  "  ",
  "_",
  "/",
  ".",
  "-",
  "+",
  "–",
  "—",
  "−",
  "\u00a0",
  "\u200b",
  "\n      ",
  "\t",
  "－",
  ", ",
];
const separator = fc.constantFrom(...SEPARATORS);

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));

/** The many ways a person or system may write one personidentitet. */
const spelling = fc
  .record({
    pid: personidentitet,
    tio: fc.boolean(),
    form: fc.constantFrom("plain", "separated", "dated", "spaced", "grouped"),
    sep: separator,
    sep2: separator,
    digits: fc.constantFrom("ascii", "full-width", "arabic-indic", "mixed"),
  })
  .map(({ pid, tio, form, sep, sep2, digits }) => {
    const id = tio ? pid.slice(2) : pid;
    const datum = id.slice(0, id.length - 4);
    const slut = id.slice(-4);
    let text: string;
    if (form === "plain") text = id;
    else if (form === "separated") text = `${datum}${sep}${slut}`;
    else if (form === "dated")
      text = `${datum.slice(0, -4)}${sep}${datum.slice(-4, -2)}${sep}${datum.slice(-2)}${sep2}${slut}`;
    else if (form === "spaced") text = [...id].join(sep);
    else text = `${id.slice(0, 3)}${sep}${id.slice(3, 7)}${sep2}${id.slice(7)}`;
    if (digits === "full-width") text = fullWidth(text);
    else if (digits === "arabic-indic") text = arabicIndic(text);
    else if (digits === "mixed") text = [...text].map((c, i) => (i % 2 ? fullWidth(c) : c)).join("");
    return { pid, text };
  });

/** Free text around it, without digits (a digit glued on would make it another number). */
const around = fc.string({ maxLength: 12 }).map((s) => s.replace(/\p{Nd}/gu, "x"));

/** Every digit of a text as ASCII, nothing else. */
function digitsOf(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0x30 && cp <= 0x39) out += ch;
    else if (cp >= 0xff10 && cp <= 0xff19) out += String(cp - 0xff10);
    else if (cp >= 0x0660 && cp <= 0x0669) out += String(cp - 0x0660);
  }
  return out;
}

describe("maskeraText", () => {
  it.each([
    ["199608239829", "19960823-****"],
    ["19960823-9829", "19960823-****"],
    ["960823-9829", "960823-****"],
    ["960823+9829", "960823-****"],
    ["9608239829", "960823-****"],
    ["19960823982", "19960823-****"], // 11 digits: malformed, still personal
    ["1996082398", "19960823-****"], // a 12-digit number cut to 10
    ["199608839829", "19960883-****"], // samordningsnummer
    // The spellings the issue found logged as typed:
    ["19700303 9885", "19700303-****"],
    ["19700303_9885", "19700303-****"],
    ["19700303/9885", "19700303-****"],
    ["19700303.9885", "19700303-****"],
    ["1970-03-03-9885", "19700303-****"],
    ["19700303–9885", "19700303-****"],
    ["1 9 7 0 0 3 0 3 9 8 8 5", "19700303-****"],
    ["１９７００３０３９８８５", "19700303-****"],
    ["19700303\n        9885", "19700303-****"],
  ])("masks %s", (input, expected) => {
    expect(maskeraText(`fel: ${input}.`)).toBe(`fel: ${expected}.`);
  });

  it.each([
    "162129999991", // organisationsnummer, 12 digits
    "2120001637", // organisationsnummer, 10 digits
    "c0ffee00-0000-4000-8000-000000000001", // UUID
    "2026-11-20T10:00:00+01:00", // time
    "2026-11-20 10:00:00", // time with a space
    "1234567890123", // 13 digits: not a personnummer
    "123456789", // 9 digits
    "SSBT-1005",
    "p50 500 ms, p90 500 ms, p99 8000 ms, max 8000 ms",
  ])("leaves %s alone", (input) => {
    expect(maskeraText(input)).toBe(input);
  });

  it("masks every generated spelling of a personnummer or samordningsnummer, anywhere in a text", () => {
    fc.assert(
      fc.property(spelling, around, around, ({ pid, text }, before, after) => {
        const out = maskeraText(`${before} ${text} ${after}`);
        // The date part may stay; the birth date followed by the last four digits never does.
        expect(digitsOf(out)).not.toContain(pid.slice(2));
        expect(out).toMatch(/\d{6}-\*{4}/);
      }),
      { numRuns: 2000 },
    );
  });

  it("masks a personnummer among other numbers (a date before, an amount after)", () => {
    fc.assert(
      fc.property(spelling, ({ pid, text }) => {
        const out = maskeraText(`2026-11-20 ${text} 1200 kr`);
        // The amount's own digits may equal the last four (…0502-**** 1200 kr): judge what precedes it.
        const utanBelopp = out.endsWith(" 1200 kr") ? out.slice(0, -" 1200 kr".length) : out;
        expect(digitsOf(utanBelopp)).not.toContain(pid.slice(2));
        expect(out).toContain("-****"); // over-masking the date or the amount next to it is allowed
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent and leaves text without ten digits untouched", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = maskeraText(s);
        expect(maskeraText(once)).toBe(once);
        if (digitsOf(s).length < 10) expect(once).toBe(s);
      }),
    );
  });
});

describe("maskera and kortMaskerad", () => {
  it("masks a personidentitet field whole", () => {
    expect(maskera("199608239829")).toBe("19960823-****");
    expect(maskera("abc")).toBe("****");
  });

  it("masks before it cuts, so no half personnummer survives the cut", () => {
    expect(kortMaskerad("fel i 197003039885 och mycket mer", 16)).toBe("fel i 19700303-…");
    expect(kortMaskerad("x".repeat(5_000_000), 40)).toHaveLength(40);
  });
});
