import { ContractViolation } from "../errors.js";
import { KodadeTrad } from "../kodade-trad.js";
import { NS } from "../namespaces.js";
import type { Tidsperiod } from "../ssbt/model.js";
import { childElements, el, type XmlElement } from "../xml/node.js";
import { SequenceReader } from "../xml/reader.js";
import { readDate, readInt } from "../xml/xsd-types.js";
import {
  type Felresultat,
  type Fordon,
  type Fordonsinnehav,
  type HamtaUppgifter,
  type HamtaUppgifterResponse,
  type Identifikation,
  RESULTAT,
  type Resultat,
} from "./model.js";

const T = NS.tns;
const F = NS.tnsFordon;
const P = NS.tnsPerson;

/** Root path used in ContractViolation paths for the question. */
export const FRAGA_PATH = "/HamtaUppgifter";
/** Root path used in ContractViolation paths for the answer. */
export const SVAR_PATH = "/HamtaUppgifterResponse";
/** The simulator's answers in-process, with the models they were encoded from (see {@link KodadeTrad}). */
export const TNS_SVAR = new KodadeTrad<HamtaUppgifterResponse>();

// ---------------------------------------------------------------------------------------------
// Encoding

function identifikationEl(i: Identifikation): XmlElement {
  return el(T, "identifikation", [
    el(P, "sekel", [i.sekel]),
    el(P, "personnummer", [i.personnummer]),
    i.tillagg,
  ]);
}

/**
 * Builds the `tns:HamtaUppgifter` element (the SOAP Body payload of the question).
 *
 * @example
 * encodeHamtaUppgifter({ identifikation: { sekel: "19", personnummer: "7802279872", tillagg: [] }, tillagg: [] })
 */
export function encodeHamtaUppgifter(fraga: HamtaUppgifter): XmlElement {
  return el(T, "HamtaUppgifter", [identifikationEl(fraga.identifikation), fraga.tillagg]);
}

function fordonEl(f: Fordon): XmlElement {
  return el(F, "fordon", [
    el(F, "regnr", [f.regnr]),
    el(F, "fabrikat", [f.fabrikat]),
    el(F, "fordonsar", [f.fordonsar]),
    el(F, "fordonsslag", [f.fordonsslag]),
    el(F, "handelsbeteckning", [f.handelsbeteckning]),
    f.tillagg,
  ]);
}

/**
 * The children of `tns:HamtaUppgifterResponse` in schema order: `resultat`, `fordonsinnehav?`,
 * `felresultat*`, extensions. These are also the children of the ssbt `<data>` of the TNS section,
 * whose type is `tns:HamtaUppgifterResponseType`.
 *
 * @example
 * hamtaUppgifterResponseChildren({ resultat: "OK", fordonsinnehav: { fordon: [], tillagg: [] }, felresultat: [], tillagg: [] })
 */
export function hamtaUppgifterResponseChildren(svar: HamtaUppgifterResponse): XmlElement[] {
  const out: XmlElement[] = [el(T, "resultat", [svar.resultat])];
  if (svar.fordonsinnehav)
    out.push(
      el(T, "fordonsinnehav", [svar.fordonsinnehav.fordon.map(fordonEl), svar.fordonsinnehav.tillagg]),
    );
  for (const f of svar.felresultat)
    out.push(
      el(T, "felresultat", [el(T, "felkod", [String(f.felkod)]), el(T, "feltext", [f.feltext]), f.tillagg]),
    );
  out.push(...svar.tillagg);
  return out;
}

/**
 * Builds the `tns:HamtaUppgifterResponse` element (the SOAP Body payload of the answer).
 *
 * @example
 * encodeHamtaUppgifterResponse({ resultat: "FEL", felresultat: [{ felkod: 1001, feltext: "…", tillagg: [] }], tillagg: [] })
 */
export function encodeHamtaUppgifterResponse(svar: HamtaUppgifterResponse): XmlElement {
  return el(T, "HamtaUppgifterResponse", hamtaUppgifterResponseChildren(svar));
}

// ---------------------------------------------------------------------------------------------
// Decoding (strict: order, cardinality, namespaces, simple types)

