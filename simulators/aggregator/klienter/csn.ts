import {
  CSN_FRAGOR,
  CSN_SVAR,
  decodeCsnSvar,
  encodeCsnSvar,
  encodeFraga,
  serializeCsnSvar,
} from "../../../contract/csn/codec.js";
import {
  CSN_NS,
  CSN_PREFIXES,
  CSN_SCHEMA_VERSION,
  type CsnSvar,
  type SbnUppgEkBistandBegar,
} from "../../../contract/csn/model.js";
import { arV3Svar, CSN_V3_PREFIXES, franV3, tillV3 } from "../../../contract/csn/v3.js";
import { isHarnessError } from "../../../contract/errors.js";
import { maskera } from "../../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import { periodFor, type Sektion, type SsbtFraga } from "../../../contract/ssbt/model.js";
import { childElements, el, textOf, type XmlElement } from "../../../contract/xml/node.js";
import { serializeXml } from "../../../contract/xml/serialize.js";
import { dateOnly } from "../../../contract/xml/xsd-types.js";
import type { BastjanstKlient, BastjanstSvar, Begaran, KontraktInfo } from "../../bastjanst.js";
import { DATAKODER } from "../../csn/errors.js";
import { CSN_SOAP_PREFIXES } from "../../csn/handlers.js";
import { bastjanstFel as fel, soapBegaran, svarstext } from "./soap.js";

/** What SSBT calls itself in CSN's `AppNamn`. */
export const SSBT_APPNAMN = "SSBTEK Sammansatt bastjänst ekonomiskt bistånd";

/** `YYYY-MM-DD` (with or without time zone) → CSN's `YYYYMMDD`. */
function csnDatum(xsdDate: string): string {
  const d = dateOnly(xsdDate);
  // Slices for the usual four-digit year: replaceAll takes a slow path on every question.
  return d[4] === "-" && d[7] === "-" ? d.slice(0, 4) + d.slice(5, 7) + d.slice(8) : d.replaceAll("-", "");
}

/** A 12-digit organisationsnummer ("16" + ten digits) → CSN's `NNNNNN-NNNN`. */
function kommun(organisationsnummer: string): string {
  const tio = organisationsnummer.slice(-10);
  return `${tio.slice(0, 6)}-${tio.slice(6)}`;
}

/**
 * CSN's question for a composite question: the municipality, the caseworker, the ärende (as
 * both ärende-id and household id: ekonomiskt bistånd is decided per household), the CSN period
 * and the person. CSN's question has no place for syfte, lagtext or personuppgiftsbiträden.
 *
 * @example
 * csnFraga(testFraga("200304129810"), { version: "v10", ns: NS.ssbt10 }).HushallsMedlemsId // "0304129810"
 */
export function csnFraga(fraga: SsbtFraga, kontrakt: KontraktInfo): SbnUppgEkBistandBegar {
  const g = fraga.generellaFrageparametrar;
  const period = periodFor(fraga, "CSN");
  return {
    SchemaVersion: CSN_SCHEMA_VERSION,
    Kommun: kommun(g.ingivare.organisationsnummer),
    AppNamn: SSBT_APPNAMN,
    AppVersion: kontrakt.version,
    ...(g.korrelationsid !== undefined ? { AnropsId: g.korrelationsid } : {}),
    HandlaggareId: g.ingivare.handlaggare,
    ArendeId: g.arendeidentitet,
    HushallsId: g.arendeidentitet,
    FromDatum: csnDatum(period.fromDatum),
    TomDatum: csnDatum(period.tomDatum),
    HushallsMedlemsIdSekel: g.personidentitet.slice(0, 2),
    HushallsMedlemsId: g.personidentitet.slice(2),
  };
}

/**
 * The HTTP request SSBT sends CSN: SOAP 1.1, `SOAPAction: ""`, CSN's own question element.
 *
 * @example
 * await fetch(begaran(fraga, "http://localhost:8080/csn/kommunfraga/v4", kontrakt))
 */
export function begaran(fraga: SsbtFraga, endpoint: string, kontrakt: KontraktInfo): Begaran {
  const q = csnFraga(fraga, kontrakt);
  return soapBegaran(endpoint, CSN_FRAGOR.minns(encodeFraga(q), q), CSN_SOAP_PREFIXES);
}

/** The CSN result code and text carried in a fault's detail, if any. */
function resultatIFault(detail: ReturnType<typeof readSoapFault>): { kod?: string; text?: string } {
  const d = detail?.detail;
  if (!d || d.ns !== CSN_NS.kommunfraga || d.local !== "Resultat") return {};
  const kids = childElements(d);
  const kod = kids.find((k) => k.local === "ResultatKod");
  const text = kids.find((k) => k.local === "ResultatText");
  return { ...(kod ? { kod: textOf(kod).trim() } : {}), ...(text ? { text: textOf(text) } : {}) };
}

