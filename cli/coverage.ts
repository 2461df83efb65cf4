import { writeFileSync } from "node:fs";
import { HarnessError } from "../contract/errors.js";
import {
  type CoverageContract,
  coverageJson,
  formatCoverage,
  measureCoverage,
} from "../suites/contract-coverage/index.js";

/** The flags of `ssbtek-harness coverage`, parsed. */
export interface CoverageFlags {
  contract: CoverageContract;
  seed: number;
  clock?: Date;
  json?: boolean;
  out?: string;
  edgeCases: boolean;
}

/**
 * Runs `ssbtek-harness coverage`: measures, prints the table (or JSON), writes `--out`, and
 * returns the exit code: 0 when every threshold holds, 1 when not.
 */
export async function runCoverage(f: CoverageFlags, print: (text: string) => void): Promise<number> {
  const at = f.clock;
  const report = await measureCoverage({
    contract: f.contract,
    seed: f.seed,
    ...(at ? { now: () => new Date(at) } : {}),
    edgeCases: f.edgeCases,
  });
  if (f.out !== undefined)
    try {
      writeFileSync(f.out, coverageJson(report));
    } catch (e) {
      throw new HarnessError(
        "COVERAGE_OUT",
        `Cannot write the report to ${f.out}: ${(e as Error).message}. Pass --out with a writable file path.`,
      );
    }
  print(f.json ? coverageJson(report) : formatCoverage(report));
  return report.passed ? 0 : 1;
}
