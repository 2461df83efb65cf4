import type { XmlElement } from "../contract/xml/node.js";

/**
 * The one shape of every simulated endpoint (the seven bastjänster, the composite service, the
 * admin API): a function from a plain request and a context to a plain outcome. node:http, msw,
 * an in-process call and fetch are thin adapters around it (`simulators/adapters/`); decorators
 * (timing and faults, recording) wrap an endpoint and pass typed outcomes, never HTTP headers.
 */

/** A request as an endpoint sees it, whatever carried it. */
export interface SimRequest {
  readonly method: string;
  /** The URL path as sent (still percent-encoded), e.g. "/af/arbetssokande/ersattningsstod/v2". */
  readonly path: string;
  /** The query string without "?", "" when none. */
  readonly query: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: bytes from the wire, or text from an in-process caller ("" when none). */
  readonly body: Uint8Array | string;
  /** Aborted when the caller gives up (its deadline passed, or the client went away). */
  readonly signal?: AbortSignal;
  /**
   * In-process only: the SOAP Body payload the caller serialised into `body`, as a tree. A SOAP
   * endpoint reads it instead of parsing what the same process just wrote (see {@link parsedIfSame}).
   */
  readonly parsedXml?: Parsed<XmlElement>;
  /**
   * In-process only: the JSON value the caller serialised into `body` (SSBT's LEFI question, which
   * its own check already parsed). A JSON endpoint still checks it against its schema; it only
   * skips parsing the text again (see {@link parsedIfSame}).
   */
  readonly parsedJson?: Parsed<unknown>;
}

/**
 * A document's parsed form bound to the exact text it was serialised to: whoever changes the text
 * (a test breaking a request, a fault cutting an answer) leaves a hint that no longer applies.
 */
export interface Parsed<T> {
  readonly text: string;
  readonly value: T;
}

/**
 * The parsed form when it belongs to exactly this body, else undefined (parse the body then).
 *
 * @example
 * const value = parsedIfSame(request.parsedJson, request.body) ?? JSON.parse(bodyText(request));
 */
export function parsedIfSame<T>(p: Parsed<T> | undefined, body: string | Uint8Array): T | undefined {
  return p !== undefined && p.text === body ? p.value : undefined;
}

/**
 * A document this process built as a tree, written to text only when something reads `text`. An
 * in-process SOAP call hands over trees and never does: writing the texts that nobody reads was
 * about a tenth of the CPU of a composite answer. Whoever reads `text` (a fault that cuts the
 * answer, the wire, a recording) gets the same bytes as an eager write.
 *
 * @example
 * const doc = new LazyText(payload, (p) => soapEnvelope(p));
 * doc.value // the tree; doc.text // written now, once
 */
export class LazyText<T> implements Parsed<T> {
  private written: string | undefined;

  constructor(
    readonly value: T,
    private readonly write: (value: T) => string,
  ) {}

  get text(): string {
    if (this.written === undefined) this.written = this.write(this.value);
    return this.written;
  }

  /** Whether the text has been written (someone read it). */
  get isWritten(): boolean {
    return this.written !== undefined;
  }
}

/**
 * A message built in-process whose body is nothing but a tree's text, written from `parsedXml`
 * when first read. Like every in-process object whose body is a getter, copy it field by field,
 * never with a spread (a spread would leave the body behind).
 */
export abstract class TreeBody {
  constructor(readonly parsedXml: LazyText<XmlElement>) {}

  get body(): string {
    return this.parsedXml.text;
  }

  /** Its fields and its body as text (JSON.stringify leaves a getter out). */
  toJSON(): object {
    const { parsedXml: _, ...felt } = this as unknown as Record<string, unknown>;
    return { ...felt, body: this.body };
  }
}

/**
 * A SOAP answer built in-process: its body is the envelope written from `parsedXml` when first read.
 *
 * @example
 * return new TreeResponse(200, { "content-type": SOAP11_CONTENT_TYPE }, new LazyText(payload, (p) => soapEnvelope(p)));
 */
export class TreeResponse extends TreeBody implements SimResponse {
  readonly kind = "response";

  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    parsedXml: LazyText<XmlElement>,
  ) {
    super(parsedXml);
  }
}

/**
 * The SOAP Body payload a request's or answer's body is written from, when the body is by
 * construction nothing but that tree's envelope (an in-process request or answer whose text was
 * never replaced); undefined otherwise — then read the body. Reads no text.
 *
 * @example
 * const payload = writtenFrom(request) ?? parseSoapEnvelope(readSoapBody(ct, request.body)).body;
 */
export function writtenFrom(carrier: SimRequest | SimResponse): XmlElement | undefined {
  if (carrier instanceof TreeResponse) return carrier.parsedXml.value;
  if (carrier instanceof InProcessRequest) return carrier.tree();
  return undefined;
}

/** An HTTP answer. Header names in lower case. */
export interface SimResponse {
  readonly kind: "response";
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
  /**
   * In-process only: the answer as the endpoint built it before serialising it into `body` — the
   * SOAP Body payload (`parsedXml`) or the LEFI JSON value (`parsedJson`). The composite service's clients read
   * these instead of parsing the body; anything that changes `body` must drop them.
   */
  readonly parsedXml?: Parsed<XmlElement>;
  readonly parsedJson?: Parsed<unknown>;
}

/**
 * An HTTP answer whose body is written as it comes (server-sent events of the web console). Only
 * the wire and msw adapters carry it; nothing in the chain calls an endpoint that streams.
 */
export interface SimStream {
  readonly kind: "stream";
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ReadableStream<Uint8Array>;
}