/**
 * CSN's answer, and whether it came in the 3.0 layout (production, `--dialect observed`). `trad`:
 * the simulator's own 4.0 tree, handed over in-process, which is `encodeCsnSvar(svar)` already.
 */
interface Last {
  svar: CsnSvar;
  v3: boolean;
  trad?: XmlElement;
}

function lasSvar(text: string, status: number, parsedXml: XmlElement | undefined): Last | Sektion {
  let body: ReturnType<typeof parseSoapEnvelope>["body"];
  try {
    body = parsedXml ?? parseSoapEnvelope(text).body;
  } catch (e) {
    const varfor = isHarnessError(e) ? e.message : "the body could not be read";
    if (status !== 200)
      return fel(`HTTP_${status}`, `CSN svarade med HTTP ${status} utan läsbart SOAP-svar.`);
    return fel("MALFORMED", `CSN:s svar är inte ett läsbart SOAP-meddelande: ${varfor}`);
  }
  const fault = readSoapFault(body);
  if (fault) {
    const r = resultatIFault(fault);
    return fel(
      r.kod || "SOAP_FAULT",
      `CSN svarade med SOAP Fault (${fault.faultcode}): ${fault.faultstring}`,
    );
  }
  if (status !== 200) return fel(`HTTP_${status}`, `CSN svarade med HTTP ${status}.`);
  // In-process, the simulator's own (4.0) tree: its model, not decoded again.
  const eget = CSN_SVAR.modell(body);
  if (eget) return { svar: eget, v3: false, trad: body };
  try {
    // CSN's production answers use the 3.0 layout: read it with the 4.0 decoder (contract/csn/v3.ts).
    if (arV3Svar(body)) return { svar: decodeCsnSvar(franV3(body)), v3: true };
    return { svar: decodeCsnSvar(body), v3: false };
  } catch (e) {
    const varfor = isHarnessError(e) ? e.message : "unknown error";
    return fel("MALFORMED", `CSN:s svar följer inte kommunfråga v4.0: ${varfor}`);
  }
}

/**
 * Reads CSN's answer into SSBT's CSN section. Result 0 and −2 become `data` (`<svar>` = base64 of
 * CSN's answer document, UTF-8 with declaration); any other result code becomes an error section
 * with that code as felkod and CSN's ResultatText. A fault, an HTTP error, an HTML page or a body
 * that breaks CSN's schema also becomes an error section. Never throws.
 *
 * @example
 * await tolka(await fetch(begaran(fraga, url, kontrakt)), fraga, kontrakt) // { data: [<ssbt:svar>…] }
 */
export async function tolka(svar: BastjanstSvar, fraga: SsbtFraga, kontrakt: KontraktInfo): Promise<Sektion> {
  try {
    let text: string;
    try {
      text = await svarstext(svar);
    } catch {
      return fel("MALFORMED", "CSN:s svar kunde inte läsas.");
    }
    const lasning = lasSvar(text, svar.status, svar.parsedXml);
    if (!("svar" in lasning)) return lasning;
    const last = lasning.svar;
    const { ResultatKod, ResultatText } = last.Resultat;
    if (!DATAKODER.includes(ResultatKod)) return fel(ResultatKod, ResultatText);
    const pid = fraga.generellaFrageparametrar.personidentitet;
    const annan = last.Personer.find(
      (p) => p.personnummer !== pid.slice(2) || (p.sekel ?? pid.slice(0, 2)) !== pid.slice(0, 2),
    );
    if (annan)
      return fel("FEL_PERSON", `CSN svarade om en annan person än den som efterfrågades (${maskera(pid)}).`);
    // Passed on in the layout CSN answered in: a 3.0 answer reaches the consumer as 3.0.
    // The simulator's own tree is written as it is: encoding its model again gives the same tree.
    const dokument = lasning.v3
      ? serializeXml(tillV3(encodeCsnSvar(last)), { prefixes: CSN_V3_PREFIXES, declaration: true })
      : lasning.trad
        ? serializeXml(lasning.trad, { prefixes: CSN_PREFIXES, declaration: true })
        : serializeCsnSvar(last);
    return { data: [el(kontrakt.ns, "svar", [Buffer.from(dokument, "utf8").toString("base64")])] };
  } catch (e) {
    // A bug must not take the composite answer down: report it as this section's error.
    return fel("MALFORMED", `CSN:s svar kunde inte tolkas: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** SSBT's side of CSN: build the question, read the answer. */
export const csnKlient: BastjanstKlient = { begaran, tolka };
