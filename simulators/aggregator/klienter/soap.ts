import { maskeraText } from "../../../contract/personidentitet.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../../contract/soap/envelope.js";
import type { Sektion } from "../../../contract/ssbt/model.js";
import type { XmlElement } from "../../../contract/xml/node.js";
import { type BastjanstSvar, type Begaran, TreeBegaran } from "../../bastjanst.js";
import { LazyText } from "../../endpoint.js";

// What SSBT's SOAP clients (AF, CSN, SKV, SO, TNS, MIV) share. Their `tolka` functions keep their
// own read → fault → HTTP status → decode flow: the steps are the same, but what each step makes of
// a failure (felkod, wording, 2xx or only 200 as success, the authority's fault detail) is the
// authority's own, and a helper taking all of that as callbacks was no shorter than the flow.

const SOAP_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Type": SOAP11_CONTENT_TYPE,
  SOAPAction: '""',
});

/**
 * The HTTP request SSBT sends a SOAP 1.1 bastjänst: POST, `Content-Type: text/xml; charset=utf-8`,
 * `SOAPAction: ""`, the payload as the single Body child.
 *
 * @example
 * const request = soapBegaran("http://localhost:8080/miv/ssbtek/v1", encodeFindByPersonnummer(q));
 */
export function soapBegaran(
  endpoint: string,
  payload: XmlElement,
  prefixes?: Readonly<Record<string, string>>,
): Begaran {
  // The envelope is written only when something reads the body (not the in-process call).
  return new TreeBegaran(endpoint, SOAP_HEADERS, new LazyText(payload, (p) => soapEnvelope(p, prefixes)));
}

/**
 * The answer's text for a client to parse, or "" when the bastjänst handed over its tree in-process
 * (`svar.parsedXml`): the text is then never written. Rejects as `svar.text()` does.
 *
 * @example
 * const text = await svarstext(svar);
 * const body = svar.parsedXml ?? parseSoapEnvelope(text).body;
 */
export function svarstext(svar: BastjanstSvar): Promise<string> {
  return svar.parsedXml ? Promise.resolve("") : svar.text();
}

/**
 * An error section from the bastjänst itself (`kalla` BT). Every message is masked: the texts often
 * quote the answer, and a personnummer in it must never reach the composite answer's logs.
 *
 * @example
 * bastjanstFel("MALFORMED", "Svaret om 199608239829 gick inte att läsa.")
 * // { error: { kalla: "BT", felkod: "MALFORMED", felmeddelande: ["Svaret om 19960823-**** gick inte att läsa."] } }
 */
export function bastjanstFel(felkod: string, ...felmeddelande: string[]): Sektion {
  return { error: { kalla: "BT", felkod, felmeddelande: felmeddelande.map((m) => maskeraText(m)) } };
}
