import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { decodeSvar } from "../../contract/ssbt/codec.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { RawSvar } from "./http-raw.js";
import type { FallKontext, RobusthetsFall } from "./model.js";

/**
 * Traces of an internal error in an answer, for the platforms an SSBT endpoint is commonly built
 * on: a stack frame or an exception class name tells an attacker the stack and means the error
 * was not handled on purpose.
 */
const STACKSPAR: readonly { namn: string; re: RegExp }[] = [
  { namn: "JavaScript stack frame", re: /\n\s*at [^\n]{1,200}:\d+:\d+\)?/ },
  {
    namn: "JavaScript error name",
    re: /\b(TypeError|ReferenceError|RangeError|SyntaxError|AggregateError): /,
  },
  { namn: "node internals", re: /node:internal|\/node_modules\// },
  { namn: "source position", re: /\.(?:m?[jt]s|cjs):\d+:\d+/ },
  { namn: "Java stack frame", re: /\bat [\w$.]+\([\w$]+\.java:\d+\)/ },
  { namn: "Java exception", re: /\b(?:java|javax|jakarta)\.[\w.]+(?:Exception|Error)\b/ },
  { namn: ".NET stack frame", re: /\bat [\w.`<>]+\(.*\) in .*:line \d+/ },
  { namn: ".NET exception", re: /\bSystem\.[\w.]*Exception\b/ },
  { namn: "Python traceback", re: /Traceback \(most recent call last\)/ },
  { namn: "PHP error", re: /<b>(?:Fatal error|Warning|Parse error)<\/b>:/ },
  { namn: "SQL error", re: /SQLSTATE\[|ORA-\d{5}|You have an error in your SQL syntax|SQLITE_ERROR/ },
];

/**
 * The first stack-trace marker found in `text`, or undefined.
 *
 * @example
 * stackspar("TypeError: x is undefined\n    at f (/app/a.js:1:2)") // "JavaScript stack frame"
 */
export function stackspar(text: string): string | undefined {
  return STACKSPAR.find((s) => s.re.test(text))?.namn;
}

/** The parsed SOAP Body child of an answer, or the reason it is none. */
export function soapBody(svar: RawSvar): { body: XmlElement } | { fel: string } {
  try {
    return { body: parseSoapEnvelope(svar.body.toString("utf8")).body };
  } catch (e) {
    return { fel: (e as Error).message.slice(0, 160) };
  }
}

const kort = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

/** Why a refusal is not an acceptable one, or undefined when it is. */
function bedomAvvisning(fall: RobusthetsFall, svar: RawSvar, ctx: FallKontext): string | undefined {
  const f = fall.forvantan;
  if (f.typ !== "avvisas" && f.typ !== "svar-eller-avvisas") return "internal: not a refusal expectation";
  const status = svar.status ?? 0;
  const narrowed = f.typ === "avvisas" ? f.status : undefined;
  if (narrowed && !narrowed.includes(status)) return `expected HTTP ${narrowed.join(" or ")}, got ${status}`;
  const wantFaultcode = f.typ === "avvisas" ? f.faultcode : undefined;
  if (status >= 400 && status < 500 && !wantFaultcode) return undefined;
  if (ctx.profil === "json") return `expected HTTP 4xx, got ${status}`;
  if (status < 400 && !wantFaultcode) return `expected HTTP 4xx or a SOAP Fault, got ${status}`;
  const parsed = soapBody(svar);
  if ("fel" in parsed)
    return status >= 500
      ? `HTTP ${status} without a SOAP 1.1 Fault (looks like a crash): ${parsed.fel}`
      : `expected a SOAP 1.1 Fault, the answer is none: ${parsed.fel}`;
  const fault = readSoapFault(parsed.body);
  if (!fault) return `expected a refusal, got HTTP ${status} with {${parsed.body.ns}}${parsed.body.local}`;
  if (status !== 500 && !(status >= 400 && status < 500))
    return `a SOAP 1.1 Fault must be sent with HTTP 500, got ${status}`;
  if (wantFaultcode && fault.faultcode.split(":").pop() !== wantFaultcode)
    return `expected faultcode ${wantFaultcode}, got ${fault.faultcode || "(none)"}`;
  return undefined;
}

/** Why an answer to legal input is not a correct one, or undefined when it is. */
function bedomSvar(fall: RobusthetsFall, svar: RawSvar, ctx: FallKontext): string | undefined {
  const f = fall.forvantan;
  if (f.typ === "avvisas") return "internal: not an answer expectation";
  if (svar.status !== 200) return `expected HTTP 200 with an answer, got ${svar.status ?? "no answer"}`;
  const ct = svar.headers["content-type"] ?? "";
  if (!/^text\/xml\b/i.test(ct)) return `an answer must be text/xml, got Content-Type "${kort(ct)}"`;
  const parsed = soapBody(svar);
  if ("fel" in parsed) return `HTTP 200 but not a SOAP 1.1 envelope: ${parsed.fel}`;
  const { body } = parsed;
  if (readSoapFault(body)) return "HTTP 200 with a SOAP Fault (a Fault must be sent with HTTP 500)";
  if (body.ns !== ctx.ns || !body.local.endsWith("Response"))
    return `expected an ssbt answer element, got {${kort(body.ns)}}${body.local}`;
  if (body.local === "hamtaBastjanstInformationResponse") {
    try {
      decodeSvar(body, ctx.version);
    } catch (e) {
      return `the answer breaks the contract: ${kort((e as Error).message)}`;
    }
  }
  return f.kontroll?.(body, ctx);
}

/**
 * Judges one answer against a case: the expectation (refusal or answer), the time limit, no
 * stack trace, no forbidden echo in the body, nothing reflected into headers, the case's own
 * check. Returns the first reason it fails, or undefined when it passes.
 *
 * @example
 * bedom(fall, await skicka(url, fall.begaran(ctx), 10_000), ctx) // undefined = passed
 */
export function bedom(fall: RobusthetsFall, svar: RawSvar, ctx: FallKontext): string | undefined {
  const maxMs = fall.maxMs ?? 2_000;
  if (svar.status === undefined)
    return `no HTTP answer (${svar.error ?? "connection closed"}) after ${Math.round(svar.ms)} ms`;
  if (svar.ms > maxMs) return `answered after ${Math.round(svar.ms)} ms (limit ${maxMs} ms)`;
  const text = svar.body.toString("utf8");
  const headerText = Object.entries(svar.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  const spar = stackspar(text) ?? stackspar(headerText);
  if (spar) return `the answer leaks an internal error (${spar})`;
  for (const s of fall.forbjudet?.(ctx) ?? [])
    if (text.includes(s)) return `the answer contains "${kort(s)}" unescaped`;
  for (const s of fall.ejIHuvud ?? [])
    if (headerText.toLowerCase().includes(s.toLowerCase()))
      return `"${kort(s)}" is reflected into a response header`;
  const f = fall.forvantan;
  let reason: string | undefined;
  if (f.typ === "avvisas") reason = bedomAvvisning(fall, svar, ctx);
  else if (f.typ === "svar") reason = bedomSvar(fall, svar, ctx);
  else reason = svar.status === 200 ? bedomSvar(fall, svar, ctx) : bedomAvvisning(fall, svar, ctx);
  return reason ?? fall.kontroll?.(svar, ctx);
}
