import { ContractViolation, HarnessError } from "../errors.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlAttr, type XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { readBoolean, readDateTime, readInt } from "../xml/xsd-types.js";
import type {
  GenerellaFrageparametrar,
  Ingivare,
  KontraktVersion,
  Personuppgiftsbitrade,
  Sektion,
  SpecifikaFrageparametrar,
  SsbtError,
  SsbtFault,
  SsbtFraga,
  SsbtSvar,
  SsbtTestSvar,
  TestSvar,
} from "./model.js";
import { readTidsperiod, type Specifika, type SsbtSektion, tidsperiodEl } from "./sektion.js";
import { SSBT_SEKTIONER } from "./sektioner.js";

export { SKV11_BLOCK } from "./sektioner.js";

/**
 * The sections a codec call reads and writes, in contract order. Default: the seven of ssbt/10
 * and ssbt/11 (contract/ssbt/sektioner.ts); a contract with another section passes its own list.
 */
export type Sektioner = readonly SsbtSektion[];

/** The ssbt namespace of a contract version. */
export function ssbtNamespace(version: KontraktVersion): string {
  return version === "utkast" ? NS.ssbtUtkast : version === "v11" ? NS.ssbt11 : NS.ssbt10;
}

/** The contract version of an ssbt namespace, or undefined for a foreign namespace. */
export function versionOfNamespace(ns: string): KontraktVersion | undefined {
  if (ns === NS.ssbt10) return "v10";
  if (ns === NS.ssbt11) return "v11";
  if (ns === NS.ssbtUtkast) return "utkast";
  return undefined;
}

const ORGNR = /^\d{4}[2-9]\d{7}$/;
const PERSONIDENTITET = /^[0-9]{12}$/;

// ---------------------------------------------------------------- decode (request)

function readNonEmpty(r: SequenceReader, ns: string, local: string): string {
  const v = r.text(ns, local);
  if (v.length === 0)
    throw new ContractViolation("ssbt.nonEmpty", `${r.path}/${local}`, `${local} must not be empty`);
  return v;
}

function readOrgnr(r: SequenceReader, ns: string): string {
  const v = r.text(ns, "organisationsnummer").trim();
  if (!ORGNR.test(v))
    throw new ContractViolation(
      "ssbt.organisationsnummer.pattern",
      `${r.path}/organisationsnummer`,
      `organisationsnummer "${v.slice(0, 20)}" must be 12 digits matching \\d{4}[2-9]\\d{7}`,
    );
  return v;
}

function readIngivare(e: XmlElement, ns: string, path: string): Ingivare {
  const r = new SequenceReader(e, path);
  const organisationsnummer = readOrgnr(r, ns);
  const namn = readNonEmpty(r, ns, "namn");
  const handlaggare = readNonEmpty(r, ns, "handlaggare");
  r.end();
  return { organisationsnummer, namn, handlaggare };
}

function readBitrade(e: XmlElement, ns: string, path: string): Personuppgiftsbitrade {
  const r = new SequenceReader(e, path);
  const ord = r.optionalText(ns, "ordningsnummer");
  const organisationsnummer = readOrgnr(r, ns);
  const namn = readNonEmpty(r, ns, "namn");
  r.end();
  return ord === undefined
    ? { organisationsnummer, namn }
    : { ordningsnummer: readInt(ord, `${path}/ordningsnummer`, -32768, 32767), organisationsnummer, namn };
}

