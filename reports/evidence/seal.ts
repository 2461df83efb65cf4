import { accessSync, constants, mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HarnessError } from "../../contract/errors.js";
import type { CertifyReport } from "../model.js";
import { type WrittenReports, writeReports } from "../write.js";
import { TOOL_VERSION, type WrittenEvidence, writeEvidence } from "./bundle.js";
import type { TrafficLog } from "./har.js";
import type { SigningKey } from "./keys.js";
import { type EvidenceMeta, TRAFFIC_FILE } from "./model.js";

/**
 * Checks before a run that `dir` is (or can become) a folder we can write to, so a long run never
 * ends in "cannot write the report". Creates it; throws a HarnessError saying what to pass.
 *
 * @example
 * checkOutDir("reports/out/certify-chain");
 */
export function checkOutDir(dir: string): string {
  const abs = resolve(dir);
  const bad = (why: string) =>
    new HarnessError(
      "BAD_OPTION",
      `Cannot write reports to --out ${dir}: ${why}. Pass --out with a folder you can write to.`,
    );
  try {
    mkdirSync(abs, { recursive: true });
  } catch (e) {
    throw bad((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  if (!statSync(abs).isDirectory()) throw bad("it is not a folder");
  const probe = join(abs, `.ssbtek-write-check-${process.pid}`);
  try {
    accessSync(abs, constants.W_OK);
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (e) {
    throw bad((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  return abs;
}

/** Where {@link writeCertification} wrote everything. */
export interface WrittenCertification extends WrittenReports {
  har: string;
  evidence: WrittenEvidence;
}

/**
 * Writes a run's whole hand-over into `dir`: the reports (JSON, JUnit, HTML), the masked traffic
 * as HAR, then the evidence bundle sealing them (certificate.html, evidence.json, evidence.sig).
 *
 * @example
 * const w = writeCertification(report, "reports/out/certify-chain", "certify-chain", { meta, key, traffic });
 * w.evidence.evidence.verdict // "passed"
 */
export function writeCertification(
  report: CertifyReport,
  dir: string,
  name: string,
  o: { meta: EvidenceMeta; key: SigningKey; traffic: TrafficLog },
): WrittenCertification {
  const reports = writeReports(report, dir, name);
  const har = join(resolve(dir), TRAFFIC_FILE);
  try {
    writeFileSync(har, o.traffic.toHarText(TOOL_VERSION));
  } catch (e) {
    throw new HarnessError(
      "REPORT_WRITE_FAILED",
      `Cannot write ${har}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass --out with a folder you can write to.`,
    );
  }
  return { ...reports, har, evidence: writeEvidence(resolve(dir), o.meta, { key: o.key }) };
}

/**
 * The evidence meta of a run from its report: command, seed, verdict and times from the report,
 * the rest from the caller (what the suite knows about the system under test and the pairs).
 *
 * @example
 * evidenceMeta(report, { suite: "producer", clock, options, systemUnderTest, results })
 */
export function evidenceMeta(
  report: CertifyReport,
  x: Pick<EvidenceMeta, "suite" | "clock" | "options" | "systemUnderTest" | "results"> & {
    contractVersion?: EvidenceMeta["contractVersion"];
  },
): EvidenceMeta {
  const started = new Date(report.startedAt);
  return {
    command: report.command,
    suite: x.suite,
    contractVersion: x.contractVersion ?? "v10",
    ...(report.seed !== undefined ? { seed: report.seed } : {}),
    clock: x.clock,
    options: x.options,
    systemUnderTest: x.systemUnderTest,
    results: x.results,
    verdict: report.passed ? "passed" : "failed",
    startedAt: report.startedAt,
    endedAt: new Date(started.getTime() + report.durationMs).toISOString(),
    ...(report.interrupted ? { interrupted: report.interrupted } : {}),
  };
}
