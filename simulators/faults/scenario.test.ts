import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../options.js";
import { loadScenario, parseScenario } from "./scenario.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const scenarios = join(root, "fixtures/scenarios");

describe("scenario files", () => {
  it("month-end peak: realistic profile, frozen clock in the peak", () => {
    const s = loadScenario(join(scenarios, "manadsslut-topp.json"));
    expect(s.profile).toBe("realistic");
    const o = resolveOptions({ scenario: join(scenarios, "manadsslut-topp.json") });
    expect(o.profile).toBe("realistic");
    expect(o.now().toISOString()).toBe("2026-11-27T09:00:00.000Z");
    expect(o.now()).not.toBe(o.now()); // a fresh Date each time, nobody can move the clock by mutating it
    expect(o.timing.monthEnd.factor).toBe(1.6);
    expect(o.timing.latency.FK).toEqual({ medianMs: 2200, p95Ms: 6500 });
    expect(o.faults).toEqual({});
  });

  it("MIV outage: a planned window for MIV only", () => {
    const o = resolveOptions({ scenario: join(scenarios, "miv-avbrott.json") });
    expect(o.profile).toBe("fast");
    expect(o.timing.outages).toEqual([
      {
        kod: "MIV",
        from: "2026-11-26T08:00:00+01:00",
        tom: "2026-11-26T12:00:00+01:00",
        reason: "release MIV 8.3",
      },
    ]);
  });

  it("two bastjänster down: faults from the file, flags win per bastjänst", () => {
    const file = join(scenarios, "tva-nere-storning.json");
    expect(resolveOptions({ scenario: file }).faults).toEqual({
      CSN: { kind: "down" },
      SKV: { kind: "slow", ms: 15_000 },
    });
    expect(resolveOptions({ scenario: file, faults: ["SKV=fault", "AF=error:502"] }).faults).toEqual({
      CSN: { kind: "down" },
      SKV: { kind: "fault" },
      AF: { kind: "error", status: 502 },
    });
  });

  it("explicit options win over the scenario: profile, clock, timing", () => {
    const now = () => new Date("2026-01-05T09:00:00+01:00");
    const o = resolveOptions({
      scenario: join(scenarios, "manadsslut-topp.json"),
      profile: "fast",
      now,
      timing: { errorRate: 0 },
      outsideHours: "unavailable",
    });
    expect(o.profile).toBe("fast");
    expect(o.now).toBe(now);
    expect(o.timing.errorRate).toBe(0);
    expect(o.timing.monthEnd.factor).toBe(1.6); // the scenario's override still applies on top of fast
    expect(o.timing.openingHours.outside).toBe("unavailable");
  });

  it.each([
    [[], "Invalid scenario s.json: (root): expected a JSON object"],
    [
      { fault: {} },
      "Invalid scenario s.json: fault: unknown field; allowed: description, clock, profile, personas, faults, timing.",
    ],
    [
      { clock: "2026-11-27 10:00" },
      'Invalid scenario s.json: clock: expected an ISO 8601 date-time with offset such as "2026-11-27T10:00:00+01:00"',
    ],
    [{ clock: "2026-02-30T10:00:00+01:00" }, "clock: not a real date-time"],
    [{ profile: "slow" }, 'profile: unknown profile "slow": use realistic or fast.'],
    [
      { personas: ["nobody"] },
      'personas[0]: unknown persona "nobody": list them with `ssbtek-harness personas`.',
    ],
    [{ personas: "hela-kedjan" }, "personas: expected a list of persona ids."],
    [{ faults: { MIV: "dwn" } }, 'faults.MIV: unknown fault kind "dwn"'],
    [{ faults: { XYZ: "down" } }, 'faults.XYZ: unknown bastjänst "XYZ"'],
    [{ timing: { errorRate: -1 } }, "timing.errorRate: expected a number in [0, 1], got -1."],
    [
      { timing: { outages: [{ kod: "MIV", from: "2026-11-26T08:00:00+01:00" }] } },
      "timing.outages[0].tom: expected an ISO 8601",
    ],
  ])("rejects %j naming the field", (json, message) => {
    expect(() => parseScenario(json, "s.json")).toThrow(message);
  });

  it("says what is wrong with the file itself", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    writeFileSync(join(dir, "bad.json"), "{ nope");
    expect(() => loadScenario(join(dir, "bad.json"))).toThrow(/Invalid scenario .*bad\.json: not JSON/);
    expect(() => loadScenario(join(dir, "missing.json"))).toThrow(
      /Cannot read scenario .*missing\.json: ENOENT\. Check the path given to --scenario\./,
    );
  });

  it("rejects a fault for a bastjänst served by a real upstream", () => {
    expect(() =>
      resolveOptions({ upstreams: { MIV: "https://miv.test/ssbtek" }, faults: { MIV: "down" } }),
    ).toThrow("Cannot inject a fault into MIV: it is a real upstream");
  });
});
