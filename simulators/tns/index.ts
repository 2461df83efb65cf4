import { TNS_SEKTION } from "../../contract/ssbt/sektioner.js";
import { decodeHamtaUppgifterResponse } from "../../contract/tns/codec.js";
import { tnsKlient } from "../aggregator/klienter/tns.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { soapPayload } from "../soap-endpoint.js";
import { tnsObserverat } from "./dialekt.js";
import { TNS_PATH, tnsEndpoint } from "./handlers.js";

/**
 * Transportstyrelsen (TNS): vehicles registered to the person, SOAP 1.1 HamtaUppgifter.
 *
 * @example
 * const server = mswHandler(tnsSimulator.endpoint(ctx));
 */
export const tnsSimulator: BastjanstSimulator = {
  kod: "TNS",
  sektion: TNS_SEKTION,
  namn: "Transportstyrelsen",
  path: TNS_PATH,
  endpoint: tnsEndpoint,
  klient: tnsKlient,
  protokoll: {
    format: "soap",
    svarElement: "HamtaUppgifterResponse",
    mediaTyp: "text/xml",
    avkoda: (s) => void decodeHamtaUppgifterResponse(soapPayload(s)),
  },
  pactProvider: "ssbtek-tns",
  pact: {
    persona: "bilagare",
    exakt: ["resultat", "felkod"],
    felKontrollsiffra: { kalla: "BT", felkod: "1001" },
  },
  latens: { medianMs: 300, p95Ms: 1_000 },
  kodverk: "tns",
  faltregler: "tns-svar",
  dialekt: tnsObserverat,
};

export { begaran, TOLKA_FELKOD, tnsKlient, tolka } from "../aggregator/klienter/tns.js";
export { agdUnderPerioden, FAKTA, faktaFor, genereraFakta, idag, svarFor } from "./data.js";
export { tnsObserverat } from "./dialekt.js";
export {
  felaktigFraga,
  felresultat,
  kontrolleraFraga,
  TEKNISKT_FEL_PERSONIDENTITET,
  TNS_FELKOD,
  TNS_FELTEXT,
  TNS_FELUTLOSARE,
  type TnsFelkod,
} from "./errors.js";
export { hamtaUppgifter, TNS_PATH, tnsEndpoint } from "./handlers.js";
export { FORDONSSLAG, type Fordonsinnehav, type Fordonsslag, type TnsFakta } from "./model.js";
