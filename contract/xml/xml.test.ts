import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContractViolation, type HarnessError } from "../errors.js";
import { childElements, el, textOf } from "./node.js";
import { parseXml } from "./parse.js";
import { SequenceReader } from "./reader.js";
import { escapeAttr, escapeText, rememberEscaped, serializeXml } from "./serialize.js";
import { isXsdDate, isXsdDateTime, readBase64, readBoolean, readInt } from "./xsd-types.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as HarnessError).code;
  }
  return "no error";
};

describe("parseXml", () => {
  it("resolves namespaces, prefixed and default", () => {
    const r = parseXml('<a:x xmlns:a="urn:a" xmlns="urn:d"><y attr="1"/><a:z>t&amp;t</a:z></a:x>');
    expect([r.ns, r.local]).toEqual(["urn:a", "x"]);
    const [y, z] = childElements(r);
    expect([y!.ns, y!.local, y!.attrs[0]!.value]).toEqual(["urn:d", "y", "1"]);
    expect(textOf(z!)).toBe("t&t");
  });

  it("refuses DTDs, so no entity expansion and no external entities", () => {
    expect(code(() => parseXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'))).toBe(
      "XML_DTD_FORBIDDEN",
    );
    expect(code(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>'))).toBe(
      "XML_DTD_FORBIDDEN",
    );
  });

  it("refuses undefined entities, malformed XML, too deep and too many elements", () => {
    expect(code(() => parseXml("<x>&nbsp;</x>"))).toBe("XML_MALFORMED");
    expect(code(() => parseXml("<x><y></x>"))).toBe("XML_MALFORMED");
    expect(code(() => parseXml(""))).toBe("XML_MALFORMED");
    expect(code(() => parseXml(`${"<a>".repeat(100)}${"</a>".repeat(100)}`, { maxDepth: 64 }))).toBe(
      "XML_TOO_DEEP",
    );
    expect(code(() => parseXml(`<r>${"<a/>".repeat(50)}</r>`, { maxElements: 10 }))).toBe("XML_TOO_LARGE");
  });
});

describe("serializeXml", () => {
  it("declares every namespace once on the root with the preferred prefix and escapes text", () => {
    const x = el("urn:a", "r", [el("urn:b", "c", ['<&>"']), el("", "u", ["1"])], { k: 'a"b' });
    expect(serializeXml(x, { prefixes: { "urn:a": "a" } })).toBe(
      '<a:r xmlns:a="urn:a" xmlns:ns1="urn:b" k="a&quot;b"><ns1:c>&lt;&amp;&gt;"</ns1:c><u>1</u></a:r>',
    );
  });

  it("writes the same name under each serialization's own prefix", () => {
    const x = el("urn:a", "r", [el("urn:b", "c", ["1"]), el("urn:a", "c"), el("", "c", ["2"])]);
    expect(serializeXml(x)).toBe(
      '<ns1:r xmlns:ns1="urn:a" xmlns:ns2="urn:b"><ns2:c>1</ns2:c><ns1:c/><c>2</c></ns1:r>',
    );
    expect(serializeXml(x, { prefixes: { "urn:a": "ns2", "urn:b": "b" } })).toBe(
      '<ns2:r xmlns:ns2="urn:a" xmlns:b="urn:b"><b:c>1</b:c><ns2:c/><c>2</c></ns2:r>',
    );
  });

  it("round-trips through parseXml", () => {
    const x = el("urn:a", "r", [el("urn:a", "c", ["å ä ö — 漢"]), el("", "e")]);
    const again = parseXml(serializeXml(x));
    expect(serializeXml(again)).toBe(serializeXml(x));
  });
});

describe("escapeText", () => {
  const naive = (t: string) =>
    t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\r", "&#13;");
  it("escapes &, <, > and CR anywhere in short and long texts (the long path searches differently)", () => {
    const alphabet = fc.constantFrom("a", "Z", "9", "+", "/", "=", "å", "&", "<", ">", "\r", "\n", '"');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }), (chars) => {
        const t = chars.join("");
        expect(escapeText(t)).toBe(naive(t));
      }),
      { numRuns: 400 },
    );
    const base64 = "QUJD".repeat(2000);
    expect(escapeText(base64)).toBe(base64);
    expect(escapeText(`${base64}\r`)).toBe(`${base64}&#13;`);
    expect(escapeText(`<${base64}`)).toBe(`&lt;${base64}`);
    expect(escapeAttr(`a"b\tc`)).toBe("a&quot;b&#9;c");
  });

  it("answers a remembered text from memory, and only the last few texts", () => {
    const doc = `<a>${"x".repeat(100)}</a>`;
    rememberEscaped(doc, "FROM MEMORY");
    expect(escapeText(doc)).toBe("FROM MEMORY");
    for (let i = 0; i < 4; i++)
      rememberEscaped(`<b${i}>${"y".repeat(100)}</b${i}>`, naive(`<b${i}>${"y".repeat(100)}</b${i}>`));
    expect(escapeText(doc)).toBe(naive(doc));
  });
});

