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
});
