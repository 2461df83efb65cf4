import { decodeFindByPersonnummerResponse } from "../../contract/miv/codec.js";
import { MIV_SEKTION } from "../../contract/ssbt/sektioner.js";
import { mivKlient } from "../aggregator/klienter/miv.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { soapPayload } from "../soap-endpoint.js";
import { mivObserverat } from "./dialekt.js";
import { MIV_PATH, mivEndpoint } from "./handlers.js";

export { mivBegaran, mivKlient, mivTolka } from "../aggregator/klienter/miv.js";
export {
  byggMivSvar,
  correlationid,
  FAKTA,
  genereraFakta,
  type MivSvarIndata,
  mivDatum,
  mivFakta,
  mivKodNamn,
  referensdag,
} from "./data.js";
export { mivObserverat } from "./dialekt.js";
export { kontrolleraFraga, MIV_FELKODER, type MivFelkod, mivFault } from "./errors.js";
export { MIV_PATH, mivEndpoint } from "./handlers.js";
export type {
  Anledning,
  ArendeTyp,
  BeslutsKod,
  BeslutsTyp,
  Dag,
  Giltighet,
  MivBeslut,
  MivFakta,
} from "./model.js";

/**
 * Migrationsverket (MIV): residence and work permits, SOAP 1.1 `findByPersonnummer` at
 * `/miv/ssbtek/v1`.
 *
 * @example
 * const server = mswHandler(mivSimulator.endpoint(ctx));
 */
export const mivSimulator: BastjanstSimulator = {
  kod: "MIV",
  sektion: MIV_SEKTION,
  namn: "Migrationsverket",
  path: MIV_PATH,
  endpoint: mivEndpoint,
  klient: mivKlient,
  protokoll: {
    format: "soap",
    svarElement: "findByPersonnummerResponse",
    mediaTyp: "text/xml",
    avkoda: (s) => void decodeFindByPersonnummerResponse(soapPayload(s)),
  },
  pactProvider: "ssbtek-miv",
  pact: {
    persona: "nyanland-etablering",
    exakt: ["faultCode"],
    felKontrollsiffra: { kalla: "BT", felkod: "MIV-001" },
  },
  latens: { medianMs: 800, p95Ms: 2_800 },
  kodverk: "miv",
  faltregler: "miv-svar",
  dialekt: mivObserverat,
};