describe("SequenceReader", () => {
  const doc = parseXml('<r xmlns="urn:a"><one>1</one><many>a</many><many>b</many><last>z</last></r>');
  it("reads an xsd:sequence in order", () => {
    const r = new SequenceReader(doc, "/r");
    expect(r.text("urn:a", "one")).toBe("1");
    expect(r.optional("urn:a", "nope")).toBeUndefined();
    expect(r.many("urn:a", "many").length).toBe(2);
    expect(r.text("urn:a", "last")).toBe("z");
    r.end();
  });
  it("names the path of a missing, misplaced or unexpected element", () => {
    const r = new SequenceReader(doc, "/r");
    expect(() => r.text("urn:a", "last")).toThrow(/\/r\/last: expected element last but found one/);
    const r2 = new SequenceReader(doc, "/r");
    r2.one("urn:a", "one");
    expect(() => r2.end()).toThrow(ContractViolation);
  });
});

describe("xsd types", () => {
  it("accepts only real dates and dateTimes", () => {
    expect(isXsdDate("2024-02-29")).toBe(true);
    expect(isXsdDate("2025-02-29")).toBe(false);
    expect(isXsdDate("2025-01-01+01:00")).toBe(true);
    expect(isXsdDate("20250101")).toBe(false);
    expect(isXsdDateTime("2026-11-20T10:00:00+01:00")).toBe(true);
    expect(isXsdDateTime("2026-11-20T25:00:00")).toBe(false);
  });
  it("judges every YYYY-MM-DD day as Date does (the common form is read by hand)", () => {
    const byDate = (y: number, m: number, d: number) =>
      m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
    const p = (n: number, w: number) => String(n).padStart(w, "0");
    for (const y of [0, 4, 99, 100, 200, 400, 1600, 1900, 2000, 2023, 2024, 2100, 2400, 9996, 9999])
      for (let m = 0; m <= 13; m++)
        for (const d of [0, 1, 28, 29, 30, 31, 32])
          expect(isXsdDate(`${p(y, 4)}-${p(m, 2)}-${p(d, 2)}`), `${y}-${m}-${d}`).toBe(byDate(y, m, d));
    expect(isXsdDate("0000-02-29")).toBe(false); // Date reads year 0 as 1900
    expect(isXsdDate("2024-0a-01")).toBe(false);
    expect(isXsdDate("12024-02-29")).toBe(true);
  });

  it("reads booleans, ints and base64 strictly", () => {
    expect(readBoolean("1", "/b")).toBe(true);
    expect(() => readBoolean("yes", "/b")).toThrow(ContractViolation);
    expect(() => readInt("70000", "/s", -32768, 32767)).toThrow(/outside/);
    expect(readBase64("aGVq", "/x").toString()).toBe("hej");
    expect(() => readBase64("a$b=", "/x")).toThrow(/base64/);
  });
});
