import { isHarnessError } from "../../contract/errors.js";
import { svenskDag } from "../../contract/kalender.js";
import { NS } from "../../contract/namespaces.js";
import {
  decodeBeskattningsuppgifterRequest,
  decodeFraga,
  encodeBeskattningsuppgifterResponse,
  SKV_FRAGOR,
  SKV_SVAR,
  serializeSkvDokument,
  svarsdokument,
} from "../../contract/skv/codec.js";
import type { FragaBeskattningsuppgifter } from "../../contract/skv/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { type SoapOutcome, soapEndpoint } from "../soap-endpoint.js";
import { byggSvar, kanInteLasas } from "./data.js";
import { skvObserverat } from "./dialekt.js";
import {
  felaktigForfragan,
  iServicefonster,
  kontrolleraFraga,
  servicefonsterFel,
  teknisktFel,
} from "./errors.js";
import { arsberakning, skvPersonV11 } from "./v11-data.js";
import { arV11Forfragan, besvaraV11 } from "./v11-svar.js";

/** Path of Skatteverket's simulated endpoint (ZgBsBeskattningWS), from the server root. */
export const SKV_PATH = "/skv/beskattningws";

/**
 * Answers one `skv:BeskattningsuppgifterRequest` payload: maintenance window, strict decoding of
 * the payload and its `forfragan` document (9071002), Skatteverket's checks (9071003, 9071001,
 * 9071004), then the answer document. An unexpected failure becomes 9071500, never a stack trace.
 * A JSON `forfragan` is an ssbt/11 question, answered by {@link besvaraV11}.
 *
 * @example
 * besvara(payload, testContext()) // { body: <skv:BeskattningsuppgifterResponse> } or { fault }
 */
export function besvara(payload: XmlElement, ctx: SimulatorContext): SoapOutcome {
  const now = ctx.now();
  if (iServicefonster(now)) return { fault: servicefonsterFel() };
  let fraga: FragaBeskattningsuppgifter;
  try {
    const { forfragan } = decodeBeskattningsuppgifterRequest(payload);
    // ssbt/11 asks through the same operation with a JSON question document (see v11-svar.ts).
    if (arV11Forfragan(forfragan)) return besvaraV11(forfragan, ctx);
    fraga = decodeFraga(forfragan, SKV_FRAGOR.modell(payload)?.dokument);
  } catch (e) {
    if (isHarnessError(e)) return { fault: felaktigForfragan(e.message) };
    return { fault: teknisktFel() };
  }
  const fel = kontrolleraFraga(fraga, now);
  if (fel) return { fault: fel };
  try {
    const pnr = fraga.IdentitetsbeteckningFysiskPerson;
    const persona = ctx.population.hitta(pnr, svenskDag(ctx.now()));
    if (kanInteLasas(persona)) return { fault: teknisktFel() };
    // One decision day per income year for v10 and v11 alike (v11 says 9071005 before it).
    const person = skvPersonV11(pnr, persona, ctx);
    const beslutad = (ar: number) => {
      const b = arsberakning(person, ar)?.beskattning.beslutsdatum;
      return b === undefined || b <= person.idag;
    };
    const dokument = svarsdokument(byggSvar(fraga, persona, ctx, beslutad));
    const svar = serializeSkvDokument(dokument);
    const body = SKV_SVAR.minns(encodeBeskattningsuppgifterResponse({ svar }), { svar, dokument });
    return { body: ctx.dialekt === "observed" ? skvObserverat.tillampa(body) : body };
  } catch {
    return { fault: teknisktFel() };
  }
}

/**
 * The endpoint of Skatteverket's endpoint: SOAP 1.1 at `*${SKV_PATH}` (any origin). A request
 * that is not a usable SOAP message or names another operation gets fault 9071002.
 *
 * @example
 * skvEndpoint(testContext()).listen()
 */
export function skvEndpoint(ctx: SimulatorContext): Endpoint {
  return soapEndpoint({
    path: SKV_PATH,
    operations: [
      { ns: NS.skv, local: "BeskattningsuppgifterRequest", handle: (payload) => besvara(payload, ctx) },
    ],
    badRequest: felaktigForfragan,
  });
}
