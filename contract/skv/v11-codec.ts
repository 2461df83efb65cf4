import { ContractViolation } from "../errors.js";
import { decodeSsbtError, SKV11_BLOCK } from "../ssbt/codec.js";
import type { SsbtError } from "../ssbt/model.js";
import type { XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { isXsdDate, readBase64 } from "../xml/xsd-types.js";
import {
  type Beskattningsbilaga,
  BLANKETT,
  type DelDokumentFor,
  type DelFel,
  type DelHuvud,
  type DelSvar,
  FORETAGSFORM,
  type ForetagV11,
  type FragaSkatteuppgifterV11,
  FSKATT_STATUS,
  type Individuppgift,
  MAX_INKOMSTAR_V11,
  RESULTATTYP,
  SKV_V11_VERSION,
  type SkattekontoTransaktion,
  type SkvBlock,
  type SlutligSkatt,
  type SvarSkatteuppgifterV11,
  TRANSAKTIONSTYP,
} from "./v11-model.js";

// ---------------------------------------------------------------------------------------------
// A strict JSON reader: every key known, every type checked, the path named on failure
// ---------------------------------------------------------------------------------------------

type Obj = Readonly<Record<string, unknown>>;

function fel(rule: string, path: string, message: string): never {
  throw new ContractViolation(`skv.v11.${rule}`, path, message);
}

function obj(v: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fel("object", path, "must be a JSON object");
  const o = v as Obj;
  for (const k of required) if (!(k in o)) fel("required", `${path}/${k}`, `required key ${k} is missing`);
  for (const k of Object.keys(o))
    if (!required.includes(k) && !optional.includes(k))
      fel("unexpected", `${path}/${k}`, `unexpected key ${k}`);
  return o;
}

function arr(v: unknown, path: string, min = 0, max = Number.POSITIVE_INFINITY): unknown[] {
  if (!Array.isArray(v)) fel("array", path, "must be a JSON array");
  if (v.length < min) fel("minItems", path, `at least ${min} item(s) required`);
  if (v.length > max) fel("maxItems", path, `at most ${max} items allowed`);
  return v;
}

function str(v: unknown, path: string, max = 300): string {
  if (typeof v !== "string") fel("string", path, "must be a string");
  if (v.trim() === "") fel("nonEmpty", path, "must not be empty");
  if (v.length > max) fel("maxLength", path, `length ${v.length} is over ${max}`);
  return v;
}

function int(v: unknown, path: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) fel("integer", path, "must be a whole number");
  if (v < min || v > max) fel("range", path, `${v} is outside ${min}..${max}`);
  return v;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== "boolean") fel("boolean", path, "must be true or false");
  return v;
}

function datum(v: unknown, path: string): string {
  const s = str(v, path, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isXsdDate(s))
    fel("date", path, `"${s}" is not a real date YYYY-MM-DD`);
  return s;
}

function manad(v: unknown, path: string): string {
  const s = str(v, path, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) fel("month", path, `"${s}" is not a month YYYY-MM`);
  return s;
}

function tolv(v: unknown, path: string): string {
  const s = str(v, path, 12);
  if (!/^\d{12}$/.test(s)) fel("digits12", path, "must be 12 digits");
  return s;
}

function kod<K extends string>(v: unknown, path: string, koder: Readonly<Record<K, unknown>>): K {
  const s = str(v, path, 40);
  if (!Object.hasOwn(koder, s)) fel("code", path, `"${s}" is not one of ${Object.keys(koder).join(", ")}`);
  return s as K;
}

