import { HarnessError } from "../contract/errors.js";
import type { Faltregeltabell } from "../contract/faltregler/model.js";
import { hamtaTabell } from "../contract/faltregler/tabeller.js";
import type { BastjanstKod } from "../contract/ssbt/model.js";
import type { SsbtSektion } from "../contract/ssbt/sektion.js";
import { KODVERK_PER_KALLA, type Kodverk } from "../fixtures/kodverk/index.js";
import { afSimulator } from "./af/index.js";
import type { BastjanstSimulator } from "./bastjanst.js";
import { csnSimulator } from "./csn/index.js";
import { fkSimulator } from "./fk/index.js";
import { mivSimulator } from "./miv/index.js";
import { skvSimulator } from "./skv/index.js";
import { soSimulator } from "./so/index.js";
import { tnsSimulator } from "./tns/index.js";

/** Every simulated bastjänst, by kod, in contract order. Add an eighth authority here. */
export const SIMULATORER: Readonly<Record<BastjanstKod, BastjanstSimulator>> = {
  AF: afSimulator,
  CSN: csnSimulator,
  FK: fkSimulator,
  SKV: skvSimulator,
  SO: soSimulator,
  TNS: tnsSimulator,
  MIV: mivSimulator,
};

/**
 * The registry as a list, in contract order: the default wherever a list of bastjänster can be
 * given (`SimulateOptions.bastjanster`, the pacts, certify producer), so a test can run the chain
 * with another list — e.g. the seven and a throw-away eighth — without editing this file.
 */
export const REGISTRERADE: readonly BastjanstSimulator[] = Object.values(SIMULATORER);

/**
 * The bastjänst with this kod in a list (default the registry). Unknown kod: a HarnessError that
 * names the known ones.
 *
 * @example
 * simulatorFor("TNS").path // "/tns/hamtauppgifter/v1"
 */
export function simulatorFor(
  kod: string,
  bastjanster: readonly BastjanstSimulator[] = REGISTRERADE,
): BastjanstSimulator {
  const sim = bastjanster.find((s) => s.kod === kod);
  if (!sim)
    throw new HarnessError(
      "UNKNOWN_BASTJANST",
      `Unknown bastjänst ${kod}: use one of ${bastjanster.map((s) => s.kod).join(", ")}.`,
    );
  return sim;
}

/**
 * The composite contract's sections of a list of bastjänster, in its order (the codec and the
 * WSDL read and write these).
 *
 * @example
 * sektionerAv(REGISTRERADE).map((s) => s.kod) // ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"]
 */
export function sektionerAv(bastjanster: readonly BastjanstSimulator[]): readonly SsbtSektion[] {
  return bastjanster.map((s) => s.sektion);
}

/**
 * The field-rule table of a bastjänst's answer: its own (`tabeller`), else the fixture named by
 * `faltregler`.
 *
 * @example
 * faltregeltabellFor(SIMULATORER.TNS).id // "tns-svar"
 */
export function faltregeltabellFor(sim: BastjanstSimulator): Faltregeltabell {
  return sim.tabeller?.faltregler ?? hamtaTabell(sim.faltregler);
}

/**
 * The kodverk of a bastjänst: its own (`tabeller`), else `fixtures/kodverk/<kodverk>.json`.
 *
 * @example
 * kodverkFor(SIMULATORER.TNS).map((k) => k.id) // ["TNS.Fordonsslag", …]
 */
export function kodverkFor(sim: BastjanstSimulator): readonly Kodverk[] {
  const listor = sim.tabeller?.kodverk ?? KODVERK_PER_KALLA[sim.kodverk];
  if (!listor)
    throw new HarnessError(
      "UNKNOWN_KODVERK",
      `${sim.kod} names kodverk "${sim.kodverk}", which is not in fixtures/kodverk/index.ts: add the file there, or give the descriptor its own tabeller.`,
    );
  return listor;
}
