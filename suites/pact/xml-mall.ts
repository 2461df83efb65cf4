import { type Matcher, MatchersV3, type Rule } from "@pact-foundation/pact";
import { PREFIXES } from "../../contract/namespaces.js";
import { el, type XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";

/** Text content of a template: an exact value, or a Pact matcher with its example. */
export type MallVarde = string | Matcher<string>;

/**
 * One element of an XML body template: the element (namespace + local name) with attributes
 * and children that are exact or matched. `minst` makes it a repeated element matched by type
 * ("at least `minst` like this one", Pact's eachLike).
 */
export interface MallElement {
  readonly ns: string;
  readonly local: string;
  readonly attrs: Readonly<Record<string, MallVarde>>;
  readonly children: readonly (MallElement | MallVarde)[];
  readonly minst?: number;
}

/**
 * Builds a template element, like `el()` of contract/xml.
 *
 * @example
 * mall(NS.ssbt10, "felkod", [MatchersV3.regex("^SSBT-\\d{4}$", "SSBT-2001")])
 */
export function mall(
  ns: string,
  local: string,
  children: readonly (MallElement | MallVarde)[] = [],
  attrs: Readonly<Record<string, MallVarde>> = {},
  minst?: number,
): MallElement {
  return minst === undefined ? { ns, local, attrs, children } : { ns, local, attrs, children, minst };
}

/** An XML body for a Pact interaction: the example document and its matching rules. */
export interface XmlKropp {
  /** The example, serialized like the harness serializes (declaration, prefixes of contract/namespaces). */
  xml: string;
  /** Body matching rules keyed by namespace-qualified paths. */
  rules: Rule[];
}

function exempel(v: MallVarde): string {
  if (typeof v === "string") return v;
  const value = (v as { value?: unknown }).value;
  return typeof value === "string" ? value : String(value ?? "");
}

/**
 * The Pact path segment of an element. pact_ffi matches XML namespace-aware and names an element
 * `<namespace URI>:<local>` in its paths (unqualified elements: the local name). The rule paths
 * that pact-js's XmlBuilder writes use the prefixes instead (`soap:Envelope`) and so never apply
 * to namespaced XML (pact-js issue #632); this builder writes the paths the matcher looks up.
 */
function segment(ns: string, local: string): string {
  return `['${ns ? `${ns}:${local}` : local}']`;
}

/**
 * Turns a template into the example XML and the body matching rules.
 *
 * @example
 * const { xml, rules } = byggXml(mall(NS.soap, "Envelope", [mall(NS.soap, "Body", [fragaMall])]));
 * builder.xmlBody(xml).matchingRules({ body: rules });
 */
export function byggXml(rot: MallElement, prefixes: Readonly<Record<string, string>> = PREFIXES): XmlKropp {
  const rules: Rule[] = [];
  const bygg = (m: MallElement, path: string): XmlElement => {
    const here = path + segment(m.ns, m.local);
    // On an element, a type rule with `min` lets the element repeat (at least `min` times).
    if (m.minst !== undefined)
      rules.push({ path: here, rules: [{ "pact:matcher:type": "type", min: m.minst } as Matcher<unknown>] });
    const attrs: Record<string, string> = {};
    for (const [namn, v] of Object.entries(m.attrs)) {
      attrs[namn] = exempel(v);
      if (typeof v !== "string") rules.push({ path: `${here}['@${namn}']`, rules: [v] });
    }
    const barn = m.children.map((c) => {
      if (typeof c === "object" && "local" in c) return bygg(c, here);
      if (typeof c !== "string") rules.push({ path: `${here}['#text']`, rules: [c] });
      return exempel(c);
    });
    return el(m.ns, m.local, barn, attrs);
  };
  const xml = serializeXml(bygg(rot, "$"), { prefixes, declaration: true });
  return { xml, rules };
}

/** Regex of an xsd:date (with optional time zone). */
export const DATUM = "^\\d{4}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})?$";
/** Regex of an xsd:dateTime. */
export const DATUM_TID = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$";
/** Regex of a personidentitet: 12 digits. */
export const PERSONIDENTITET = "^\\d{12}$";
/** Regex of an organisationsnummer in the ssbt contract. */
export const ORGANISATIONSNUMMER = "^\\d{4}[2-9]\\d{7}$";
/** Regex of an xsd:boolean. */
export const BOOLEAN = "^(true|false|1|0)$";
/** Regex of an integer. */
export const HELTAL = "^-?\\d+$";
/** Regex of a decimal number. */
export const DECIMALTAL = "^-?\\d+(\\.\\d+)?$";
/** Regex of base64 (line breaks allowed). */
export const BASE64 = "^[A-Za-z0-9+/\\r\\n]*={0,2}\\s*$";

/**
 * A matcher by the value's shape: dates, date-times, 12-digit identities, booleans, numbers and
 * base64 get a regex; anything else matches any string (type).
 *
 * @example
 * formMatcher("2026-09-21") // regex DATUM with example "2026-09-21"
 * formMatcher("IF Metalls a-kassa") // type (any string)
 */
export function formMatcher(text: string): Matcher<string> {
  const re = (pattern: string) => MatchersV3.regex(pattern, text);
  if (/^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(text)) return re(DATUM);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && new RegExp(DATUM_TID).test(text)) return re(DATUM_TID);
  if (/^\d{12}$/.test(text)) return re(PERSONIDENTITET);
  if (/^(true|false)$/.test(text)) return re(BOOLEAN);
  if (/^-?\d+$/.test(text)) return re(HELTAL);
  if (/^-?\d+\.\d+$/.test(text)) return re(DECIMALTAL);
  if (text.length >= 64 && /^[A-Za-z0-9+/\r\n]+={0,2}$/.test(text)) return re(BASE64);
  return MatchersV3.string(text);
}