function unika<T>(xs: readonly T[], path: string, what: string): void {
  if (new Set(xs).size !== xs.length) fel("unique", path, `a ${what} is given more than once`);
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return fel("json", path, `not valid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
}

function isBlock(s: string): s is SkvBlock {
  return (SKV11_BLOCK as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------
// Question
// ---------------------------------------------------------------------------------------------

/**
 * The v11 question document as the string that goes into `forfragan` (keys in a fixed order, so
 * the same question gives the same bytes).
 *
 * @example
 * encodeFragaV11({ version: 11, ingivare, personuppgiftsbitraden: [], referensnummer: "A-1", syfte,
 *   lagrum, personidentitet: "197109149885", frageperiod, inkomstar: [2025], block: ["skattekonto"] })
 */
export function encodeFragaV11(f: FragaSkatteuppgifterV11): string {
  return JSON.stringify({
    version: f.version,
    ingivare: {
      organisationsnummer: f.ingivare.organisationsnummer,
      namn: f.ingivare.namn,
      handlaggare: f.ingivare.handlaggare,
    },
    personuppgiftsbitraden: f.personuppgiftsbitraden.map((p) =>
      p.ordningsnummer === undefined
        ? { organisationsnummer: p.organisationsnummer, namn: p.namn }
        : { ordningsnummer: p.ordningsnummer, organisationsnummer: p.organisationsnummer, namn: p.namn },
    ),
    referensnummer: f.referensnummer,
    syfte: f.syfte,
    lagrum: f.lagrum,
    personidentitet: f.personidentitet,
    frageperiod: { fromDatum: f.frageperiod.fromDatum, tomDatum: f.frageperiod.tomDatum },
    inkomstar: f.inkomstar,
    block: f.block,
  });
}

/**
 * Strict decode of the v11 question document. Only the shape is checked here (keys, types, real
 * dates, distinct years and blocks); Skatteverket's business checks (identity check digit,
 * ingivare, which years are given out) are the simulator's. Throws {@link ContractViolation}
 * naming the path.
 *
 * @example
 * decodeFragaV11(forfragan).block // ["foretagsinformation", "skattekonto"]
 */
export function decodeFragaV11(text: string): FragaSkatteuppgifterV11 {
  const p = "/BeskattningsuppgifterRequest/forfragan";
  const o = obj(parseJson(text, p), p, [
    "version",
    "ingivare",
    "personuppgiftsbitraden",
    "referensnummer",
    "syfte",
    "lagrum",
    "personidentitet",
    "frageperiod",
    "inkomstar",
    "block",
  ]);
  if (o.version !== SKV_V11_VERSION) fel("version", `${p}/version`, `version must be ${SKV_V11_VERSION}`);
  const i = obj(o.ingivare, `${p}/ingivare`, ["organisationsnummer", "namn", "handlaggare"]);
  const bitraden = arr(o.personuppgiftsbitraden, `${p}/personuppgiftsbitraden`, 0, 50).map((b, n) => {
    const bp = `${p}/personuppgiftsbitraden[${n + 1}]`;
    const x = obj(b, bp, ["organisationsnummer", "namn"], ["ordningsnummer"]);
    const out: FragaSkatteuppgifterV11["personuppgiftsbitraden"][number] = {
      organisationsnummer: str(x.organisationsnummer, `${bp}/organisationsnummer`, 12),
      namn: str(x.namn, `${bp}/namn`),
    };
    if (x.ordningsnummer !== undefined)
      out.ordningsnummer = int(x.ordningsnummer, `${bp}/ordningsnummer`, -32768, 32767);
    return out;
  });
  const period = obj(o.frageperiod, `${p}/frageperiod`, ["fromDatum", "tomDatum"]);
  const frageperiod = {
    fromDatum: datum(period.fromDatum, `${p}/frageperiod/fromDatum`),
    tomDatum: datum(period.tomDatum, `${p}/frageperiod/tomDatum`),
  };
  if (frageperiod.fromDatum > frageperiod.tomDatum)
    fel("period", `${p}/frageperiod`, "fromDatum is after tomDatum");
  const inkomstar = arr(o.inkomstar, `${p}/inkomstar`, 1, MAX_INKOMSTAR_V11).map((a, n) =>
    int(a, `${p}/inkomstar[${n + 1}]`, -2147483648, 2147483647),
  );
  unika(inkomstar, `${p}/inkomstar`, "year");
  const block = arr(o.block, `${p}/block`, 0, SKV11_BLOCK.length).map((b, n) => {
    const s = str(b, `${p}/block[${n + 1}]`, 40);
    if (!isBlock(s)) fel("block", `${p}/block[${n + 1}]`, `"${s}" is not one of ${SKV11_BLOCK.join(", ")}`);
    return s;
  });
  unika(block, `${p}/block`, "block");
  return {
    version: SKV_V11_VERSION,
    ingivare: {
      organisationsnummer: str(i.organisationsnummer, `${p}/ingivare/organisationsnummer`, 12),
      namn: str(i.namn, `${p}/ingivare/namn`),
      handlaggare: str(i.handlaggare, `${p}/ingivare/handlaggare`),
    },
    personuppgiftsbitraden: bitraden,
    referensnummer: str(o.referensnummer, `${p}/referensnummer`),
    syfte: str(o.syfte, `${p}/syfte`, 1000),
    lagrum: str(o.lagrum, `${p}/lagrum`, 1000),
    personidentitet: str(o.personidentitet, `${p}/personidentitet`, 40).trim(),
    frageperiod,
    inkomstar,
    block,
  };
}

// ---------------------------------------------------------------------------------------------
// Part documents
// ---------------------------------------------------------------------------------------------

function huvud(o: Obj, path: string): DelHuvud {
  return {
    personidentitet: tolv(o.personidentitet, `${path}/personidentitet`),
    statuskod: str(o.statuskod, `${path}/statuskod`, 3),
  };
}

function belopp(v: unknown, path: string): number {
  return int(v, path, 0);
}

function ar(v: unknown, path: string): number {
  return int(v, path, 1000, 9999);
}

function foretag(v: unknown, path: string): ForetagV11 {
  const o = obj(
    v,
    path,
    [
      "organisationsnummer",
      "foretagsform",
      "firma",
      "registreringsdatum",
      "fskatt",
      "momsregistrerad",
      "arbetsgivarregistrerad",
      "sniKod",
    ],
    ["avregistreringsdatum"],
  );
  const fs = obj(o.fskatt, `${path}/fskatt`, ["status"], ["fromDatum"]);
  const sniKod = str(o.sniKod, `${path}/sniKod`, 5);
  if (!/^\d{5}$/.test(sniKod)) fel("sni", `${path}/sniKod`, "must be five digits (SNI 2007)");
  const f: ForetagV11 = {
    organisationsnummer: tolv(o.organisationsnummer, `${path}/organisationsnummer`),
    foretagsform: kod(o.foretagsform, `${path}/foretagsform`, FORETAGSFORM),
    firma: str(o.firma, `${path}/firma`),
    registreringsdatum: datum(o.registreringsdatum, `${path}/registreringsdatum`),
    fskatt: { status: kod(fs.status, `${path}/fskatt/status`, FSKATT_STATUS) },
    momsregistrerad: bool(o.momsregistrerad, `${path}/momsregistrerad`),
    arbetsgivarregistrerad: bool(o.arbetsgivarregistrerad, `${path}/arbetsgivarregistrerad`),
    sniKod,
  };
  if (fs.fromDatum !== undefined) f.fskatt.fromDatum = datum(fs.fromDatum, `${path}/fskatt/fromDatum`);
  if (o.avregistreringsdatum !== undefined)
    f.avregistreringsdatum = datum(o.avregistreringsdatum, `${path}/avregistreringsdatum`);
  return f;
}

function individuppgift(v: unknown, path: string): Individuppgift {
  const o = obj(v, path, [
    "redovisningsperiod",
    "utbetalare",
    "kontantErsattning",
    "skattepliktigaFormaner",
    "avdragenSkatt",
  ]);
  const u = obj(o.utbetalare, `${path}/utbetalare`, ["organisationsnummer", "namn"]);
  return {
    redovisningsperiod: manad(o.redovisningsperiod, `${path}/redovisningsperiod`),
    utbetalare: {
      organisationsnummer: tolv(u.organisationsnummer, `${path}/utbetalare/organisationsnummer`),
      namn: str(u.namn, `${path}/utbetalare/namn`),
    },
    kontantErsattning: belopp(o.kontantErsattning, `${path}/kontantErsattning`),
    skattepliktigaFormaner: belopp(o.skattepliktigaFormaner, `${path}/skattepliktigaFormaner`),
    avdragenSkatt: belopp(o.avdragenSkatt, `${path}/avdragenSkatt`),
  };
}

function transaktion(v: unknown, path: string): SkattekontoTransaktion {
  const o = obj(v, path, ["transaktionsdatum", "transaktionstyp", "text", "belopp"]);
  return {
    transaktionsdatum: datum(o.transaktionsdatum, `${path}/transaktionsdatum`),
    transaktionstyp: kod(o.transaktionstyp, `${path}/transaktionstyp`, TRANSAKTIONSTYP),
    text: str(o.text, `${path}/text`),
    belopp: int(o.belopp, `${path}/belopp`),
  };
}

function slutligSkatt(v: unknown, path: string): SlutligSkatt {
  const o = obj(v, path, [
    "inkomstar",
    "beslutsdatum",
    "faststalldForvarvsinkomst",
    "overskottAvKapital",
    "underskottAvKapital",
    "inkomstSarskildInkomstskatt",
    "slutligSkatt",
    "preliminarSkatt",
    "resultat",
  ]);
  const r = obj(o.resultat, `${path}/resultat`, ["typ", "belopp"]);
  return {
    inkomstar: ar(o.inkomstar, `${path}/inkomstar`),
    beslutsdatum: datum(o.beslutsdatum, `${path}/beslutsdatum`),
    faststalldForvarvsinkomst: belopp(o.faststalldForvarvsinkomst, `${path}/faststalldForvarvsinkomst`),
    overskottAvKapital: belopp(o.overskottAvKapital, `${path}/overskottAvKapital`),
    underskottAvKapital: belopp(o.underskottAvKapital, `${path}/underskottAvKapital`),
    inkomstSarskildInkomstskatt: belopp(o.inkomstSarskildInkomstskatt, `${path}/inkomstSarskildInkomstskatt`),
    slutligSkatt: belopp(o.slutligSkatt, `${path}/slutligSkatt`),
    preliminarSkatt: belopp(o.preliminarSkatt, `${path}/preliminarSkatt`),
    resultat: {
      typ: kod(r.typ, `${path}/resultat/typ`, RESULTATTYP),
      belopp: belopp(r.belopp, `${path}/resultat/belopp`),
    },
  };
}

function bilaga(v: unknown, path: string): Beskattningsbilaga {
  const o = obj(v, path, ["inkomstar", "blankett", "benamning", "belopp"]);
  const blankett = kod(o.blankett, `${path}/blankett`, BLANKETT);
  const falt: readonly string[] = BLANKETT[blankett].falt;
  const b = obj(o.belopp, `${path}/belopp`, falt);
  const out: Record<string, number> = {};
  for (const f of falt) out[f] = int(b[f], `${path}/belopp/${f}`);
  return {
    inkomstar: ar(o.inkomstar, `${path}/inkomstar`),
    blankett,
    benamning: str(o.benamning, `${path}/benamning`),
    belopp: out,
  };
}

const ARLISTA = (o: Obj, path: string) => {
  const xs = arr(o.inkomstar, `${path}/inkomstar`).map((a, n) => ar(a, `${path}/inkomstar[${n + 1}]`));
  unika(xs, `${path}/inkomstar`, "year");
  return xs;
};

/** Strict readers of the five part documents. */
const DEL_LASARE: { [B in SkvBlock]: (v: unknown, path: string) => DelDokumentFor[B] } = {
  foretagsinformation: (v, p) => {
    const o = obj(v, p, ["personidentitet", "statuskod", "foretag"]);
    return {
      ...huvud(o, p),
      foretag: arr(o.foretag, `${p}/foretag`).map((f, n) => foretag(f, `${p}/foretag[${n + 1}]`)),
    };
  },
  individuppgifter: (v, p) => {
    const o = obj(v, p, ["personidentitet", "statuskod", "inkomstar", "redovisningar"]);
    return {
      ...huvud(o, p),
      inkomstar: ARLISTA(o, p),
      redovisningar: arr(o.redovisningar, `${p}/redovisningar`).map((r, n) =>
        individuppgift(r, `${p}/redovisningar[${n + 1}]`),
      ),
    };
  },
  skattekonto: (v, p) => {
    const o = obj(v, p, [
      "personidentitet",
      "statuskod",
      "saldo",
      "saldodatum",
      "inkomstar",
      "transaktioner",
    ]);
    return {
      ...huvud(o, p),
      saldo: int(o.saldo, `${p}/saldo`),
      saldodatum: datum(o.saldodatum, `${p}/saldodatum`),
      inkomstar: ARLISTA(o, p),
      transaktioner: arr(o.transaktioner, `${p}/transaktioner`).map((t, n) =>
        transaktion(t, `${p}/transaktioner[${n + 1}]`),
      ),
    };
  },
  skatteuppgifter: (v, p) => {
    const o = obj(v, p, ["personidentitet", "statuskod", "beskattningar"]);
    return {
      ...huvud(o, p),
      beskattningar: arr(o.beskattningar, `${p}/beskattningar`).map((b, n) =>
        slutligSkatt(b, `${p}/beskattningar[${n + 1}]`),
      ),
    };
  },
  beskattningsbilagor: (v, p) => {
    const o = obj(v, p, ["personidentitet", "statuskod", "bilagor"]);
    return {
      ...huvud(o, p),
      bilagor: arr(o.bilagor, `${p}/bilagor`).map((b, n) => bilaga(b, `${p}/bilagor[${n + 1}]`)),
    };
  },
};

/**
 * Strict decode of one part document (the JSON SSBT passes on base64-encoded in
 * `SkatteverketDelSvar/data`). Throws {@link ContractViolation} naming the path.
 *
 * @example
 * decodeDelDokument("skattekonto", Buffer.from(data, "base64").toString("utf8")).saldo
 */
export function decodeDelDokument<B extends SkvBlock>(
  block: B,
  text: string,
  path = `/${block}`,
): DelDokumentFor[B] {
  return DEL_LASARE[block](parseJson(text, path), path);
}

/**
 * One part document as JSON text. SSBT sends exactly these bytes, base64-encoded.
 *
 * @example
 * Buffer.from(encodeDelDokument(dokument)).toString("base64")
 */
export function encodeDelDokument(dokument: DelDokumentFor[SkvBlock]): string {
  return JSON.stringify(dokument);
}

// ---------------------------------------------------------------------------------------------
// Answer
// ---------------------------------------------------------------------------------------------

/**
 * The v11 answer document as the string that goes into `svar`.
 *
 * @example
 * encodeSvarV11({ version: 11, personidentitet, delar: { skattekonto: { data: konto } } })
 */
export function encodeSvarV11(s: SvarSkatteuppgifterV11): string {
  const delar: Record<string, unknown> = {};
  for (const b of SKV11_BLOCK) {
    const d = s.delar[b];
    if (d) delar[b] = d;
  }
  return JSON.stringify({ version: s.version, personidentitet: s.personidentitet, delar });
}

function delFel(v: unknown, path: string): DelFel {
  const o = obj(v, path, ["kod", "text"]);
  return { kod: int(o.kod, `${path}/kod`, 9071000, 9071999), text: str(o.text, `${path}/text`) };
}

/**
 * Strict decode of the v11 answer document inside `svar`, including every part document. Throws
 * {@link ContractViolation} naming the path.
 *
 * @example
 * decodeSvarV11(svar).delar.skattekonto // { data: { saldo: …, transaktioner: […] } }
 */
export function decodeSvarV11(text: string): SvarSkatteuppgifterV11 {
  const p = "/BeskattningsuppgifterResponse/svar";
  const o = obj(parseJson(text, p), p, ["version", "personidentitet", "delar"]);
  if (o.version !== SKV_V11_VERSION) fel("version", `${p}/version`, `version must be ${SKV_V11_VERSION}`);
  const d = obj(o.delar, `${p}/delar`, [], SKV11_BLOCK);
  const delar: SvarSkatteuppgifterV11["delar"] = {};
  const las = <B extends SkvBlock>(b: B): void => {
    if (d[b] === undefined) return;
    const dp = `${p}/delar/${b}`;
    const x = obj(d[b], dp, [], ["data", "fel"]);
    if ("data" in x === "fel" in x) fel("choice", dp, "a part holds exactly one of data or fel");
    const del: DelSvar<B> =
      "data" in x ? { data: DEL_LASARE[b](x.data, `${dp}/data`) } : { fel: delFel(x.fel, `${dp}/fel`) };
    (delar as Record<B, DelSvar<B>>)[b] = del;
  };
  for (const b of SKV11_BLOCK) las(b);
  return {
    version: SKV_V11_VERSION,
    personidentitet: tolv(o.personidentitet, `${p}/personidentitet`),
    delar,
  };
}

// ---------------------------------------------------------------------------------------------
// The SKV section of a composite ssbt/11 answer
// ---------------------------------------------------------------------------------------------

/** One part of a composite v11 SKV section: the decoded part document, or its error. */
export type SkvSektionDel<B extends SkvBlock = SkvBlock> =
  | { dokument: DelDokumentFor[B]; json: string }
  | { error: SsbtError };

/** A composite v11 SKV section read back: parts by block, and the overall error if any. */
export interface SkvSektionV11 {
  delar: { [B in SkvBlock]?: SkvSektionDel<B> };
  error?: SsbtError;
}

/**
 * Reads the children of a composite ssbt/11 `SKV` section (`SkatteverketSvar`) strictly: parts in
 * schema order, each `data` (base64 of a part document, decoded and checked) or `error`, then the
 * optional overall `error`. For consumers and tests; throws {@link ContractViolation}.
 *
 * @example
 * const skv = lasSkvSektionV11(svar.svarsdata.SKV.delar, NS.ssbt11); skv.delar.skattekonto
 */
export function lasSkvSektionV11(children: readonly XmlElement[], ns: string): SkvSektionV11 {
  const path = "/svarsdata/SKV";
  const r = new SequenceReader({ kind: "element", ns, local: "SKV", attrs: [], children }, path);
  const out: SkvSektionV11 = { delar: {} };
  const las = <B extends SkvBlock>(b: B): void => {
    const e = r.optional(ns, b);
    if (!e) return;
    const bp = `${path}/${b}`;
    const inner = new SequenceReader(e, bp);
    const data = inner.optional(ns, "data");
    let del: SkvSektionDel<B>;
    if (data) {
      const json = readBase64(leafText(data, `${bp}/data`), `${bp}/data`).toString("utf8");
      del = { dokument: decodeDelDokument(b, json, `${bp}/data`), json };
    } else del = { error: decodeSsbtError(inner.one(ns, "error"), ns, `${bp}/error`) };
    inner.end();
    (out.delar as Record<B, SkvSektionDel<B>>)[b] = del;
  };
  for (const b of SKV11_BLOCK) las(b);
  const err = r.optional(ns, "error");
  if (err) out.error = decodeSsbtError(err, ns, `${path}/error`);
  r.end();
  return out;
}
