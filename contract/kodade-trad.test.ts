import { describe, expect, it } from "vitest";
import { KodadeTrad } from "./kodade-trad.js";
import { el } from "./xml/node.js";

describe("KodadeTrad", () => {
  it("gives the model back for the very tree it was encoded to, and nothing for any other tree", () => {
    const trad = new KodadeTrad<{ namn: string }>();
    const modell = { namn: "Anna" };
    const kodat = trad.minns(el("urn:x", "svar", [el("urn:x", "namn", [modell.namn])]), modell);
    expect(trad.modell(kodat)).toBe(modell);
    // A dialect or a parse makes another tree with the same content: it must be decoded, not trusted.
    expect(trad.modell({ ...kodat })).toBeUndefined();
    expect(trad.modell(el("urn:x", "svar", [el("urn:x", "namn", ["Anna"])]))).toBeUndefined();
    // Each codec keeps its own: another codec's memory knows nothing of this tree.
    expect(new KodadeTrad<{ namn: string }>().modell(kodat)).toBeUndefined();
  });
});

describe("KodadeTrad keeps only the last tree", () => {
  it("forgets a tree once another of its kind is encoded (the receiver then decodes it)", () => {
    const trad = new KodadeTrad<{ n: number }>();
    const a = trad.minns(el("urn:x", "a"), { n: 1 });
    const b = trad.minns(el("urn:x", "b"), { n: 2 });
    expect(trad.modell(a)).toBeUndefined();
    expect(trad.modell(b)).toEqual({ n: 2 });
  });
});
