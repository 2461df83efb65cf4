import { PREFIXES } from "../../contract/namespaces.js";
import { parseSoapEnvelope } from "../../contract/soap/envelope.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";

/** The SOAP Body's child of an envelope, re-serialized as a standalone document (namespaces declared on it). */
export function bodyChildXml(envelope: string): string {
  return serializeXml(parseSoapEnvelope(envelope).body, { prefixes: PREFIXES });
}

/** The SOAP Body's child element. */
export function bodyChild(envelope: string): XmlElement {
  return parseSoapEnvelope(envelope).body;
}

/** POSTs a SOAP envelope and returns status, content type and text. */
export async function postSoap(url: string, xml: string, contentType = "text/xml; charset=utf-8") {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": contentType, SOAPAction: '""' },
    body: xml,
  });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}
