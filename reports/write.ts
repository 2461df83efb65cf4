import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HarnessError } from "../contract/errors.js";
import { formatHtml } from "./html.js";
import { formatJunit } from "./junit.js";
import type { CertifyReport } from "./model.js";

/** The folder reports go to when `--out` is not given. */
export const DEFAULT_REPORT_DIR = "reports/out";

/**
 * A file name for a report: kebab-case, only `[a-z0-9-]`.
 *
 * @example
 * reportName("certify producer", "TNS") // "certify-producer-tns"
 */
export function reportName(...parts: string[]): string {
  return (
    parts
      .join("-")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "report"
  );
}

function write(dir: string, file: string, text: string): string {
  const path = join(dir, file);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new HarnessError(
      "REPORT_WRITE_FAILED",
      `Cannot write the report ${path}: ${code}. Pass --out with a folder you can write to.`,
    );
  }
  return path;
}

/**
 * Writes the report as JSON (`<dir>/<name>.json`) and returns the path.
 *
 * @example
 * writeJsonReport(report, "reports/out", "certify-chain") // "…/reports/out/certify-chain.json"
 */
export function writeJsonReport(
  report: CertifyReport,
  dir = DEFAULT_REPORT_DIR,
  name = reportName(report.command),
): string {
  return write(resolve(dir), `${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Writes the report as JUnit XML (`<dir>/<name>.junit.xml`) and returns the path.
 *
 * @example
 * writeJunitReport(report, "reports/out", "certify-chain") // "…/reports/out/certify-chain.junit.xml"
 */
export function writeJunitReport(
  report: CertifyReport,
  dir = DEFAULT_REPORT_DIR,
  name = reportName(report.command),
): string {
  return write(resolve(dir), `${name}.junit.xml`, formatJunit(report));
}

/**
 * Writes the report as a self-contained HTML page (`<dir>/<name>.html`) and returns the path.
 *
 * @example
 * writeHtmlReport(report, "reports/out", "certify-chain") // "…/reports/out/certify-chain.html"
 */
export function writeHtmlReport(
  report: CertifyReport,
  dir = DEFAULT_REPORT_DIR,
  name = reportName(report.command),
): string {
  return write(resolve(dir), `${name}.html`, formatHtml(report));
}

/** Where {@link writeReports} wrote each format. */
export interface WrittenReports {
  json: string;
  junit: string;
  html: string;
}

/**
 * Writes every format of a report into one folder.
 *
 * @example
 * const { json, junit } = writeReports(report, "reports/out", "certify-producer-tns");
 */
export function writeReports(
  report: CertifyReport,
  dir = DEFAULT_REPORT_DIR,
  name = reportName(report.command),
): WrittenReports {
  return {
    json: writeJsonReport(report, dir, name),
    junit: writeJunitReport(report, dir, name),
    html: writeHtmlReport(report, dir, name),
  };
}
