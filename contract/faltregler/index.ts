// The calendar helpers the cross-field rules use live in contract/kalender.ts; still exported here.
export { laggTillManader, svenskDag } from "../kalender.js";
export { renderaDokumentation } from "./dokumentation.js";
export { evaluate, evaluateTabell, faltfel, type Meddelande, maskeraVarde, regelId } from "./engine.js";
export {
  type Brott,
  fragadPeriod,
  KORSREGEL_BESKRIVNING,
  KORSREGLER,
  type KorsregelImpl,
  type KorsregelInstans,
} from "./korsregler.js";
export {
  type EvaluationContext,
  FALT_TYPER,
  type Faltregel,
  type Faltregeltabell,
  type FaltTyp,
  type Finding,
  type HarleddFaltregeltabell,
  type JsonValue,
  type Korsregel,
  type VidBrott,
} from "./model.js";
export {
  FALTREGELTABELLER,
  hamtaTabell,
  harledTabell,
  ssbtTabell,
  TABELL_IDN,
  tabellfel,
} from "./tabeller.js";