/** How {@link mallFranXml} loosens a real document into a template. */
export interface Lossning {
  /**
   * Paths (local names from the root joined by "/", e.g. `Envelope/Body/x/svarsdata/AF/error/felkod`)
   * whose text must be equal. A path ending in "/@name" keeps that attribute equal. Matched as a suffix.
   */
  exakt?: readonly string[];
  /** Paths (same form, suffix match) whose text must match this regex instead of the shape default. */
  regex?: Readonly<Record<string, string>>;
  /** Paths below which the template stops: the element stays, its content is not checked. */
  kapa?: readonly string[];
  /**
   * "lika" (default, for answers): a run of equal siblings becomes one "at least one like this"
   * element. "alla": every element stays (for requests: the example a verifier sends must be the
   * real question).
   */
  upprepade?: "lika" | "alla";
}

const slutarMed = (vag: string, lista: readonly string[] | undefined) =>
  (lista ?? []).some((s) => vag === s || vag.endsWith(`/${s}`));

/**
 * Turns a real XML document (e.g. the reference simulator's answer) into a template: the same
 * elements and attributes, leaf texts matched by shape (or exact / by regex where `lossning`
 * says), a run of equal siblings folded into one "at least one like this" element, and subtrees
 * cut where asked. A provider may add elements the template does not name (Pact lets a response
 * carry more than expected).
 *
 * @example
 * const svar = parseXml(await response.text());
 * byggXml(mallFranXml(svar, { exakt: ["error/kalla", "error/felkod"] }))
 */
export function mallFranXml(rot: XmlElement, lossning: Lossning = {}): MallElement {
  const varde = (vag: string, text: string): MallVarde => {
    // An equal matcher (not plain text): inside a repeated element the type rule would otherwise cascade to it.
    if (slutarMed(vag, lossning.exakt)) return MatchersV3.equal(text);
    for (const [s, pattern] of Object.entries(lossning.regex ?? {}))
      if (vag === s || vag.endsWith(`/${s}`)) return MatchersV3.regex(pattern, text);
    return formMatcher(text);
  };
  const gor = (e: XmlElement, vag: string, minst?: number): MallElement => {
    const attrs: Record<string, MallVarde> = {};
    for (const a of e.attrs) if (a.ns === "") attrs[a.local] = varde(`${vag}/@${a.local}`, a.value);
    if (slutarMed(vag, lossning.kapa)) return mall(e.ns, e.local, [], attrs, minst);
    const barnElement = e.children.filter((c): c is XmlElement => c.kind === "element");
    if (barnElement.length === 0) {
      const text = e.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
      return mall(e.ns, e.local, text === "" ? [] : [varde(vag, text)], attrs, minst);
    }
    const barn: MallElement[] = [];
    for (let i = 0; i < barnElement.length; i++) {
      const c = barnElement[i]!;
      const lika = (x: XmlElement | undefined) => x !== undefined && x.ns === c.ns && x.local === c.local;
      if (lossning.upprepade === "alla") {
        barn.push(gor(c, `${vag}/${c.local}`));
        continue;
      }
      if (lika(barnElement[i - 1])) continue;
      barn.push(gor(c, `${vag}/${c.local}`, lika(barnElement[i + 1]) ? 1 : undefined));
    }
    return mall(e.ns, e.local, barn, attrs, minst);
  };
  return gor(rot, rot.local);
}
