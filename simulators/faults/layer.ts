import { STATUS_CODES } from "node:http";
import { getResponse, type HttpHandler, HttpResponse, http } from "msw";
import { SOAP11_CONTENT_TYPE, soapFaultEnvelope } from "../../contract/soap/envelope.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import type { BastjanstKod, Sektion } from "../../contract/ssbt/model.js";
import type { BastjanstKlient, BastjanstSimulator } from "../bastjanst.js";
import { hashSeed, Rng } from "../population/rng.js";
import { decideTiming, type TimingDecision } from "../timing/model.js";
import type { SimulationControl } from "./control.js";
import { type Fault, formatFault } from "./fault.js";

/**
 * Response header the layer puts on answers that stand for something the composite service must
 * report itself (kalla SSBT): `timeout` (SSBT-2001) or `closed` (SSBT-2004). On the wire a
 * caller simply sees HTTP 504 / 503.
 */
export const SIMULATION_HEADER = "x-ssbtek-simulering";

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
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? "Error"}`;
}

function htmlError(status: number, text: string): Response {
  const title = statusLine(status);
  const html = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  return new HttpResponse(html, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function wantsJson(kod: BastjanstKod, request: Request): boolean {
  return kod === "FK" || (request.headers.get("content-type") ?? "").toLowerCase().includes("json");
}

function technicalFault(sim: BastjanstSimulator, request: Request): Response {
  const text = `Simulerat tekniskt fel i ${sim.namn} (injicerat fel).`;
  if (wantsJson(sim.kod, request))
    return HttpResponse.json(
      { type: "about:blank", title: "Internal Server Error", status: 500, detail: text },
      { status: 500, headers: { "Content-Type": "application/problem+json" } },
    );
  return new HttpResponse(soapFaultEnvelope({ faultcode: "Server", faultstring: text }), {
    status: 500,
    headers: { "Content-Type": SOAP11_CONTENT_TYPE },
  });
}

async function truncated(real: readonly HttpHandler[], request: Request): Promise<Response | undefined> {
  const res = await getResponse([...real], request);
  if (!res || res.type === "error") return res;
  const text = await res.text();
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  headers.set(SIMULATION_HEADER, "malformed");
  return new HttpResponse(text.slice(0, Math.floor(text.length / 2)), { status: res.status, headers });
}

/**
 * The timing and fault layer of one simulated bastjänst: msw handlers to put BEFORE its own
 * handlers, matching its path and every sub-path (LEFI's real URLs are below FK's base path).
 * Per request it decides (injected fault first, else the timing model) and then waits the
 * decided delay × time scale and lets the real handler answer, or answers itself: a dropped
 * connection (`down`), an HTML HTTP error, a SOAP Fault / JSON problem, the real answer cut in
 * half (`malformed`), HTTP 503 "closed" or HTTP 504 "timeout" (both marked with
 * {@link SIMULATION_HEADER}). A timeout waits at most the deadline × time scale, so with time
 * scale 0 nothing ever really waits.
 *
 * @example
 * const real = tnsSimulator.handlers(ctx);
 * const handlers = [...faultLayer(tnsSimulator, real, control), ...real];
 */
export function faultLayer(
  sim: BastjanstSimulator,
  real: readonly HttpHandler[],
  control: SimulationControl,
): HttpHandler[] {
  const resolver = async ({ request }: { request: Request }): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const body = hasBody ? await request.clone().text() : "";
    const fingerprint = hashSeed(0, request.method, url.pathname + url.search, body).toString(36);
    const streamSeed = control.requestSeed(sim.kod, fingerprint);
    const deadline = control.deadlineMs(sim.kod);
    const fault = control.fault(sim.kod);
    const decision: LayerDecision = fault
      ? faultDecision(fault, deadline)
      : decideTiming(control.timing(), sim.kod, control.now(), deadline, new Rng(streamSeed));
    const scale = control.timeScale;
    switch (decision.kind) {
      case "down":
        return HttpResponse.error();
      case "closed": {
        const headers: Record<string, string> = {
          "Content-Type": "text/plain; charset=utf-8",
          [SIMULATION_HEADER]: "closed",
        };
        if (decision.retryAfterS !== undefined) headers["Retry-After"] = String(decision.retryAfterS);
        return new HttpResponse(`${sim.namn} är stängd: ${decision.reason}.\n`, { status: 503, headers });
      }
      case "error":
        return htmlError(decision.status, `${sim.namn}: ${decision.reason}.`);
      case "fault":
        return technicalFault(sim, request);
      case "malformed":
        return truncated(real, request);
      case "timeout": {
        if (!(await wait(Math.min(decision.delayMs, deadline) * scale, request.signal)))
          return HttpResponse.error();
        return new HttpResponse(
          `${sim.namn} svarade inte inom ${deadline} ms (timeout).\nOrsak: ${decision.reason}.\n`,
          {
            status: 504,
            headers: { "Content-Type": "text/plain; charset=utf-8", [SIMULATION_HEADER]: "timeout" },
          },
        );
      }
      case "answer":
        if (!(await wait(decision.delayMs * scale, request.signal))) return HttpResponse.error();
        return undefined; // the simulator's own handler answers
    }
  };
  return [http.all(`*${sim.path}`, resolver), http.all(`*${sim.path}/*`, resolver)];
}

/**
 * Reads a layer answer that the composite service must report itself: a simulated timeout →
 * `error kalla=SSBT` SSBT-2001, closed → SSBT-2004. Anything else → undefined (the bastjänst's
 * own client reads it).
 *
 * @example
 * await simulatedSektion(response, "Migrationsverket", 10_000) // { error: { kalla: "SSBT", felkod: "SSBT-2004", … } }
 */
export async function simulatedSektion(
  svar: Response,
  namn: string,
  deadlineMs: number,
): Promise<Sektion | undefined> {
  const marker = svar.headers.get(SIMULATION_HEADER);
  if (marker !== "timeout" && marker !== "closed") return undefined;
  // The layer's text is one message per line, with no personal data in it.
  const rader = (await svar.text())
    .split("\n")
    .map((r) => r.trim())
    .filter(Boolean);
  if (marker === "timeout")
    return {
      error: {
        kalla: "SSBT",
        felkod: SSBT_FELKOD.TIMEOUT,
        felmeddelande: [`${namn} svarade inte inom ${deadlineMs} ms (timeout).`, ...rader.slice(1)],
      },
    };
  return {
    error: {
      kalla: "SSBT",
      felkod: SSBT_FELKOD.STANGD,
      felmeddelande: rader.length ? rader : [`${namn} är stängd.`],
    },
  };
}

/**
 * The simulator as the composite service should see it behind the layer: its client first
 * checks for a simulated timeout or closure (reported with kalla SSBT), then reads the answer
 * as usual.
 *
 * @example
 * upstream.simulator = withSimulatedOutcomes(tnsSimulator, control);
 */
export function withSimulatedOutcomes(
  sim: BastjanstSimulator,
  control: SimulationControl,
): BastjanstSimulator {
  const inner = sim.klient;
  const klient: BastjanstKlient = {
    begaran: (fraga, endpoint, kontrakt) => inner.begaran(fraga, endpoint, kontrakt),
    tolka: async (svar, fraga, kontrakt) =>
      (await simulatedSektion(svar, sim.namn, control.deadlineMs(sim.kod))) ??
      inner.tolka(svar, fraga, kontrakt),
  };
  if (inner.forkontroll) {
    const forkontroll = inner.forkontroll;
    klient.forkontroll = (fraga, kontrakt) => forkontroll.call(inner, fraga, kontrakt);
  }
  return { ...sim, klient };
}
