import { Agent } from "node:http";
import { cpus, loadavg } from "node:os";
import { HarnessError } from "../contract/errors.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { PERSONAS } from "../simulators/population/population.js";
import { fullFraga, standardPeriod } from "../suites/chain/certify-chain.js";
import { type Answer, type AnswerCheck, runLoad } from "./load.js";
import type { ResolvedBenchOptions } from "./options.js";
import type { ServerKind } from "./protocol.js";
import { type ServerProcess, type ServerSample, startServerProcess } from "./servers.js";
import {
  type LatencySummary,
  type RssSample,
  type RssVerdict,
  rssVerdict,
  summarizeLatencies,
} from "./stats.js";

/** The figures of one server under test. */
export interface ServerFigures {
  kind: ServerKind;
  /** Measured requests (warm-up excluded). */
  requests: number;
  errors: number;
  errorSamples: string[];
  /** Measured wall time, summed over the rounds. */
  seconds: number;
  answersPerS: number;
  latency: LatencySummary;
  /** RSS after warm-up, then after every `sampleEvery` measured requests. */
  rss: RssSample[];
  rssVerdict: RssVerdict;
  /** Server CPU time (user + system) per measured answer, in µs: independent of other load. */
  cpuMicrosPerAnswer: number;
  /** True when `durationS` stopped it before `requests`. */
  stoppedByDuration: boolean;
}

export interface BenchResult {
  options: ResolvedBenchOptions;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    loadavgStart: number[];
    loadavgEnd: number[];
  };
  bytes: { request: number; answer: number };
  warmupErrors: number;
  ours: ServerFigures;
  bare: ServerFigures;
  /** answers/s ours ÷ answers/s bare over the whole run. */
  ratio: number;
  /** answers/s of the bare server before and after ours: how much the machine's load drifted. */
  bareRates: { before: number; after: number };
  pass: boolean;
  /** Why it did not pass (empty when it did). */
  failures: string[];
}

/** The persona that every bastjänst knows: all seven sections answer with data. */
const PERSONA_ID = "hela-kedjan";

/** The fixed composite question of the benchmark: one persona, all seven bastjänster included. */
export function benchRequest(now: Date): Buffer {
  const persona = PERSONAS.find((p) => p.id === PERSONA_ID);
  if (!persona)
    throw new HarnessError("BENCH_PERSONA", `Persona ${PERSONA_ID} is missing from fixtures/personas.`);
  const fraga = fullFraga(persona.personidentitet, standardPeriod(now), "BENCH-0001");
  return Buffer.from(soapEnvelope(encodeFraga(fraga)), "utf8");
}

export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": SOAP11_CONTENT_TYPE,
  SOAPAction: '""',
};

/**
 * What counts as a right answer: HTTP 200, SOAP content type, and either exactly the reference
 * bytes or (should the simulated date roll over during a long run) a composite answer with seven
 * data sections and no error section. Works on bytes/latin1 so the check stays cheap next to the
 * server's work.
 *
 * @example
 * const check = answerCheck(reference); check({ status: 500, headers: {}, body }) // "HTTP 500"
 */
export function answerCheck(reference: Buffer): AnswerCheck {
  return (a: Answer) => {
    if (a.status !== 200) return `HTTP ${a.status}`;
    if (!String(a.headers["content-type"] ?? "").startsWith("text/xml"))
      return `content type ${a.headers["content-type"]}`;
    if (a.body.equals(reference)) return undefined;
    const text = a.body.toString("latin1");
    if (!text.includes("hamtaBastjanstInformationResponse>"))
      return "not a hamtaBastjanstInformationResponse";
    if (text.includes(":error>")) return "answer with an error section";
    if (text.split(":data>").length - 1 !== 2 * BASTJANSTER.length)
      return "answer without seven data sections";
    return undefined;
  };
}

