import type { HttpHandler } from "msw";
import type { BastjanstKod } from "../../contract/ssbt/model.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import type { Chain, Decorator } from "../chain.js";
import type { SimRequest } from "../endpoint.js";
import { konsolHandlers } from "./handlers.js";
import { KonsolInspelning } from "./inspelning.js";

export { forklaraFel, type Handlaggarvy, handlaggarvy } from "./handlaggarvy.js";
export { konsolFraga, konsolHandlers } from "./handlers.js";
export {
  type Konsolhandelse,
  KonsolInspelning,
  type Utbytesdetalj,
  type Utbytessammanfattning,
} from "./inspelning.js";
export { visaMeddelande } from "./visning.js";

/** Options of {@link createKonsol}. All optional. */
export interface KonsolSkapaOptions {
  /** Exchanges kept in the ring (as summaries). Default 500. */
  kapacitet?: number;
  /** How many of the newest exchanges keep their detail. Default 100. */
  detaljKapacitet?: number;
  /** Most characters all kept details may hold together. Default 16 Mi. */
  detaljTecken?: number;
}

/** The web console of one chain: recorder hooks to plug in, and its handlers for the admin layer. */
export interface Konsol {
  inspelning: KonsolInspelning;
  /** Pass in `ChainHooks.onUtfall` (with any other observer). */
  onUtfall: (u: SsbtUtfall, request?: SimRequest) => void;
  /** Pass as `ChainHooks.bastjanst`. */
  bastjanst: (kod: BastjanstKod) => Decorator;
  /** Pass in `ChainHooks.adminHandlers`: served with (and guarded like) the admin API. */
  adminHandlers(): HttpHandler[];
  /**
   * Connects the console to the running chain: composite recorder, reset, population. `ssbtek`:
   * the composite service's URL on the running server, where the console's questions go (default:
   * in-process).
   */
  anslut(chain: Chain, o?: { ssbtek?: string }): void;
}

/**
 * The web console at `/__console` for a chain: create it, pass its hooks to `startSimulator`, then
 * `anslut` it to the chain.
 *
 * @example
 * const konsol = createKonsol();
 * const sim = await startSimulator({ port: 0 }, { onUtfall: konsol.onUtfall, bastjanst: konsol.bastjanst, adminHandlers: konsol.adminHandlers });
 * konsol.anslut(sim.chain, { ssbtek: sim.ssbtek });
 * // open `${sim.url}/__console`
 */
export function createKonsol(o: KonsolSkapaOptions = {}): Konsol {
  let chain: Chain | undefined;
  let ssbtek: string | undefined;
  let personer = new Map<string, string>();
  const inspelning = new KonsolInspelning({
    ...(o.kapacitet !== undefined ? { kapacitet: o.kapacitet } : {}),
    ...(o.detaljKapacitet !== undefined ? { detaljKapacitet: o.detaljKapacitet } : {}),
    ...(o.detaljTecken !== undefined ? { detaljTecken: o.detaljTecken } : {}),
    now: () => chain?.context.now() ?? new Date(),
    persona: (pid) => personer.get(pid),
  });
  const handlers = konsolHandlers({
    inspelning,
    ssbtek: () => ssbtek,
    chain: () => {
      if (!chain) throw new Error("The console is not connected to a chain: call anslut(chain) first.");
      return chain;
    },
  });
  return {
    inspelning,
    onUtfall: inspelning.onUtfall,
    bastjanst: inspelning.bastjanst,
    adminHandlers: () => (chain ? handlers : []),
    anslut(c, a = {}) {
      chain = c;
      ssbtek = a.ssbtek;
      personer = new Map(c.context.population.personas.map((p) => [p.personidentitet, p.id]));
      c.useComposite(inspelning.composite);
      c.control.onReset(() => inspelning.clear());
    },
  };
}
