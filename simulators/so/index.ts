import { decodeResponse as decodeSoResponse } from "../../contract/so/codec.js";
import { SO_SEKTION } from "../../contract/ssbt/sektioner.js";
import { soKlient } from "../aggregator/klienter/so.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { soapPayload } from "../soap-endpoint.js";
import { soObserverat } from "./dialekt.js";
import { SO_PATH, soEndpoint } from "./handlers.js";

/**
 * Sveriges a-kassor (INT014, UnemploymentBenefitPaymentService): SOAP 1.1 on `/so/ubpservice/int014`.
 *
 * @example
 * mswHandler(soSimulator.endpoint(ctx))
 */
export const soSimulator: BastjanstSimulator = {
  kod: "SO",
  sektion: SO_SEKTION,
  namn: "Sveriges a-kassor",
  path: SO_PATH,
  endpoint: soEndpoint,
  klient: soKlient,
  protokoll: {
    format: "soap",
    svarElement: "GetUnemploymentBenefitPaymentResponse",
    mediaTyp: "text/xml",
    avkoda: (s) => void decodeSoResponse(soapPayload(s)),
  },
  pactProvider: "ssbtek-so",
  pact: {
    persona: "arbetslos-akassa",
    exakt: ["StatusSvarandeOrganisation", "Felkod"],
    felKontrollsiffra: "data",
  },
  latens: { medianMs: 1_200, p95Ms: 4_000 },
  kodverk: "so",
  faltregler: "so-svar",
  dialekt: soObserverat,
};

export { begaran, soFraga, soKlient, tolka } from "../aggregator/klienter/so.js";
export { byggSvar, FAKTA, faktaFor, genereraFakta, idag, MAX_ERSATTNINGSDAGAR } from "./data.js";
export { soObserverat } from "./dialekt.js";
export {
  AKASSA_FELSTATUS,
  faultForViolation,
  kontrolleraPeriod,
  ogiltigBegaran,
  SO_FELKODER,
  type SoFelkod,
  soFault,
} from "./errors.js";
export { besvara, SO_PATH, soEndpoint } from "./handlers.js";
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
