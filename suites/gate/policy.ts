import { readFileSync } from "node:fs";
import { HarnessError } from "../../contract/errors.js";
import { BASTJANSTER } from "../../contract/ssbt/model.js";
import { BASTJANST_PROVIDER, SSBT, VERKSAMHETSSYSTEM } from "../pact/names.js";

/** One integration of the release: a consumer and the provider it calls (Pact participant names). */
export interface Integration {
  consumer: string;
  provider: string;
}

/**
 * A release policy (`--policy FILE`, JSON): which integrations must be verified and passed for
 * the release to go out, and whose signatures count.
 *
 * ```json
 * {
 *   "required": "all",
 *   "consumers": ["kommun-x-verksamhetssystem"],
 *   "ignore": [{ "consumer": "ssbtek-ssbt", "provider": "ssbtek-tns" }],
 *   "trustedKeys": ["sha256:…"]
 * }
 * ```
 */
export interface ReleasePolicy {
  /**
   * `"all"` (default): every integration of the chain — the composite service as consumer of each
   * of the seven bastjänster, and every known consumer of the composite service. Or an explicit list.
   */
  required: "all" | Integration[];
  /** Consumers of the composite service that must have verified it, besides `verksamhetssystem`. */
  consumers: string[];
  /** Integrations left out of `required` (e.g. a bastjänst not part of this release). */
  ignore: Integration[];
  /** Signer fingerprints whose evidence counts; empty = any intact bundle counts. */
  trustedKeys: string[];
}

/** The providers of the matrix: the seven bastjänster, then the composite service. */
export const GATE_PROVIDERS: readonly string[] = [...BASTJANSTER.map((k) => BASTJANST_PROVIDER[k]), SSBT];

/** The default policy: every integration required, the reference consumer, any signer. */
export const DEFAULT_POLICY: ReleasePolicy = {
  required: "all",
  consumers: [VERKSAMHETSSYSTEM],
  ignore: [],
  trustedKeys: [],
};

const KEYS = new Set(["required", "consumers", "ignore", "trustedKeys", "$comment"]);

function integrationer(v: unknown, falt: string, kalla: string): Integration[] {
  if (!Array.isArray(v))
    throw new HarnessError("BAD_POLICY", `${kalla}: "${falt}" must be a list of {"consumer", "provider"}.`);
  return v.map((x, i) => {
    const o = x as Record<string, unknown>;
    if (typeof o?.consumer !== "string" || typeof o?.provider !== "string")
      throw new HarnessError(
        "BAD_POLICY",
        `${kalla}: ${falt}[${i}] must be {"consumer": "…", "provider": "…"} (Pact participant names).`,
      );
    if (!GATE_PROVIDERS.includes(o.provider))
      throw new HarnessError(
        "BAD_POLICY",
        `${kalla}: ${falt}[${i}] names the unknown provider "${o.provider}": use one of ${GATE_PROVIDERS.join(", ")}.`,
      );
    return { consumer: o.consumer, provider: o.provider };
  });
}

/**
 * Reads and checks a release policy; unknown keys and providers are errors, missing keys take
 * the defaults of {@link DEFAULT_POLICY}.
 *
 * @example
 * parsePolicy('{"required":[{"consumer":"ssbtek-ssbt","provider":"ssbtek-af"}]}', "policy.json")
 */
export function parsePolicy(text: string, kalla: string): ReleasePolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new HarnessError("BAD_POLICY", `${kalla} is not JSON: ${(e as Error).message}.`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new HarnessError("BAD_POLICY", `${kalla} must be a JSON object (see docs/release-gating.md).`);
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!KEYS.has(k))
      throw new HarnessError(
        "BAD_POLICY",
        `${kalla}: unknown key "${k}". A release policy has required, consumers, ignore and trustedKeys.`,
      );
  const strings = (v: unknown, falt: string): string[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
      throw new HarnessError("BAD_POLICY", `${kalla}: "${falt}" must be a list of strings.`);
    return v as string[];
  };
  return {
    required:
      o.required === undefined || o.required === "all" ? "all" : integrationer(o.required, "required", kalla),
    consumers: o.consumers === undefined ? [VERKSAMHETSSYSTEM] : strings(o.consumers, "consumers"),
    ignore: o.ignore === undefined ? [] : integrationer(o.ignore, "ignore", kalla),
    trustedKeys: o.trustedKeys === undefined ? [] : strings(o.trustedKeys, "trustedKeys"),
  };
}

/**
 * Reads a policy file.
 *
 * @example
 * readPolicy("release-2027-1.json").required // "all"
 */
export function readPolicy(path: string): ReleasePolicy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new HarnessError(
      "BAD_POLICY",
      `Cannot read --policy ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass a JSON release policy.`,
    );
  }
  return parsePolicy(text, path);
}
