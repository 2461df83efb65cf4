import {
  decodeFindByPersonnummerResponse,
  decodeSsbtekSoapException,
  encodeFindByPersonnummer,
  encodeFkResponse,
  MIV_ELEMENT,
  MIV_NS,
  MIV_SVAR,
} from "../../../contract/miv/codec.js";
import { maskera } from "../../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import type { Sektion, SsbtFraga } from "../../../contract/ssbt/model.js";
import { childElements, type XmlElement } from "../../../contract/xml/node.js";
import type { BastjanstKlient, BastjanstSvar, Begaran } from "../../bastjanst.js";
import { bastjanstFel as fel, soapBegaran, svarstext } from "./soap.js";

/**
 * Builds Migrationsverket's request for one composite question. Migrationsverket's `fkQuery` only
 * carries the correlation id, the personnummer and the asker (`ingivare`): the period, the
 * arendeidentitet, syfte, lagtext and personuppgiftsbiträden have no place in it and are not sent.
 *
 * @example
 * const request = mivBegaran(fraga, "http://localhost:8080/miv/ssbtek/v1");
 */
export function mivBegaran(fraga: SsbtFraga, endpoint: string): Begaran {
  const g = fraga.generellaFrageparametrar;
  const ingivare = {
    handlaggare: g.ingivare.handlaggare,
    namn: g.ingivare.namn,
    organisationsnummer: g.ingivare.organisationsnummer,
  };
  // Two literals, not a conditional spread: spreading `{}` or `{ korrelationsid }` into the
  // query took V8's slow object-clone path (≈ 1 % of a composite answer's CPU in the server).
  const query =
    g.korrelationsid !== undefined
      ? { korrelationsid: g.korrelationsid, personnummer: g.personidentitet, ingivare }
      : { personnummer: g.personidentitet, ingivare };
  return soapBegaran(endpoint, encodeFindByPersonnummer({ query }));
}

function orsak(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Migrationsverket's fault (or any SOAP Fault) as an error section. */
function felFranFault(fault: { faultcode: string; faultstring: string; detail?: XmlElement }): Sektion {
  const d = fault.detail;
  if (d && d.ns === MIV_NS && d.local === MIV_ELEMENT.fel) {
    try {
      const f = decodeSsbtekSoapException(d);
      const text =
        f.faultString?.trim() ||
        fault.faultstring.trim() ||
        "Migrationsverket svarade med ett fel utan text.";
      return fel(f.faultCode?.trim() || "SOAP_FAULT", text);
    } catch (e) {
      return fel("MALFORMED", `Migrationsverkets felsvar bryter mot schemat: ${orsak(e)}`);
    }
  }
  return fel(
    "SOAP_FAULT",
    `Migrationsverket svarade med SOAP Fault ${fault.faultcode || "(utan faultcode)"}: ${fault.faultstring || "(utan text)"}`,
  );
}

/**
 * Reads Migrationsverket's HTTP answer into the MIV section. Never throws:
 * - `findByPersonnummerResponse` → `data` = its children (`[response]`, or `[]` when absent),
 *   re-encoded from a strict decode so only schema-valid content reaches the composite answer;
 * - a SOAP Fault with `SSBTEKSoapException` → `error` with felkod = its `faultCode` and
 *   felmeddelande = [its `faultString`]; any other SOAP Fault → felkod `SOAP_FAULT`;
 * - an answer about another person → `PERSON_MISMATCH`;
 * - a non-SOAP body with a non-200 status → `HTTP_<status>`; an unreadable or schema-breaking
 *   body otherwise → `MALFORMED`.
 *
 * @example
 * const sektion = await mivTolka(await fetch(mivBegaran(fraga, endpoint)), fraga);
 */
export async function mivTolka(svar: BastjanstSvar, fraga: SsbtFraga): Promise<Sektion> {
  let text: string;
  try {
    text = await svarstext(svar);
  } catch (e) {
    return fel("MALFORMED", `Svaret från Migrationsverket kunde inte läsas: ${orsak(e)}`);
  }
  let body: XmlElement;
  try {
    body = svar.parsedXml ?? parseSoapEnvelope(text).body;
  } catch (e) {
    if (svar.status !== 200)
      return fel(
        `HTTP_${svar.status}`,
        `Migrationsverket svarade med HTTP ${svar.status}${svar.statusText ? ` ${svar.statusText}` : ""} utan SOAP-meddelande.`,
      );
    return fel("MALFORMED", `Svaret från Migrationsverket är inte ett SOAP 1.1-meddelande: ${orsak(e)}`);
  }
  const fault = readSoapFault(body);
  if (fault) return felFranFault(fault);
  if (svar.status !== 200)
    return fel(
      `HTTP_${svar.status}`,
      `Migrationsverket svarade med HTTP ${svar.status} och ett svar som inte är ett fel.`,
    );
  try {
    // In-process, the simulator's own tree: its model, and the tree is already the re-encoding.
    const eget = MIV_SVAR.modell(body);
    const { response } = eget ?? decodeFindByPersonnummerResponse(body);
    if (!response) return { data: [] };
    const asked = fraga.generellaFrageparametrar.personidentitet;
    if (response.personnummer !== undefined && response.personnummer !== asked)
      return fel(
        "PERSON_MISMATCH",
        `Migrationsverket svarade om ${maskera(response.personnummer)} men frågan gällde ${maskera(asked)}.`,
      );
    return { data: eget ? childElements(body) : [encodeFkResponse(response)] };
  } catch (e) {
    return fel("MALFORMED", `Svaret från Migrationsverket bryter mot schemat: ${orsak(e)}`);
  }
}

/** How SSBT calls Migrationsverket. */
export const mivKlient: BastjanstKlient = {
  begaran: (fraga, endpoint) => mivBegaran(fraga, endpoint),
  tolka: (svar, fraga) => mivTolka(svar, fraga),
};
