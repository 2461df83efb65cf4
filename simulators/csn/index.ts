import { decodeCsnSvar } from "../../contract/csn/codec.js";
import { CSN_SEKTION } from "../../contract/ssbt/sektioner.js";
import { csnKlient } from "../aggregator/klienter/csn.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { soapPayload } from "../soap-endpoint.js";
import { csnObserverat } from "./dialekt.js";
import { CSN_PATH, csnEndpoint } from "./handlers.js";

/**
 * CSN — Centrala studiestödsnämnden: the kommunfråga v4.0 (SOAP 1.1) at `/csn/kommunfraga/v4`.
 *
 * @example
 * mswHandler(csnSimulator.endpoint(ctx))
 */
export const csnSimulator: BastjanstSimulator = {
  kod: "CSN",
  sektion: CSN_SEKTION,
  namn: "Centrala studiestödsnämnden",
  path: CSN_PATH,
  endpoint: (ctx: SimulatorContext) => csnEndpoint(ctx),
  klient: csnKlient,
  protokoll: {
    format: "soap",
    svarElement: "CSNSvar",
    mediaTyp: "text/xml",
    avkoda: (s) => void decodeCsnSvar(soapPayload(s)),
  },
  pactProvider: "ssbtek-csn",
  pact: {
    persona: "student-bostadsbidrag",
    exakt: ["ResultatKod"],
    felKontrollsiffra: { kalla: "BT", felkod: "-1004" },
  },
  latens: { medianMs: 700, p95Ms: 2_500 },
  kodverk: "csn",
  faltregler: "csn-svar",
  dialekt: csnObserverat,
};

export { begaran, csnFraga, csnKlient, SSBT_APPNAMN, tolka } from "../aggregator/klienter/csn.js";
export {
  byggPersonsvar,
  type CsnPersonsvar,
  FAKTA,
  faktaFor,
  genereraFakta,
} from "./data.js";
export { csnObserverat } from "./dialekt.js";
export {
  CSN_FELSCENARIER,
  CSN_RESULTAT,
  type CsnFelscenario,
  type CsnResultat,
  type CsnStorning,
  csnFault,
  DATAKODER,
  idag,
  kontrolleraFraga,
  STORNING_RESULTAT,
} from "./errors.js";
export {
  besvaraFraga,
  CSN_PATH,
  CSN_SOAP_PREFIXES,
  type CsnHandlerOptions,
  csnEndpoint,
} from "./handlers.js";
export type { ArendeFakta, ArendeStatus, BeloppFakta, CsnFakta, Stodslag, Takt, Tidsplan } from "./model.js";
export { SAMBRUK_STAND_IN_PATH, SAMBRUK_STAND_IN_XSD } from "./sambruk-stand-in.xsd.js";
