import { existsSync, readFileSync } from "node:fs";
import { Agent } from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { HarnessError } from "../contract/errors.js";
import { encodeLefiFraga } from "../contract/fk/codec.js";
import { standardPeriod } from "../contract/kalender.js";
import { kontrollsiffra, maskeraText } from "../contract/personidentitet.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import { arFel, BASTJANSTER } from "../contract/ssbt/model.js";
import { lefiFraga } from "../simulators/aggregator/klienter/fk.js";
import { PERSONAS } from "../simulators/population/population.js";
import { SIMULATORER } from "../simulators/registry.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { type Answer, type AnswerCheck, runLoad } from "./load.js";
import type { ResolvedBenchOptions } from "./options.js";
import { startPrism, startWireMock } from "./peers.js";
import type { ServerKind } from "./protocol.js";
import { type ServerProcess, type ServerSample, startServerProcess } from "./servers.js";
import {
  type LatencySummary,
  type RssSample,
  type RssVerdict,
  rssVerdict,
  summarizeLatencies,
} from "./stats.js";

/** The figures of one server under test in one comparison. */
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
  /** True when `durationS` stopped it before its requests were done. */
  stoppedByDuration: boolean;
}

/** One target of the issue, judged. */
export interface Target {
  name: string;
  /** The measured figure, printed. */
  value: string;
  /** The target, printed ("≥ 1×"). */
  target: string;
  pass: boolean;
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
  /** Composite answers: ours (rotating identities) against WireMock (one static stub). */
  composite: {
    ours: ServerFigures;
    wiremock: ServerFigures;
    /** answers/s ours ÷ WireMock. */
    ratio: number;
    /** WireMock's rate before and after ours: how much the machine's load drifted. */
    wiremockRates: { before: number; after: number };
    /** Where WireMock's stub came from. */
    stub: "reference client (test08 all agencies)" | "our own answer";
    identities: { personas: number; generated: number };
    bytes: { oursRequestAvg: number; oursAnswerAvg: number; wiremockRequest: number; wiremockAnswer: number };
  };
  /** The LEFI endpoint: ours against Prism on the official LEFI v9 spec, same bodies. */
  lefi?: { ours: ServerFigures; prism: ServerFigures; ratio: number };
  /** Why the LEFI comparison did not run (no reference spec), when it did not. */
  lefiSkipped?: string;
  /** Errors of our simulator during warm-up (counted in the error target). */
  warmupErrors: number;
  /** Peers' warm-up failures, reported but not judged (not our errors). */
  peerWarmupErrors: string[];
  targets: Target[];
  pass: boolean;
  /** Why it did not pass (empty when it did). */
  failures: string[];
}

const REFERENCE = fileURLToPath(new URL("../../shared/reference/ssbtek-v10/", import.meta.url));
const TEST08 = `${REFERENCE}client-traffic/test08_getFinancialAid_allAgencies/`;
const LEFI_SPEC = `${REFERENCE}contract/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml`;
const LEFI_PATH = "/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga";

export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": SOAP11_CONTENT_TYPE,
  SOAPAction: '""',
};
const LEFI_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  Accept: "application/json",
};

/**
 * `n` synthetic identities that no persona has: checksum-valid personnummer in the test series
 * (serial 980–999), born 1940–2006, deterministic for the seed. The simulators make a person of
 * each (a generated history), so the load cannot be served from a handful of cached persons.
 *
 * @example
 * genereradeIdentiteter(2, 1) // ["19400102980…", …]
 */
export function genereradeIdentiteter(n: number, seed: number): string[] {
  const kanda = new Set(PERSONAS.map((p) => p.personidentitet));
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const k = (i * 7919 + seed * 104_729) >>> 0;
    const ar = 1940 + (k % 67);
    const manad = 1 + ((k >>> 3) % 12);
    const dag = 1 + ((k >>> 7) % 28);
    const serie = 980 + (i % 20);
    const nio = `${String(ar).slice(2)}${String(manad).padStart(2, "0")}${String(dag).padStart(2, "0")}${serie}`;
    const pid = `${ar}${nio.slice(2)}${kontrollsiffra(nio)}`;
    if (!kanda.has(pid) && !out.includes(pid)) out.push(pid);
  }
  return out;
}

