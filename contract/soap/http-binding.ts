import { HarnessError } from "../errors.js";
import { BegransatMinne } from "../minne.js";
import { decodeXmlBytes } from "../xml/decode.js";

/** Largest SOAP request body read by default: 5 MiB (an SSBTEK question is a few kB). */
export const DEFAULT_MAX_SOAP_BYTES = 5 * 1024 * 1024;

/** HTTP status per error code of {@link readSoapRequest}; every other refusal is a SOAP Fault (500). */
const STATUS: Readonly<Record<string, number>> = {
  SOAP_CONTENT_TYPE: 415,
  BODY_TOO_LARGE: 413,
};

/**
 * The HTTP status a refused SOAP request is answered with: 415 for a wrong media type or charset,
 * 413 for a body over the limit, else 500 (SOAP 1.1 over HTTP sends every Fault with 500).
 *
 * @example
 * soapHttpStatus(new HarnessError("BODY_TOO_LARGE", "…")) // 413
 */
export function soapHttpStatus(e: unknown): number {
  return e instanceof HarnessError ? (STATUS[e.code] ?? 500) : 500;
}

// Parsed Content-Type values: a process sees a handful of spellings, every call parses one.
const CONTENT_TYPES = new BegransatMinne<string, Readonly<{ type?: string; charset?: string }>>(
  256,
  tolkaContentType,
);

function contentType(ct: string | null): Readonly<{ type?: string; charset?: string }> {
  return ct ? CONTENT_TYPES.hamta(ct) : {};
}

function tolkaContentType(ct: string): { type?: string; charset?: string } {
  const [type, ...params] = ct.split(";");
  const out: { type?: string; charset?: string } = { type: type!.trim().toLowerCase() };
  for (const p of params) {
    const [k, v] = p.split("=");
    if (k?.trim().toLowerCase() === "charset" && v !== undefined)
      out.charset = v.trim().replace(/^"|"$/g, "");
  }
  return out;
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): never {
  throw new HarnessError(
    "BODY_TOO_LARGE",
    `Request body larger than ${maxBytes} bytes refused: an SSBTEK question is a few kB.`,
  );
}

/**
 * Reads the body of a SOAP 1.1 request the way every endpoint of the harness does: the media
 * type must be `text/xml` (or `application/xml`; a missing Content-Type is tolerated because
 * real clients omit it), SOAP 1.2's `application/soap+xml` is refused, the charset must be UTF-8
 * or UTF-16, the body at most `maxBytes` (read as a capped stream, so an oversized body is never
 * buffered whole), and the bytes are decoded strictly ({@link decodeXmlBytes}). Throws a
 * HarnessError; {@link soapHttpStatus} gives the status to answer with.
 *
 * @example
 * const xml = await readSoapRequest(request); // then parseSoapEnvelope(xml)
 */
export async function readSoapRequest(request: Request, maxBytes = DEFAULT_MAX_SOAP_BYTES): Promise<string> {
  const raw = request.headers.get("content-type");
  checkSoapContentType(raw);
  return decodeXmlBytes(await readCapped(request, maxBytes), contentType(raw).charset);
}

/**
 * Checks a SOAP 1.1 request's Content-Type (media type and charset, as {@link readSoapRequest}
 * does) without reading a body: for a request handed over in-process as a tree.
 *
 * @example
 * checkSoapContentType("application/soap+xml") // throws SOAP_CONTENT_TYPE (SOAP 1.2 is not spoken)
 */
export function checkSoapContentType(raw: string | null | undefined): void {
  const { type, charset } = contentType(raw ?? null);
  if (type === "application/soap+xml")
    throw new HarnessError(
      "SOAP_CONTENT_TYPE",
      "SOAP 1.2 (application/soap+xml) is not supported: send SOAP 1.1 with Content-Type text/xml.",
      { faultcode: "VersionMismatch" },
    );
  if (type !== undefined && type !== "text/xml" && type !== "application/xml")
    throw new HarnessError(
      "SOAP_CONTENT_TYPE",
      `Content-Type ${(raw ?? "").slice(0, 80)} is not accepted: send text/xml; charset=utf-8.`,
    );
  if (charset !== undefined && !/^utf-?(8|16|16le|16be)$/i.test(charset))
    throw new HarnessError(
      "SOAP_CONTENT_TYPE",
      `charset=${charset.slice(0, 40)} is not accepted: send the body as UTF-8 (text/xml; charset=utf-8).`,
    );
}

/**
 * {@link readSoapRequest} for a body already read: the same media type, charset, size and strict
 * decoding rules. Text (an in-process caller's) is taken as decoded.
 *
 * @example
 * const xml = readSoapBody(req.headers["content-type"], req.body); // then parseSoapEnvelope(xml)
 */
export function readSoapBody(
  rawContentType: string | undefined,
  body: Uint8Array | string,
  maxBytes = DEFAULT_MAX_SOAP_BYTES,
): string {
  checkSoapContentType(rawContentType);
  if (typeof body === "string") {
    if (body.length > maxBytes) tooLarge(maxBytes);
    return body;
  }
  if (body.byteLength > maxBytes) tooLarge(maxBytes);
  return decodeXmlBytes(body, contentType(rawContentType ?? null).charset);
}
