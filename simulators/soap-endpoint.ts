import { isHarnessError } from "../contract/errors.js";
import { PREFIXES } from "../contract/namespaces.js";
import {
  parseSoapEnvelope,
  SOAP11_CONTENT_TYPE,
  type SoapFault,
  soapEnvelope,
  soapFaultcodeFor,
  soapFaultEnvelope,
} from "../contract/soap/envelope.js";
import { checkSoapContentType, readSoapBody, soapHttpStatus } from "../contract/soap/http-binding.js";
import type { XmlElement } from "../contract/xml/node.js";
import {
  type Endpoint,
  isPromiseLike,
  LazyText,
  response,
  type SimRequest,
  type SimResponse,
  TreeResponse,
  writtenFrom,
} from "./endpoint.js";

/** The outcome of one SOAP operation: a Body payload, or a SOAP Fault (sent as HTTP 500). */
export type SoapOutcome = { body: XmlElement } | { fault: SoapFault };

/** One SOAP operation, keyed by the request element's namespace and local name. */
export interface SoapOperation {
  ns: string;
  local: string;
  handle(payload: XmlElement, request: SimRequest): Promise<SoapOutcome> | SoapOutcome;
}

export interface SoapEndpointOptions {
  /** Absolute path, e.g. "/tns/hamtauppgifter/v1". Matched on any origin. */
  path: string;
  operations: readonly SoapOperation[];
  /**
   * The fault to send for a request that is not a usable SOAP message or breaks the contract
   * (the bastjänst's own fault shape). `message` says what was wrong.
   */
  badRequest(message: string): SoapFault;
  /** Namespace prefixes for the answer. */
  prefixes?: Readonly<Record<string, string>>;
}

/** A SOAP 1.1 response with the right content type. */
export function soapResponse(xml: string, status = 200): SimResponse {
  return response(status, SOAP11_CONTENT_TYPE, xml);
}

/**
 * Defines a SOAP 1.1 endpoint: `POST` at exactly `path` (anything else is not its request);
 * parses the envelope, dispatches on the Body element, turns any contract error into the
 * bastjänst's own fault. Never lets an exception or a stack trace reach the client.
 *
 * @example
 * soapEndpoint({ path: "/tns/v1", operations: [{ ns: NS.tns, local: "HamtaUppgifter", handle }], badRequest })
 */
export function soapEndpoint(options: SoapEndpointOptions): Endpoint {
  const prefixes = options.prefixes ?? PREFIXES;
  const envelope = (p: XmlElement) => soapEnvelope(p, prefixes);
  const fault = (f: SoapFault, status = 500) => soapResponse(soapFaultEnvelope(f, prefixes), status);
  // 413/415 keep their status. MustUnderstand is SOAP's own verdict (§4.2.3) whatever the
  // authority's fault looks like; anything else, a SOAP 1.2 envelope included, stays the
  // authority's own Client fault.
  const failed = (e: unknown): SimResponse => {
    if (isHarnessError(e)) {
      const own = options.badRequest(e.message);
      const f: SoapFault =
        soapFaultcodeFor(e) === "MustUnderstand" ? { ...own, faultcode: "MustUnderstand" } : own;
      return fault(f, soapHttpStatus(e));
    }
    return fault({ faultcode: "Server", faultstring: "Internal error in the simulated bastjänst." });
  };
  const answer = (outcome: SoapOutcome): SimResponse => {
    try {
      if ("fault" in outcome) return fault(outcome.fault);
      // The envelope is written when something reads the body: the wire does, an in-process caller
      // takes the tree.
      return new TreeResponse(200, SOAP_HEADERS, new LazyText(outcome.body, envelope));
    } catch (e) {
      return failed(e);
    }
  };
  // Not async: an operation that answers at once is answered without a promise of its own
  // (every in-process bastjänst call passes here).
  return (request) => {
    if (request.method !== "POST" || request.path !== options.path) return undefined;
    try {
      const body = soapPayloadOf(request);
      const op = options.operations.find((o) => o.ns === body.ns && o.local === body.local);
      if (!op) return fault(options.badRequest(`Unknown operation {${body.ns}}${body.local}.`));
      const outcome = op.handle(body, request);
      return isPromiseLike(outcome) ? Promise.resolve(outcome).then(answer, failed) : answer(outcome);
    } catch (e) {
      return failed(e);
    }
  };
}

const SOAP_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": SOAP11_CONTENT_TYPE });

/**
 * A request's SOAP Body payload. The same media type, size and encoding rules as the composite
 * service (contract/soap/http-binding.ts); an in-process caller hands over the tree its body is
 * written from, which is then not written nor parsed back (only its media type is checked).
 */
function soapPayloadOf(request: SimRequest): XmlElement {
  const tree = writtenFrom(request);
  if (tree) {
    checkSoapContentType(request.headers["content-type"]);
    return tree;
  }
  return parseSoapEnvelope(readSoapBody(request.headers["content-type"], request.body)).body;
}

/**
 * The SOAP Body payload a protocol decoder is given (a LEFI decoder gets text instead).
 *
 * @example
 * decodeSvarMeddelande(soapPayload(parseSoapEnvelope(xml).body))
 */
export function soapPayload(svar: XmlElement | string): XmlElement {
  if (typeof svar === "string") throw new TypeError("expected a SOAP Body payload");
  return svar;
}
