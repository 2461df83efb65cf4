import { NS } from "../../contract/namespaces.js";
import {
  decodeHamtaUppgifter,
  encodeHamtaUppgifterResponse,
  FRAGA_PATH,
  readTidsperiodTillagg,
  TNS_SVAR,
} from "../../contract/tns/codec.js";
import type { HamtaUppgifterResponse } from "../../contract/tns/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { type SoapOutcome, soapEndpoint } from "../soap-endpoint.js";
import { idag, svarFor } from "./data.js";
import { felaktigFraga, kontrolleraFraga } from "./errors.js";

/** Path of Transportstyrelsen's SSBTEK endpoint, from the server root. */
export const TNS_PATH = "/tns/hamtauppgifter/v1";

/**
 * Answers one `tns:HamtaUppgifter` payload: schema breach → ContractViolation (the endpoint turns it
 * into a SOAP Fault), logical error → `resultat` FEL, else `resultat` OK with the vehicles.
 *
 * @example
 * hamtaUppgifter(ctx, parseSoapEnvelope(xml).body) // { body: <tns:HamtaUppgifterResponse> }
 */
export function hamtaUppgifter(ctx: SimulatorContext, payload: XmlElement): SoapOutcome {
  const fraga = decodeHamtaUppgifter(payload);
  const forwarded = readTidsperiodTillagg(fraga.tillagg, FRAGA_PATH);
  const today = idag(ctx.now());
  const period = forwarded
    ? { fromDatum: dateOnly(forwarded.fromDatum), tomDatum: dateOnly(forwarded.tomDatum) }
    : { fromDatum: today, tomDatum: today };
  const personidentitet = fraga.identifikation.sekel + fraga.identifikation.personnummer;
  const fel = kontrolleraFraga(personidentitet, period, today);
  const svar: HamtaUppgifterResponse =
    fel.length > 0
      ? { resultat: "FEL", felresultat: fel, tillagg: [] }
      : svarFor(ctx, ctx.population.hitta(personidentitet, today), period);
  return { body: TNS_SVAR.minns(encodeHamtaUppgifterResponse(svar), svar) };
}

/**
 * The endpoint of Transportstyrelsen's SSBTEK endpoint (SOAP 1.1, POST on `*${TNS_PATH}`).
 *
 * @example
 * const server = tnsEndpoint(testContext());
 */
export function tnsEndpoint(ctx: SimulatorContext): Endpoint {
  return soapEndpoint({
    path: TNS_PATH,
    operations: [{ ns: NS.tns, local: "HamtaUppgifter", handle: (payload) => hamtaUppgifter(ctx, payload) }],
    badRequest: felaktigFraga,
  });
}
