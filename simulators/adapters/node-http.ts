import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { type Endpoint, response, type SimRequest, type SimResponse } from "../endpoint.js";
import { Turns } from "./turns.js";
import { renderOutcome } from "./wire.js";

/** Largest request head (request line + headers) accepted; larger gets 431 from node:http itself. */
export const MAX_HEADER_BYTES = 16 * 1024;
/**
 * Time allowed to receive the request headers, and the whole request: slow senders (slowloris)
 * are cut off with 408. Checked every {@link CONNECTION_CHECK_MS}, not node's default 30 s.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
/**
 * An idle keep-alive connection is closed after this (under connection pressure, after
 * {@link SHED_IDLE_AFTER_MS}). Longer than the 60 s many clients and load balancers keep an idle
 * connection: a server that closes first races the client's next request on that connection, and
 * the request is reset — which under CPU starvation (a delayed client loop) happened even to a
 * client that closes idle connections after 4 s against node's default 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** How often node checks the header and request timeouts of open connections. */
export const CONNECTION_CHECK_MS = 1_000;
/**
 * Most simultaneous connections served as usual (the soft limit). Under it, below the usual
 * descriptor limit of 1 024, so the process keeps descriptors for its own work. See
 * {@link connectionLimits}.
 */
export const MAX_CONNECTIONS = 768;
/**
 * Under pressure (at the soft limit), an idle connection — keep-alive between requests, or opened
 * and silent — is closed to make room only after this long idle: a client that has just connected
 * or just got an answer is likely about to send on it, and closing it then would reset its request.
 */
export const SHED_IDLE_AFTER_MS = 1_000;
/**
 * A connection that has not sent a byte is closed after this. Longer than the 10 s a browser
 * keeps a preconnected, still unused socket (Chromium): the browser closes first, so a page never
 * sends a request on a socket the server is closing.
 */
export const SILENT_TIMEOUT_MS = 60_000;
/** Descriptors kept free for the process's own work (files, the loop, the next accept). */
const RESERVED_DESCRIPTORS = 64;

/**
 * The connection limits a server runs with, from the soft limit asked for and the process's
 * descriptor limit:
 *
 * - **soft** — connections served as usual. A connection opened beyond it (after closing idle
 *   ones did not make room) gets one immediate answer — for the composite service a 503 SOAP Fault
 *   SSBT-3001 — with `Connection: close`: refused, not dropped.
 * - **hard** — above it node:http closes a new connection at once, without an answer, so the
 *   process never runs out of descriptors: the soft limit plus a quarter (at least 64), at most
 *   the descriptor limit minus {@link RESERVED_DESCRIPTORS}; the soft limit is lowered to stay
 *   below it.
 *
 * @example
 * connectionLimits(768, 1024) // { soft: 768, hard: 960, descriptors: 1024 }
 * connectionLimits(768, 20000) // { soft: 768, hard: 960, descriptors: 20000 }
 */
export function connectionLimits(
  soft: number,
  descriptors: number | undefined,
): { soft: number; hard: number; descriptors?: number } {
  let hard = soft + Math.max(64, Math.ceil(soft / 4));
  if (descriptors !== undefined) hard = Math.max(2, Math.min(hard, descriptors - RESERVED_DESCRIPTORS));
  const out = { soft: Math.min(soft, hard - Math.max(1, Math.ceil(hard / 5))), hard };
  return descriptors !== undefined ? { ...out, descriptors } : out;
}

/**
 * This process's limit of open descriptors (Linux `/proc/self/limits`; node raises the soft limit
 * to the hard one at start), undefined elsewhere.
 *
 * @example
 * descriptorLimit() // 1024 under `ulimit -Hn 1024`
 */
export function descriptorLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The default answer on a connection beyond the soft limit: a plain-text 503 with `Retry-After: 1`.
 *
 * @example
 * tooManyConnections().status // 503
 */
