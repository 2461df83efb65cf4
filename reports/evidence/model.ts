/**
 * The shape of `evidence.json` (format `ssbtek-harness/evidence/1`): what a certify run tested,
 * against what, with which verdict, and a digest of every other file of its folder.
 */
import type { KontraktVersion } from "../../contract/ssbt/model.js";

/** The format tag of evidence.json; a reader refuses any other. */
export const EVIDENCE_FORMAT = "ssbtek-harness/evidence/1";
/** File names of a bundle. */
export const EVIDENCE_FILE = "evidence.json";
export const SIGNATURE_FILE = "evidence.sig";
export const CERTIFICATE_FILE = "certificate.html";
export const TRAFFIC_FILE = "traffic.har";

/** Which certification the bundle is the evidence of. */
export type EvidenceSuite = "chain" | "producer" | "consumer-pact" | "consumer-record" | "consumer-session";

export type EvidenceVerdict = "passed" | "failed";

/** One consumer × provider pair the run verified, by pact participant name (suites/pact/names.ts). */
export interface EvidencePair {
  consumer: string;
  provider: string;
  verdict: EvidenceVerdict;
}

/** The system the run certified. */
export interface SystemUnderTest {
  role: "consumer" | "producer" | "chain";
  name: string;
  url?: string;
}

/** What the caller of {@link writeEvidence} knows about the run; the rest is computed. */
export interface EvidenceMeta {
  /** The command, e.g. "certify chain". */
  command: string;
  suite: EvidenceSuite;
  /** Contract version certified against. */
  contractVersion: KontraktVersion;
  seed?: number;
  /** ISO time of the clock the run asked about (its `--clock`, or the real time it started). */
  clock: string;
  /** The run's options as passed (JSON-serializable, nothing personal). */
  options: Record<string, unknown>;
  systemUnderTest: SystemUnderTest;
  results: EvidencePair[];
  verdict: EvidenceVerdict;
  startedAt: string;
  endedAt: string;
  /** Set when the run was stopped before it finished (e.g. "SIGINT"): the evidence is partial. */
  interrupted?: string;
}

/** evidence.json. */
export interface Evidence {
  format: typeof EVIDENCE_FORMAT;
  tool: { name: "ssbtek-harness"; version: string };
  command: string;
  suite: EvidenceSuite;
  contract: { version: KontraktVersion; digest: string };
  kodverkDigest: string;
  populationDigest: string;
  seed?: number;
  clock: string;
  options: Record<string, unknown>;
  systemUnderTest: SystemUnderTest;
  results: EvidencePair[];
  verdict: EvidenceVerdict;
  interrupted?: string;
  startedAt: string;
  endedAt: string;
  /** The signer's public key, PEM (SPKI). */
  publicKey: string;
  /** `sha256:<hex>` of the public key's DER (SPKI) bytes. */
  keyFingerprint: string;
  /** `sha256:<hex>` of every other file of the folder, by path relative to it ("/"-separated). */
  files: Record<string, string>;
}