/**
 * "HTTP 500: <what the body says>" — a peer's error page names its cause (a missing file, a
 * matcher). Masked: the page may quote the question's personidentitet.
 */
function httpFel(a: Answer): string {
  const text = maskeraText(a.body.toString("utf8", 0, Math.min(a.body.length, 400)))
    .replace(/\s+/g, " ")
    .trim();
  return text ? `HTTP ${a.status}: ${text.slice(0, 160)}` : `HTTP ${a.status}`;
}

/**
 * A composite answer with a section for every bastjänst and no error of the composite's own
 * (`kalla` SSBT: a deadline or an unreachable bastjänst). Works on latin1 text, cheap next to the
 * server's work.
 */
export function compositeCheck(): AnswerCheck {
  return (a: Answer) => {
    if (a.status !== 200) return httpFel(a);
    if (!String(a.headers["content-type"] ?? "").startsWith("text/xml"))
      return `content type ${a.headers["content-type"]}`;
    const text = a.body.toString("latin1");
    if (!text.includes("hamtaBastjanstInformationResponse>"))
      return "not a hamtaBastjanstInformationResponse";
    if (text.includes(">SSBT</")) return "a section failed in the composite service itself (kalla SSBT)";
    for (const k of BASTJANSTER) if (!text.includes(`:${k}>`)) return `no ${k} section`;
    return undefined;
  };
}

const exactCheck =
  (reference: Buffer): AnswerCheck =>
  (a) =>
    a.status !== 200 ? httpFel(a) : a.body.equals(reference) ? undefined : "not the stub's answer";

const jsonCheck: AnswerCheck = (a) =>
  a.status !== 200
    ? httpFel(a)
    : String(a.headers["content-type"] ?? "").startsWith("application/json")
      ? undefined
      : `content type ${a.headers["content-type"]}`;

async function post(url: string, headers: Readonly<Record<string, string>>, body: Buffer) {
  const res = await fetch(url, { method: "POST", headers, body: new Uint8Array(body) });
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/**
 * WireMock's first requests, one at a time, each of which must get the stub's answer. WireMock 3
 * builds its XML matcher's parser lazily, and when the first requests come in on 32 connections at
 * once that start-up can break for good: every later request then gets HTTP 500 (`DOMException:
 * NAMESPACE_ERR`), seen in two full runs of 2026-12-05. Sequential first requests are what any
 * test suite sends first; a peer that still cannot answer its own stub ends the run with its reason.
 */
export async function primeWireMock(url: string, request: Buffer, answer: Buffer, n = 20): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await post(url, REQUEST_HEADERS, request);
    const wrong = exactCheck(answer)({ status: res.status, headers: {}, body: res.body });
    if (wrong)
      throw new HarnessError(
        "BENCH_PEER_BROKEN",
        `WireMock does not answer its own stub (request ${i + 1} of the sequential start): ${wrong}`,
      );
  }
}