export function tooManyConnections(): SimResponse {
  return response(
    503,
    "text/plain; charset=utf-8",
    "The simulator has too many open connections: try again in a second, on a kept-alive connection.\n",
    { "retry-after": "1" },
  );
}

/** Methods no endpoint takes (and TRACE would echo headers): answered 405 up front. */
const REFUSED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

class BodyTooLarge extends Error {}

/** Whether every `%` of a path starts a valid escape and the escapes decode to UTF-8. */
function wellEncoded(path: string): boolean {
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An origin-form target that `new URL` leaves as it is: a path not starting with "//" (that would
 * name a host) and an optional query, both of characters neither part escapes or rewrites (no "%",
 * "\\", "#", "'", space, quote, angle or curly bracket, backtick, non-ASCII). Dot segments are
 * ruled out by the caller (no "/." at all).
 */
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9\-._~!$&()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?]*)?$/;

/**
 * Path and query of a request target on our origin: origin-form (`/ssbtek`) as is, absolute-form
 * (`http://host/ssbtek`, which RFC 9112 §3.2.2 says a server must accept) by its path only, so a
 * request can never name another origin. Normalised as fetch's URL does (dot segments, encoding).
 * Undefined for anything else (`*`, garbage).
 *
 * @example
 * requestTarget("/ssbtek?wsdl") // { path: "/ssbtek", query: "wsdl" }
 * requestTarget("http://other/a/../ssbtek") // { path: "/ssbtek", query: "" }
 */
export function requestTarget(target: string): { path: string; query: string } | undefined {
  // The usual target needs no normalising: read it without building a URL (same result, tested).
  if (PLAIN_TARGET.test(target) && !target.includes("/.")) {
    const q = target.indexOf("?");
    return q < 0 ? { path: target, query: "" } : { path: target.slice(0, q), query: target.slice(q + 1) };
  }
  return requestTargetByUrl(target);
}

/**
 * {@link requestTarget} for any target, through fetch's URL parser: the general case, and the
 * reference the fast path is tested against.
 *
 * @example
 * requestTargetByUrl("/a/./b?x") // { path: "/a/b", query: "x" }
 */
