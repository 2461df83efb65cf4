/**
 * `certify consumer --record`: the simulated chain on a real port, a vendor's verksamhetssystem
 * talking to it, and every request to the composite service checked as it arrives. A request
 * fails when it breaks a rule of the ssbt-fraga field-rule table (the raw XML, as sent) or when
 * our service answers it with a SOAP Fault. Nothing of a request is kept: only the findings
 * (values masked) and the outcome.
 */
import { HarnessError, isHarnessError } from "../../contract/errors.js";
import { evaluate } from "../../contract/faltregler/engine.js";
import { ssbtTabell } from "../../contract/faltregler/tabeller.js";
import { maskera, maskeraText } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { decodeFault, versionOfNamespace } from "../../contract/ssbt/codec.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { childElements, textOf, type XmlElement } from "../../contract/xml/node.js";
import type { TrafficLog } from "../../reports/evidence/har.js";
import {
  buildReport,
  type CertifyCase,
  type CertifyFinding,
  type CertifyReport,
  caseFrom,
} from "../../reports/model.js";
import { bodyText, type SimOutcome, type SimRequest, type SimResponse } from "../../simulators/endpoint.js";
import type { SimulateOptions } from "../../simulators/options.js";
import { type RunningSimulator, startSimulator } from "../../simulators/server.js";

/** Options of {@link startConsumerRecording}: the simulator's options plus when to stop. */
export interface RecordOptions extends SimulateOptions {
  /** Stop after this many requests to the composite service. Default: no limit. */
  maxRequests?: number;
  /** Stop after this many seconds. Default: no limit (stop with {@link RecordSession.stop}). */
  durationS?: number;
  /** Called for every request as soon as it is answered (live output). */
  onCase?: (c: CertifyCase) => void;
  /** Records every request to the composite service and its answer (masked) for the run's HAR file. */
  traffic?: TrafficLog;
}

/** A running recording. */
export interface RecordSession {
  /** Base URL of the simulator, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** Where the verksamhetssystem must send its requests, e.g. "http://127.0.0.1:8080/ssbtek". */
  ssbtek: string;
  /** Settles with the report once the recording stops (limit reached, duration over, or `stop()`). */
  done: Promise<CertifyReport>;
  /** Stops the recording now (e.g. on SIGINT) and returns the report. Idempotent. */
  stop(reason?: string): Promise<CertifyReport>;
}

/** Time the last answer gets to be flushed before the server closes its connections. */
const FLUSH_MS = 100;

const direct = (e: XmlElement, local: string) => childElements(e).find((c) => c.local === local);

/** Operation, masked person and korrelationsid of a request, for the case name (no other data). */
function beskriv(text: string): {
  operation: string;
  version?: KontraktVersion;
  person?: string;
  korrelationsid?: string;
} {
  try {
    const body = parseSoapEnvelope(text).body;
    const g = direct(body, "generellaFrageparametrar");
    const pid = g && direct(g, "personidentitet");
    const kid = g && direct(g, "korrelationsid");
    const version = versionOfNamespace(body.ns);
    return {
      operation: body.local,
      ...(version ? { version } : {}),
      ...(pid ? { person: maskera(textOf(pid).trim()) } : {}),
      ...(kid ? { korrelationsid: maskeraText(textOf(kid).trim()).slice(0, 64) } : {}),
    };
  } catch {
    return { operation: "(not a SOAP message)" };
  }
}

/**
 * The field-rule findings of one raw request (only `hamtaBastjanstInformation` has a table), by
 * the question table of its contract version (ssbt/10's by default).
 */
export function regelFynd(
  text: string,
  operation: string,
  now: Date,
  version: KontraktVersion = "v10",
): CertifyFinding[] {
  if (operation !== "hamtaBastjanstInformation") return [];
  try {
    return evaluate(ssbtTabell(version, "fraga"), text, { now }).map((f) => ({ ...f }));
  } catch (e) {
    return [
      {
        rule: "SSBT.meddelande",
        message: maskeraText(isHarnessError(e) ? e.message : "the request could not be evaluated"),
      },
    ];
  }
}

/**
 * One exchange at the composite service, as the recorder and the session see it: written to the
 * traffic log, and judged — the question by the field-rule table of its contract version, the
 * answer by its SOAP Fault (each finding with the seed). `svarText` is undefined when no answer
 * was sent; `om` names the request (operation, version, masked person, korrelationsid).
 */
export function granskaUtbyte(u: {
  sim: RunningSimulator;
  request: SimRequest;
  text: string;
  res: SimOutcome;
  startad: Date;
  t0: number;
  traffic: TrafficLog | undefined;
}): { svarText: string | undefined; om: ReturnType<typeof beskriv>; fynd: CertifyFinding[] } {
  const { sim, request, res } = u;
  const svarText =
    res.kind === "response"
      ? typeof res.body === "string"
        ? res.body
        : new TextDecoder().decode(res.body)
      : undefined;
  u.traffic?.add({
    startedAt: u.startad,
    method: request.method,
    url: `${sim.url}${request.path}${request.query ? `?${request.query}` : ""}`,
    requestHeaders: request.headers,
    requestBody: u.text,
    ...(res.kind === "response"
      ? { status: res.status, responseHeaders: res.headers, responseBody: svarText as string }
      : { error: res.kind }),
    ms: performance.now() - u.t0,
  });
  const om = beskriv(u.text);
  const fynd = [
    ...regelFynd(u.text, om.operation, sim.chain.context.now(), om.version),
    ...(res.kind === "response" ? faultFynd(res) : []),
  ].map((f) => ({ ...f, seed: sim.chain.context.seed }));
  return { svarText, om, fynd };
}

