/**
 * The soak run (`npm run soak`): the simulator as an operator starts it (`ssbtek-harness
 * simulate`, its own process), offered a steady rate of composite questions for a bounded time
 * while faults rotate over ~20 % of the bastjänst calls. Every request is classified from the
 * client's side — complete answer, answer with the expected fault sections, refused as overloaded
 * (503 SSBT-3001), or lost (anything else: no answer in time, a reset, another status) — and the
 * server's RSS is sampled. See docs/performance.md ("Soak").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { HarnessError } from "../contract/errors.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { PERSONAS } from "../simulators/population/population.js";
import { referensFraga } from "../suites/pact/referens.js";
import { procSample } from "./peers.js";
import { binNodeFlags } from "./servers.js";
import { median, quantile } from "./stats.js";

/** Options of a soak run. All optional. */
export interface SoakOptions {
  /** Offered rate, requests per second. Default 200. */
  rate?: number;
  /** Length of the run in seconds. Default 300. */
  durationS?: number;
  /** A request without an answer after this many ms is lost. Default 30 000. */
  timeoutMs?: number;
  /** Target: every request answered or refused within this many ms. Default 1 000. */
  withinMs?: number;
  /** Target: largest RSS growth from the start (after warm-up) to the end. Default 0.10. */
  maxRssGrowth?: number;
  /** Seconds between two RSS samples. Default: a thirtieth of the run, 1–10 s. */
  sampleEveryS?: number;
  /**
   * Seconds of load at the offered rate before measuring (not counted; the RSS baseline is taken
   * after it, once V8 has sized its heap and the allocator its arena for the load — the C heap
   * grows for ≈ 60–90 s under load, then stays flat). Default: a fifth of the run, 5–60 s.
   */
  warmupS?: number;
  /** Extra `simulate` flags, e.g. ["--max-in-flight", "32"]. */
  simulateArgs?: readonly string[];
}

/** The machine during a soak, so a verdict can be read for what it is. */
export interface SoakMachine {
  cores: number;
  /** 1-minute load average at start, highest seen, at end. */
  loadStart: number;
  loadMax: number;
  loadEnd: number;
  /** CPU the load generator (this process) used, in cores (1 = one core all the time). */
  clientCpu: number;
  /** How late the generator's event loop ran, ms (p99, max): above ~50 ms it was itself starved. */
  clientLagP99: number;
  clientLagMax: number;
  /** How late requests left the generator after they were due, ms (p99). */
  sendDelayP99: number;
  /** CPU the simulator used, in cores. */
  serverCpu: number;
  /** Whether the generator kept to its schedule (send delay p99 ≤ 50 ms). */
  generatorKeptUp: boolean;
  /** Whether the machine was busier than its cores (load average above the core count). */
  busy: boolean;
}

/** What a soak run saw. */
export interface SoakResult {
  rate: number;
  durationS: number;
  sent: number;
  /** HTTP 200 composite answers without an injected fault in them. */
  complete: number;
  /** HTTP 200 composite answers with a section failed by the rotating faults (kalla SSBT, HTTP_5xx). */
  expectedFaults: number;
  /** HTTP 503 SOAP Fault SSBT-3001. */
  refused: number;
  /** Anything else: no answer within the timeout, a reset, another status or a broken answer. */
  lost: number;
  lostSamples: string[];
  /**
   * Client-side latency of answered and refused requests, ms, from the moment each request was
   * due (its place in the steady schedule), not from when the generator got round to sending it:
   * a generator that falls behind cannot hide the delay (no coordinated omission).
   */
  p50: number;
  p99: number;
  max: number;
  /** The same for the answers (HTTP 200) alone and the refusals alone. */
  answered: { p50: number; p99: number; max: number };
  refusals: { p50: number; p99: number; max: number };
  /** Answers and refusals slower than `withinMs`. */
  slowerThanTarget: number;
  withinMs: number;
  /** The machine and both processes during the measured run. */
  machine: SoakMachine;
  /** RSS of the server process, MB, one sample per `sampleEveryS`. */
  rssMb: number[];
  rssGrowth: number;
  maxRssGrowth: number;
  /**
   * The simulator's heap in use after each full garbage collection in the measured run, MB
   * (`node --trace-gc`): what it retains. RSS follows V8's choice of when to collect (it climbs for
   * tens of seconds, then drops); a leak shows here as a rising series.
   */
  heapAfterGcMb: number[];
  /** RSS 2 s after each of those full GCs, MB. */
  rssAfterGcMb: number[];
  /** Whether `rssGrowth` compares RSS after full GCs (enough of them in the run) or every sample. */
  rssJudgedAfterGc: boolean;
  /** The service-level summary the simulator printed on stop. */
  serverSummary: string;
  pass: boolean;
}

