import { HarnessError } from "../errors.js";
import { NS, PREFIXES } from "../namespaces.js";
import { childElements, el, type XmlElement } from "../xml/node.js";
import { parseXml, type XmlLimits } from "../xml/parse.js";
import { serializeXml } from "../xml/serialize.js";

/** Content-Type of a SOAP 1.1 message. */
export const SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8";

/**
 * Wraps a Body payload in a SOAP 1.1 envelope.
 *
 * @example
 * soapEnvelope(el(NS.ssbt10, "testaBastjanstInformation"))
 */
export function soapEnvelope(
  body: XmlElement,
  prefixes: Readonly<Record<string, string>> = PREFIXES,
): string {
  return serializeXml(el(NS.soap, "Envelope", [el(NS.soap, "Body", [body])]), {
    prefixes,
    declaration: true,
  });
}

/** A parsed SOAP 1.1 envelope: the Header (if any) and the single Body child. */
export interface ParsedEnvelope {
  header?: XmlElement;
  body: XmlElement;
}

/** How a receiver decides which header blocks it understands (SOAP 1.1 §4.2.3). */
export interface SoapParseOptions extends XmlLimits {
  /** True for a header block this receiver processes. Default: none (a mustUnderstand block is refused). */
  understands?: (block: XmlElement) => boolean;
}

const understandsNone = (): boolean => false;

const ACTOR_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";

/**
 * Refuses a header block meant for us (no `soap:actor`, or the "next" actor) that carries
 * `soap:mustUnderstand="1"` and that we do not understand: SOAP 1.1 §4.2.3 requires a
 * `soap:MustUnderstand` fault then, and forbids processing the Body.
 */
function checkMustUnderstand(header: XmlElement, understands: (block: XmlElement) => boolean): void {
  for (const block of childElements(header)) {
    const mu = block.attrs.find((a) => a.ns === NS.soap && a.local === "mustUnderstand")?.value.trim();
    if (mu === undefined || mu === "0" || mu === "false") continue;
    if (mu !== "1" && mu !== "true")
      throw new HarnessError(
        "SOAP_NOT_ENVELOPE",
        `soap:mustUnderstand must be "0" or "1", not "${mu.slice(0, 20)}".`,
      );
    const actor = block.attrs.find((a) => a.ns === NS.soap && a.local === "actor")?.value.trim();
    if (actor !== undefined && actor !== ACTOR_NEXT) continue;
    if (!understands(block))
      throw new HarnessError(
        "SOAP_MUST_UNDERSTAND",
        `Header block {${block.ns.slice(0, 100)}}${block.local.slice(0, 60)} has mustUnderstand="1" but is not understood here: remove it or set mustUnderstand="0".`,
        { faultcode: "MustUnderstand" },
      );
  }
}

/**
 * Parses a SOAP 1.1 envelope and returns its Body payload. Refuses SOAP 1.2 (faultcode
 * VersionMismatch), processing instructions, a not-understood mustUnderstand header (faultcode
 * MustUnderstand), a missing or empty Body, and anything that is not an Envelope, each with its
 * own error code.
 *
 * @example
 * const { body } = parseSoapEnvelope(xml); // body.local === "hamtaBastjanstInformation"
 */
