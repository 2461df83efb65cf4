import { setTimeout as sleep } from "node:timers/promises";
import { NS } from "../../contract/namespaces.js";
import {
  envelope,
  hamtaPayload,
  medText,
  neutralPayload,
  post,
  SOAP11,
  soapHeaders,
  testaPayload,
} from "./envelopes.js";
import type { HttpBegaran } from "./http-raw.js";
import type { FallKontext, Malprofil, RobusthetsFall } from "./model.js";

/** Cases on the SOAP envelope and on HTTP itself. */

const SOAP = ["ssbt", "soap"] as const;
const ALLA: readonly Malprofil[] = ["ssbt", "soap", "json"];

/** A small request body fit for the target: a SOAP connection test, or LEFI-shaped JSON. */
function liten(ctx: FallKontext): { body: string; headers: Record<string, string> } {
  return ctx.profil === "json"
    ? {
        body: JSON.stringify({ personnummer: ctx.personidentitet }),
        headers: { "Content-Type": "application/json" },
      }
    : { body: envelope(neutralPayload(ctx)), headers: soapHeaders() };
}

const STOR = 20 * 1024 * 1024;

/** 20 MiB of `a` in 64 kB chunks, sent as fast as the server takes them. */
async function* tjugoMegabyte(): AsyncIterable<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  for (let sent = 0; sent < STOR; sent += chunk.length) yield chunk;
}

/** The server must answer before the body is complete and must not read all of it. */
function stangerTidigt(svar: { sentAtResponse: number; bodyComplete: boolean }): string | undefined {
  if (svar.sentAtResponse >= STOR) return "the server read the whole 20 MB body before answering";
  if (svar.bodyComplete)
    return "the server answered but kept reading the whole 20 MB body instead of closing";
  return undefined;
}

function metod(method: string, extra: Partial<HttpBegaran> = {}): HttpBegaran {
  return { kind: "http", method, headers: { "X-Robusthet": "metod" }, ...extra };
}

/** A raw HTTP/1.1 request on a fresh connection (for what node:http will not send). */
function raa(ctx: FallKontext, lines: readonly string[], body = ""): { kind: "socket"; bytes: string } {
  return {
    kind: "socket",
    bytes: `${[...lines, `Host: ${ctx.url.host}`, "Connection: close"].join("\r\n")}\r\n\r\n${body}`,
  };
}

function soap12(ctx: FallKontext): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${NS.soap12}">` +
    `<env:Body>${ctx.profil === "ssbt" ? testaPayload(ctx) : neutralPayload(ctx)}</env:Body></env:Envelope>`
  );
}

