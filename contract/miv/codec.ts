import { ContractViolation } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { readDate } from "../xml/xsd-types.js";
import {
  type FindByPersonnummer,
  type FindByPersonnummerResponse,
  type FkQuery,
  type FkQueryIngivare,
  type FkResponse,
  type FkServiceFault,
  type FkSvar,
  GILTIGHETSTIDER,
  type Giltighetstid,
} from "./model.js";

/** Namespace of the three global elements. Local elements are unqualified (no elementFormDefault). */
export const MIV_NS = NS.miv;

// Local elements of this schema are unqualified: their namespace is "".
const U = "";

/** The simulator's answers in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const MIV_SVAR = new KodadeTrad<FindByPersonnummerResponse>();

/** The global element names of the schema. */
export const MIV_ELEMENT = {
  fraga: "findByPersonnummer",
  svar: "findByPersonnummerResponse",
  fel: "SSBTEKSoapException",
} as const;

function expectRoot(e: XmlElement, local: string): string {
  if (e.ns !== MIV_NS || e.local !== local)
    throw new ContractViolation(
      "xml.root",
      `/${e.local}`,
      `expected element {${MIV_NS}}${local} but found {${e.ns}}${e.local}`,
    );
  return `/${local}`;
}

function isNil(e: XmlElement): boolean {
  const v = e.attrs.find((a) => a.ns === NS.xsi && a.local === "nil")?.value.trim();
  return v === "true" || v === "1";
}

/**
 * The schema declares no attributes. An `xsi:nil` is only allowed where the element is nillable;
 * any other attribute is a contract breach.
 */
function checkAttributes(e: XmlElement, path: string, nillable = false): void {
  for (const a of e.attrs) {
    // Some SOAP stacks annotate every leaf with xsi:type; that is valid XML Schema instance markup.
    if (a.ns === NS.xsi && (a.local === "type" || (nillable && a.local === "nil"))) continue;
    throw new ContractViolation(
      "xml.attribute",
      `${path}/@${a.local}`,
      `attribute ${a.local} is not allowed here`,
    );
  }
}

/** Text of a required unqualified leaf, with its attributes checked. */
function text(r: SequenceReader, local: string): string {
  const e = r.one(U, local);
  const path = `${r.path}/${local}`;
  checkAttributes(e, path);
  return leafText(e, path);
}

function optionalText(r: SequenceReader, local: string): string | undefined {
  return r.has(U, local) ? text(r, local) : undefined;
}

function optionalDate(r: SequenceReader, local: string): string | undefined {
  const t = optionalText(r, local);
  return t === undefined ? undefined : readDate(t, `${r.path}/${local}`);
}

// ---------------------------------------------------------------- request

/**
 * Builds the `miv:findByPersonnummer` request element.
 *
 * @example
 * encodeFindByPersonnummer({ query: { personnummer: "199203059846", ingivare: { handlaggare: "HL0001" } } })
 */
export function encodeFindByPersonnummer(fraga: FindByPersonnummer): XmlElement {
  const q = fraga.query;
  return el(MIV_NS, MIV_ELEMENT.fraga, [
    el(U, "query", [
      leaf(U, "korrelationsid", q.korrelationsid),
      el(U, "personnummer", [q.personnummer]),
      el(U, "ingivare", [
        el(U, "handlaggare", [q.ingivare.handlaggare]),
        leaf(U, "namn", q.ingivare.namn),
        leaf(U, "organisationsnummer", q.ingivare.organisationsnummer),
      ]),
    ]),
  ]);
}

/**
 * Strictly decodes a `miv:findByPersonnummer` element. Anything the schema forbids (wrong
 * namespace, qualified local elements, wrong order, missing `personnummer`/`ingivare`/`handlaggare`)
 * throws a {@link ContractViolation} naming the path.
 *
 * @example
 * decodeFindByPersonnummer(parseSoapEnvelope(xml).body).query.personnummer
 */
