import { STATUS_CODES } from "node:http";
import { soapFaultEnvelope } from "../../contract/soap/envelope.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import {
  bodyText,
  type Endpoint,
  response,
  type SimOutcome,
  type SimRequest,
  underPath,
} from "../endpoint.js";
import { hashSeed, Rng } from "../population/rng.js";
import { soapResponse } from "../soap-endpoint.js";
import { decideTiming, type TimingDecision } from "../timing/model.js";
import type { SimulationControl } from "./control.js";
import { type Fault, formatFault } from "./fault.js";

/** What the layer does with one request: a timing decision, or one only a fault can cause. */
export type LayerDecision = TimingDecision | { kind: "down" } | { kind: "malformed" } | { kind: "fault" };

/**
 * The decision an injected fault stands for. `slow` is compared with the deadline in simulated
 * time: at or above it the request is a timeout whatever the time scale.
 *
 * @example
 * faultDecision({ kind: "slow", ms: 15_000 }, 10_000) // { kind: "timeout", delayMs: 15000, … }
 */
export function faultDecision(f: Fault, deadlineMs: number): LayerDecision {
  const why = `injicerat fel ${formatFault(f)}`;
  switch (f.kind) {
    case "slow":
      return f.ms >= deadlineMs
        ? { kind: "timeout", delayMs: f.ms, reason: `${why}: ${f.ms} ms ≥ deadline ${deadlineMs} ms` }
        : { kind: "answer", delayMs: f.ms };
    case "error":
      return { kind: "error", status: f.status, reason: why };
    case "closed":
      return { kind: "closed", reason: why };
    default:
      return { kind: f.kind };
  }
}

/** Waits `ms` real ms; false when the request was aborted first (the caller gave up). */
function wait(ms: number, request: SimRequest): Promise<boolean> {
  // Nothing to wait for: the caller's signal is not even looked at (in-process it is made lazily).
  if (ms <= 0) return Promise.resolve(true);
  const signal = request.signal;
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function htmlError(status: number, text: string): SimOutcome {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  const html = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  return response(status, "text/html; charset=utf-8", html);
}

/**
 * A technical fault in the authority's own shape: its own (e.g. LEFI's error format), else a
 * SOAP 1.1 Server fault.
 */
function technicalFault(sim: BastjanstSimulator, now: Date): SimOutcome {
  const text = `Simulerat tekniskt fel i ${sim.namn} (injicerat fel).`;
  return sim.tekniskFel
    ? sim.tekniskFel(text, now)
    : soapResponse(soapFaultEnvelope({ faultcode: "Server", faultstring: text }), 500);
}

/** The real answer cut in half (a connection closed mid-answer by a proxy), marked as such. */
async function truncated(inner: Endpoint, request: SimRequest): Promise<SimOutcome | undefined> {
  const out = await inner(request);
  if (out?.kind !== "response") return out;
  const text = typeof out.body === "string" ? out.body : new TextDecoder().decode(out.body);
  const { "content-length": _, ...headers } = out.headers;
  return {
    kind: "response",
    status: out.status,
    headers: { ...headers, "x-ssbtek-simulering": "malformed" },
    body: text.slice(0, Math.floor(text.length / 2)),
  };
}

/**
 * The timing and fault layer as a decorator of one bastjänst's endpoint. Per request to the
 * bastjänst's path (or below it) it decides — an injected fault first, else the timing model —
 * then waits the decided delay × time scale and lets the endpoint answer, or answers itself: a
 * dropped connection (`down`), an HTML HTTP error, the authority's technical fault, the real
 * answer cut in half (`malformed`), or a typed `closed` / `timeout` outcome (the wire adapter
 * renders those as HTTP 503 / 504; in-process the composite service reads them as they are). A
 * timeout waits at most the deadline × time scale, so with time scale 0 nothing ever really waits.
 * While no fault is injected and the timing can only answer at once (the `fast` profile), the
 * request goes straight to the endpoint.
 *
 * @example
 * const endpoint = withTimingAndFaults(tnsSimulator, tnsSimulator.endpoint(ctx), control);
 */
export function withTimingAndFaults(
  sim: BastjanstSimulator,
  inner: Endpoint,
  control: SimulationControl,
): Endpoint {
  // The fast path is a plain call (no async frame of its own around the endpoint's promise).
  return (request) => {
    if (!underPath(request.path, sim.path)) return inner(request);
    const fault = control.fault(sim.kod);
    if (!fault && control.inert(sim.kod)) return inner(request);
    return decided(request, fault);
  };

  async function decided(
    request: SimRequest,
    fault: ReturnType<SimulationControl["fault"]>,
  ): Promise<SimOutcome | undefined> {
    const target = request.query ? `${request.path}?${request.query}` : request.path;
    const fingerprint = hashSeed(0, request.method, target, bodyText(request)).toString(36);
    const streamSeed = control.requestSeed(sim.kod, fingerprint);
    const deadline = control.deadlineMs(sim.kod);
    const decision: LayerDecision = fault
      ? faultDecision(fault, deadline)
      : decideTiming(control.timing(), sim.kod, control.now(), deadline, new Rng(streamSeed));
    const scale = control.timeScale;
    switch (decision.kind) {
      case "down":
        return { kind: "dropped" };
      case "closed":
        return {
          kind: "closed",
          rader: [`${sim.namn} är stängd: ${decision.reason}.`],
          ...(decision.retryAfterS !== undefined ? { retryAfterS: decision.retryAfterS } : {}),
        };
      case "error":
        return htmlError(decision.status, `${sim.namn}: ${decision.reason}.`);
      case "fault":
        return technicalFault(sim, control.now());
      case "malformed":
        return truncated(inner, request);
      case "timeout":
        if (!(await wait(Math.min(decision.delayMs, deadline) * scale, request))) return { kind: "dropped" };
        return {
          kind: "timeout",
          rader: [`${sim.namn} svarade inte inom ${deadline} ms (timeout).`, `Orsak: ${decision.reason}.`],
        };
      case "answer":
        if (!(await wait(decision.delayMs * scale, request))) return { kind: "dropped" };
        return inner(request);
    }
  }
}
