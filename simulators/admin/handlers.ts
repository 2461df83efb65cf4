import { type HttpHandler, HttpResponse, http, type JsonBodyType } from "msw";
import { isHarnessError } from "../../contract/errors.js";
import { kortMaskerad } from "../../contract/maskering.js";
import type { BastjanstKod } from "../../contract/ssbt/model.js";
import type { SimulationControl } from "../faults/control.js";
import { formatFaults, parseFaults } from "../faults/fault.js";
import type { Scenario } from "../faults/scenario.js";
import { parseTimingOverrides } from "../timing/overrides.js";

export interface AdminOptions {
  control: SimulationControl;
  /** Endpoint URL per bastjänst. */
  upstreams: Readonly<Record<BastjanstKod, string>>;
  /** The scenario the chain was started with, if any. */
  scenario?: Scenario;
}

/** Every admin answer's message is masked and short: it never repeats a large input back. */
function problem(status: number, error: string, message: string): Response {
  return HttpResponse.json({ error, message: kortMaskerad(message, 300) }, { status });
}

/** Largest admin body: a fault map or timing overrides are a few hundred bytes. */
export const MAX_ADMIN_BODY_BYTES = 64 * 1024;
/** Deepest JSON nesting an admin body may have (the timing format needs four). */
export const MAX_ADMIN_JSON_DEPTH = 16;

/** Nesting depth of a JSON text, counted without parsing (strings skipped). */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}

/** Reads a JSON body, or answers 4xx saying what is wrong with it. */
async function jsonBody(request: Request): Promise<{ json: unknown } | { response: Response }> {
  const text = await request.text();
  if (!text.trim())
    return { response: problem(400, "EMPTY_BODY", 'Send a JSON body, e.g. {"MIV":"down"} or ["MIV=down"].') };
  if (jsonDepth(text, MAX_ADMIN_JSON_DEPTH) > MAX_ADMIN_JSON_DEPTH)
    return {
      response: problem(
        400,
        "TOO_DEEP",
        `The JSON nests deeper than ${MAX_ADMIN_JSON_DEPTH} levels; no admin body does.`,
      ),
    };
  if (Buffer.byteLength(text) > MAX_ADMIN_BODY_BYTES)
    return {
      response: problem(413, "BODY_TOO_LARGE", `Admin bodies are at most ${MAX_ADMIN_BODY_BYTES} bytes.`),
    };
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    return { response: problem(400, "BAD_JSON", `The body is not JSON: ${(e as Error).message}.`) };
  }
}

/** Runs a change; a HarnessError becomes 400 with its code and message. */
function change(fn: () => JsonBodyType): Response {
  try {
    return HttpResponse.json(fn());
  } catch (e) {
    if (isHarnessError(e)) return problem(400, e.code, e.message);
    return problem(500, "INTERNAL", "Internal error in the admin API.");
  }
}

/**
 * The admin API of the simulated chain, as msw handlers:
 *
 * - `GET /__admin/upstreams` — endpoint per bastjänst
 * - `GET /__admin/faults` — injected faults, `{"MIV":"down",…}`
 * - `PUT /__admin/faults` — replace them: `{"MIV":"down","CSN":"slow:15s"}` or `["MIV=down",…]`
 * - `DELETE /__admin/faults` — remove every injected fault
 * - `GET /__admin/timing` — profile, time scale, clock, deadlines and the timing config in force
 * - `PUT /__admin/timing` — startup timing with these overrides (scenario `timing` format)
 * - `POST /__admin/reset` — faults, timing and request counters back to the startup state
 *
 * Bad input (unknown kod, unknown fault kind, bad field) answers 400 `{ error, message }`.
 *
 * @example
 * await fetch(`${sim.url}/__admin/faults`, { method: "PUT", body: JSON.stringify({ MIV: "down" }) });
 */
export function adminHandlers(o: AdminOptions): HttpHandler[] {
  const { control } = o;
  const timingView = () => ({
    profile: control.profile,
    timeScale: control.timeScale,
    now: control.now().toISOString(),
    deadlineMs: Object.fromEntries(
      Object.keys(o.upstreams).map((k) => [k, control.deadlineMs(k as BastjanstKod)]),
    ),
    timing: control.timing(),
    ...(o.scenario
      ? {
          scenario: {
            source: o.scenario.source,
            ...(o.scenario.description ? { description: o.scenario.description } : {}),
            personas: o.scenario.personas ?? [],
          },
        }
      : {}),
  });
  return [
    http.get("*/__admin/upstreams", () => HttpResponse.json(o.upstreams)),
    http.get("*/__admin/faults", () => HttpResponse.json(formatFaults(control.faults(), control.koder))),
    http.put("*/__admin/faults", async ({ request }) => {
      const body = await jsonBody(request);
      if ("response" in body) return body.response;
      return change(() => {
        control.setFaults(parseFaults(body.json, "body", control.koder));
        return formatFaults(control.faults(), control.koder);
      });
    }),
    http.delete("*/__admin/faults", () => {
      control.clearFaults();
      return HttpResponse.json({});
    }),
    http.get("*/__admin/timing", () => HttpResponse.json(timingView())),
    http.put("*/__admin/timing", async ({ request }) => {
      const body = await jsonBody(request);
      if ("response" in body) return body.response;
      return change(() => {
        control.setTiming(parseTimingOverrides(body.json, "body", control.koder));
        return timingView();
      });
    }),
    http.post("*/__admin/reset", () => {
      control.reset();
      return HttpResponse.json({ faults: formatFaults(control.faults(), control.koder), ...timingView() });
    }),
  ];
}
