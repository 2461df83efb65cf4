export {
  decodeFindByPersonnummer,
  decodeFindByPersonnummerResponse,
  decodeFkResponse,
  decodeSsbtekSoapException,
  encodeFindByPersonnummer,
  encodeFindByPersonnummerResponse,
  encodeFkResponse,
  encodeSsbtekSoapException,
  MIV_ELEMENT,
  MIV_NS,
} from "./codec.js";
export {
  type FindByPersonnummer,
  type FindByPersonnummerResponse,
  type FkQuery,
  type FkQueryIngivare,
  type FkResponse,
  type FkServiceFault,
  type FkSvar,
  GILTIGHETSTIDER,
  type Giltighetstid,
} from "./model.js";
