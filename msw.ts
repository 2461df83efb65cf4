/**
 * msw request handlers for vendors' own test suites: the whole simulated chain in-process.
 *
 * @example
 * import { setupServer } from "msw/node";
 * import { ssbtekHandlers } from "ssbtek-harness/msw";
 * const server = setupServer(...ssbtekHandlers({ seed: 7 }));
 * server.listen();
 * // your verksamhetssystem now POSTs to http://any-host/ssbtek and gets simulated answers
 */
import type { HttpHandler } from "msw";
import type { BastjanstKod } from "./contract/ssbt/model.js";
import { mswHandler } from "./simulators/adapters/msw.js";
import { createChain } from "./simulators/chain.js";
import { type Dialekt, parseDialekt } from "./simulators/dialekt.js";
import { resolveOptions, type SimulateOptions } from "./simulators/options.js";
import { Population } from "./simulators/population/population.js";
import { SIMULATORER } from "./simulators/registry.js";

/**
 * Every handler of the simulated chain: `/ssbtek` (+ `?wsdl`, `/v10`, `/v11`), the seven bastjänster, admin.
 * `dialect: "observed"` makes the bastjänster answer as real producers do (docs/dialects.md).
 *
 * @example
 * setupServer(...ssbtekHandlers({ seed: 7, dialect: "observed" }))
 */
export function ssbtekHandlers(options: SimulateOptions = {}): HttpHandler[] {
  return createChain(resolveOptions(options), "http://ssbtek.local").handlers;
}

/**
 * The handlers of one simulated bastjänst only (its own endpoint and protocol).
 *
 * @example
 * setupServer(...bastjanstHandlers("CSN", { seed: 7, dialect: "observed" })) // CSN answers in schema 3.0
 */
export function bastjanstHandlers(
  kod: BastjanstKod,
  options: { seed?: number; now?: () => Date; dialect?: Dialekt } = {},
): HttpHandler[] {
  const seed = options.seed ?? 1;
  return [
    mswHandler(
      SIMULATORER[kod].endpoint({
        seed,
        population: new Population(seed),
        now: options.now ?? (() => new Date()),
        dialekt: parseDialekt(options.dialect ?? "strict"),
      }),
    ),
  ];
}
