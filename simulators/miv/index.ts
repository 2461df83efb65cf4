import type { BastjanstSimulator } from "../bastjanst.js";
import { mivKlient } from "./client.js";
import { MIV_PATH, mivHandlers } from "./handlers.js";

export { mivBegaran, mivKlient, mivTolka } from "./client.js";
export {
  byggMivSvar,
  correlationid,
  FAKTA,
  genereraFakta,
  type MivSvarIndata,
  mivDatum,
  mivFakta,
  mivKodNamn,
  plusDagar,
  referensdag,
  svenskDag,
} from "./data.js";
export { kontrolleraFraga, MIV_FELKODER, type MivFelkod, mivFault } from "./errors.js";
export { MIV_PATH, mivHandlers } from "./handlers.js";
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
 * const server = setupServer(...mivSimulator.handlers(ctx));
 */
export const mivSimulator: BastjanstSimulator = {
  kod: "MIV",
  namn: "Migrationsverket",
  path: MIV_PATH,
  handlers: mivHandlers,
  klient: mivKlient,
};
