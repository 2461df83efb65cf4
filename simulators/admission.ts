import { performance as perfHooks } from "node:perf_hooks";
import { HarnessError } from "../contract/errors.js";
import { SOAP11_CONTENT_TYPE, soapFaultEnvelope } from "../contract/soap/envelope.js";
import { encodeFault } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD, SSBT_FELTEXT } from "../contract/ssbt/felkoder.js";
import type { KontraktVersion } from "../contract/ssbt/model.js";
import type { Decorator } from "./chain.js";
import { response, type SimRequest, type SimResponse } from "./endpoint.js";

/** Limits of the composite service's admission control. */
export interface AdmissionLimits {
  /** Composite requests handled at once. */
  maxInFlight: number;
  /** Requests that may wait for a free place; more are refused at once. */
  maxWaiting: number;
  /** Longest wait for a free place, in ms; then the request is refused. */
  maxWaitMs: number;
  /**
   * Event-loop lag (ms) above which new requests are refused at once. When the process has more
   * work than CPU, requests queue in socket buffers before the server sees them — invisible to the
   * count in progress, but not to the loop's lag. 0 turns the check off.
   */
  maxLagMs: number;
}

/**
 * Library defaults (`startSimulator`): generous, because a test suite may fire hundreds of
 * questions at once on a loop busy with its own work. `simulate` uses {@link SIMULATE_ADMISSION}.
 */
export const DEFAULT_ADMISSION: AdmissionLimits = {
  maxInFlight: 1_024,
  maxWaiting: 100_000,
  maxWaitMs: 60_000,
  maxLagMs: 0,
};

/**
 * The defaults of `simulate`, an operator's server: 128 in progress holds the agreement's 3
 * requests/s at real-time delays (`--time-scale 1`, answers after seconds) many times over; when
 * the work is CPU-bound instead, the lag check refuses new requests at once while the event loop
 * lags more than 150 ms, and a request waits at most 0.25 s for a place.
 */
export const SIMULATE_ADMISSION: AdmissionLimits = {
  maxInFlight: 128,
  maxWaiting: 128,
  maxWaitMs: 250,
  maxLagMs: 150,
};

/**
 * The admission defaults of `simulate` for a time scale. With real-time delays (`--time-scale` >
 * 0) an answer mostly waits on timers and {@link SIMULATE_ADMISSION} applies. With `--time-scale
 * 0` (the default) every answer is a few ms of pure CPU, and requests in progress share one core:
 * 128 of them interleaved make the last wait for all the others (≈ 0.4 s of CPU, seconds on a
 * busy machine), so at most 32 are handled (and 32 wait) at once. Measured with `npm run soak` at
 * 200 requests/s on a shared 2-core machine (load average ≈ 11, runs interleaved): 128 in flight
 * gave client p99 1.7–2.8 s and 1 935–1 974 answers per 30 s; 32 gave p99 0.8–1.1 s and 3 001–4 411
 * answers (docs/performance.md, "Soak").
 *
 * @example
 * simulateAdmission(0).maxInFlight // 32
 * simulateAdmission(1).maxInFlight // 128
 */
export function simulateAdmission(timeScale: number): AdmissionLimits {
  return timeScale > 0 ? SIMULATE_ADMISSION : { ...SIMULATE_ADMISSION, maxInFlight: 32, maxWaiting: 32 };
}

/** How often the loop's lag is sampled, in ms. */
const LAG_TICK_MS = 20;
/** Event-loop utilisation above which the shed share grows, and below which it shrinks. */
const SHED_ABOVE = 0.9;
const SHED_BELOW = 0.75;
/** How much the shed share moves per sample (every 20 ms), and its ceiling. */
const SHED_STEP = 0.05;
const SHED_MAX = 0.95;

