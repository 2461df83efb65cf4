import { type Begaran, TreeBegaran } from "../bastjanst.js";
import { type Endpoint, isPromiseLike, type SimOutcome, simRequest } from "../endpoint.js";

/**
 * Sends one request to a bastjänst and returns what came of it. Throws when the bastjänst cannot
 * be reached (connection refused or dropped); a simulated timeout or closure stays typed. `signal`
 * gives the caller's abort signal, made only when a transport asks for it (an in-process call
 * that answers at once never does: an AbortController per call was a visible share of the CPU).
 */
export type Transport = (begaran: Begaran, signal: () => AbortSignal) => Promise<SimOutcome>;

/** The path and query of an absolute URL ("http://h:1/a?b" → "/a?b"), without building a URL object. */
function target(url: string): string {
  const scheme = url.indexOf("://");
  const slash = scheme < 0 ? url.indexOf("/") : url.indexOf("/", scheme + 3);
  return slash < 0 ? "/" : url.slice(slash);
}

/**
 * The in-process adapter: the request goes straight to the endpoint function — no socket, no
 * fetch objects — the same definition that serves the wire.
 *
 * @example
 * const send = inProcessTransport(afSimulator.endpoint(ctx));
 */
export function inProcessTransport(endpoint: Endpoint): Transport {
  // Not async: an endpoint that answers at once costs no awaits here (a throw is still a rejection).
  return (b, signal) => {
    try {
      // A request built as a tree goes over as the tree: its text is written only if the endpoint reads it.
      const body = b instanceof TreeBegaran ? b.parsedXml : b.body;
      const out = endpoint(
        simRequest(b.method, target(b.url), lowerCase(b.headers), body, signal, b.parsedXml, b.parsedJson),
      );
      return isPromiseLike(out)
        ? Promise.resolve(out).then((o) => levererat(o, b))
        : Promise.resolve(levererat(out, b));
    } catch (e) {
      return Promise.reject(e);
    }
  };
}

/** What the endpoint gave, as a transport's outcome: no endpoint, or a dropped connection, throws. */
function levererat(out: SimOutcome | undefined, b: Begaran): SimOutcome {
  if (!out) throw new Error(`No simulated endpoint for ${target(b.url).split("?")[0]}`);
  if (out.kind === "dropped") throw new TypeError("fetch failed: connection refused");
  return out;
}

// The clients send the same frozen header object with every request: lower-cased once.
const gemener = new WeakMap<object, Readonly<Record<string, string>>>();

function lowerCase(h: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const frozen = Object.isFrozen(h);
  const known = frozen ? gemener.get(h) : undefined;
  if (known) return known;
  const out: Record<string, string> = {};
  for (const k in h) out[k.toLowerCase()] = h[k] as string;
  if (frozen) gemener.set(h, Object.freeze(out));
  return out;
}

/**
 * The fetch adapter, for a real upstream (an authority's test environment, or a simulator on
 * another port): the answer is read whole.
 *
 * @example
 * const outcome = await fetchTransport(afKlient.begaran(fraga, url, kontrakt), signal);
 */
export const fetchTransport: Transport = async (b, signal) => {
  const res = await fetch(b.url, { method: b.method, headers: b.headers, body: b.body, signal: signal() });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return { kind: "response", status: res.status, headers, body: await res.text() };
};

/**
 * A request as a fetch `Request` (for fetch-based tools: msw's `getResponse`, Pact mock servers).
 *
 * @example
 * await fetch(fetchRequest(afKlient.begaran(fraga, url, kontrakt)));
 */
export function fetchRequest(b: Begaran): Request {
  return new Request(b.url, { method: b.method, headers: b.headers, body: b.body });
}

/**
 * A signal aborted after `timeoutMs` (reason `reason`) or when `outer` is, held by an ordinary
 * timer and listener that `dispose` removes, so no timer outlives the work. Give the signal to
 * `fetch(input, { signal })` itself, never to a `Request` constructor: undici links a Request's
 * signal to fetch weakly, and after a garbage collection the abort no longer arrives (a certify
 * run then waited forever on a producer that never answers).
 *
 * @example
 * const { signal, dispose } = tidsgrans(5_000, stop);
 * try { await fetch(url, { signal }); } finally { dispose(); }
 */
export function tidsgrans(
  timeoutMs: number,
  outer?: AbortSignal,
  reason = `no answer within ${timeoutMs} ms`,
): { signal: AbortSignal; dispose: () => void } {
  const c = new AbortController();
  const timer = setTimeout(() => c.abort(reason), timeoutMs);
  const onOuter = () => c.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener("abort", onOuter, { once: true });
  return {
    signal: c.signal,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
}
