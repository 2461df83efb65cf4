/**
 * ssbtek-harness library API.
 *
 * @example
 * import { startSimulator } from "ssbtek-harness";
 * const sim = await startSimulator({ port: 0 });
 */

export { type Andring, type CompatResultat, jamforKontrakt } from "./contract/compat/diff.js";
export { kontraktFranFiler } from "./contract/compat/filer.js";
export { kontraktFranModell, schemaDokument } from "./contract/compat/modell.js";
export { ContractViolation, HarnessError, isHarnessError } from "./contract/errors.js";
export {
  evaluate,
  FALTREGELTABELLER,
  type Faltregeltabell,
  type Finding,
  ssbtTabell,
  TABELL_IDN,
} from "./contract/faltregler/index.js";
export { arGiltigPersonidentitet, maskera, maskeraText } from "./contract/personidentitet.js";
export {
  type DelDokumentFor,
  decodeDelDokument,
  lasSkvSektionV11,
  type SkvBlock,
  type SkvSektionV11,
} from "./contract/skv/index.js";
export {
  parseSoapEnvelope,
  readSoapFault,
  soapEnvelope,
  soapFaultEnvelope,
} from "./contract/soap/envelope.js";
export {
  BASTJANSTER,
  type BastjanstKod,
  buildWsdl,
  decodeFault,
  decodeFraga,
  decodeSvar,
  encodeFault,
  encodeFraga,
  encodeSvar,
  encodeTestSvar,
  type KontraktVersion,
  periodFor,
  type Sektion,
  SKV11_BLOCK,
  SSBT_FELKOD,
  type SsbtError,
  type SsbtFault,
  type SsbtFraga,
  type SsbtSvar,
  type Tidsperiod,
} from "./contract/ssbt/index.js";
export { KODVERK, type Kodverk, kodverk } from "./fixtures/kodverk/index.js";
export {
  canonicalJson,
  checkOutDir,
  contractDigest,
  defaultKeyDir,
  type Evidence,
  type EvidenceMeta,
  type EvidencePair,
  type EvidenceSuite,
  type EvidenceVerification,
  evidenceMeta,
  keyFingerprint,
  kodverkDigest,
  loadSigningKey,
  populationDigest,
  type SigningKey,
  sha256,
  TrafficLog,
  verifyEvidence,
  writeCertification,
  writeEvidence,
} from "./reports/evidence/index.js";
export {
  type CertifyCase,
  type CertifyFinding,
  type CertifyReport,
  type CertifySuite,
  failureGroups,
  formatHtml,
  formatJunit,
  writeHtmlReport,
  writeJsonReport,
  writeJunitReport,
  writeReports,
} from "./reports/index.js";
export type { BastjanstKlient, BastjanstSimulator } from "./simulators/bastjanst.js";
export { type Chain, createChain } from "./simulators/chain.js";
export type { SimulatorContext } from "./simulators/context.js";
export {
  DIALEKTER,
  type Dialekt,
  type EjAtergiven,
  type ObserveradDialekt,
  type ObserveradForm,
  parseDialekt,
} from "./simulators/dialekt.js";
export { type ResolvedOptions, resolveOptions, type SimulateOptions } from "./simulators/options.js";
export { PERSONAS, type Persona, Population } from "./simulators/population/index.js";
export { SIMULATORER } from "./simulators/registry.js";
export { type RunningSimulator, startSimulator } from "./simulators/server.js";
export {
  type BlandadOptions,
  type BlandadRad,
  certifyBlandadKedja,
} from "./suites/chain/certify-blandad.js";
export {
  type CertifyChainOptions,
  type ChainReport,
  certifyChain,
  chainCertifyReport,
  chainResults,
  formatChainTable,
} from "./suites/chain/certify-chain.js";
export { hamtaOverHttp, type SsbtAnrop } from "./suites/chain/client.js";
export {
  type CompatOptions,
  type CompatSida,
  certifyCompat,
  formatCompat,
} from "./suites/compat/certify-compat.js";
export {
  type RecordOptions,
  type RecordSession,
  startConsumerRecording,
} from "./suites/consumer/certify-consumer-record.js";
export {
  type ConsumerSession,
  type SessionItem,
  type SessionOptions,
  sessionChecklist,
  startConsumerSession,
} from "./suites/consumer/certify-consumer-session.js";
export {
  COVERAGE_THRESHOLDS,
  type CoverageOptions,
  type CoverageReport,
  type CoverageRow,
  coverageJson,
  formatCoverage,
  measureCoverage,
} from "./suites/contract-coverage/index.js";
export { type FieldRuleReport, runFieldRuleChecks } from "./suites/field-rules/index.js";
export {
  brokerJson,
  type CellStatus,
  canIDeploy,
  formatGate,
  type GateOptions,
  type GateResultat,
  type MatrixCell,
} from "./suites/gate/can-i-deploy.js";
export { parsePolicy, type ReleasePolicy } from "./suites/gate/policy.js";
export {
  type CertifyProducerOptions,
  certifyProducer,
  producerResults,
  simulatorBakgrund,
} from "./suites/producer/certify-producer.js";
export { runRobustness } from "./suites/robustness/index.js";
