import type { BastjanstSimulator } from "../bastjanst.js";
import { skvKlient } from "./client.js";
import { SKV_PATH, skvHandlers } from "./handlers.js";

/**
 * Skatteverket's bastjänst "Beskattningsuppgifter enligt SFS 2008:975" (ssbt/10): SOAP 1.1 at
 * `/skv/beskattningws`, question and answer documents carried as strings.
 *
 * @example
 * setupServer(...skvSimulator.handlers(ctx)); const req = skvSimulator.klient.begaran(fraga, url, kontrakt);
 */
export const skvSimulator: BastjanstSimulator = {
  kod: "SKV",
  namn: "Skatteverket",
  path: SKV_PATH,
  handlers: skvHandlers,
  klient: skvKlient,
};

export { fragaTillSkv, inkomstarFor, skvBegaran, skvForkontroll, skvKlient, skvTolka } from "./client.js";
export {
  arsuppgift,
  byggSvar,
  FAKTA,
  genereraFakta,
  STATUSKOD,
  senasteInkomstarFor,
  skvFakta,
} from "./data.js";
export {
  ANTAL_AR_BAKAT,
  felaktigForfragan,
  iServicefonster,
  kontrolleraFraga,
  MEDDELANDEKOD,
  SYSTEMVERSION,
  servicefonsterFel,
  skvFel,
  svenskTid,
  teknisktFel,
} from "./errors.js";
export { besvara, SKV_PATH, skvHandlers } from "./handlers.js";
export type { Arsuppgift, Beskattningsstatus, Foretag, Kapitalinkomst, SkvFakta } from "./model.js";
