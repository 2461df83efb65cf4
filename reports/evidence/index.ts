export {
  type EvidenceVerification,
  TOOL_VERSION,
  verifyEvidence,
  type WrittenEvidence,
  writeEvidence,
} from "./bundle.js";
export { formatCertificate } from "./certificate.js";
export { canonicalJson, contractDigest, kodverkDigest, populationDigest, sha256 } from "./digest.js";
export { maskeraTrafik, type TrafficExchange, TrafficLog } from "./har.js";
export {
  defaultKeyDir,
  keyFingerprint,
  loadSigningKey,
  parsePublicKey,
  type SigningKey,
  USER_KEY_FILE,
} from "./keys.js";
export {
  CERTIFICATE_FILE,
  EVIDENCE_FILE,
  EVIDENCE_FORMAT,
  type Evidence,
  type EvidenceMeta,
  type EvidencePair,
  type EvidenceSuite,
  type EvidenceVerdict,
  SIGNATURE_FILE,
  type SystemUnderTest,
  TRAFFIC_FILE,
} from "./model.js";
export { checkOutDir, evidenceMeta, type WrittenCertification, writeCertification } from "./seal.js";
