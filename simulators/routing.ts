import { HttpHandler, matchRequestUrl, type RequestHandler } from "msw";

interface HandlerIndex {
  /** The handler list the cache was built from, to notice a list changed in place. */
  snapshot: readonly RequestHandler[];
  /** "METHOD origin+pathname" → the handlers that may answer it, in list order. */
  byRoute: Map<string, RequestHandler[]>;
}

/** Distinct routes remembered per handler list; a client sending random paths cannot grow it further. */
const MAX_ROUTES = 512;
const indexes = new WeakMap<readonly RequestHandler[], HandlerIndex>();

function sameList(a: readonly RequestHandler[], b: readonly RequestHandler[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether msw could match this handler to the request: method and path as msw checks them.
 * Handlers matched by a RegExp, a custom predicate or not HTTP at all are always kept, so the
 * answer is never "no" when msw would say "yes".
 */
function mayMatch(h: RequestHandler, method: string, url: URL): boolean {
  if (!(h instanceof HttpHandler)) return true;
  const { method: m, path } = h.info;
  if (typeof path !== "string") return true;
  const methodOk = m instanceof RegExp ? m.test(method) : m.toLowerCase() === method.toLowerCase();
  return methodOk && matchRequestUrl(url, path).matches;
}

/**
 * The handlers of `handlers` that may answer `request`, in their order: what to give msw's
 * `getResponse` instead of the whole list. msw tries handlers one by one and, for each, parses
 * the URL, reads the cookies and compiles the path pattern again; with the chain's ~50 handlers
 * that was a large share of every request. The filter is remembered per method and URL path
 * (query and hash ignored, as msw ignores them) and rebuilt when the list is changed in place.
 * msw still makes the real match on what is left, so the answer is the same as with the whole list.
 *
 * @example
 * const res = await getResponse(candidateHandlers(chain.handlers, request), request);
 */
export function candidateHandlers<H extends RequestHandler>(handlers: readonly H[], request: Request): H[] {
  let index = indexes.get(handlers);
  if (!index || !sameList(index.snapshot, handlers)) {
    index = { snapshot: [...handlers], byRoute: new Map() };
    indexes.set(handlers, index);
  }
  // request.url is already normalised by fetch's Request: cutting at "?"/"#" leaves origin + path.
  const cut = request.url.search(/[?#]/);
  const key = `${request.method} ${cut < 0 ? request.url : request.url.slice(0, cut)}`;
  let hit = index.byRoute.get(key);
  if (!hit) {
    const url = new URL(request.url);
    hit = handlers.filter((h) => mayMatch(h, request.method, url));
    if (index.byRoute.size >= MAX_ROUTES) index.byRoute.clear();
    index.byRoute.set(key, hit);
  }
  return hit as H[];
}