const BIN = fileURLToPath(new URL("../bin/ssbtek-harness.js", import.meta.url));

/** Fault kinds the rotation uses (each one the composite service reports as an error section). */
const ROTATION = ["down", "error:502", "error:503", "malformed", "fault", "closed", "slow:15s"] as const;

/** The generator kept up when 99 % of requests left within this many ms of being due. */
const KEPT_UP_MS = 50;
/** Full GCs needed in the measured run to judge RSS growth on the RSS right after them. */
const MIN_FULL_GCS = 4;
/** How long after a full GC its RSS is read. */
const RSS_AFTER_GC_MS = 2_000;

/** A line of `node --trace-gc` for a full collection: heap used before → after, in MB. */
const FULL_GC = /Mark-Compact(?: \(reduce\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

/**
 * Starts `simulate` in its own process, with `--trace-gc` so each full garbage collection reports
 * the heap still in use after it (`onFullGc`, MB): the soak's leak indicator, independent of when
 * V8 chooses to collect (RSS alone swings with that).
 */
function startServer(
  args: readonly string[],
  onFullGc: (heapAfterMb: number) => void,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [
      "--trace-gc",
      ...binNodeFlags(),
      BIN,
      "simulate",
      "--port",
      "0",
      "--profile",
      "fast",
      "--log-level",
      "error",
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let partial = "";
  child.stdout?.on("data", (d: Buffer) => {
    const lines = (partial + d.toString("utf8")).split("\n");
    partial = lines.pop() as string;
    for (const line of lines) {
      if (line.includes("ms: ")) {
        // A --trace-gc line (scavenges are dropped).
        const m = FULL_GC.exec(line);
        if (m) onFullGc(Number(m[3]));
        continue;
      }
      out += `${line}\n`;
    }
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      const m = /listening on (http:\/\/\S+)[\s\S]*Press Ctrl\+C/.exec(out);
      if (m) {
        clearInterval(t);
        resolve({ child, url: m[1] as string, output: () => out });
      } else if (child.exitCode !== null) {
        clearInterval(t);
        reject(new HarnessError("SOAK_SERVER", `The simulator did not start: ${out.slice(-500)}`));
      }
    }, 50);
  });
}

/**
 * Runs a soak and judges it: 0 lost, every request answered or refused within `withinMs`, RSS
 * growth below `maxRssGrowth`.
 *
 * @example
 * const r = await runSoak({ rate: 50, durationS: 20 }, console.error);
 * r.lost // 0
 */
export async function runSoak(
  o: SoakOptions = {},
  progress: (line: string) => void = () => {},
): Promise<SoakResult> {
  const rate = o.rate ?? 200;
  const durationS = o.durationS ?? 300;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const withinMs = o.withinMs ?? 1_000;
  const maxRssGrowth = o.maxRssGrowth ?? 0.1;
  const sampleEveryS = o.sampleEveryS ?? Math.min(10, Math.max(1, Math.round(durationS / 30)));
  const warmupS = o.warmupS ?? Math.min(60, Math.max(5, Math.round(durationS / 5)));
  if (!(rate > 0 && rate <= 10_000))
    throw new HarnessError("BAD_OPTION", "--rate must be 1–10000 requests/s.");
  if (!(durationS >= 5 && durationS <= 86_400))
    throw new HarnessError("BAD_OPTION", "--duration must be 5 s – 24 h.");
  if (!(warmupS >= 0 && warmupS <= 600)) throw new HarnessError("BAD_OPTION", "--warmup must be 0–600 s.");

  // Heap in use after each full GC during the measured run (MB).
  const heapAfterGc: number[] = [];
  const rssAfterGc: number[] = [];
  let measuringGc = false;
  const server = await startServer(o.simulateArgs ?? [], (mb) => {
    if (!measuringGc) return;
    heapAfterGc.push(mb);
    // RSS shortly after a full GC — V8 returns the freed pages once its concurrent sweeping is
    // done, about a second later — is the trough of its sawtooth, comparable from cycle to cycle.
    setTimeout(() => {
      try {
        rssAfterGc.push(procSample(server.child.pid as number).rss);
      } catch {
        // the process is gone: the run reports it
      }
    }, RSS_AFTER_GC_MS);
  });
  const pid = server.child.pid as number;
  const url = new URL(`${server.url}/ssbtek`);
  // The last 30 days: a period every bastjänst accepts today.
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const period = { fromDatum: day(new Date(Date.now() - 30 * 86_400_000)), tomDatum: day(new Date()) };
  const bodies = PERSONAS.map((p) =>
    Buffer.from(soapEnvelope(encodeFraga(referensFraga(p.personidentitet, { period })))),
  );
  // A client's connection pool, as a verksamhetssystem has one: requests beyond it wait in the
  // client (and that wait counts in the client's latency).
  // Idle connections are dropped after 4 s, well before the server's keep-alive timeout (65 s):
  // otherwise a request sent on a connection the server is closing at that moment is reset (a
  // race every HTTP client must avoid; see docs/operating.md).
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const answeredMs: number[] = [];
  const refusedMs: number[] = [];
  const sendDelays: number[] = [];
  const lostSamples = new Set<string>();
  let measuring = false;
  let sent = 0;
  let complete = 0;
  let expectedFaults = 0;
  let refused = 0;
  let lost = 0;
  let open = 0;

  /** Sends one request that was due at `due` (performance.now() time). */
  const one = (body: Buffer, due: number) => {
    const counted = measuring;
    if (counted) {
      sent += 1;
      sendDelays.push(performance.now() - due);
    }
    open += 1;
    let settled = false;
    const settle = (kind: "complete" | "fault" | "refused" | "lost", why?: string) => {
      if (settled) return;
      settled = true;
      open -= 1;
      if (!counted) return;
      if (kind === "lost") {
        lost += 1;
        if (why && lostSamples.size < 5) lostSamples.add(why);
        return;
      }
      const ms = performance.now() - due;
      if (kind === "refused") {
        refused += 1;
        refusedMs.push(ms);
        return;
      }
      answeredMs.push(ms);
      if (kind === "complete") complete += 1;
      else expectedFaults += 1;
    };
    const req = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "text/xml; charset=utf-8", "Content-Length": String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode === 503 && text.includes(SSBT_FELKOD.OVERBELASTAD)) settle("refused");
          else if (res.statusCode !== 200 || !text.includes("hamtaBastjanstInformationResponse"))
            settle("lost", `HTTP ${res.statusCode}: ${text.slice(0, 80)}`);
          // An injected fault shows as a section the composite reports (kalla SSBT) or an HTTP error of the bastjänst.
          else settle(/kalla>SSBT<|HTTP_\d{3}|SSBT-200\d/.test(text) ? "fault" : "complete");
        });
        res.on("error", (e) => settle("lost", e.message));
      },
    );
    req.setTimeout(timeoutMs, () => {
      settle("lost", `no answer within ${timeoutMs} ms`);
      req.destroy();
    });
    req.on("error", (e) => settle("lost", e.message));
    req.end(body);
  };

  const putFaults = async (faults: Record<string, string>) => {
    await fetch(`${server.url}/__admin/faults`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(faults),
    }).catch(() => undefined);
  };

  // Rotating faults: each second one or two of the seven bastjänster (alternately: 1.5/7 ≈ 21 %
  // of the calls) get the next fault kind of the rotation.
  let tick = 0;
  const rotate = async () => {
    const n = tick % 2 === 0 ? 1 : 2;
    const faults: Record<string, string> = {};
    for (let k = 0; k < n; k++)
      faults[BASTJANSTER[(tick * 3 + k * 4) % BASTJANSTER.length] as string] = ROTATION[
        (tick + k) % ROTATION.length
      ] as string;
    tick += 1;
    await putFaults(faults);
  };

  /**
   * Offers the rate for `seconds` on a steady schedule (open loop): request i is due at
   * start + i / rate whatever happened to the earlier ones; every 5 ms the generator sends all
   * that are due.
   */
  let i = 0;
  const offer = (seconds: number) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const first = i;
      const total = Math.round(seconds * rate);
      const pump = setInterval(() => {
        const now = performance.now();
        while (i - first < total) {
          const due = start + ((i - first) * 1000) / rate;
          if (due > now) break;
          one(bodies[i % bodies.length] as Buffer, due);
          i += 1;
        }
        if (i - first >= total) {
          clearInterval(pump);
          resolve();
        }
      }, 5);
    });
  const settled = () =>
    new Promise<void>((r) => {
      const t = setInterval(() => {
        if (open === 0) {
          clearInterval(t);
          r();
        }
      }, 50);
    });

  const cores = availableParallelism();
  const loadStart = loadavg()[0] as number;
  let loadMax = loadStart;
  // Warm-up at the offered rate (faults rotating), not counted: V8 sizes its heap for the load
  // and the code paths are compiled before the RSS baseline is taken.
  progress(`soak: ${server.url}, warming up for ${warmupS} s at ${rate} requests/s…`);
  await rotate();
  const rotation = setInterval(() => void rotate(), 1000);
  await offer(warmupS);
  measuring = true;
  measuringGc = true;
  const rss: number[] = [procSample(pid).rss];
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = process.cpuUsage();
  const serverCpu0 = procSample(pid).cpuMicros;
  const t0 = performance.now();
  const sampler = setInterval(() => {
    rss.push(procSample(pid).rss);
    loadMax = Math.max(loadMax, loadavg()[0] as number);
    const s = Math.round((performance.now() - t0) / 1000);
    progress(
      `soak ${s}s: sent ${sent}, complete ${complete}, faults ${expectedFaults}, refused ${refused}, lost ${lost}, open ${open}, rss ${(rss.at(-1)! / 1e6).toFixed(0)} MB, load ${(loadavg()[0] as number).toFixed(1)}`,
    );
  }, sampleEveryS * 1000);
  await offer(durationS);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = (procSample(pid).cpuMicros - serverCpu0) / 1000 / wall;
  lag.disable();
  measuring = false;
  clearInterval(rotation);
  // Wait for the last answers (at most the client timeout).
  await settled();
  clearInterval(sampler);
  rss.push(procSample(pid).rss);
  measuringGc = false;
  const loadEnd = loadavg()[0] as number;
  loadMax = Math.max(loadMax, loadEnd);
  agent.destroy();
  await putFaults({});
  const exited = new Promise<void>((r) => server.child.once("exit", () => r()));
  server.child.kill("SIGTERM");
  await exited;
  const out = server.output();
  const summaryAt = out.lastIndexOf("SSBTEK service levels");
  const serverSummary = summaryAt < 0 ? "" : out.slice(summaryAt).trim();

  const figures = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return sorted.length
      ? { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] as number }
      : { p50: 0, p99: 0, max: 0 };
  };
  const all = figures([...answeredMs, ...refusedMs]);
  // Growth = the median of the last third of a series against the first third. RSS follows V8's
  // sawtooth (it climbs for tens of seconds until a full GC, then drops), so with enough full GCs
  // in the run the series judged is the RSS right after each of them; otherwise every sample.
  const growth = (series: number[]) => {
    const third = Math.max(1, Math.floor(series.length / 3));
    const baseline = median(series.slice(0, third));
    return baseline > 0 ? (median(series.slice(-third)) - baseline) / baseline : 0;
  };
  const rssJudgedAfterGc = rssAfterGc.length >= MIN_FULL_GCS;
  const rssGrowth = growth(rssJudgedAfterGc ? rssAfterGc : rss);
  const slowerThanTarget =
    answeredMs.filter((l) => l > withinMs).length + refusedMs.filter((l) => l > withinMs).length;
  const sendDelayP99 = figures(sendDelays).p99;
  const machine: SoakMachine = {
    cores,
    loadStart,
    loadMax,
    loadEnd,
    clientCpu: (cpu.user + cpu.system) / 1000 / wall,
    clientLagP99: lag.percentile(99) / 1e6,
    clientLagMax: lag.max / 1e6,
    sendDelayP99,
    serverCpu,
    generatorKeptUp: sendDelayP99 <= KEPT_UP_MS,
    busy: loadMax > cores,
  };
  return {
    rate,
    durationS,
    sent,
    complete,
    expectedFaults,
    refused,
    lost,
    lostSamples: [...lostSamples],
    ...all,
    answered: figures(answeredMs),
    refusals: figures(refusedMs),
    slowerThanTarget,
    withinMs,
    machine,
    rssMb: rss.map((r) => Math.round(r / 1e5) / 10),
    rssGrowth,
    heapAfterGcMb: heapAfterGc,
    rssAfterGcMb: rssAfterGc.map((r) => Math.round(r / 1e5) / 10),
    rssJudgedAfterGc,
    maxRssGrowth,
    serverSummary,
    pass: lost === 0 && slowerThanTarget === 0 && rssGrowth < maxRssGrowth && sent > 0,
  };
}

