import { ContractViolation, HarnessError } from "../errors.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlElement } from "../xml/node.js";
import { leafText, requiredAttr, SequenceReader } from "../xml/reader.js";
import { readBoolean, readDate, readDateTime, readInt } from "../xml/xsd-types.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type GenerellaFrageparametrar,
  harSkvV11,
  type Ingivare,
  type KontraktVersion,
  type MedTidsperiod,
  type Personuppgiftsbitrade,
  type Sektion,
  type SpecifikaFrageparametrar,
  type SsbtError,
  type SsbtFault,
  type SsbtFraga,
  type SsbtSvar,
  type SsbtTestSvar,
  type Tidsperiod,
} from "./model.js";

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

function readTidsperiod(e: XmlElement, ns: string, path: string): Tidsperiod {
  const r = new SequenceReader(e, path);
  const fromDatum = readDate(r.text(ns, "fromDatum"), `${path}/fromDatum`);
  const tomDatum = readDate(r.text(ns, "tomDatum"), `${path}/tomDatum`);
  r.end();
  if (fromDatum.slice(0, 10) > tomDatum.slice(0, 10))
    throw new ContractViolation(
      "ssbt.tidsperiod.order",
      path,
      `fromDatum ${fromDatum} is after tomDatum ${tomDatum}`,
    );
  return { fromDatum, tomDatum };
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

function readInkludera(e: XmlElement, path: string): boolean {
  return readBoolean(requiredAttr(e, "inkludera", path), `${path}/@inkludera`);
}

function readMedTidsperiod(e: XmlElement, ns: string, path: string): MedTidsperiod {
  const inkludera = readInkludera(e, path);
  const r = new SequenceReader(e, path);
  const t = r.optional(ns, "tidsperiod");
  r.end();
  return t ? { inkludera, tidsperiod: readTidsperiod(t, ns, `${path}/tidsperiod`) } : { inkludera };
}

function readEmpty(e: XmlElement, path: string): { inkludera: boolean } {
  const inkludera = readInkludera(e, path);
  new SequenceReader(e, path).end();
  return { inkludera };
}

function readFk(e: XmlElement, ns: string, path: string): SpecifikaFrageparametrar["FK"] {
  const inkludera = readInkludera(e, path);
  const r = new SequenceReader(e, path);
  const f = r.optional(ns, "fraga");
  r.end();
  if (!f) return { inkludera };
  const fp = `${path}/fraga`;
  const fr = new SequenceReader(f, fp);
  const version = fr.optionalText(ns, "version");
  const aktorsid = fr.text(ns, "aktorsid");
  const lefiJsonFraga = fr.text(ns, "lefiJsonFraga").replace(/\s+/g, "");
  fr.end();
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(lefiJsonFraga))
    throw new ContractViolation(
      "xsd.base64Binary",
      `${fp}/lefiJsonFraga`,
      "lefiJsonFraga is not valid base64",
    );
  return {
    inkludera,
    fraga: version === undefined ? { aktorsid, lefiJsonFraga } : { version, aktorsid, lefiJsonFraga },
  };
}

/** ssbt/11: SKV carries `fraga` with `ar`+ and five booleans. */
export const SKV11_BLOCK = [
  "foretagsinformation",
  "individuppgifter",
  "skattekonto",
  "skatteuppgifter",
  "beskattningsbilagor",
] as const;

function readSkv(
  e: XmlElement,
  ns: string,
  path: string,
  version: KontraktVersion,
): SpecifikaFrageparametrar["SKV"] {
  if (version === "v10") return readEmpty(e, path);
  const inkludera = readInkludera(e, path);
  const r = new SequenceReader(e, path);
  const f = r.optional(ns, "fraga");
  r.end();
  if (!f) return { inkludera };
  const fp = `${path}/fraga`;
  const fr = new SequenceReader(f, fp);
  const ar = fr
    .many(ns, "ar", 1)
    .map((a, i) => readInt(leafText(a, `${fp}/ar[${i + 1}]`), `${fp}/ar[${i + 1}]`));
  const block: Record<string, boolean> = {};
  for (const b of SKV11_BLOCK) block[b] = readBoolean(fr.text(ns, b), `${fp}/${b}`);
  fr.end();
  return { inkludera, fraga: { ar, block } };
}

