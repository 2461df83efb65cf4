import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "./support/cli.js";

const built = existsSync(join(ROOT, "dist/cli/main.js"));
if (!built)
  console.warn("SKIPPED: dist/ is absent (npm ci builds it through prepare): the built CLI is not checked.");

const run = (fromSource: boolean) => {
  const env = { ...process.env };
  if (fromSource) env.SSBTEK_HARNESS_FROM_SOURCE = "1";
  else delete env.SSBTEK_HARNESS_FROM_SOURCE;
  return spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, env, encoding: "utf8" });
};

describe.skipIf(!built)("bin/ssbtek-harness.js", () => {
  it("runs the built CLI from dist/ and the TypeScript sources through tsx, with the same help", () => {
    const fromDist = run(false);
    const fromSource = run(true);
    expect(fromDist.status).toBe(0);
    expect(fromDist.stdout).toContain("Usage: ssbtek-harness");
    expect(fromSource.status).toBe(0);
    expect(fromDist.stdout).toBe(fromSource.stdout);
  });
});
