export {
  COVERAGE_PERSONA,
  COVERAGE_THRESHOLDS,
  type CoverageOptions,
  type CoverageReport,
  type CoverageRow,
  measure,
  measureCoverage,
} from "./coverage.js";
export { coverageJson, formatCoverage } from "./format.js";
export { COVERAGE_CONTRACTS, type CoverageContract, type DeclaredModel, declaredModel } from "./model.js";
