import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { HarnessError } from "../../contract/errors.js";
import { KONTRAKT_VERSIONER, type KontraktVersion } from "../../contract/ssbt/model.js";
import { verifyEvidence } from "../../reports/evidence/bundle.js";
import { contractDigest, kodverkDigest, populationDigest } from "../../reports/evidence/digest.js";
import { EVIDENCE_FILE, type Evidence } from "../../reports/evidence/model.js";
import { BASTJANST_PROVIDER, kodForProvider, SSBT } from "../pact/names.js";
import { DEFAULT_POLICY, GATE_PROVIDERS, type Integration, type ReleasePolicy } from "./policy.js";

/**
 * The state of one cell of the matrix. `passed`: a verified, current bundle says the pair passed
 * (the latest such bundle counts, as in the Pact Broker); `failed`: it says failed; `stale`: only
 * bundles of another contract version or another contract, kodverk or population digest;
 * `unverified`: only bundles whose signature or digests do not hold (or signed by a key the
 * policy does not trust); `missing`: no bundle at all.
 */
export type CellStatus = "passed" | "failed" | "stale" | "unverified" | "missing";

/** One cell: a consumer × provider integration for the contract version gated. */
export interface MatrixCell extends Integration {
  required: boolean;
  status: CellStatus;
  /** The bundle the status comes from. */
  evidence?: string;
  /** When that run ended. */
  verifiedAt?: string;
  /** Why the cell is not passed, in one sentence. */
  reason?: string;
}

/** One bundle as the gate read it. */
export interface BundleCheck {
  dir: string;
  /** Signature, key and every digest hold (and the key is trusted, when the policy names keys). */
  verified: boolean;
  problems: string[];
  command?: string;
  contract?: string;
  /** Why the bundle is stale for this gate (empty when current). */
  stale: string[];
  results: { consumer: string; provider: string; verdict: string }[];
  endedAt?: string;
}

/** The answer to "can I deploy contract V?". */
export interface GateResultat {
  contract: KontraktVersion;
  deployable: boolean;
  /** One sentence: why (not). */
  reason: string;
  consumers: string[];
  providers: string[];
  cells: MatrixCell[];
  bundles: BundleCheck[];
  policy: ReleasePolicy;
}

/** Options of {@link canIDeploy}. */
export interface GateOptions {
  contract: string;
  /** Bundle folders, or folders holding bundle folders (searched two levels deep). */
  evidence: string[];
  policy?: ReleasePolicy;
}

function version(v: string): KontraktVersion {
  if (!(KONTRAKT_VERSIONER as readonly string[]).includes(v))
    throw new HarnessError(
      "BAD_OPTION",
      `Unknown contract ${v}: pass --contract ${KONTRAKT_VERSIONER.join(", ")}.`,
    );
  return v as KontraktVersion;
}

/**
 * The bundle folders under the given paths: a folder with evidence.json is a bundle; otherwise
 * its sub-folders (two levels) are searched. A path with no bundle is an error.
 *
 * @example
 * hittaBuntar(["reports/out"]) // ["reports/out/certify-chain", "reports/out/certify-producer-AF"]
 */
export function hittaBuntar(paths: readonly string[]): string[] {
  if (paths.length === 0)
    throw new HarnessError(
      "BAD_OPTION",
      "No evidence given: pass --evidence DIR (the --out folder of a certify run).",
    );
  const ut: string[] = [];
  const sok = (dir: string, djup: number): void => {
    if (existsSync(join(dir, EVIDENCE_FILE))) {
      ut.push(dir);
      return;
    }
    if (djup === 0) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)))
      if (e.isDirectory()) sok(join(dir, e.name), djup - 1);
  };
  for (const p of paths) {
    if (!existsSync(p) || !statSync(p).isDirectory())
      throw new HarnessError(
        "BAD_OPTION",
        `--evidence ${p} is not a folder: pass the --out folder of a certify run.`,
      );
    const fore = ut.length;
    sok(resolve(p), 2);
    if (ut.length === fore)
      throw new HarnessError(
        "BAD_OPTION",
        `--evidence ${p} holds no evidence bundle (${EVIDENCE_FILE}): pass the --out folder of a certify run.`,
      );
  }
  return [...new Set(ut)];
}

interface Aktuellt {
  contract: string;
  kodverk: string;
  population: string;
}

function lasBunt(dir: string, v: KontraktVersion, nu: Aktuellt, policy: ReleasePolicy): BundleCheck {
  const check = verifyEvidence(dir);
  const e: Evidence | undefined = check.evidence;
  const problems = [...check.problems];
  if (e && policy.trustedKeys.length > 0 && !policy.trustedKeys.includes(e.keyFingerprint))
    problems.push(`signed by ${e.keyFingerprint}, which the release policy does not trust.`);
  const stale: string[] = [];
  if (e) {
    if (e.contract?.version !== v) stale.push(`certified contract ${e.contract?.version}, not ${v}`);
    else if (e.contract.digest !== nu.contract)
      stale.push(`contract ${v} has changed since (digest ${e.contract.digest.slice(0, 19)}…)`);
    if (e.kodverkDigest !== nu.kodverk) stale.push("the kodverk have changed since");
    if (e.populationDigest !== nu.population) stale.push("the population has changed since");
  }
  return {
    dir,
    verified: problems.length === 0,
    problems,
    ...(e ? { command: e.command, contract: e.contract?.version, endedAt: e.endedAt } : {}),
    stale,
    results: Array.isArray(e?.results) ? e.results : [],
  };
}

