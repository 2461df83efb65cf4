import { type HttpHandler, HttpResponse, http } from "msw";
import { ContractViolation, isHarnessError } from "../../contract/errors.js";
import {
  parseSoapEnvelope,
  SOAP11_CONTENT_TYPE,
  type SoapFault,
  soapEnvelope,
  soapFaultcodeFor,
  soapFaultEnvelope,
} from "../../contract/soap/envelope.js";
import { readSoapRequest, soapHttpStatus } from "../../contract/soap/http-binding.js";
import {
  decodeFraga,
  decodeTestFraga,
  encodeFault,
  encodeSvar,
  encodeTestSvar,
  ssbtNamespace,
  versionOfNamespace,
} from "../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import type { KontraktVersion, SsbtFraga } from "../../contract/ssbt/model.js";
import { buildWsdl } from "../../contract/ssbt/wsdl.js";
import type { XmlLimits } from "../../contract/xml/parse.js";
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
  /** Called once per exchange, after the answer is built. */
  onUtfall?: (u: SsbtUtfall) => void;
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
): Response {
  const client = felkod !== SSBT_FELKOD.INTERNT_FEL;
  const body = soapFaultEnvelope({
    faultcode: faultcode ?? (client ? "Client" : "Server"),
    faultstring: meddelande,
    detail: encodeFault(op, { felkod, felmeddelande: [meddelande] }, version),
  });
  return new HttpResponse(body, { status, headers: { "Content-Type": SOAP11_CONTENT_TYPE } });
}

/**
 * Handles one SOAP request to the composite service. Never throws: every failure is a SOAP
 * Fault with our felkod, and no stack trace is ever sent.
 */
export async function hanteraSsbt(
  request: Request,
  version: KontraktVersion,
  o: SsbtHandlerOptions,
): Promise<Response> {
  const t0 = performance.now();
  const utfall: SsbtUtfall = { operation: "okand", version, status: 500, delar: [] };
  const done = (r: Response) => {
    utfall.status = r.status;
    utfall.ms = performance.now() - t0;
    o.onUtfall?.(utfall);
    return r;
  };
  let op: Operation = "hamtaBastjanstInformation";
  const fail = (felkod: string, msg: string, status = 500, faultcode?: SoapFault["faultcode"]) => {
    utfall.felkod = felkod;
    return done(faultResponse(op, version, felkod, msg, status, faultcode));
  };
  try {
    // Media type, charset, size and strict decoding: the same rules as every bastjänst endpoint.
    const text = await readSoapRequest(request, o.maxBytes);
    const { body } = parseSoapEnvelope(text, o.limits);
    if (body.local === "testaBastjanstInformation") op = "testaBastjanstInformation";
    const bodyVersion = versionOfNamespace(body.ns);
    if (bodyVersion !== version)
      return fail(
        SSBT_FELKOD.OKAND_OPERATION,
        `Element {${body.ns}}${body.local} is not served here: this endpoint speaks ${ssbtNamespace(version)}.`,
      );
    if (body.local === "hamtaBastjanstInformation") {
      utfall.operation = op;
      const fraga = decodeFraga(body, version);
      utfall.fraga = fraga;
      const svar = await o.komposit.hamta(fraga, version, utfall.delar);
      return done(
        new HttpResponse(soapEnvelope(encodeSvar(svar, version)), {
          headers: { "Content-Type": SOAP11_CONTENT_TYPE },
        }),
      );
    }
    if (body.local === "testaBastjanstInformation") {
      utfall.operation = op;
      decodeTestFraga(body, version);
      const svar = await o.komposit.testa(version, o.pingFraga());
      return done(
        new HttpResponse(soapEnvelope(encodeTestSvar(svar, version)), {
          headers: { "Content-Type": SOAP11_CONTENT_TYPE },
        }),
      );
    }
    return fail(
      SSBT_FELKOD.OKAND_OPERATION,
      `Unknown operation ${body.local}: expected hamtaBastjanstInformation or testaBastjanstInformation.`,
    );
  } catch (e) {
    const felkod = felkodFor(e);
    const msg = isHarnessError(e) ? e.message : "Internal error in the composite service.";
    return fail(felkod, msg, soapHttpStatus(e), soapFaultcodeFor(e));
  }
}

function metodEjTillaten(): Response {
  return new HttpResponse("This is a SOAP 1.1 endpoint: POST a SOAP envelope, or GET ?wsdl for the WSDL.\n", {
    status: 405,
    headers: { "Content-Type": "text/plain; charset=utf-8", Allow: "GET, POST" },
  });
}

/**
 * The composite service's endpoints as msw handlers: `POST /ssbtek` (default version),
 * `POST /ssbtek/v10`, `POST /ssbtek/v11`, and the WSDL at `GET /ssbtek?wsdl` (and per version).
 */
export function ssbtHandlers(o: SsbtHandlerOptions): HttpHandler[] {
  const wsdl =
    (version: KontraktVersion) =>
    ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (!url.searchParams.has("wsdl") && !url.searchParams.has("WSDL"))
        return new HttpResponse(
          "This is a SOAP 1.1 endpoint: POST a SOAP envelope, or GET ?wsdl for the WSDL.\n",
          {
            status: 405,
            headers: { "Content-Type": "text/plain; charset=utf-8", Allow: "POST" },
          },
        );
      return new HttpResponse(buildWsdl(version, `${url.origin}${url.pathname}`), {
        headers: { "Content-Type": "text/xml; charset=utf-8" },
      });
    };
  return [
    http.post("*/ssbtek", ({ request }) => hanteraSsbt(request, o.defaultVersion, o)),
    http.post("*/ssbtek/v10", ({ request }) => hanteraSsbt(request, "v10", o)),
    http.post("*/ssbtek/v11", ({ request }) => hanteraSsbt(request, "v11", o)),
    http.get("*/ssbtek", wsdl(o.defaultVersion)),
    http.get("*/ssbtek/v10", wsdl("v10")),
    http.get("*/ssbtek/v11", wsdl("v11")),
    // PUT, DELETE, HEAD, … on the endpoint: 405 naming the allowed methods, not a generic 404.
    ...["*/ssbtek", "*/ssbtek/v10", "*/ssbtek/v11"].map((path) => http.all(path, metodEjTillaten)),
  ];
}
