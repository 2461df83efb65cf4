/**
 * Changes one field of a message at a concrete path (`/a/b[2]/@c`), the way the invalid-request
 * arbitraries break a table rule: set a value, or remove the field. Paths may go on inside a
 * base64 JSON payload (`…/lefiJsonFraga/period/from`).
 */
import { HarnessError } from "../../contract/errors.js";
import type { JsonValue } from "../../contract/faltregler/model.js";
import type { XmlElement, XmlNode } from "../../contract/xml/node.js";

/** Set the field's text, or remove the field. */
export type Andring = { satt: string } | { taBort: true };

interface Steg {
  name: string;
  index?: number;
  attribute: boolean;
}

function steg(path: string): Steg[] {
  return path
    .replace(/^\//, "")
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const attribute = s.startsWith("@");
      const m = /^@?([^[\]]+)(?:\[(\d+)\])?$/.exec(s);
      if (!m) throw new HarnessError("FALTREGEL_SOKVAG", `Cannot follow the path segment "${s}".`);
      return m[2] === undefined
        ? { name: m[1]!, attribute }
        : { name: m[1]!, index: Number(m[2]), attribute };
    });
}

function andraElement(e: XmlElement, rest: Steg[], andring: Andring, path: string): XmlElement {
  const [s, ...tail] = rest;
  if (!s) {
    if ("taBort" in andring) throw new HarnessError("FALTREGEL_SOKVAG", `Cannot remove the root at ${path}.`);
    return { ...e, children: [{ kind: "text", text: andring.satt }] };
  }
  if (s.attribute) {
    const attrs = e.attrs.filter((a) => !(a.ns === "" && a.local === s.name));
    if ("satt" in andring) attrs.push({ ns: "", local: s.name, value: andring.satt });
    return { ...e, attrs };
  }
  let seen = 0;
  let found = false;
  const children: XmlNode[] = [];
  for (const c of e.children) {
    if (c.kind === "element" && c.local === s.name) {
      seen++;
      if ((s.index ?? 1) === seen) {
        found = true;
        if (tail.length === 0 && "taBort" in andring) continue;
        children.push(andraElement(c, tail, andring, path));
        continue;
      }
    }
    children.push(c);
  }
  if (!found) throw new HarnessError("FALTREGEL_SOKVAG", `No ${s.name} at ${path}.`);
  return { ...e, children };
}

/**
 * A copy of `root` with one field changed. The first segment names the root.
 *
 * @example
 * andraXml(encodeFraga(fraga), "/hamtaBastjanstInformation/generellaFrageparametrar/personidentitet", { satt: "123" })
 */
export function andraXml(root: XmlElement, path: string, andring: Andring): XmlElement {
  const [first, ...rest] = steg(path);
  if (!first || first.name !== root.local)
    throw new HarnessError("FALTREGEL_SOKVAG", `${path} does not start at ${root.local}.`);
  return andraElement(root, rest, andring, path);
}

/**
 * A copy of a JSON value with one field changed (1-based indices as in the table paths).
 *
 * @example
 * andraJson({ period: { from: "2026-01-01" } }, "/period/from", { satt: "x" }) // { period: { from: "x" } }
 */
export function andraJson(value: JsonValue, path: string, andring: Andring): JsonValue {
  const [s, ...tail] = steg(path);
  if (!s) return "satt" in andring ? andring.satt : value;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new HarnessError("FALTREGEL_SOKVAG", `No object at ${path}.`);
  const out: { [k: string]: JsonValue } = { ...value };
  const v = out[s.name];
  if (s.index !== undefined) {
    if (!Array.isArray(v)) throw new HarnessError("FALTREGEL_SOKVAG", `${s.name} is not an array.`);
    const arr = [...v];
    if (tail.length === 0 && "taBort" in andring) arr.splice(s.index - 1, 1);
    else arr[s.index - 1] = andraJson(arr[s.index - 1] ?? null, `/${tail.map(format).join("/")}`, andring);
    out[s.name] = arr;
    return out;
  }
  if (tail.length === 0) {
    if ("taBort" in andring) delete out[s.name];
    else out[s.name] = andring.satt;
    return out;
  }
  out[s.name] = andraJson(v ?? {}, `/${tail.map(format).join("/")}`, andring);
  return out;
}

function format(s: Steg): string {
  return `${s.attribute ? "@" : ""}${s.name}${s.index === undefined ? "" : `[${s.index}]`}`;
}

/**
 * Text of the element at a concrete path, or undefined.
 *
 * @example
 * lasXml(xml, "/hamtaBastjanstInformation/specifikaFrageparametrar/AF/@inkludera") // "true"
 */
export function lasXml(root: XmlElement, path: string): string | undefined {
  const [first, ...rest] = steg(path);
  if (!first || first.name !== root.local) return undefined;
  let e: XmlElement | undefined = root;
  for (const s of rest) {
    if (!e) return undefined;
    if (s.attribute) return e.attrs.find((a) => a.ns === "" && a.local === s.name)?.value;
    const matches: XmlElement[] = e.children.filter(
      (c): c is XmlElement => c.kind === "element" && c.local === s.name,
    );
    e = matches[(s.index ?? 1) - 1];
  }
  return e ? e.children.map((c) => (c.kind === "text" ? c.text : "")).join("") : undefined;
}

/**
 * Changes a field inside a base64 JSON payload: `payloadPath` is the XML element holding the
 * payload, `jsonPath` the path inside the JSON.
 *
 * @example
 * andraBase64Json(xml, "/…/FK/fraga/lefiJsonFraga", "/period/from", { satt: "2020-01-01" })
 */
export function andraBase64Json(
  root: XmlElement,
  payloadPath: string,
  jsonPath: string,
  andring: Andring,
): XmlElement {
  const text = lasXml(root, payloadPath);
  if (text === undefined) throw new HarnessError("FALTREGEL_SOKVAG", `No payload at ${payloadPath}.`);
  const json = JSON.parse(Buffer.from(text, "base64").toString("utf8")) as JsonValue;
  const ny = andraJson(json, jsonPath, andring);
  return andraXml(root, payloadPath, { satt: Buffer.from(JSON.stringify(ny), "utf8").toString("base64") });
}
