/** An XML element with its namespace resolved. `ns` is "" for unqualified names. */
export interface XmlElement {
  readonly kind: "element";
  readonly ns: string;
  readonly local: string;
  readonly attrs: readonly XmlAttr[];
  readonly children: readonly XmlNode[];
}

/** An attribute; unprefixed attributes have `ns` "". */
export interface XmlAttr {
  readonly ns: string;
  readonly local: string;
  readonly value: string;
}

export interface XmlText {
  readonly kind: "text";
  readonly text: string;
  /**
   * Written as a CDATA section (`<![CDATA[…]]>`) instead of escaped text. Same infoset; only the
   * lexical form differs. Set by the parser for a CDATA section, and by producers known to send one
   * (Skatteverket's `svar`, see simulators/skv/dialekt.ts).
   */
  readonly cdata?: boolean;
}

/**
 * A text node written as a CDATA section.
 *
 * @example
 * el("", "svar", [cdata("<a/>")]) // <svar><![CDATA[<a/>]]></svar>
 */
export function cdata(text: string): XmlText {
  return { kind: "text", text, cdata: true };
}

export type XmlNode = XmlElement | XmlText;

/** Child content accepted by {@link el}: nodes, strings (become text), or nothing. */
export type XmlContent = XmlNode | string | number | boolean | null | undefined | readonly XmlContent[];

// Most built elements have no attributes, and many no children: they share one empty list
// (building answers is hot; a tree is never changed in place). Not frozen: V8 iterates frozen
// arrays through an allocated iterator.
export const INGA_ATTR: readonly XmlAttr[] = [];
export const INGA_BARN: readonly XmlNode[] = [];

function toNode(c: XmlNode | string | number | boolean): XmlNode {
  return typeof c === "object" ? c : { kind: "text", text: String(c) };
}

function flattenInto(content: readonly XmlContent[], out: XmlNode[]): XmlNode[] {
  for (const c of content) {
    if (c === null || c === undefined) continue;
    if (Array.isArray(c)) flattenInto(c as readonly XmlContent[], out);
    else out.push(toNode(c as XmlNode | string | number | boolean));
  }
  return out;
}

/**
 * The children as one list. Most lists hold neither a nested list nor an absent value: they are
 * mapped to a list of exactly their length (a list grown by `push` from empty reserves 17 slots,
 * for what is most often one child).
 */
function flatten(content: readonly XmlContent[]): XmlNode[] {
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === null || c === undefined || Array.isArray(c)) return flattenInto(content, []);
  }
  return (content as readonly (XmlNode | string | number | boolean)[]).map(toNode);
}

/**
 * Builds an element. `null`/`undefined` children are dropped, so optional fields read naturally.
 *
 * @example
 * el(NS, "tidsperiod", [el(NS, "fromDatum", ["2026-01-01"]), el(NS, "tomDatum", ["2026-06-30"])])
 */
export function el(
  ns: string,
  local: string,
  children?: readonly XmlContent[],
  attrs?: Record<string, string>,
): XmlElement {
  let a: XmlAttr[] | undefined;
  if (attrs !== undefined)
    for (const k in attrs) {
      a ??= [];
      a.push({ ns: "", local: k, value: attrs[k] as string });
    }
  return {
    kind: "element",
    ns,
    local,
    attrs: a ?? INGA_ATTR,
    children: children === undefined || children.length === 0 ? INGA_BARN : flatten(children),
  };
}

/**
 * A leaf element, or `undefined` when the value is absent (so it can be dropped by {@link el}).
 *
 * @example
 * leaf(NS, "korrelationsid", fraga.korrelationsid) // undefined when not given
 */
export function leaf(
  ns: string,
  local: string,
  value: string | number | boolean | undefined,
): XmlElement | undefined {
  if (value === undefined) return undefined;
  return { kind: "element", ns, local, attrs: INGA_ATTR, children: [{ kind: "text", text: String(value) }] };
}

/** Child elements of `e` (text and whitespace skipped). */
export function childElements(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => c.kind === "element");
}

/** Concatenated text content of `e` (direct text children only). */
export function textOf(e: XmlElement): string {
  let s = "";
  for (const c of e.children) if (c.kind === "text") s += c.text;
  return s;
}

/** The first child element with this namespace and local name, if any. */
export function findChild(e: XmlElement, ns: string, local: string): XmlElement | undefined {
  return childElements(e).find((c) => c.ns === ns && c.local === local);
}

/** Attribute value by unqualified name. */
export function attr(e: XmlElement, local: string): string | undefined {
  return e.attrs.find((a) => a.ns === "" && a.local === local)?.value;
}