export function decodeFindByPersonnummer(e: XmlElement): FindByPersonnummer {
  const path = expectRoot(e, MIV_ELEMENT.fraga);
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const queryEl = r.one(U, "query");
  r.end();
  const qPath = `${path}/query`;
  checkAttributes(queryEl, qPath);
  const q = new SequenceReader(queryEl, qPath);
  const korrelationsid = optionalText(q, "korrelationsid");
  const personnummer = text(q, "personnummer");
  const ingivareEl = q.one(U, "ingivare");
  q.end();
  const iPath = `${qPath}/ingivare`;
  checkAttributes(ingivareEl, iPath);
  const i = new SequenceReader(ingivareEl, iPath);
  const ingivare: FkQueryIngivare = { handlaggare: text(i, "handlaggare") };
  const namn = optionalText(i, "namn");
  if (namn !== undefined) ingivare.namn = namn;
  const organisationsnummer = optionalText(i, "organisationsnummer");
  if (organisationsnummer !== undefined) ingivare.organisationsnummer = organisationsnummer;
  i.end();
  const query: FkQuery = { personnummer, ingivare };
  if (korrelationsid !== undefined) query.korrelationsid = korrelationsid;
  return { query };
}

// ---------------------------------------------------------------- answer

function encodeSvar(s: FkSvar | null): XmlElement {
  if (s === null)
    return {
      kind: "element",
      ns: U,
      local: "svar",
      attrs: [{ ns: NS.xsi, local: "nil", value: "true" }],
      children: [],
    };
  return el(U, "svar", [
    leaf(U, "anledning", s.anledning),
    leaf(U, "anledningNamn", s.anledningNamn),
    leaf(U, "ansokningsdatum", s.ansokningsdatum),
    leaf(U, "arendeTyp", s.arendeTyp),
    leaf(U, "arendeTypNamn", s.arendeTypNamn),
    leaf(U, "beslutsKod", s.beslutsKod),
    leaf(U, "beslutsKodNamn", s.beslutsKodNamn),
    leaf(U, "beslutsTyp", s.beslutsTyp),
    leaf(U, "beslutsTypNamn", s.beslutsTypNamn),
    leaf(U, "beslutsdatum", s.beslutsdatum),
    leaf(U, "fromDatum", s.fromDatum),
    leaf(U, "giltighetstid", s.giltighetstid),
    leaf(U, "tomDatum", s.tomDatum),
  ]);
}

/**
 * Builds the unqualified `response` element (type `fkResponse`). This is also what SSBT puts
 * inside `<ssbt:data>` of the MIV section.
 *
 * @example
 * encodeFkResponse({ correlationid: "5f0c…", personnummer: "199203059846" })
 */
export function encodeFkResponse(r: FkResponse): XmlElement {
  return el(U, "response", [
    leaf(U, "korrelationsid", r.korrelationsid),
    el(U, "correlationid", [r.correlationid]),
    leaf(U, "efternamn", r.efternamn),
    leaf(U, "fornamn", r.fornamn),
    leaf(U, "hemland", r.hemland),
    leaf(U, "inresedatum", r.inresedatum),
    leaf(U, "personnummer", r.personnummer),
    r.svarCollection ? el(U, "svarCollection", r.svarCollection.map(encodeSvar)) : undefined,
  ]);
}

/**
 * Builds the `miv:findByPersonnummerResponse` answer element.
 *
 * @example
 * encodeFindByPersonnummerResponse({ response: { correlationid: "5f0c…" } })
 */
export function encodeFindByPersonnummerResponse(svar: FindByPersonnummerResponse): XmlElement {
  return el(MIV_NS, MIV_ELEMENT.svar, [svar.response ? encodeFkResponse(svar.response) : undefined]);
}

function readGiltighetstid(t: string, path: string): Giltighetstid {
  const g = GILTIGHETSTIDER.find((x) => x === t);
  if (!g)
    throw new ContractViolation(
      "xsd.enumeration",
      path,
      `"${t.slice(0, 40)}" is not one of ${GILTIGHETSTIDER.join(", ")}`,
    );
  return g;
}

