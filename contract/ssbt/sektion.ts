/**
 * One section of the composite contract, described once: a bastjänst's part of the question
 * (`specifikaFrageparametrar/<KOD>`), of the answer (`svarsdata/<KOD>`) and of the connection test
 * (`testaBastjanstInformationResponse/<KOD>`). The codec and the WSDL iterate a list of these
 * (contract/ssbt/sektioner.ts holds the seven of ssbt/10 and ssbt/11), so a contract with an
 * eighth section is a longer list, not an edit of the codec. Also the shared building blocks a
 * section is written with: `inkludera`, `tidsperiod`, the XSD helpers.
 */
import { ContractViolation } from "../errors.js";
import { NS } from "../namespaces.js";
import { el, type XmlElement } from "../xml/node.js";
import { requiredAttr, SequenceReader } from "../xml/reader.js";
import { readBoolean } from "../xml/xsd-types.js";
import type { KontraktVersion, MedTidsperiod, Tidsperiod } from "./model.js";

/** What every section's question part has: whether the bastjänst is asked at all. */
export interface Specifika {
  inkludera: boolean;
}

/** Where a section is read or written: the contract version, its namespace, and the path for messages. */
export interface SektionKontext {
  version: KontraktVersion;
  /** ssbt namespace of the version. */
  ns: string;
  /** Path of the section element, e.g. "/hamtaBastjanstInformation/specifikaFrageparametrar/AF". */
  path: string;
}

/** How the generated schema types the authorities' payloads (see contract/ssbt/wsdl.ts `SchemaOptions`). */
export interface SektionSchemaKontext {
  version: KontraktVersion;
  /** A type of the ssbt namespace by name: `t("Tidsperiod")` → "ssbt:Tidsperiod". */
  t: (name: string) => string;
  /** Type AF's `data` by AF's own schema instead of a lax wildcard. */
  afTypad: boolean;
}

/** The XSD types one section declares, by where they stand in the generated schema. */
export interface SektionSchema {
  /** Types of its question part (and, for a section answered in parts, of its answer). */
  fraga: XmlElement[];
  /** Types its `data` content refers to, e.g. `CsnSvarsData` (after `AnyData`). */
  data?: XmlElement[];
  /** Its answer type (`<Typnamn>Svar`: data or error). */
  svar?: XmlElement[];
}

/**
 * One section of the composite contract.
 *
 * @example
 * const kfm: SsbtSektion<"KFM", MedTidsperiod> = {
 *   kod: "KFM", typnamn: "Kronofogden",
 *   lasFraga: lasMedTidsperiod, skrivFraga: skrivMedTidsperiod,
 *   schema: ({ t }) => ({ fraga: [medTidsperiodTyp("Kronofogden")], svar: [svarTyp("KronofogdenSvar", t("AnyData"))] }),
 * };
 */
export interface SsbtSektion<K extends string = string, P extends Specifika = Specifika> {
  /** Element name of the section everywhere in the contract, e.g. "AF". */
  readonly kod: K;
  /**
   * Name of its types in the schema: the question part is `<typnamn>`, the answer `<typnamn>Svar`,
   * e.g. "Arbetsformedlingen".
   */
  readonly typnamn: string;
  /**
   * Reads the section's question element strictly (its `inkludera` attribute and its children).
   * Throws a {@link ContractViolation} naming the path.
   */
  lasFraga(e: XmlElement, k: SektionKontext): P;
  /** The children of the section's question element (the codec writes the element and `inkludera`). */
  skrivFraga(p: P, k: SektionKontext): XmlElement[];
  /** The XSD types the section declares. */
  schema(k: SektionSchemaKontext): SektionSchema;
  /**
   * True when the section's answer is not `data`|`error` but parts kept as they are (ssbt/11 SKV:
   * one part per block). Default false.
   */
  svarIDelar?(version: KontraktVersion): boolean;
  /**
   * Where its question types stand among the sections' in the generated schema (lowest first; a
   * section without one comes last, in contract order). Keeps the schema text — and so the
   * contract digest of existing evidence bundles — of the seven as it was first written.
   */
  readonly typordning?: number;
}

// ---------------------------------------------------------------- reading

/**
 * Reads a `tidsperiod` (real dates, fromDatum ≤ tomDatum).
 *
 * @example
 * readTidsperiod(e, NS.ssbt10, "/x/tidsperiod") // { fromDatum: "2026-01-01", tomDatum: "2026-06-30" }
 */
