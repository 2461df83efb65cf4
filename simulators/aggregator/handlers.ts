import { ContractViolation, isHarnessError } from "../../contract/errors.js";
import {
  parseSoapEnvelope,
  SOAP11_CONTENT_TYPE,
  type SoapFault,
  soapEnvelope,
  soapFaultcodeFor,
  soapFaultEnvelope,
} from "../../contract/soap/envelope.js";
import { readSoapBody, soapHttpStatus } from "../../contract/soap/http-binding.js";
import {
  decodeFraga,
  decodeTestFraga,
  encodeFault,
  encodeSvar,
  encodeTestSvar,
  ssbtNamespace,
  versionOfNamespace,
} from "../../contract/ssbt/codec.js";
import { felbeskrivning, SSBT_FELKOD, SSBT_FELTEXT, type SsbtFelkod } from "../../contract/ssbt/felkoder.js";
import type { KontraktVersion, SsbtFraga } from "../../contract/ssbt/model.js";
import { buildWsdl } from "../../contract/ssbt/wsdl.js";
import type { XmlLimits } from "../../contract/xml/parse.js";
import { type Endpoint, response, type SimRequest, type SimResponse, textResponse } from "../endpoint.js";
import type { DelUtfall, KompositTjanst } from "./service.js";

type Operation = "hamtaBastjanstInformation" | "testaBastjanstInformation";

/** What one SOAP exchange with the composite service produced (for metrics and the event log). */
export interface SsbtUtfall {
  operation: Operation | "okand";
  version: KontraktVersion;
  status: number;
  /** felkod of a SOAP Fault, if the whole request failed. */
  felkod?: string;
  /** Per-bastjänst outcome of a hamta. */
  delar: DelUtfall[];
  /** Total duration of the exchange in ms, from request received to answer built (performance.now). */
  ms?: number;
  /** The question (only in memory, only for the event hook; never stored). */
  fraga?: SsbtFraga;
}

export interface SsbtHandlerOptions {
  komposit: KompositTjanst;
  /** Version served at plain `/ssbtek`. */
  defaultVersion: KontraktVersion;
  /** The question used for `testaBastjanstInformation` connection tests. */
  pingFraga: () => SsbtFraga;
  limits?: XmlLimits;
  /** Largest request body read, in bytes. Default 5 MiB (the HTTP server refuses larger ones first). */
  maxBytes?: number;
  /** Called once per exchange, after the answer is built (with the request, for the wire adapter). */
  onUtfall?: (u: SsbtUtfall, request: SimRequest) => void;
  /** Origin the WSDL's `soap:address` names, e.g. "http://127.0.0.1:8080". Default: the Host header. */
  origin?: () => string;
}

/** Maps a decoding failure to our felkod. */
export function felkodFor(e: unknown): string {
  if (e instanceof ContractViolation) {
    if (e.rule === "ssbt.organisationsnummer.pattern") return SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER;
    if (e.rule === "ssbt.personidentitet.pattern") return SSBT_FELKOD.OGILTIG_PERSONIDENTITET;
    if (e.rule === "ssbt.tidsperiod.order" || (e.rule === "xsd.date" && e.path.includes("tidsperiod")))
      return SSBT_FELKOD.OGILTIG_TIDSPERIOD;
    if (e.rule === "ssbt.operation") return SSBT_FELKOD.OKAND_OPERATION;
    return SSBT_FELKOD.SCHEMAFEL;
  }
  if (isHarnessError(e)) {
    if (e.code === "XML_TOO_DEEP" || e.code === "XML_TOO_LARGE" || e.code === "BODY_TOO_LARGE")
      return SSBT_FELKOD.FOR_STOR_FRAGA;
    return SSBT_FELKOD.OGILTIGT_MEDDELANDE;
  }
  return SSBT_FELKOD.INTERNT_FEL;
}

function faultResponse(
  op: Operation,
  version: KontraktVersion,
  felkod: string,
  meddelande: string,
  status = 500,
  faultcode?: SoapFault["faultcode"],
): SimResponse {
  const client = felkod !== SSBT_FELKOD.INTERNT_FEL;
  // Swedish first: what the felkod means, then the detail that names the element or value.
  const text = SSBT_FELTEXT[felkod as SsbtFelkod] ?? SSBT_FELTEXT["SSBT-1099"];
  const felmeddelande = meddelande && meddelande !== text ? [text, meddelande] : [text];
  const body = soapFaultEnvelope({
    faultcode: faultcode ?? (client ? "Client" : "Server"),
    faultstring: text,
    detail: encodeFault(op, { felkod, felmeddelande }, version),
  });
  return response(status, SOAP11_CONTENT_TYPE, body);
}

/**
 * Handles one SOAP request to the composite service. Never throws: every failure is a SOAP
 * Fault with our felkod, and no stack trace is ever sent.
 */
