import { describe, expect, it } from "vitest";
import { EGENSKAPER, type Egenskap } from "./egenskaper.js";
import { korEgenskap } from "./runner.js";

/**
 * The field-rule properties against the in-process simulated chain. A failure prints the seed,
 * the shrunk counterexample (masked) and the command that replays it:
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/field-rules -t "<name>"`.
 * FC_NUM_RUNS raises the number of runs (e.g. for a nightly soak).
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261120;
const path = process.env.FC_PATH;
const numRuns = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : undefined;

describe("field rules (fast-check)", () => {
  for (const e of EGENSKAPER)
    it(e.namn, { timeout: 120_000 }, async () => {
      const r = await korEgenskap(e as Egenskap<unknown>, {
        seed,
        ...(path ? { path } : {}),
        ...(numRuns ? { numRuns } : {}),
      });
      if (!r.ok) throw new Error(r.message);
      expect(r.findings).toEqual([]);
    });
});