export function requestTargetByUrl(target: string): { path: string; query: string } | undefined {
  try {
    let u: URL | undefined;
    if (target.startsWith("/")) u = new URL(target, "http://localhost");
    else if (/^https?:\/\//i.test(target)) u = new URL(target);
    if (u) return { path: u.pathname, query: u.search.slice(1) };
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
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A request as it came over the wire. Its abort signal is made only when something asks for it
 * (most answers never wait). A class, not an object literal whose getter closes over the
 * handler's scope: with that literal, under load twice the bytes were promoted out of V8's young
 * generation and half again as many full collections ran (`--trace-gc-nvp`, 8 000 answers).
 */
class WireRequest implements SimRequest {
  private controller: AbortController | undefined;
  private borta = false;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: string,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: Uint8Array | string,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.borta) this.controller.abort();
    }
    return this.controller.signal;
  }

  /** The client closed the connection before its answer. */
  gone(): void {
    this.borta = true;
    this.controller?.abort();
  }
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

function plainHeaders(req: IncomingMessage): Record<string, string> {
  const h: Record<string, string> = {};
  const raw = req.headers;
  for (const k in raw) {
    const v = raw[k];
    if (v === undefined || k.startsWith(":")) continue;
    h[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return h;
}

/** Writes a streamed body as it comes; stops (and cancels the stream) when the client goes away. */
async function pipeStream(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      res.write(value);
    }
  } catch {
    // the stream failed or was cancelled: end the answer
  }
  res.end();
}

/** How one exchange went on the wire, from request arrival to the last byte sent. */
export interface WireExchange {
  method: string;
  path: string;
  status: number;
  /** Milliseconds from the request's arrival (headers parsed) to the last byte handed to the socket. */
  ms: number;
  /** False when the connection closed before the whole answer was sent. */
  completed: boolean;
  /** The plain request the endpoint saw (undefined when refused before that). */
  request?: SimRequest;
  /** Refused before it was read: its connection was beyond the soft limit, or `refuseEarly` said so. */
  overCapacity?: boolean;
}

export interface ServeOptions {
  /** Largest request body read; larger is refused with 413 before it is buffered. */
  maxBodyBytes: number;
  /** Most simultaneous connections. Default {@link MAX_CONNECTIONS}. */
  maxConnections?: number;
  /** Header timeout in ms. Default {@link HEADERS_TIMEOUT_MS}. */
  headersTimeoutMs?: number;
  /** Whole-request timeout in ms. Default {@link REQUEST_TIMEOUT_MS}. */
  requestTimeoutMs?: number;
  /** A connection that sends nothing is closed after this, in ms. Default {@link SILENT_TIMEOUT_MS}. */
  silentTimeoutMs?: number;
  /** Idle keep-alive timeout in ms. Default {@link KEEP_ALIVE_TIMEOUT_MS}. */
  keepAliveTimeoutMs?: number;
  /**
   * The answer on a connection opened beyond the soft connection limit (sent with
   * `Connection: close`, the request body unread), or undefined to serve the request anyway (the
   * operator's admin API). Default: a plain-text 503.
   */
  overCapacity?: (path: string) => SimResponse | undefined;
  /**
   * Called before the body is read: an answer refuses the request at once (the composite
   * service's overload refusal while the process is saturated), undefined serves it.
   */
  refuseEarly?: (method: string, path: string) => SimResponse | undefined;
  /** Called once per exchange when its answer has been sent (or its connection closed). */
  onExchange?: (e: WireExchange) => void;
  /** The answer to a path with broken percent-encoding (e.g. a SOAP Fault); default plain 400. */
  badPath?: (path: string) => SimResponse | undefined;
  /** Answers get `Connection: close` while this returns true (the server is draining). */
  closing?: () => boolean;
}

/** A server that can stop accepting and let its open requests finish. */
export interface DrainableServer extends Server {
  /** Requests received and not yet fully answered. */
  inFlight(): number;
  /** Open connections, and the limits they run with (see {@link connectionLimits}). */
  connectionState(): ConnectionState;
}

/** The connections of a server (for tests, metrics and the soak). */
export interface ConnectionState {
  open: number;
  /** Connections served as usual; beyond, one 503 then close. */
  soft: number;
  /** Connections beyond this are closed at once. */
  hard: number;
  /** Idle connections closed to make room, since start. */
  shedIdle: number;
  /** Requests refused because their connection was beyond the soft limit, since start. */
  refusedOverLimit: number;
  /** Connections closed at once because they were beyond the hard limit, since start. */
  droppedOverLimit: number;
  /** Connections cut because they sent nothing within the header timeout, since start. */
  silentCut: number;
}

/** What the adapter knows of one open connection. */
interface Connection {
  /** Requests on it not yet answered. */
  busy: number;
  /** When it last became idle (opened, or its last answer sent), performance.now(). */
  idleSince: number;
  /** Opened beyond the soft limit: its first request is refused, then it is closed. */
  over: boolean;
  /** Whether a request ever started on it (a silent connection is cut after the header timeout). */
  used: boolean;
}

/**
 * The node:http adapter: serves an endpoint on a real HTTP server. Each request becomes a plain
 * request (the body read once, capped), goes to the endpoint in its turn (the requests read in one
 * event-loop turn are computed one after another, then their answers written: {@link Turns}), and
 * its outcome is written back: a response as is, a simulated timeout/closure as HTTP 504/503, a
 * dropped connection as a reset socket. Nothing the endpoint throws reaches the client as more than "internal error".
 *
 * @example
 * const server = serveEndpoint(chain.endpoint, { maxBodyBytes: 5 << 20 });
 * server.listen(8080);
 */
export function serveEndpoint(endpoint: Endpoint, options: ServeOptions): DrainableServer {
  let inFlight = 0;
  // The requests read in one turn are computed back to back, then written (see Turns).
  const turns = new Turns();
  const limits = connectionLimits(options.maxConnections ?? MAX_CONNECTIONS, descriptorLimit());
  const conns = new Map<Socket, Connection>();
  let shedIdle = 0;
  let refusedOverLimit = 0;
  let droppedOverLimit = 0;
  let silentCut = 0;
  /**
   * Makes room for `n` connections by closing idle ones (idle at least SHED_IDLE_AFTER_MS, the
   * longest-open first: slowloris sockets and forgotten keep-alive connections go before a
   * client's busy pool). Returns how many it closed.
   */
  const shed = (n: number, now: number): number => {
    let closed = 0;
    for (const [socket, c] of conns) {
      if (closed >= n) break;
      if (c.busy > 0 || now - c.idleSince < SHED_IDLE_AFTER_MS) continue;
      conns.delete(socket);
      socket.destroy();
      closed += 1;
    }
    shedIdle += closed;
    return closed;
  };
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, connectionsCheckingInterval: CONNECTION_CHECK_MS },
    async (req, res) => {
      const t0 = performance.now();
      inFlight += 1;
      const conn = conns.get(req.socket);
      if (conn) {
        conn.busy += 1;
        conn.used = true;
      }
      let simRequest: SimRequest | undefined;
      let wire: WireRequest | undefined;
      let overCapacity = false;
      let reported = false;
      const report = (completed: boolean) => {
        if (reported) return;
        reported = true;
        inFlight -= 1;
        if (conn) {
          conn.busy -= 1;
          conn.idleSince = performance.now();
        }
        if (!options.onExchange) return;
        try {
          const e: WireExchange = {
            method: req.method ?? "GET",
            path: simRequest?.path ?? (req.url ?? "/").split("?")[0]!.slice(0, 200),
            status: res.statusCode,
            ms: performance.now() - t0,
            completed,
          };
          if (simRequest) e.request = simRequest;
          if (overCapacity) e.overCapacity = overCapacity;
          options.onExchange(e);
        } catch {
          // Observers never change an answer.
        }
      };
      res.once("finish", () => report(true));
      // One listener for both: the exchange is reported, and whatever waits for a client gone stops.
      res.once("close", () => {
        report(res.writableFinished);
        if (!res.writableFinished) wire?.gone();
      });
      if (options.closing?.()) res.shouldKeepAlive = false;
      try {
        const method = req.method ?? "GET";
        if (REFUSED_METHODS.has(method)) {
          plain(res, 405, `Method ${method} is not supported here.`);
          return;
        }
        const target = requestTarget(req.url ?? "/");
        if (conn?.over) {
          // Opened beyond the soft limit: one fast answer, then the connection closes (node
          // discards the unread body), so a client is refused rather than left without an answer.
          const answer = (options.overCapacity ?? tooManyConnections)(target?.path ?? "/");
          if (answer) {
            overCapacity = true;
            refusedOverLimit += 1;
            res.shouldKeepAlive = false;
            const body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
            res.writeHead(answer.status, {
              ...answer.headers,
              "content-length": String(body.byteLength),
              connection: "close",
            });
            res.end(body);
            return;
          }
        }
        if (!target) {
          plain(res, 400, "Bad request target: send an absolute path such as /ssbtek.");
          return;
        }
        const early = options.refuseEarly?.(method, target.path);
        if (early) {
          // Overloaded: refused before the body is read or the request routed — the cheapest
          // answer there is, when the process has the least CPU to spare. node discards the body
          // and the connection stays usable.
          overCapacity = true;
          const body = typeof early.body === "string" ? Buffer.from(early.body) : early.body;
          res.writeHead(early.status, { ...early.headers, "content-length": String(body.byteLength) });
          res.end(body);
          return;
        }
        if (!wellEncoded(target.path)) {
          const answer = options.badPath?.(target.path);
          if (answer) {
            const body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
            res.writeHead(answer.status, { ...answer.headers, "content-length": String(body.byteLength) });
            res.end(body);
            return;
          }
          plain(
            res,
            400,
            "Bad percent-encoding in the request path: every % must start a UTF-8 escape such as %C3%A5.",
          );
          return;
        }
        const hasBody = method !== "GET" && method !== "HEAD";
        const request = new WireRequest(
          method,
          target.path,
          target.query,
          plainHeaders(req),
          hasBody ? await readBody(req, options.maxBodyBytes) : "",
        );
        // The client went away before its answer (the close listener above): whatever waits for it may stop.
        wire = request;
        simRequest = request;
        const outcome = await turns.compute(() => endpoint(request));
        // Written when the run that computed it ends (no wait when none is under way).
        const writeTurn = turns.writeTurn();
        if (writeTurn) await writeTurn;
        if (!outcome) {
          plain(
            res,
            404,
            `No endpoint at ${method} ${target.path.slice(0, 200)}. See GET /__admin/upstreams.`,
          );
          return;
        }
        const out = renderOutcome(outcome);
        if (out.kind === "dropped") {
          // A simulated dead endpoint: drop the connection like a crashed server would.
          req.socket.destroy();
          return;
        }
        if (out.kind === "stream") {
          // A stream (the console's events) lasts as long as its reader: it is not a request in
          // progress that a stop should wait for, and it ends when the connections are closed.
          reported = true;
          inFlight -= 1;
          res.writeHead(out.status, out.headers);
          res.flushHeaders();
          await pipeStream(out.body, res);
          return;
        }
        if (options.closing?.()) res.shouldKeepAlive = false;
        // A text body goes to the socket as text (encoded once, while it is written).
        const length = typeof out.body === "string" ? Buffer.byteLength(out.body) : out.body.byteLength;
        res.writeHead(out.status, { ...out.headers, "content-length": String(length) });
        res.end(out.body);
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          plain(res, 413, `Request body larger than ${options.maxBodyBytes} bytes refused.`, true);
          // Close only once the 413 is flushed, so the client reads it instead of a bare reset.
          res.once("finish", () => req.destroy());
          return;
        }
        plain(res, 500, "Internal error in the simulator.");
      }
    },
  ) as DrainableServer;
  server.inFlight = () => inFlight;
  server.connectionState = () => ({
    open: conns.size,
    soft: limits.soft,
    hard: limits.hard,
    shedIdle,
    refusedOverLimit,
    droppedOverLimit,
    silentCut,
  });
  server.requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  server.headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS;
  // The hard limit is kept here rather than by node's `maxConnections`, which would close a new
  // connection before idle ones could make room for it.
  server.on("connection", (socket: Socket) => {
    const now = performance.now();
    // At the soft limit, idle connections make room first; only when none can, the new one is refused.
    if (conns.size >= limits.soft) shed(conns.size - limits.soft + 1, now);
    if (conns.size >= limits.hard) {
      // Beyond the hard limit: closed at once, so the descriptors stay available.
      droppedOverLimit += 1;
      socket.destroy();
      return;
    }
    conns.set(socket, { busy: 0, idleSince: now, over: conns.size >= limits.soft, used: false });
    socket.once("close", () => conns.delete(socket));
  });
  // node's header timeout starts at a request's first byte: a connection that never sends one
  // would hold its descriptor for ever. Such connections are cut after SILENT_TIMEOUT_MS (and,
  // under connection pressure, after a second: see `shed`).
  const silentMs = options.silentTimeoutMs ?? SILENT_TIMEOUT_MS;
  const silentSweep = setInterval(() => {
    const now = performance.now();
    for (const [socket, c] of conns)
      if (!c.used && c.busy === 0 && now - c.idleSince > silentMs) {
        conns.delete(socket);
        socket.destroy();
        silentCut += 1;
      }
  }, CONNECTION_CHECK_MS);
  silentSweep.unref();
  server.once("close", () => clearInterval(silentSweep));
  // A proxy's CONNECT is no request any endpoint takes: answer with a status line, not a bare close.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => undefined);
    const text = `Method ${req.method} is not supported here: this is no proxy.\n`;
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, POST\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
  return server;
}
