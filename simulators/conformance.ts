/**
 * The conformance kit every simulated bastjänst must pass (fast-check's `ArbitraryAssertions` is
 * the model): one set of assertions, run for every authority in the registry, through every
 * adapter. Each simulator's own tests add only what is particular to it.
 */
import type { AddressInfo } from "node:net";
import { setupServer } from "msw/node";
import { HarnessError } from "../contract/errors.js";
import { parseSoapEnvelope, readSoapFault } from "../contract/soap/envelope.js";
import { ssbtNamespace } from "../contract/ssbt/codec.js";
import type { SsbtFraga } from "../contract/ssbt/model.js";
import { mswHandler } from "./adapters/msw.js";
import { serveEndpoint } from "./adapters/node-http.js";
import { inProcessTransport } from "./adapters/transport.js";
import type { BastjanstSimulator, Begaran, KontraktInfo } from "./bastjanst.js";
import type { SimulatorContext } from "./context.js";
import type { SimOutcome } from "./endpoint.js";

/** One exchange as an adapter carried it: status, content type and body text. */
export interface Utbyte {
  status: number;
  contentType: string;
  body: string;
}

/** How a request reaches an endpoint. */
export interface Adapter {
  namn: "in-process" | "msw" | "node:http";
  skicka(b: Begaran): Promise<Utbyte>;
  stang(): Promise<void>;
}

const KONTRAKT: KontraktInfo = { version: "v10", ns: ssbtNamespace("v10") };

function utbyteAv(o: SimOutcome): Utbyte {
  if (o.kind !== "response") throw new HarnessError("CONFORMANCE", `expected an answer, got ${o.kind}`);
  return {
    status: o.status,
    contentType: o.headers["content-type"] ?? "",
    body: typeof o.body === "string" ? o.body : new TextDecoder().decode(o.body),
  };
}

async function fetchUtbyte(url: string, b: Begaran): Promise<Utbyte> {
  const res = await fetch(url, { method: b.method, headers: b.headers, body: b.body });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: await res.text() };
}

/**
 * The three adapters around one simulator's endpoint: a direct in-process call, msw (fetch
 * intercepted, as a vendor's suite uses it) and a real node:http server on a free port.
 *
 * @example
 * const [direkt, msw, wire] = await adaptrar(afSimulator, ctx);
 */
export async function adaptrar(sim: BastjanstSimulator, ctx: SimulatorContext): Promise<Adapter[]> {
  const endpoint = sim.endpoint(ctx);
  const direkt = inProcessTransport(endpoint);
  const never = new AbortController().signal;
  const msw = setupServer(mswHandler(endpoint));
  const server = serveEndpoint(endpoint, { maxBodyBytes: 5 * 1024 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const pathOf = (url: string) => url.slice(url.indexOf("/", url.indexOf("://") + 3));
  return [
    {
      namn: "in-process",
      skicka: async (b) => utbyteAv(await direkt(b, () => never)),
      stang: async () => undefined,
    },
    {
      namn: "msw",
      skicka: async (b) => {
        msw.listen({ onUnhandledRequest: "error" });
        try {
          return await fetchUtbyte(`http://msw.conformance.test${pathOf(b.url)}`, b);
        } finally {
          msw.close();
        }
      },
      stang: async () => msw.close(),
    },
    {
      namn: "node:http",
      skicka: (b) => fetchUtbyte(`http://127.0.0.1:${port}${pathOf(b.url)}`, b),
      stang: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
  ];
}

/** The request SSBT sends `sim` for a question (at the simulator's own path). */
export function begaranFor(sim: BastjanstSimulator, fraga: SsbtFraga): Begaran {
  return sim.klient.begaran(fraga, `http://bastjanst.test${sim.path}`, KONTRAKT);
}

/** What the kit found wrong with one answer; empty when it conforms. */
export function brister(sim: BastjanstSimulator, u: Utbyte, personidentitet: string): string[] {
  const out: string[] = [];
  if (/\bat [^\n]*\.(?:ts|js):\d+/.test(u.body)) out.push("the answer carries a stack trace");
  const siffror = personidentitet.replace(/\D/g, "");
  if (u.status !== 200 && (u.body.includes(siffror) || u.body.includes(siffror.slice(2))))
    out.push("an error answer echoes the personidentitet unmasked");
  if (!u.contentType.toLowerCase().startsWith(sim.protokoll.mediaTyp))
    out.push(`content type ${u.contentType || "(none)"} is not ${sim.protokoll.mediaTyp}`);
  if (u.status === 200) {
    try {
      if (sim.protokoll.format === "json") sim.protokoll.avkoda(u.body);
      else {
        const body = parseSoapEnvelope(u.body).body;
        if (readSoapFault(body)) out.push("HTTP 200 with a SOAP Fault");
        else sim.protokoll.avkoda(body);
      }
    } catch (e) {
      out.push(`the answer breaks our model of the schema: ${(e as Error).message.slice(0, 200)}`);
    }
  }
  return out;
}

/**
 * Broken variants of a valid request that every endpoint must refuse with its own error (a 4xx,
 * or a SOAP Fault / LEFI error with HTTP 500) — never a 2xx, a 404 or an empty body.
 */
export function felaktiga(sim: BastjanstSimulator, giltig: Begaran): { id: string; begaran: Begaran }[] {
  const med = (body: string, headers = giltig.headers): Begaran => ({ ...giltig, headers, body });
  return [
    { id: "cut-in-half", begaran: med(giltig.body.slice(0, Math.floor(giltig.body.length / 2))) },
    { id: "empty-body", begaran: med("") },
    {
      id: "wrong-media-type",
      begaran: med(giltig.body, { ...giltig.headers, "Content-Type": "application/x-www-form-urlencoded" }),
    },
    ...(sim.protokoll.format === "soap"
      ? [{ id: "not-soap", begaran: med('<?xml version="1.0"?><x/>') }]
      : [{ id: "json-array", begaran: med("[]") }]),
  ];
}

/** Whether a refusal is one: its own error status and a non-empty body. */
export function arVagran(u: Utbyte): boolean {
  return u.status >= 400 && u.status !== 404 && u.body.trim().length > 0;
}
