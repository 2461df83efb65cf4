import type { Dialekt } from "./dialekt.js";
import type { Population } from "./population/population.js";

/**
 * What every simulator needs to answer: the seed, the population and a clock that tests can set.
 * Answers depend only on these and on the question, so the same seed gives the same bytes.
 */
export interface SimulatorContext {
  readonly seed: number;
  readonly population: Population;
  /** The simulated "now" (real time by default; fixed in tests). */
  now(): Date;
  /**
   * How the bastjänster shape their answers: "strict" (the official schemas; also when absent) or
   * "observed" (the shapes real producers are seen to send, see simulators/dialekt.ts).
   */
  readonly dialekt?: Dialekt;
}
