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
}
