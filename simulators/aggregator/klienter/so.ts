import { isHarnessError } from "../../../contract/errors.js";
import {
  decodeFault,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  SO_SVAR,
} from "../../../contract/so/codec.js";
import type { GetUnemploymentBenefitPaymentRequest } from "../../../contract/so/model.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import { periodFor, type Sektion, type SsbtFraga } from "../../../contract/ssbt/model.js";
import { childElements, type XmlElement } from "../../../contract/xml/node.js";
import type { BastjanstKlient, BastjanstSvar, Begaran, KontraktInfo } from "../../bastjanst.js";
import { bastjanstFel as fel, soapBegaran, svarstext } from "./soap.js";

/**
 * The INT014 request for a composite question: ingivare → OrganisationsnummerIngivare,
 * NamnIngivare, KontonamnHandlaggare; arendeidentitet → Referensnummer; the SO period (its own
 * `tidsperiod` or the general one) → From/Tom; syfte → Syfte; lagtext → Paragraf;
 * personuppgiftsbiträden in the order sent → the two parallel lists; personidentitet →
 * IdentificationNumber.
 *
 * @example
 * soFraga(testFraga("199608239829")).Referensnummer // "ARENDE-2026-0001"
 */
export function soFraga(fraga: SsbtFraga): GetUnemploymentBenefitPaymentRequest {
  const g = fraga.generellaFrageparametrar;
  const period = periodFor(fraga, "SO");
  return {
    OrganisationsnummerIngivare: g.ingivare.organisationsnummer,
    NamnIngivare: g.ingivare.namn,
    KontonamnHandlaggare: g.ingivare.handlaggare,
    Referensnummer: g.arendeidentitet,
    From: period.fromDatum,
    Tom: period.tomDatum,
    Syfte: g.syfte,
    Paragraf: g.lagtext,
    OrganisationsnummerPersonuppgiftsbitrade: g.personuppgiftsbitrade.map((p) => p.organisationsnummer),
    NamnPersonuppgiftsbitrade: g.personuppgiftsbitrade.map((p) => p.namn),
    IdentificationNumber: g.personidentitet,
  };
}

/**
 * The HTTP request SSBT sends to the a-kassor: SOAP 1.1, POST, `Content-Type: text/xml;
 * charset=utf-8`, `SOAPAction: ""`.
 *
 * @example
 * await fetch(begaran(testFraga("199608239829"), "http://localhost/so/ubpservice/int014", kontrakt))
 */
export function begaran(fraga: SsbtFraga, endpoint: string, _kontrakt: KontraktInfo): Begaran {
  return soapBegaran(endpoint, encodeRequest(soFraga(fraga)));
}

function beskriv(e: unknown): string {
  if (isHarnessError(e) || e instanceof Error) return e.message;
  return "okänt fel";
}

/** A SOAP Fault → error section with the fault's own Felkod (or SOAP_FAULT without our detail). */
function franFault(fault: { faultcode: string; faultstring: string; detail?: XmlElement }): Sektion {
  if (fault.detail) {
    try {
      const d = decodeFault(fault.detail);
      return fel(d.Felkod, ...d.Felmeddelande);
    } catch {
      // A detail we do not know: fall back to the SOAP fault's own words below.
    }
  }
  const text = fault.faultstring.trim() || "SOAP Fault utan felbeskrivning.";
  return fel(
    "SOAP_FAULT",
    `A-kassornas tjänst svarade med SOAP Fault ${fault.faultcode || "(utan faultcode)"}.`,
    text,
  );
}

/**
 * Reads the a-kassor's HTTP answer into the SO section. Never throws:
 * - a SOAP Fault → `error` (kalla BT) with the fault's `Felkod` and `Felmeddelande`;
 * - a non-2xx status without a SOAP Fault → `HTTP_<status>`;
 * - no XML, not SOAP, or an answer that breaks the INT014 XSD → `MALFORMED`;
 * - an answer about another IdentificationNumber → `FEL_PERSON`;
 * - otherwise `data`: the children of `GetUnemploymentBenefitPaymentResponse`, re-encoded from
 *   the strictly decoded answer (an a-kassa with a "Tekniskt fel" status stays in the data: the
 *   a-kassor's answer is partial, not failed).
 *
 * @example
 * const sektion = await tolka(await fetch(begaran(fraga, url, kontrakt)), fraga, kontrakt);
 */
export async function tolka(
  svar: BastjanstSvar,
  fraga: SsbtFraga,
  _kontrakt: KontraktInfo,
): Promise<Sektion> {
  let text: string;
  try {
    text = await svarstext(svar);
  } catch (e) {
    return fel(
      svar.ok ? "MALFORMED" : `HTTP_${svar.status}`,
      `Svaret från a-kassornas tjänst gick inte att läsa: ${beskriv(e)}`,
    );
  }
  let body: XmlElement;
  try {
    body = svar.parsedXml ?? parseSoapEnvelope(text).body;
  } catch (e) {
    if (!svar.ok)
      return fel(
        `HTTP_${svar.status}`,
        `A-kassornas tjänst svarade HTTP ${svar.status} utan SOAP-svar.`,
        beskriv(e),
      );
    return fel("MALFORMED", "Svaret från a-kassornas tjänst är inte ett SOAP 1.1-svar.", beskriv(e));
  }
  const fault = readSoapFault(body);
  if (fault) return franFault(fault);
  if (!svar.ok)
    return fel(
      `HTTP_${svar.status}`,
      `A-kassornas tjänst svarade HTTP ${svar.status} med ${body.local} i stället för ett svar.`,
    );
  try {
    // In-process, the simulator's own tree: its model, and the tree is already the re-encoding.
    const eget = SO_SVAR.modell(body);
    const decoded = eget ?? decodeResponse(body);
    if (decoded.IdentificationNumber !== fraga.generellaFrageparametrar.personidentitet)
      return fel(
        "FEL_PERSON",
        "A-kassornas svar gäller en annan person än den som frågan avser; svaret används inte.",
      );
    return { data: childElements(eget ? body : encodeResponse(decoded)) };
  } catch (e) {
    return fel("MALFORMED", "Svaret från a-kassornas tjänst följer inte INT014-schemat.", beskriv(e));
  }
}

/** How SSBT talks to the a-kassor's INT014 service. */
export const soKlient: BastjanstKlient = { begaran, tolka };
