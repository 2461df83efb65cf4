import { parse as parseYaml } from "yaml";
import { HarnessError } from "../errors.js";
import type { DelGrupp, KontraktDel, Nod, Riktning, Varde } from "./schema.js";

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads an OpenAPI 3 document (YAML or JSON text) into one contract part: every operation's
 * request body (a question) and its responses (answers, per status), flattened through `$ref`,
 * `allOf`, `oneOf`/`anyOf` (alternatives: optional), arrays and properties (required → min 1).
 *
 * @example
 * lasOpenApi(readFileSync("lefi.openapi.yaml", "utf8"), "lefi.openapi.yaml").grupp // "FK"
 */
export function lasOpenApi(text: string, kalla: string, grupp: DelGrupp = "FK"): KontraktDel {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new HarnessError(
      "COMPAT_BAD_OPENAPI",
      `${kalla} is not YAML/JSON: ${(e as Error).message}. Pass an OpenAPI 3 document.`,
    );
  }
  if (!isObj(doc) || typeof doc.openapi !== "string" || !isObj(doc.paths))
    throw new HarnessError(
      "COMPAT_BAD_OPENAPI",
      `${kalla} is not an OpenAPI 3 document (no "openapi" version or "paths"). Pass an OpenAPI 3 document.`,
    );
  const schemas = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
  const noder = new Map<string, Nod>();
  const rotter: Record<string, Riktning> = {};
  const add = (n: Nod) => {
    if (!noder.has(n.path)) noder.set(n.path, n);
  };

  const deref = (s: unknown, stack: readonly string[]): { s: Json; namn?: string } | undefined => {
    if (!isObj(s)) return undefined;
    if (typeof s.$ref === "string") {
      const namn = s.$ref.replace(/^#\/components\/schemas\//, "");
      if (stack.includes(namn)) return { s: {}, namn: `${namn} (recursive)` };
      const t = schemas[namn];
      return isObj(t) ? { s: t, namn } : undefined;
    }
    return { s };
  };

  const walk = (
    schema: unknown,
    path: string,
    riktning: Riktning,
    min: number,
    max: number,
    stack: readonly string[],
  ): void => {
    const d = deref(schema, stack);
    if (!d) return;
    const { s } = d;
    const nextStack = d.namn ? [...stack, d.namn] : stack;
    if (d.namn?.endsWith("(recursive)")) {
      add({ path, slag: "egenskap", riktning, ns: "", min, max, referens: d.namn });
      return;
    }
    if (Array.isArray(s.allOf)) {
      add({ path, slag: "egenskap", riktning, ns: "", min, max });
      for (const part of s.allOf) walkInner(part, path, riktning, nextStack);
      return;
    }
    if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
      add({ path, slag: "egenskap", riktning, ns: "", min, max });
      for (const [i, part] of ((s.oneOf ?? s.anyOf) as unknown[]).entries())
        walk(part, `${path}/|${i + 1}`, riktning, 0, 1, nextStack);
      return;
    }
    if (s.type === "array") {
      walk(
        s.items,
        path,
        riktning,
        min === 0 || s.minItems === undefined ? min : 1,
        Number.POSITIVE_INFINITY,
        nextStack,
      );
      return;
    }
    if (s.type === "object" || isObj(s.properties)) {
      add({ path, slag: "egenskap", riktning, ns: "", min, max });
      walkInner(s, path, riktning, nextStack);
      return;
    }
    add({ path, slag: "egenskap", riktning, ns: "", min, max, varde: varde(s) });
  };

  const walkInner = (schema: unknown, path: string, riktning: Riktning, stack: readonly string[]) => {
    const d = deref(schema, stack);
    if (!d) return;
    const { s } = d;
    const nextStack = d.namn ? [...stack, d.namn] : stack;
    if (Array.isArray(s.allOf)) for (const part of s.allOf) walkInner(part, path, riktning, nextStack);
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    if (isObj(s.properties))
      for (const [k, v] of Object.entries(s.properties))
        walk(v, `${path}/${k}`, riktning, required.has(k) ? 1 : 0, 1, nextStack);
    if (s.additionalProperties === true || isObj(s.additionalProperties))
      add({
        path: `${path}/*`,
        slag: "any",
        riktning,
        ns: "",
        min: 0,
        max: Number.POSITIVE_INFINITY,
        wildcard: "##any",
      });
  };

  for (const [p, ops] of Object.entries(doc.paths)) {
    if (!isObj(ops)) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!isObj(op) || !/^(get|put|post|delete|patch)$/.test(method)) continue;
      const rot = `${method.toUpperCase()} ${p}`;
      const body =
        isObj(op.requestBody) && isObj(op.requestBody.content) ? op.requestBody.content : undefined;
      const jsonBody = body ? (body["application/json"] as Json | undefined) : undefined;
      if (jsonBody && isObj(jsonBody)) {
        rotter[`${rot} fraga`] = "fraga";
        walk(jsonBody.schema, `${rot} fraga`, "fraga", 1, 1, []);
      }
      for (const [status, r] of Object.entries(isObj(op.responses) ? op.responses : {})) {
        if (!isObj(r) || !isObj(r.content)) continue;
        const c = r.content["application/json"];
        if (!isObj(c)) continue;
        rotter[`${rot} svar ${status}`] = "svar";
        walk(c.schema, `${rot} svar ${status}`, "svar", 1, 1, []);
      }
    }
  }
  const info = isObj(doc.info) ? doc.info : {};
  return {
    grupp,
    namespace: `openapi:${String(info.title ?? kalla)}`,
    kalla,
    rotter,
    noder,
  };
}

function varde(s: Json): Varde {
  const v: Varde = { bas: `json:${String(s.type ?? "any")}` };
  if (typeof s.format === "string") v.format = s.format;
  if (typeof s.pattern === "string") v.pattern = [s.pattern];
  if (Array.isArray(s.enum)) v.enumeration = s.enum.map(String);
  if (typeof s.minLength === "number") v.minLength = s.minLength;
  if (typeof s.maxLength === "number") v.maxLength = s.maxLength;
  if (typeof s.minimum === "number") v.minInclusive = String(s.minimum);
  if (typeof s.maximum === "number") v.maxInclusive = String(s.maximum);
  return v;
}
