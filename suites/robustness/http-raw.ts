import { type ClientRequest, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import { connect as tlsConnect } from "node:tls";

/** A request body: text, bytes, or a stream of chunks (sent with backpressure, may pause between chunks). */
export type Kropp = string | Buffer | { kind: "stream"; chunks: () => AsyncIterable<Buffer> };

/** An ordinary HTTP request, sent with node:http (so any method, header or body can be sent). */
export interface HttpBegaran {
  kind: "http";
  method: string;
  /** Path and query from the server root; default: the target URL's own path. */
  path?: string;
  headers?: Record<string, string>;
  body?: Kropp;
}

/** Raw bytes on a fresh TCP connection, for requests node:http refuses to send (broken HTTP). */
export interface SocketBegaran {
  kind: "socket";
  /** The bytes; `{path}` and `{host}` are replaced by the target's path and host:port. */
  bytes: string | Buffer;
}

export type Begaran = HttpBegaran | SocketBegaran;

/** What came back: the status (undefined when the connection closed without an answer), headers, body and timing. */
export interface RawSvar {
  status?: number;
  headers: Record<string, string>;
  body: Buffer;
  /** ms from the first byte sent to the complete answer (or the error). */
  ms: number;
  /** Body bytes written when the answer's status line arrived. */
  sentAtResponse: number;
  /** Body bytes written in all. */
  sent: number;
  /** True when the whole body could be written (false: the server closed before taking it all). */
  bodyComplete: boolean;
  /** A transport error after (or instead of) the answer: ECONNRESET, EPIPE, timeout … */
  error?: string;
}

function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message ?? String(e);
}

/**
 * Sends one request and collects the answer without ever throwing: a refused or reset
 * connection is reported in `error`. A streamed body keeps being written after the answer
 * arrives (as a careless client would) until the server closes the connection, so the caller
 * can see whether the server refused early.
 *
 * @example
 * const svar = await skicka(new URL("http://127.0.0.1:8080/ssbtek"), { kind: "http", method: "GET" }, 5_000);
 */
export function skicka(target: URL, b: Begaran, timeoutMs: number): Promise<RawSvar> {
  return b.kind === "http" ? skickaHttp(target, b, timeoutMs) : skickaSocket(target, b, timeoutMs);
}

function skickaHttp(target: URL, b: HttpBegaran, timeoutMs: number): Promise<RawSvar> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let sent = 0;
    let sentAtResponse = -1;
    let bodyComplete = false;
    let status: number | undefined;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let settled = false;
    let answered = false;
    let writing = true;
    let transportError: string | undefined;
    // Settles once the answer is complete AND the body writer has stopped (done, or cut off by the
    // server): that is how "the server closed before taking the whole body" becomes visible.
    const maybeFinish = () => {
      if (answered && !writing) finish(transportError);
    };
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({
        ...(status !== undefined ? { status } : {}),
        headers,
        body: Buffer.concat(chunks),
        ms: performance.now() - t0,
        sentAtResponse: sentAtResponse < 0 ? sent : sentAtResponse,
        sent,
        bodyComplete,
        ...(error ? { error } : {}),
      });
    };
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(target, {
      method: b.method,
      path: b.path ?? `${target.pathname}${target.search}`,
      headers: b.headers ?? {},
      agent: false,
    });
    const timer = setTimeout(() => finish(`no complete answer within ${timeoutMs} ms`), timeoutMs);
    req.on("response", (res) => {
      sentAtResponse = sent;
      status = res.statusCode;
      headers = flatHeaders(res.headers);
      res.on("data", (c: Buffer) => chunks.push(c));
      const ended = (error?: string) => {
        answered = true;
        transportError ??= error;
        maybeFinish();
      };
      res.on("end", () => ended());
      res.on("error", (e) => ended(errorCode(e)));
      res.on("aborted", () => ended("aborted"));
    });
    req.on("error", (e) => {
      transportError ??= errorCode(e);
      writing = false;
      // Without an answer there is nothing more to wait for; with one, wait for its end.
      if (status === undefined) finish(transportError);
      else maybeFinish();
    });
    const write = async () => {
      const body = b.body;
      if (body === undefined || typeof body === "string" || Buffer.isBuffer(body)) {
        const buf =
          body === undefined ? undefined : typeof body === "string" ? Buffer.from(body, "utf8") : body;
        sent = buf?.length ?? 0;
        await new Promise<void>((r) => req.end(buf, r));
        bodyComplete = true;
        return;
      }
      for await (const chunk of body.chunks()) {
        if (settled || req.destroyed) return;
        const ok = req.write(chunk);
        sent += chunk.length;
        if (!ok) await drained(req);
      }
      if (settled || req.destroyed) return;
      await new Promise<void>((r) => req.end(r));
      bodyComplete = true;
    };
    write()
      .catch((e) => {
        transportError ??= errorCode(e);
      })
      .finally(() => {
        writing = false;
        maybeFinish();
      });
  });
}

/** Waits for `drain`, or for the request to die (then writing stops). */
function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off("drain", done);
      req.off("close", done);
      resolve();
    };
    req.on("drain", done);
    req.on("close", done);
  });
}

/** The payload of a chunked body (as far as it is complete). */
function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = b.indexOf("\r\n", at);
    if (eol < 0) break;
    const size = Number.parseInt(b.subarray(at, eol).toString("latin1"), 16);
    if (!(size > 0)) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function skickaSocket(target: URL, b: SocketBegaran, timeoutMs: number): Promise<RawSvar> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
    const host = target.hostname.replace(/^\[|\]$/g, "");
    const text =
      typeof b.bytes === "string"
        ? b.bytes.replaceAll("{path}", target.pathname).replaceAll("{host}", target.host)
        : b.bytes;
    const bytes = typeof text === "string" ? Buffer.from(text, "latin1") : text;
    const chunks: Buffer[] = [];
    let settled = false;
    const socket =
      target.protocol === "https:"
        ? tlsConnect({ host, port, servername: host, rejectUnauthorized: false })
        : connect({ host, port });
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      const head = (split < 0 ? all : all.subarray(0, split)).toString("latin1");
      const m = /^HTTP\/\d\.\d (\d{3})/.exec(head);
      const headers: Record<string, string> = {};
      for (const line of head.split("\r\n").slice(1)) {
        const i = line.indexOf(":");
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const rest = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      resolve({
        ...(m ? { status: Number(m[1]) } : {}),
        headers,
        body: /chunked/i.test(headers["transfer-encoding"] ?? "") ? dechunk(rest) : rest,
        ms: performance.now() - t0,
        sentAtResponse: bytes.length,
        sent: bytes.length,
        bodyComplete: true,
        ...(error && !m ? { error } : {}),
      });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on(target.protocol === "https:" ? "secureConnect" : "connect", () => socket.write(bytes));
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("end", () => finish());
    socket.on("close", () => finish());
    socket.on("error", (e) => finish(errorCode(e)));
  });
}