function decodeSvar(e: XmlElement, path: string): FkSvar | null {
  checkAttributes(e, path, true);
  if (isNil(e)) {
    if (e.children.some((c) => c.kind === "element" || c.text.trim() !== ""))
      throw new ContractViolation("xsd.nil", path, "an element with xsi:nil must be empty");
    return null;
  }
  const r = new SequenceReader(e, path);
  const s: FkSvar = {};
  const set = <K extends keyof FkSvar>(k: K, v: FkSvar[K] | undefined) => {
    if (v !== undefined) s[k] = v;
  };
  set("anledning", optionalText(r, "anledning"));
  set("anledningNamn", optionalText(r, "anledningNamn"));
  set("ansokningsdatum", optionalDate(r, "ansokningsdatum"));
  set("arendeTyp", optionalText(r, "arendeTyp"));
  set("arendeTypNamn", optionalText(r, "arendeTypNamn"));
  set("beslutsKod", optionalText(r, "beslutsKod"));
  set("beslutsKodNamn", optionalText(r, "beslutsKodNamn"));
  set("beslutsTyp", optionalText(r, "beslutsTyp"));
  set("beslutsTypNamn", optionalText(r, "beslutsTypNamn"));
  set("beslutsdatum", optionalDate(r, "beslutsdatum"));
  set("fromDatum", optionalDate(r, "fromDatum"));
  const g = optionalText(r, "giltighetstid");
  set("giltighetstid", g === undefined ? undefined : readGiltighetstid(g, `${path}/giltighetstid`));
  set("tomDatum", optionalDate(r, "tomDatum"));
  r.end();
  return s;
}

/**
 * Strictly decodes an unqualified `response` element (type `fkResponse`).
 *
 * @example
 * decodeFkResponse(responseEl, "/findByPersonnummerResponse/response").correlationid
 */
export function decodeFkResponse(e: XmlElement, path = "/response"): FkResponse {
  if (e.ns !== U || e.local !== "response")
    throw new ContractViolation(
      "xml.element",
      path,
      `expected unqualified element response but found {${e.ns}}${e.local}`,
    );
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const korrelationsid = optionalText(r, "korrelationsid");
  const correlationid = text(r, "correlationid");
  const out: FkResponse =
    korrelationsid === undefined ? { correlationid } : { korrelationsid, correlationid };
  const set = <K extends keyof FkResponse>(k: K, v: FkResponse[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set("efternamn", optionalText(r, "efternamn"));
  set("fornamn", optionalText(r, "fornamn"));
  set("hemland", optionalText(r, "hemland"));
  set("inresedatum", optionalDate(r, "inresedatum"));
  set("personnummer", optionalText(r, "personnummer"));
  const collection = r.optional(U, "svarCollection");
  r.end();
  if (collection) {
    const cPath = `${path}/svarCollection`;
    checkAttributes(collection, cPath);
    const c = new SequenceReader(collection, cPath);
    const items = c.many(U, "svar");
    c.end();
    out.svarCollection = items.map((s, i) => decodeSvar(s, `${cPath}/svar[${i + 1}]`));
  }
  return out;
}

/**
 * Strictly decodes a `miv:findByPersonnummerResponse` element.
 *
 * @example
 * decodeFindByPersonnummerResponse(parseSoapEnvelope(xml).body).response?.svarCollection
 */
export function decodeFindByPersonnummerResponse(e: XmlElement): FindByPersonnummerResponse {
  const path = expectRoot(e, MIV_ELEMENT.svar);
  checkAttributes(e, path);
  const r = new SequenceReader(e, path);
  const responseEl = r.optional(U, "response");
  r.end();
  return responseEl ? { response: decodeFkResponse(responseEl, `${path}/response`) } : {};
}

// ---------------------------------------------------------------- fault

/**
 * Builds the `miv:SSBTEKSoapException` element placed in the SOAP Fault's `detail`.
 *
 * @example
 * encodeSsbtekSoapException({ faultCode: "MIV-001", faultString: "Ogiltigt personnummer" })
 */
export function encodeSsbtekSoapException(f: FkServiceFault): XmlElement {
  return el(MIV_NS, MIV_ELEMENT.fel, [
    leaf(U, "faultCode", f.faultCode),
    leaf(U, "faultString", f.faultString),
  ]);
}

/**
 * Strictly decodes a `miv:SSBTEKSoapException` element (nillable: `xsi:nil` gives `{}`).
 *
 * @example
 * decodeSsbtekSoapException(readSoapFault(body)!.detail!).faultCode // "MIV-001"
 */
export function decodeSsbtekSoapException(e: XmlElement): FkServiceFault {
  const path = expectRoot(e, MIV_ELEMENT.fel);
  checkAttributes(e, path, true);
  if (isNil(e)) return {};
  const r = new SequenceReader(e, path);
  const out: FkServiceFault = {};
  const faultCode = optionalText(r, "faultCode");
  if (faultCode !== undefined) out.faultCode = faultCode;
  const faultString = optionalText(r, "faultString");
  if (faultString !== undefined) out.faultString = faultString;
  r.end();
  return out;
}
