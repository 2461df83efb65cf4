/**
 * Failures grouped the way a person fixes them: by the rule they break, most cases first, each
 * group with the one command that replays exactly its cases.
 */
import type { CertifyCase, CertifyFinding, CertifyReport } from "./model.js";

/** One failing finding where it occurred. */
export interface FailureOccurrence {
  suite: string;
  case: CertifyCase;
  finding: CertifyFinding;
}

/** Every finding of one rule. */
export interface FailureGroup {
  rule: string;
  occurrences: FailureOccurrence[];
  /** How many distinct cases the rule failed. */
  cases: number;
  /** The command that reproduces the group's cases exactly. */
  replay?: string;
}

/**
 * The replay of some cases: the report's replay, narrowed to their personas with `--persona` when
 * the command takes it and they are not every persona of the run, else the whole run's replay (or
 * the finding's own).
 *
 * @example
 * replayFor(report, [caseA, caseB]) // "npx ssbtek-harness certify producer … --persona a --persona b"
 */
export function replayFor(
  report: CertifyReport,
  cases: readonly CertifyCase[],
  fallback?: string,
): string | undefined {
  const whole = report.replay ?? fallback;
  if (!report.replayNarrow) return whole;
  const personas = [...new Set(cases.map((c) => c.persona).filter((p): p is string => Boolean(p)))];
  // A case with no persona (e.g. an error-behaviour case) needs the whole run's setup.
  if (personas.length === 0 || cases.some((c) => !c.persona)) return whole;
  // Every persona the run asked about: the run's own replay says that in one line, not in ninety.
  const asked = new Set(report.suites.flatMap((s) => s.cases.map((c) => c.persona)).filter(Boolean));
  if (whole && personas.length === asked.size) return whole;
  return `${report.replayNarrow}${personas.map((p) => ` --persona ${p}`).join("")}`;
}

/**
 * The failures of a report grouped by rule: the groups with the most failed cases first, then by
 * rule id, so the same report always lists them in the same order.
 *
 * @example
 * failureGroups(report)[0] // { rule: "TNS.http.status", cases: 30, occurrences: […], replay: "npx …" }
 */
export function failureGroups(report: CertifyReport): FailureGroup[] {
  const byRule = new Map<string, FailureOccurrence[]>();
  for (const s of report.suites)
    for (const c of s.cases)
      if (c.status === "fail")
        for (const f of c.findings.length > 0 ? c.findings : [{ rule: "failure", message: "failed" }]) {
          const list = byRule.get(f.rule) ?? [];
          list.push({ suite: s.name, case: c, finding: f });
          byRule.set(f.rule, list);
        }
  return [...byRule.entries()]
    .map(([rule, occurrences]) => {
      const cases = [...new Set(occurrences.map((o) => o.case))];
      const replay = replayFor(report, cases, occurrences.find((o) => o.finding.replay)?.finding.replay);
      return { rule, occurrences, cases: cases.length, ...(replay ? { replay } : {}) };
    })
    .sort((a, b) => b.cases - a.cases || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
