export {
  type BastjanstInteraktion,
  type BastjanstPactOptions,
  bastjanstInteraktioner,
  referensBastjanstSvar,
  skrivBastjanstPact,
  skrivBastjanstPacter,
} from "./bastjanst-pacts.js";
export {
  referensSvar,
  type SkrivenPact,
  type SkrivPactOptions,
  type SsbtInteraktion,
  skrivSsbtPact,
  ssbtBegaranXml,
  ssbtInteraktioner,
} from "./ssbt-pact.js";
export {
  lasSsbtSvar,
  type SektionUtfall,
  type SsbtForvantan,
  type SsbtUtfall,
  sektionerAv,
  skillnader,
} from "./ssbt-svar.js";
