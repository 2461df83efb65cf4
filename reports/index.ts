export { formatHtml } from "./html.js";
export { formatFinding, formatJunit, xmlSafe } from "./junit.js";
export {
  buildReport,
  type CaseStatus,
  type CertifyCase,
  type CertifyFinding,
  type CertifyReport,
  type CertifySuite,
  type CertifySummary,
  caseFrom,
  maskeraRapport,
  skippedCase,
  summarize,
} from "./model.js";
export { type FailureGroup, type FailureOccurrence, failureGroups, replayFor } from "./triage.js";
export {
  DEFAULT_REPORT_DIR,
  reportName,
  type WrittenReports,
  writeHtmlReport,
  writeJsonReport,
  writeJunitReport,
  writeReports,
} from "./write.js";