/** The live state of an admission control (for tests and metrics). */
export interface Admission {
  decorator: Decorator;
  inFlight(): number;
  waiting(): number;
  /** The event loop's recent lag in ms (smoothed). */
  lagMs(): number;
  /** The share of new composite requests refused now because the event loop is saturated (0–0.95). */
  shedShare(): number;
  /**
   * Whether this new composite request is refused at once because the CPU is saturated (the lag
   * check, or its share of the shedding): the server may then refuse it before reading it.
   */
  saturated(): boolean;
  /** Stops the lag sampler. */
  stop(): void;
  /** Whether this request was refused as overloaded. */
  refused(request: SimRequest): boolean;
}

/**
 * The overload refusal: HTTP 503, a SOAP 1.1 Server Fault carrying felkod SSBT-3001 in the
 * operation's fault element, and `Retry-After: 1`. Built without reading the request body, so it
 * costs next to nothing when the service is busiest.
 *
 * @example
 * overloadFault("v10").status // 503
 */
export function overloadFault(version: KontraktVersion): SimResponse {
  let fault = OVERLOAD_FAULTS.get(version);
  if (!fault) {
    const felkod = SSBT_FELKOD.OVERBELASTAD;
    fault = ssbtWireFault(version, felkod, SSBT_FELTEXT[felkod], 503, { "retry-after": "1" });
    OVERLOAD_FAULTS.set(version, fault);
  }
  return fault;
}

/** The overload refusal is the same bytes every time: built once per contract version. */
const OVERLOAD_FAULTS = new Map<KontraktVersion, SimResponse>();

/**
 * A SOAP 1.1 Fault of the composite service built before the request is read (overload, a
 * request path that cannot be decoded): `hamtaBastjanstInformationFault` with the felkod.
 *
 * @example
 * ssbtWireFault("v10", "SSBT-1001", "Sökvägen är felaktigt kodad.", 400).status // 400
 */
export function ssbtWireFault(
  version: KontraktVersion,
  felkod: string,
  text: string,
  status: number,
  headers: Record<string, string> = {},
): SimResponse {
  const body = soapFaultEnvelope({
    faultcode: status < 500 ? "Client" : "Server",
    faultstring: text,
    detail: encodeFault("hamtaBastjanstInformation", { felkod, felmeddelande: [text] }, version),
  });
  return response(status, SOAP11_CONTENT_TYPE, body, headers);
}

/**
 * Admission control for the composite service: at most `maxInFlight` requests are handled at
 * once, at most `maxWaiting` wait (each at most `maxWaitMs`) for a place, and while the event
 * loop lags more than `maxLagMs` (the CPU is saturated) none is admitted; every other request
 * gets {@link overloadFault} at once. Under overload a client thus gets a fast, honest 503 instead of a
 * queue that grows until it times out.
 *
 * @example
 * const admission = admissionControl(DEFAULT_ADMISSION, (req) => "v10");
 * chain.useComposite(admission.decorator);
 */