/** The all-seven answer of one persona, decoded: a bench of error answers proves nothing. */
async function probeAllSeven(url: string, body: Buffer): Promise<{ body: Buffer; contentType: string }> {
  const res = await post(url, REQUEST_HEADERS, body);
  const parsed = parseSoapEnvelope(res.body.toString("utf8"));
  const fault = readSoapFault(parsed.body);
  if (res.status !== 200 || fault)
    throw new HarnessError(
      "BENCH_BAD_ANSWER",
      `The simulator answered the benchmark question with HTTP ${res.status}${fault ? ` (${fault.faultstring})` : ""}; fix the chain first (npm start).`,
    );
  const svar = decodeSvar(parsed.body);
  const utan = BASTJANSTER.filter((k) => !svar.svarsdata[k] || arFel(svar.svarsdata[k]!));
  if (utan.length) {
    // What each one said: Skatteverket's planned maintenance, say, is the chain's right answer at
    // that --clock, not a broken chain.
    const sade = utan.map((k) => {
      const s = svar.svarsdata[k];
      return s && arFel(s)
        ? `${k}: ${s.error.felkod} ${s.error.felmeddelande.join(" ")}`
        : `${k}: no section`;
    });
    throw new HarnessError(
      "BENCH_BAD_ANSWER",
      `The benchmark needs data from all seven bastjänster for hela-kedjan, but ${utan.join(", ")} answered with an error or not at all (${sade.join("; ")}); pass another --clock, or fix the chain first (npm start).`,
    );
  }
  return { body: res.body, contentType: res.contentType };
}