/** Every integration of the chain for the given consumers (the matrix's possible cells). */
function integrationerFor(consumers: readonly string[]): Integration[] {
  return [
    ...Object.values(BASTJANST_PROVIDER).map((provider) => ({ consumer: SSBT, provider })),
    ...consumers.filter((c) => c !== SSBT).map((consumer) => ({ consumer, provider: SSBT })),
  ];
}

const lika = (a: Integration, b: Integration) => a.consumer === b.consumer && a.provider === b.provider;

/**
 * can-i-deploy for a release candidate: reads every evidence bundle, verifies its signature and
 * digests (reports/evidence verifyEvidence), and fills the matrix of consumers × providers (the
 * seven bastjänster and the composite service) for contract `V` with Pact Broker semantics: per
 * integration the latest verified, current result counts. Deployable only when every required
 * integration is verified and passed.
 *
 * @example
 * const r = canIDeploy({ contract: "utkast", evidence: ["reports/out"] });
 * r.deployable // false while AF's producer evidence for utkast is missing
 */
export function canIDeploy(o: GateOptions): GateResultat {
  const v = version(o.contract);
  const policy = o.policy ?? DEFAULT_POLICY;
  const nu: Aktuellt = {
    contract: contractDigest(v),
    kodverk: kodverkDigest(),
    population: populationDigest(),
  };
  const bundles = hittaBuntar(o.evidence).map((d) => lasBunt(d, v, nu, policy));

  const sedda = bundles.flatMap((b) => b.results.map((r) => r.consumer));
  const requiredList = policy.required === "all" ? undefined : policy.required;
  const consumers = [
    ...new Set([SSBT, ...policy.consumers, ...sedda, ...(requiredList ?? []).map((r) => r.consumer)]),
  ];
  const mojliga = integrationerFor(consumers);
  for (const r of requiredList ?? []) if (!mojliga.some((m) => lika(m, r))) mojliga.push(r);
  const kravs = (i: Integration) =>
    !policy.ignore.some((x) => lika(x, i)) &&
    (requiredList
      ? requiredList.some((r) => lika(r, i))
      : i.consumer === SSBT || policy.consumers.includes(i.consumer));

  const cells: MatrixCell[] = mojliga.map((i) => {
    const traffar = bundles.flatMap((b) => b.results.filter((r) => lika(r, i)).map((r) => ({ b, r })));
    const senast = <T extends { b: BundleCheck }>(xs: T[]) =>
      [...xs].sort((x, y) => (y.b.endedAt ?? "").localeCompare(x.b.endedAt ?? ""))[0];
    // The latest claim about this contract counts; if it cannot be trusted, nothing older replaces it.
    const aktuella = traffar.filter(({ b }) => b.stale.length === 0);
    const latest = senast(aktuella);
    const giltiga = latest?.b.verified ? latest : undefined;
    const base = { ...i, required: kravs(i) };
    if (latest && !latest.b.verified)
      return {
        ...base,
        status: "unverified",
        evidence: latest.b.dir,
        reason: `the latest evidence does not verify: ${latest.b.problems[0] ?? "unknown problem"}`,
      };
    if (giltiga) {
      const passed = giltiga.r.verdict === "passed";
      return {
        ...base,
        status: passed ? "passed" : "failed",
        evidence: giltiga.b.dir,
        ...(giltiga.b.endedAt ? { verifiedAt: giltiga.b.endedAt } : {}),
        ...(passed ? {} : { reason: `the latest verified run (${giltiga.b.command ?? "certify"}) failed` }),
      };
    }
    const gammal = senast(traffar.filter(({ b }) => b.verified));
    if (gammal)
      return {
        ...base,
        status: "stale",
        evidence: gammal.b.dir,
        reason: `stale: ${gammal.b.stale.join("; ")}`,
      };
    const trasig = traffar[0];
    if (trasig)
      return {
        ...base,
        status: "unverified",
        evidence: trasig.b.dir,
        reason: `evidence does not verify: ${trasig.b.problems[0] ?? "unknown problem"}`,
      };
    return { ...base, status: "missing", reason: "no evidence for this integration" };
  });

  const brister = cells.filter((c) => c.required && c.status !== "passed");
  // Evidence that does not verify is a finding in itself: a release is not gated on altered proof.
  const trasiga = bundles.filter((b) => !b.verified);
  const deployable = brister.length === 0 && trasiga.length === 0 && cells.some((c) => c.required);
  const delar: string[] = [];
  if (brister.length)
    delar.push(
      `${brister.length} required integration(s) not verified and passed: ${brister
        .map((c) => `${c.consumer} → ${c.provider} (${c.status})`)
        .join(", ")}`,
    );
  if (trasiga.length)
    delar.push(`${trasiga.length} evidence bundle(s) do not verify: ${trasiga.map((b) => b.dir).join(", ")}`);
  const reason = deployable
    ? `All ${cells.filter((c) => c.required).length} required integrations are verified and passed for contract ${v}.`
    : delar.length
      ? `${delar.join("; ")}.`
      : "No integration is required by the policy: nothing to gate.";
  return {
    contract: v,
    deployable,
    reason,
    consumers,
    providers: [...GATE_PROVIDERS],
    cells,
    bundles,
    policy,
  };
}