export function admissionControl(
  limits: AdmissionLimits,
  versionOf: (request: SimRequest) => KontraktVersion,
): Admission {
  let active = 0;
  const queue: { wake: (admitted: boolean) => void }[] = [];
  const refusedRequests = new WeakSet<SimRequest>();
  const release = () => {
    const next = queue.shift();
    if (next)
      next.wake(true); // the place passes on: `active` is unchanged
    else active -= 1;
  };
  const wait = () =>
    new Promise<boolean>((resolve) => {
      const entry = {
        wake: (admitted: boolean) => {
          clearTimeout(timer);
          resolve(admitted);
        },
      };
      const timer = setTimeout(() => {
        const i = queue.indexOf(entry);
        if (i >= 0) queue.splice(i, 1);
        resolve(false);
      }, limits.maxWaitMs);
      queue.push(entry);
    });
  // Lag: how late a 20 ms timer fires, smoothed so one GC pause does not shed a burst.
  let lag = 0;
  let last = performance.now();
  // Shedding: a composite answer is computed in one run of the event loop (the in-process
  // bastjänster never wait for I/O), so when more arrive than the CPU can answer the queue forms
  // in the sockets, where neither the in-flight bound nor the lag sees it — and every request then
  // waits seconds. While the loop is busy more than SHED_ABOVE of the time, a growing share of new
  // requests is refused at once (a refusal costs a tenth of an answer), so that what is admitted is
  // answered without a queue; the share falls again once the loop has room.
  let shed = 0;
  let shedAcc = 0;
  let busy = 0;
  let elu = perfHooks.eventLoopUtilization();
  const sampler =
    limits.maxLagMs > 0
      ? setInterval(() => {
          const now = performance.now();
          const late = Math.max(0, now - last - LAG_TICK_MS);
          last = now;
          lag = late > lag ? lag * 0.5 + late * 0.5 : lag * 0.8 + late * 0.2;
          const u = perfHooks.eventLoopUtilization(elu);
          elu = perfHooks.eventLoopUtilization();
          // Smoothed over ~200 ms: a GC pause or one burst does not start shedding, a saturated
          // loop does within a quarter of a second.
          busy = busy * 0.85 + u.utilization * 0.15;
          if (busy > SHED_ABOVE) shed = Math.min(SHED_MAX, shed + SHED_STEP);
          else if (busy < SHED_BELOW) shed = Math.max(0, shed - SHED_STEP / 2);
        }, LAG_TICK_MS)
      : undefined;
  sampler?.unref();
  /** Whether this request falls in the shed share (evenly spread: every 1/shed-th request). */
  const shedNow = () => {
    if (shed <= 0) return false;
    shedAcc += shed;
    if (shedAcc < 1) return false;
    shedAcc -= 1;
    return true;
  };
  const saturated = () => limits.maxLagMs > 0 && (lag > limits.maxLagMs || shedNow());
  const refuse = (request: SimRequest) => {
    refusedRequests.add(request);
    return overloadFault(versionOf(request));
  };
  // The shed share is applied where the queue forms: on the wire, before a request is read (the
  // server's early refusal calls `saturated`). Here only the lag check.
  const decorator: Decorator = (next) => async (request) => {
    if (limits.maxLagMs > 0 && lag > limits.maxLagMs) return refuse(request);
    if (active < limits.maxInFlight) active += 1;
    else if (queue.length >= limits.maxWaiting || limits.maxWaitMs <= 0 || !(await wait()))
      return refuse(request);
    try {
      return await next(request);
    } finally {
      release();
    }
  };
  return {
    decorator,
    inFlight: () => active,
    waiting: () => queue.length,
    refused: (request) => refusedRequests.has(request),
    lagMs: () => lag,
    shedShare: () => shed,
    saturated,
    stop: () => clearInterval(sampler),
  };
}

/**
 * Checks admission limits given as options, with a message that says what to do.
 *
 * @example
 * resolveAdmission({ maxInFlight: 0 }) // throws: --max-in-flight must be an integer ≥ 1 …
 */
export function resolveAdmission(o: Partial<AdmissionLimits>): AdmissionLimits {
  const out = { ...DEFAULT_ADMISSION, ...o };
  const int = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  if (!int(out.maxInFlight, 1, 100_000))
    throw new HarnessError(
      "BAD_OPTION",
      `--max-in-flight must be an integer 1–100000, got ${out.maxInFlight}.`,
    );
  if (!int(out.maxWaiting, 0, 1_000_000))
    throw new HarnessError(
      "BAD_OPTION",
      `--max-waiting must be an integer 0–1000000, got ${out.maxWaiting}.`,
    );
  if (!int(out.maxLagMs, 0, 60_000))
    throw new HarnessError("BAD_OPTION", `--max-lag must be a duration 0–60s, got ${out.maxLagMs} ms.`);
  if (!int(out.maxWaitMs, 0, 60_000))
    throw new HarnessError("BAD_OPTION", `--max-wait must be a duration 0–60s, got ${out.maxWaitMs} ms.`);
  return out;
}
