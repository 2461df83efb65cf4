import { describe, expect, it } from "vitest";
import { minnas } from "./person-minne.js";
import { Population } from "./population.js";

describe("minnas", () => {
  const pop = new Population(1);
  const a = pop.hitta("199001152388")!;
  const b = pop.hitta("198502283944")!;

  it("computes once per person, kind, seed and day, and again when any of them changes", () => {
    let n = 0;
    const rakna = () => ({ n: ++n });
    const forsta = minnas(a, "TEST", 1, "2026-11-20", rakna);
    expect(minnas(a, "TEST", 1, "2026-11-20", rakna)).toBe(forsta);
    expect(n).toBe(1);
    expect(minnas(a, "TEST", 1, "2026-11-21", rakna)).toEqual({ n: 2 });
    expect(minnas(a, "TEST", 2, "2026-11-21", rakna)).toEqual({ n: 3 });
    expect(minnas(a, "ANNAT", 2, "2026-11-21", rakna)).toEqual({ n: 4 });
    expect(minnas(b, "TEST", 2, "2026-11-21", rakna)).toEqual({ n: 5 });
    // Only the latest key is kept per person and kind: going back computes again.
    expect(minnas(a, "TEST", 1, "2026-11-20", rakna)).toEqual({ n: 6 });
  });

  it("remembers an undefined value too", () => {
    let n = 0;
    const inget = () => {
      n++;
      return undefined;
    };
    minnas(a, "INGET", 1, 2025, inget);
    expect(minnas(a, "INGET", 1, 2025, inget)).toBeUndefined();
    expect(n).toBe(1);
  });
});
