export { type Kanarie, startKanarie } from "./canary.js";
export { KATALOG, valjFall } from "./catalogue.js";
export { bedom, stackspar } from "./checks.js";
export {
  type Begaran,
  type HttpBegaran,
  type Kropp,
  type RawSvar,
  type SocketBegaran,
  skicka,
} from "./http-raw.js";
export type {
  FallKontext,
  FallResultat,
  Forvantan,
  Kategori,
  Malprofil,
  RobusthetsFall,
  RobusthetsRapport,
} from "./model.js";
export { type RobustnessOptions, runRobustness } from "./runner.js";