export const SOAP_FALL: readonly RobusthetsFall[] = [
  {
    id: "soap12-envelope",
    kategori: "soap",
    beskrivning: {
      sv: "SOAP 1.2-kuvert med application/soap+xml",
      en: "SOAP 1.2 envelope with application/soap+xml",
    },
    motivering:
      "The contract is SOAP 1.1; a 1.2 client must learn that at once (415 or a VersionMismatch Fault).",
    profiler: SOAP,
    begaran: (ctx) => post(soap12(ctx), { "Content-Type": 'application/soap+xml; charset=utf-8; action=""' }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "soap12-envelope-text-xml",
    kategori: "soap",
    beskrivning: {
      sv: "SOAP 1.2-kuvert skickat som text/xml",
      en: "SOAP 1.2 envelope sent as text/xml",
    },
    motivering:
      "SOAP 1.1 §4.4.1: an Envelope in another namespace gets faultcode VersionMismatch (demanded of SSBT; the simulated authorities answer their own Client fault).",
    profiler: ["ssbt"],
    begaran: (ctx) => post(soap12(ctx)),
    forvantan: { typ: "avvisas", status: [500], faultcode: "VersionMismatch" },
  },
  {
    id: "wrong-ssbt-namespace",
    kategori: "soap",
    beskrivning: {
      sv: "Frågan i namnrymden ssbt/9 i stället för ssbt/10",
      en: "The question in the ssbt/9 namespace instead of ssbt/10",
    },
    motivering: "An old or mistyped contract version must be refused, never guessed.",
    profiler: ["ssbt"],
    begaran: (ctx) => post(envelope(hamtaPayload({ ...ctx, ns: ctx.ns.replace(/\/\d+$/, "/9") }))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "missing-body",
    kategori: "soap",
    beskrivning: { sv: "Kuvert med Header men utan Body", en: "Envelope with a Header and no Body" },
    motivering: "SOAP 1.1 §4: the Body is mandatory.",
    profiler: SOAP,
    begaran: () => post(`<soapenv:Envelope xmlns:soapenv="${SOAP11}"><soapenv:Header/></soapenv:Envelope>`),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "empty-body",
    kategori: "soap",
    beskrivning: { sv: "Tom Body", en: "Empty Body" },
    motivering: "No operation to dispatch: document/literal needs exactly one Body child.",
    profiler: SOAP,
    begaran: () => post(envelope("")),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "two-body-children",
    kategori: "soap",
    beskrivning: { sv: "Två operationer i samma Body", en: "Two operations in one Body" },
    motivering: "WS-I BP R9981: one Body child; a second one must not be silently ignored or both run.",
    profiler: SOAP,
    begaran: (ctx) => post(envelope(`${medText(ctx, "robusthet")}${medText(ctx, "robusthet")}`)),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "must-understand",
    kategori: "soap",
    beskrivning: {
      sv: 'Header-block med mustUnderstand="1" som tjänsten inte förstår',
      en: 'Header block with mustUnderstand="1" the service does not understand',
    },
    motivering:
      "SOAP 1.1 §4.2.3: the receiver must fault with faultcode MustUnderstand and not process the Body.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        envelope(
          ctx.profil === "ssbt" ? testaPayload(ctx) : neutralPayload(ctx),
          `<sec:Security xmlns:sec="urn:robusthet:security" soapenv:mustUnderstand="1"><sec:Token>x</sec:Token></sec:Security>`,
        ),
      ),
    forvantan: { typ: "avvisas", status: [500], faultcode: "MustUnderstand" },
  },
  {
    id: "must-understand-zero",
    kategori: "soap",
    beskrivning: {
      sv: 'Okänt header-block med mustUnderstand="0"',
      en: 'Unknown header block with mustUnderstand="0"',
    },
    motivering: "Optional header blocks may be ignored (SOAP 1.1 §4.2.3): the question must be answered.",
    profiler: ["ssbt"],
    begaran: (ctx) =>
      post(
        envelope(
          testaPayload(ctx),
          `<t:Trace xmlns:t="urn:robusthet:trace" soapenv:mustUnderstand="0">robusthet</t:Trace>`,
        ),
      ),
    forvantan: { typ: "svar" },
  },
  {
    id: "unknown-operation",
    kategori: "soap",
    beskrivning: { sv: "Okänd operation i ssbt-namnrymden", en: "Unknown operation in the ssbt namespace" },
    motivering: "Only hamtaBastjanstInformation and testaBastjanstInformation exist.",
    profiler: ["ssbt"],
    begaran: (ctx) => post(envelope(`<ssbt:raderaAllt xmlns:ssbt="${ctx.ns}"/>`)),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "not-an-envelope",
    kategori: "soap",
    beskrivning: { sv: "Operationen utan SOAP-kuvert", en: "The operation without a SOAP envelope" },
    motivering: "Plain XML over HTTP is not SOAP 1.1.",
    profiler: SOAP,
    begaran: (ctx) => post(`<?xml version="1.0"?>${medText(ctx, "robusthet")}`),
    forvantan: { typ: "avvisas" },
  },
  // ------------------------------------------------------------------ HTTP
  {
    id: "content-type-json",
    kategori: "http",
    beskrivning: { sv: "Content-Type application/json", en: "Content-Type application/json" },
    motivering: "SOAP 1.1 over HTTP is text/xml (§6.1.1): 415 or a Fault.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(envelope(neutralPayload(ctx)), soapHeaders({ "Content-Type": "application/json" })),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "content-type-html",
    kategori: "http",
    beskrivning: { sv: "Content-Type text/html", en: "Content-Type text/html" },
    motivering: "Not a SOAP media type.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(envelope(neutralPayload(ctx)), soapHeaders({ "Content-Type": "text/html; charset=utf-8" })),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "content-type-multipart",
    kategori: "http",
    beskrivning: {
      sv: "multipart/related (MTOM/SwA) som kontraktet inte använder",
      en: "multipart/related (MTOM/SwA) that the contract does not use",
    },
    motivering: "Attachments are not part of the contract; parsing MIME parts is attack surface.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        `--b1\r\nContent-Type: text/xml\r\n\r\n${envelope(neutralPayload(ctx))}\r\n--b1--\r\n`,
        soapHeaders({ "Content-Type": 'multipart/related; boundary="b1"; type="text/xml"' }),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "content-type-xml-to-json-api",
    kategori: "http",
    beskrivning: { sv: "XML med text/xml till JSON-tjänsten", en: "XML as text/xml to the JSON API" },
    motivering: "LEFI speaks JSON only: 415.",
    profiler: ["json"],
    begaran: (ctx) => post(envelope(neutralPayload(ctx))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "no-content-type",
    kategori: "http",
    beskrivning: { sv: "Giltig fråga utan Content-Type", en: "Valid request without a Content-Type" },
    motivering:
      "Strictly a protocol error, but real clients omit it: answering or a 415 are both defensible.",
    profiler: ["ssbt"],
    begaran: (ctx) => post(envelope(testaPayload(ctx)), { SOAPAction: '""' }),
    forvantan: { typ: "svar-eller-avvisas" },
  },
  {
    id: "method-get",
    kategori: "http",
    beskrivning: { sv: "GET på tjänsten (utan ?wsdl)", en: "GET on the endpoint (without ?wsdl)" },
    motivering: "Only POST carries a question.",
    profiler: ALLA,
    begaran: () => metod("GET"),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "method-put",
    kategori: "http",
    beskrivning: { sv: "PUT på tjänsten", en: "PUT on the endpoint" },
    motivering: "Only POST carries a question.",
    profiler: ALLA,
    begaran: (ctx) => metod("PUT", liten(ctx)),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "method-delete",
    kategori: "http",
    beskrivning: { sv: "DELETE på tjänsten", en: "DELETE on the endpoint" },
    motivering: "Only POST carries a question.",
    profiler: ALLA,
    begaran: () => metod("DELETE"),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "method-head",
    kategori: "http",
    beskrivning: { sv: "HEAD på tjänsten", en: "HEAD on the endpoint" },
    motivering: "A 4xx like GET's, and no body (RFC 9110 §9.3.2).",
    profiler: ALLA,
    begaran: () => metod("HEAD"),
    forvantan: { typ: "avvisas" },
    kontroll: (svar) => (svar.body.length > 0 ? "a HEAD answer must have no body" : undefined),
  },
  {
    id: "method-trace",
    kategori: "http",
    beskrivning: { sv: "TRACE (cross-site tracing)", en: "TRACE (cross-site tracing)" },
    motivering: "TRACE echoes the request headers (credentials included): refuse it.",
    profiler: ALLA,
    begaran: () => ({ kind: "http", method: "TRACE", headers: { "X-Robusthet-Hemlig": "sparbar-7f3a" } }),
    forvantan: { typ: "avvisas" },
    forbjudet: () => ["sparbar-7f3a"],
  },
  {
    id: "huge-header",
    kategori: "http",
    beskrivning: { sv: "Ett 64 kB stort header-fält", en: "A 64 kB header field" },
    motivering: "Header buffers are a classic memory attack; 431 (or 400) before the body is read.",
    profiler: ALLA,
    begaran: (ctx) => ({
      kind: "http",
      method: "POST",
      headers: { ...liten(ctx).headers, "X-Robusthet": "h".repeat(64 * 1024) },
      body: liten(ctx).body,
    }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "long-url",
    kategori: "http",
    beskrivning: { sv: "En 32 kB lång URL", en: "A 32 kB long URL" },
    motivering: "The request line counts against the header limit: 414 or 431.",
    profiler: ALLA,
    begaran: (ctx) => ({
      kind: "http",
      method: "POST",
      path: `${ctx.url.pathname}?${"q".repeat(32 * 1024)}`,
      ...liten(ctx),
    }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "chunked-encoding",
    kategori: "http",
    beskrivning: {
      sv: "Giltig fråga med Transfer-Encoding: chunked",
      en: "Valid request with Transfer-Encoding: chunked",
    },
    motivering: "Legal HTTP/1.1 (many clients stream SOAP): must be answered.",
    profiler: ["ssbt"],
    begaran: (ctx) => {
      const text = Buffer.from(envelope(testaPayload(ctx)));
      return post({
        kind: "stream",
        chunks: async function* () {
          for (let i = 0; i < text.length; i += 40) yield text.subarray(i, i + 40);
        },
      });
    },
    forvantan: { typ: "svar" },
  },
  {
    id: "body-20mb-declared",
    kategori: "http",
    beskrivning: {
      sv: "20 MB kropp med Content-Length, strömmad",
      en: "20 MB body with Content-Length, streamed",
    },
    motivering: "Refused from the declared length (413) without reading it, and the connection closed.",
    profiler: ALLA,
    begaran: (ctx) => ({
      kind: "http",
      method: "POST",
      headers: { ...liten(ctx).headers, "Content-Length": String(STOR) },
      body: { kind: "stream", chunks: tjugoMegabyte },
    }),
    forvantan: { typ: "avvisas", status: [413] },
    kontroll: stangerTidigt,
  },
  {
    id: "body-20mb-chunked",
    kategori: "http",
    beskrivning: {
      sv: "20 MB kropp utan längd (chunked), strömmad",
      en: "20 MB body without a length (chunked), streamed",
    },
    motivering:
      "No length to refuse up front: counted while read, refused (413) at the limit, connection closed.",
    profiler: ALLA,
    begaran: (ctx) => ({
      kind: "http",
      method: "POST",
      headers: liten(ctx).headers,
      body: { kind: "stream", chunks: tjugoMegabyte },
    }),
    forvantan: { typ: "avvisas", status: [413] },
    kontroll: stangerTidigt,
  },
  {
    id: "slow-body",
    kategori: "http",
    beskrivning: {
      sv: "Långsam kropp: 1 byte var 200:e ms i 3 s, samtidigt som en vanlig fråga",
      en: "Slow body: 1 byte every 200 ms for 3 s, while a normal request is made",
    },
    motivering: "A slow sender must not hold up other callers; its garbage is refused when complete.",
    profiler: ALLA,
    begaran: (ctx) => {
      const body = Buffer.from("<<<robusthet>>>");
      return {
        kind: "http",
        method: "POST",
        headers: { ...liten(ctx).headers, "Content-Length": String(body.length) },
        body: {
          kind: "stream",
          chunks: async function* () {
            for (const b of body) {
              await sleep(200);
              yield Buffer.from([b]);
            }
          },
        },
      };
    },
    forvantan: { typ: "avvisas" },
    maxMs: 5_000,
    samtidigt: { efterMs: 600, maxMs: 1_500 },
  },
  {
    id: "request-smuggling-cl-te",
    kategori: "http",
    beskrivning: {
      sv: "Både Content-Length och Transfer-Encoding (request smuggling)",
      en: "Both Content-Length and Transfer-Encoding (request smuggling)",
    },
    motivering: "RFC 9112 §6.3: ambiguous framing must be refused (400), never guessed.",
    profiler: ALLA,
    begaran: (ctx) =>
      raa(
        ctx,
        [
          `POST ${ctx.url.pathname} HTTP/1.1`,
          "Content-Type: text/xml",
          "Content-Length: 4",
          "Transfer-Encoding: chunked",
        ],
        "0\r\n\r\nGET /__admin/upstreams HTTP/1.1\r\nHost: x\r\n\r\n",
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "invalid-content-length",
    kategori: "http",
    beskrivning: { sv: "Content-Length som inte är ett tal", en: "Content-Length that is not a number" },
    motivering: "Unparseable framing: 400.",
    profiler: ALLA,
    begaran: (ctx) =>
      raa(
        ctx,
        [`POST ${ctx.url.pathname} HTTP/1.1`, "Content-Type: text/xml", "Content-Length: tolv"],
        "<a/>",
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "absolute-form-target",
    kategori: "http",
    beskrivning: {
      sv: "Absolut URL i begäransraden som pekar på en annan värd",
      en: "Absolute-form request target naming another host",
    },
    motivering:
      "RFC 9112 §3.2.2 says servers must accept absolute-form; answering our own path or a 4xx are both fine, a crash or a proxied call are not.",
    profiler: ["ssbt"],
    begaran: (ctx) => {
      const body = envelope(testaPayload(ctx));
      return raa(
        ctx,
        [
          `POST http://robusthet.invalid${ctx.url.pathname} HTTP/1.1`,
          "Content-Type: text/xml; charset=utf-8",
          `Content-Length: ${Buffer.byteLength(body)}`,
        ],
        body,
      );
    },
    forvantan: { typ: "svar-eller-avvisas" },
  },
];
