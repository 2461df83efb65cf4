import { ContractViolation } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { childElements, el, INGA_ATTR, leaf, type XmlElement } from "../xml/node.js";
import { parseXml } from "../xml/parse.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { serializeXml } from "../xml/serialize.js";
import {
  type Arenden,
  type Belopp,
  type Beviljadtid,
  CSN_NS,
  CSN_PREFIXES,
  type CsnPerson,
  type CsnSvar,
  FRAGA_FALT,
  FRAGA_OBLIGATORISKA,
  type HutArende,
  type OssArende,
  type SbnUppgEkBistandBegar,
  type Sokttid,
  type StudiestodArende,
  type Studiestodstypforteckning,
  type Utbetaldtid,
  type Utbetalning,
} from "./model.js";

/** The simulator's answers in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const CSN_SVAR = new KodadeTrad<CsnSvar>();

/** SSBT's questions in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const CSN_FRAGOR = new KodadeTrad<SbnUppgEkBistandBegar>();

const K = CSN_NS.kommunfraga;
const P = CSN_NS.person;
const G = CSN_NS.csntyper;
const S = CSN_NS.sambruk;

// ---------------------------------------------------------------------------------------------
// Simple types of csntyper.xsd (and the attribute types of the stödform schemas)
// ---------------------------------------------------------------------------------------------

/** The facets of one simple type. */
interface Facett {
  maxLength?: number;
  pattern?: RegExp;
  enumeration?: readonly string[];
}

const SIFFROR = /^[0-9]+$/;

/** The simple types of csntyper.xsd, by name, with their facets. */
export const CSN_TYPER = {
  ResultatKod: { maxLength: 20 },
  ResultatText: { maxLength: 100 },
  personnummer: { maxLength: 10, pattern: /^[0-9][0-9][0-1][0-9][0-3][0-9][0-9][0-9][0-9][0-9]$/ },
  sekel: { pattern: /^(18|19|20)$/ },
  schemaVersion: { pattern: /^[+-]?(\d+(\.\d*)?|\.\d+)$/ },
  belopp: { maxLength: 7, pattern: /^-?[0-9]+$/ },
  relarende: { maxLength: 3, pattern: SIFFROR },
  klartext: { maxLength: 40 },
  sekretess: { maxLength: 2 },
  stodform: { maxLength: 6 },
  beloppstyp: { maxLength: 6 },
  status: {
    maxLength: 10,
    enumeration: ["          ", "BESLUTAD", "INITIERAD", "AVSLUTAD", "BESLUTAT", "INITIERAT", "AVSLUTAT"],
  },
  personstatus: { maxLength: 10, enumeration: ["          ", "Ej träff"] },
  datum: { maxLength: 8, pattern: SIFFROR },
  vecka: { maxLength: 8, pattern: SIFFROR },
  takt: { maxLength: 3, enumeration: ["0", "20", "40", "50", "60", "75", "100"] },
  gr_takt: { maxLength: 3, pattern: SIFFROR },
  utbetstatus: { maxLength: 10, enumeration: ["Utbetald", "Planerad", "UTBETALAD"] },
  soktlan: { maxLength: 1, enumeration: [" ", "J"] },
  lopnummer: { maxLength: 3, pattern: SIFFROR },
  hutLopnummer: { maxLength: 7, pattern: SIFFROR },
  medlanare: { maxLength: 12 },
  text: {},
} as const satisfies Record<string, Facett>;

export type CsnTyp = keyof typeof CSN_TYPER;

// A value as a message shows it, built only for a message (every field of every answer is checked):
// never a value that could be a personnummer.
function visa(value: string, typ: CsnTyp): string {
  return typ === "personnummer" || typ === "medlanare" ? "value" : `"${value.slice(0, 40)}"`;
}

