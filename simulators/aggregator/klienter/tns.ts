import { isHarnessError } from "../../../contract/errors.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import { periodFor, type Sektion, type SsbtFraga } from "../../../contract/ssbt/model.js";
import {
  decodeHamtaUppgifterResponse,
  encodeHamtaUppgifter,
  encodeTidsperiodTillagg,
  hamtaUppgifterResponseChildren,
  TNS_SVAR,
} from "../../../contract/tns/codec.js";
import { childElements } from "../../../contract/xml/node.js";
import type { BastjanstKlient, BastjanstSvar, Begaran, KontraktInfo } from "../../bastjanst.js";
import { bastjanstFel, soapBegaran, svarstext } from "./soap.js";

/** Felkod of an error section that did not come as `resultat` FEL. */
export const TOLKA_FELKOD = {
  /** The answer was a SOAP Fault. */
  soapFault: "SOAP_FAULT",
  /** The answer was not a usable HamtaUppgifterResponse (not XML, not SOAP, breaks the schema). */
  malformed: "MALFORMED",
  /** `resultat` FEL without any `felresultat`. */
  felUtanFelresultat: "FEL",
} as const;

const fel = (felkod: string, felmeddelande: string[]): Sektion => bastjanstFel(felkod, ...felmeddelande);

/**
 * The `tns:HamtaUppgifter` request SSBT sends: the personidentitet split into sekel and ten digits,
 * and the TNS period (its own or the general one) forwarded as `ssbt:tidsperiod` in the schema's
 * extension slot. Transportstyrelsen's question has no place for ingivare, ärende, syfte or lagtext.
 *
 * @example
 * const request = begaran(fraga, "http://localhost:8080/tns/hamtauppgifter/v1", { version: "v10", ns: NS.ssbt10 });
 */
export function begaran(fraga: SsbtFraga, endpoint: string, kontrakt: KontraktInfo): Begaran {
  const personidentitet = fraga.generellaFrageparametrar.personidentitet;
  const payload = encodeHamtaUppgifter({
    identifikation: {
      sekel: personidentitet.slice(0, 2),
      personnummer: personidentitet.slice(2),
      tillagg: [],
    },
    tillagg: [encodeTidsperiodTillagg(periodFor(fraga, "TNS"), kontrakt.ns)],
  });
  return soapBegaran(endpoint, payload);
}

/**
 * Reads Transportstyrelsen's answer into the TNS section. `resultat` OK → `data` with the children
 * of the response (resultat, fordonsinnehav, …); FEL → error kalla BT with the first felkod and
 * every feltext; a SOAP Fault, an HTTP error or anything unreadable → an error section. Never throws.
 *
 * @example
 * const sektion = await tolka(await fetch(begaran(fraga, url, kontrakt)), fraga, kontrakt);
 */
export async function tolka(
  svar: BastjanstSvar,
  _fraga: SsbtFraga,
  _kontrakt: KontraktInfo,
): Promise<Sektion> {
  const http = `HTTP ${svar.status}${svar.statusText ? ` ${svar.statusText}` : ""}`;
  try {
    let text: string;
    try {
      text = await svarstext(svar);
    } catch {
      return fel(`HTTP_${svar.status}`, [`Transportstyrelsens svar (${http}) gick inte att läsa.`]);
    }
    let body: ReturnType<typeof parseSoapEnvelope>["body"];
    try {
      body = svar.parsedXml ?? parseSoapEnvelope(text).body;
    } catch (e) {
      const varfor = isHarnessError(e) ? e.message : "okänt fel";
      if (!svar.ok)
        return fel(`HTTP_${svar.status}`, [
          `Transportstyrelsen svarade ${http} utan SOAP-meddelande.`,
          varfor,
        ]);
      return fel(TOLKA_FELKOD.malformed, [
        `Transportstyrelsens svar är inte ett SOAP 1.1-meddelande.`,
        varfor,
      ]);
    }
    const fault = readSoapFault(body);
    if (fault) return fel(TOLKA_FELKOD.soapFault, [`${fault.faultcode}: ${fault.faultstring}`]);
    if (!svar.ok) return fel(`HTTP_${svar.status}`, [`Transportstyrelsen svarade ${http}.`]);
    // In-process, the simulator's own tree: its model, and the tree is already the re-encoding.
    const eget = TNS_SVAR.modell(body);
    const decoded = eget ?? decodeHamtaUppgifterResponse(body);
    if (decoded.resultat === "FEL") {
      const forsta = decoded.felresultat[0];
      if (!forsta)
        return fel(TOLKA_FELKOD.felUtanFelresultat, ["Transportstyrelsen svarade FEL utan felresultat."]);
      return fel(
        String(forsta.felkod),
        decoded.felresultat.map((f) => f.feltext),
      );
    }
    return { data: eget ? childElements(body) : hamtaUppgifterResponseChildren(decoded) };
  } catch (e) {
    const varfor = isHarnessError(e) ? e.message : "okänt fel";
    return fel(TOLKA_FELKOD.malformed, [
      "Transportstyrelsens svar följer inte HamtaUppgifterResponder 1.0.",
      varfor,
    ]);
  }
}

/** How SSBT talks to Transportstyrelsen. */
export const tnsKlient: BastjanstKlient = { begaran, tolka };
