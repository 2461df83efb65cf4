import { svenskDag } from "../../contract/kalender.js";
import {
  decodeFindByPersonnummer,
  encodeFindByPersonnummerResponse,
  MIV_ELEMENT,
  MIV_NS,
  MIV_SVAR,
} from "../../contract/miv/codec.js";
import { maskeraText } from "../../contract/personidentitet.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { type SoapOutcome, soapEndpoint } from "../soap-endpoint.js";
import { byggMivSvar, correlationid, type MivSvarIndata, mivFakta } from "./data.js";
import { mivObserverat } from "./dialekt.js";
import { kontrolleraFraga, mivFault } from "./errors.js";

/** Path of Migrationsverket's SSBTEK endpoint, from the server root. */
export const MIV_PATH = "/miv/ssbtek/v1";

/**
 * Answers one `findByPersonnummer`. Migrationsverket's question carries no period, so the answer
 * is what it knows today (`ctx.now()`): every decision made so far.
 */
function besvara(ctx: SimulatorContext, payload: XmlElement): SoapOutcome {
  // A schema breach throws a ContractViolation: soapEndpoint turns it into MIV-002 via badRequest.
  const { query } = decodeFindByPersonnummer(payload);
  const fel = kontrolleraFraga(query);
  if (fel) return { fault: fel };
  try {
    const now = ctx.now();
    const idag = svenskDag(now);
    const persona = ctx.population.hitta(query.personnummer, idag);
    const indata: MivSvarIndata = {
      personnummer: query.personnummer,
      correlationid: correlationid(ctx.seed, query, now),
      period: { fromDatum: idag, tomDatum: idag },
      now,
    };
    if (query.korrelationsid !== undefined) indata.korrelationsid = query.korrelationsid;
    if (persona) {
      indata.persona = persona;
      indata.fakta = mivFakta(ctx, persona);
    }
    const response = byggMivSvar(indata);
    const svar = { response };
    const body = MIV_SVAR.minns(encodeFindByPersonnummerResponse(svar), svar);
    return { body: ctx.dialekt === "observed" ? mivObserverat.tillampa(body) : body };
  } catch {
    // Our own bug must not reach the caller as a stack trace: Migrationsverket's technical fault.
    return { fault: mivFault("MIV-500", "frågan kunde inte besvaras, försök igen senare.") };
  }
}

/**
 * Migrationsverket's SSBTEK endpoint (SOAP 1.1, operation `findByPersonnummer`) as an endpoint,
 * matching the path on any origin. Bad requests get Migrationsverket's own SOAP Fault
 * (`SSBTEKSoapException`, HTTP 500), never a stack trace.
 *
 * @example
 * const server = mivEndpoint(testContext());
 */
export function mivEndpoint(ctx: SimulatorContext): Endpoint {
  return soapEndpoint({
    path: MIV_PATH,
    operations: [{ ns: MIV_NS, local: MIV_ELEMENT.fraga, handle: (payload) => besvara(ctx, payload) }],
    badRequest: (message) => mivFault("MIV-002", maskeraText(message)),
  });
}