/**
 * Checks a value against one csntyper simple type; throws a {@link ContractViolation} naming
 * the path and the facet.
 *
 * @example
 * kontrolleraTyp("20261125", "datum", "/CSNSvar/…/utbetdatum") // "20261125"
 */
export function kontrolleraTyp(value: string, typ: CsnTyp, path: string): string {
  const f: Facett = CSN_TYPER[typ];
  // Counted in code points as the XSD counts; no more UTF-16 units than the limit never exceeds it.
  if (f.maxLength !== undefined && value.length > f.maxLength && [...value].length > f.maxLength)
    throw new ContractViolation(
      `csn.${typ}.maxLength`,
      path,
      `${visa(value, typ)} is longer than ${f.maxLength} characters`,
    );
  if (f.pattern && !f.pattern.test(value))
    throw new ContractViolation(
      `csn.${typ}.pattern`,
      path,
      `${visa(value, typ)} does not match the ${typ} pattern`,
    );
  if (f.enumeration && !f.enumeration.includes(value))
    throw new ContractViolation(`csn.${typ}.enumeration`, path, `${visa(value, typ)} is not a ${typ} value`);
  return value;
}

/** Refuses unqualified attributes other than `allowed` (xsi:* is always allowed, as in XSD). */
function bara(e: XmlElement, allowed: readonly string[], path: string): void {
  for (const a of e.attrs) {
    if (a.ns === "" && !allowed.includes(a.local))
      throw new ContractViolation("xml.attribute", `${path}/@${a.local}`, `unexpected attribute ${a.local}`);
    if (a.ns !== "" && a.ns !== "http://www.w3.org/2001/XMLSchema-instance")
      throw new ContractViolation(
        "xml.attribute",
        `${path}/@${a.local}`,
        `unexpected attribute {${a.ns}}${a.local}`,
      );
  }
}

function attrText(e: XmlElement, name: string): string | undefined {
  return e.attrs.find((a) => a.ns === "" && a.local === name)?.value;
}

function attrKrav(e: XmlElement, name: string, path: string): string {
  const v = attrText(e, name);
  if (v === undefined)
    throw new ContractViolation("xml.attribute", `${path}/@${name}`, `attribute ${name} is required`);
  return v;
}

/** Text of a required leaf of type `typ`. */
function lov(r: SequenceReader, ns: string, local: string, typ: CsnTyp): string {
  const e = r.one(ns, local);
  bara(e, [], `${r.path}/${local}`);
  return kontrolleraTyp(leafText(e, `${r.path}/${local}`), typ, `${r.path}/${local}`);
}

/** Text of an optional leaf of type `typ`. */
function valfrittLov(r: SequenceReader, ns: string, local: string, typ: CsnTyp): string | undefined {
  const e = r.optional(ns, local);
  if (!e) return undefined;
  bara(e, [], `${r.path}/${local}`);
  return kontrolleraTyp(leafText(e, `${r.path}/${local}`), typ, `${r.path}/${local}`);
}

// ---------------------------------------------------------------------------------------------
// The question
// ---------------------------------------------------------------------------------------------

/**
 * Builds the question element `csn:SBNUppgEkBistandBegar` (or, with `local`, the echo
 * `csn:GemensamtFragaEkbistand`). Absent optional fields are left out.
 *
 * @example
 * encodeFraga({ SchemaVersion: "4.0", Kommun: "212000-2411", … })
 */
export function encodeFraga(
  f: Partial<SbnUppgEkBistandBegar>,
  local = "SBNUppgEkBistandBegar",
  ns: string = K,
): XmlElement {
  // The fields present, as leaves: the tree `el` builds from every field's `leaf`, without the
  // lists it copies (SSBT writes a question and CSN echoes it in every answer).
  const falt: XmlElement[] = [];
  for (const n of FRAGA_FALT) {
    const v = f[n];
    if (v !== undefined) falt.push(textEl(S, n, v));
  }
  const attrs =
    f.SchemaVersion !== undefined ? [{ ns: "", local: "SchemaVersion", value: f.SchemaVersion }] : INGA_ATTR;
  return { kind: "element", ns, local, attrs, children: falt };
}