export async function hanteraSsbt(
  request: SimRequest,
  version: KontraktVersion,
  o: SsbtHandlerOptions,
): Promise<SimResponse> {
  const t0 = performance.now();
  const utfall: SsbtUtfall = { operation: "okand", version, status: 500, delar: [] };
  const done = (r: SimResponse) => {
    utfall.status = r.status;
    utfall.ms = performance.now() - t0;
    o.onUtfall?.(utfall, request);
    return r;
  };
  let op: Operation = "hamtaBastjanstInformation";
  // The namespace answers (and faults) are written in: the request's, at the draft endpoint.
  let wire: KontraktVersion = version;
  const fail = (felkod: string, msg: string, status = 500, faultcode?: SoapFault["faultcode"]) => {
    utfall.felkod = felkod;
    return done(faultResponse(op, wire, felkod, msg, status, faultcode));
  };
  try {
    // Media type, charset, size and strict decoding: the same rules as every bastjänst endpoint.
    const text = readSoapBody(request.headers["content-type"], request.body, o.maxBytes);
    const { body } = parseSoapEnvelope(text, o.limits);
    if (body.local === "testaBastjanstInformation") op = "testaBastjanstInformation";
    const bodyVersion = versionOfNamespace(body.ns);
    // The draft is additive over ssbt/11: it also answers ssbt/11 questions, in ssbt/11.
    const blandad = version === "utkast" && bodyVersion === "v11";
    if (blandad) wire = "v11";
    if (bodyVersion !== version && !blandad)
      return fail(
        SSBT_FELKOD.OKAND_OPERATION,
        `Elementet {${body.ns}}${body.local} besvaras inte här: denna adress talar ${ssbtNamespace(version)}.`,
      );
    if (body.local === "hamtaBastjanstInformation") {
      utfall.operation = op;
      const fraga = decodeFraga(body, wire, o.komposit.sektioner);
      utfall.fraga = fraga;
      const svar = await o.komposit.hamta(fraga, version, utfall.delar, ssbtNamespace(wire));
      return done(
        response(200, SOAP11_CONTENT_TYPE, soapEnvelope(encodeSvar(svar, wire, o.komposit.sektioner))),
      );
    }
    if (body.local === "testaBastjanstInformation") {
      utfall.operation = op;
      decodeTestFraga(body, wire);
      const svar = await o.komposit.testa(version, o.pingFraga());
      return done(
        response(200, SOAP11_CONTENT_TYPE, soapEnvelope(encodeTestSvar(svar, wire, o.komposit.sektioner))),
      );
    }
    return fail(
      SSBT_FELKOD.OKAND_OPERATION,
      `Okänd operation ${body.local}: förväntade hamtaBastjanstInformation eller testaBastjanstInformation.`,
    );
  } catch (e) {
    const felkod = felkodFor(e);
    return fail(felkod, felbeskrivning(e), soapHttpStatus(e), soapFaultcodeFor(e));
  }
}

const NOT_SOAP_METHOD =
  "Detta är en SOAP 1.1-tjänst: skicka ett SOAP-meddelande med POST, eller hämta WSDL med GET ?wsdl.";

/** The contract version a composite endpoint path serves, or undefined for another path. */
function versionAt(path: string, defaultVersion: KontraktVersion): KontraktVersion | undefined {
  if (path === "/ssbtek") return defaultVersion;
  if (path === "/ssbtek/v10") return "v10";
  if (path === "/ssbtek/v11") return "v11";
  if (path === "/ssbtek/utkast") return "utkast";
  return undefined;
}

/**
 * The composite service as an endpoint: `POST /ssbtek` (default version), `POST /ssbtek/v10`,
 * `POST /ssbtek/v11`, the WSDL at `GET /ssbtek?wsdl` (and per version); any other method on those
 * paths answers 405 naming the allowed ones.
 *
 * @example
 * const endpoint = ssbtEndpoint({ komposit, defaultVersion: "v10", pingFraga });
 */
export function ssbtEndpoint(o: SsbtHandlerOptions): Endpoint {
  return (request) => {
    const version = versionAt(request.path, o.defaultVersion);
    if (!version) return undefined;
    if (request.method === "POST") return hanteraSsbt(request, version, o);
    if (request.method === "GET") {
      const params = new URLSearchParams(request.query);
      if (!params.has("wsdl") && !params.has("WSDL"))
        return textResponse(405, NOT_SOAP_METHOD, { allow: "POST" });
      const origin = o.origin?.() ?? `http://${request.headers.host ?? "localhost"}`;
      return response(
        200,
        "text/xml; charset=utf-8",
        buildWsdl(version, `${origin}${request.path}`, o.komposit.sektioner),
      );
    }
    return textResponse(405, NOT_SOAP_METHOD, { allow: "GET, POST" });
  };
}
