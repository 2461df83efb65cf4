export {
  decodeAfFel,
  decodeFraga,
  decodeFragaMeddelande,
  decodeSvar,
  decodeSvarMeddelande,
  encodeAfFel,
  encodeFraga,
  encodeFragaMeddelande,
  encodeSvar,
  encodeSvarMeddelande,
} from "./codec.js";
export type {
  AfAktivetetsRapportDatum,
  AfArbetssokandeInfo,
  AfBeslut,
  AfBeslutInfo,
  AfFel,
  AfFraga,
  AfFragaMeddelande,
  AfInkludera,
  AfSvar,
  AfSvarMeddelande,
} from "./model.js";
