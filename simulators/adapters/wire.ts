import type { SimOutcome, SimResponse, SimStream } from "../endpoint.js";

/**
 * Response header the wire adapter puts on an answer that stands for something the composite
 * service must report itself (kalla SSBT): `timeout` (SSBT-2001) or `closed` (SSBT-2004). On the
 * wire a caller simply sees HTTP 504 / 503; in-process the outcome stays typed.
 */
export const SIMULATION_HEADER = "x-ssbtek-simulering";

/**
 * How an outcome travels over HTTP: a simulated timeout is HTTP 504 and a closed service HTTP 503
 * (plain text, marked with {@link SIMULATION_HEADER}); a dropped connection stays `dropped`.
 *
 * @example
 * renderOutcome({ kind: "closed", rader: ["MIV är stängd: natt."] }) // { status: 503, … }
 */
export function renderOutcome(o: SimOutcome): SimResponse | SimStream | { kind: "dropped" } {
  switch (o.kind) {
    case "response":
    case "stream":
    case "dropped":
      return o;
    case "timeout":
      return {
        kind: "response",
        status: 504,
        headers: { "content-type": "text/plain; charset=utf-8", [SIMULATION_HEADER]: "timeout" },
        body: `${o.rader.join("\n")}\n`,
      };
    case "closed": {
      const headers: Record<string, string> = {
        "content-type": "text/plain; charset=utf-8",
        [SIMULATION_HEADER]: "closed",
      };
      if (o.retryAfterS !== undefined) headers["retry-after"] = String(o.retryAfterS);
      return { kind: "response", status: 503, headers, body: `${o.rader.join("\n")}\n` };
    }
  }
}
