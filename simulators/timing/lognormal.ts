import type { Rng } from "../population/rng.js";

/** A latency distribution given the way people talk about one: its median and its 95th percentile. */
export interface LatencyParams {
  /** Median response time in ms (0 = no delay at all). */
  medianMs: number;
  /** 95th percentile in ms (≥ medianMs). */
  p95Ms: number;
}

/** z-score of the 95th percentile of the standard normal distribution. */
export const Z95 = 1.6448536269514722;

/**
 * The log-normal `mu` and `sigma` for a median and a 95th percentile: median = e^mu,
 * p95 = e^(mu + 1.645·sigma).
 *
 * @example
 * lognormalParams({ medianMs: 1000, p95Ms: 1000 }) // { mu: 6.907…, sigma: 0 }
 */
export function lognormalParams(p: LatencyParams): { mu: number; sigma: number } {
  const mu = Math.log(p.medianMs);
  const sigma = p.p95Ms > p.medianMs ? (Math.log(p.p95Ms) - mu) / Z95 : 0;
  return { mu, sigma };
}

/**
 * One standard normal draw from two uniform draws (Box–Muller). Always consumes exactly two
 * numbers of the stream, so later draws do not shift with the value.
 */
export function standardNormal(rng: Rng): number {
  const u1 = rng.next();
  const u2 = rng.next();
  // 1 - u1 is in (0, 1], so the log is finite.
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * One latency draw in ms from the log-normal distribution with this median and p95, rounded to
 * whole ms. A median of 0 means "no delay" (and consumes the same two numbers of the stream).
 *
 * @example
 * drawLatencyMs(new Rng(hashSeed(1, "FK", "req-1")), { medianMs: 1800, p95Ms: 5500 }) // e.g. 1534
 */
export function drawLatencyMs(rng: Rng, p: LatencyParams): number {
  const z = standardNormal(rng);
  if (p.medianMs <= 0) return 0;
  const { mu, sigma } = lognormalParams(p);
  return Math.round(Math.exp(mu + sigma * z));
}
