/**
 * The evidence bundle of a certify run: `evidence.json` (what was tested, against what, the
 * verdict, and a SHA-256 of every other file of the folder), `certificate.html`, and
 * `evidence.sig`, an Ed25519 signature over the exact bytes of evidence.json.
 */
import { type KeyObject, sign, verify } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { HarnessError } from "../../contract/errors.js";
import { formatCertificate } from "./certificate.js";
import { contractDigest, kodverkDigest, populationDigest, sha256 } from "./digest.js";
import { keyFingerprint, parsePublicKey, type SigningKey } from "./keys.js";
import {
  CERTIFICATE_FILE,
  EVIDENCE_FILE,
  EVIDENCE_FORMAT,
  type Evidence,
  type EvidenceMeta,
  SIGNATURE_FILE,
} from "./model.js";
import { toolVersion } from "./version.js";

/** The version of the tool that writes evidence (package.json). */
export const TOOL_VERSION: string = toolVersion();

/** Every file below `dir`, as "/"-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const OWN = new Set([EVIDENCE_FILE, SIGNATURE_FILE]);

function writeFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new HarnessError(
      "REPORT_WRITE_FAILED",
      `Cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass --out with a folder you can write to.`,
    );
  }
}

/** Where {@link writeEvidence} wrote the bundle's own files. */
export interface WrittenEvidence {
  evidence: Evidence;
  json: string;
  sig: string;
  certificate: string;
}

/**
 * Seals a folder of reports: writes certificate.html, then evidence.json with a digest of every
 * other file of `dir` (the reports, the HAR, the certificate), then evidence.sig. Write the
 * reports first; anything written into `dir` afterwards makes `verifyEvidence` fail.
 *
 * @example
 * writeReports(report, out, "certify-chain");
 * writeEvidence(out, meta, { key: loadSigningKey({ keyDir }) });
 */
export function writeEvidence(dir: string, meta: EvidenceMeta, opts: { key: SigningKey }): WrittenEvidence {
  const { contractVersion, interrupted, seed, ...rest } = meta;
  const head: Omit<Evidence, "files"> = {
    format: EVIDENCE_FORMAT,
    tool: { name: "ssbtek-harness", version: TOOL_VERSION },
    command: rest.command,
    suite: rest.suite,
    contract: { version: contractVersion, digest: contractDigest(contractVersion) },
    kodverkDigest: kodverkDigest(),
    populationDigest: populationDigest(),
    ...(seed !== undefined ? { seed } : {}),
    clock: rest.clock,
    options: rest.options,
    systemUnderTest: rest.systemUnderTest,
    results: rest.results,
    verdict: rest.verdict,
    ...(interrupted ? { interrupted } : {}),
    startedAt: rest.startedAt,
    endedAt: rest.endedAt,
    publicKey: opts.key.publicKeyPem,
    keyFingerprint: opts.key.fingerprint,
  };
  const certificate = join(dir, CERTIFICATE_FILE);
  writeFile(certificate, formatCertificate(head));
  const files: Record<string, string> = {};
  for (const f of listFiles(dir)) if (!OWN.has(f)) files[f] = sha256(readFileSync(join(dir, f)));
  const evidence: Evidence = { ...head, files };
  const bytes = Buffer.from(`${JSON.stringify(evidence, null, 2)}\n`, "utf8");
  const json = join(dir, EVIDENCE_FILE);
  const sig = join(dir, SIGNATURE_FILE);
  writeFile(json, bytes);
  // Raw 64-byte signature: `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in evidence.json -sigfile evidence.sig` checks it too.
  writeFile(sig, sign(null, bytes, opts.key.privateKey));
  return { evidence, json, sig, certificate };
}

/** What {@link verifyEvidence} found. */
export interface EvidenceVerification {
  /** True when the signature and every digest hold and no file is missing or extra. */
  ok: boolean;
  /** Every problem, one sentence each (empty when ok). */
  problems: string[];
  /** The evidence as read (undefined when evidence.json is missing or unreadable). */
  evidence?: Evidence;
  /** Fingerprint of the key the signature was checked with. */
  keyFingerprint?: string;
}