interface Accumulator {
  server: ServerProcess;
  total: number;
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

function accumulator(server: ServerProcess, total: number, first: ServerSample): Accumulator {
  return {
    server,
    total,
    done: 0,
    errors: 0,
    errorSamples: new Set(),
    ms: 0,
    latencies: new Float64Array(total),
    rss: [{ requests: 0, rss: first.rss, heapAfterGc: first.heapAfterGc }],
    cpuStart: first.cpuMicros,
    cpuEnd: first.cpuMicros,
    stoppedByDuration: false,
  };
}

function figures(a: Accumulator, maxRssGrowth: number): ServerFigures {
  return {
    kind: a.server.kind,
    requests: a.done,
    errors: a.errors,
    errorSamples: [...a.errorSamples].slice(0, 5),
    seconds: a.ms / 1000,
    answersPerS: a.done / (a.ms / 1000),
    latency: summarizeLatencies(a.latencies, a.done),
    rss: a.rss,
    rssVerdict: rssVerdict(a.rss, maxRssGrowth),
    cpuMicrosPerAnswer: a.done ? (a.cpuEnd - a.cpuStart) / a.done : Number.NaN,
    stoppedByDuration: a.stoppedByDuration,
  };
}

/**
 * Runs the benchmark, every server in its own process and the load generator in this one, all in
 * one run so that the figures share the machine's load:
 * 1. composite answers — WireMock ½ → ours → WireMock ½. Ours answers every persona and
 *    `identities` generated persons in turn (each answer computed); WireMock replays one static
 *    stub (the reference client's own `equalToXml` mapping and answer when ../shared/reference is
 *    there). RSS of ours is sampled every `sampleEvery` requests.
 * 2. the LEFI endpoint — Prism ½ → ours → Prism ½, the same LEFI question bodies and path.
 * Then every target of docs/performance.md is judged.
 *
 * @example
 * const r = await runBench(resolveBenchOptions({ requests: 2000 }), console.error);
 * r.pass // every target held
 */
export async function runBench(
  o: ResolvedBenchOptions,
  log: (line: string) => void = () => {},
): Promise<BenchResult> {
  const loadavgStart = loadavg();
  const started: ServerProcess[] = [];
  const stopAll = () => Promise.all(started.splice(0).map((s) => s.stop()));
  try {
    const period = standardPeriod(new Date(o.clock));
    log(`Starting the simulated chain (child process, clock ${o.clock}) …`);
    const ours = await startServerProcess({ type: "start", kind: "ours", seed: o.seed, clock: o.clock });
    started.push(ours);
    const ssbtUrl = `${ours.endpoint}/ssbtek`;

    const generated = genereradeIdentiteter(o.identities, o.seed);
    const identities = [...PERSONAS.map((p) => p.personidentitet), ...generated];
    const compositeBodies = identities.map((pid, i) =>
      Buffer.from(soapEnvelope(encodeFraga(fullFraga(pid, period, `BENCH-${i}`))), "utf8"),
    );
    const helaKedjan = PERSONAS.findIndex((p) => p.id === "hela-kedjan");
    if (helaKedjan < 0)
      throw new HarnessError("BENCH_PERSONA", "Persona hela-kedjan is missing from fixtures/personas.");
    const ourAnswer = await probeAllSeven(ssbtUrl, compositeBodies[helaKedjan]!);
    // One pass over every identity: each must get a complete composite answer.
    const check = compositeCheck();
    let answerBytes = 0;
    for (const body of compositeBodies) {
      const r = await post(ssbtUrl, REQUEST_HEADERS, body);
      const wrong = check({ status: r.status, headers: { "content-type": r.contentType }, body: r.body });
      if (wrong)
        throw new HarnessError(
          "BENCH_BAD_ANSWER",
          `An identity of the load was answered wrongly (${wrong}); fix the chain first.`,
        );
      answerBytes += r.body.length;
    }
    log(
      `${identities.length} identities (${PERSONAS.length} personas + ${generated.length} generated), each answered in full.`,
    );

    // WireMock's stub: the reference client's own (its all-agencies equalToXml mapping and answer).
    let stub: BenchResult["composite"]["stub"] = "our own answer";
    let wmRequest = compositeBodies[helaKedjan]!;
    let wmStub = {
      equalToXml: wmRequest.toString("utf8"),
      answer: ourAnswer.body,
      contentType: ourAnswer.contentType,
    };
    if (existsSync(`${TEST08}wiremock-mapping.json`)) {
      const mapping = JSON.parse(readFileSync(`${TEST08}wiremock-mapping.json`, "utf8"));
      const equalToXml = String(mapping.request.bodyPatterns[0].equalToXml);
      wmStub = {
        equalToXml,
        answer: readFileSync(`${TEST08}response.xml`),
        contentType: "text/xml;charset=UTF-8",
      };
      // biome-ignore lint/suspicious/noTemplateCurlyInString: WireMock's placeholder, literally.
      wmRequest = Buffer.from(equalToXml.replaceAll("${xmlunit.ignore}", "BENCH-0001"), "utf8");
      stub = "reference client (test08 all agencies)";
    } else
      log(
        "WARNING: ../shared/reference is absent: WireMock replays our own answer instead of the reference client's stub.",
      );
    log("Starting WireMock 3 (java -jar) …");
    const wiremock = await startWireMock(wmStub);
    started.push(wiremock);
    await primeWireMock(wiremock.endpoint, wmRequest, wmStub.answer);

    let warmupErrors = 0;
    const warmupSamples = new Set<string>();
    const peerWarmupErrors: string[] = [];
    const budgetMs = o.durationS * 1000;

    /** One phase: `requests` measured requests to one server on one pool of keep-alive connections. */
    const phase = async (
      a: Accumulator,
      url: string,
      bodies: readonly Buffer[],
      headers: Readonly<Record<string, string>>,
      check: AnswerCheck,
      requests: number,
      warmup: number,
    ): Promise<number> => {
      const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
      const load = (n: number, maxMs?: number) =>
        runLoad({
          url,
          body: bodies,
          headers,
          connections: o.connections,
          requests: n,
          check,
          agent,
          ...(maxMs !== undefined ? { maxMs } : {}),
        });
      try {
        if (warmup > 0) {
          log(`Warm-up ${a.server.kind}: ${warmup} requests …`);
          const w = await load(warmup);
          // A peer's warm-up errors are its own business (WireMock 3 misses some equalToXml
          // matches while it starts up); ours must have none.
          if (a.server.kind === "ours") {
            warmupErrors += w.errors;
            for (const e of w.errorSamples) warmupSamples.add(`warm-up: ${e}`);
          } else if (w.errors > 0)
            peerWarmupErrors.push(
              `${a.server.kind}: ${w.errors} of ${warmup} warm-up requests failed (${w.errorSamples.join("; ")})`,
            );
          const s = await a.server.sample();
          if (a.done === 0) {
            a.rss = [{ requests: 0, rss: s.rss, heapAfterGc: s.heapAfterGc }];
            a.cpuStart = a.cpuEnd = s.cpuMicros;
          }
        }
        const cpuBefore = (await a.server.sample()).cpuMicros;
        a.cpuStart += cpuBefore - a.cpuEnd; // CPU between phases (idle, warm-up) is not counted
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
          if (r.timedOut || a.ms >= budgetMs) a.stoppedByDuration = a.done < a.total;
          const s = await a.server.sample();
          a.rss.push({ requests: a.done, rss: s.rss, heapAfterGc: s.heapAfterGc });
          a.cpuEnd = s.cpuMicros;
          log(
            `${a.server.kind}: ${a.done}/${a.total} requests, ${(r.completed / (r.elapsedMs / 1000)).toFixed(0)} answers/s, RSS ${mb(s.rss)}, errors ${a.errors}`,
          );
        }
        return done / (ms / 1000);
      } finally {
        agent.destroy();
      }
    };

    // 1. Composite: WireMock ½ → ours → WireMock ½.
    const half = Math.ceil(o.peerRequests / 2);
    const accOurs = accumulator(ours, o.requests, await ours.sample());
    const accWm = accumulator(wiremock, o.peerRequests, await wiremock.sample());
    const wmCheck = exactCheck(wmStub.answer);
    const wmBefore = await phase(
      accWm,
      wiremock.endpoint,
      [wmRequest],
      REQUEST_HEADERS,
      wmCheck,
      half,
      o.warmup,
    );
    await phase(accOurs, ssbtUrl, compositeBodies, REQUEST_HEADERS, check, o.requests, o.warmup);
    const wmAfter =
      o.peerRequests - half > 0
        ? await phase(
            accWm,
            wiremock.endpoint,
            [wmRequest],
            REQUEST_HEADERS,
            wmCheck,
            o.peerRequests - half,
            0,
          )
        : wmBefore;
    await wiremock.stop();
    started.splice(started.indexOf(wiremock), 1);
    const oursF = figures(accOurs, o.maxRssGrowth);
    const wmF = figures(accWm, o.maxRssGrowth);

    // 2. LEFI: Prism ½ → ours → Prism ½, same bodies.
    let lefi: BenchResult["lefi"];
    let lefiSkipped: string | undefined;
    if (existsSync(LEFI_SPEC)) {
      const lefiBodies = identities.map((pid) =>
        Buffer.from(encodeLefiFraga(lefiFraga(pid, period)), "utf8"),
      );
      log("Starting Prism on the official LEFI v9 spec …");
      const prism = await startPrism(LEFI_SPEC, LEFI_PATH);
      started.push(prism);
      const fkUrl = `${ours.endpoint}${SIMULATORER.FK.path}${LEFI_PATH}`;
      const accPrism = accumulator(prism, o.peerRequests, await prism.sample());
      const accFk = accumulator(ours, o.peerRequests, await ours.sample());
      const lhalf = Math.ceil(o.peerRequests / 2);
      await phase(accPrism, prism.endpoint, lefiBodies, LEFI_HEADERS, jsonCheck, lhalf, o.warmup);
      await phase(accFk, fkUrl, lefiBodies, LEFI_HEADERS, jsonCheck, o.peerRequests, o.warmup);
      if (o.peerRequests - lhalf > 0)
        await phase(accPrism, prism.endpoint, lefiBodies, LEFI_HEADERS, jsonCheck, o.peerRequests - lhalf, 0);
      const oursLefi = figures(accFk, o.maxRssGrowth);
      const prismF = figures(accPrism, o.maxRssGrowth);
      lefi = { ours: oursLefi, prism: prismF, ratio: oursLefi.answersPerS / prismF.answersPerS };
    } else {
      lefiSkipped = "../shared/reference is absent: no official LEFI v9 spec for Prism to mock";
      log(`WARNING: LEFI comparison SKIPPED: ${lefiSkipped}.`);
    }

    const ratio = oursF.answersPerS / wmF.answersPerS;
    const targets = judge(
      o,
      oursF,
      ratio,
      lefi,
      oursF.errors + wmF.errors + (lefi ? lefi.ours.errors + lefi.prism.errors : 0) + warmupErrors,
    );
    const failures = targets.filter((t) => !t.pass).map((t) => `${t.name} ${t.value} (target ${t.target})`);
    if (oursF.stoppedByDuration)
      failures.push(`stopped by --duration after ${oursF.requests} of ${o.requests} requests`);
    for (const e of warmupSamples) oursF.errorSamples.push(e);
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
      composite: {
        ours: oursF,
        wiremock: wmF,
        ratio,
        wiremockRates: { before: wmBefore, after: wmAfter },
        stub,
        identities: { personas: PERSONAS.length, generated: generated.length },
        bytes: {
          oursRequestAvg: Math.round(
            compositeBodies.reduce((s, b) => s + b.length, 0) / compositeBodies.length,
          ),
          oursAnswerAvg: Math.round(answerBytes / compositeBodies.length),
          wiremockRequest: wmRequest.length,
          wiremockAnswer: wmStub.answer.length,
        },
      },
      ...(lefi ? { lefi } : {}),
      ...(lefiSkipped ? { lefiSkipped } : {}),
      warmupErrors,
      peerWarmupErrors,
      targets,
      pass: failures.length === 0,
      failures,
    };
  } finally {
    await stopAll();
  }
}

