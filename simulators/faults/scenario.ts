import { readFileSync } from "node:fs";
import { HarnessError, isHarnessError } from "../../contract/errors.js";
import { PERSONAS } from "../population/population.js";
import { parseInstant, parseTimingOverrides } from "../timing/overrides.js";
import { TIMING_PROFILES, type TimingOverrides, type TimingProfile } from "../timing/profiles.js";
import { type FaultMap, parseFaults } from "./fault.js";

/**
 * A scenario: a reproducible situation of the chain — when it is, which profile, what is broken.
 * Loaded with `simulate --scenario FILE` or the `scenario` option.
 */
export interface Scenario {
  /** Where it came from (file path), for messages. */
  source: string;
  /** What the scenario shows, for people. */
  description?: string;
  /** The simulated clock, frozen at this instant (ISO 8601 with offset). */
  clock?: string;
  /** Timing profile; default "fast" (a scenario is reproducible unless it asks for latencies). */
  profile?: TimingProfile;
  /** Named persona ids the scenario is about (annotation, listed at startup; must exist). */
  personas?: string[];
  faults?: FaultMap;
  /** Overrides on top of the profile. */
  timing?: TimingOverrides;
}

const FIELDS = ["$schema", "description", "clock", "profile", "personas", "faults", "timing"] as const;

const badField = (field: string, message: string) =>
  new HarnessError("BAD_SCENARIO", `${field}: ${message}`, { field });

/**
 * Validates a parsed scenario JSON. Every error names the field and what to write instead.
 *
 * @example
 * parseScenario({ clock: "2026-11-27T10:00:00+01:00", faults: { MIV: "down" } }, "miv.json")
 * parseScenario({ fault: {} }, "x.json") // throws: Invalid scenario x.json: fault: unknown field; allowed: …
 */
export function parseScenario(json: unknown, source = "scenario"): Scenario {
  try {
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw badField("(root)", `expected a JSON object with any of ${FIELDS.slice(1).join(", ")}.`);
    const o = json as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!(FIELDS as readonly string[]).includes(k))
        throw badField(k, `unknown field; allowed: ${FIELDS.slice(1).join(", ")}.`);
    const s: Scenario = { source };
    if (o.description !== undefined) {
      if (typeof o.description !== "string") throw badField("description", "expected a string.");
      s.description = o.description;
    }
    if (o.clock !== undefined) {
      parseInstant(o.clock, "clock");
      s.clock = o.clock as string;
    }
    if (o.profile !== undefined) {
      if (!(TIMING_PROFILES as readonly unknown[]).includes(o.profile))
        throw badField(
          "profile",
          `unknown profile ${JSON.stringify(o.profile)}: use ${TIMING_PROFILES.join(" or ")}.`,
        );
      s.profile = o.profile as TimingProfile;
    }
    if (o.personas !== undefined) {
      if (!Array.isArray(o.personas)) throw badField("personas", "expected a list of persona ids.");
      s.personas = o.personas.map((p, i) => {
        if (typeof p !== "string" || !PERSONAS.some((x) => x.id === p))
          throw badField(
            `personas[${i}]`,
            `unknown persona ${JSON.stringify(p)}: list them with \`ssbtek-harness personas\`.`,
          );
        return p;
      });
    }
    if (o.faults !== undefined) s.faults = parseFaults(o.faults, "faults");
    if (o.timing !== undefined) s.timing = parseTimingOverrides(o.timing, "timing");
    return s;
  } catch (e) {
    if (isHarnessError(e))
      throw new HarnessError(
        "BAD_SCENARIO",
        `Invalid scenario ${source}: ${e.message}`,
        { ...e.details, source },
        { cause: e },
      );
    throw e;
  }
}

/**
 * Reads and validates a scenario file.
 *
 * @example
 * const s = loadScenario("fixtures/scenarios/miv-avbrott.json");
 */
export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new HarnessError(
      "BAD_SCENARIO",
      `Cannot read scenario ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the path given to --scenario.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HarnessError("BAD_SCENARIO", `Invalid scenario ${path}: not JSON (${(e as Error).message}).`);
  }
  return parseScenario(json, path);
}
