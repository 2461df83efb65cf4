import { escapeAttr, escapeText } from "../contract/xml/serialize.js";
import { xmlSafe } from "./junit.js";
import type { CertifyCase, CertifyReport } from "./model.js";

const h = (s: string) => escapeText(xmlSafe(s));
const a = (s: string) => escapeAttr(xmlSafe(s));

function rad(c: CertifyCase): string {
  const fynd = c.findings
    .map(
      (f) =>
        `<li><code>${h(f.rule)}</code> ${h(f.message)}${f.path ? ` <small>${h(f.path)}</small>` : ""}${
          f.value !== undefined ? ` <q>${h(f.value)}</q>` : ""
        }${f.replay ? `<br><code>${h(f.replay)}</code>` : ""}</li>`,
    )
    .join("");
  const info = c.status === "skip" ? h(c.skipReason ?? "") : fynd ? `<ul>${fynd}</ul>` : "";
  return `<tr class="${a(c.status)}"><td>${h(c.status.toUpperCase())}</td><td>${h(c.name)}</td><td>${c.durationMs} ms</td><td>${info}</td></tr>`;
}

/**
 * The report as one self-contained HTML page (no scripts, no external resources) for people:
 * a table per suite, failures first in colour.
 *
 * @example
 * writeFileSync("report.html", formatHtml(report));
 */
export function formatHtml(report: CertifyReport): string {
  const n = report.summary;
  const suites = report.suites
    .map(
      (s) =>
        `<h2>${h(s.name)}</h2><table><thead><tr><th>status</th><th>case</th><th>time</th><th>findings</th></tr></thead><tbody>${s.cases
          .map(rad)
          .join("")}</tbody></table>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${h(report.command)} — ${h(report.target)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}tr.fail td:first-child{background:#f8d0d0}tr.pass td:first-child{background:#d0f0d0}tr.skip td:first-child{background:#eee}</style>
</head><body>
<h1>${h(report.command)}: ${report.passed ? "PASSED" : "FAILED"}</h1>
<p>${h(report.target)} · started ${h(report.startedAt)} · ${report.durationMs} ms${report.seed !== undefined ? ` · seed ${report.seed}` : ""}</p>
<p>${n.tests} cases: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped</p>
${suites}
</body></html>
`;
}
