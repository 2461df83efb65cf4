export { type Andring, andraBase64Json, andraJson, andraXml, lasXml } from "./andra.js";
export {
  BASTJANSTREGEL,
  EGENSKAPER,
  type Egenskap,
  fragaKomposit,
  type Miljo,
  OGILTIG_FRAGA,
  SEKTIONER,
  SIMULATORSVAR,
  SIMULATORSVAR_V11,
  SVARSTABELL,
  skapaMiljo,
} from "./egenskaper.js";
export {
  bastjanstregelBrott,
  type FrageOptions,
  giltigPeriod,
  giltigSsbtFraga,
  inkluderade,
  type OgiltigFraga,
  ogiltigSsbtFraga,
  STANDARD_NU,
} from "./fraga.js";
export {
  type EgenskapResultat,
  type FieldRuleFinding,
  type FieldRuleOptions,
  type FieldRuleReport,
  korEgenskap,
  maskeratMotexempel,
  runFieldRuleChecks,
  vitestReplay,
} from "./runner.js";
export {
  felKontrollsiffra,
  giltigPersonidentitet,
  giltigtVarde,
  type OgiltigtVarde,
  ogiltigaAlternativ,
  ogiltigtVarde,
  text,
} from "./varden.js";
