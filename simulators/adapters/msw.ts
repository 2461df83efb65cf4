import { getResponse, type HttpHandler, HttpResponse, http } from "msw";
import type { Endpoint, SimOutcome, SimRequest } from "../endpoint.js";
import { renderOutcome } from "./wire.js";

/**
 * A fetch `Request` as a plain request (what msw hands a handler).
 *
 * @example
 * const plain = await fromFetchRequest(new Request("http://x/ssbtek", { method: "POST", body }));
 */
export async function fromFetchRequest(request: Request): Promise<SimRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => {
    headers[k] = v;
  });
  // fetch never carries Host itself: it is the URL's.
  headers.host ??= url.host;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: hasBody ? new Uint8Array(await request.arrayBuffer()) : "",
    signal: request.signal,
  };
}

/**
 * An outcome as a fetch `Response` (timeout/closed rendered as on the wire; a dropped
 * connection is msw's network error).
 *
 * @example
 * toFetchResponse({ kind: "dropped" }).type // "error"
 */
export function toFetchResponse(outcome: SimOutcome): Response {
  const r = renderOutcome(outcome);
  if (r.kind === "dropped") return HttpResponse.error();
  if (r.kind === "stream") return new HttpResponse(r.body, { status: r.status, headers: r.headers });
  const body = typeof r.body === "string" ? r.body : new Uint8Array(r.body);
  return new HttpResponse(body, { status: r.status, headers: r.headers });
}

/**
 * The msw adapter: one handler that gives every request to the endpoint, on any origin. A request
 * the endpoint does not take (`undefined`) goes on to the next handler, as msw does.
 *
 * @example
 * const server = setupServer(mswHandler(afSimulator.endpoint(ctx)));
 */
export function mswHandler(endpoint: Endpoint): HttpHandler {
  return http.all("*", async ({ request }) => {
    const out = await endpoint(await fromFetchRequest(request.clone()));
    return out ? toFetchResponse(out) : undefined;
  });
}

/**
 * msw handlers as an endpoint (for the few endpoints still written as msw handlers, such as
 * extra admin endpoints a caller plugs in).
 *
 * @example
 * const admin = fromMswHandlers(() => adminHandlers(o));
 */
export function fromMswHandlers(handlers: () => readonly HttpHandler[]): Endpoint {
  return async (req) => {
    const list = handlers();
    if (list.length === 0) return undefined;
    const host = req.headers.host ?? "localhost";
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = typeof req.body === "string" ? req.body : new Uint8Array(req.body);
    let request: Request;
    try {
      request = new Request(`http://${host}${req.path}${req.query ? `?${req.query}` : ""}`, {
        method: req.method,
        headers: req.headers,
        ...(hasBody ? { body } : {}),
      });
    } catch {
      return undefined;
    }
    const res = await getResponse([...list], request);
    if (!res) return undefined;
    if (res.type === "error") return { kind: "dropped" };
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    // Server-sent events are written as they come, never read whole.
    if (res.body && headers["content-type"]?.startsWith("text/event-stream"))
      return { kind: "stream", status: res.status, headers, body: res.body };
    return { kind: "response", status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
  };
}
