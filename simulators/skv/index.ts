import {
  decodeBeskattningsuppgifterResponse,
  decodeSvar as decodeSkvSvar,
} from "../../contract/skv/codec.js";
import { SKV_SEKTION } from "../../contract/ssbt/sektioner.js";
import { skvKlient } from "../aggregator/klienter/skv.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { soapPayload } from "../soap-endpoint.js";
import { skvObserverat } from "./dialekt.js";
import { SKV_PATH, skvEndpoint } from "./handlers.js";

/**
 * Skatteverket's bastjänst "Beskattningsuppgifter enligt SFS 2008:975": SOAP 1.1 at
 * `/skv/beskattningws`, question and answer documents carried as strings — XML documents for
 * ssbt/10, JSON documents with one part per block for ssbt/11.
 *
 * @example
 * mswHandler(skvSimulator.endpoint(ctx)); const req = skvSimulator.klient.begaran(fraga, url, kontrakt);
 */
export const skvSimulator: BastjanstSimulator = {
  kod: "SKV",
  sektion: SKV_SEKTION,
  namn: "Skatteverket",
  path: SKV_PATH,
  endpoint: skvEndpoint,
  klient: skvKlient,
  protokoll: {
    format: "soap",
    svarElement: "BeskattningsuppgifterResponse",
    mediaTyp: "text/xml",
    // v10: the answer document travels as text in `svar`; it is decoded as strictly as the envelope.
    avkoda: (s) => void decodeSkvSvar(decodeBeskattningsuppgifterResponse(soapPayload(s)).svar),
  },
  pactProvider: "ssbtek-skv",
  pact: {
    persona: "foretagare",
    exakt: ["MeddelandeKod"],
    felKontrollsiffra: { kalla: "BT", felkod: "9071001" },
  },
  latens: { medianMs: 900, p95Ms: 3_000 },
  kodverk: "skv",
  faltregler: "skv-svar",
  dialekt: skvObserverat,
};

export {
  fragaTillSkv,
  inkomstarFor,
  skvBegaran,
  skvForkontroll,
  skvKlient,
  skvTolka,
} from "../aggregator/klienter/skv.js";
export {
  blockV11,
  forfraganV11,
  fragaTillSkvV11,
  inkomstarV11,
  STANDARDBLOCK_V11,
  skvForkontrollV11,
  tolkaSvarV11,
} from "../aggregator/klienter/skv-v11.js";
export {
  arsuppgift,
  byggSvar,
  FAKTA,
  genereraFakta,
  STATUSKOD,
  STATUSKOD_FOR,
  senasteInkomstarFor,
  skvFakta,
} from "./data.js";
export { skvObserverat } from "./dialekt.js";
export {
  ANTAL_AR_BAKAT,
  felaktigForfragan,
  iServicefonster,
  kontrolleraFraga,
  MEDDELANDEKOD,
  SYSTEMVERSION,
  servicefonsterFel,
  skvFel,
  teknisktFel,
} from "./errors.js";
export { besvara, SKV_PATH, skvEndpoint } from "./handlers.js";
export type { Arsuppgift, Beskattningsstatus, Foretag, Kapitalinkomst, SkvFakta } from "./model.js";
export {
  type Arsberakning,
  arsberakning,
  bilagorFor,
  FAKTA_V11,
  FORSAKRINGSKASSAN,
  foretagFor,
  genereraFaktaV11,
  individuppgifterFor,
  PENSIONSMYNDIGHETEN,
  SKATTEMODELL,
  type SkvPersonV11,
  skattekonto,
  skvPersonV11,
  svenskDatum,
} from "./v11-data.js";
export type {
  ForetagFakta,
  Forsaljning,
  InnevarandeUtbetalning,
  SkvFaktaV11,
  Utbetalare,
  Utbetalning,
} from "./v11-model.js";
export { arsfel, arV11Forfragan, besvaraV11, byggSvarV11, kontrolleraFragaV11 } from "./v11-svar.js";
