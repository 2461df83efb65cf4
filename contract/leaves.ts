import { childElements, type XmlElement } from "./xml/node.js";
import { parseXml } from "./xml/parse.js";

/**
 * One leaf of a message: the local names from the outermost element down (an attribute as
 * `@name`; JSON keys, arrays transparent) and its text. A payload inside a value — base64 of XML
 * or JSON, XML carried as text, a JSON document — is opened and its path goes on below the
 * element that carries it (`…/CSN/data/svar/CSNSvar/Personer/…`), as the field-rule tables
 * address it.
 */
export interface Leaf {
  path: readonly string[];
  value: string;
}

/**
 * Every leaf of a JSON value, below `path`.
 *
 * @example
 * jsonLeaves({ a: [{ b: 1 }] }) // [{ path: ["a", "b"], value: "1" }]
 */
export function jsonLeaves(v: unknown, path: readonly string[] = [], out: Leaf[] = []): Leaf[] {
  if (Array.isArray(v)) for (const x of v) jsonLeaves(x, path, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) jsonLeaves(x, [...path, k], out);
  else if (v !== null && v !== undefined) out.push({ path, value: String(v) });
  return out;
}

/**
 * Opens `text` when it is a payload (XML, JSON, or base64 of either) and adds its leaves below
 * `path`. Returns false (and adds nothing) for an ordinary value.
 *
 * @example
 * payloadLeaves(Buffer.from('{"kod":"1"}').toString("base64"), ["data"], out) // true; out: data/kod = 1
 */
export function payloadLeaves(text: string, path: readonly string[], out: Leaf[]): boolean {
  const t = text.trim();
  try {
    if (t.startsWith("<")) {
      xmlLeaves(parseXml(t), path, out);
      return true;
    }
    if (t.startsWith("{")) {
      jsonLeaves(JSON.parse(t), path, out);
      return true;
    }
    if (/^[A-Za-z0-9+/=\s]{16,}$/.test(t)) {
      const decoded = Buffer.from(t, "base64").toString("utf8").trim();
      if (decoded.startsWith("<") || decoded.startsWith("{")) return payloadLeaves(decoded, path, out);
    }
  } catch {
    // not a payload: an ordinary value
  }
  return false;
}

/**
 * Every leaf of an XML element (its attributes, its text-only or empty descendants), below
 * `path`, opening payloads. A value with surrounding blanks is given both as written and trimmed
 * (CSN's status codes are blank-padded: `"          "` is a real code).
 *
 * @example
 * xmlLeaves(parseXml('<a x="1"><b>2</b></a>')) // a/@x = 1, a/b = 2
 */
export function xmlLeaves(e: XmlElement, path: readonly string[] = [], out: Leaf[] = []): Leaf[] {
  const p = [...path, e.local];
  for (const a of e.attrs) out.push({ path: [...p, `@${a.local}`], value: a.value });
  const kids = childElements(e);
  if (kids.length === 0) {
    const text = e.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
    out.push({ path: p, value: text });
    if (text.trim() !== text) out.push({ path: p, value: text.trim() });
    payloadLeaves(text, p, out);
  } else for (const k of kids) xmlLeaves(k, p, out);
  return out;
}

/**
 * True when `path` ends with the dotted name suffix `falt` (a kodverk's `falt`: `"tillstand.kod"`);
 * an attribute matches by its name without `@`.
 *
 * @example
 * pathEndsWith(["Personer", "Person", "@Status"], "Person.Status") // true
 */
export function pathEndsWith(path: readonly string[], falt: string): boolean {
  const want = falt.split(".");
  if (want.length > path.length) return false;
  const off = path.length - want.length;
  return want.every((w, i) => {
    const seg = path[off + i]!;
    return seg === w || (seg.startsWith("@") && seg.slice(1) === w);
  });
}