function readSpecifika(
  e: XmlElement,
  ns: string,
  path: string,
  version: KontraktVersion,
): SpecifikaFrageparametrar {
  const r = new SequenceReader(e, path);
  const s: SpecifikaFrageparametrar = {
    AF: readMedTidsperiod(r.one(ns, "AF"), ns, `${path}/AF`),
    CSN: readMedTidsperiod(r.one(ns, "CSN"), ns, `${path}/CSN`),
    FK: readFk(r.one(ns, "FK"), ns, `${path}/FK`),
    SKV: readSkv(r.one(ns, "SKV"), ns, `${path}/SKV`, version),
    SO: readMedTidsperiod(r.one(ns, "SO"), ns, `${path}/SO`),
    TNS: readMedTidsperiod(r.one(ns, "TNS"), ns, `${path}/TNS`),
    MIV: readEmpty(r.one(ns, "MIV"), `${path}/MIV`),
  };
  r.end();
  return s;
}

/** Schema hints a validator ignores; every other xsi attribute (xsi:type, xsi:nil) changes meaning. */
const XSI_HINTS = new Set(["schemaLocation", "noNamespaceSchemaLocation"]);

/**
 * The ssbt schema declares no attribute but `inkludera` on the seven sections (no anyAttribute,
 * nothing nillable), so anything else is refused: an unknown attribute, and `xsi:type`/`xsi:nil`
 * tricks that would make a validating producer read the value differently from us.
 */
function checkAttributes(e: XmlElement, path: string, section: boolean): void {
  for (const a of e.attrs) {
    if (a.ns === NS.xsi && XSI_HINTS.has(a.local)) continue;
    if (section && a.ns === "" && a.local === "inkludera") continue;
    throw new ContractViolation(
      "xsd.attribute",
      `${path}/@${a.local.slice(0, 60)}`,
      `attribute ${a.ns === NS.xsi ? "xsi:" : ""}${a.local.slice(0, 60)} is not allowed here`,
    );
  }
  for (const c of e.children)
    if (c.kind === "element")
      checkAttributes(c, `${path}/${c.local}`, e.local === "specifikaFrageparametrar");
}

/**
 * Decodes a `hamtaBastjanstInformation` element strictly per the ssbt XSD (order, cardinality,
 * patterns, real dates, fromDatum ≤ tomDatum). Throws a {@link ContractViolation} naming the path.
 *
 * @example
 * const fraga = decodeFraga(parseSoapEnvelope(xml).body);
 */
export function decodeFraga(e: XmlElement, version: KontraktVersion = "v10"): SsbtFraga {
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
  );
  r.end();
  return { generellaFrageparametrar, specifikaFrageparametrar };
}

// ---------------------------------------------------------------- encode

function tidsperiodEl(ns: string, local: string, t: Tidsperiod): XmlElement {
  return el(ns, local, [el(ns, "fromDatum", [t.fromDatum]), el(ns, "tomDatum", [t.tomDatum])]);
}

function fragaContent(ns: string, f: SsbtFraga, version: KontraktVersion): XmlElement[] {
  const g = f.generellaFrageparametrar;
  const s = f.specifikaFrageparametrar;
  const inkl = (b: boolean) => ({ inkludera: String(b) });
  const med = (kod: BastjanstKod, m: MedTidsperiod) =>
    el(
      ns,
      kod,
      m.inkludera && m.tidsperiod ? [tidsperiodEl(ns, "tidsperiod", m.tidsperiod)] : [],
      inkl(m.inkludera),
    );
  const fk =
    s.FK.inkludera && s.FK.fraga
      ? [
          el(ns, "fraga", [
            leaf(ns, "version", s.FK.fraga.version),
            el(ns, "aktorsid", [s.FK.fraga.aktorsid]),
            el(ns, "lefiJsonFraga", [s.FK.fraga.lefiJsonFraga]),
          ]),
        ]
      : [];
  const skvFraga =
    harSkvV11(version) && s.SKV.inkludera && s.SKV.fraga
      ? [
          el(ns, "fraga", [
            s.SKV.fraga.ar.map((a) => el(ns, "ar", [String(a)])),
            SKV11_BLOCK.filter((b) => s.SKV.fraga?.block[b] !== undefined).map((b) =>
              el(ns, b, [String(s.SKV.fraga?.block[b])]),
            ),
          ]),
        ]
      : [];
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
    el(ns, "specifikaFrageparametrar", [
      med("AF", s.AF),
      med("CSN", s.CSN),
      el(ns, "FK", fk, inkl(s.FK.inkludera)),
      el(ns, "SKV", skvFraga, inkl(s.SKV.inkludera)),
      med("SO", s.SO),
      med("TNS", s.TNS),
      el(ns, "MIV", [], inkl(s.MIV.inkludera)),
    ]),
  ];
}

