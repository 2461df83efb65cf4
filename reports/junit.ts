import { el, type XmlElement } from "../contract/xml/node.js";
import { serializeXml } from "../contract/xml/serialize.js";
import type { CertifyCase, CertifyFinding, CertifyReport, CertifySuite } from "./model.js";
import { summarize } from "./model.js";

// XML 1.0 cannot carry control characters or lone surrogates, not even as character references:
// a producer's garbage in a finding must not make the whole report unreadable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text made safe for an XML 1.0 document: characters XML cannot carry become U+FFFD.
 *
 * @example
 * xmlSafe("a\u0000b") // "a\uFFFDb"
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD");
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** One finding as a line of the failure text. */
export function formatFinding(f: CertifyFinding): string {
  const parts = [`${f.rule}: ${f.message}`];
  if (f.path) parts.push(`path ${f.path}`);
  if (f.value !== undefined) parts.push(`value "${f.value}"`);
  if (f.seed !== undefined) parts.push(`seed ${f.seed}`);
  if (f.replay) parts.push(`replay: ${f.replay}`);
  return parts.join(" | ");
}

function testcase(classname: string, c: CertifyCase): XmlElement {
  const kids: XmlElement[] = [];
  if (c.status === "fail") {
    const first = c.findings[0];
    kids.push(
      el("", "failure", [xmlSafe(c.findings.map(formatFinding).join("\n"))], {
        message: xmlSafe(first ? `${first.rule}: ${first.message}`.slice(0, 500) : "failed"),
        type: xmlSafe(first?.rule ?? "failure"),
      }),
    );
  }
  if (c.status === "skip") kids.push(el("", "skipped", [], { message: xmlSafe(c.skipReason ?? "skipped") }));
  if (c.details && Object.keys(c.details).length > 0)
    kids.push(
      el("", "system-out", [
        xmlSafe(
          Object.entries(c.details)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n"),
        ),
      ]),
    );
  return el("", "testcase", kids, {
    classname: xmlSafe(classname),
    name: xmlSafe(c.name),
    time: seconds(c.durationMs),
  });
}

function testsuite(report: CertifyReport, s: CertifySuite, id: number): XmlElement {
  const n = summarize([s]);
  const props = Object.entries({ ...(s.properties ?? {}), target: report.target });
  if (report.seed !== undefined) props.push(["seed", String(report.seed)]);
  const classname = `${report.command.replace(/\s+/g, ".")}.${s.name}`;
  return el(
    "",
    "testsuite",
    [
      el(
        "",
        "properties",
        props.map(([name, value]) => el("", "property", [], { name: xmlSafe(name), value: xmlSafe(value) })),
      ),
      s.cases.map((c) => testcase(classname, c)),
    ],
    {
      name: xmlSafe(s.name),
      id: String(id),
      tests: String(n.tests),
      failures: String(n.failed),
      errors: "0",
      skipped: String(n.skipped),
      time: seconds(s.cases.reduce((t, c) => t + c.durationMs, 0)),
      timestamp: report.startedAt.slice(0, 19),
    },
  );
}

/**
 * The report as JUnit XML (`testsuites` › `testsuite` › `testcase` with `failure` / `skipped`),
 * the format CI servers read. Every text is escaped; characters XML cannot carry are replaced.
 *
 * @example
 * const xml = formatJunit(report); // '<?xml version="1.0" encoding="UTF-8"?><testsuites name="certify chain" …'
 */
export function formatJunit(report: CertifyReport): string {
  const n = report.summary;
  const root = el(
    "",
    "testsuites",
    report.suites.map((s, i) => testsuite(report, s, i)),
    {
      name: xmlSafe(report.command),
      tests: String(n.tests),
      failures: String(n.failed),
      errors: "0",
      skipped: String(n.skipped),
      time: seconds(report.durationMs),
    },
  );
  return `${serializeXml(root, { declaration: true })}\n`;
}
