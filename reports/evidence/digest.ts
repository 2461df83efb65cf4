/**
 * The digests an evidence bundle binds a result to: the contract model, the code lists and the
 * synthetic population the run used, each as `sha256:<hex>` over a canonical form (sorted keys,
 * no whitespace), so the same data gives the same digest on every machine.
 */
import { createHash } from "node:crypto";
import { FALTREGELTABELLER } from "../../contract/faltregler/tabeller.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { buildWsdl } from "../../contract/ssbt/wsdl.js";
import { KODVERK_PER_KALLA } from "../../fixtures/kodverk/index.js";
import personasJson from "../../fixtures/personas/personas.json" with { type: "json" };

/**
 * `sha256:<hex>` of some bytes or text (UTF-8).
 *
 * @example
 * sha256("") // "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function sha256(data: string | Uint8Array): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/**
 * JSON with the keys of every object sorted and no whitespace: one text per value.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The WSDL location the contract digest is taken with (the location is not part of the contract). */
const DIGEST_LOCATION = "http://localhost/ssbtek";

/**
 * Digest of the contract a run certified against: the ssbt WSDL of that version (our model of the
 * official schema) and every field-rule table.
 *
 * @example
 * contractDigest("v10") // "sha256:…" — changes when the WSDL model or a field rule changes
 */
export function contractDigest(version: KontraktVersion): string {
  return sha256(
    canonicalJson({ version, wsdl: buildWsdl(version, DIGEST_LOCATION), faltregler: FALTREGELTABELLER }),
  );
}

/**
 * Digest of every kodverk (fixtures/kodverk) the code-list checks use.
 *
 * @example
 * kodverkDigest() // "sha256:…"
 */
export function kodverkDigest(): string {
  return sha256(canonicalJson(KODVERK_PER_KALLA));
}

/**
 * Digest of the synthetic population's named personas (fixtures/personas); generated people
 * follow from it and the run's seed, which the evidence records separately.
 *
 * @example
 * populationDigest() // "sha256:…"
 */
export function populationDigest(): string {
  return sha256(canonicalJson(personasJson));
}
