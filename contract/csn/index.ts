export {
  CSN_TYPER,
  type CsnTyp,
  decodeCsnSvar,
  decodeFraga,
  encodeCsnSvar,
  encodeFraga,
  kontrolleraTyp,
  parseCsnSvar,
  serializeCsnSvar,
} from "./codec.js";
export type {
  Arenden,
  Belopp,
  Beviljadtid,
  CsnPerson,
  CsnSvar,
  HutArende,
  OssArende,
  SbnUppgEkBistandBegar,
  Sokttid,
  StudiestodArende,
  Studiestodstypforteckning,
  Utbetaldtid,
  Utbetalning,
} from "./model.js";
export {
  CSN_KOMMUNFRAGA_V3_NS,
  CSN_NS,
  CSN_PREFIXES,
  CSN_SCHEMA_VERSION,
  FRAGA_FALT,
  FRAGA_OBLIGATORISKA,
} from "./model.js";
