import { escapeAttr, escapeText } from "../contract/xml/serialize.js";
import { xmlSafe } from "./junit.js";
import type { CertifyCase, CertifyFigure, CertifyGrid, CertifyReport, CertifySuite } from "./model.js";
import { type FailureGroup, failureGroups } from "./triage.js";

const h = (s: string) => escapeText(xmlSafe(s));
const a = (s: string) => escapeAttr(xmlSafe(s));

/** Occurrences shown open under a failure group; the rest fold away. */
const OCCURRENCES_SHOWN = 8;

const ms = (c: CertifyCase) => (c.untimed ? "–" : `${c.durationMs} ms`);

function occurrence(o: FailureGroup["occurrences"][number]): string {
  const f = o.finding;
  return `<li><span class="where">${h(o.suite)} › ${h(o.case.name)}</span> ${h(f.message)}${
    f.path ? ` <code class="path">${h(f.path)}</code>` : ""
  }${f.value !== undefined ? ` <q>${h(f.value)}</q>` : ""}</li>`;
}

function group(g: FailureGroup, i: number): string {
  const shown = g.occurrences.slice(0, OCCURRENCES_SHOWN).map(occurrence).join("");
  const rest = g.occurrences.slice(OCCURRENCES_SHOWN);
  const more = rest.length
    ? `<details><summary>${rest.length} more</summary><ul>${rest.map(occurrence).join("")}</ul></details>`
    : "";
  return `<section class="group" id="failure-${i + 1}"><h3><span class="badge fail">FAIL</span> <code>${h(g.rule)}</code> <small>${g.cases} case${g.cases === 1 ? "" : "s"}</small></h3>
<ul>${shown}</ul>${more}${g.replay ? `<p class="replay">Replay: <code>${h(g.replay)}</code></p>` : ""}</section>`;
}

