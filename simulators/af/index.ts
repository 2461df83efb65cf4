import type { BastjanstSimulator } from "../bastjanst.js";
import { afKlient } from "./client.js";
import { AF_PATH, afHandlers } from "./handlers.js";

/**
 * Arbetsförmedlingen's bastjänst (ersättningsstöd v2, SOAP 1.1): registration as job seeker,
 * activity reports, a-kassa membership and economic decisions.
 *
 * @example
 * const server = setupServer(...afSimulator.handlers(ctx));
 */
export const afSimulator: BastjanstSimulator = {
  kod: "AF",
  namn: "Arbetsförmedlingen",
  path: AF_PATH,
  handlers: afHandlers,
  klient: afKlient,
};

export { afFragaMeddelande, afKlient } from "./client.js";
export { type AfUnderlag, byggSvarMeddelande, FAKTA, faktaFor, genereraFakta, svenskDag } from "./data.js";
export {
  AF_FELKOD,
  type AfFelkod,
  afFault,
  KLIENT_FELKOD,
  SCHEMAVERSION,
  STATUSKOD,
  statustext,
} from "./errors.js";
export { AF_PATH, afHandlers, besvara } from "./handlers.js";
export type {
  AfFakta,
  AktivitetsRapportKod,
  Aktivitetsrapportering,
  EkonomisktBeslut,
  ErsattningTyp,
  Sokandekategori,
  Tidpunkt,
} from "./model.js";
