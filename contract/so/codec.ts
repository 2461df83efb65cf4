import { ContractViolation } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlContent, type XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { readBoolean, readDate, readDecimal } from "../xml/xsd-types.js";
import type {
  AnsoktOmErsattning,
  Arbetsloshetsersattning,
  Avstangning,
  GetUnemploymentBenefitPaymentRequest,
  GetUnemploymentBenefitPaymentResponse,
  SoFault,
  SoFrageparametrar,
  Utbetalning,
} from "./model.js";

/** Namespace of INT014 (elementFormDefault qualified: every element lives in it). */
export const SO_NS = NS.so;
/** Local name of the request Body element. */
export const SO_REQUEST = "GetUnemploymentBenefitPaymentRequest";
/** Local name of the answer Body element. */
export const SO_RESPONSE = "GetUnemploymentBenefitPaymentResponse";
/** Local name of our fault detail element (not in the published XSD; see {@link SoFault}). */
export const SO_FAULT = "UBPServiceFault";
/** The simulator's answers in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const SO_SVAR = new KodadeTrad<GetUnemploymentBenefitPaymentResponse>();

const IDENTIFICATION_NUMBER = /^[0-9]{12}$/;

const s = (local: string, value: string | undefined) => leaf(SO_NS, local, value);

function checkRoot(e: XmlElement, local: string): void {
  if (e.ns !== SO_NS || e.local !== local)
    throw new ContractViolation(
      "xml.element",
      `/${e.local}`,
      `expected element {${SO_NS}}${local}, found {${e.ns}}${e.local}`,
    );
}

/** The XSD declares no attributes; only xsi:* (and xsi:nil where nillable) may appear. */
function checkAttributes(e: XmlElement, path: string, nillable = false): void {
  for (const a of e.attrs) {
    if (a.ns === NS.xsi && (a.local !== "nil" || nillable)) continue;
    throw new ContractViolation(
      "xml.attribute",
      `${path}/@${a.local}`,
      `attribute ${a.local} is not allowed here`,
    );
  }
}

/** A required text-only leaf that carries no attributes. */
function text(r: SequenceReader, local: string): string {
  const e = r.one(SO_NS, local);
  checkAttributes(e, `${r.path}/${local}`);
  return leafText(e, `${r.path}/${local}`);
}

function date(r: SequenceReader, local: string): string {
  return readDate(text(r, local), `${r.path}/${local}`);
}

function decimal(r: SequenceReader, local: string): string {
  return readDecimal(text(r, local), `${r.path}/${local}`);
}

function manyText(r: SequenceReader, local: string): string[] {
  return r.many(SO_NS, local).map((e, i) => {
    const path = `${r.path}/${local}[${i + 1}]`;
    checkAttributes(e, path);
    return leafText(e, path);
  });
}

// ---------------------------------------------------------------------------------------------
// The question's fields (request, and echoed first in the answer)

// The lists stay nested: `el` flattens them, so no spread copies them first.
function encodeFrageparametrar(f: SoFrageparametrar): XmlContent[] {
  return [
    s("OrganisationsnummerIngivare", f.OrganisationsnummerIngivare),
    s("NamnIngivare", f.NamnIngivare),
    s("KontonamnHandlaggare", f.KontonamnHandlaggare),
    s("Referensnummer", f.Referensnummer),
    s("From", f.From),
    s("Tom", f.Tom),
    s("Syfte", f.Syfte),
    s("Paragraf", f.Paragraf),
    f.OrganisationsnummerPersonuppgiftsbitrade.map((v) => s("OrganisationsnummerPersonuppgiftsbitrade", v)),
    f.NamnPersonuppgiftsbitrade.map((v) => s("NamnPersonuppgiftsbitrade", v)),
    s("IdentificationNumber", f.IdentificationNumber),
  ];
}

function decodeFrageparametrar(r: SequenceReader): SoFrageparametrar {
  const f = {
    OrganisationsnummerIngivare: text(r, "OrganisationsnummerIngivare"),
    NamnIngivare: text(r, "NamnIngivare"),
    KontonamnHandlaggare: text(r, "KontonamnHandlaggare"),
    Referensnummer: text(r, "Referensnummer"),
    From: date(r, "From"),
    Tom: date(r, "Tom"),
    Syfte: text(r, "Syfte"),
    Paragraf: text(r, "Paragraf"),
    OrganisationsnummerPersonuppgiftsbitrade: manyText(r, "OrganisationsnummerPersonuppgiftsbitrade"),
    NamnPersonuppgiftsbitrade: manyText(r, "NamnPersonuppgiftsbitrade"),
    IdentificationNumber: text(r, "IdentificationNumber"),
  };
  // The message names the rule, never the value: it is a personnummer.
  if (!IDENTIFICATION_NUMBER.test(f.IdentificationNumber))
    throw new ContractViolation(
      "xsd.pattern",
      `${r.path}/IdentificationNumber`,
      "IdentificationNumber must be exactly 12 digits [0-9]{12} (personnummer or samordningsnummer)",
    );
  return f;
}

