/**
 * The checks of the producer suite that do not depend on one authority: sending with a time
 * limit, code lists against fixtures/kodverk, real calendar dates, and what an acceptable
 * refusal of a malformed request looks like.
 */
import { maskeraVarde } from "../../contract/faltregler/engine.js";
import { maskeraText } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import type { BastjanstKod } from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import type { Kodverk } from "../../fixtures/kodverk/index.js";
import type { CertifyFinding } from "../../reports/model.js";
import { tidsgrans } from "../../simulators/adapters/transport.js";
import { stackspar } from "../robustness/checks.js";

/** One exchange with the producer: its answer, or why there was none. */
export type Utbyte =
  | { svar: true; status: number; mediaTyp: string; text: string; ms: number }
  | { svar: false; orsak: "timeout" | "natverk"; meddelande: string; ms: number };

/**
 * Sends one request and reads the whole answer within `timeoutMs` (a hang is reported, not waited
 * out). Never throws.
 *
 * @example
 * const u = await skicka(request, 12_000); if (u.svar) u.status
 */
export async function skicka(request: Request, timeoutMs: number, stop?: AbortSignal): Promise<Utbyte> {
  const t0 = performance.now();
  const { signal, dispose } = tidsgrans(timeoutMs, stop);
  try {
    // The signal goes to fetch itself: a signal given to a Request constructor reaches fetch only
    // through a weak link in undici, which a garbage collection can cut — the abort is then lost
    // and the exchange waits for an answer that never comes.
    const res = await fetch(request, { signal });
    const text = await res.text();
    return {
      svar: true,
      status: res.status,
      mediaTyp: res.headers.get("content-type") ?? "",
      text,
      ms: performance.now() - t0,
    };
  } catch (e) {
    const ms = performance.now() - t0;
    if (signal.aborted)
      return { svar: false, orsak: "timeout", meddelande: `no complete answer within ${timeoutMs} ms`, ms };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    return { svar: false, orsak: "natverk", meddelande: `the connection failed (${why})`, ms };
  } finally {
    dispose();
  }
}

/** A leaf of a message: its path of local names / JSON keys and its text. */
export interface Lov {
  path: string[];
  value: string;
}

function franJson(v: unknown, path: string[], out: Lov[]): void {
  if (Array.isArray(v)) for (const x of v) franJson(x, path, out);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) franJson(x, [...path, k], out);
  else if (v !== null && v !== undefined) out.push({ path, value: String(v) });
}

function franXml(e: XmlElement, path: string[], out: Lov[]): void {
  const p = [...path, e.local];
  for (const a of e.attrs) out.push({ path: [...p, a.local], value: a.value });
  const kids = e.children.filter((c): c is XmlElement => c.kind === "element");
  if (kids.length > 0) {
    for (const k of kids) franXml(k, p, out);
    return;
  }
  const text = e.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
  const inre = text.trim();
  // A document carried as text (SKV's `svar`) is opened: its codes and dates count too.
  if (inre.startsWith("<")) {
    try {
      franXml(parseXml(inre), p, out);
      return;
    } catch {
      // not a document: an ordinary value
    }
  }
  out.push({ path: p, value: text });
}

/**
 * Every leaf of a message (an XML tree, or JSON text), documents carried as text opened.
 *
 * @example
 * lov(parseXml("<a><b>1</b></a>")) // [{ path: ["a", "b"], value: "1" }]
 */
export function lov(meddelande: XmlElement | string): Lov[] {
  const out: Lov[] = [];
  if (typeof meddelande === "string") franJson(JSON.parse(meddelande), [], out);
  else franXml(meddelande, [], out);
  return out;
}

const slutarMed = (path: readonly string[], falt: string) => {
  const want = falt.split(".");
  return want.length <= path.length && want.every((w, i) => path[path.length - want.length + i] === w);
};

/**
 * Codes that are not in the authority's kodverk (fixtures/kodverk/<kalla>.json, the answer-side
 * lists): one finding `<kodverk id>.kodverk` per unknown value.
 *
 * @example
 * kodverkFynd(KODVERK_PER_KALLA.tns, lov(body)) // [{ rule: "TNS.Fordonsslag.kodverk", value: "RYMDSKEPP", … }]
 */