function readGenerella(e: XmlElement, ns: string, path: string): GenerellaFrageparametrar {
  const r = new SequenceReader(e, path);
  const ft = r.optionalText(ns, "frageTidpunkt");
  const korrelationsid = r.optionalText(ns, "korrelationsid");
  const fraganSkallInkluderasISvaret = readBoolean(
    r.text(ns, "fraganSkallInkluderasISvaret"),
    `${path}/fraganSkallInkluderasISvaret`,
  );
  const ingivare = readIngivare(r.one(ns, "ingivare"), ns, `${path}/ingivare`);
  const personidentitet = r.text(ns, "personidentitet").trim();
  if (!PERSONIDENTITET.test(personidentitet))
    throw new ContractViolation(
      "ssbt.personidentitet.pattern",
      `${path}/personidentitet`,
      "personidentitet must be exactly 12 digits (YYYYMMDDNNNC)",
    );
  const arendeidentitet = readNonEmpty(r, ns, "arendeidentitet");
  const tidsperiod = readTidsperiod(r.one(ns, "tidsperiod"), ns, `${path}/tidsperiod`);
  const personuppgiftsbitrade = r
    .many(ns, "personuppgiftsbitrade")
    .map((b, i) => readBitrade(b, ns, `${path}/personuppgiftsbitrade[${i + 1}]`));
  const syfte = r.text(ns, "syfte");
  const lagtext = r.text(ns, "lagtext");
  r.end();
  const g: GenerellaFrageparametrar = {
    fraganSkallInkluderasISvaret,
    ingivare,
    personidentitet,
    arendeidentitet,
    tidsperiod,
    personuppgiftsbitrade,
    syfte,
    lagtext,
  };
  if (ft !== undefined) g.frageTidpunkt = readDateTime(ft, `${path}/frageTidpunkt`);
  if (korrelationsid !== undefined) g.korrelationsid = korrelationsid;
  return g;
}

function readSpecifika(
  e: XmlElement,
  ns: string,
  path: string,
  version: KontraktVersion,
  sektioner: Sektioner,
): SpecifikaFrageparametrar {
  const r = new SequenceReader(e, path);
  const s: Record<string, Specifika> = {};
  for (const sektion of sektioner) {
    const sp = `${path}/${sektion.kod}`;
    s[sektion.kod] = sektion.lasFraga(r.one(ns, sektion.kod), { version, ns, path: sp });
  }
  r.end();
  return s as SpecifikaFrageparametrar;
}

/** Schema hints a validator ignores; every other xsi attribute (xsi:type, xsi:nil) changes meaning. */
const XSI_HINTS = new Set(["schemaLocation", "noNamespaceSchemaLocation"]);

function attributeAllowed(a: XmlAttr, section: boolean): boolean {
  return (a.ns === NS.xsi && XSI_HINTS.has(a.local)) || (section && a.ns === "" && a.local === "inkludera");
}

/** True when no attribute below `e` (its own included) is refused: a walk that builds no paths. */
function attributesAllowed(e: XmlElement, section: boolean): boolean {
  for (const a of e.attrs) if (!attributeAllowed(a, section)) return false;
  const sections = e.local === "specifikaFrageparametrar";
  for (const c of e.children) if (c.kind === "element" && !attributesAllowed(c, sections)) return false;
  return true;
}

/**
 * The ssbt schema declares no attribute but `inkludera` on the seven sections (no anyAttribute,
 * nothing nillable), so anything else is refused: an unknown attribute, and `xsi:type`/`xsi:nil`
 * tricks that would make a validating producer read the value differently from us. The path of
 * an element is written only on the way to a refused attribute.
 */
function checkAttributes(e: XmlElement, path: string, section: boolean): void {
  for (const a of e.attrs) {
    if (attributeAllowed(a, section)) continue;
    throw new ContractViolation(
      "xsd.attribute",
      `${path}/@${a.local.slice(0, 60)}`,
      `attribute ${a.ns === NS.xsi ? "xsi:" : ""}${a.local.slice(0, 60)} is not allowed here`,
    );
  }
  const sections = e.local === "specifikaFrageparametrar";
  for (const c of e.children)
    if (c.kind === "element" && !attributesAllowed(c, sections))
      checkAttributes(c, `${path}/${c.local}`, sections);
}

