import { ContractViolation } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { NS } from "../namespaces.js";
import { attr, el, leaf, type XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { readBoolean, readDate, readInt } from "../xml/xsd-types.js";
import type {
  AfAktivetetsRapportDatum,
  AfArbetssokandeInfo,
  AfBeslut,
  AfBeslutInfo,
  AfFel,
  AfFraga,
  AfFragaMeddelande,
  AfInkludera,
  AfSvar,
  AfSvarMeddelande,
} from "./model.js";
import { decodeUtokadFraga, decodeUtokadSvar, encodeUtokadFraga, encodeUtokadSvar } from "./utkast.js";

const AF = NS.af;

/** The simulator's answers in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const AF_SVAR = new KodadeTrad<AfSvarMeddelande>();

const INKLUDERA_ATTRIBUT = ["ArbetssokandeInfo", "AkasseInfo", "BeslutInfo"] as const;

// ---------------------------------------------------------------------------------------------
// Simple types of ers_stod.xsd

/** `api:Personnummer`: exactly 12 digits. */
function readPersonnummer(s: string, path: string): string {
  // The value is personal data: the message names the rule, never the value.
  if (!/^\p{Nd}{12}$/u.test(s))
    throw new ContractViolation("af.Personnummer", path, "must be exactly 12 digits");
  return s;
}

/** `api:Organisationsnummer`: a string of 10–12 characters. */
function readOrganisationsnummer(s: string, path: string): string {
  const n = [...s].length;
  if (n < 10 || n > 12)
    throw new ContractViolation("af.Organisationsnummer", path, `must be 10–12 characters long, was ${n}`);
  return s;
}

/** Elements of this schema carry no attributes (only xsi:* is tolerated, as any validator does). */
function utanAttribut(e: XmlElement, path: string, tillatna: readonly string[] = []): void {
  for (const a of e.attrs) {
    if (a.ns === NS.xsi) continue;
    if (a.ns === "" && tillatna.includes(a.local)) continue;
    throw new ContractViolation(
      "xml.attribute",
      `${path}/@${a.local}`,
      `attribute ${a.local} is not allowed here`,
    );
  }
}

/** Checks the root element's name and namespace. */
function expectElement(e: XmlElement, local: string, path: string): void {
  if (e.ns !== AF || e.local !== local)
    throw new ContractViolation(
      "af.element",
      path,
      `expected {${AF}}${local} but found ${e.ns ? `{${e.ns}}` : "(no namespace) "}${e.local}`,
    );
  utanAttribut(e, path, local === "Inkludera" ? INKLUDERA_ATTRIBUT : []);
}

/** A leaf read in sequence order, checked for attributes. */
class Leser {
  constructor(private readonly r: SequenceReader) {}

  private leafEl(e: XmlElement, local: string): string {
    const p = `${this.r.path}/${local}`;
    utanAttribut(e, p);
    return leafText(e, p);
  }

  text(local: string): string {
    return this.leafEl(this.r.one(AF, local), local);
  }

  optionalText(local: string): string | undefined {
    const e = this.r.optional(AF, local);
    return e ? this.leafEl(e, local) : undefined;
  }

  date(local: string): string {
    return readDate(this.text(local), `${this.r.path}/${local}`);
  }

  optionalDate(local: string): string | undefined {
    const t = this.optionalText(local);
    return t === undefined ? undefined : readDate(t, `${this.r.path}/${local}`);
  }

  int(local: string): number {
    return readInt(this.text(local), `${this.r.path}/${local}`);
  }

  optionalInt(local: string): number | undefined {
    const t = this.optionalText(local);
    return t === undefined ? undefined : readInt(t, `${this.r.path}/${local}`);
  }

  optionalBoolean(local: string): boolean | undefined {
    const t = this.optionalText(local);
    return t === undefined ? undefined : readBoolean(t, `${this.r.path}/${local}`);
  }
}

function reader(e: XmlElement, path: string, trailingAny: boolean): { r: SequenceReader; l: Leser } {
  const r = new SequenceReader(e, path, trailingAny);
  return { r, l: new Leser(r) };
}

// ---------------------------------------------------------------------------------------------
// Fraga / FragaMeddelande

/**
 * Encodes `Fraga` (element order as in the XSD).
 *
 * @example
 * encodeFraga({ OrganisationsnummerForIngivare: "162129999991", …, IdentitetsbeteckningFysiskPerson: "199608239829" })
 */
export function encodeFraga(f: AfFraga): XmlElement {
  return el(AF, "Fraga", [
    leaf(AF, "Test", f.Test),
    leaf(AF, "OrganisationsnummerForIngivare", f.OrganisationsnummerForIngivare),
    leaf(AF, "NamnPaIngivare", f.NamnPaIngivare),
    leaf(AF, "KontonamnForHandlaggare", f.KontonamnForHandlaggare),
    leaf(AF, "Referensnummer", f.Referensnummer),
    leaf(AF, "From", f.From),
    leaf(AF, "Tom", f.Tom),
    leaf(AF, "SyfteMedFraga", f.SyfteMedFraga),
    leaf(AF, "LagParagraf", f.LagParagraf),
    leaf(AF, "OrganisationsnummerForPersonuppgiftsbitrade", f.OrganisationsnummerForPersonuppgiftsbitrade),
    leaf(AF, "NamnPaPersonuppgiftsbitrade", f.NamnPaPersonuppgiftsbitrade),
    leaf(AF, "IdentitetsbeteckningFysiskPerson", f.IdentitetsbeteckningFysiskPerson),
  ]);
}

/**
 * Strictly decodes `Fraga`. Trailing elements are accepted (the XSD ends with `xs:any`).
 *
 * @example
 * decodeFraga(fragaEl, "/FragaMeddelande/Fraga").Referensnummer // "ARENDE-2026-0001"
 */
export function decodeFraga(e: XmlElement, path = "/Fraga"): AfFraga {
  expectElement(e, "Fraga", path);
  const { r, l } = reader(e, path, true);
  const Test = l.optionalBoolean("Test");
  const OrganisationsnummerForIngivare = readOrganisationsnummer(
    l.text("OrganisationsnummerForIngivare"),
    `${path}/OrganisationsnummerForIngivare`,
  );
  const NamnPaIngivare = l.text("NamnPaIngivare");
  const KontonamnForHandlaggare = l.text("KontonamnForHandlaggare");
  const Referensnummer = l.text("Referensnummer");
  const From = l.date("From");
  const Tom = l.date("Tom");
  const SyfteMedFraga = l.text("SyfteMedFraga");
  const LagParagraf = l.text("LagParagraf");
  const pubOrgnr = l.optionalText("OrganisationsnummerForPersonuppgiftsbitrade");
  const NamnPaPersonuppgiftsbitrade = l.optionalText("NamnPaPersonuppgiftsbitrade");
  const IdentitetsbeteckningFysiskPerson = readPersonnummer(
    l.text("IdentitetsbeteckningFysiskPerson"),
    `${path}/IdentitetsbeteckningFysiskPerson`,
  );
  r.end();
  const f: AfFraga = {
    OrganisationsnummerForIngivare,
    NamnPaIngivare,
    KontonamnForHandlaggare,
    Referensnummer,
    From,
    Tom,
    SyfteMedFraga,
    LagParagraf,
    IdentitetsbeteckningFysiskPerson,
  };
  if (Test !== undefined) f.Test = Test;
  if (pubOrgnr !== undefined)
    f.OrganisationsnummerForPersonuppgiftsbitrade = readOrganisationsnummer(
      pubOrgnr,
      `${path}/OrganisationsnummerForPersonuppgiftsbitrade`,
    );
  if (NamnPaPersonuppgiftsbitrade !== undefined) f.NamnPaPersonuppgiftsbitrade = NamnPaPersonuppgiftsbitrade;
  return f;
}

function encodeInkludera(i: AfInkludera): XmlElement {
  const attrs: Record<string, string> = {};
  for (const name of INKLUDERA_ATTRIBUT) {
    const v = i[name];
    if (v !== undefined) attrs[name] = String(v);
  }
  return el(AF, "Inkludera", [], attrs);
}

function decodeInkludera(e: XmlElement, path: string): AfInkludera {
  expectElement(e, "Inkludera", path);
  // Empty complex type: no child elements and no text.
  new SequenceReader(e, path).end();
  const out: AfInkludera = {};
  for (const name of INKLUDERA_ATTRIBUT) {
    const v = attr(e, name);
    if (v !== undefined) out[name] = readBoolean(v, `${path}/@${name}`);
  }
  return out;
}

/**
 * Encodes the request Body element `FragaMeddelande`.
 *
 * @example
 * soapEnvelope(encodeFragaMeddelande({ Inkludera: { ArbetssokandeInfo: true }, Fraga: fraga }))
 */
export function encodeFragaMeddelande(m: AfFragaMeddelande): XmlElement {
  return el(AF, "FragaMeddelande", [
    m.Inkludera ? encodeInkludera(m.Inkludera) : undefined,
    encodeFraga(m.Fraga),
    m.UtokadFraga ? encodeUtokadFraga() : undefined,
  ]);
}

/**
 * Strictly decodes `FragaMeddelande`; anything the XSD forbids throws a {@link ContractViolation}
 * naming the path.
 *
 * @example
 * decodeFragaMeddelande(parseSoapEnvelope(text).body).Fraga.IdentitetsbeteckningFysiskPerson
 */
export function decodeFragaMeddelande(e: XmlElement, path = "/FragaMeddelande"): AfFragaMeddelande {
  expectElement(e, "FragaMeddelande", path);
  const r = new SequenceReader(e, path, true);
  const ink = r.optional(AF, "Inkludera");
  const fraga = decodeFraga(r.one(AF, "Fraga"), `${path}/Fraga`);
  const utokad = r.optional(NS.afUtkast, "UtokadFraga");
  if (utokad) decodeUtokadFraga(utokad, `${path}/UtokadFraga`);
  r.end();
  const m: AfFragaMeddelande = ink
    ? { Inkludera: decodeInkludera(ink, `${path}/Inkludera`), Fraga: fraga }
    : { Fraga: fraga };
  if (utokad) m.UtokadFraga = true;
  return m;
}

// ---------------------------------------------------------------------------------------------
// Svar / SvarMeddelande

function encodeAktivetetsRapportDatum(a: AfAktivetetsRapportDatum): XmlElement {
  return el(AF, "AktivetetsRapportDatum", [
    leaf(AF, "AktivitetsRapportMeddelande", a.AktivitetsRapportMeddelande),
    leaf(AF, "SenasteAktivitetsRapportDatum", a.SenasteAktivitetsRapportDatum),
  ]);
}

function encodeArbetssokandeInfo(a: AfArbetssokandeInfo): XmlElement {
  return el(AF, "ArbetssokandeInfo", [
    leaf(AF, "Arbetssokande", a.Arbetssokande),
    leaf(AF, "ArbetssokandeSKAT", a.ArbetssokandeSKAT),
    leaf(AF, "ArbetssokandeRegistrerad", a.ArbetssokandeRegistrerad),
    leaf(AF, "ArbetssokandeOmfattning", a.ArbetssokandeOmfattning),
    leaf(AF, "ArbetssokandeAvaktualiserad", a.ArbetssokandeAvaktualiserad),
    encodeAktivetetsRapportDatum(a.AktivetetsRapportDatum),
  ]);
}

function encodeBeslutInfo(b: AfBeslutInfo): XmlElement {
  return el(AF, "BeslutInfo", [
    el(
      AF,
      "EkonomiskaBeslut",
      b.EkonomiskaBeslut.Beslut.map((x) =>
        el(AF, "Beslut", [
          leaf(AF, "ErsattningTyp", x.ErsattningTyp),
          leaf(AF, "Omfattning", x.Omfattning),
          leaf(AF, "BeslutFrom", x.BeslutFrom),
          leaf(AF, "BeslutTom", x.BeslutTom),
        ]),
      ),
    ),
  ]);
}

/**
 * Encodes `Svar` (element order as in the XSD; absent optional fields are left out).
 *
 * @example
 * encodeSvar({ Schemaversion: "4.0", …, StatusSokandeinformationKod: 0, StatusSokandeinformationKodText: "…" })
 */
export function encodeSvar(s: AfSvar): XmlElement {
  return el(AF, "Svar", [
    leaf(AF, "Schemaversion", s.Schemaversion),
    leaf(AF, "Referensnummer", s.Referensnummer),
    leaf(AF, "LagParagraf", s.LagParagraf),
    leaf(AF, "IdentitetsbeteckningFysiskPerson", s.IdentitetsbeteckningFysiskPerson),
    leaf(AF, "Fornamn", s.Fornamn),
    leaf(AF, "Efternamn", s.Efternamn),
    leaf(AF, "Sekretessmarkering", s.Sekretessmarkering),
    s.ArbetssokandeInfo ? encodeArbetssokandeInfo(s.ArbetssokandeInfo) : undefined,
    s.BeslutInfo ? encodeBeslutInfo(s.BeslutInfo) : undefined,
    leaf(AF, "Akassetillhorighet", s.Akassetillhorighet),
    leaf(AF, "StatusSokandeinformationKod", s.StatusSokandeinformationKod),
    leaf(AF, "StatusSokandeinformationKodText", s.StatusSokandeinformationKodText),
    s.UtokadSvar ? encodeUtokadSvar(s.UtokadSvar) : undefined,
  ]);
}

function decodeAktivetetsRapportDatum(e: XmlElement, path: string): AfAktivetetsRapportDatum {
  expectElement(e, "AktivetetsRapportDatum", path);
  const { r, l } = reader(e, path, false);
  const AktivitetsRapportMeddelande = l.text("AktivitetsRapportMeddelande");
  const datum = l.optionalDate("SenasteAktivitetsRapportDatum");
  r.end();
  return datum === undefined
    ? { AktivitetsRapportMeddelande }
    : { AktivitetsRapportMeddelande, SenasteAktivitetsRapportDatum: datum };
}

function decodeArbetssokandeInfo(e: XmlElement, path: string): AfArbetssokandeInfo {
  expectElement(e, "ArbetssokandeInfo", path);
  const { r, l } = reader(e, path, false);
  const out: Partial<AfArbetssokandeInfo> = {};
  const Arbetssokande = l.optionalBoolean("Arbetssokande");
  const ArbetssokandeSKAT = l.optionalText("ArbetssokandeSKAT");
  const ArbetssokandeRegistrerad = l.optionalDate("ArbetssokandeRegistrerad");
  const ArbetssokandeOmfattning = l.optionalInt("ArbetssokandeOmfattning");
  const ArbetssokandeAvaktualiserad = l.optionalDate("ArbetssokandeAvaktualiserad");
  const ard = decodeAktivetetsRapportDatum(
    r.one(AF, "AktivetetsRapportDatum"),
    `${path}/AktivetetsRapportDatum`,
  );
  r.end();
  if (Arbetssokande !== undefined) out.Arbetssokande = Arbetssokande;
  if (ArbetssokandeSKAT !== undefined) out.ArbetssokandeSKAT = ArbetssokandeSKAT;
  if (ArbetssokandeRegistrerad !== undefined) out.ArbetssokandeRegistrerad = ArbetssokandeRegistrerad;
  if (ArbetssokandeOmfattning !== undefined) out.ArbetssokandeOmfattning = ArbetssokandeOmfattning;
  if (ArbetssokandeAvaktualiserad !== undefined)
    out.ArbetssokandeAvaktualiserad = ArbetssokandeAvaktualiserad;
  return { ...out, AktivetetsRapportDatum: ard };
}

function decodeBeslut(e: XmlElement, path: string): AfBeslut {
  expectElement(e, "Beslut", path);
  const { r, l } = reader(e, path, true);
  const b: AfBeslut = {
    ErsattningTyp: l.text("ErsattningTyp"),
    Omfattning: l.int("Omfattning"),
    BeslutFrom: l.date("BeslutFrom"),
    BeslutTom: l.date("BeslutTom"),
  };
  r.end();
  return b;
}

function decodeBeslutInfo(e: XmlElement, path: string): AfBeslutInfo {
  expectElement(e, "BeslutInfo", path);
  const r = new SequenceReader(e, path, true);
  const eb = r.one(AF, "EkonomiskaBeslut");
  r.end();
  const ebPath = `${path}/EkonomiskaBeslut`;
  expectElement(eb, "EkonomiskaBeslut", ebPath);
  const er = new SequenceReader(eb, ebPath);
  const beslut = er.many(AF, "Beslut").map((b, i) => decodeBeslut(b, `${ebPath}/Beslut[${i + 1}]`));
  er.end();
  return { EkonomiskaBeslut: { Beslut: beslut } };
}

/**
 * Strictly decodes `Svar`.
 *
 * @example
 * decodeSvar(svarEl).StatusSokandeinformationKod // 0
 */
export function decodeSvar(e: XmlElement, path = "/Svar"): AfSvar {
  expectElement(e, "Svar", path);
  const { r, l } = reader(e, path, true);
  const Schemaversion = l.text("Schemaversion");
  const Referensnummer = l.text("Referensnummer");
  const LagParagraf = l.text("LagParagraf");
  const IdentitetsbeteckningFysiskPerson = readPersonnummer(
    l.text("IdentitetsbeteckningFysiskPerson"),
    `${path}/IdentitetsbeteckningFysiskPerson`,
  );
  const Fornamn = l.optionalText("Fornamn");
  const Efternamn = l.optionalText("Efternamn");
  const Sekretessmarkering = l.optionalBoolean("Sekretessmarkering");
  const asi = r.optional(AF, "ArbetssokandeInfo");
  const ArbetssokandeInfo = asi ? decodeArbetssokandeInfo(asi, `${path}/ArbetssokandeInfo`) : undefined;
  const bi = r.optional(AF, "BeslutInfo");
  const BeslutInfo = bi ? decodeBeslutInfo(bi, `${path}/BeslutInfo`) : undefined;
  const Akassetillhorighet = l.optionalText("Akassetillhorighet");
  const StatusSokandeinformationKod = l.int("StatusSokandeinformationKod");
  const StatusSokandeinformationKodText = l.text("StatusSokandeinformationKodText");
  const utokad = r.optional(NS.afUtkast, "UtokadSvar");
  const UtokadSvar = utokad ? decodeUtokadSvar(utokad, `${path}/UtokadSvar`) : undefined;
  r.end();
  const s: AfSvar = {
    Schemaversion,
    Referensnummer,
    LagParagraf,
    IdentitetsbeteckningFysiskPerson,
    StatusSokandeinformationKod,
    StatusSokandeinformationKodText,
  };
  if (Fornamn !== undefined) s.Fornamn = Fornamn;
  if (Efternamn !== undefined) s.Efternamn = Efternamn;
  if (Sekretessmarkering !== undefined) s.Sekretessmarkering = Sekretessmarkering;
  if (ArbetssokandeInfo) s.ArbetssokandeInfo = ArbetssokandeInfo;
  if (BeslutInfo) s.BeslutInfo = BeslutInfo;
  if (Akassetillhorighet !== undefined) s.Akassetillhorighet = Akassetillhorighet;
  if (UtokadSvar) s.UtokadSvar = UtokadSvar;
  return s;
}

/**
 * Encodes the answer Body element `SvarMeddelande` (the echoed question, then the answer).
 *
 * @example
 * soapEnvelope(encodeSvarMeddelande({ Fraga: fraga, Svar: svar }))
 */
export function encodeSvarMeddelande(m: AfSvarMeddelande): XmlElement {
  return el(AF, "SvarMeddelande", [encodeFraga(m.Fraga), encodeSvar(m.Svar)]);
}

/**
 * Strictly decodes `SvarMeddelande`.
 *
 * @example
 * const { Fraga, Svar } = decodeSvarMeddelande(parseSoapEnvelope(text).body);
 */
export function decodeSvarMeddelande(e: XmlElement, path = "/SvarMeddelande"): AfSvarMeddelande {
  expectElement(e, "SvarMeddelande", path);
  const r = new SequenceReader(e, path, true);
  const Fraga = decodeFraga(r.one(AF, "Fraga"), `${path}/Fraga`);
  const Svar = decodeSvar(r.one(AF, "Svar"), `${path}/Svar`);
  r.end();
  return { Fraga, Svar };
}

// ---------------------------------------------------------------------------------------------
// Fault detail (our model; the XSD defines none)

/**
 * Encodes the element placed in a SOAP Fault's `<detail>`.
 *
 * @example
 * soapFaultEnvelope({ faultcode: "Client", faultstring: "…", detail: encodeAfFel({ Felkod: "SCHEMAFEL", Felmeddelande: "…" }) })
 */
export function encodeAfFel(f: AfFel): XmlElement {
  return el("", "Fel", [el("", "Felkod", [f.Felkod]), el("", "Felmeddelande", [f.Felmeddelande])]);
}

/**
 * Reads the fault detail, or undefined when the detail is not our `Fel` element (e.g. a fault
 * from some other SOAP stack in front of the bastjänst).
 *
 * @example
 * decodeAfFel(readSoapFault(body)?.detail)?.Felkod // "SCHEMAFEL"
 */
export function decodeAfFel(detail: XmlElement | undefined): AfFel | undefined {
  if (detail?.local !== "Fel") return undefined;
  try {
    const r = new SequenceReader(detail, "/detail/Fel");
    const Felkod = r.text(detail.ns, "Felkod");
    const Felmeddelande = r.optionalText(detail.ns, "Felmeddelande") ?? "";
    r.end();
    return Felkod.trim() === "" ? undefined : { Felkod: Felkod.trim(), Felmeddelande };
  } catch {
    return undefined;
  }
}
