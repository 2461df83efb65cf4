import { getResponse, type HttpHandler } from "msw";
import { candidateHandlers } from "../routing.js";

/** Sends one request to a bastjänst and returns its answer (or throws when it cannot be reached). */
export type Transport = (request: Request) => Promise<Response>;

/**
 * In-process transport: the request goes straight to the msw handlers (no socket), exactly the
 * definition that also serves the wire.
 *
 * @example
 * const send = inProcessTransport(afSimulator.handlers(ctx));
 */
export function inProcessTransport(handlers: readonly HttpHandler[]): Transport {
  return async (request) => {
    const res = await getResponse(candidateHandlers(handlers, request), request);
    if (!res) throw new Error(`No simulated endpoint for ${new URL(request.url).pathname}`);
    // HttpResponse.error() is how a handler says "connection refused / reset".
    if (res.type === "error") throw new TypeError("fetch failed: connection refused");
    return res;
  };
}

/** Network transport for a real upstream (an authority's test environment). */
export const fetchTransport: Transport = (request) => fetch(request);