export function parseSoapEnvelope(text: string, options: SoapParseOptions = {}): ParsedEnvelope {
  const root = parseXml(text, {
    maxDepth: options.maxDepth,
    maxElements: options.maxElements,
    maxAttributes: options.maxAttributes,
    refuseProcessingInstructions: options.refuseProcessingInstructions ?? true,
  });
  if (root.local === "Envelope" && root.ns !== NS.soap)
    throw new HarnessError(
      "SOAP_VERSION_MISMATCH",
      root.ns === NS.soap12
        ? "SOAP 1.2 envelopes are not supported: send a SOAP 1.1 envelope."
        : `Envelope namespace {${root.ns.slice(0, 100)}} is not SOAP 1.1: use ${NS.soap}.`,
      { faultcode: "VersionMismatch" },
    );
  if (root.local !== "Envelope" || root.ns !== NS.soap)
    throw new HarnessError(
      "SOAP_NOT_ENVELOPE",
      `Root element must be a SOAP 1.1 Envelope (${NS.soap}), found {${root.ns.slice(0, 100)}}${root.local.slice(0, 60)}.`,
    );
  const kids = childElements(root);
  let i = 0;
  let header: XmlElement | undefined;
  if (kids[i]?.ns === NS.soap && kids[i]?.local === "Header") header = kids[i++];
  const body = kids[i];
  if (!body || body.ns !== NS.soap || body.local !== "Body")
    throw new HarnessError("SOAP_NO_BODY", "SOAP Envelope has no Body element.");
  if (kids.length > i + 1)
    throw new HarnessError("SOAP_NOT_ENVELOPE", "SOAP Envelope has elements after the Body.");
  if (header) checkMustUnderstand(header, options.understands ?? understandsNone);
  const payload = childElements(body);
  if (payload.length === 0)
    throw new HarnessError("SOAP_EMPTY_BODY", "SOAP Body is empty: expected one operation element.");
  if (payload.length > 1)
    throw new HarnessError("SOAP_NOT_ENVELOPE", "SOAP Body must hold exactly one element.");
  return header ? { header, body: payload[0]! } : { body: payload[0]! };
}

/**
 * The SOAP 1.1 faultcode an error calls for: VersionMismatch and MustUnderstand are named by the
 * error itself; any other error we raised on purpose is the client's, anything else is ours.
 *
 * @example
 * soapFaultcodeFor(new HarnessError("SOAP_MUST_UNDERSTAND", "…", { faultcode: "MustUnderstand" })) // "MustUnderstand"
 */
export function soapFaultcodeFor(e: unknown): SoapFault["faultcode"] {
  if (!(e instanceof HarnessError)) return "Server";
  const named = e.details.faultcode;
  return named === "VersionMismatch" || named === "MustUnderstand" ? named : "Client";
}

/** A SOAP 1.1 Fault. */
export interface SoapFault {
  /**
   * "Client" (bad request), "Server" (our failure), "VersionMismatch" (not a SOAP 1.1 envelope) or
   * "MustUnderstand" (a mandatory header block we do not process), as SOAP 1.1 §4.4.1 names them.
   */
  faultcode: "Client" | "Server" | "VersionMismatch" | "MustUnderstand";
  faultstring: string;
  /** Element placed inside `<detail>`. */
  detail?: XmlElement;
}

/**
 * Serializes a SOAP 1.1 Fault envelope (sent with HTTP 500, as SOAP 1.1 over HTTP requires).
 *
 * @example
 * soapFaultEnvelope({ faultcode: "Client", faultstring: "Bad request" })
 */
export function soapFaultEnvelope(
  fault: SoapFault,
  prefixes: Readonly<Record<string, string>> = PREFIXES,
): string {
  const f = el(NS.soap, "Fault", [
    el("", "faultcode", [`soap:${fault.faultcode}`]),
    el("", "faultstring", [fault.faultstring]),
    fault.detail ? el("", "detail", [fault.detail]) : undefined,
  ]);
  return soapEnvelope(f, prefixes);
}

/** Reads a Fault from a parsed Body payload, or undefined when the payload is not a Fault. */
export function readSoapFault(
  body: XmlElement,
): { faultcode: string; faultstring: string; detail?: XmlElement } | undefined {
  if (body.ns !== NS.soap || body.local !== "Fault") return undefined;
  const kids = childElements(body);
  const text = (name: string) => {
    const e = kids.find((k) => k.local === name);
    return e ? e.children.map((c) => (c.kind === "text" ? c.text : "")).join("") : "";
  };
  const detail = kids.find((k) => k.local === "detail");
  const detailChild = detail ? childElements(detail)[0] : undefined;
  return detailChild
    ? { faultcode: text("faultcode"), faultstring: text("faultstring"), detail: detailChild }
    : { faultcode: text("faultcode"), faultstring: text("faultstring") };
}