// ---------------------------------------------------------------------------------------------
// Request

/**
 * Encodes `GetUnemploymentBenefitPaymentRequest`.
 *
 * @example
 * serializeXml(encodeRequest({ ...fragor, IdentificationNumber: "199608239829" }))
 */
export function encodeRequest(req: GetUnemploymentBenefitPaymentRequest): XmlElement {
  return el(SO_NS, SO_REQUEST, encodeFrageparametrar(req));
}

/**
 * Decodes `GetUnemploymentBenefitPaymentRequest` strictly (element order, cardinalities, dates,
 * the 12-digit pattern). Throws {@link ContractViolation} with the path of the first breach.
 *
 * @example
 * decodeRequest(parseSoapEnvelope(text).body).IdentificationNumber // "199608239829"
 */
export function decodeRequest(e: XmlElement): GetUnemploymentBenefitPaymentRequest {
  checkRoot(e, SO_REQUEST);
  checkAttributes(e, `/${SO_REQUEST}`);
  const r = new SequenceReader(e, `/${SO_REQUEST}`);
  const req = decodeFrageparametrar(r);
  r.end();
  return req;
}

// ---------------------------------------------------------------------------------------------
// Answer

function encodeUtbetalning(u: Utbetalning): XmlElement {
  return el(SO_NS, "Utbetalningar", [
    s("Utbetalningsdatum", u.Utbetalningsdatum),
    s("NettoEfterSkatt", u.NettoEfterSkatt),
    s("NettoEfterAvdrag", u.NettoEfterAvdrag),
    s("Ersattningsdagar", u.Ersattningsdagar),
    s("AvserFrom", u.AvserFrom),
    s("AvserTom", u.AvserTom),
  ]);
}

function encodeAnsokan(a: AnsoktOmErsattning): XmlElement {
  const beslut: XmlElement =
    a.BeslutOmRattTillErsattning === null
      ? {
          kind: "element",
          ns: SO_NS,
          local: "BeslutOmRattTillErsattning",
          attrs: [{ ns: NS.xsi, local: "nil", value: "true" }],
          children: [],
        }
      : el(SO_NS, "BeslutOmRattTillErsattning", [a.BeslutOmRattTillErsattning]);
  return el(SO_NS, "AnsoktOmErsattning", [
    beslut,
    s("AnsokanOmUtbetalningInlamnad", String(a.AnsokanOmUtbetalningInlamnad)),
  ]);
}

function encodeArbetsloshetsersattning(a: Arbetsloshetsersattning): XmlElement {
  return el(SO_NS, "Arbetsloshetsersattning", [
    s("SvarandeOrganisation", a.SvarandeOrganisation),
    s("StatusSvarandeOrganisation", a.StatusSvarandeOrganisation),
    a.Utbetalningar.map(encodeUtbetalning),
    a.Avstangningar.map((v) =>
      el(SO_NS, "Avstangningar", [s("AvstangdFrom", v.AvstangdFrom), s("AvstangdTom", v.AvstangdTom)]),
    ),
    a.AnsoktOmErsattning ? encodeAnsokan(a.AnsoktOmErsattning) : undefined,
  ]);
}

/**
 * Encodes `GetUnemploymentBenefitPaymentResponse`. Its children are exactly what SSBT puts
 * inside `<ssbt:data>` of the SO section.
 *
 * @example
 * encodeResponse({ ...fragor, ArbetsloshetsersattningLista: [] }).children.length // 10 + bitraden
 */
export function encodeResponse(svar: GetUnemploymentBenefitPaymentResponse): XmlElement {
  return el(SO_NS, SO_RESPONSE, [
    encodeFrageparametrar(svar),
    el(
      SO_NS,
      "ArbetsloshetsersattningLista",
      svar.ArbetsloshetsersattningLista.map(encodeArbetsloshetsersattning),
    ),
  ]);
}

function decodeUtbetalning(e: XmlElement, path: string): Utbetalning {
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const u = {
    Utbetalningsdatum: date(r, "Utbetalningsdatum"),
    NettoEfterSkatt: decimal(r, "NettoEfterSkatt"),
    NettoEfterAvdrag: decimal(r, "NettoEfterAvdrag"),
    Ersattningsdagar: decimal(r, "Ersattningsdagar"),
    AvserFrom: date(r, "AvserFrom"),
    AvserTom: date(r, "AvserTom"),
  };
  r.end();
  return u;
}

function decodeAvstangning(e: XmlElement, path: string): Avstangning {
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const a = { AvstangdFrom: date(r, "AvstangdFrom"), AvstangdTom: date(r, "AvstangdTom") };
  r.end();
  return a;
}