const SYMBOL: Record<CellStatus, string> = {
  passed: "✓ passed",
  failed: "✗ FAILED",
  stale: "~ stale",
  unverified: "! altered",
  missing: "? missing",
};

/** A provider's short column name (AF … MIV, SSBT). */
function kort(provider: string): string {
  return provider === SSBT ? "SSBT" : (kodForProvider(provider) ?? provider);
}

/**
 * The matrix for the terminal: consumers as rows, providers as columns, then what blocks the
 * release and which bundles did not verify.
 *
 * @example
 * console.log(formatGate(canIDeploy({ contract: "v10", evidence: ["reports/out"] })));
 */
export function formatGate(r: GateResultat): string {
  const w = 13;
  // Optional cells (not required by the policy) are shown in parentheses.
  const cell = (c: MatrixCell | undefined) =>
    (c ? (c.required ? SYMBOL[c.status] : `(${SYMBOL[c.status]})`) : "·").padEnd(w);
  const cw = Math.max(20, ...r.consumers.map((c) => c.length)) + 2;
  const lines = [
    `can-i-deploy contract ${r.contract}: ${r.deployable ? "YES" : "NO"} — ${r.reason}`,
    "",
    `${"consumer \\ provider".padEnd(cw)}${r.providers.map((p) => kort(p).padEnd(w)).join("")}`,
    ...r.consumers.map(
      (c) =>
        `${c.padEnd(cw)}${r.providers
          .map((p) => cell(r.cells.find((x) => x.consumer === c && x.provider === p)))
          .join("")}`,
    ),
    "",
    `Evidence: ${r.bundles.length} bundle(s), ${r.bundles.filter((b) => b.verified).length} verified, ${
      r.bundles.filter((b) => b.verified && b.stale.length > 0).length
    } stale.`,
  ];
  for (const b of r.bundles) {
    const tag = !b.verified ? "UNVERIFIED" : b.stale.length ? "stale" : "ok";
    lines.push(
      `  ${tag.padEnd(10)} ${b.dir} — ${b.command ?? "?"}, contract ${b.contract ?? "?"}${b.endedAt ? `, ${b.endedAt}` : ""}`,
    );
    for (const p of b.problems) lines.push(`               ✗ ${p}`);
    for (const s of b.stale) lines.push(`               ~ ${s}`);
  }
  const brister = r.cells.filter((c) => c.required && c.status !== "passed");
  if (brister.length || r.bundles.some((b) => !b.verified)) {
    lines.push("", "Blocking the release:");
    for (const c of brister) lines.push(`  ${c.consumer} → ${c.provider}: ${c.reason ?? c.status}`);
  }
  for (const b of r.bundles.filter((x) => !x.verified))
    lines.push(
      `  evidence ${b.dir} does not verify (${b.problems.length} problem(s)): re-run that certification.`,
    );
  return lines.join("\n");
}

/**
 * The result in the Pact Broker's can-i-deploy JSON shape (`summary`, `notices`, `matrix` of
 * consumer/provider/verificationResult), with the harness's own cell state under `ssbtek`.
 *
 * @example
 * JSON.stringify(brokerJson(canIDeploy({ contract: "v10", evidence: ["out"] })))
 */
export function brokerJson(r: GateResultat): Record<string, unknown> {
  const req = r.cells.filter((c) => c.required);
  return {
    summary: {
      deployable: r.deployable,
      reason: r.reason,
      success: req.filter((c) => c.status === "passed").length,
      failed: req.filter((c) => c.status === "failed").length,
      unknown: req.filter((c) => c.status !== "passed" && c.status !== "failed").length,
    },
    notices: [
      { type: r.deployable ? "success" : "danger", text: r.reason },
      ...r.bundles
        .filter((b) => !b.verified || b.stale.length)
        .map((b) => ({ type: "warning", text: `${b.dir}: ${[...b.problems, ...b.stale].join("; ")}` })),
    ],
    matrix: r.cells.map((c) => ({
      consumer: { name: c.consumer, version: { number: r.contract } },
      provider: { name: c.provider, version: { number: r.contract } },
      verificationResult:
        c.status === "passed" || c.status === "failed"
          ? { success: c.status === "passed", verifiedAt: c.verifiedAt ?? null }
          : null,
      ssbtek: {
        required: c.required,
        status: c.status,
        ...(c.evidence ? { evidence: c.evidence } : {}),
        ...(c.reason ? { reason: c.reason } : {}),
      },
    })),
    ssbtek: { contract: r.contract, policy: r.policy, bundles: r.bundles },
  };
}