/**
 * Decodes a `hamtaBastjanstInformation` element strictly per the ssbt XSD (order, cardinality,
 * patterns, real dates, fromDatum ≤ tomDatum). Throws a {@link ContractViolation} naming the path.
 *
 * @example
 * const fraga = decodeFraga(parseSoapEnvelope(xml).body);
 */
export function decodeFraga(
  e: XmlElement,
  version: KontraktVersion = "v10",
  sektioner: Sektioner = SSBT_SEKTIONER,
): SsbtFraga {
  const ns = ssbtNamespace(version);
  const path = `/${e.local}`;
  if (e.ns !== ns || (e.local !== "hamtaBastjanstInformation" && e.local !== "fraga"))
    throw new ContractViolation("ssbt.operation", path, `expected {${ns}}hamtaBastjanstInformation`);
  checkAttributes(e, path, false);
  const r = new SequenceReader(e, path);
  const generellaFrageparametrar = readGenerella(
    r.one(ns, "generellaFrageparametrar"),
    ns,
    `${path}/generellaFrageparametrar`,
  );
  const specifikaFrageparametrar = readSpecifika(
    r.one(ns, "specifikaFrageparametrar"),
    ns,
    `${path}/specifikaFrageparametrar`,
    version,
    sektioner,
  );
  r.end();
  return { generellaFrageparametrar, specifikaFrageparametrar };
}

// ---------------------------------------------------------------- encode

function fragaContent(
  ns: string,
  f: SsbtFraga,
  version: KontraktVersion,
  sektioner: Sektioner,
): XmlElement[] {
  const g = f.generellaFrageparametrar;
  const s = f.specifikaFrageparametrar as unknown as Readonly<Record<string, Specifika>>;
  return [
    el(ns, "generellaFrageparametrar", [
      leaf(ns, "frageTidpunkt", g.frageTidpunkt),
      leaf(ns, "korrelationsid", g.korrelationsid),
      el(ns, "fraganSkallInkluderasISvaret", [String(g.fraganSkallInkluderasISvaret)]),
      el(ns, "ingivare", [
        el(ns, "organisationsnummer", [g.ingivare.organisationsnummer]),
        el(ns, "namn", [g.ingivare.namn]),
        el(ns, "handlaggare", [g.ingivare.handlaggare]),
      ]),
      el(ns, "personidentitet", [g.personidentitet]),
      el(ns, "arendeidentitet", [g.arendeidentitet]),
      tidsperiodEl(ns, "tidsperiod", g.tidsperiod),
      g.personuppgiftsbitrade.map((b) =>
        el(ns, "personuppgiftsbitrade", [
          leaf(ns, "ordningsnummer", b.ordningsnummer),
          el(ns, "organisationsnummer", [b.organisationsnummer]),
          el(ns, "namn", [b.namn]),
        ]),
      ),
      el(ns, "syfte", [g.syfte]),
      el(ns, "lagtext", [g.lagtext]),
    ]),
    el(
      ns,
      "specifikaFrageparametrar",
      sektioner.map((sektion) => {
        const p = s[sektion.kod];
        if (!p)
          throw new HarnessError(
            "BAD_QUESTION",
            `The question has no specifikaFrageparametrar for ${sektion.kod}: give every section of the contract, with inkludera false for one not asked.`,
          );
        const path = `/specifikaFrageparametrar/${sektion.kod}`;
        return el(ns, sektion.kod, sektion.skrivFraga(p, { version, ns, path }), {
          inkludera: String(p.inkludera),
        });
      }),
    ),
  ];
}

/**
 * Encodes a composite question as the `hamtaBastjanstInformation` element.
 *
 * @example
 * soapEnvelope(encodeFraga(fraga))
 */
export function encodeFraga(
  f: SsbtFraga,
  version: KontraktVersion = "v10",
  sektioner: Sektioner = SSBT_SEKTIONER,
): XmlElement {
  const ns = ssbtNamespace(version);
  return el(ns, "hamtaBastjanstInformation", fragaContent(ns, f, version, sektioner));
}

