import { maskera } from "../../../contract/personidentitet.js";
import {
  decodeBeskattningsuppgifterResponse,
  decodeSkvException,
  encodeBeskattningsuppgifterRequest,
  fragedokument,
  SKV_FRAGOR,
  SKV_SVAR,
  serializeSkvDokument,
} from "../../../contract/skv/codec.js";
import { type FragaBeskattningsuppgifter, SKV_DOKUMENT_NS, SVAR_ROT } from "../../../contract/skv/model.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import {
  harSkvV11,
  periodFor,
  type Sektion,
  type SsbtError,
  type SsbtFraga,
  type Tidsperiod,
} from "../../../contract/ssbt/model.js";
import { cdata, childElements, el, textOf, type XmlElement } from "../../../contract/xml/node.js";
import { parseXml } from "../../../contract/xml/parse.js";
import type { BastjanstKlient, BastjanstSvar, Begaran, KontraktInfo } from "../../bastjanst.js";
import { forfraganV11, skvForkontrollV11, tolkaSvarV11 } from "./skv-v11.js";
import { bastjanstFel as fel, soapBegaran, svarstext } from "./soap.js";

/**
 * The income years SSBT asks Skatteverket for: the latest decided taxation before the period (the
 * year before the period's start year) and the year before that, latest first.
 *
 * @example
 * inkomstarFor({ fromDatum: "2026-09-21", tomDatum: "2026-11-20" }) // [2025, 2024]
 */
export function inkomstarFor(period: Tidsperiod): number[] {
  const senaste = Number(period.fromDatum.slice(0, 4)) - 1;
  return [senaste, senaste - 1];
}

/**
 * Maps the composite question to Skatteverket's question document: ingivare and handläggare,
 * `arendeidentitet` as Referensnummer, syfte, lagtext as Lagrum, processors, the person, the
 * SKV period (`periodFor(fraga, "SKV")`) and the income years derived from it.
 *
 * @example
 * fragaTillSkv(testFraga("199608239829")).Inkomstar // [2025, 2024]
 */
export function fragaTillSkv(fraga: SsbtFraga): FragaBeskattningsuppgifter {
  const g = fraga.generellaFrageparametrar;
  const period = periodFor(fraga, "SKV");
  return {
    Ingivare: {
      OrganisationsnummerIngivare: g.ingivare.organisationsnummer,
      NamnIngivare: g.ingivare.namn,
      Handlaggare: g.ingivare.handlaggare,
    },
    PersonuppgiftsbitradeLista: g.personuppgiftsbitrade.map((p) =>
      p.ordningsnummer === undefined
        ? { Organisationsnummer: p.organisationsnummer, Namn: p.namn }
        : { Ordningsnummer: p.ordningsnummer, Organisationsnummer: p.organisationsnummer, Namn: p.namn },
    ),
    Referensnummer: g.arendeidentitet,
    Syfte: g.syfte,
    Lagrum: g.lagtext,
    IdentitetsbeteckningFysiskPerson: g.personidentitet,
    Frageperiod: { FromDatum: period.fromDatum, TomDatum: period.tomDatum },
    Inkomstar: inkomstarFor(period),
  };
}

/**
 * The HTTP request SSBT sends to Skatteverket: SOAP 1.1 POST, `SOAPAction: ""`, Body
 * `skv:BeskattningsuppgifterRequest` whose `forfragan` is the question document as a string
 * (ssbt/10: the XML document; ssbt/11: the JSON document of `v11-client.ts`).
 *
 * @example
 * const request = skvBegaran(testFraga("199608239829"), "http://localhost:8080/skv/beskattningws", kontrakt)
 */
export function skvBegaran(fraga: SsbtFraga, endpoint: string, kontrakt: KontraktInfo): Begaran {
  if (harSkvV11(kontrakt.version))
    return soapBegaran(endpoint, encodeBeskattningsuppgifterRequest({ forfragan: forfraganV11(fraga) }));
  const dokument = fragedokument(fragaTillSkv(fraga));
  const forfragan = serializeSkvDokument(dokument);
  const payload = encodeBeskattningsuppgifterRequest({ forfragan });
  return soapBegaran(endpoint, SKV_FRAGOR.minns(payload, { forfragan, dokument }));
}

/**
 * SSBT's own check before calling: nothing to check for ssbt/10; for ssbt/11 the number of asked
 * years ({@link skvForkontrollV11}).
 */
export function skvForkontroll(fraga: SsbtFraga, kontrakt: KontraktInfo): SsbtError | undefined {
  return harSkvV11(kontrakt.version) ? skvForkontrollV11(fraga) : undefined;
}

