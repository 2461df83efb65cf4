import { AF_SVAR, decodeFragaMeddelande, encodeSvarMeddelande } from "../../contract/af/codec.js";
import { ContractViolation, isHarnessError } from "../../contract/errors.js";
import { NS } from "../../contract/namespaces.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { type SoapOutcome, soapEndpoint } from "../soap-endpoint.js";
import { byggSvarMeddelande, faktaFor, svenskDag } from "./data.js";
import { afObserverat } from "./dialekt.js";
import { AF_FELKOD, afFault } from "./errors.js";
import { byggUtokadSvar } from "./utkast-data.js";

/** Path of AF's endpoint, absolute from the server root. */
export const AF_PATH = "/af/arbetssokande/ersattningsstod/v2";

/**
 * Answers one `FragaMeddelande` Body element: decode strictly, check the period, build the answer.
 *
 * @example
 * besvara(parseSoapEnvelope(text).body, testContext()) // { body: <af:SvarMeddelande> }
 */
export function besvara(payload: XmlElement, ctx: SimulatorContext): SoapOutcome {
  try {
    const fragaMeddelande = decodeFragaMeddelande(payload);
    const { From, Tom, IdentitetsbeteckningFysiskPerson: pnr } = fragaMeddelande.Fraga;
    if (dateOnly(From) > dateOnly(Tom))
      return { fault: afFault(AF_FELKOD.ogiltigTidsperiod, `From (${From}) is after Tom (${Tom}).`) };
    const idag = svenskDag(ctx.now());
    const persona = ctx.population.hitta(pnr, idag);
    const svar = byggSvarMeddelande({ fragaMeddelande, persona, fakta: faktaFor(persona, ctx.seed), idag });
    // The draft's extension, only when asked for (SSBT asks in contract `utkast`).
    const utokad = fragaMeddelande.UtokadFraga && persona && byggUtokadSvar(svar, persona, ctx.seed, idag);
    if (utokad) svar.Svar.UtokadSvar = utokad;
    const body = AF_SVAR.minns(encodeSvarMeddelande(svar), svar);
    return { body: ctx.dialekt === "observed" ? afObserverat.tillampa(body) : body };
  } catch (e) {
    if (e instanceof ContractViolation) return { fault: afFault(AF_FELKOD.schemafel, e.message) };
    // Our own failure: a Server fault without internals (no stack trace, no personal data).
    return {
      fault: afFault(
        AF_FELKOD.teknisktFel,
        isHarnessError(e) ? e.code : "Unexpected error in the simulated bastjänst.",
      ),
    };
  }
}

/**
 * The endpoint of Arbetsförmedlingen's bastjänst: one SOAP 1.1 endpoint at {@link AF_PATH}
 * (any origin) with the single operation `FragaMeddelande` → `SvarMeddelande`.
 *
 * @example
 * const server = afEndpoint(testContext());
 */
export function afEndpoint(ctx: SimulatorContext): Endpoint {
  return soapEndpoint({
    path: AF_PATH,
    operations: [{ ns: NS.af, local: "FragaMeddelande", handle: (payload) => besvara(payload, ctx) }],
    badRequest: (message) => afFault(AF_FELKOD.ogiltigtMeddelande, message),
  });
}
