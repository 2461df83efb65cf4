import type { XmlElement } from "../xml/node.js";
import type { JsonValue } from "./model.js";

/**
 * One place in a message: an XML element, an XML attribute's value, or a JSON value, with its
 * concrete path (`/a/b[2]/c`, 1-based indices on repeated fields).
 */
export type Nod =
  | { kind: "element"; el: XmlElement; path: string }
  | { kind: "attribut"; value: string; path: string }
  | { kind: "json"; value: JsonValue; path: string }
  /**
   * A document whose one child is its root element (a message, or a decoded XML payload).
   * `rootPath` overrides the root's concrete path (a section's `data` evaluated as a message).
   */
  | { kind: "dokument"; root: XmlElement; path: string; rootPath?: string };

/** One step of a table path: `name`, `name[]` (repeated) or `@name` (attribute). */
export interface Segment {
  name: string;
  repeated: boolean;
  attribute: boolean;
}

/**
 * Splits a table path into segments.
 *
 * @example
 * segments("/a/b[]/@c") // [{ name: "a" }, { name: "b", repeated: true }, { name: "c", attribute: true }]
 */
export function segments(path: string): readonly Segment[] {
  let s = segmentCache.get(path);
  if (!s) {
    s = parse(path);
    segmentCache.set(path, s);
  }
  return s;
}

// Table paths are few and evaluated often: parse each once.
const segmentCache = new Map<string, readonly Segment[]>();
const parentCache = new Map<string, string>();

function parse(path: string): Segment[] {
  if (path === "" || path === "/") return [];
  return path
    .replace(/^\//, "")
    .split("/")
    .map((s) => {
      const attribute = s.startsWith("@");
      const repeated = s.endsWith("[]");
      const name = s.slice(attribute ? 1 : 0, repeated ? -2 : undefined);
      return { name, repeated, attribute };
    });
}

/**
 * The table path of segments (inverse of {@link segments}).
 *
 * @example
 * joinSegments(segments("/a/b[]")) // "/a/b[]"
 */
export function joinSegments(segs: readonly Segment[]): string {
  return segs.map((s) => `/${s.attribute ? "@" : ""}${s.name}${s.repeated ? "[]" : ""}`).join("");
}

/**
 * The parent table path (`/a/b[]/c` → `/a/b[]`).
 *
 * @example
 * parentPath("/a/b[]/@c") // "/a/b[]"
 */
export function parentPath(path: string): string {
  let p = parentCache.get(path);
  if (p === undefined) {
    p = joinSegments(segments(path).slice(0, -1));
    parentCache.set(path, p);
  }
  return p;
}

/**
 * The longest common prefix of table paths, segment by segment.
 *
 * @example
 * commonPrefix(["/a/p[]/f", "/a/p[]/t"]) // "/a/p[]"
 */
export function commonPrefix(paths: readonly string[]): string {
  const all = paths.map(segments);
  const first = all[0] ?? [];
  let n = 0;
  for (; n < first.length; n++) {
    const s = first[n]!;
    if (
      !all.every(
        (p) => p[n] && p[n].name === s.name && p[n].repeated === s.repeated && p[n].attribute === s.attribute,
      )
    )
      break;
  }
  return joinSegments(first.slice(0, n));
}

function isJsonObject(v: JsonValue): v is { [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function childElements(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => c.kind === "element");
}

/**
 * The nodes one step below `nod` (namespaces ignored). A repeated segment gets 1-based indices
 * in the concrete path; a JSON array under a repeated segment is expanded into its items.
 *
 * @example
 * step({ kind: "element", el: a, path: "/a" }, { name: "b", repeated: true, attribute: false }) // [{ path: "/a/b[1]" }, …]
 */
export function step(nod: Nod, seg: Segment): Nod[] {
  if (nod.kind === "dokument") {
    if (seg.attribute || nod.root.local !== seg.name) return [];
    return [{ kind: "element", el: nod.root, path: nod.rootPath ?? `${nod.path}/${seg.name}` }];
  }
  if (nod.kind === "element") {
    if (seg.attribute) {
      const a = nod.el.attrs.find((x) => x.local === seg.name && x.ns === "");
      return a ? [{ kind: "attribut", value: a.value, path: `${nod.path}/@${seg.name}` }] : [];
    }
    const matches = childElements(nod.el).filter((c) => c.local === seg.name);
    return matches.map((el, i) => ({
      kind: "element",
      el,
      path: seg.repeated ? `${nod.path}/${seg.name}[${i + 1}]` : `${nod.path}/${seg.name}`,
    }));
  }
  if (nod.kind === "json" && isJsonObject(nod.value)) {
    if (!Object.hasOwn(nod.value, seg.name)) return [];
    const v = nod.value[seg.name]!;
    if (v === null) return [];
    if (seg.repeated && Array.isArray(v))
      return v.map((item, i) => ({ kind: "json", value: item, path: `${nod.path}/${seg.name}[${i + 1}]` }));
    return [{ kind: "json", value: v, path: `${nod.path}/${seg.name}` }];
  }
  return [];
}

/**
 * How many times `seg` occurs below `nod` (XML: elements or attribute; JSON: 1 for a present
 * key, the length for an array under a repeated segment).
 *
 * @example
 * count({ kind: "json", value: { l: [1, 2] }, path: "" }, { name: "l", repeated: true, attribute: false }) // 2
 */
export function count(nod: Nod, seg: Segment): number {
  if (nod.kind === "json" && isJsonObject(nod.value)) {
    const v = nod.value[seg.name];
    if (v === undefined || v === null) return 0;
    return seg.repeated && Array.isArray(v) ? v.length : 1;
  }
  return step(nod, seg).length;
}

/**
 * The names of what sits directly below a node: child element names, attribute names, JSON keys.
 *
 * @example
 * childNames({ kind: "json", value: { a: 1, b: 2 }, path: "" }) // { elements: ["a", "b"], attributes: [] }
 */
export function childNames(nod: Nod): { elements: string[]; attributes: string[] } {
  if (nod.kind === "element")
    return {
      elements: childElements(nod.el).map((c) => c.local),
      attributes: nod.el.attrs.filter((a) => a.ns === "").map((a) => a.local),
    };
  if (nod.kind === "json" && isJsonObject(nod.value))
    return { elements: Object.keys(nod.value), attributes: [] };
  if (nod.kind === "dokument") return { elements: [nod.root.local], attributes: [] };
  return { elements: [], attributes: [] };
}
