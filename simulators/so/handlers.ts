import { ContractViolation } from "../../contract/errors.js";
import { harRimligtDatum } from "../../contract/personidentitet.js";
import { decodeRequest, encodeResponse, SO_NS, SO_REQUEST, SO_SVAR } from "../../contract/so/codec.js";
import type { GetUnemploymentBenefitPaymentRequest } from "../../contract/so/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { type SoapOutcome, soapEndpoint } from "../soap-endpoint.js";
import { byggSvar, faktaFor, idag } from "./data.js";
import { faultForViolation, kontrolleraPeriod, ogiltigBegaran, soFault } from "./errors.js";

/** Path of the simulated INT014 endpoint (Sveriges a-kassor, UnemploymentBenefitPaymentService). */
export const SO_PATH = "/so/ubpservice/int014";

/**
 * Answers one `GetUnemploymentBenefitPaymentRequest` Body element: the answer, or the
 * a-kassor's fault. Never throws.
 *
 * @example
 * besvara(testContext(), parseSoapEnvelope(text).body) // { body: <so:GetUnemploymentBenefitPaymentResponse> }
 */
export function besvara(ctx: SimulatorContext, payload: XmlElement): SoapOutcome {
  let fraga: GetUnemploymentBenefitPaymentRequest;
  try {
    fraga = decodeRequest(payload);
  } catch (e) {
    if (e instanceof ContractViolation) return { fault: faultForViolation(e) };
    return { fault: soFault("TEKNISKT_FEL") };
  }
  const periodFel = kontrolleraPeriod(fraga.From, fraga.Tom);
  if (periodFel) return { fault: periodFel };
  try {
    // 12 digits whose first eight are no real date (after the samordningsnummer +60) name nobody.
    const pnr = fraga.IdentificationNumber;
    if (!harRimligtDatum(pnr))
      return {
        fault: soFault(
          "OGILTIGT_IDENTIFIKATIONSNUMMER",
          "De åtta första siffrorna är inget giltigt födelsedatum.",
        ),
      };
    // A person not yet born at the clock's day is unknown to every a-kassa.
    const dag = idag(ctx.now());
    const persona = ctx.population.hitta(pnr, dag);
    const fakta = faktaFor(ctx, persona);
    if (fakta?.fel) return { fault: soFault(fakta.fel) };
    const svar = byggSvar(fraga, fakta, dag);
    return { body: SO_SVAR.minns(encodeResponse(svar), svar) };
  } catch {
    // Our own failure must look like the real service's technical error, never a stack trace.
    return { fault: soFault("TEKNISKT_FEL") };
  }
}

/**
 * The endpoint of the simulated INT014 endpoint: SOAP 1.1 on `*${SO_PATH}` (any origin).
 *
 * @example
 * soEndpoint(testContext()).listen()
 */
export function soEndpoint(ctx: SimulatorContext): Endpoint {
  return soapEndpoint({
    path: SO_PATH,
    operations: [{ ns: SO_NS, local: SO_REQUEST, handle: (payload) => besvara(ctx, payload) }],
    badRequest: ogiltigBegaran,
  });
}