/**
 * Reads the trailing `xs:any namespace="##other"` elements of a sequence after `consumed`
 * schema elements. In XSD 1.0 `##other` excludes both the target namespace and unqualified names.
 */
function readTillagg(e: XmlElement, consumed: number, targetNs: string, path: string): XmlElement[] {
  const rest = childElements(e).slice(consumed);
  for (const x of rest) {
    if (x.ns === targetNs || x.ns === "")
      throw new ContractViolation(
        "xml.unexpected",
        `${path}/${x.local}`,
        `unexpected element ${x.local} (only elements of other namespaces may follow here)`,
      );
  }
  return rest;
}

function expectElement(e: XmlElement, ns: string, local: string, path: string): void {
  if (e.ns !== ns || e.local !== local)
    throw new ContractViolation(
      "xml.element",
      path,
      `expected element {${ns}}${local} but found {${e.ns}}${e.local}`,
    );
}

const SEKEL = /^(19|20)$/;
const PERSONNUMMER = /^[0-9][0-9][0-1][0-9]{7}$/;

function decodeIdentifikation(e: XmlElement, path: string): Identifikation {
  const r = new SequenceReader(e, path, true);
  const sekel = r.text(P, "sekel");
  const personnummer = r.text(P, "personnummer");
  // Values are never echoed: the ten digits are personal data.
  if (!SEKEL.test(sekel))
    throw new ContractViolation("per.SekelType", `${path}/sekel`, 'sekel must be "19" or "20" (two digits)');
  if (!PERSONNUMMER.test(personnummer))
    throw new ContractViolation(
      "per.PersonnummerType",
      `${path}/personnummer`,
      `personnummer must be exactly 10 digits ÅÅMMDDNNNK without hyphen (got ${personnummer.length} characters)`,
    );
  return { sekel, personnummer, tillagg: readTillagg(e, 2, P, path) };
}

/**
 * Strictly decodes a `tns:HamtaUppgifter` element. Throws {@link ContractViolation} naming the
 * path when the element breaks HamtaUppgifterResponder_1.0.xsd.
 *
 * @example
 * const fraga = decodeHamtaUppgifter(parseSoapEnvelope(xml).body);
 */
export function decodeHamtaUppgifter(e: XmlElement, path = FRAGA_PATH): HamtaUppgifter {
  expectElement(e, T, "HamtaUppgifter", path);
  const r = new SequenceReader(e, path, true);
  const identifikation = decodeIdentifikation(r.one(T, "identifikation"), `${path}/identifikation`);
  return { identifikation, tillagg: readTillagg(e, 1, T, path) };
}

function decodeFordon(e: XmlElement, path: string): Fordon {
  const r = new SequenceReader(e, path, true);
  const fordon = {
    regnr: r.text(F, "regnr"),
    fabrikat: r.text(F, "fabrikat"),
    fordonsar: r.text(F, "fordonsar"),
    fordonsslag: r.text(F, "fordonsslag"),
    handelsbeteckning: r.text(F, "handelsbeteckning"),
  };
  return { ...fordon, tillagg: readTillagg(e, 5, F, path) };
}

function decodeFordonsinnehav(e: XmlElement, path: string): Fordonsinnehav {
  const r = new SequenceReader(e, path, true);
  const els = r.many(F, "fordon");
  const fordon = els.map((f, i) => decodeFordon(f, `${path}/fordon[${i + 1}]`));
  return { fordon, tillagg: readTillagg(e, els.length, F, path) };
}

function decodeFelresultat(e: XmlElement, path: string): Felresultat {
  const r = new SequenceReader(e, path, true);
  const felkod = readInt(r.text(T, "felkod"), `${path}/felkod`);
  const feltext = r.text(T, "feltext");
  return { felkod, feltext, tillagg: readTillagg(e, 2, T, path) };
}

/**
 * Strictly decodes the children of a `tns:HamtaUppgifterResponseType` element: the
 * `tns:HamtaUppgifterResponse` Body payload, or the ssbt `<data>` of a TNS section.
 *
 * @example
 * const svar = decodeHamtaUppgifterResponseType(dataEl, "/svarsdata/TNS/data");
 */
