import { describe, expect, it } from "vitest";
import { maskeraDjupt, maskeraPersonnummerLika } from "./mask.js";

describe("maskeraPersonnummerLika", () => {
  it.each([
    ["199608239829", "19960823-****"],
    ["19960823-9829", "19960823-****"],
    ["960823-9829", "960823-****"],
    ["960823+9829", "960823-****"],
    ["9608239829", "960823-****"],
    ["19960823982", "19960823-****"], // 11 digits: malformed, still personal
    ["1996082398", "19960823-****"], // a 12-digit number cut to 10
    ["199608839829", "19960883-****"], // samordningsnummer
  ])("masks %s", (input, expected) => {
    expect(maskeraPersonnummerLika(`fel: ${input}.`)).toBe(`fel: ${expected}.`);
  });

  it.each([
    "162129999991", // organisationsnummer, 12 digits
    "2120001637", // organisationsnummer, 10 digits
    "c0ffee00-0000-4000-8000-000000000001", // UUID
    "2026-11-20T10:00:00+01:00", // time
    "1234567890123", // 13 digits: not a personnummer
    "123456789", // 9 digits
    "SSBT-1005",
  ])("leaves %s alone", (input) => {
    expect(maskeraPersonnummerLika(input)).toBe(input);
  });
});

describe("maskeraDjupt", () => {
  it("masks strings, keys and 10–12 digit integers at any depth, without touching the input", () => {
    const input = {
      a: "199608239829",
      b: [{ c: "fråga om 960823-9829" }],
      n: 199608239829,
      ms: 1234,
      "199608239829": true,
      ok: null,
    };
    expect(maskeraDjupt(input)).toEqual({
      a: "19960823-****",
      b: [{ c: "fråga om 960823-****" }],
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