/**
 * Encodes a section's `error` element (`kalla`, `felkod`, `felmeddelande`+; an empty list is
 * written as one empty `felmeddelande`, which the schema requires).
 *
 * @example
 * encodeSsbtError(NS.ssbt10, { kalla: "BT", felkod: "MALFORMED", felmeddelande: ["…"] })
 */
export function encodeSsbtError(ns: string, e: SsbtError): XmlElement {
  return el(ns, "error", [
    el(ns, "kalla", [e.kalla]),
    el(ns, "felkod", [e.felkod]),
    (e.felmeddelande.length ? e.felmeddelande : [""]).map((m) => el(ns, "felmeddelande", [m])),
  ]);
}

function sektionEl(ns: string, kod: string, s: Sektion): XmlElement {
  if ("error" in s) return el(ns, kod, [encodeSsbtError(ns, s.error)]);
  if ("delar" in s) return el(ns, kod, s.delar);
  return el(ns, kod, [el(ns, "data", s.data)]);
}

/**
 * Encodes the composite answer as `hamtaBastjanstInformationResponse`, sections in contract order.
 */
export function encodeSvar(
  svar: SsbtSvar,
  version: KontraktVersion = "v10",
  sektioner: Sektioner = SSBT_SEKTIONER,
): XmlElement {
  const ns = ssbtNamespace(version);
  const svarsdata = svar.svarsdata as Readonly<Record<string, Sektion | undefined>>;
  const delar: XmlElement[] = [];
  for (const { kod } of sektioner) {
    const s = svarsdata[kod];
    if (s) delar.push(sektionEl(ns, kod, s));
  }
  return el(ns, "hamtaBastjanstInformationResponse", [
    svar.fraga ? el(ns, "fraga", fragaContent(ns, svar.fraga, version, sektioner)) : undefined,
    leaf(ns, "frageTidpunkt", svar.frageTidpunkt),
    leaf(ns, "korrelationsid", svar.korrelationsid),
    el(ns, "svarsdata", delar),
  ]);
}

/** Encodes the answer of `testaBastjanstInformation`. */
export function encodeTestSvar(
  svar: SsbtTestSvar,
  version: KontraktVersion = "v10",
  sektioner: Sektioner = SSBT_SEKTIONER,
): XmlElement {
  const ns = ssbtNamespace(version);
  const rader = svar as Readonly<Record<string, TestSvar | undefined>>;
  const delar: XmlElement[] = [];
  for (const { kod } of sektioner) {
    const t = rader[kod];
    if (t)
      delar.push(
        el(ns, kod, [
          el(ns, "anropad", [String(t.anropad)]),
          t.error ? encodeSsbtError(ns, t.error) : undefined,
        ]),
      );
  }
  return el(ns, "testaBastjanstInformationResponse", delar);
}

/** Encodes a fault element (`hamtaBastjanstInformationFault` or `testaBastjanstInformationFault`). */
export function encodeFault(
  operation: "hamtaBastjanstInformation" | "testaBastjanstInformation",
  fault: SsbtFault,
  version: KontraktVersion = "v10",
): XmlElement {
  const ns = ssbtNamespace(version);
  return el(ns, `${operation}Fault`, [
    el(ns, "felkod", [fault.felkod]),
    fault.felmeddelande.map((m) => el(ns, "felmeddelande", [m])),
  ]);
}

// ---------------------------------------------------------------- decode (answer)

/**
 * Reads an `error` element of a section (`kalla` SSBT|BT, `felkod`, `felmeddelande`+) strictly;
 * `path` names it in a {@link ContractViolation}.
 *
 * @example
 * decodeSsbtError(sektion.one(ns, "error"), ns, "/svarsdata/AF/error").felkod // "MALFORMED"
 */