/**
 * What an endpoint can do with a request: answer it, drop the connection (a crashed server), or
 * — only behind the timing and fault layer — stand for something the caller must report itself:
 * no answer within the deadline, or a service closed for the night. `rader` are the lines a
 * person reads (no personal data); the wire adapter renders them as HTTP 504 / 503.
 */
export type SimOutcome =
  | SimResponse
  | SimStream
  | { readonly kind: "dropped" }
  | { readonly kind: "timeout"; readonly rader: readonly string[] }
  | { readonly kind: "closed"; readonly rader: readonly string[]; readonly retryAfterS?: number };

/**
 * An endpoint. `undefined` means "not mine": the adapter tries the next endpoint, and answers
 * 404 when none takes the request (msw: the request is unhandled).
 *
 * @example
 * const endpoint: Endpoint = (req) => req.path === "/ping" ? textResponse(200, "pong") : undefined;
 */
export type Endpoint = (request: SimRequest) => SimOutcome | undefined | Promise<SimOutcome | undefined>;

const decoder = new TextDecoder();

/**
 * Whether an endpoint's (or an operation's) result is still to come. Answers made at once are used
 * as they are, without a promise of their own: every in-process bastjänst call is one.
 *
 * @example
 * isPromiseLike(Promise.resolve(1)) // true
 * isPromiseLike(response(200, "text/plain", "ok")) // false
 */
export function isPromiseLike<T>(x: T | PromiseLike<T>): x is PromiseLike<T> {
  return typeof (x as { then?: unknown } | null | undefined)?.then === "function";
}

/**
 * The body as text (UTF-8 for bytes; use the SOAP binding's strict reader where the charset matters).
 *
 * @example
 * bodyText({ ...req, body: new TextEncoder().encode("{}") }) // "{}"
 */
export function bodyText(request: SimRequest): string {
  return typeof request.body === "string" ? request.body : decoder.decode(request.body);
}

/**
 * The body's size in bytes.
 *
 * @example
 * bodyBytes({ ...req, body: "åäö" }) // 6
 */
export function bodyBytes(body: Uint8Array | string): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}

/**
 * A response with a content type.
 *
 * @example
 * response(200, "text/xml; charset=utf-8", xml)
 */
export function response(
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headers: Readonly<Record<string, string>> = {},
): SimResponse {
  return { kind: "response", status, headers: { "content-type": contentType, ...headers }, body };
}

/**
 * A plain-text response (one message, newline-terminated).
 *
 * @example
 * textResponse(405, "POST a SOAP envelope.", { allow: "POST" })
 */
export function textResponse(
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): SimResponse {
  return response(status, "text/plain; charset=utf-8", `${text}\n`, headers);
}

/**
 * A JSON response.
 *
 * @example
 * jsonResponse(400, { error: "BAD_JSON", message: "…" })
 */
export function jsonResponse(status: number, value: unknown, contentType = "application/json"): SimResponse {
  return response(status, contentType, JSON.stringify(value));
}

/**
 * Whether `path` is `base` or below it ("/fk" matches "/fk" and "/fk/…", not "/fkx").
 *
 * @example
 * underPath("/fk/lefi/v9", "/fk") // true
 */
export function underPath(path: string, base: string): boolean {
  return path === base || (path.startsWith(base) && path.charCodeAt(base.length) === 47);
}

/**
 * A request built by a caller in-process (the composite service's call to a bastjänst).
 *
 * @example
 * simRequest("POST", "/tns/hamtauppgifter/v1", { "content-type": "text/xml" }, envelope)
 */
export function simRequest(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body: Uint8Array | string | LazyText<XmlElement>,
  signal?: AbortSignal | (() => AbortSignal),
  parsedXml?: Parsed<XmlElement>,
  parsedJson?: Parsed<unknown>,
): SimRequest {
  const q = target.indexOf("?");
  return new InProcessRequest(
    method,
    q < 0 ? target : target.slice(0, q),
    q < 0 ? "" : target.slice(q + 1),
    headers,
    body,
    signal,
    parsedXml,
    parsedJson,
  );
}

/**
 * A request made in-process; its abort signal is made when someone first looks at it. Given a
 * {@link LazyText} as its body, the body is that document's text, written when first read.
 */
class InProcessRequest implements SimRequest {
  private made: AbortSignal | undefined;
  readonly parsedXml: Parsed<XmlElement> | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: string,
    readonly headers: Readonly<Record<string, string>>,
    private readonly given: Uint8Array | string | LazyText<XmlElement>,
    private readonly source: AbortSignal | (() => AbortSignal) | undefined,
    parsedXml: Parsed<XmlElement> | undefined,
    readonly parsedJson: Parsed<unknown> | undefined,
  ) {
    this.parsedXml = given instanceof LazyText ? given : parsedXml;
  }

  get body(): Uint8Array | string {
    return this.given instanceof LazyText ? this.given.text : this.given;
  }

  /** The tree the body is written from, when it was given as one. */
  tree(): XmlElement | undefined {
    return this.given instanceof LazyText ? this.given.value : undefined;
  }

  get signal(): AbortSignal | undefined {
    if (this.made === undefined && this.source !== undefined)
      this.made = typeof this.source === "function" ? this.source() : this.source;
    return this.made;
  }
}

/**
 * The first endpoint that takes the request, in order.
 *
 * @example
 * const chain = firstOf([ssbt, af, csn]);
 */
export function firstOf(endpoints: readonly Endpoint[]): Endpoint {
  return async (request) => {
    for (const e of endpoints) {
      const out = await e(request);
      if (out) return out;
    }
    return undefined;
  };
}
