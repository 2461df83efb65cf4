import { decodeSvarMeddelande } from "../../contract/af/codec.js";
import { AF_SEKTION } from "../../contract/ssbt/sektioner.js";
import { afKlient } from "../aggregator/klienter/af.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { soapPayload } from "../soap-endpoint.js";
import { afObserverat } from "./dialekt.js";
import { AF_PATH, afEndpoint } from "./handlers.js";

/**
 * Arbetsförmedlingen's bastjänst (ersättningsstöd v2, SOAP 1.1): registration as job seeker,
 * activity reports, a-kassa membership and economic decisions.
 *
 * @example
 * const server = mswHandler(afSimulator.endpoint(ctx));
 */
export const afSimulator: BastjanstSimulator = {
  kod: "AF",
  sektion: AF_SEKTION,
  namn: "Arbetsförmedlingen",
  path: AF_PATH,
  endpoint: afEndpoint,
  klient: afKlient,
  protokoll: {
    format: "soap",
    svarElement: "SvarMeddelande",
    mediaTyp: "text/xml",
    avkoda: (s) => void decodeSvarMeddelande(soapPayload(s)),
  },
  pactProvider: "ssbtek-af",
  pact: {
    persona: "arbetslos-akassa",
    exakt: ["StatusSokandeinformationKod", "AktivitetsRapportMeddelande", "Felkod"],
    felKontrollsiffra: "data",
  },
  latens: { medianMs: 600, p95Ms: 2_000 },
  kodverk: "af",
  faltregler: "af-svar",
  dialekt: afObserverat,
};

export { afFragaMeddelande, afKlient } from "../aggregator/klienter/af.js";
export { type AfUnderlag, byggSvarMeddelande, FAKTA, faktaFor, genereraFakta, svenskDag } from "./data.js";
export { afObserverat } from "./dialekt.js";
export {
  AF_FELKOD,
  type AfFelkod,
  afFault,
  KLIENT_FELKOD,
  SCHEMAVERSION,
  STATUSKOD,
  statustext,
} from "./errors.js";
export { AF_PATH, afEndpoint, besvara } from "./handlers.js";
export type {
  AfFakta,
  AktivitetsRapportKod,
  Aktivitetsrapportering,
  EkonomisktBeslut,
  ErsattningTyp,
  Sokandekategori,
  Tidpunkt,
} from "./model.js";
