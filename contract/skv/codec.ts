import { ContractViolation, HarnessError, isHarnessError } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { BegransatMinne } from "../minne.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlElement, type XmlNode } from "../xml/node.js";
import { parseXml } from "../xml/parse.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { escapeAttr, escapeText, rememberEscaped } from "../xml/serialize.js";
import { readDate, readInt } from "../xml/xsd-types.js";
import {
  type BeskattningsuppgifterRequest,
  type BeskattningsuppgifterResponse,
  FRAGA_ROT,
  type FragaBeskattningsuppgifter,
  type Inkomstuppgift,
  type Kapitaluppgift,
  MAX_INKOMSTAR,
  MEDDELANDEKOD_MAX,
  MEDDELANDEKOD_MIN,
  MEDDELANDETEXT_MAX,
  type Personuppgift,
  type PersonuppgiftsbitradeSkv,
  SKV_DOKUMENT_NS,
  type SkvException,
  SVAR_ROT,
  type SvarBeskattningsuppgifter,
  SYSTEMVERSION_MAX,
} from "./model.js";

const SKV = NS.skv;
const { instans: I, besko: B, folko: F } = SKV_DOKUMENT_NS;

// ---------------------------------------------------------------------------------------------
// Small strict readers
// ---------------------------------------------------------------------------------------------

function nonEmpty(text: string, path: string): string {
  if (text.trim() === "") throw new ContractViolation("skv.nonEmpty", path, "value must not be empty");
  return text;
}

function lengthBetween(text: string, path: string, min: number, max: number): string {
  if (text.length < min || text.length > max)
    throw new ContractViolation("skv.length", path, `length ${text.length} is outside ${min}..${max}`);
  return text;
}

/** Whole kronor, never negative (the document carries surplus and deficit as separate fields). */
function belopp(text: string, path: string): number {
  return readInt(text, path, 0);
}

function expectRoot(e: XmlElement, ns: string, local: string, path: string): void {
  if (e.ns !== ns || e.local !== local)
    throw new ContractViolation(
      "xml.root",
      path,
      `expected element {${ns}}${local} but found {${e.ns}}${e.local}`,
    );
}

/**
 * Parses a document carried in a string field; a non-well-formed document or a DOCTYPE is a
 * contract violation of that field.
 */