function gridTable(g: CertifyGrid): string {
  const head = `<tr><th></th>${g.columns.map((c) => `<th>${h(c)}</th>`).join("")}</tr>`;
  const rows = g.rows
    .map(
      (r) =>
        `<tr><th scope="row">${h(r.name)}</th>${g.columns
          .map((c) => {
            const v = r.cells[c] ?? "";
            const cls = r.failed.includes(c) ? "fail" : v === "data" ? "pass" : "other";
            return `<td class="${cls}" title="${a(`${r.name} × ${c}: ${v}`)}">${h(v)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  return `<section class="grid"><h2>${h(g.title)}</h2><table class="grid">${head}${rows}</table></section>`;
}

function figures(f: readonly CertifyFigure[]): string {
  const rows = f
    .map(
      (x) =>
        `<tr class="${x.met === null ? "skip" : x.met ? "pass" : "fail"}"><td>${h(x.name)}</td><td>${h(x.target)}</td><td>${h(x.actual)}</td><td>${x.met === null ? "no data" : x.met ? "met" : "NOT MET"}</td></tr>`,
    )
    .join("");
  return `<section><h2>Service levels</h2><table><thead><tr><th>figure</th><th>target</th><th>measured</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function caseRow(c: CertifyCase): string {
  const info =
    c.status === "skip"
      ? h(c.skipReason ?? "")
      : c.findings.map((f) => `<code>${h(f.rule)}</code> ${h(f.message)}`).join("<br>");
  const details = c.details
    ? ` <small>${Object.entries(c.details)
        .map(([k, v]) => `${h(k)} ${h(v)}`)
        .join(" · ")}</small>`
    : "";
  return `<tr class="${a(c.status)}"><td>${h(c.status.toUpperCase())}</td><td>${h(c.name)}${details}</td><td>${ms(c)}</td><td>${info}</td></tr>`;
}

const table = (cases: readonly CertifyCase[]) =>
  `<table><thead><tr><th>status</th><th>case</th><th>time</th><th>findings</th></tr></thead><tbody>${cases.map(caseRow).join("")}</tbody></table>`;

function suite(s: CertifySuite): string {
  const failed = s.cases.filter((c) => c.status === "fail");
  const passed = s.cases.filter((c) => c.status === "pass");
  const skipped = s.cases.filter((c) => c.status === "skip");
  // Identical skip reasons are one line: a producer with no readable answer skips every check the same way.
  const reasons = new Map<string, CertifyCase[]>();
  for (const c of skipped) reasons.set(c.skipReason ?? "", [...(reasons.get(c.skipReason ?? "") ?? []), c]);
  const skipText = [...reasons.entries()]
    .map(
      ([r, cs]) =>
        `<details><summary>${cs.length} skipped: ${h(r || "no reason given")}</summary><p>${cs.map((c) => h(c.name)).join(", ")}</p></details>`,
    )
    .join("");
  const props = s.properties
    ? `<p class="props">${Object.entries(s.properties)
        .map(([k, v]) => `${h(k)} <code>${h(v)}</code>`)
        .join(" · ")}</p>`
    : "";
  return `<details class="suite"${failed.length ? " open" : ""}><summary><span class="badge ${failed.length ? "fail" : "pass"}">${failed.length ? "FAIL" : "ok"}</span> ${h(s.name)}: ${passed.length} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ""}</summary>
${props}${failed.length ? table(failed) : ""}${skipText}${
  passed.length ? `<details><summary>${passed.length} passed</summary>${table(passed)}</details>` : ""
}</details>`;
}

/**
 * The report as one self-contained HTML page (no scripts, no external resources) for people who
 * triage: the verdict and counts first, then the failures grouped by rule (most cases first),
 * each with its findings and one command that replays exactly those cases; then the outcome grids
 * and service-level figures; then every suite, passing and skipped cases folded away.
 *
 * @example
 * writeFileSync("report.html", formatHtml(report));
 */
export function formatHtml(report: CertifyReport): string {
  const n = report.summary;
  const groups = failureGroups(report);
  const verdict = report.interrupted ? "INTERRUPTED" : report.passed ? "PASSED" : "FAILED";
  const meta = [
    `started ${report.startedAt}`,
    `${report.durationMs} ms`,
    ...(report.seed !== undefined ? [`seed ${report.seed}`] : []),
    ...(report.interrupted ? [`stopped early: ${report.interrupted} — the report is partial`] : []),
  ];
  const failures = groups.length
    ? `<section class="failures"><h2>${groups.length} failing rule${groups.length === 1 ? "" : "s"}</h2>${groups.map(group).join("\n")}</section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${verdict}: ${h(report.command)} — ${h(report.target)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1em 2em;color:#1f2328;font-size:15px}
header{border-bottom:2px solid #d0d7de;padding-bottom:.5em;margin-bottom:.8em}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1em 0 .4em}h3{font-size:1em;margin:.2em 0}
.verdict{display:inline-block;padding:.1em .6em;border-radius:4px;color:#fff;font-weight:bold}
.verdict.PASSED{background:#1a7f37}.verdict.FAILED{background:#b42318}.verdict.INTERRUPTED{background:#9a6700}
.summary{font-size:1.1em;margin:.3em 0}.meta,.props{color:#57606a;font-size:.9em;margin:.2em 0}
.badge{display:inline-block;min-width:2.6em;text-align:center;border-radius:3px;font-size:.8em;font-weight:bold;padding:0 .3em}
.badge.fail{background:#ffd7d5;color:#82071e}.badge.pass{background:#dafbe1;color:#116329}
.group{border-left:4px solid #cf222e;background:#fff8f8;padding:.3em .8em;margin:.5em 0}
.group ul{margin:.2em 0;padding-left:1.2em}.where{font-weight:600}
.replay code,.run code{background:#f6f8fa;border:1px solid #d0d7de;padding:.1em .3em;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.3em 0}td,th{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top;text-align:left}
tr.fail td:first-child,td.fail{background:#ffd7d5}tr.pass td:first-child,td.pass{background:#dafbe1}tr.skip td:first-child,td.other{background:#f6f8fa}
table.grid td{font-family:ui-monospace,monospace;font-size:.85em;white-space:nowrap}
details.suite{margin:.4em 0;border:1px solid #d0d7de;border-radius:4px;padding:.3em .6em}summary{cursor:pointer}
</style>
</head><body>
<header>
<h1><span class="verdict ${verdict}" id="verdict">${verdict}</span> ${h(report.command)} — ${h(report.target)}</h1>
<p class="summary">${n.tests} cases: <b>${n.failed} failed</b>, ${n.passed} passed, ${n.skipped} skipped</p>
<p class="meta">${meta.map(h).join(" · ")}</p>
${report.replay ? `<p class="run">Run again: <code>${h(report.replay)}</code></p>` : ""}
</header>
${failures}
${(report.grids ?? []).map(gridTable).join("\n")}
${report.figures?.length ? figures(report.figures) : ""}
<h2>Suites</h2>
${report.suites.map(suite).join("\n")}
</body></html>
`;
}