export function kodverkFynd(kodverk: readonly Kodverk[], lover: readonly Lov[]): CertifyFinding[] {
  const listor = kodverk.filter((k) => k.riktning === "svar");
  const out: CertifyFinding[] = [];
  for (const l of lover)
    for (const k of listor) {
      if (!k.falt.some((f) => slutarMed(l.path, f))) continue;
      // Some codes are blank-padded in the source (CSN's "          "): both forms count.
      if (k.koder.some((x) => x.kod === l.value || x.kod.trim() === l.value.trim())) continue;
      out.push({
        rule: `${k.id}.kodverk`,
        path: `/${l.path.join("/")}`,
        value: maskeraVarde(l.value, false),
        message: `"${maskeraVarde(l.value, false)}" is not a code of ${k.id} (${k.namn}); known: ${k.koder
          .slice(0, 8)
          .map((x) => x.kod.trim() || "(blank)")
          .join(", ")}${k.koder.length > 8 ? ", …" : ""}.`,
      });
    }
  return out;
}

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})(?=$|T|Z|[+-]\d{2}:\d{2})/;

/**
 * Dates that do not exist in the calendar (2026-02-30, month 13, day 0), in any leaf written as
 * an ISO date or date-time: one finding `<KOD>.datum.verklig` each.
 *
 * @example
 * datumFynd("MIV", [{ path: ["response", "inresedatum"], value: "2026-02-30+01:00" }]) // one finding
 */
export function datumFynd(kod: BastjanstKod, lover: readonly Lov[]): CertifyFinding[] {
  const out: CertifyFinding[] = [];
  for (const l of lover) {
    const m = ISO_DATUM.exec(l.value.trim());
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dagar = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;
    if (d >= 1 && d <= dagar) continue;
    out.push({
      rule: `${kod}.datum.verklig`,
      path: `/${l.path.join("/")}`,
      value: l.value.trim(),
      message: `${l.value.trim()} is not a real calendar date.`,
    });
  }
  return out;
}

const kort = (s: string, n = 160) => {
  // Bare ten-digit runs too (TNS sends personnummer without sekel): an excerpt may echo one.
  const t = maskeraText(s.replace(/\s+/g, " ").trim());
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

/** Statuses that say "no such endpoint", not "your request is wrong": never a refusal of a malformed request. */
const INGEN_ENDPOINT = new Set([404, 405, 410, 501]);

/**
 * Whether a malformed request was refused as it must be: the authority's own refusal (SOAP: a
 * SOAP 1.1 Fault with HTTP 500, or a 4xx that says what is wrong; LEFI: such a 4xx), never a 2xx,
 * never a 5xx without a fault, never a bare 404 / 405 (the endpoint is not there), never an empty
 * body, never a hang, never a stack trace. Returns the findings (empty = acceptable).
 *
 * @example
 * felhanteringsFynd("TNS", "soap", "ej-valformad", utbyte) // [] for a SOAP Fault with HTTP 500
 */
export function felhanteringsFynd(
  kod: BastjanstKod,
  format: "soap" | "json",
  id: string,
  u: Utbyte,
): CertifyFinding[] {
  const rule = `${kod}.felhantering.${id}`;
  if (!u.svar)
    return [{ rule, message: `A malformed request got ${u.meddelande}: it must be refused at once.` }];
  const out: CertifyFinding[] = [];
  const spar = stackspar(u.text);
  if (spar)
    out.push({
      rule: `${kod}.felhantering.stackspar`,
      message: `The refusal shows internals (${spar}): ${kort(u.text)}`,
    });
  if (u.status >= 200 && u.status < 300)
    out.push({
      rule,
      message: `A malformed request got HTTP ${u.status}, as if it were valid: ${kort(u.text)}`,
    });
  else if (INGEN_ENDPOINT.has(u.status))
    out.push({
      rule,
      message: `A malformed request got HTTP ${u.status}: that says the endpoint is not there, not what is wrong with the request (check --url)${u.text.trim() ? `: ${kort(u.text)}` : "."}`,
    });
  else if (u.text.trim() === "")
    out.push({
      rule,
      message: `A malformed request got HTTP ${u.status} with an empty body: a refusal must say what is wrong (a SOAP Fault or an error message).`,
    });
  else if (u.status >= 400 && u.status < 500) {
    // a 4xx with a message is the authority saying "your request is wrong": acceptable for both protocols
  } else if (format === "json")
    out.push({
      rule,
      message: `A malformed LEFI question must get a 4xx, got HTTP ${u.status}: ${kort(u.text)}`,
    });
  else {
    let fault: ReturnType<typeof readSoapFault>;
    try {
      fault = readSoapFault(parseSoapEnvelope(u.text).body);
    } catch {
      fault = undefined;
    }
    if (!fault)
      out.push({
        rule,
        message: `A malformed request must get a SOAP Fault or a 4xx, got HTTP ${u.status} without a fault: ${kort(u.text)}`,
      });
  }
  return out;
}
