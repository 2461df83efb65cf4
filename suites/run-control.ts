import { tidsgrans } from "../simulators/adapters/transport.js";

/**
 * How a certify run is stopped early: the caller's signal (Ctrl+C) and an overall time limit,
 * as one AbortSignal whose reason says why ("SIGINT", "--timeout 300000 ms").
 */

/**
 * One signal for a run: aborted when `outer` is, or after `timeoutMs`. Call `dispose` when the
 * run is over so the timer does not keep the process alive.
 *
 * @example
 * const { signal, dispose } = runSignal(ctrlC.signal, 300_000);
 * try { await run(signal); } finally { dispose(); }
 */
export function runSignal(
  outer: AbortSignal | undefined,
  timeoutMs: number | undefined,
): { signal: AbortSignal | undefined; dispose: () => void } {
  if (timeoutMs === undefined) return { signal: outer, dispose: () => {} };
  return tidsgrans(timeoutMs, outer, `--timeout ${timeoutMs} ms`);
}

/**
 * The reason a run was stopped, as text, or undefined when it was not.
 *
 * @example
 * stopReason(signal) // "SIGINT"
 */
export function stopReason(signal: AbortSignal | undefined): string | undefined {
  if (!signal?.aborted) return undefined;
  return typeof signal.reason === "string" ? signal.reason : "stopped";
}