/** The SOAP Fault our service answered with, as a finding. */
export function faultFynd(res: SimResponse): CertifyFinding[] {
  if (res.status < 400) return [];
  const text = typeof res.body === "string" ? res.body : new TextDecoder().decode(res.body);
  try {
    const fault = readSoapFault(parseSoapEnvelope(text).body);
    if (!fault)
      return [{ rule: "SSBT.http.status", message: `The composite service answered HTTP ${res.status}.` }];
    const felkod = fault.detail ? decodeFault(fault.detail).felkod : fault.faultcode;
    return [
      {
        rule: `SSBT.fault.${felkod}`,
        value: felkod,
        message: `The composite service refused the request with a SOAP Fault (${felkod}): ${maskeraText(fault.faultstring)}`,
      },
    ];
  } catch {
    return [
      {
        rule: "SSBT.http.status",
        message: `The composite service answered HTTP ${res.status}: ${maskeraText(text.slice(0, 160))}`,
      },
    ];
  }
}

/**
 * Starts the simulated chain on a real HTTP server and records every request a verksamhetssystem
 * sends to the composite service (`POST /ssbtek`, `/ssbtek/v10`, `/ssbtek/v11`): each becomes a
 * case, failed with the broken field rules and our SOAP Fault, if any. The answers are the
 * simulator's as usual. Stops at `maxRequests`, after `durationS`, or on `stop()`.
 *
 * @example
 * const rec = await startConsumerRecording({ port: 8080, maxRequests: 10, onCase: (c) => console.log(c.name, c.status) });
 * // point the verksamhetssystem at rec.ssbtek …
 * const report = await rec.done;
 */
export async function startConsumerRecording(o: RecordOptions = {}): Promise<RecordSession> {
  const { maxRequests, durationS, onCase, traffic, ...simulate } = o;
  if (maxRequests !== undefined && !(Number.isInteger(maxRequests) && maxRequests > 0))
    throw new HarnessError("BAD_OPTION", `Invalid --max-requests ${maxRequests}: pass a whole number > 0.`);
  if (durationS !== undefined && !(durationS > 0 && Number.isFinite(durationS)))
    throw new HarnessError("BAD_OPTION", `Invalid --duration ${durationS}: pass a number of seconds > 0.`);
  const sim: RunningSimulator = await startSimulator(simulate);
  const startedAt = new Date();
  const t0 = performance.now();
  const cases: CertifyCase[] = [];
  let antal = 0;
  let stopped: Promise<CertifyReport> | undefined;
  let settle: (r: CertifyReport) => void = () => {};
  const done = new Promise<CertifyReport>((r) => {
    settle = r;
  });

  const stop = (reason = "stopped"): Promise<CertifyReport> => {
    stopped ??= (async () => {
      clearTimeout(timer);
      await sim.close();
      const ingen: CertifyCase[] =
        cases.length === 0
          ? [
              caseFrom("requests received", 0, [
                {
                  rule: "CONSUMER.inga-anrop",
                  message: `No request reached ${sim.ssbtek} before the recording stopped (${reason}): nothing was certified.`,
                },
              ]),
            ]
          : [];
      const report = buildReport({
        command: "certify consumer",
        target: `record ${sim.ssbtek}`,
        startedAt: startedAt.toISOString(),
        durationMs: performance.now() - t0,
        seed: sim.chain.context.seed,
        suites: [
          {
            name: "recorded requests",
            properties: { url: sim.ssbtek, stopped: reason },
            cases: [...cases, ...ingen],
          },
        ],
        extra: { requests: cases.length, stopped: reason },
      });
      settle(report);
      return report;
    })();
    return stopped;
  };
  const timer =
    durationS !== undefined
      ? setTimeout(() => void stop(`after ${durationS} s`), durationS * 1000)
      : undefined;

  // The recorder sits in front of the composite service: it reads the raw request, lets the
  // chain answer it as usual, and inspects the answer. Everything else passes through untouched.
  sim.chain.useComposite((next) => async (request) => {
    if (stopped || request.method !== "POST") return next(request);
    const n = ++antal;
    if (maxRequests !== undefined && n > maxRequests) return next(request);
    const t = performance.now();
    const startad = new Date();
    const res = await next(request);
    if (!res) return res;
    const text = bodyText(request);
    const { om, fynd } = granskaUtbyte({ sim, request, text, res, startad, t0: t, traffic });
    const namn = `#${n} ${om.operation}${om.korrelationsid ? ` ${om.korrelationsid}` : ""}${om.person ? ` (${om.person})` : ""}`;
    const status = res.kind === "response" ? String(res.status) : res.kind;
    const c = caseFrom(namn, performance.now() - t, fynd, { status });
    cases.push(c);
    onCase?.(c);
    if (maxRequests !== undefined && n === maxRequests)
      setTimeout(() => void stop(`after ${maxRequests} requests`), FLUSH_MS);
    return res;
  });

  return { url: sim.url, ssbtek: sim.ssbtek, done, stop };
}