function isNil(e: XmlElement): boolean {
  const nil = e.attrs.find((a) => a.ns === NS.xsi && a.local === "nil")?.value.trim();
  return nil === "true" || nil === "1";
}

function decodeAnsokan(e: XmlElement, path: string): AnsoktOmErsattning {
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const beslutEl = r.one(SO_NS, "BeslutOmRattTillErsattning");
  const beslutPath = `${path}/BeslutOmRattTillErsattning`;
  checkAttributes(beslutEl, beslutPath, true);
  let beslut: string | null;
  if (isNil(beslutEl)) {
    if (beslutEl.children.some((c) => c.kind === "element" || c.text !== ""))
      throw new ContractViolation("xsd.nil", beslutPath, "an element with xsi:nil=true must be empty");
    beslut = null;
  } else {
    beslut = readDate(leafText(beslutEl, beslutPath), beslutPath);
  }
  const inlamnad = readBoolean(
    text(r, "AnsokanOmUtbetalningInlamnad"),
    `${path}/AnsokanOmUtbetalningInlamnad`,
  );
  r.end();
  return { BeslutOmRattTillErsattning: beslut, AnsokanOmUtbetalningInlamnad: inlamnad };
}

function decodeArbetsloshetsersattning(e: XmlElement, path: string): Arbetsloshetsersattning {
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const SvarandeOrganisation = text(r, "SvarandeOrganisation");
  const StatusSvarandeOrganisation = text(r, "StatusSvarandeOrganisation");
  const Utbetalningar = r
    .many(SO_NS, "Utbetalningar")
    .map((u, i) => decodeUtbetalning(u, `${path}/Utbetalningar[${i + 1}]`));
  const Avstangningar = r
    .many(SO_NS, "Avstangningar")
    .map((a, i) => decodeAvstangning(a, `${path}/Avstangningar[${i + 1}]`));
  const ansokanEl = r.optional(SO_NS, "AnsoktOmErsattning");
  r.end();
  const a: Arbetsloshetsersattning = {
    SvarandeOrganisation,
    StatusSvarandeOrganisation,
    Utbetalningar,
    Avstangningar,
  };
  if (ansokanEl) a.AnsoktOmErsattning = decodeAnsokan(ansokanEl, `${path}/AnsoktOmErsattning`);
  return a;
}

/**
 * Decodes `GetUnemploymentBenefitPaymentResponse` strictly. Throws {@link ContractViolation}
 * with the path of the first breach.
 *
 * @example
 * decodeResponse(parseSoapEnvelope(text).body).ArbetsloshetsersattningLista.length
 */
export function decodeResponse(e: XmlElement): GetUnemploymentBenefitPaymentResponse {
  checkRoot(e, SO_RESPONSE);
  const root = `/${SO_RESPONSE}`;
  checkAttributes(e, root);
  const r = new SequenceReader(e, root);
  const fragor = decodeFrageparametrar(r);
  const listaEl = r.one(SO_NS, "ArbetsloshetsersattningLista");
  r.end();
  const listaPath = `${root}/ArbetsloshetsersattningLista`;
  checkAttributes(listaEl, listaPath);
  const lr = new SequenceReader(listaEl, listaPath);
  const lista = lr
    .many(SO_NS, "Arbetsloshetsersattning")
    .map((a, i) => decodeArbetsloshetsersattning(a, `${listaPath}/Arbetsloshetsersattning[${i + 1}]`));
  lr.end();
  return { ...fragor, ArbetsloshetsersattningLista: lista };
}

// ---------------------------------------------------------------------------------------------
// Fault detail

/**
 * Encodes our fault detail `UBPServiceFault` (placed inside the SOAP Fault's `detail`).
 *
 * @example
 * encodeFault({ Felkod: "SCHEMAFEL", Felmeddelande: ["Tom saknas"] })
 */
export function encodeFault(f: SoFault): XmlElement {
  return el(SO_NS, SO_FAULT, [s("Felkod", f.Felkod), ...f.Felmeddelande.map((m) => s("Felmeddelande", m))]);
}

/**
 * Decodes our fault detail strictly (one `Felkod`, at least one `Felmeddelande`).
 *
 * @example
 * decodeFault(readSoapFault(body)!.detail!).Felkod // "OGILTIGT_IDENTIFIKATIONSNUMMER"
 */
export function decodeFault(e: XmlElement): SoFault {
  checkRoot(e, SO_FAULT);
  const r = new SequenceReader(e, `/${SO_FAULT}`);
  const Felkod = text(r, "Felkod");
  const Felmeddelande = manyText(r, "Felmeddelande");
  if (Felmeddelande.length === 0)
    throw new ContractViolation(
      "xml.minOccurs",
      `/${SO_FAULT}/Felmeddelande`,
      "at least 1 Felmeddelande required",
    );
  r.end();
  return { Felkod, Felmeddelande };
}
