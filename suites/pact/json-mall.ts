import { MatchersV3 } from "@pact-foundation/pact";
import { BASE64, DATUM, DATUM_TID, PERSONIDENTITET } from "./xml-mall.js";

/** How {@link jsonMallFran} loosens a real JSON document into a Pact template. */
export interface JsonLossning {
  /**
   * Paths whose value stays exact: keys from the root joined by "/", an array step written `[]`
   * (e.g. `utlamnare[]/tillstand`). Matched as a suffix.
   */
  exakt?: readonly string[];
  /**
   * "lika" (default, for answers): an array whose elements share one shape becomes "at least one
   * like the first". "alla": every element stays, each loosened (for requests: the example a
   * verifier sends must be the real question, not one element of it).
   */
  arrayer?: "lika" | "alla";
}

const slutarMed = (vag: string, lista: readonly string[] | undefined) =>
  (lista ?? []).some((s) => vag === s || vag.endsWith(`/${s}`));

function strangMatcher(text: string): unknown {
  const re = (p: string) => MatchersV3.regex(p, text);
  if (/^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(text)) return re(DATUM);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && new RegExp(DATUM_TID).test(text)) return re(DATUM_TID);
  if (/^\d{12}$/.test(text)) return re(PERSONIDENTITET);
  if (text.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(text)) return re(BASE64);
  return MatchersV3.string(text);
}

/** The shape of a value, deeply: keys and the shapes below them (an array by its elements' shapes). */
function form(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${[...new Set(v.map(form))].sort().join("|")}]`;
  if (typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${k}:${form((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return typeof v;
}

/** The values at exact paths inside `v`: elements folded into one template must agree on them. */
function exaktaVarden(v: unknown, lossning: JsonLossning, vag: string): unknown[] {
  if (slutarMed(vag, lossning.exakt)) return [v];
  if (Array.isArray(v)) return v.flatMap((x) => exaktaVarden(x, lossning, `${vag}[]`));
  if (typeof v === "object" && v !== null)
    return Object.entries(v).flatMap(([k, x]) => exaktaVarden(x, lossning, vag === "" ? k : `${vag}/${k}`));
  return [];
}

/**
 * Turns a real JSON document (e.g. the reference LEFI answer) into a Pact JSON template: strings
 * matched by shape (dates, identities by regex, other strings by type), numbers by integer or
 * decimal type, booleans by type, arrays whose elements all share one shape as "at least one
 * like the first", and exact values where `lossning.exakt` says.
 *
 * @example
 * builder.jsonBody(jsonMallFran(await response.json(), { exakt: ["utlamnare[]/tillstand"] }))
 */
export function jsonMallFran(v: unknown, lossning: JsonLossning = {}, vag = ""): unknown {
  // An equal matcher (not the plain value): inside eachLike the type rule would otherwise cascade to it.
  if (vag !== "" && slutarMed(vag, lossning.exakt)) return MatchersV3.equal(v);
  if (v === null) return null;
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    const forsta = form(v[0]);
    const exakta = JSON.stringify(exaktaVarden(v[0], lossning, `${vag}[]`));
    if (
      lossning.arrayer !== "alla" &&
      v.every((x) => form(x) === forsta && JSON.stringify(exaktaVarden(x, lossning, `${vag}[]`)) === exakta)
    )
      return MatchersV3.eachLike(jsonMallFran(v[0], lossning, `${vag}[]`), 1);
    return v.map((x) => jsonMallFran(x, lossning, `${vag}[]`));
  }
  if (typeof v === "object") {
    const ut: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) ut[k] = jsonMallFran(x, lossning, vag === "" ? k : `${vag}/${k}`);
    return ut;
  }
  if (typeof v === "string") return strangMatcher(v);
  if (typeof v === "number") return Number.isInteger(v) ? MatchersV3.integer(v) : MatchersV3.decimal(v);
  if (typeof v === "boolean") return MatchersV3.boolean(v);
  return v;
}