/**
 * Encodes a composite question as the `hamtaBastjanstInformation` element.
 *
 * @example
 * soapEnvelope(encodeFraga(fraga))
 */
export function encodeFraga(f: SsbtFraga, version: KontraktVersion = "v10"): XmlElement {
  const ns = ssbtNamespace(version);
  return el(ns, "hamtaBastjanstInformation", fragaContent(ns, f, version));
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

function sektionEl(ns: string, kod: BastjanstKod, s: Sektion): XmlElement {
  if ("error" in s) return el(ns, kod, [encodeSsbtError(ns, s.error)]);
  if ("delar" in s) return el(ns, kod, s.delar);
  return el(ns, kod, [el(ns, "data", s.data)]);
}

/**
 * Encodes the composite answer as `hamtaBastjanstInformationResponse`, sections in contract order.
 */
export function encodeSvar(svar: SsbtSvar, version: KontraktVersion = "v10"): XmlElement {
  const ns = ssbtNamespace(version);
  return el(ns, "hamtaBastjanstInformationResponse", [
    svar.fraga ? el(ns, "fraga", fragaContent(ns, svar.fraga, version)) : undefined,
    leaf(ns, "frageTidpunkt", svar.frageTidpunkt),
    leaf(ns, "korrelationsid", svar.korrelationsid),
    el(
      ns,
      "svarsdata",
      BASTJANSTER.filter((k) => svar.svarsdata[k]).map((k) => sektionEl(ns, k, svar.svarsdata[k] as Sektion)),
    ),
  ]);
}

/** Encodes the answer of `testaBastjanstInformation`. */
export function encodeTestSvar(svar: SsbtTestSvar, version: KontraktVersion = "v10"): XmlElement {
  const ns = ssbtNamespace(version);
  return el(
    ns,
    "testaBastjanstInformationResponse",
    BASTJANSTER.filter((k) => svar[k]).map((k) => {
      const t = svar[k]!;
      return el(ns, k, [
        el(ns, "anropad", [String(t.anropad)]),
        t.error ? encodeSsbtError(ns, t.error) : undefined,
      ]);
    }),
  );
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
export function decodeSvar(e: XmlElement, version: KontraktVersion = "v10"): SsbtSvar {
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
  if (f) svar.fraga = decodeFraga(el(ns, "hamtaBastjanstInformation", f.children), version);
  if (frageTidpunkt !== undefined) svar.frageTidpunkt = frageTidpunkt;
  if (korrelationsid !== undefined) svar.korrelationsid = korrelationsid;
  const sr = new SequenceReader(sd, `${path}/svarsdata`);
  for (const kod of BASTJANSTER) {
    const s = sr.optional(ns, kod);
    if (!s) continue;
    const sp = `${path}/svarsdata/${kod}`;
    if (harSkvV11(version) && kod === "SKV") {
      svar.svarsdata[kod] = { delar: s.children.filter((c): c is XmlElement => c.kind === "element") };
      continue;
    }
    const inner = new SequenceReader(s, sp);
    const data = inner.optional(ns, "data");
    if (data) {
      inner.end();
      svar.svarsdata[kod] = { data: data.children.filter((c): c is XmlElement => c.kind === "element") };
    } else {
      const err = inner.one(ns, "error");
      inner.end();
      svar.svarsdata[kod] = { error: decodeSsbtError(err, ns, `${sp}/error`) };
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