/**
 * Strictly decodes a question: root element, the required `SchemaVersion` attribute, every
 * field in order, the required ones present, text only. Value rules (lengths, formats, dates)
 * are CSN's own result codes and are checked by the simulator, not here.
 *
 * @example
 * decodeFraga(parseXml(xml)).HushallsMedlemsId // "0304129810"
 */
export function decodeFraga(
  e: XmlElement,
  path = "/SBNUppgEkBistandBegar",
  ns: string = K,
): SbnUppgEkBistandBegar {
  if (e.ns !== ns || e.local !== "SBNUppgEkBistandBegar")
    throw new ContractViolation(
      "csn.fraga.root",
      path,
      `expected {${ns}}SBNUppgEkBistandBegar, found {${e.ns}}${e.local}`,
    );
  bara(e, ["SchemaVersion"], path);
  const r = new SequenceReader(e, path);
  const out: Partial<SbnUppgEkBistandBegar> = { SchemaVersion: attrKrav(e, "SchemaVersion", path) };
  for (const n of FRAGA_FALT) {
    const v = (FRAGA_OBLIGATORISKA as readonly string[]).includes(n) ? r.one(S, n) : r.optional(S, n);
    if (!v) continue;
    bara(v, [], `${path}/${n}`);
    out[n] = leafText(v, `${path}/${n}`);
  }
  r.end();
  return out as SbnUppgEkBistandBegar;
}

/**
 * Reads the echoed question of an answer leniently: the Sambruk schema is not published, so
 * known fields are taken wherever they are and anything else is ignored.
 */
