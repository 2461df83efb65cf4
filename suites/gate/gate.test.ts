import { sign } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isHarnessError } from "../../contract/errors.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { writeEvidence } from "../../reports/evidence/bundle.js";
import { loadSigningKey, type SigningKey } from "../../reports/evidence/keys.js";
import type { EvidenceMeta, EvidencePair } from "../../reports/evidence/model.js";
import { runCli } from "../../test/support/cli.js";
import { BASTJANST_PROVIDER, SSBT, VERKSAMHETSSYSTEM } from "../pact/names.js";
import { brokerJson, canIDeploy, formatGate, type GateResultat } from "./can-i-deploy.js";
import { parsePolicy } from "./policy.js";

const root = mkdtempSync(join(tmpdir(), "ssbtek-gate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const key: SigningKey = loadSigningKey({ keyDir: join(root, "keys") });

const ALLA: EvidencePair[] = [
  ...Object.values(BASTJANST_PROVIDER).map((provider) => ({
    consumer: SSBT,
    provider,
    verdict: "passed" as const,
  })),
  { consumer: VERKSAMHETSSYSTEM, provider: SSBT, verdict: "passed" },
];

/** A signed bundle, as a certify run leaves it: a report, then evidence.json and evidence.sig. */
function bundle(
  o: {
    results?: EvidencePair[];
    contract?: KontraktVersion;
    endedAt?: string;
    parent?: string;
    signer?: SigningKey;
  } = {},
): string {
  const dir = join(o.parent ?? root, `bundle-${n++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "report.json"), '{"passed":true}\n');
  const results = o.results ?? ALLA;
  const meta: EvidenceMeta = {
    command: "certify chain",
    suite: "chain",
    contractVersion: o.contract ?? "utkast",
    seed: 1,
    clock: "2026-11-20T09:00:00.000Z",
    options: {},
    systemUnderTest: { role: "chain", name: "test" },
    results,
    verdict: results.every((r) => r.verdict === "passed") ? "passed" : "failed",
    startedAt: "2026-11-20T09:00:00.000Z",
    endedAt: o.endedAt ?? "2026-11-20T09:00:05.000Z",
  };
  writeEvidence(dir, meta, { key: o.signer ?? key });
  return dir;
}

/** Rewrites evidence.json and signs it again with the same key: valid, but from another world. */
function omsignera(dir: string, andra: (e: Record<string, unknown>) => void): void {
  const e = JSON.parse(readFileSync(join(dir, "evidence.json"), "utf8"));
  andra(e);
  const bytes = Buffer.from(`${JSON.stringify(e, null, 2)}\n`, "utf8");
  writeFileSync(join(dir, "evidence.json"), bytes);
  writeFileSync(join(dir, "evidence.sig"), sign(null, bytes, key.privateKey));
}

const cell = (r: GateResultat, consumer: string, provider: string) =>
  r.cells.find((c) => c.consumer === consumer && c.provider === provider);
const AF = BASTJANST_PROVIDER.AF;

describe("certify gate (can-i-deploy)", () => {
  it("passes on a complete, verified, current evidence set: every cell of the matrix passed", () => {
    const r = canIDeploy({ contract: "utkast", evidence: [bundle()] });
    expect(r.reason).toContain("8 required");
    expect(r.deployable).toBe(true);
    expect(r.cells.filter((c) => c.required).every((c) => c.status === "passed")).toBe(true);
    expect(formatGate(r)).toContain("can-i-deploy contract utkast: YES");
    expect(brokerJson(r)).toMatchObject({ summary: { deployable: true, success: 8, failed: 0, unknown: 0 } });
  });

  it("fails on a missing integration", () => {
    const utanAf = ALLA.filter((p) => p.provider !== AF);
    const r = canIDeploy({ contract: "utkast", evidence: [bundle({ results: utanAf })] });
    expect(r.deployable).toBe(false);
    expect(cell(r, SSBT, AF)).toMatchObject({ status: "missing", required: true });
    expect(r.reason).toContain("ssbtek-ssbt → ssbtek-af (missing)");
  });

  it("fails on a failed integration; the latest verified run counts (Pact Broker semantics)", () => {
    const parent = join(root, `set-${n++}`);
    const failed = ALLA.map((p) => (p.provider === AF ? { ...p, verdict: "failed" as const } : p));
    bundle({ parent, results: failed, endedAt: "2026-11-20T10:00:00.000Z" });
    const r = canIDeploy({ contract: "utkast", evidence: [parent] });
    expect(cell(r, SSBT, AF)?.status).toBe("failed");
    expect(r.deployable).toBe(false);
    // A newer passing run of AF's producer suite supersedes it.
    bundle({
      parent,
      results: [{ consumer: SSBT, provider: AF, verdict: "passed" }],
      endedAt: "2026-11-20T11:00:00.000Z",
    });
    expect(canIDeploy({ contract: "utkast", evidence: [parent] }).deployable).toBe(true);
  });

  it("fails on a tampered bundle: a report changed after sealing, or a forged signature", () => {
    const dir = bundle();
    writeFileSync(join(dir, "report.json"), '{"passed":false}\n');
    const r = canIDeploy({ contract: "utkast", evidence: [dir] });
    expect(r.deployable).toBe(false);
    expect(cell(r, SSBT, AF)).toMatchObject({ status: "unverified" });
    expect(cell(r, SSBT, AF)?.reason).toContain("report.json was altered");
    // A failed run turned into a passed one by editing evidence.json: the signature no longer holds.
    const forged = bundle({
      results: ALLA.map((p) => (p.provider === AF ? { ...p, verdict: "failed" as const } : p)),
    });
    const e = readFileSync(join(forged, "evidence.json"), "utf8");
    expect(e).toContain('"verdict": "failed"');
    writeFileSync(join(forged, "evidence.json"), e.replaceAll('"verdict": "failed"', '"verdict": "passed"'));
    const f = canIDeploy({ contract: "utkast", evidence: [forged] });
    expect(f.bundles[0]?.verified).toBe(false);
    expect(f.bundles[0]?.problems.join()).toContain("signature");
    expect(cell(f, SSBT, AF)?.status).toBe("unverified");
    expect(f.deployable).toBe(false);
  });

  it("fails on stale evidence: another contract version, or other kodverk / population / contract digests", () => {
    const v11 = canIDeploy({ contract: "utkast", evidence: [bundle({ contract: "v11" })] });
    expect(v11.deployable).toBe(false);
    expect(cell(v11, SSBT, AF)).toMatchObject({ status: "stale" });
    expect(cell(v11, SSBT, AF)?.reason).toContain("certified contract v11, not utkast");
    for (const [falt, text] of [
      ["kodverkDigest", "kodverk"],
      ["populationDigest", "population"],
    ] as const) {
      const dir = bundle();
      omsignera(dir, (e) => {
        e[falt] = `sha256:${"0".repeat(64)}`;
      });
      const r = canIDeploy({ contract: "utkast", evidence: [dir] });
      expect(r.bundles[0]?.verified, falt).toBe(true);
      expect(cell(r, SSBT, AF)?.status, falt).toBe("stale");
      expect(cell(r, SSBT, AF)?.reason).toContain(text);
    }
    const annat = bundle();
    omsignera(annat, (e) => {
      (e.contract as { digest: string }).digest = `sha256:${"1".repeat(64)}`;
    });
    expect(cell(canIDeploy({ contract: "utkast", evidence: [annat] }), SSBT, AF)?.reason).toContain(
      "has changed since",
    );
  });

  it("a release policy decides what is required and whose signatures count", () => {
    const bara = bundle({ results: [{ consumer: SSBT, provider: AF, verdict: "passed" }] });
    const policy = parsePolicy(JSON.stringify({ required: [{ consumer: SSBT, provider: AF }] }), "p.json");
    const r = canIDeploy({ contract: "utkast", evidence: [bara], policy });
    expect(r.deployable).toBe(true);
    expect(cell(r, SSBT, BASTJANST_PROVIDER.CSN)).toMatchObject({ required: false, status: "missing" });
    // A vendor's own consumer must have verified SSBT too.
    const vendor = parsePolicy(JSON.stringify({ consumers: ["kommun-x"] }), "p.json");
    const v = canIDeploy({ contract: "utkast", evidence: [bundle()], policy: vendor });
    expect(cell(v, "kommun-x", SSBT)).toMatchObject({ required: true, status: "missing" });
    expect(v.deployable).toBe(false);
    // Trusted keys: evidence by another signer does not count.
    const annan = loadSigningKey({ keyDir: join(root, "other-keys") });
    const trusted = parsePolicy(JSON.stringify({ trustedKeys: [key.fingerprint] }), "p.json");
    const t = canIDeploy({ contract: "utkast", evidence: [bundle({ signer: annan })], policy: trusted });
    expect(t.deployable).toBe(false);
    expect(t.bundles[0]?.problems.join()).toContain("does not trust");
  });

  it("bad input is a clear error: unknown contract, no bundle, bad policy", () => {
    const fel = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(isHarnessError(e)).toBe(true);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    expect(fel(() => canIDeploy({ contract: "v9", evidence: [root] }))).toContain("--contract");
    const tom = mkdtempSync(join(root, "empty-"));
    expect(fel(() => canIDeploy({ contract: "utkast", evidence: [tom] }))).toContain(
      "holds no evidence bundle",
    );
    expect(fel(() => parsePolicy('{"requierd": "all"}', "p.json"))).toContain('unknown key "requierd"');
    expect(
      fel(() => parsePolicy('{"required": [{"consumer": "a", "provider": "ssbtek-xx"}]}', "p.json")),
    ).toContain("unknown provider");
  });

  it("CLI: exit 0 when deployable, 1 when not, 2 on bad input; --json in the Broker's shape", async () => {
    const ok = bundle();
    const stale = bundle({ contract: "v10" });
    const [ja, nej, dalig] = await Promise.all([
      runCli(["certify", "gate", "--contract", "utkast", "--evidence", ok, "--json"]),
      runCli(["certify", "gate", "--contract", "utkast", "--evidence", stale]),
      runCli(["certify", "gate", "--contract", "utkast", "--evidence", join(root, "nonexistent")]),
    ]);
    expect(ja.code).toBe(0);
    expect(JSON.parse(ja.stdout).summary.deployable).toBe(true);
    expect(nej.code).toBe(1);
    expect(nej.stdout).toContain("~ stale");
    expect(dalig.code).toBe(2);
    expect(dalig.stderr).toContain("is not a folder");
  }, 60_000);
});