function readEvidence(text: string, problems: string[]): Evidence | undefined {
  let e: Partial<Evidence>;
  try {
    e = JSON.parse(text) as Partial<Evidence>;
  } catch {
    problems.push(`${EVIDENCE_FILE} is not JSON.`);
    return undefined;
  }
  if (e === null || typeof e !== "object" || e.format !== EVIDENCE_FORMAT) {
    problems.push(`${EVIDENCE_FILE} is not of format ${EVIDENCE_FORMAT}.`);
    return undefined;
  }
  if (typeof e.files !== "object" || e.files === null || typeof e.publicKey !== "string") {
    problems.push(`${EVIDENCE_FILE} has no files or no publicKey.`);
    return undefined;
  }
  return e as Evidence;
}

/**
 * Checks a bundle: the Ed25519 signature over evidence.json (with `publicKey` when given — then
 * the bundle must have been signed by that key — else with the key evidence.json names, which only
 * proves the bundle is intact as its signer left it), the key fingerprint, every file's digest,
 * and that no file is missing or extra. Throws a HarnessError only for bad input (no such folder,
 * not a key); an altered bundle is `ok: false` with the problems.
 *
 * @example
 * const v = verifyEvidence("reports/out/certify-chain", { publicKey: readFileSync("signer.pem", "utf8") });
 * if (!v.ok) console.error(v.problems.join("\n"));
 */
export function verifyEvidence(
  dir: string,
  opts: { publicKey?: string | KeyObject } = {},
): EvidenceVerification {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new HarnessError(
      "BAD_OPTION",
      `${dir} is not a folder: pass the --out folder of a certify run (it holds ${EVIDENCE_FILE}).`,
    );
  const given =
    opts.publicKey === undefined
      ? undefined
      : typeof opts.publicKey === "string"
        ? parsePublicKey(opts.publicKey)
        : opts.publicKey;
  const problems: string[] = [];
  const jsonPath = join(dir, EVIDENCE_FILE);
  if (!existsSync(jsonPath)) return { ok: false, problems: [`${EVIDENCE_FILE} is missing.`] };
  const bytes = readFileSync(jsonPath);
  const evidence = readEvidence(bytes.toString("utf8"), problems);
  if (!evidence) return { ok: false, problems };

  let embedded: KeyObject | undefined;
  try {
    embedded = parsePublicKey(evidence.publicKey, `${EVIDENCE_FILE}'s publicKey`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (embedded && keyFingerprint(embedded) !== evidence.keyFingerprint)
    problems.push(`keyFingerprint ${evidence.keyFingerprint} is not the fingerprint of publicKey.`);
  if (given && embedded && keyFingerprint(given) !== keyFingerprint(embedded))
    problems.push(
      `The bundle was signed by ${keyFingerprint(embedded)}, not by the expected key ${keyFingerprint(given)}.`,
    );
  const key = given ?? embedded;
  const sigPath = join(dir, SIGNATURE_FILE);
  if (!existsSync(sigPath)) problems.push(`${SIGNATURE_FILE} is missing.`);
  else if (key && !verify(null, bytes, key, readFileSync(sigPath)))
    problems.push(
      `The signature in ${SIGNATURE_FILE} does not match ${EVIDENCE_FILE}: it was altered or signed by another key.`,
    );

  const present = new Set(listFiles(dir).filter((f) => !OWN.has(f)));
  for (const [f, digest] of Object.entries(evidence.files)) {
    if (!present.has(f)) {
      problems.push(`${f} is missing.`);
      continue;
    }
    present.delete(f);
    const actual = sha256(readFileSync(join(dir, f)));
    if (actual !== digest)
      problems.push(`${f} was altered: its digest is ${actual}, evidence says ${digest}.`);
  }
  for (const f of present) problems.push(`${f} is not part of the evidence (added after signing).`);
  return {
    ok: problems.length === 0,
    problems,
    evidence,
    ...(key ? { keyFingerprint: keyFingerprint(key) } : {}),
  };
}