/**
 * Every target of the issue, judged against the options' limits.
 *
 * @example
 * judge(options, ours, 1.2, undefined, 0).every((t) => t.pass)
 */
export function judge(
  o: ResolvedBenchOptions,
  oursF: ServerFigures,
  ratio: number,
  lefi: BenchResult["lefi"],
  errors: number,
): Target[] {
  const rssEnd = oursF.rssVerdict.end;
  return [
    {
      name: "composite answers/s ours ÷ WireMock 3",
      value: `${ratio.toFixed(2)}×`,
      target: `≥ ${o.minWiremockRatio}×`,
      pass: ratio >= o.minWiremockRatio,
    },
    {
      name: "server CPU per composite answer",
      value: `${(oursF.cpuMicrosPerAnswer / 1000).toFixed(3)} ms`,
      target: `≤ ${o.maxCpuMs} ms`,
      pass: oursF.cpuMicrosPerAnswer / 1000 <= o.maxCpuMs,
    },
    {
      name: `composite p99 at ${o.connections} connections`,
      value: `${oursF.latency.p99.toFixed(1)} ms`,
      target: `≤ ${o.maxP99Ms} ms`,
      pass: oursF.latency.p99 <= o.maxP99Ms,
    },
    ...(lefi
      ? [
          {
            name: "LEFI answers/s ours ÷ Prism",
            value: `${lefi.ratio.toFixed(2)}×`,
            target: `≥ ${o.minPrismRatio}×`,
            pass: lefi.ratio >= o.minPrismRatio,
          },
        ]
      : []),
    {
      name: `RSS after ${oursF.requests} composite requests`,
      value: mb(rssEnd),
      target: `≤ ${o.maxRssMiB} MiB`,
      pass: rssEnd <= o.maxRssMiB * 2 ** 20,
    },
    {
      name: "RSS flat (median of last 3 vs first 3 samples)",
      value: `${(oursF.rssVerdict.growth * 100).toFixed(1)} %`,
      target: `≤ +${(o.maxRssGrowth * 100).toFixed(0)} %`,
      pass: oursF.rssVerdict.flat,
    },
    {
      name: "errors (all phases, our warm-up included)",
      value: String(errors),
      target: "0",
      pass: errors === 0,
    },
  ];
}

/** Bytes as MiB with one decimal, e.g. "84.2 MiB". */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
