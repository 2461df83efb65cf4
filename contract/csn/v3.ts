/**
 * CSN's kommunfråga answer in the schema 3.0 layout, which CSN's production answers are seen to
 * use (reference client traffic): the v3.0 namespaces, `schemaVersion="3.0"`, no
 * omställningsstudiestöd (it came with 4.0: no `omstallningsstudiestod` in the
 * Studiestodstypforteckning, no `Omstallningsstudiestod` block) and an empty
 * `GemensamtFragaEkbistand`. Otherwise the same structure as 4.0, so the layouts map onto each
 * other by namespace: {@link tillV3} writes a 4.0 answer in the 3.0 layout, {@link franV3} reads a
 * 3.0 answer as a 4.0 one (for the strict 4.0 decoder).
 */
import { el, type XmlElement, type XmlNode } from "../xml/node.js";
import { CSN_KOMMUNFRAGA_V3_NS, CSN_NS } from "./model.js";

/** The schema version of the 3.0 layout. */
export const CSN_V3_SCHEMA_VERSION = "3.0";

const V4_TILL_V3 = new Map<string, string>(
  Object.entries(CSN_NS)
    .filter(([k]) => k !== "sambruk")
    .map(([, ns]) => [ns, ns.replace("/v4.0/", "/v3.0/")]),
);
const V3_TILL_V4 = new Map<string, string>([...V4_TILL_V3].map(([a, b]) => [b, a]));

/** Prefixes CSN's 3.0 answers use. */
export const CSN_V3_PREFIXES: Readonly<Record<string, string>> = {
  [CSN_KOMMUNFRAGA_V3_NS]: "csn",
  [CSN_NS.person.replace("/v4.0/", "/v3.0/")]: "ns5",
  [CSN_NS.csntyper.replace("/v4.0/", "/v3.0/")]: "ns4",
};

function byt(e: XmlElement, map: ReadonlyMap<string, string>, f: (e: XmlElement) => XmlElement): XmlElement {
  const children: XmlNode[] = [];
  for (const c of e.children) children.push(c.kind === "element" ? byt(c, map, f) : c);
  return f({ ...e, ns: map.get(e.ns) ?? e.ns, children });
}

/**
 * A 4.0 `CSNSvar` written in the 3.0 layout.
 *
 * @example
 * serializeXml(tillV3(encodeCsnSvar(svar)), { prefixes: CSN_V3_PREFIXES, declaration: true })
 */
export function tillV3(svar: XmlElement): XmlElement {
  return byt(svar, V4_TILL_V3, (e) => {
    switch (e.local) {
      case "CSNSvar":
        return {
          ...e,
          attrs: e.attrs.map((a) =>
            a.ns === "" && a.local === "schemaVersion" ? { ...a, value: CSN_V3_SCHEMA_VERSION } : a,
          ),
        };
      case "GemensamtFragaEkbistand":
        return { ...e, attrs: [], children: [] };
      case "Person":
        return {
          ...e,
          children: e.children.filter((c) => c.kind !== "element" || c.local !== "Omstallningsstudiestod"),
        };
      case "Studiestodstypforteckning":
        return {
          ...e,
          children: e.children.filter((c) => c.kind !== "element" || c.local !== "omstallningsstudiestod"),
        };
      default:
        return e;
    }
  });
}

/**
 * A 3.0 `CSNSvar` as a 4.0 one, for the strict 4.0 decoder: the 4.0 namespaces, and no
 * omställningsstudiestöd (`omstallningsstudiestod` "0", an empty `Omstallningsstudiestod`).
 * `schemaVersion` stays "3.0", so the reader still knows which layout it got.
 *
 * @example
 * decodeCsnSvar(franV3(body)).schemaVersion // "3.0"
 */
export function franV3(svar: XmlElement): XmlElement {
  return byt(svar, V3_TILL_V4, (e) => {
    if (
      e.local === "Studiestodstypforteckning" &&
      !e.children.some((c) => c.kind === "element" && c.local === "omstallningsstudiestod")
    )
      return { ...e, children: [...e.children, el(CSN_NS.csntyper, "omstallningsstudiestod", ["0"])] };
    if (
      e.local === "Person" &&
      e.ns === CSN_NS.kommunfraga &&
      !e.children.some((c) => c.kind === "element" && c.local === "Omstallningsstudiestod")
    )
      return { ...e, children: [...e.children, el(CSN_NS.person, "Omstallningsstudiestod")] };
    return e;
  });
}

/** Whether `e` is a CSN answer in the 3.0 layout. */
export function arV3Svar(e: XmlElement): boolean {
  return e.ns === CSN_KOMMUNFRAGA_V3_NS && e.local === "CSNSvar";
}
