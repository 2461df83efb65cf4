import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { decodeFault, decodeSsbtError, decodeSvar, versionOfNamespace } from "../../contract/ssbt/codec.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type Kalla,
  type KontraktVersion,
  type SsbtSvar,
} from "../../contract/ssbt/model.js";
import { childElements, findChild, textOf, type XmlElement } from "../../contract/xml/node.js";

/** What one section (or one line of a connection test) held: data, or an error of a kind. */
export type SektionUtfall = "data" | { kalla: Kalla; felkod: string };

/** What an exchange with SSBT gave, reduced to what the contract is about. */
export type SsbtUtfall =
  | { typ: "svar"; status: number; sektioner: Partial<Record<BastjanstKod, SektionUtfall>> }
  | { typ: "test"; status: number; rader: Partial<Record<BastjanstKod, "anropad" | SektionUtfall>> }
  | { typ: "fault"; status: number; felkod: string }
  | { typ: "obegripligt"; status: number; varfor: string };

/** The expectation of an interaction: the same shape without the status (checked separately). */
export type SsbtForvantan =
  | { typ: "svar"; sektioner: Partial<Record<BastjanstKod, SektionUtfall>> }
  | { typ: "test"; rader: Partial<Record<BastjanstKod, "anropad" | SektionUtfall>> }
  | { typ: "fault"; felkod: string };

/**
 * The sections of a decoded answer as {@link SektionUtfall}s.
 *
 * @example
 * sektionerAv(svar) // { AF: "data", MIV: { kalla: "SSBT", felkod: "SSBT-2002" } }
 */
export function sektionerAv(svar: SsbtSvar): Partial<Record<BastjanstKod, SektionUtfall>> {
  const ut: Partial<Record<BastjanstKod, SektionUtfall>> = {};
  for (const kod of BASTJANSTER) {
    const s = svar.svarsdata[kod];
    if (!s) continue;
    // ssbt/11 SKV: a section of parts whose only child is the overall `error` failed as a whole.
    const helFel =
      "delar" in s && s.delar.length === 1 && s.delar[0]?.local === "error"
        ? decodeSsbtError(s.delar[0], s.delar[0].ns, `/svarsdata/${kod}/error`)
        : undefined;
    const fel = "error" in s ? s.error : helFel;
    ut[kod] = fel ? { kalla: fel.kalla, felkod: fel.felkod } : "data";
  }
  return ut;
}

function testRader(e: XmlElement): Partial<Record<BastjanstKod, "anropad" | SektionUtfall>> {
  const ut: Partial<Record<BastjanstKod, "anropad" | SektionUtfall>> = {};
  for (const rad of childElements(e)) {
    const kod = rad.local as BastjanstKod;
    if (!(BASTJANSTER as readonly string[]).includes(kod)) continue;
    const fel = findChild(rad, e.ns, "error");
    const anropad = findChild(rad, e.ns, "anropad");
    if (fel) {
      const kalla = textOf(findChild(fel, e.ns, "kalla") ?? fel);
      ut[kod] = {
        kalla: kalla === "BT" ? "BT" : "SSBT",
        felkod: textOf(findChild(fel, e.ns, "felkod") ?? fel),
      };
    } else if (anropad && textOf(anropad).trim() === "true") ut[kod] = "anropad";
  }
  return ut;
}

/**
 * Reads SSBT's HTTP answer (status + SOAP text) into an {@link SsbtUtfall}, with our strict
 * contract decoder. Never throws: an answer that cannot be read is `obegripligt`.
 *
 * @example
 * lasSsbtSvar(200, xml) // { typ: "svar", status: 200, sektioner: { AF: "data", … } }
 */
export function lasSsbtSvar(status: number, xml: string, version: KontraktVersion = "v10"): SsbtUtfall {
  try {
    const { body } = parseSoapEnvelope(xml);
    const fault = readSoapFault(body);
    if (fault) {
      if (!fault.detail)
        return { typ: "obegripligt", status, varfor: `SOAP Fault without detail: ${fault.faultstring}` };
      return { typ: "fault", status, felkod: decodeFault(fault.detail).felkod };
    }
    if (body.local === "testaBastjanstInformationResponse" && versionOfNamespace(body.ns) !== undefined)
      return { typ: "test", status, rader: testRader(body) };
    return { typ: "svar", status, sektioner: sektionerAv(decodeSvar(body, version)) };
  } catch (e) {
    return { typ: "obegripligt", status, varfor: e instanceof Error ? e.message : String(e) };
  }
}

const visa = (u: SektionUtfall | "anropad" | undefined) =>
  u === undefined ? "nothing" : typeof u === "string" ? u : `error kalla=${u.kalla} felkod=${u.felkod}`;

/**
 * The differences between what an interaction expects and what came (empty when they agree).
 * Sections must be exactly the expected ones: a section too many is a difference too.
 *
 * @example
 * skillnader({ typ: "fault", felkod: "SSBT-1004" }, lasSsbtSvar(500, xml)) // []
 */
export function skillnader(forvantat: SsbtForvantan, utfall: SsbtUtfall): string[] {
  if (utfall.typ === "obegripligt") return [`the answer could not be read: ${utfall.varfor}`];
  if (forvantat.typ !== utfall.typ) return [`expected ${forvantat.typ}, got ${utfall.typ}`];
  if (forvantat.typ === "fault" && utfall.typ === "fault")
    return forvantat.felkod === utfall.felkod
      ? []
      : [`expected felkod ${forvantat.felkod}, got ${utfall.felkod}`];
  const exp = (
    forvantat.typ === "svar" ? forvantat.sektioner : forvantat.typ === "test" ? forvantat.rader : {}
  ) as Record<string, SektionUtfall | "anropad" | undefined>;
  const got = (
    utfall.typ === "svar" ? utfall.sektioner : utfall.typ === "test" ? utfall.rader : {}
  ) as Record<string, SektionUtfall | "anropad" | undefined>;
  const ut: string[] = [];
  for (const kod of BASTJANSTER) {
    const a = visa(exp[kod]);
    const b = visa(got[kod]);
    if (a !== b) ut.push(`${kod}: expected ${a}, got ${b}`);
  }
  return ut;
}