export function readTidsperiod(e: XmlElement, ns: string, path: string): Tidsperiod {
  const r = new SequenceReader(e, path);
  const fromDatum = r.date(ns, "fromDatum");
  const tomDatum = r.date(ns, "tomDatum");
  r.end();
  if (fromDatum.slice(0, 10) > tomDatum.slice(0, 10))
    throw new ContractViolation(
      "ssbt.tidsperiod.order",
      path,
      `fromDatum ${fromDatum} is after tomDatum ${tomDatum}`,
    );
  return { fromDatum, tomDatum };
}

/** The section's required `inkludera` attribute. */
export function readInkludera(e: XmlElement, path: string): boolean {
  return readBoolean(requiredAttr(e, "inkludera", path), `${path}/@inkludera`);
}

/**
 * A section with only `inkludera` and an optional own `tidsperiod` (AF, CSN, SO, TNS).
 *
 * @example
 * lasMedTidsperiod(e, { version: "v10", ns, path }) // { inkludera: true }
 */
export function lasMedTidsperiod(e: XmlElement, k: SektionKontext): MedTidsperiod {
  const inkludera = readInkludera(e, k.path);
  const r = new SequenceReader(e, k.path);
  const t = r.optional(k.ns, "tidsperiod");
  r.end();
  return t ? { inkludera, tidsperiod: readTidsperiod(t, k.ns, `${k.path}/tidsperiod`) } : { inkludera };
}

/** A section with only `inkludera` and no children (MIV; SKV in ssbt/10). */
export function lasTom(e: XmlElement, k: SektionKontext): Specifika {
  const inkludera = readInkludera(e, k.path);
  new SequenceReader(e, k.path).end();
  return { inkludera };
}

// ---------------------------------------------------------------- writing

/** A `tidsperiod`-shaped element. */
export function tidsperiodEl(ns: string, local: string, t: Tidsperiod): XmlElement {
  return el(ns, local, [el(ns, "fromDatum", [t.fromDatum]), el(ns, "tomDatum", [t.tomDatum])]);
}

/** The children of a {@link lasMedTidsperiod} section: its own period, when asked with one. */
export function skrivMedTidsperiod(m: MedTidsperiod, k: SektionKontext): XmlElement[] {
  return m.inkludera && m.tidsperiod ? [tidsperiodEl(k.ns, "tidsperiod", m.tidsperiod)] : [];
}

/** The (no) children of a {@link lasTom} section. */
export function skrivTom(): XmlElement[] {
  return [];
}

// ---------------------------------------------------------------- schema

const X = NS.xsd;

/** One element of an XSD sequence. */
export interface SchemaFalt {
  name: string;
  type: string;
  min?: 0;
  max?: "unbounded";
}

/** `<xsd:complexType name><xsd:sequence>…</xsd:sequence>…attrs</xsd:complexType>`. */
export function complexTyp(
  name: string,
  fields: readonly SchemaFalt[],
  attrs: XmlElement[] = [],
): XmlElement {
  const seq = el(
    X,
    "sequence",
    fields.map((f) =>
      el(X, "element", [], {
        name: f.name,
        type: f.type,
        ...(f.min === 0 ? { minOccurs: "0" } : {}),
        ...(f.max ? { maxOccurs: f.max } : {}),
      }),
    ),
  );
  return el(X, "complexType", [seq, ...attrs], { name });
}

/** The required `inkludera` attribute of a section's question type. */
export function inkluderaAttribut(): XmlElement {
  return el(X, "attribute", [], { name: "inkludera", type: "xsd:boolean", use: "required" });
}

/** Question type of a {@link lasMedTidsperiod} section. */
export function medTidsperiodTyp(name: string): XmlElement {
  return complexTyp(name, [{ name: "tidsperiod", type: "ssbt:Tidsperiod", min: 0 }], [inkluderaAttribut()]);
}

/** Question type of a {@link lasTom} section. */
export function tomTyp(name: string): XmlElement {
  return el(X, "complexType", [el(X, "sequence"), inkluderaAttribut()], { name });
}

/** An answer type: `data` of `dataType`, or `error`. */
export function svarTyp(name: string, dataType: string): XmlElement {
  return el(
    X,
    "complexType",
    [
      el(X, "choice", [
        el(X, "element", [], { name: "data", type: dataType }),
        el(X, "element", [], { name: "error", type: "ssbt:Error" }),
      ]),
    ],
    { name },
  );
}