export function decodeSsbtError(e: XmlElement, ns: string, path: string): SsbtError {
  const r = new SequenceReader(e, path);
  const kalla = r.text(ns, "kalla");
  if (kalla !== "SSBT" && kalla !== "BT")
    throw new ContractViolation("ssbt.kalla", `${path}/kalla`, `kalla must be SSBT or BT, not "${kalla}"`);
  const felkod = r.text(ns, "felkod");
  const felmeddelande = r
    .many(ns, "felmeddelande", 1)
    .map((m, i) => leafText(m, `${path}/felmeddelande[${i + 1}]`));
  r.end();
  return { kalla, felkod, felmeddelande };
}

/**
 * Decodes a `hamtaBastjanstInformationResponse` (for clients and suites). Section `data` children
 * are kept as XML trees; the order and the data/error choice are checked.
 */
export function decodeSvar(
  e: XmlElement,
  version: KontraktVersion = "v10",
  sektioner: Sektioner = SSBT_SEKTIONER,
): SsbtSvar {
  const ns = ssbtNamespace(version);
  const path = `/${e.local}`;
  if (e.ns !== ns || e.local !== "hamtaBastjanstInformationResponse")
    throw new ContractViolation("ssbt.operation", path, `expected {${ns}}hamtaBastjanstInformationResponse`);
  const r = new SequenceReader(e, path);
  const f = r.optional(ns, "fraga");
  const frageTidpunkt = r.optionalText(ns, "frageTidpunkt");
  const korrelationsid = r.optionalText(ns, "korrelationsid");
  const sd = r.one(ns, "svarsdata");
  r.end();
  const svar: SsbtSvar = { svarsdata: {} };
  if (f) svar.fraga = decodeFraga(el(ns, "hamtaBastjanstInformation", f.children), version, sektioner);
  if (frageTidpunkt !== undefined) svar.frageTidpunkt = frageTidpunkt;
  if (korrelationsid !== undefined) svar.korrelationsid = korrelationsid;
  const sr = new SequenceReader(sd, `${path}/svarsdata`);
  const svarsdata = svar.svarsdata as Record<string, Sektion>;
  for (const sektion of sektioner) {
    const kod = sektion.kod;
    const s = sr.optional(ns, kod);
    if (!s) continue;
    const sp = `${path}/svarsdata/${kod}`;
    if (sektion.svarIDelar?.(version)) {
      svarsdata[kod] = { delar: s.children.filter((c): c is XmlElement => c.kind === "element") };
      continue;
    }
    const inner = new SequenceReader(s, sp);
    const data = inner.optional(ns, "data");
    if (data) {
      inner.end();
      svarsdata[kod] = { data: data.children.filter((c): c is XmlElement => c.kind === "element") };
    } else {
      const err = inner.one(ns, "error");
      inner.end();
      svarsdata[kod] = { error: decodeSsbtError(err, ns, `${sp}/error`) };
    }
  }
  sr.end();
  return svar;
}

/** Decodes a fault element into felkod + felmeddelande. */
export function decodeFault(e: XmlElement): SsbtFault {
  const ns = e.ns;
  const r = new SequenceReader(e, `/${e.local}`);
  const felkod = r.text(ns, "felkod");
  const felmeddelande = r.many(ns, "felmeddelande", 1).map((m) => leafText(m, `/${e.local}/felmeddelande`));
  r.end();
  return { felkod, felmeddelande };
}

/** Asserts the element is `testaBastjanstInformation` (empty sequence). */
export function decodeTestFraga(e: XmlElement, version: KontraktVersion = "v10"): void {
  const ns = ssbtNamespace(version);
  if (e.ns !== ns || e.local !== "testaBastjanstInformation")
    throw new HarnessError("CONTRACT_VIOLATION", `expected {${ns}}testaBastjanstInformation`);
  new SequenceReader(e, "/testaBastjanstInformation").end();
}
