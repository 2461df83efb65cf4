import { describe, expect, it } from "vitest";
import { BegransatMinne } from "./minne.js";

describe("BegransatMinne", () => {
  it("computes a key once and remembers at most max keys, computing later ones each time", () => {
    const anrop: number[] = [];
    const m = new BegransatMinne<number, string>(2, (n) => {
      anrop.push(n);
      return `v${n}`;
    });
    expect([m.hamta(1), m.hamta(1), m.hamta(2), m.hamta(3), m.hamta(3), m.hamta(2)]).toEqual([
      "v1",
      "v1",
      "v2",
      "v3",
      "v3",
      "v2",
    ]);
    expect(anrop).toEqual([1, 2, 3, 3]);
    expect(m.storlek).toBe(2);
  });

  it("answers runs of one key and alternating keys alike, and never remembers past max through the last key", () => {
    const anrop: (string | undefined)[] = [];
    const m = new BegransatMinne<string | undefined, string>(2, (k) => {
      anrop.push(k);
      return `v${k}`;
    });
    const fragor = ["a", "a", "a", "b", "a", "b", "b", undefined, undefined, "a"];
    expect(fragor.map((k) => m.hamta(k))).toEqual(fragor.map((k) => `v${k}`));
    // "a" and "b" once each; undefined is a key like any other, beyond max: computed each time.
    expect(anrop).toEqual(["a", "b", undefined, undefined]);
    const inget = new BegransatMinne<number, number>(0, (n) => n * 2);
    expect([inget.hamta(Number.NaN), inget.hamta(4), inget.hamta(4)]).toEqual([Number.NaN, 8, 8]);
    expect(inget.storlek).toBe(0);
  });
});
