export {
  decodeHamtaUppgifter,
  decodeHamtaUppgifterResponse,
  decodeHamtaUppgifterResponseType,
  encodeHamtaUppgifter,
  encodeHamtaUppgifterResponse,
  encodeTidsperiodTillagg,
  FRAGA_PATH,
  hamtaUppgifterResponseChildren,
  readTidsperiodTillagg,
  SVAR_PATH,
} from "./codec.js";
export {
  type Felresultat,
  type Fordon,
  type Fordonsinnehav,
  type HamtaUppgifter,
  type HamtaUppgifterResponse,
  type Identifikation,
  RESULTAT,
  type Resultat,
} from "./model.js";