/**
 * The soak result as text for the operator.
 *
 * @example
 * console.log(formatSoak(result));
 */
export function formatSoak(r: SoakResult): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const m = r.machine;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
  const rssOk = r.rssGrowth < r.maxRssGrowth;
  const lines = [
    `Soak: ${r.rate} requests/s offered for ${r.durationS} s (open loop, after a warm-up at the same rate), rotating faults on ~20 % of the bastjänst calls`,
    `  sent ${r.sent}: complete answers ${r.complete}, answers with expected fault sections ${r.expectedFaults}, refused (503 SSBT-3001) ${r.refused}, lost ${r.lost}`,
    ...r.lostSamples.map((s) => `    lost: ${s}`),
    `  client latency from when each request was due: p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; slower than ${r.withinMs} ms: ${r.slowerThanTarget}`,
    `    answers p50 ${ms(r.answered.p50)}, p99 ${ms(r.answered.p99)}, max ${ms(r.answered.max)}; refusals p50 ${ms(r.refusals.p50)}, p99 ${ms(r.refusals.p99)}, max ${ms(r.refusals.max)}`,
    `  server RSS (MB, every sample): ${r.rssMb.join(" ")}`,
    `  heap in use after each full GC (MB): ${r.heapAfterGcMb.length ? r.heapAfterGcMb.join(" ") : "none in the measured run"}`,
    `  server RSS 2 s after each full GC (MB): ${r.rssAfterGcMb.length ? r.rssAfterGcMb.join(" ") : "none"}`,
    `  RSS growth ${pct(r.rssGrowth)}: median of the last third against the first third of ${r.rssJudgedAfterGc ? "the RSS 2 s after each full GC" : `every sample (fewer than ${MIN_FULL_GCS} full GCs in the run: the figure includes where V8 was in its collection cycle)`}`,
    `  machine: ${m.cores} cores, load average ${m.loadStart.toFixed(1)} at start, ${m.loadMax.toFixed(1)} at most, ${m.loadEnd.toFixed(1)} at end; simulator CPU ${m.serverCpu.toFixed(2)} cores, load generator ${m.clientCpu.toFixed(2)} cores (event-loop delay p99 ${ms(m.clientLagP99)}, max ${ms(m.clientLagMax)}; requests left p99 ${ms(m.sendDelayP99)} after they were due)`,
    "  targets:",
    `    0 lost                                     ${verdict(r.lost === 0)} (${r.lost})`,
    `    every request answered or refused ≤ ${r.withinMs} ms ${verdict(r.slowerThanTarget === 0)} (${r.slowerThanTarget} slower)`,
    `    RSS growth < ${pct(r.maxRssGrowth)}                        ${verdict(rssOk)} (${pct(r.rssGrowth)})`,
  ];
  const caveats: string[] = [];
  if (!m.generatorKeptUp)
    caveats.push(
      `the load generator fell behind its schedule (p99 ${ms(m.sendDelayP99)} late): latencies count from when requests were due, so they include its delay`,
    );
  if (m.busy)
    caveats.push(
      `the machine was busier than its ${m.cores} cores (load average up to ${m.loadMax.toFixed(1)}): latencies include time both processes waited for a CPU; repeat on a quiet machine for a verdict on the simulator alone`,
    );
  for (const c of caveats) lines.push(`  note: ${c}.`);
  lines.push(`  verdict: ${r.pass ? "PASS" : "FAIL"}${!r.pass && caveats.length ? " (see the notes)" : ""}`);
  if (r.serverSummary) lines.push("", "The simulator's own summary on stop:", r.serverSummary);
  return lines.join("\n");
}