function decodeEko(e: XmlElement, path: string): Partial<SbnUppgEkBistandBegar> {
  const out: Partial<SbnUppgEkBistandBegar> = {};
  const v = attrText(e, "SchemaVersion");
  if (v !== undefined) out.SchemaVersion = v;
  for (const c of childElements(e)) {
    const n = FRAGA_FALT.find((x) => x === c.local);
    if (n && c.ns === S && out[n] === undefined) out[n] = leafText(c, `${path}/${n}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The answer: encode
// ---------------------------------------------------------------------------------------------

/**
 * A leaf element holding `text`: the tree `el(ns, local, [text])` builds, without the list `el`
 * copies (an answer has hundreds of leaves).
 */
function textEl(ns: string, local: string, text: string): XmlElement {
  return { kind: "element", ns, local, attrs: INGA_ATTR, children: [{ kind: "text", text }] };
}

function encodeBelopp(b: Belopp): XmlElement {
  return el(G, "Belopp", [
    textEl(G, "beloppstyp", b.beloppstyp),
    textEl(G, "klartext", b.klartext),
    textEl(G, "belopp", b.belopp),
    textEl(G, "totbelopp", b.totbelopp),
  ]);
}

function encodeSokttid(ns: string, s: Sokttid): XmlElement {
  return el(ns, "soktTid", [
    textEl(G, "soktfrom", s.soktfrom),
    textEl(G, "sokttom", s.sokttom),
    textEl(G, "soktomfattning", s.soktomfattning),
    leaf(G, "soktlan", s.soktlan),
  ]);
}

function encodeBeviljadtid(ns: string, b: Beviljadtid): XmlElement {
  return el(ns, "BeviljadTid", [
    textEl(G, "starttid", b.starttid),
    textEl(G, "sluttid", b.sluttid),
    leaf(G, "takt", b.takt),
    leaf(G, "gr_takt", b.gr_takt),
    el(G, "Beloppen", b.Beloppen.map(encodeBelopp)),
    textEl(G, "totbelopp", b.totbelopp),
  ]);
}

function encodeUtbetaldtid(u: Utbetaldtid): XmlElement {
  return el(G, "Utbetaldtid", [
    leaf(G, "startvecka", u.startvecka),
    leaf(G, "slutvecka", u.slutvecka),
    el(G, "Beloppen", u.Beloppen.map(encodeBelopp)),
    textEl(G, "totbelopp", u.totbelopp),
  ]);
}

function encodeUtbetalning(ns: string, u: Utbetalning): XmlElement {
  return el(ns, "Utbetalning", [
    textEl(G, "utbetdatum", u.utbetdatum),
    textEl(G, "utbetstatus", u.utbetstatus),
    el(G, "Utbetaldatider", u.Utbetaldatider.map(encodeUtbetaldtid)),
    textEl(G, "totbelopp", u.totbelopp),
  ]);
}

function encodeStudiestodArende(
  ns: string,
  a: StudiestodArende | OssArende,
  medRelarende = true,
): XmlElement {
  return el(
    P,
    "Arende",
    [
      textEl(ns, "stodform", a.stodform),
      textEl(ns, "klartext", a.klartext),
      textEl(ns, "status", a.status),
      // The OSS schema has no relarende: never write one there, whatever the model holds.
      medRelarende && "relarende" in a ? leaf(ns, "relarende", a.relarende) : undefined,
      el(
        ns,
        "soktaTider",
        a.soktaTider.map((s) => encodeSokttid(ns, s)),
      ),
      el(
        ns,
        "BeviljadeTider",
        a.BeviljadeTider.map((b) => encodeBeviljadtid(ns, b)),
      ),
      el(
        ns,
        "UtbetalningsPlan",
        a.UtbetalningsPlan.map((u) => encodeUtbetalning(ns, u)),
      ),
    ],
    { lopnummer: a.lopnummer },
  );
}

function encodeHutArende(a: HutArende): XmlElement {
  const ns = CSN_NS.hemutrustningslan;
  const attrs: Record<string, string> = { lopnummer: a.lopnummer };
  if (a.medlanare !== undefined) attrs.medlanare = a.medlanare;
  return el(
    P,
    "Arende",
    [
      textEl(ns, "stodform", a.stodform),
      textEl(ns, "klartext", a.klartext),
      textEl(ns, "status", a.status),
      el(
        ns,
        "UtbetalningsPlan",
        a.UtbetalningsPlan.map((u) => encodeUtbetalning(ns, u)),
      ),
    ],
    attrs,
  );
}

function encodeArenden<A>(local: string, block: Arenden<A>, one: (a: A) => XmlElement): XmlElement {
  return el(P, local, [block.Arenden ? el(P, "Arenden", block.Arenden.map(one)) : undefined]);
}

function encodePerson(p: CsnPerson): XmlElement {
  const attrs: Record<string, string> = { personnummer: p.personnummer };
  if (p.Status !== undefined) attrs.Status = p.Status;
  if (p.sekretess !== undefined) attrs.sekretess = p.sekretess;
  if (p.sekel !== undefined) attrs.sekel = p.sekel;
  const f = p.Studiestodstypforteckning;
  return el(
    K,
    "Person",
    [
      el(P, "Studiestodstypforteckning", [
        textEl(G, "studiemedel", f.studiemedel),
        textEl(G, "studiehjalp", f.studiehjalp),
        textEl(G, "hemutrustningslan", f.hemutrustningslan),
        textEl(G, "studiestartsstod", f.studiestartsstod),
        textEl(G, "omstallningsstudiestod", f.omstallningsstudiestod),
      ]),
      encodeArenden("Studiemedel", p.Studiemedel, (a) => encodeStudiestodArende(CSN_NS.studiemedel, a)),
      encodeArenden("Studiehjalp", p.Studiehjalp, (a) => encodeStudiestodArende(CSN_NS.studiehjalp, a)),
      encodeArenden("HemutrustningsLan", p.HemutrustningsLan, encodeHutArende),
      encodeArenden("Studiestartsstod", p.Studiestartsstod, (a) =>
        encodeStudiestodArende(CSN_NS.studiestartsstod, a),
      ),
      encodeArenden("Omstallningsstudiestod", p.Omstallningsstudiestod, (a) =>
        encodeStudiestodArende(CSN_NS.omstallningsstudiestod, a, false),
      ),
    ],
    attrs,
  );
}

/**
 * Builds CSN's answer element `csn:CSNSvar`. `fraga`: the tree of the question the answer echoes,
 * when it is `encodeFraga(s.GemensamtFragaEkbistand)` (in-process, SSBT's own question tree).
 *
 * @example
 * serializeXml(encodeCsnSvar(svar), { prefixes: CSN_PREFIXES })
 */
export function encodeCsnSvar(s: CsnSvar, fraga?: XmlElement): XmlElement {
  // The echo has the question's attribute and leaves: those of its tree when given, not built again.
  const eko: XmlElement = fraga
    ? {
        kind: "element",
        ns: K,
        local: "GemensamtFragaEkbistand",
        attrs: fraga.attrs,
        children: fraga.children,
      }
    : encodeFraga(s.GemensamtFragaEkbistand, "GemensamtFragaEkbistand");
  return el(
    K,
    "CSNSvar",
    [
      el(K, "GemensamtSvarEkbistand", [
        el(K, "Resultat", [
          textEl(K, "ResultatKod", s.Resultat.ResultatKod),
          textEl(K, "ResultatText", s.Resultat.ResultatText),
        ]),
      ]),
      eko,
      el(K, "Personer", s.Personer.map(encodePerson)),
    ],
    { schemaVersion: s.schemaVersion },
  );
}

/**
 * CSN's answer as a standalone XML document (UTF-8, with declaration): what SSBT base64-encodes
 * into `<svar>`.
 *
 * @example
 * Buffer.from(serializeCsnSvar(svar), "utf8").toString("base64")
 */
export function serializeCsnSvar(s: CsnSvar): string {
  return serializeXml(encodeCsnSvar(s), { prefixes: CSN_PREFIXES, declaration: true });
}

// ---------------------------------------------------------------------------------------------
// The answer: strict decode
// ---------------------------------------------------------------------------------------------

function decodeBelopp(e: XmlElement, path: string): Belopp {
  bara(e, [], path);
  const r = new SequenceReader(e, path);
  const b: Belopp = {
    beloppstyp: lov(r, G, "beloppstyp", "beloppstyp"),
    klartext: lov(r, G, "klartext", "klartext"),
    belopp: lov(r, G, "belopp", "belopp"),
    totbelopp: lov(r, G, "totbelopp", "belopp"),
  };
  r.end();
  return b;
}

function decodeBeloppen(r: SequenceReader): Belopp[] {
  const e = r.one(G, "Beloppen");
  const path = `${r.path}/Beloppen`;
  bara(e, [], path);
  const inner = new SequenceReader(e, path);
  const out = inner.many(G, "Belopp", 0, 10).map((b, i) => decodeBelopp(b, `${path}/Belopp[${i + 1}]`));
  inner.end();
  return out;
}

function decodeSokttid(e: XmlElement, path: string): Sokttid {
  bara(e, [], path);
  const r = new SequenceReader(e, path);
  const s: Sokttid = {
    soktfrom: lov(r, G, "soktfrom", "datum"),
    sokttom: lov(r, G, "sokttom", "datum"),
    soktomfattning: lov(r, G, "soktomfattning", "takt"),
  };
  const lan = valfrittLov(r, G, "soktlan", "soktlan");
  if (lan !== undefined) s.soktlan = lan;
  r.end();
  return s;
}

function decodeBeviljadtid(e: XmlElement, path: string): Beviljadtid {
  bara(e, [], path);
  const r = new SequenceReader(e, path);
  const starttid = lov(r, G, "starttid", "vecka");
  const sluttid = lov(r, G, "sluttid", "vecka");
  const takt = valfrittLov(r, G, "takt", "takt");
  const grTakt = valfrittLov(r, G, "gr_takt", "gr_takt");
  const Beloppen = decodeBeloppen(r);
  const totbelopp = lov(r, G, "totbelopp", "belopp");
  r.end();
  return {
    starttid,
    sluttid,
    ...(takt !== undefined ? { takt } : {}),
    ...(grTakt !== undefined ? { gr_takt: grTakt } : {}),
    Beloppen,
    totbelopp,
  };
}

function decodeUtbetaldtid(e: XmlElement, path: string): Utbetaldtid {
  bara(e, [], path);
  const r = new SequenceReader(e, path);
  const startvecka = valfrittLov(r, G, "startvecka", "vecka");
  const slutvecka = valfrittLov(r, G, "slutvecka", "vecka");
  const Beloppen = decodeBeloppen(r);
  const totbelopp = lov(r, G, "totbelopp", "belopp");
  r.end();
  return {
    ...(startvecka !== undefined ? { startvecka } : {}),
    ...(slutvecka !== undefined ? { slutvecka } : {}),
    Beloppen,
    totbelopp,
  };
}

function decodeUtbetalning(e: XmlElement, path: string): Utbetalning {
  bara(e, [], path);
  const r = new SequenceReader(e, path);
  const utbetdatum = lov(r, G, "utbetdatum", "datum");
  const utbetstatus = lov(r, G, "utbetstatus", "utbetstatus");
  const tiderEl = r.one(G, "Utbetaldatider");
  const tp = `${path}/Utbetaldatider`;
  bara(tiderEl, [], tp);
  const tr = new SequenceReader(tiderEl, tp);
  const Utbetaldatider = tr
    .many(G, "Utbetaldtid", 0, 10)
    .map((t, i) => decodeUtbetaldtid(t, `${tp}/Utbetaldtid[${i + 1}]`));
  tr.end();
  const totbelopp = lov(r, G, "totbelopp", "belopp");
  r.end();
  return { utbetdatum, utbetstatus, Utbetaldatider, totbelopp };
}

/** A wrapper element (`soktaTider`, …) holding 0..max repeated children. */
function lista<T>(
  r: SequenceReader,
  ns: string,
  wrapper: string,
  child: string,
  max: number,
  one: (e: XmlElement, path: string) => T,
): T[] {
  const w = r.one(ns, wrapper);
  const path = `${r.path}/${wrapper}`;
  bara(w, [], path);
  const inner = new SequenceReader(w, path);
  const out = inner.many(ns, child, 0, max).map((c, i) => one(c, `${path}/${child}[${i + 1}]`));
  inner.end();
  return out;
}

/**
 * Effective maxima of the stödform schemas: a `sequence maxOccurs="5"` around an element with
 * `maxOccurs="5"` admits 25, so that is what a schema-valid answer may carry.
 */
const MAX_STUDIESTOD = { soktTid: 25, BeviljadTid: 100, Utbetalning: 2500 } as const;
const OBEGRANSAT = Number.POSITIVE_INFINITY;

function decodeStudiestodArende(
  e: XmlElement,
  ns: string,
  path: string,
  medRelarende: boolean,
): StudiestodArende {
  bara(e, ["lopnummer"], path);
  const lopnummer = kontrolleraTyp(attrKrav(e, "lopnummer", path), "lopnummer", `${path}/@lopnummer`);
  const r = new SequenceReader(e, path);
  const stodform = lov(r, ns, "stodform", "stodform");
  const klartext = lov(r, ns, "klartext", "klartext");
  const status = lov(r, ns, "status", "status");
  const relarende = medRelarende ? valfrittLov(r, ns, "relarende", "relarende") : undefined;
  const max = medRelarende
    ? MAX_STUDIESTOD
    : { soktTid: OBEGRANSAT, BeviljadTid: OBEGRANSAT, Utbetalning: OBEGRANSAT };
  const soktaTider = lista(r, ns, "soktaTider", "soktTid", max.soktTid, decodeSokttid);
  const BeviljadeTider = lista(r, ns, "BeviljadeTider", "BeviljadTid", max.BeviljadTid, decodeBeviljadtid);
  const UtbetalningsPlan = lista(
    r,
    ns,
    "UtbetalningsPlan",
    "Utbetalning",
    max.Utbetalning,
    decodeUtbetalning,
  );
  r.end();
  return {
    lopnummer,
    stodform,
    klartext,
    status,
    ...(relarende !== undefined ? { relarende } : {}),
    soktaTider,
    BeviljadeTider,
    UtbetalningsPlan,
  };
}

function decodeHutArende(e: XmlElement, path: string): HutArende {
  const ns = CSN_NS.hemutrustningslan;
  bara(e, ["lopnummer", "medlanare"], path);
  const lopnummer = kontrolleraTyp(attrKrav(e, "lopnummer", path), "hutLopnummer", `${path}/@lopnummer`);
  const medlanare = attrText(e, "medlanare");
  if (medlanare !== undefined) kontrolleraTyp(medlanare, "medlanare", `${path}/@medlanare`);
  const r = new SequenceReader(e, path);
  const a: HutArende = {
    lopnummer,
    ...(medlanare !== undefined ? { medlanare } : {}),
    stodform: lov(r, ns, "stodform", "stodform"),
    klartext: lov(r, ns, "klartext", "klartext"),
    status: lov(r, ns, "status", "status"),
    UtbetalningsPlan: lista(r, ns, "UtbetalningsPlan", "Utbetalning", 2500, decodeUtbetalning),
  };
  r.end();
  return a;
}

function decodeArenden<A>(
  r: SequenceReader,
  local: string,
  one: (e: XmlElement, path: string) => A,
): Arenden<A> {
  const block = r.one(P, local);
  const path = `${r.path}/${local}`;
  bara(block, [], path);
  const br = new SequenceReader(block, path);
  const arendenEl = br.optional(P, "Arenden");
  br.end();
  if (!arendenEl) return {};
  const ap = `${path}/Arenden`;
  bara(arendenEl, [], ap);
  const ar = new SequenceReader(arendenEl, ap);
  const Arenden = ar.many(P, "Arende", 0, 10).map((a, i) => one(a, `${ap}/Arende[${i + 1}]`));
  ar.end();
  return { Arenden };
}

function decodeForteckning(r: SequenceReader): Studiestodstypforteckning {
  const e = r.one(P, "Studiestodstypforteckning");
  const path = `${r.path}/Studiestodstypforteckning`;
  bara(e, [], path);
  const fr = new SequenceReader(e, path);
  const f: Studiestodstypforteckning = {
    studiemedel: lov(fr, G, "studiemedel", "text"),
    studiehjalp: lov(fr, G, "studiehjalp", "text"),
    hemutrustningslan: lov(fr, G, "hemutrustningslan", "text"),
    studiestartsstod: lov(fr, G, "studiestartsstod", "text"),
    omstallningsstudiestod: lov(fr, G, "omstallningsstudiestod", "text"),
  };
  fr.end();
  return f;
}

function decodePerson(e: XmlElement, path: string): CsnPerson {
  bara(e, ["personnummer", "Status", "sekretess", "sekel"], path);
  const personnummer = kontrolleraTyp(
    attrKrav(e, "personnummer", path),
    "personnummer",
    `${path}/@personnummer`,
  );
  const Status = attrText(e, "Status");
  const sekretess = attrText(e, "sekretess");
  const sekel = attrText(e, "sekel");
  if (Status !== undefined) kontrolleraTyp(Status, "personstatus", `${path}/@Status`);
  if (sekretess !== undefined) kontrolleraTyp(sekretess, "sekretess", `${path}/@sekretess`);
  if (sekel !== undefined) kontrolleraTyp(sekel, "sekel", `${path}/@sekel`);
  const r = new SequenceReader(e, path);
  const p: CsnPerson = {
    personnummer,
    ...(Status !== undefined ? { Status } : {}),
    ...(sekretess !== undefined ? { sekretess } : {}),
    ...(sekel !== undefined ? { sekel } : {}),
    Studiestodstypforteckning: decodeForteckning(r),
    Studiemedel: decodeArenden(r, "Studiemedel", (a, ap) =>
      decodeStudiestodArende(a, CSN_NS.studiemedel, ap, true),
    ),
    Studiehjalp: decodeArenden(r, "Studiehjalp", (a, ap) =>
      decodeStudiestodArende(a, CSN_NS.studiehjalp, ap, true),
    ),
    HemutrustningsLan: decodeArenden(r, "HemutrustningsLan", decodeHutArende),
    Studiestartsstod: decodeArenden(r, "Studiestartsstod", (a, ap) =>
      decodeStudiestodArende(a, CSN_NS.studiestartsstod, ap, true),
    ),
    Omstallningsstudiestod: decodeArenden(r, "Omstallningsstudiestod", (a, ap) =>
      decodeStudiestodArende(a, CSN_NS.omstallningsstudiestod, ap, false),
    ),
  };
  r.end();
  return p;
}

/**
 * Strictly decodes `csn:CSNSvar`: namespaces, element order, cardinalities and every facet of
 * csntyper.xsd. The echoed question (Sambruk type) is read leniently.
 *
 * @example
 * decodeCsnSvar(parseXml(xml)).Resultat.ResultatKod // "0"
 */
export function decodeCsnSvar(e: XmlElement, path = "/CSNSvar"): CsnSvar {
  if (e.ns !== K || e.local !== "CSNSvar")
    throw new ContractViolation("csn.svar.root", path, `expected {${K}}CSNSvar, found {${e.ns}}${e.local}`);
  bara(e, ["schemaVersion"], path);
  const schemaVersion = kontrolleraTyp(
    attrKrav(e, "schemaVersion", path),
    "schemaVersion",
    `${path}/@schemaVersion`,
  );
  const r = new SequenceReader(e, path);
  const gem = r.one(K, "GemensamtSvarEkbistand");
  const gp = `${path}/GemensamtSvarEkbistand`;
  bara(gem, [], gp);
  const gr = new SequenceReader(gem, gp);
  const res = gr.one(K, "Resultat");
  gr.end();
  const rp = `${gp}/Resultat`;
  bara(res, [], rp);
  const rr = new SequenceReader(res, rp);
  const Resultat = {
    ResultatKod: lov(rr, K, "ResultatKod", "ResultatKod"),
    ResultatText: lov(rr, K, "ResultatText", "ResultatText"),
  };
  rr.end();
  const eko = decodeEko(r.one(K, "GemensamtFragaEkbistand"), `${path}/GemensamtFragaEkbistand`);
  const personerEl = r.one(K, "Personer");
  const pp = `${path}/Personer`;
  bara(personerEl, [], pp);
  const pr = new SequenceReader(personerEl, pp);
  const Personer = pr.many(K, "Person", 0, 10).map((p, i) => decodePerson(p, `${pp}/Person[${i + 1}]`));
  pr.end();
  r.end();
  return { schemaVersion, Resultat, GemensamtFragaEkbistand: eko, Personer };
}

/**
 * Parses and strictly decodes a CSN answer document.
 *
 * @example
 * parseCsnSvar(Buffer.from(svarBase64, "base64").toString("utf8")).Personer.length
 */
export function parseCsnSvar(text: string): CsnSvar {
  return decodeCsnSvar(parseXml(text));
}
