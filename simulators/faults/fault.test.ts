import { describe, expect, it } from "vitest";
import { isHarnessError } from "../../contract/errors.js";
import {
  formatDuration,
  formatFault,
  formatFaults,
  parseDuration,
  parseFault,
  parseFaultAssignment,
  parseFaults,
} from "./fault.js";

describe("fault specs", () => {
  it.each([
    ["down", { kind: "down" }],
    ["slow:15s", { kind: "slow", ms: 15_000 }],
    ["slow:800ms", { kind: "slow", ms: 800 }],
    ["slow:1.5s", { kind: "slow", ms: 1500 }],
    ["slow:2m", { kind: "slow", ms: 120_000 }],
    ["error:502", { kind: "error", status: 502 }],
    ["error:404", { kind: "error", status: 404 }],
    ["malformed", { kind: "malformed" }],
    ["fault", { kind: "fault" }],
    ["closed", { kind: "closed" }],
    ["DOWN", { kind: "down" }],
  ])("parses %s", (spec, fault) => {
    expect(parseFault(spec)).toEqual(fault);
  });

  it.each([
    [
      "dwn",
      'unknown fault kind "dwn": use down, slow:<duration> (e.g. slow:15s), error:<HTTP status 400–599>',
    ],
    ["slow", '"slow": slow needs a duration with a unit up to 1h (60m), e.g. slow:15s or slow:800ms.'],
    ["slow:15", '"slow:15": slow needs a duration with a unit'],
    ["slow:fast", "slow needs a duration with a unit"],
    ["error", '"error": the HTTP status must be 400–599, e.g. error:502.'],
    ["error:200", "the HTTP status must be 400–599"],
    ["error:5xx", "the HTTP status must be 400–599"],
    ["down:now", '"down:now": down takes no argument.'],
    ["slow:1s:2s", 'has too many ":" parts'],
    ["", 'unknown fault kind ""'],
  ])("rejects %j: %s", (spec, message) => {
    let err: unknown;
    try {
      parseFault(spec);
    } catch (e) {
      err = e;
    }
    expect(isHarnessError(err) && err.code).toBe("BAD_FAULT");
    expect((err as Error).message).toContain(message);
  });

  it("round-trips through formatFault", () => {
    for (const s of [
      "down",
      "slow:15s",
      "slow:1500ms",
      "slow:2m",
      "error:502",
      "malformed",
      "fault",
      "closed",
    ])
      expect(formatFault(parseFault(s))).toBe(s);
  });

  it("parses and formats durations", () => {
    expect(parseDuration("15s")).toBe(15_000);
    expect(parseDuration("15")).toBeUndefined();
    expect(parseDuration("15", { bareMs: true })).toBe(15);
    expect(parseDuration("-1s")).toBeUndefined();
    expect(formatDuration(10_000)).toBe("10s");
    expect(formatDuration(250)).toBe("250ms");
    expect(formatDuration(0)).toBe("0s");
  });
});

describe("fault assignments and maps", () => {
  it("parses KOD=FAULT, case-insensitively for the kod", () => {
    expect(parseFaultAssignment("MIV=down")).toEqual(["MIV", { kind: "down" }]);
    expect(parseFaultAssignment("csn=slow:15s")).toEqual(["CSN", { kind: "slow", ms: 15_000 }]);
  });

  it.each([
    ["MIV", '"MIV" is not KOD=FAULT, e.g. MIV=down or CSN=slow:15s.'],
    ["=down", '"=down" is not KOD=FAULT'],
    ["XYZ=down", 'unknown bastjänst "XYZ" in "XYZ=down": use one of AF, CSN, FK, SKV, SO, TNS, MIV.'],
    ["AF=explode", 'unknown fault kind "explode"'],
  ])("rejects %s", (spec, message) => {
    expect(() => parseFaultAssignment(spec)).toThrow(message);
  });

  it("accepts a map, a list, or parsed faults", () => {
    const want = { MIV: { kind: "down" }, CSN: { kind: "slow", ms: 15_000 } };
    expect(parseFaults({ MIV: "down", CSN: "slow:15s" })).toEqual(want);
    expect(parseFaults(["MIV=down", "CSN=slow:15s"])).toEqual(want);
    expect(parseFaults({ MIV: { kind: "down" }, CSN: { kind: "slow", ms: 15_000 } })).toEqual(want);
    expect(parseFaults({})).toEqual({});
    expect(parseFaults([])).toEqual({});
  });

  it.each([
    [{ XYZ: "down" }, 'faults.XYZ: unknown bastjänst "XYZ"'],
    [{ MIV: "dwn" }, 'faults.MIV: unknown fault kind "dwn"'],
    [{ MIV: 5 }, 'faults.MIV: expected a fault text such as "down" or "slow:15s", got 5.'],
    [["MIV=down", "miv=fault"], "faults[1]: MIV is given twice; give one fault per bastjänst."],
    [[42], 'faults[0]: expected "KOD=FAULT" strings, got 42.'],
    ["MIV=down", 'faults: expected {"MIV": "down", …} or ["MIV=down", …], got "MIV=down".'],
  ])("rejects %j with a message naming the field", (input, message) => {
    expect(() => parseFaults(input)).toThrow(message);
  });

  it("formats a map in contract order", () => {
    expect(Object.keys(formatFaults(parseFaults(["MIV=down", "AF=error:502", "FK=malformed"])))).toEqual([
      "AF",
      "FK",
      "MIV",
    ]);
  });
});