export function decodeHamtaUppgifterResponseType(e: XmlElement, path: string): HamtaUppgifterResponse {
  const r = new SequenceReader(e, path, true);
  const resultatText = r.text(T, "resultat");
  if (!(RESULTAT as readonly string[]).includes(resultatText))
    throw new ContractViolation(
      "tns.ResultatTypEnum",
      `${path}/resultat`,
      `"${resultatText.slice(0, 20)}" is not one of ${RESULTAT.join(", ")}`,
    );
  let consumed = 1;
  const innehavEl = r.optional(T, "fordonsinnehav");
  if (innehavEl) consumed++;
  const fordonsinnehav = innehavEl ? decodeFordonsinnehav(innehavEl, `${path}/fordonsinnehav`) : undefined;
  const felEls = r.many(T, "felresultat");
  consumed += felEls.length;
  const felresultat = felEls.map((f, i) => decodeFelresultat(f, `${path}/felresultat[${i + 1}]`));
  const svar: HamtaUppgifterResponse = {
    resultat: resultatText as Resultat,
    felresultat,
    tillagg: readTillagg(e, consumed, T, path),
  };
  if (fordonsinnehav) svar.fordonsinnehav = fordonsinnehav;
  return svar;
}

/**
 * Strictly decodes a `tns:HamtaUppgifterResponse` element.
 *
 * @example
 * const svar = decodeHamtaUppgifterResponse(parseSoapEnvelope(xml).body);
 */
export function decodeHamtaUppgifterResponse(e: XmlElement, path = SVAR_PATH): HamtaUppgifterResponse {
  expectElement(e, T, "HamtaUppgifterResponse", path);
  return decodeHamtaUppgifterResponseType(e, path);
}

// ---------------------------------------------------------------------------------------------
// The period SSBT forwards (our extension through the trailing `xs:any namespace="##other"`)

/** The ssbt namespaces whose `tidsperiod` we read from the question's extension slot. */
const SSBT_NAMESPACES: readonly string[] = [NS.ssbt10, NS.ssbt11];

/**
 * The TNS `tidsperiod` of the composite question as an extension element of `tns:HamtaUppgifter`.
 * Transportstyrelsen's schema has no period, but ssbt lets the caller give TNS its own; SSBT
 * forwards it as its own `ssbt:tidsperiod` (type ssbt:Tidsperiod) in the `##other` slot, which
 * the schema accepts (processContents lax). Without it the register answers for today.
 *
 * @example
 * encodeTidsperiodTillagg({ fromDatum: "2026-09-21", tomDatum: "2026-11-20" }, NS.ssbt10)
 */
export function encodeTidsperiodTillagg(period: Tidsperiod, ssbtNs: string): XmlElement {
  return el(ssbtNs, "tidsperiod", [
    el(ssbtNs, "fromDatum", [period.fromDatum]),
    el(ssbtNs, "tomDatum", [period.tomDatum]),
  ]);
}

/**
 * Reads the forwarded `ssbt:tidsperiod` from the extension elements of a question, if present.
 * Other extension elements are ignored (lax). A present but broken period is a ContractViolation.
 *
 * @example
 * readTidsperiodTillagg(decodeHamtaUppgifter(body).tillagg) // { fromDatum: "2026-09-21", tomDatum: "2026-11-20" }
 */
export function readTidsperiodTillagg(
  tillagg: readonly XmlElement[],
  path = FRAGA_PATH,
): Tidsperiod | undefined {
  const perioder = tillagg.filter((t) => t.local === "tidsperiod" && SSBT_NAMESPACES.includes(t.ns));
  const e = perioder[0];
  if (!e) return undefined;
  const p = `${path}/tidsperiod`;
  if (perioder.length > 1) throw new ContractViolation("xml.maxOccurs", p, "at most one tidsperiod allowed");
  const r = new SequenceReader(e, p);
  const fromDatum = readDate(r.text(e.ns, "fromDatum"), `${p}/fromDatum`);
  const tomDatum = readDate(r.text(e.ns, "tomDatum"), `${p}/tomDatum`);
  r.end();
  return { fromDatum, tomDatum };
}
