/**
 * The soak run (`npm run soak`): the simulator as an operator starts it (`ssbtek-harness
 * simulate`, its own process), offered a steady rate of composite questions for a bounded time
 * while faults rotate over ~20 % of the bastjänst calls. Every request is classified from the
 * client's side — complete answer, answer with the expected fault sections, refused as overloaded
 * (503 SSBT-3001), or lost (anything else: no answer in time, a reset, another status) — and the
 * server's RSS is sampled. See docs/performance.md ("Soak").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { HarnessError } from "../contract/errors.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { PERSONAS } from "../simulators/population/population.js";
import { referensFraga } from "../suites/pact/referens.js";
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
  /** Seconds between two RSS samples. Default 10. */
  sampleEveryS?: number;
  /** Extra `simulate` flags, e.g. ["--max-in-flight", "32"]. */
  simulateArgs?: readonly string[];
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
  /** Client-side latency of answered and refused requests, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Answers and refusals slower than `withinMs`. */
  slowerThanTarget: number;
  withinMs: number;
  /** RSS of the server process, MB, one sample per `sampleEveryS`. */
  rssMb: number[];
  rssGrowth: number;
  maxRssGrowth: number;
  /** The service-level summary the simulator printed on stop. */
  serverSummary: string;
  pass: boolean;
}

const BIN = fileURLToPath(new URL("../bin/ssbtek-harness.js", import.meta.url));

/** Fault kinds the rotation uses (each one the composite service reports as an error section). */
const ROTATION = ["down", "error:502", "error:503", "malformed", "fault", "closed", "slow:15s"] as const;

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : 0;
}

function startServer(
  args: readonly string[],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [BIN, "simulate", "--port", "0", "--profile", "fast", "--log-level", "error", ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
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
  const sampleEveryS = o.sampleEveryS ?? 10;
  if (!(rate > 0 && rate <= 10_000))
    throw new HarnessError("BAD_OPTION", "--rate must be 1–10000 requests/s.");
  if (!(durationS >= 5 && durationS <= 86_400))
    throw new HarnessError("BAD_OPTION", "--duration must be 5 s – 24 h.");

  const server = await startServer(o.simulateArgs ?? []);
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
  // Idle connections are dropped after 4 s, before the server's 5 s keep-alive timeout: otherwise
  // a request sent on a connection the server is closing at that moment is reset (a client-side
  // race every HTTP client must avoid; see docs/operating.md).
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const latencies: number[] = [];
  const lostSamples = new Set<string>();
  let sent = 0;
  let complete = 0;
  let expectedFaults = 0;
  let refused = 0;
  let lost = 0;
  let open = 0;

  const one = (body: Buffer) => {
    sent += 1;
    open += 1;
    const t0 = performance.now();
    let settled = false;
    const settle = (kind: "complete" | "fault" | "refused" | "lost", why?: string) => {
      if (settled) return;
      settled = true;
      open -= 1;
      if (kind === "lost") {
        lost += 1;
        if (why && lostSamples.size < 5) lostSamples.add(why);
        return;
      }
      latencies.push(performance.now() - t0);
      if (kind === "complete") complete += 1;
      else if (kind === "fault") expectedFaults += 1;
      else refused += 1;
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

  // Warm-up: a few seconds at a quarter of the rate, not counted, then the RSS baseline.
  progress(`soak: ${server.url}, warming up…`);
  for (let i = 0; i < Math.min(500, rate * 2); i++) one(bodies[i % bodies.length] as Buffer);
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (open === 0) {
        clearInterval(t);
        r();
      }
    }, 50);
  });
  sent = complete = expectedFaults = refused = lost = 0;
  latencies.length = 0;
  lostSamples.clear();
  const rss: number[] = [rssOf(pid)];

  await rotate();
  const t0 = performance.now();
  const endAt = t0 + durationS * 1000;
  let due = 0;
  let i = 0;
  const rotation = setInterval(() => void rotate(), 1000);
  const sampler = setInterval(() => {
    rss.push(rssOf(pid));
    const s = Math.round((performance.now() - t0) / 1000);
    progress(
      `soak ${s}s: sent ${sent}, complete ${complete}, faults ${expectedFaults}, refused ${refused}, lost ${lost}, open ${open}, rss ${(rss.at(-1)! / 1e6).toFixed(0)} MB`,
    );
  }, sampleEveryS * 1000);
  await new Promise<void>((resolve) => {
    const pump = setInterval(() => {
      const now = performance.now();
      if (now >= endAt) {
        clearInterval(pump);
        resolve();
        return;
      }
      due = ((now - t0) / 1000) * rate;
      while (i < due) {
        one(bodies[i % bodies.length] as Buffer);
        i += 1;
      }
    }, 5);
  });
  clearInterval(rotation);
  // Wait for the last answers (at most the client timeout).
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (open === 0) {
        clearInterval(t);
        r();
      }
    }, 50);
  });
  clearInterval(sampler);
  rss.push(rssOf(pid));
  agent.destroy();
  await putFaults({});
  const exited = new Promise<void>((r) => server.child.once("exit", () => r()));
  server.child.kill("SIGTERM");
  await exited;
  const out = server.output();
  const summaryAt = out.lastIndexOf("SSBTEK service levels");
  const serverSummary = summaryAt < 0 ? "" : out.slice(summaryAt).trim();

  const sorted = Float64Array.from(latencies).sort();
  // Start and end are medians of the first and last third of the series: one RSS sample swings by
  // ±15 % as V8 sizes its heap under load, a leak moves both thirds apart.
  const third = Math.max(1, Math.floor(rss.length / 3));
  const baseline = median(rss.slice(0, third));
  const end = median(rss.slice(-third));
  const rssGrowth = baseline > 0 ? (end - baseline) / baseline : 0;
  const slowerThanTarget = latencies.filter((l) => l > withinMs).length;
  return {
    rate,
    durationS,
    sent,
    complete,
    expectedFaults,
    refused,
    lost,
    lostSamples: [...lostSamples],
    p50: sorted.length ? quantile(sorted, 0.5) : 0,
    p99: sorted.length ? quantile(sorted, 0.99) : 0,
    max: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
    slowerThanTarget,
    withinMs,
    rssMb: rss.map((r) => Math.round(r / 1e5) / 10),
    rssGrowth,
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
  const lines = [
    `Soak: ${r.rate} requests/s offered for ${r.durationS} s, rotating faults on ~20 % of the bastjänst calls`,
    `  sent ${r.sent}: complete answers ${r.complete}, answers with expected fault sections ${r.expectedFaults}, refused (503 SSBT-3001) ${r.refused}, lost ${r.lost}`,
    ...r.lostSamples.map((s) => `    lost: ${s}`),
    `  client latency: p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; slower than ${r.withinMs} ms: ${r.slowerThanTarget}`,
    `  server RSS (MB, every sample): ${r.rssMb.join(" ")}`,
    `  RSS growth ${pct(r.rssGrowth)} (target < ${pct(r.maxRssGrowth)})`,
    `  targets: 0 lost ${r.lost === 0 ? "met" : "NOT MET"}; all answered or refused within ${r.withinMs} ms ${r.slowerThanTarget === 0 ? "met" : "NOT MET"}; RSS ${r.rssGrowth < r.maxRssGrowth ? "met" : "NOT MET"}`,
    `  ${r.pass ? "PASS" : "FAIL"}`,
  ];
  if (r.serverSummary) lines.push("", "The simulator's own summary on stop:", r.serverSummary);
  return lines.join("\n");
}
