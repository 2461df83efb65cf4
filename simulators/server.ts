import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type HttpHandler } from "msw";
import { HarnessError } from "../contract/errors.js";
import type { BastjanstKod } from "../contract/ssbt/model.js";
import { type Chain, type ChainHooks, createChain } from "./chain.js";
import { resolveOptions, type SimulateOptions } from "./options.js";
import { candidateHandlers } from "./routing.js";

/** A running simulated chain on a real HTTP server. */
export interface RunningSimulator {
  /** Base URL, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** The composite service endpoint, e.g. "http://127.0.0.1:8080/ssbtek". */
  ssbtek: string;
  /** Endpoint per bastjänst (as listed by GET /__admin/upstreams). */
  upstreams: Record<BastjanstKod, string>;
  chain: Chain;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** Largest request head (request line + headers) accepted; larger gets 431 from node:http itself. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Time allowed to receive the request headers, and the whole request: slow senders are cut off (408). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;

/** Methods fetch's `Request` cannot carry (and TRACE would echo headers): answered 405 up front. */
const REFUSED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * The URL of a request on our origin: origin-form (`/ssbtek`) as is, absolute-form
 * (`http://host/ssbtek`, which RFC 9112 §3.2.2 says a server must accept) by its path only, so a
 * request can never name another origin. Undefined for anything else (`*`, garbage).
 */
function requestUrl(origin: string, target: string): string | undefined {
  try {
    if (target.startsWith("/")) return new URL(`${origin}${target}`).href;
    if (/^https?:\/\//i.test(target)) {
      const u = new URL(target);
      return new URL(`${u.pathname}${u.search}`, origin).href;
    }
  } catch {
    // not a URL: the caller answers 400
  }
  return undefined;
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function plain(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(`${text}\n`);
}

/**
 * Serves msw handlers on a node:http server: each request becomes a fetch `Request`, goes to
 * `getResponse` (the same handlers tests use in-process), and the `Response` is written back.
 */
export function serveHandlers(
  handlers: () => readonly HttpHandler[],
  options: { maxBodyBytes: number; origin: () => string },
): Server {
  return createServer({ maxHeaderSize: MAX_HEADER_BYTES }, async (req, res) => {
    try {
      const method = req.method ?? "GET";
      if (REFUSED_METHODS.has(method)) {
        plain(res, 405, `Method ${method} is not supported here.`);
        return;
      }
      const url = requestUrl(options.origin(), req.url ?? "/");
      if (!url) {
        plain(res, 400, "Bad request target: send an absolute path such as /ssbtek.");
        return;
      }
      const hasBody = method !== "GET" && method !== "HEAD";
      const body = hasBody ? await readBody(req, options.maxBodyBytes) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v === undefined || k.startsWith(":")) continue;
        headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      }
      const request = new Request(url, {
        method,
        headers,
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      const response = await getResponse(candidateHandlers(handlers(), request), request);
      if (!response) {
        const where = new URL(url).pathname.slice(0, 200);
        plain(res, 404, `No endpoint at ${method} ${where}. See GET /__admin/upstreams.`);
        return;
      }
      if (response.type === "error") {
        // A handler simulating a dead endpoint: drop the connection like a crashed server would.
        req.socket.destroy();
        return;
      }
      const out = Buffer.from(await response.arrayBuffer());
      const h: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        h[k] = v;
      });
      h["content-length"] = String(out.length);
      res.writeHead(response.status, h);
      res.end(out);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        plain(res, 413, `Request body larger than ${options.maxBodyBytes} bytes refused.`, true);
        // Close only once the 413 is flushed, so the client reads it instead of a bare reset.
        res.once("finish", () => req.destroy());
        return;
      }
      plain(res, 500, "Internal error in the simulator.");
    }
  });
}

/**
 * Starts the whole simulated chain on a real HTTP server: the composite service at `/ssbtek`
 * (WSDL at `/ssbtek?wsdl`), every bastjänst at its own endpoint, and the admin API.
 *
 * @example
 * const sim = await startSimulator({ port: 0, seed: 7 });
 * // … POST SOAP to sim.ssbtek …
 * await sim.close();
 */
export async function startSimulator(
  o: SimulateOptions = {},
  hooks: ChainHooks = {},
): Promise<RunningSimulator> {
  const options = resolveOptions(o);
  let origin = `http://${options.host}:${options.port}`;
  let chain = createChain(options, origin, hooks);
  const server = serveHandlers(() => chain.handlers, {
    maxBodyBytes: options.maxBodyBytes,
    origin: () => origin,
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE")
        reject(
          new HarnessError(
            "PORT_IN_USE",
            `Failed to start simulator: port ${options.port} is in use. Pass --port or free the port.`,
          ),
        );
      else if (e.code === "EACCES")
        reject(
          new HarnessError(
            "PORT_DENIED",
            `Failed to start simulator: no permission to bind port ${options.port}. Use a port above 1024.`,
          ),
        );
      else
        reject(
          new HarnessError(
            "LISTEN_FAILED",
            `Failed to start simulator on ${options.host}:${options.port}: ${e.message}`,
          ),
        );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  origin = `http://${host}:${addr.port}`;
  chain = createChain(options, origin, hooks);
  return {
    url: origin,
    ssbtek: `${origin}/ssbtek`,
    upstreams: chain.upstreams,
    chain,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
