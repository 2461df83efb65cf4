import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../../contract/soap/envelope.js";
import { decodeFault, decodeSvar, encodeFraga } from "../../contract/ssbt/codec.js";
import type { KontraktVersion, SsbtFault, SsbtFraga, SsbtSvar } from "../../contract/ssbt/model.js";
import type { TrafficLog } from "../../reports/evidence/har.js";
import { tidsgrans } from "../../simulators/adapters/transport.js";

/** The outcome of one composite question over HTTP. */
export type SsbtAnrop =
  | { ok: true; status: number; svar: SsbtSvar; ms: number; xml: string }
  | { ok: false; status: number; fault?: SsbtFault; message: string; ms: number; xml: string };

/**
 * Sends one `hamtaBastjanstInformation` to an SSBT endpoint over HTTP and decodes the answer
 * with our contract model (a strict decode: a contract breach in the answer is reported).
 *
 * @example
 * const r = await hamtaOverHttp("http://127.0.0.1:8080/ssbtek", fraga);
 *
 * Pass `o.traffic` to record the exchange (masked) for the run's HAR file, `o.signal` to give up
 * when the run is stopped (the promise then rejects with the abort reason).
 */
export async function hamtaOverHttp(
  url: string,
  fraga: SsbtFraga,
  version: KontraktVersion = "v10",
  timeoutMs = 30_000,
  o: { traffic?: TrafficLog; signal?: AbortSignal } = {},
): Promise<SsbtAnrop> {
  const t0 = performance.now();
  const startedAt = new Date();
  const headers = { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' };
  const body = soapEnvelope(encodeFraga(fraga, version));
  const { signal, dispose } = tidsgrans(timeoutMs, o.signal);
  let res: Response;
  let xml: string;
  try {
    res = await fetch(url, { method: "POST", headers, body, signal });
    xml = await res.text();
  } catch (e) {
    o.traffic?.add({
      startedAt,
      method: "POST",
      url,
      requestHeaders: headers,
      requestBody: body,
      error: (e as Error).message,
      ms: performance.now() - t0,
    });
    throw e;
  } finally {
    dispose();
  }
  const ms = performance.now() - t0;
  o.traffic?.add({
    startedAt,
    method: "POST",
    url,
    requestHeaders: headers,
    requestBody: body,
    status: res.status,
    responseHeaders: res.headers,
    responseBody: xml,
    ms,
  });
  try {
    const { body } = parseSoapEnvelope(xml);
    const fault = readSoapFault(body);
    if (fault) {
      const f = fault.detail ? decodeFault(fault.detail) : undefined;
      return f
        ? { ok: false, status: res.status, fault: f, message: fault.faultstring, ms, xml }
        : { ok: false, status: res.status, message: fault.faultstring, ms, xml };
    }
    return { ok: true, status: res.status, svar: decodeSvar(body, version), ms, xml };
  } catch (e) {
    return {
      ok: false,
      status: res.status,
      message: `Answer breaks the contract: ${(e as Error).message}`,
      ms,
      xml,
    };
  }
}
