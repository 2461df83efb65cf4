import { describe, expect, it } from "vitest";
import { parseXml } from "./parse.js";

describe("parseXml hardening", () => {
  it("refuses an attribute flood while the tag is read, before it is buffered whole", () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="x"`).join(" ");
    expect(parseXml(`<r ${attrs(256)}/>`).attrs).toHaveLength(256);
    const t0 = performance.now();
    expect(() => parseXml(`<r ${attrs(200_000)}/>`)).toThrow(/more than 256 attributes/);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(() => parseXml(`<r ${attrs(3)}/>`, { maxAttributes: 2 })).toThrow(/more than 2 attributes/);
  });

  it("refuses XML 1.1, whose control characters an XML 1.0 contract cannot carry", () => {
    expect(() => parseXml('<?xml version="1.1"?><a>&#1;</a>')).toThrow(/XML version 1.1 is not accepted/);
    expect(parseXml('<?xml version="1.0"?><a>x</a>').local).toBe("a");
  });

  it("refuses processing instructions only when asked (SOAP does)", () => {
    const doc = '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><a/>';
    expect(parseXml(doc).local).toBe("a");
    expect(() => parseXml(doc, { refuseProcessingInstructions: true })).toThrow(/processing instructions/);
  });

  it("keeps refusing DTDs, deep nesting and NUL", () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(/DOCTYPE/);
    expect(() => parseXml(`${"<d>".repeat(65)}${"</d>".repeat(65)}`)).toThrow(/deeper than 64/);
    expect(() => parseXml("<a>&#0;</a>")).toThrow(/not well-formed/);
  });
});
