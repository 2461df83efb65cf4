import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { faltfel } from "../../contract/faltregler/engine.js";
import { FALTREGELTABELLER } from "../../contract/faltregler/tabeller.js";
import { trimsWhitespace } from "../../contract/faltregler/typer.js";
import { andraJson, andraXml, lasXml } from "./andra.js";
import { giltigtVarde, ogiltigaAlternativ } from "./varden.js";

// The assertion kit every value arbitrary must pass: valid values break no aspect of their row,
// each invalid alternative breaks exactly the aspect it names. One test per table (LEFI has 1 600+ rows).
const text = (typ: Parameters<typeof trimsWhitespace>[0], v: string) => (trimsWhitespace(typ) ? v.trim() : v);

describe("value arbitraries derived from the tables", () => {
  it.each(
    FALTREGELTABELLER.map((t) => [t.id, t] as const),
  )("%s: valid values pass, invalid values break their aspect", (_id, t) => {
    const fel: string[] = [];
    for (const row of t.falt) {
      const bra = giltigtVarde(row);
      if (bra)
        for (const v of fc.sample(bra, { seed: 7, numRuns: 5 }))
          if (faltfel(row, text(row.typ, v)).length > 0)
            fel.push(`${row.id}: valid ${JSON.stringify(v)} rejected`);
      for (const a of ogiltigaAlternativ(row).filter((x) => x.aspekt !== "min"))
        for (const o of fc.sample(a.arb, { seed: 7, numRuns: 3 }))
          if (!faltfel(row, text(row.typ, o.varde!)).some((f) => f.aspekt === a.aspekt))
            fel.push(`${row.id}: ${a.aspekt} ${JSON.stringify(o.varde)} accepted`);
    }
    expect(fel).toEqual([]);
  });
});

describe("changing one field", () => {
  const xml = { kind: "element" as const, ns: "urn:x", local: "a", attrs: [], children: [] };
  it("sets and removes XML elements, repeated ones and attributes", () => {
    let a = andraXml(
      {
        ...xml,
        children: [
          { ...xml, local: "b", children: [{ kind: "text", text: "1" }] },
          { ...xml, local: "b" },
        ],
      },
      "/a/b[2]",
      { satt: "2" },
    );
    expect(lasXml(a, "/a/b[2]")).toBe("2");
    a = andraXml(a, "/a/@x", { satt: "y" });
    expect(lasXml(a, "/a/@x")).toBe("y");
    a = andraXml(a, "/a/b[1]", { taBort: true });
    expect(lasXml(a, "/a/b[1]")).toBe("2");
    expect(() => andraXml(a, "/a/c", { satt: "1" })).toThrow(/No c/);
  });

  it("sets and removes JSON keys and array items", () => {
    expect(andraJson({ p: { f: "1" }, l: ["a", "b"] }, "/p/f", { satt: "2" })).toEqual({
      p: { f: "2" },
      l: ["a", "b"],
    });
    expect(andraJson({ l: ["a", "b"] }, "/l[1]", { taBort: true })).toEqual({ l: ["b"] });
    expect(andraJson({ l: ["a"], m: 1 }, "/l", { taBort: true })).toEqual({ m: 1 });
  });
});