function kort(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Every `folko:IdentitetsbeteckningFysiskPerson` in the answer document, depth first. */
function identiteter(e: XmlElement, out: string[] = []): string[] {
  for (const c of childElements(e)) {
    if (c.ns === SKV_DOKUMENT_NS.folko && c.local === "IdentitetsbeteckningFysiskPerson")
      out.push(textOf(c).trim());
    else identiteter(c, out);
  }
  return out;
}

/** Reads a SOAP Fault body into an error section: `skv:Exception` gives felkod and text. */
function felFranFault(body: XmlElement): Sektion | undefined {
  const fault = readSoapFault(body);
  if (!fault) return undefined;
  const detalj = fault.detail;
  if (detalj && detalj.local === "Exception") {
    try {
      const x = decodeSkvException(detalj);
      const text =
        x.MeddelandeText ?? (fault.faultstring || "Skatteverket svarade med ett fel utan meddelandetext.");
      return fel(x.MeddelandeKod === undefined ? "SOAP_FAULT" : String(x.MeddelandeKod), text);
    } catch (e) {
      return fel(
        "MALFORMED",
        `Skatteverkets felsvar (Exception) följer inte schemat: ${kort((e as Error).message)}`,
      );
    }
  }
  return fel("SOAP_FAULT", fault.faultstring || `SOAP Fault ${fault.faultcode} från Skatteverket utan text.`);
}

/**
 * Reads Skatteverket's HTTP answer into the SKV section (ssbt/11: the answer document is read by
 * {@link tolkaSvarV11}; the SOAP and fault handling below is the same). Never throws:
 * - `skv:BeskattningsuppgifterResponse` with a well-formed answer document about the asked person
 *   → `{ data: [<svar>document</svar>] }` (unqualified `svar`, the document passed on as is);
 * - SOAP Fault with `skv:Exception` → felkod = MeddelandeKod, felmeddelande = [MeddelandeText];
 *   a fault without it → `SOAP_FAULT`;
 * - another HTTP status without a SOAP message → `HTTP_<status>`;
 * - anything unreadable, the wrong element, a broken or foreign document → `MALFORMED`;
 * - an answer about another person → `FEL_PERSON`.
 *
 * @example
 * const sektion = await skvTolka(await fetch(skvBegaran(fraga, url, kontrakt)), fraga, kontrakt)
 */
export async function skvTolka(
  svar: BastjanstSvar,
  fraga: SsbtFraga,
  kontrakt: KontraktInfo,
): Promise<Sektion> {
  let text: string;
  try {
    text = await svarstext(svar);
  } catch (e) {
    return fel("MALFORMED", `Skatteverkets svar kunde inte läsas: ${kort((e as Error).message)}`);
  }
  let body: XmlElement;
  try {
    body = svar.parsedXml ?? parseSoapEnvelope(text).body;
  } catch (e) {
    if (!svar.ok)
      return fel(
        `HTTP_${svar.status}`,
        `Skatteverket svarade med HTTP ${svar.status}${svar.statusText ? ` ${svar.statusText}` : ""} utan SOAP-meddelande.`,
      );
    return fel(
      "MALFORMED",
      `Skatteverkets svar är inte ett SOAP 1.1-meddelande: ${kort((e as Error).message)}`,
    );
  }
  const felsektion = felFranFault(body);
  if (felsektion) return felsektion;
  if (!svar.ok)
    return fel(`HTTP_${svar.status}`, `Skatteverket svarade med HTTP ${svar.status} utan SOAP Fault.`);

  // In-process, the simulator's own tree: its document, and the tree that was written from.
  const eget = SKV_SVAR.modell(body);
  let dokument: string;
  try {
    dokument = eget?.svar ?? decodeBeskattningsuppgifterResponse(body).svar;
  } catch (e) {
    return fel("MALFORMED", `Skatteverkets svar följer inte schemat: ${kort((e as Error).message)}`);
  }
  if (harSkvV11(kontrakt.version)) return tolkaSvarV11(dokument, fraga, kontrakt);
  let rot: XmlElement;
  try {
    rot = eget?.dokument ?? parseXml(dokument);
  } catch (e) {
    return fel("MALFORMED", `Svarsdokumentet i svar är inte välformad XML: ${kort((e as Error).message)}`);
  }
  if (rot.ns !== SKV_DOKUMENT_NS.instans || rot.local !== SVAR_ROT)
    return fel("MALFORMED", `Svarsdokumentet i svar har rotelementet ${rot.local}, väntade ${SVAR_ROT}.`);
  const fragad = fraga.generellaFrageparametrar.personidentitet;
  const andra = identiteter(rot).filter((id) => id !== fragad);
  if (andra.length > 0)
    return fel(
      "FEL_PERSON",
      `Skatteverkets svar gäller en annan person (${maskera(andra[0]!)}) än den efterfrågade (${maskera(fragad)}).`,
    );
  // Passed on as Skatteverket wrote it: a CDATA section stays one (the observed dialect, production).
  return { data: [el("", "svar", [somCdata(body) ? cdata(dokument) : dokument])] };
}

/** Whether Skatteverket sent the document in `svar` as a CDATA section. */
function somCdata(body: XmlElement): boolean {
  for (const c of body.children)
    if (c.kind === "element" && c.local === "svar")
      return c.children.some((t) => t.kind === "text" && t.cdata === true);
  return false;
}

/** How SSBT talks to Skatteverket. */
export const skvKlient: BastjanstKlient = {
  forkontroll: skvForkontroll,
  begaran: skvBegaran,
  tolka: skvTolka,
};
