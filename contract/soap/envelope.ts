import { HarnessError } from "../errors.js";
import { NS, PREFIXES } from "../namespaces.js";
import { childElements, el, type XmlElement } from "../xml/node.js";
import { type XmlLimits, parseXml } from "../xml/parse.js";
import { serializeXml } from "../xml/serialize.js";

/** Content-Type of a SOAP 1.1 message. */
export const SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8";

/**
 * Wraps a Body payload in a SOAP 1.1 envelope.
 *
 * @example
 * soapEnvelope(el(NS.ssbt10, "testaBastjanstInformation"))
 */
export function soapEnvelope(body: XmlElement, prefixes: Readonly<Record<string, string>> = PREFIXES): string {
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

/**
 * Parses a SOAP 1.1 envelope and returns its Body payload. Refuses SOAP 1.2, a missing or empty
 * Body, and anything that is not an Envelope, each with its own error code.
 */
export function parseSoapEnvelope(text: string, limits?: XmlLimits): ParsedEnvelope {
  const root = parseXml(text, limits);
  if (root.local === "Envelope" && root.ns === NS.soap12)
    throw new HarnessError("SOAP_VERSION_MISMATCH", "SOAP 1.2 envelopes are not supported: send a SOAP 1.1 envelope.");
  if (root.local !== "Envelope" || root.ns !== NS.soap)
    throw new HarnessError(
      "SOAP_NOT_ENVELOPE",
      `Root element must be a SOAP 1.1 Envelope (${NS.soap}), found {${root.ns}}${root.local}.`,
    );
  const kids = childElements(root);
  let i = 0;
  let header: XmlElement | undefined;
  if (kids[i]?.ns === NS.soap && kids[i]?.local === "Header") header = kids[i++];
  const body = kids[i];
  if (!body || body.ns !== NS.soap || body.local !== "Body")
    throw new HarnessError("SOAP_NO_BODY", "SOAP Envelope has no Body element.");
  if (kids.length > i + 1) throw new HarnessError("SOAP_NOT_ENVELOPE", "SOAP Envelope has elements after the Body.");
  const payload = childElements(body);
  if (payload.length === 0) throw new HarnessError("SOAP_EMPTY_BODY", "SOAP Body is empty: expected one operation element.");
  if (payload.length > 1) throw new HarnessError("SOAP_NOT_ENVELOPE", "SOAP Body must hold exactly one element.");
  return header ? { header, body: payload[0]! } : { body: payload[0]! };
}

/** A SOAP 1.1 Fault. */
export interface SoapFault {
  /** "Client" (bad request) or "Server" (our failure). */
  faultcode: "Client" | "Server";
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
export function soapFaultEnvelope(fault: SoapFault, prefixes: Readonly<Record<string, string>> = PREFIXES): string {
  const f = el(NS.soap, "Fault", [
    el("", "faultcode", [`soap:${fault.faultcode}`]),
    el("", "faultstring", [fault.faultstring]),
    fault.detail ? el("", "detail", [fault.detail]) : undefined,
  ]);
  return soapEnvelope(f, prefixes);
}

/** Reads a Fault from a parsed Body payload, or undefined when the payload is not a Fault. */
export function readSoapFault(body: XmlElement): { faultcode: string; faultstring: string; detail?: XmlElement } | undefined {
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
