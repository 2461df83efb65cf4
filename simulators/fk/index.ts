import type { BastjanstSimulator } from "../bastjanst.js";
import { fkKlient } from "./client.js";
import { FK_PATH, fkHandlers } from "./handlers.js";

export { fkBegaran, fkForkontroll, fkKlient, fkTolka, lefiFraga, lefiFragaBase64 } from "./client.js";
export { byggLefiSvar, FAKTA, faktaFor, idag, type LefiSvarIndata } from "./data.js";
export {
  fragarNagot,
  hittaAktor,
  LEFI_AKTORER,
  LEFI_FELMEDDELANDE,
  LEFI_KLASSER,
  type LefiAktor,
  type LefiBehorighet,
  type LefiKlass,
  lefiFelsvar,
  periodfel,
} from "./errors.js";
export { FK_PATH, fkHandlers } from "./handlers.js";
export type {
  FaktaDatum,
  FkAdress,
  FkBarn,
  FkFakta,
  FkForman,
  FkFormanTyp,
  FkPersonuppgifter,
  FkTillagg,
  PmErsattning,
  PmFakta,
  PmForman,
} from "./model.js";

/**
 * Försäkringskassan and Pensionsmyndigheten through LEFI ("LEFI extern: Förmånsinformation" v9),
 * REST/JSON below `/fk`.
 */
export const fkSimulator: BastjanstSimulator = {
  kod: "FK",
  namn: "Försäkringskassan och Pensionsmyndigheten (LEFI)",
  path: FK_PATH,
  handlers: fkHandlers,
  klient: fkKlient,
};
