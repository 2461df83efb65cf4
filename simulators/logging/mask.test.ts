import { describe, expect, it } from "vitest";
import { maskeraDjupt } from "./mask.js";

describe("maskeraDjupt", () => {
  it("masks strings, keys and 10–12 digit integers at any depth, without touching the input", () => {
    const input = {
      a: "199608239829",
      b: [{ c: "fråga om 960823-9829", d: "19700303 9885" }],
      n: 199608239829,
      ms: 1234,
      "199608239829": true,
      ok: null,
    };
    expect(maskeraDjupt(input)).toEqual({
      a: "19960823-****",
      b: [{ c: "fråga om 960823-****", d: "19700303-****" }],
      n: "19960823-****",
      ms: 1234,
      "19960823-****": true,
      ok: null,
    });
    expect(input.a).toBe("199608239829");
  });

  it("cuts cycles", () => {
    const o: Record<string, unknown> = { x: "1" };
    o.self = o;
    expect(maskeraDjupt(o)).toEqual({ x: "1", self: "[utelämnad]" });
  });
});