function parseDokument(text: string, path: string): XmlElement {
  try {
    return parseXml(text);
  } catch (e) {
    if (isHarnessError(e)) throw new ContractViolation("skv.dokument.xml", path, e.message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Document serializer: Skatteverket's style, instans namespace as the default namespace
// ---------------------------------------------------------------------------------------------

const DOKUMENT_PREFIX: ReadonlyMap<string, string> = new Map([
  [B, "besko"],
  [F, "folko"],
]);

/**
 * Serializes a question or answer document the way Skatteverket writes them: XML declaration,
 * the instans namespace as default namespace, `besko:`/`folko:` declared on the root. Every
 * element must be in one of those three namespaces (so no unqualified element can be captured
 * by the default namespace). Deterministic: same tree, same bytes. The document's escaped form
 * (as a composite answer carries it as text) is written alongside and remembered
 * (`rememberEscaped`), so it is not searched and rebuilt when the answer is written.
 *
 * @example
 * serializeSkvDokument(el(SKV_DOKUMENT_NS.instans, "SvarBeskattningsuppgifterEnligtSFS2008-975", [...]))
 */
export function serializeSkvDokument(root: XmlElement): string {
  const w = new Dokumentskrivare();
  skrivDokumentnod(root, true, w);
  return rememberEscaped(DEKLARATION + w.text, DEKLARATION_ESCAPED + w.escaped);
}

// Every answer writes the same few element names: each qualified name is built once. Strings
// built by concatenation, not parts arrays joined: fewer throw-away objects per answer.
const DEKLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ROT_XMLNS = ` xmlns="${escapeAttr(I)}" xmlns:besko="${escapeAttr(B)}" xmlns:folko="${escapeAttr(F)}"`;
const DEKLARATION_ESCAPED = escapeText(DEKLARATION);
const ROT_XMLNS_ESCAPED = escapeText(ROT_XMLNS);
// Per namespace of a document, its qualified element names, each built once (bounded: a library
// user may write documents of their own).
const DOKUMENTNAMN = new BegransatMinne<string, BegransatMinne<string, string>>(16, (ns) => {
  const prefix = DOKUMENT_PREFIX.get(ns) as string;
  return new BegransatMinne(512, (local) => `${prefix}:${local}`);
});

function dokumentnamn(node: XmlElement): string {
  if (node.ns === I) return node.local;
  if (!DOKUMENT_PREFIX.has(node.ns))
    throw new HarnessError(
      "SKV_DOKUMENT_NAMESPACE",
      `Element ${node.local} in namespace "${node.ns}" cannot be written in a Skatteverket document.`,
    );
  return DOKUMENTNAMN.hamta(node.ns).hamta(node.local);
}

/**
 * A document's text and, piece by piece, that text escaped as XML character data (escaping is per
 * character, so the escaped pieces joined are the escaped whole). Element names hold no character
 * to escape; the markup around them is escaped here once.
 */
class Dokumentskrivare {
  text = "";
  escaped = "";
}

function skrivDokumentnod(node: XmlNode, isRoot: boolean, w: Dokumentskrivare): void {
  if (node.kind === "text") {
    const t = escapeText(node.text);
    w.text += t;
    w.escaped += escapeText(t);
    return;
  }
  const name = dokumentnamn(node);
  w.text += `<${name}`;
  w.escaped += `&lt;${name}`;
  if (isRoot) {
    w.text += ROT_XMLNS;
    w.escaped += ROT_XMLNS_ESCAPED;
  }
  for (const a of node.attrs) {
    if (a.ns !== "")
      throw new HarnessError("SKV_DOKUMENT_NAMESPACE", `Qualified attribute ${a.local} is not supported.`);
    const attr = ` ${a.local}="${escapeAttr(a.value)}"`;
    w.text += attr;
    w.escaped += escapeText(attr);
  }
  if (node.children.length === 0) {
    w.text += "/>";
    w.escaped += "/&gt;";
    return;
  }
  w.text += ">";
  w.escaped += "&gt;";
  for (const c of node.children) skrivDokumentnod(c, false, w);
  w.text += `</${name}>`;
  w.escaped += `&lt;/${name}&gt;`;
}

// ---------------------------------------------------------------------------------------------
// SOAP payloads
// ---------------------------------------------------------------------------------------------

/**
 * `skv:BeskattningsuppgifterRequest` with its unqualified `forfragan`.
 *
 * @example
 * encodeBeskattningsuppgifterRequest({ forfragan: encodeFraga(fraga) })
 */
export function encodeBeskattningsuppgifterRequest(r: BeskattningsuppgifterRequest): XmlElement {
  return el(SKV, "BeskattningsuppgifterRequest", [el("", "forfragan", [r.forfragan])]);
}

/**
 * Strict decode of `skv:BeskattningsuppgifterRequest`: exactly one unqualified `forfragan`.
 * Throws {@link ContractViolation} naming the path.
 */
export function decodeBeskattningsuppgifterRequest(e: XmlElement): BeskattningsuppgifterRequest {
  const path = "/BeskattningsuppgifterRequest";
  expectRoot(e, SKV, "BeskattningsuppgifterRequest", path);
  const r = new SequenceReader(e, path);
  const forfragan = r.text("", "forfragan");
  r.end();
  return { forfragan };
}

/**
 * `skv:BeskattningsuppgifterResponse` with its unqualified `svar`.
 *
 * @example
 * encodeBeskattningsuppgifterResponse({ svar: encodeSvar(modell) })
 */
export function encodeBeskattningsuppgifterResponse(r: BeskattningsuppgifterResponse): XmlElement {
  return el(SKV, "BeskattningsuppgifterResponse", [el("", "svar", [r.svar])]);
}

/** Strict decode of `skv:BeskattningsuppgifterResponse`. */
export function decodeBeskattningsuppgifterResponse(e: XmlElement): BeskattningsuppgifterResponse {
  const path = "/BeskattningsuppgifterResponse";
  expectRoot(e, SKV, "BeskattningsuppgifterResponse", path);
  const r = new SequenceReader(e, path);
  const svar = r.text("", "svar");
  r.end();
  return { svar };
}

/**
 * `skv:Exception` (`FaultTYPE`): the SOAP Fault detail. Texts are cut to the schema's maximum
 * length so a long message can never make the fault itself invalid.
 *
 * @example
 * encodeSkvException({ MeddelandeKod: 9071001, MeddelandeText: "Ogiltig identitetsbeteckning.", Systemversion: "10.4.2" })
 */
export function encodeSkvException(x: SkvException): XmlElement {
  const cut = (s: string | undefined, max: number) =>
    s === undefined || s === "" ? undefined : s.slice(0, max);
  return el(SKV, "Exception", [
    leaf("", "MeddelandeKod", x.MeddelandeKod),
    leaf("", "MeddelandeText", cut(x.MeddelandeText, MEDDELANDETEXT_MAX)),
    leaf("", "Systemversion", cut(x.Systemversion, SYSTEMVERSION_MAX)),
  ]);
}

/** Strict decode of `skv:Exception`: code range and text lengths as in the schema. */
export function decodeSkvException(e: XmlElement): SkvException {
  const path = "/Exception";
  expectRoot(e, SKV, "Exception", path);
  const r = new SequenceReader(e, path);
  const kod = r.optionalText("", "MeddelandeKod");
  const text = r.optionalText("", "MeddelandeText");
  const version = r.optionalText("", "Systemversion");
  r.end();
  const out: SkvException = {};
  if (kod !== undefined)
    out.MeddelandeKod = readInt(kod, `${path}/MeddelandeKod`, MEDDELANDEKOD_MIN, MEDDELANDEKOD_MAX);
  if (text !== undefined)
    out.MeddelandeText = lengthBetween(text, `${path}/MeddelandeText`, 1, MEDDELANDETEXT_MAX);
  if (version !== undefined)
    out.Systemversion = lengthBetween(version, `${path}/Systemversion`, 1, SYSTEMVERSION_MAX);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Question document
// ---------------------------------------------------------------------------------------------

/**
 * The question document as the string that goes into `forfragan`.
 *
 * @example
 * encodeFraga({ Ingivare: {...}, PersonuppgiftsbitradeLista: [], Referensnummer: "A-1", Syfte, Lagrum,
 *   IdentitetsbeteckningFysiskPerson: "199608239829", Frageperiod: {...}, Inkomstar: [2025, 2024] })
 */
export function encodeFraga(f: FragaBeskattningsuppgifter): string {
  return serializeSkvDokument(fragedokument(f));
}

/**
 * The question document as a tree (what {@link encodeFraga} writes).
 *
 * @example
 * fragedokument(fraga).local // "FragaBeskattningsuppgifterEnligtSFS2008-975"
 */
export function fragedokument(f: FragaBeskattningsuppgifter): XmlElement {
  const bitraden = f.PersonuppgiftsbitradeLista.map((p) =>
    el(I, "Personuppgiftsbitrade", [
      leaf(I, "Ordningsnummer", p.Ordningsnummer),
      el(I, "Organisationsnummer", [p.Organisationsnummer]),
      el(I, "Namn", [p.Namn]),
    ]),
  );
  return el(I, FRAGA_ROT, [
    el(I, "Ingivare", [
      el(I, "OrganisationsnummerIngivare", [f.Ingivare.OrganisationsnummerIngivare]),
      el(I, "NamnIngivare", [f.Ingivare.NamnIngivare]),
      el(I, "Handlaggare", [f.Ingivare.Handlaggare]),
    ]),
    bitraden.length > 0 ? el(I, "PersonuppgiftsbitradeLista", bitraden) : undefined,
    el(I, "Referensnummer", [f.Referensnummer]),
    el(I, "Syfte", [f.Syfte]),
    el(I, "Lagrum", [f.Lagrum]),
    el(F, "IdentitetsbeteckningFysiskPerson", [f.IdentitetsbeteckningFysiskPerson]),
    el(I, "Frageperiod", [
      el(I, "FromDatum", [f.Frageperiod.FromDatum]),
      el(I, "TomDatum", [f.Frageperiod.TomDatum]),
    ]),
    el(
      I,
      "InkomstarLista",
      f.Inkomstar.map((ar) => el(B, "Inkomstar", [String(ar)])),
    ),
  ]);
}

/**
 * SSBT's questions in-process: the `forfragan` written and the document tree it was written from,
 * which the simulator then needs not parse back (see {@link KodadeTrad}).
 */
export const SKV_FRAGOR = new KodadeTrad<BeskattningsuppgifterRequest & { dokument: XmlElement }>();

/**
 * Strict decode of the question document inside `forfragan`. Element order, cardinalities,
 * dates and years are checked; the business rules (identity check digit, organisationsnummer
 * pattern, which years may be asked) are Skatteverket's own checks in the simulator.
 * `dokument`, when known (in-process, {@link SKV_FRAGOR}), is the tree `text` was written from: it
 * is decoded instead of parsing `text` back. Throws {@link ContractViolation} naming the path.
 */
export function decodeFraga(text: string, dokument?: XmlElement): FragaBeskattningsuppgifter {
  const base = "/BeskattningsuppgifterRequest/forfragan";
  const root = dokument ?? parseDokument(text, base);
  const path = `${base}/${FRAGA_ROT}`;
  expectRoot(root, I, FRAGA_ROT, path);
  const r = new SequenceReader(root, path);

  const ingivareEl = r.one(I, "Ingivare");
  const ir = new SequenceReader(ingivareEl, `${path}/Ingivare`);
  const Ingivare = {
    OrganisationsnummerIngivare: nonEmpty(
      ir.text(I, "OrganisationsnummerIngivare"),
      `${path}/Ingivare/OrganisationsnummerIngivare`,
    ),
    NamnIngivare: nonEmpty(ir.text(I, "NamnIngivare"), `${path}/Ingivare/NamnIngivare`),
    Handlaggare: nonEmpty(ir.text(I, "Handlaggare"), `${path}/Ingivare/Handlaggare`),
  };
  ir.end();

  const PersonuppgiftsbitradeLista: PersonuppgiftsbitradeSkv[] = [];
  const listaEl = r.optional(I, "PersonuppgiftsbitradeLista");
  if (listaEl) {
    const lp = `${path}/PersonuppgiftsbitradeLista`;
    const lr = new SequenceReader(listaEl, lp);
    for (const p of lr.many(I, "Personuppgiftsbitrade", 1)) {
      const pp = `${lp}/Personuppgiftsbitrade`;
      const pr = new SequenceReader(p, pp);
      const ordning = pr.optionalText(I, "Ordningsnummer");
      const bitrade: PersonuppgiftsbitradeSkv = {
        Organisationsnummer: nonEmpty(pr.text(I, "Organisationsnummer"), `${pp}/Organisationsnummer`),
        Namn: nonEmpty(pr.text(I, "Namn"), `${pp}/Namn`),
      };
      if (ordning !== undefined)
        bitrade.Ordningsnummer = readInt(ordning, `${pp}/Ordningsnummer`, -32768, 32767);
      pr.end();
      PersonuppgiftsbitradeLista.push(bitrade);
    }
    lr.end();
  }

  const Referensnummer = nonEmpty(r.text(I, "Referensnummer"), `${path}/Referensnummer`);
  const Syfte = nonEmpty(r.text(I, "Syfte"), `${path}/Syfte`);
  const Lagrum = nonEmpty(r.text(I, "Lagrum"), `${path}/Lagrum`);
  const IdentitetsbeteckningFysiskPerson = r.text(F, "IdentitetsbeteckningFysiskPerson").trim();

  const periodEl = r.one(I, "Frageperiod");
  const pr = new SequenceReader(periodEl, `${path}/Frageperiod`);
  const Frageperiod = {
    FromDatum: readDate(pr.text(I, "FromDatum"), `${path}/Frageperiod/FromDatum`),
    TomDatum: readDate(pr.text(I, "TomDatum"), `${path}/Frageperiod/TomDatum`),
  };
  pr.end();
  if (Frageperiod.FromDatum.slice(0, 10) > Frageperiod.TomDatum.slice(0, 10))
    throw new ContractViolation("skv.frageperiod", `${path}/Frageperiod`, "FromDatum is after TomDatum");

  const arEl = r.one(I, "InkomstarLista");
  const ap = `${path}/InkomstarLista`;
  const ar = new SequenceReader(arEl, ap);
  const Inkomstar = ar
    .many(B, "Inkomstar", 1, MAX_INKOMSTAR)
    .map((e) => readInt(leafText(e, `${ap}/Inkomstar`), `${ap}/Inkomstar`, 1000, 9999));
  ar.end();
  if (new Set(Inkomstar).size !== Inkomstar.length)
    throw new ContractViolation(
      "skv.inkomstar.unique",
      `${ap}/Inkomstar`,
      "an income year is asked for more than once",
    );
  r.end();

  return {
    Ingivare,
    PersonuppgiftsbitradeLista,
    Referensnummer,
    Syfte,
    Lagrum,
    IdentitetsbeteckningFysiskPerson,
    Frageperiod,
    Inkomstar,
  };
}

// ---------------------------------------------------------------------------------------------
// Answer document
// ---------------------------------------------------------------------------------------------

function encodePersonuppgift(p: Personuppgift): XmlElement {
  return el(I, "Personuppgift", [
    el(F, "IdentitetsbeteckningFysiskPerson", [p.IdentitetsbeteckningFysiskPerson]),
    leaf(F, "Fornamn", p.Fornamn),
    leaf(F, "Efternamn", p.Efternamn),
    el(I, "StatusPersonuppgiftKod", [p.StatusPersonuppgiftKod]),
    p.Kapitaluppgift.map((k) =>
      el(I, "Kapitaluppgift", [
        leaf(B, "Taxeringsar", k.Taxeringsar),
        leaf(B, "SummaIntakterPaKapital", k.SummaIntakterPaKapital),
        leaf(B, "OverskottPaKapital", k.OverskottPaKapital),
        leaf(B, "UnderskottPaKapital", k.UnderskottPaKapital),
      ]),
    ),
    p.Inkomstuppgift.map((u) =>
      el(I, "Inkomstuppgift", [
        leaf(B, "Taxeringsar", u.Taxeringsar),
        leaf(B, "LonFormanerSjukpenning", u.LonFormanerSjukpenning),
        leaf(B, "AllmanPensionOchTjanstepension", u.AllmanPensionOchTjanstepension),
        leaf(B, "OverskottAvAktivNaringsverksamhet", u.OverskottAvAktivNaringsverksamhet),
        leaf(B, "InkomstSarskildInkomstskatt", u.InkomstSarskildInkomstskatt),
        leaf(B, "FaststalldForvarvsinkomst", u.FaststalldForvarvsinkomst),
      ]),
    ),
  ]);
}

/**
 * The answer document as the string that goes into `svar` (with XML declaration, as Skatteverket
 * sends it).
 *
 * @example
 * encodeSvar({ PersonuppgiftLista: [{ IdentitetsbeteckningFysiskPerson: "196507309901",
 *   StatusPersonuppgiftKod: "010", Kapitaluppgift: [], Inkomstuppgift: [] }] })
 */
export function encodeSvar(s: SvarBeskattningsuppgifter): string {
  return serializeSkvDokument(svarsdokument(s));
}

/**
 * The answer document as a tree (what {@link encodeSvar} writes).
 *
 * @example
 * svarsdokument({ PersonuppgiftLista: [] }).local // "SvarBeskattningsuppgifterEnligtSFS2008-975"
 */
export function svarsdokument(s: SvarBeskattningsuppgifter): XmlElement {
  return el(I, SVAR_ROT, [el(I, "PersonuppgiftLista", s.PersonuppgiftLista.map(encodePersonuppgift))]);
}

/**
 * The simulator's answers in-process: the `svar` written and the document tree it was written from,
 * which SSBT's client then needs not parse back (see {@link KodadeTrad}).
 */
export const SKV_SVAR = new KodadeTrad<BeskattningsuppgifterResponse & { dokument: XmlElement }>();

function decodeKapitaluppgift(e: XmlElement, path: string): Kapitaluppgift {
  const r = new SequenceReader(e, path);
  const k: Kapitaluppgift = {
    Taxeringsar: readInt(r.text(B, "Taxeringsar"), `${path}/Taxeringsar`, 1000, 9999),
    SummaIntakterPaKapital: belopp(r.text(B, "SummaIntakterPaKapital"), `${path}/SummaIntakterPaKapital`),
    OverskottPaKapital: belopp(r.text(B, "OverskottPaKapital"), `${path}/OverskottPaKapital`),
  };
  const under = r.optionalText(B, "UnderskottPaKapital");
  if (under !== undefined) k.UnderskottPaKapital = belopp(under, `${path}/UnderskottPaKapital`);
  r.end();
  return k;
}

const INKOMST_FALT = [
  "LonFormanerSjukpenning",
  "AllmanPensionOchTjanstepension",
  "OverskottAvAktivNaringsverksamhet",
  "InkomstSarskildInkomstskatt",
  "FaststalldForvarvsinkomst",
] as const;

function decodeInkomstuppgift(e: XmlElement, path: string): Inkomstuppgift {
  const r = new SequenceReader(e, path);
  const u: Inkomstuppgift = {
    Taxeringsar: readInt(r.text(B, "Taxeringsar"), `${path}/Taxeringsar`, 1000, 9999),
  };
  for (const falt of INKOMST_FALT) {
    const v = r.optionalText(B, falt);
    if (v !== undefined) u[falt] = belopp(v, `${path}/${falt}`);
  }
  r.end();
  return u;
}

/**
 * Strict decode of the answer document inside `svar`. Throws {@link ContractViolation} naming
 * the path.
 */
export function decodeSvar(text: string): SvarBeskattningsuppgifter {
  const base = "/BeskattningsuppgifterResponse/svar";
  const root = parseDokument(text, base);
  const path = `${base}/${SVAR_ROT}`;
  expectRoot(root, I, SVAR_ROT, path);
  const r = new SequenceReader(root, path);
  const lp = `${path}/PersonuppgiftLista`;
  const lr = new SequenceReader(r.one(I, "PersonuppgiftLista"), lp);
  const PersonuppgiftLista = lr.many(I, "Personuppgift", 1).map((p, i) => {
    const pp = `${lp}/Personuppgift[${i + 1}]`;
    const pr = new SequenceReader(p, pp);
    const IdentitetsbeteckningFysiskPerson = pr.text(F, "IdentitetsbeteckningFysiskPerson");
    if (!/^\d{12}$/.test(IdentitetsbeteckningFysiskPerson))
      throw new ContractViolation(
        "skv.identitet",
        `${pp}/IdentitetsbeteckningFysiskPerson`,
        "must be 12 digits",
      );
    const Fornamn = pr.optionalText(F, "Fornamn");
    const Efternamn = pr.optionalText(F, "Efternamn");
    const StatusPersonuppgiftKod = nonEmpty(
      pr.text(I, "StatusPersonuppgiftKod"),
      `${pp}/StatusPersonuppgiftKod`,
    );
    const Kapitaluppgift = pr
      .many(I, "Kapitaluppgift")
      .map((k) => decodeKapitaluppgift(k, `${pp}/Kapitaluppgift`));
    const Inkomstuppgift = pr
      .many(I, "Inkomstuppgift")
      .map((u) => decodeInkomstuppgift(u, `${pp}/Inkomstuppgift`));
    pr.end();
    const person: Personuppgift = {
      IdentitetsbeteckningFysiskPerson,
      StatusPersonuppgiftKod,
      Kapitaluppgift,
      Inkomstuppgift,
    };
    if (Fornamn !== undefined) person.Fornamn = Fornamn;
    if (Efternamn !== undefined) person.Efternamn = Efternamn;
    return person;
  });
  lr.end();
  r.end();
  return { PersonuppgiftLista };
}