/** Sends the question once and insists on seven data sections: a bench of error answers proves nothing. */
async function probe(endpoint: string, body: Buffer): Promise<{ body: Buffer; contentType: string }> {
  const res = await fetch(endpoint, { method: "POST", headers: REQUEST_HEADERS, body: new Uint8Array(body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get("content-type") ?? "";
  const parsed = parseSoapEnvelope(bytes.toString("utf8"));
  const fault = readSoapFault(parsed.body);
  if (res.status !== 200 || fault)
    throw new HarnessError(
      "BENCH_BAD_ANSWER",
      `The simulator answered the benchmark question with HTTP ${res.status}${fault ? ` (${fault.faultstring})` : ""}; fix the chain first (npm start).`,
    );
  const svar = decodeSvar(parsed.body);
  const utan = BASTJANSTER.filter((k) => !svar.svarsdata[k] || "error" in svar.svarsdata[k]!);
  if (utan.length)
    throw new HarnessError(
      "BENCH_BAD_ANSWER",
      `The benchmark needs data from all seven bastjänster, but ${utan.join(", ")} answered with an error or not at all; fix the chain first (npm start).`,
    );
  return { body: bytes, contentType };
}

interface Accumulator {
  server: ServerProcess;
  done: number;
  errors: number;
  errorSamples: Set<string>;
  ms: number;
  latencies: Float64Array;
  rss: RssSample[];
  cpuStart: number;
  cpuEnd: number;
  stoppedByDuration: boolean;
}

function accumulator(server: ServerProcess, requests: number, first: ServerSample): Accumulator {
  return {
    server,
    done: 0,
    errors: 0,
    errorSamples: new Set(),
    ms: 0,
    latencies: new Float64Array(requests),
    rss: [{ requests: 0, rss: first.rss, heapAfterGc: first.heapAfterGc }],
    cpuStart: first.cpuMicros,
    cpuEnd: first.cpuMicros,
    stoppedByDuration: false,
  };
}

function figures(a: Accumulator, o: ResolvedBenchOptions): ServerFigures {
  return {
    kind: a.server.kind,
    requests: a.done,
    errors: a.errors,
    errorSamples: [...a.errorSamples].slice(0, 5),
    seconds: a.ms / 1000,
    answersPerS: a.done / (a.ms / 1000),
    latency: summarizeLatencies(a.latencies, a.done),
    rss: a.rss,
    rssVerdict: rssVerdict(a.rss, o.maxRssGrowth),
    cpuMicrosPerAnswer: a.done ? (a.cpuEnd - a.cpuStart) / a.done : Number.NaN,
    stoppedByDuration: a.stoppedByDuration,
  };
}

/**
 * Runs the benchmark: our simulated chain and a bare node:http server (each in its own child
 * process, the load generator in this one) get the same warm-up, load code and answer check.
 * Sequence: bare (half its requests), ours (all), bare (the other half); RSS and CPU time of
 * each server are sampled every `sampleEvery` requests.
 *
 * @example
 * const r = await runBench(resolveBenchOptions({ requests: 2000 }), console.error);
 * r.ratio // answers/s ours ÷ bare
 */
export async function runBench(
  o: ResolvedBenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchResult> {
  const loadavgStart = loadavg();
  const started: ServerProcess[] = [];
  try {
    log("Starting the simulated chain (child process) …");
    const ours = await startServerProcess({ type: "start", kind: "ours", seed: o.seed });
    started.push(ours);
    const request = benchRequest(new Date());
    const reference = await probe(ours.endpoint, request);
    log(
      `Request ${request.length} bytes, answer ${reference.body.length} bytes, all seven sections with data.`,
    );
    const bare = await startServerProcess({
      type: "start",
      kind: "bare",
      body: reference.body.toString("base64"),
      status: 200,
      headers: { "Content-Type": reference.contentType },
    });
    started.push(bare);
    const check = answerCheck(reference.body);
    const budgetMs = o.durationS * 1000;
    let warmupErrors = 0;
    const warmupSamples = new Set<string>();
    const warmedUp = new Set<ServerKind>();
    const acc: Partial<Record<ServerKind, Accumulator>> = {};

    /**
     * One phase: `requests` measured requests to one server on one pool of keep-alive
     * connections (warm-up first, the first time), in chunks of `sampleEvery` with an RSS sample
     * after each. The pool lives for the phase only: reconnecting mid-run while the server is
     * saturated measured connection set-up, not answering (see docs/performance.md).
     */
    const phase = async (server: ServerProcess, requests: number): Promise<number> => {
      const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
      const load = (n: number, maxMs?: number) =>
        runLoad({
          url: server.endpoint,
          body: request,
          headers: REQUEST_HEADERS,
          connections: o.connections,
          requests: n,
          check,
          agent,
          ...(maxMs !== undefined ? { maxMs } : {}),
        });
      try {
        if (!warmedUp.has(server.kind) && o.warmup > 0) {
          log(`Warm-up ${server.kind}: ${o.warmup} requests …`);
          const w = await load(o.warmup);
          warmupErrors += w.errors;
          for (const e of w.errorSamples) warmupSamples.add(`${server.kind} warm-up: ${e}`);
        }
        warmedUp.add(server.kind);
        const a = acc[server.kind] ?? accumulator(server, o.requests, await server.sample());
        acc[server.kind] = a;
        let done = 0;
        let ms = 0;
        while (done < requests && !a.stoppedByDuration) {
          const r = await load(Math.min(o.sampleEvery, requests - done), budgetMs - a.ms);
          a.latencies.set(r.latencies.subarray(0, r.completed), a.done);
          a.done += r.completed;
          done += r.completed;
          a.errors += r.errors;
          for (const e of r.errorSamples) a.errorSamples.add(e);
          a.ms += r.elapsedMs;
          ms += r.elapsedMs;
          if (r.timedOut || a.ms >= budgetMs) a.stoppedByDuration = a.done < o.requests;
          const s = await server.sample();
          a.rss.push({ requests: a.done, rss: s.rss, heapAfterGc: s.heapAfterGc });
          a.cpuEnd = s.cpuMicros;
          log(
            `${server.kind}: ${a.done}/${o.requests} requests, ${(r.completed / (r.elapsedMs / 1000)).toFixed(0)} answers/s, ` +
              `RSS ${mb(s.rss)}, errors ${a.errors}`,
          );
        }
        return done / (ms / 1000);
      } finally {
        agent.destroy();
      }
    };

    // Bare before and after ours: the machine's load drifts, and the bare rate brackets the run.
    const half = Math.ceil(o.requests / 2);
    const bareBefore = await phase(bare, half);
    await phase(ours, o.requests);
    const bareAfter = o.requests - half > 0 ? await phase(bare, o.requests - half) : bareBefore;
    if (!acc.ours || !acc.bare) throw new HarnessError("BENCH_INTERNAL", "A benchmark phase did not run.");

    const oursF = figures(acc.ours, o);
    const bareF = figures(acc.bare, o);
    for (const e of warmupSamples) oursF.errorSamples.push(e);
    const ratio = oursF.answersPerS / bareF.answersPerS;
    const failures: string[] = [];
    const errors = oursF.errors + bareF.errors + warmupErrors;
    if (errors > 0) failures.push(`${errors} errors (target 0)`);
    if (!(ratio >= o.minRatio)) failures.push(`ratio ${ratio.toFixed(3)} < ${o.minRatio}`);
    if (!oursF.rssVerdict.flat)
      failures.push(
        `RSS of the simulator not flat: ${mb(oursF.rssVerdict.baseline)} → ${mb(oursF.rssVerdict.end)} (medians) (+${(oursF.rssVerdict.growth * 100).toFixed(1)} %, limit +${(o.maxRssGrowth * 100).toFixed(0)} %)`,
      );
    if (oursF.stoppedByDuration)
      failures.push(`stopped by --duration after ${oursF.requests} of ${o.requests} requests`);
    const cpu = cpus();
    return {
      options: o,
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model ?? "unknown",
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadavgStart,
        loadavgEnd: loadavg(),
      },
      bytes: { request: request.length, answer: reference.body.length },
      warmupErrors,
      ours: oursF,
      bare: bareF,
      ratio,
      bareRates: { before: bareBefore, after: bareAfter },
      pass: failures.length === 0,
      failures,
    };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

/** Bytes as MiB with one decimal, e.g. "84.2 MiB". */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
