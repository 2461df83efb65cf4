/**
 * The one report model every `certify` command produces: suites → cases → pass/fail/skip, with
 * durations and findings. The writers (JSON, JUnit XML, HTML) only format it; nothing here holds
 * an unmasked personnummer (see {@link maskeraRapport}).
 */
import { maskeraPersonnummerLika } from "../contract/personidentitet.js";

/** The outcome of one case. */
export type CaseStatus = "pass" | "fail" | "skip";

/**
 * One broken rule: which rule, where, the value (masked when personal), and how to replay it.
 *
 * @example
 * const f: CertifyFinding = { rule: "CSN.arendeidentitet.maxLength", path: "/hamtaBastjanstInformation/generellaFrageparametrar/arendeidentitet", value: "AAAA…", message: "longer than 31 characters" };
 */
export interface CertifyFinding {
  /** The rule id, e.g. `CSN.arendeidentitet.maxLength` or `TNS.schema.xml.element`. */
  rule: string;
  /** Where in the message, e.g. `/HamtaUppgifterResponse/fordonsinnehav/fordon[1]/fordonsslag`. */
  path?: string;
  /** The value found, masked when it is (or looks like) a personidentitet. */
  value?: string;
  message: string;
  /** The seed that reproduces the run, when the run is seeded. */
  seed?: number;
  /** The exact command that replays the case. */
  replay?: string;
}

/** One case: a persona asked, a request recorded, an interaction verified, a fault subset … */
export interface CertifyCase {
  name: string;
  status: CaseStatus;
  /** Wall time of the case in ms. */
  durationMs: number;
  /** Why the case failed (empty for a pass). */
  findings: CertifyFinding[];
  /** Why the case was skipped. */
  skipReason?: string;
  /** Plain facts shown with the case (masked), e.g. `{ status: "200", ms: "412" }`. */
  details?: Record<string, string>;
  /** The persona the case asked about (its id), when there is one: narrows a replay to it. */
  persona?: string;
  /** True when the case has no time of its own (e.g. a pact interaction): shown as "–", not 0 ms. */
  untimed?: boolean;
}

/** A group of cases checking one thing (schema, field rules, timing, …). */
export interface CertifySuite {
  name: string;
  cases: CertifyCase[];
  /** Facts about the suite's run (target URL, budget, …). */
  properties?: Record<string, string>;
}

/** Counts over every case of a report. */
export interface CertifySummary {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * A grid of outcomes for people, e.g. persona × bastjänst: one row per subject, one cell per
 * column, the failed cells named.
 */
export interface CertifyGrid {
  title: string;
  columns: string[];
  rows: { name: string; cells: Record<string, string>; failed: string[] }[];
}

/** One service-level figure against its target, e.g. "answers within 7 s: 98.2 % (target ≥ 90 %)". */
export interface CertifyFigure {
  name: string;
  /** The target as text, e.g. "≥ 90 % within 7 s". */
  target: string;
  /** The measured value as text, e.g. "98.2 %" ("no data" when there was none). */
  actual: string;
  /** Met, not met, or null when there was no data. */
  met: boolean | null;
}

/** What one `certify` command found. */
export interface CertifyReport {
  /** The command, e.g. "certify producer". */
  command: string;
  /** What was certified, e.g. "TNS http://127.0.0.1:8080/tns/hamtauppgifter/v1". */
  target: string;
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  /** The seed of the run, when it has one. */
  seed?: number;
  suites: CertifySuite[];
  /** True when no case failed (and at least one case ran). */
  passed: boolean;
  summary: CertifySummary;
  /** Extra results of the command (e.g. SLA figures of `certify chain`), JSON-serializable and masked. */
  extra?: Record<string, unknown>;
  /** The command that reproduces the whole run exactly (seed, clock, timeouts, options). */
  replay?: string;
  /**
   * The same command without any `--persona` flag, for commands that take `--persona ID`: a failure
   * group's replay is this plus `--persona` for each of the group's personas.
   */
  replayNarrow?: string;
  /** Outcome grids shown first in the HTML report (e.g. persona × bastjänst). */
  grids?: CertifyGrid[];
  /** Service-level figures against their targets. */
  figures?: CertifyFigure[];
  /** Set when the run was stopped before it finished (e.g. "SIGINT", "--timeout 5m"): the report is partial. */
  interrupted?: string;
}

/**
 * A case from its findings: failed when there is any, passed otherwise.
 *
 * @example
 * caseFrom("persona kodtackning", 12, []) // { name: "persona kodtackning", status: "pass", durationMs: 12, findings: [] }
 */
export function caseFrom(
  name: string,
  durationMs: number,
  findings: readonly CertifyFinding[],
  details?: Record<string, string>,
): CertifyCase {
  return {
    name,
    status: findings.length > 0 ? "fail" : "pass",
    durationMs: Math.round(durationMs),
    findings: [...findings],
    ...(details ? { details } : {}),
  };
}

/**
 * A skipped case with the reason.
 *
 * @example
 * skippedCase("field rules: persona x", "no readable answer")
 */
export function skippedCase(name: string, skipReason: string): CertifyCase {
  return { name, status: "skip", durationMs: 0, findings: [], skipReason };
}

/**
 * Counts the cases of some suites.
 *
 * @example
 * summarize(report.suites).failed // 0
 */
export function summarize(suites: readonly CertifySuite[]): CertifySummary {
  const all = suites.flatMap((s) => s.cases);
  return {
    tests: all.length,
    passed: all.filter((c) => c.status === "pass").length,
    failed: all.filter((c) => c.status === "fail").length,
    skipped: all.filter((c) => c.status === "skip").length,
  };
}

/**
 * Builds a report: counts the cases and decides `passed` (no failed case, at least one case that
 * ran — a run that checked nothing is not a pass). Every string is masked on the way in.
 *
 * @example
 * const report = buildReport({ command: "certify chain", target: "embedded", startedAt, durationMs, suites });
 */
export function buildReport(r: Omit<CertifyReport, "passed" | "summary">): CertifyReport {
  const suites = r.suites.map((s) => ({ ...s, cases: [...s.cases] }));
  const summary = summarize(suites);
  return maskeraRapport({
    ...r,
    durationMs: Math.round(r.durationMs),
    suites,
    summary,
    passed: summary.failed === 0 && summary.passed > 0 && !r.interrupted,
  });
}

/**
 * Every string of a value with personnummer-like digit runs masked (`19900101-****`), in every
 * spelling (12 or 10 digits, with or without separator, malformed 11-digit ones), while an
 * organisationsnummer stays as it is: the last line of defence so a report can never carry an
 * unmasked personidentitet, whatever a producer or consumer sent.
 *
 * @example
 * maskeraRapport({ value: "199001011234" }) // { value: "19900101-****" }
 */
export function maskeraRapport<T>(value: T): T {
  return maskeraVarde(value) as T;
}

function maskeraVarde(v: unknown): unknown {
  if (typeof v === "string") return maskeraPersonnummerLika(v);
  if (Array.isArray(v)) return v.map(maskeraVarde);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskeraVarde(x)]));
  return v;
}
