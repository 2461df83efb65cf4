import type { BastjanstSimulator } from "../bastjanst.js";
import { tnsKlient } from "./client.js";
import { TNS_PATH, tnsHandlers } from "./handlers.js";

/**
 * Transportstyrelsen (TNS): vehicles registered to the person, SOAP 1.1 HamtaUppgifter.
 *
 * @example
 * const server = setupServer(...tnsSimulator.handlers(ctx));
 */
export const tnsSimulator: BastjanstSimulator = {
  kod: "TNS",
  namn: "Transportstyrelsen",
  path: TNS_PATH,
  handlers: tnsHandlers,
  klient: tnsKlient,
};

export { begaran, TOLKA_FELKOD, tnsKlient, tolka } from "./client.js";
export { agdUnderPerioden, FAKTA, faktaFor, genereraFakta, idag, svarFor } from "./data.js";
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
export { hamtaUppgifter, TNS_PATH, tnsHandlers } from "./handlers.js";
export { FORDONSSLAG, type Fordonsinnehav, type Fordonsslag, type TnsFakta } from "./model.js";
