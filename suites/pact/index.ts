export { type JsonLossning, jsonMallFran } from "./json-mall.js";
export {
  BASTJANST_PROVIDER,
  kodForProvider,
  pactFilnamn,
  referensBasPath,
  SSBT,
  SSBT_PATH,
  VERKSAMHETSSYSTEM,
} from "./names.js";
export { korMedOmforsok } from "./omforsok.js";
export {
  REFERENS_AKTORSID,
  REFERENS_INGIVARE,
  REFERENS_KLOCKA,
  REFERENS_ORIGIN,
  REFERENS_PERIOD,
  REFERENS_SEED,
  type ReferensFragaOptions,
  referensFraga,
  referensKedja,
  utanTelemetri,
} from "./referens.js";
export {
  FEL_KONTROLLSIFFRA,
  FEL_KONTROLLSIFFRA_PERSONIDENTITET,
  faultTillstand,
  parseTillstand,
  personaTillstand,
  TILLSTAND_GRAMMATIK,
  type Tillstand,
} from "./states.js";
export {
  BASE64,
  BOOLEAN,
  byggXml,
  DATUM,
  DATUM_TID,
  DECIMALTAL,
  formMatcher,
  HELTAL,
  type Lossning,
  type MallElement,
  type MallVarde,
  mall,
  mallFranXml,
  ORGANISATIONSNUMMER,
  PERSONIDENTITET,
  type XmlKropp,
} from "./xml-mall.js";
