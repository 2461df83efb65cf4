import type { BastjanstSimulator } from "../bastjanst.js";
import { soKlient } from "./client.js";
import { SO_PATH, soHandlers } from "./handlers.js";

/**
 * Sveriges a-kassor (INT014, UnemploymentBenefitPaymentService): SOAP 1.1 on `/so/ubpservice/int014`.
 *
 * @example
 * setupServer(...soSimulator.handlers(ctx))
 */
export const soSimulator: BastjanstSimulator = {
  kod: "SO",
  namn: "Sveriges a-kassor",
  path: SO_PATH,
  handlers: soHandlers,
  klient: soKlient,
};

export { begaran, soFraga, soKlient, tolka } from "./client.js";
export { byggSvar, FAKTA, faktaFor, genereraFakta, idag, MAX_ERSATTNINGSDAGAR } from "./data.js";
export {
  AKASSA_FELSTATUS,
  faultForViolation,
  kontrolleraPeriod,
  ogiltigBegaran,
  SO_FELKODER,
  type SoFelkod,
  soFault,
} from "./errors.js";
export { besvara, SO_PATH, soHandlers } from "./handlers.js";
export {
  AKASSOR,
  type AkassaNamn,
  type AkassaUppgift,
  type Ansokan,
  type Avstangningsregel,
  type Datumregel,
  type Ersattning,
  type SoFakta,
  STATUS,
  type StatusSvarandeOrganisation,
} from "./model.js";
