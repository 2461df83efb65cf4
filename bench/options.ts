import { parseArgs } from "node:util";
import { HarnessError } from "../contract/errors.js";
import { REFERENS_KLOCKA } from "../suites/pact/referens.js";

/** Options of `npm run bench`. All optional; {@link resolveBenchOptions} fills in the defaults. */
export interface BenchOptions {
  /** Measured composite requests to our simulator (after warm-up). Default 100 000. */
  requests?: number;
  /** Measured requests to each peer (WireMock, Prism) and to our LEFI endpoint. Default 20 000. */
  peerRequests?: number;
  /** Generated identities in the load besides every persona. Default 1 000. */
  identities?: number;
  /** Concurrent keep-alive connections. Default 32. */
  connections?: number;
  /** Warm-up requests per server, not measured. Default 10 000 (5 000 left the first measured 10 000 slower, ours and WireMock's). */
  warmup?: number;
  /** Requests between two RSS samples (also the length of one interleaved round). Default 10 000. */
  sampleEvery?: number;
  /** Longest measured time per server in seconds: stops early rather than run forever. Default 900. */
  durationS?: number;
  /** Least acceptable composite answers/s ours ÷ WireMock. Default 1. */
  minWiremockRatio?: number;
  /** Most server CPU per composite answer, ms. Default 1. */
  maxCpuMs?: number;
  /** Most composite p99 at the given connections, ms. Default 50. */
  maxP99Ms?: number;
  /** Least LEFI answers/s ours ÷ Prism. Default 3. */
  minPrismRatio?: number;
  /** Most RSS of our simulator at the end of the run, MiB. Default 150. */
  maxRssMiB?: number;
  /** Largest acceptable RSS growth from after warm-up to the end, e.g. 0.15 = +15 %. Default 0.15. */
  maxRssGrowth?: number;
  /** Seed of the simulated chain. Default 1. */
  seed?: number;
  /**
   * The simulated chain's clock, frozen (ISO date-time), and the day the load's question period
   * ends. Default: the harness's reference instant, a Friday morning — never the wall clock, so a
   * run is the same on any day (Skatteverket is closed on Sundays 02.00–04.00).
   */
  clock?: string;
  /** Print the result as JSON instead of a table. */
  json?: boolean;
}

export type ResolvedBenchOptions = Required<BenchOptions>;

/** The defaults, and the small smoke run of `--quick`. */
export const BENCH_DEFAULTS: ResolvedBenchOptions = {
  requests: 100_000,
  peerRequests: 20_000,
  identities: 1_000,
  connections: 32,
  warmup: 10_000,
  sampleEvery: 10_000,
  durationS: 900,
  minWiremockRatio: 1,
  maxCpuMs: 1,
  maxP99Ms: 50,
  minPrismRatio: 3,
  maxRssMiB: 150,
  maxRssGrowth: 0.15,
  seed: 1,
  clock: REFERENS_KLOCKA,
  json: false,
};
export const QUICK: BenchOptions = {
  requests: 4_000,
  peerRequests: 2_000,
  warmup: 500,
  sampleEvery: 1_000,
  durationS: 120,
};

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1)
    throw new HarnessError("BAD_OPTION", `Invalid --${name} ${v}: pass a whole number ≥ 1.`);
  return v;
}

/**
 * Fills in defaults and checks every option.
 *
 * @example
 * resolveBenchOptions({ requests: 1000 }).sampleEvery // 1000 (never more than the requests)
 */
export function resolveBenchOptions(o: BenchOptions = {}): ResolvedBenchOptions {
  const r = { ...BENCH_DEFAULTS, ...o };
  positiveInt("requests", r.requests);
  positiveInt("peer-requests", r.peerRequests);
  if (!Number.isInteger(r.identities) || r.identities < 0)
    throw new HarnessError("BAD_OPTION", `Invalid --identities ${r.identities}: pass a whole number ≥ 0.`);
  positiveInt("connections", r.connections);
  positiveInt("sample-every", r.sampleEvery);
  if (!Number.isInteger(r.warmup) || r.warmup < 0)
    throw new HarnessError("BAD_OPTION", `Invalid --warmup ${r.warmup}: pass a whole number ≥ 0.`);
  if (r.connections > 1024)
    throw new HarnessError("BAD_OPTION", `Invalid --connections ${r.connections}: at most 1024.`);
  if (!(r.durationS > 0) || !Number.isFinite(r.durationS))
    throw new HarnessError("BAD_OPTION", `Invalid --duration ${r.durationS}: pass seconds > 0, e.g. 600.`);
  for (const [flag, v] of [
    ["min-wiremock-ratio", r.minWiremockRatio],
    ["max-cpu-ms", r.maxCpuMs],
    ["max-p99-ms", r.maxP99Ms],
    ["min-prism-ratio", r.minPrismRatio],
    ["max-rss-mib", r.maxRssMiB],
  ] as const)
    if (!(v >= 0) || !Number.isFinite(v))
      throw new HarnessError("BAD_OPTION", `Invalid --${flag} ${v}: pass a number ≥ 0.`);
  if (!(r.maxRssGrowth >= 0) || !Number.isFinite(r.maxRssGrowth))
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid --max-rss-growth ${r.maxRssGrowth}: pass a fraction ≥ 0, e.g. 0.15.`,
    );
  if (!Number.isInteger(r.seed))
    throw new HarnessError("BAD_OPTION", `Invalid --seed ${r.seed}: pass an integer.`);
  if (Number.isNaN(new Date(r.clock).getTime()))
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid --clock "${r.clock}": pass an ISO date-time, e.g. ${REFERENS_KLOCKA}.`,
    );
  return { ...r, sampleEvery: Math.min(r.sampleEvery, r.requests, r.peerRequests) };
}

/** "10s", "2m", "90" (seconds) → seconds. */
function seconds(name: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (!m)
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid --${name} "${v}": pass a duration such as 600, 600s or 10m.`,
    );
  const n = Number(m[1]);
  return m[2] === "ms" ? n / 1000 : m[2] === "m" ? n * 60 : n;
}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replaceAll("_", ""));
  if (v.trim() === "" || !Number.isFinite(n))
    throw new HarnessError("BAD_OPTION", `Invalid --${name} "${v}": pass a number.`);
  return n;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --requests N         measured composite requests to our simulator (default 100000)
  --peer-requests N    measured requests to WireMock, to Prism and to our LEFI endpoint (default 20000)
  --identities N       generated identities in the load besides every persona (default 1000)
  --connections N      concurrent keep-alive connections (default 32)
  --warmup N           warm-up requests per server, not measured (default 10000)
  --sample-every N     requests between RSS samples / per interleaved round (default 10000)
  --duration D         longest measured time per server, e.g. 600, 600s, 10m (default 900s)
  --min-wiremock-ratio F  fail below composite answers/s ours ÷ WireMock (default 1)
  --max-cpu-ms F       fail above this server CPU per composite answer (default 1)
  --max-p99-ms F       fail above this composite p99 (default 50)
  --min-prism-ratio F  fail below LEFI answers/s ours ÷ Prism (default 3)
  --max-rss-mib F      fail above this RSS of ours at the end (default 150)
  --max-rss-growth F   fail when RSS grows more than this after warm-up (default 0.15 = +15 %)
  --seed N             seed of the simulated chain (default 1)
  --clock ISO          the simulated chain's frozen clock (default ${REFERENS_KLOCKA}, a Friday)
  --quick              smoke run: 4000 + 2000 per peer, 500 warm-up, sample every 1000
  --json               print the result as JSON
  --help               this text

Needs Java (WireMock) and ../shared/reference (Prism mocks the official LEFI spec; skipped loudly
without it). Exits 0 when every target holds; 1 otherwise; 2 on bad options.`;

/**
 * Parses `npm run bench -- …` arguments. `help` is true for --help. Explicit flags win over
 * `--quick`.
 *
 * @example
 * parseBenchArgs(["--quick", "--connections", "8"]).options.connections // 8
 */
export function parseBenchArgs(argv: readonly string[]): { options: BenchOptions; help: boolean } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new HarnessError("BAD_OPTION", `${(e as Error).message}. See npm run bench -- --help.`);
  }
  const v = parsed.values;
  const explicit: BenchOptions = {};
  const set = <K extends keyof BenchOptions>(k: K, value: BenchOptions[K] | undefined) => {
    if (value !== undefined) explicit[k] = value;
  };
  set("requests", num("requests", v.requests));
  set("connections", num("connections", v.connections));
  set("warmup", num("warmup", v.warmup));
  set("sampleEvery", num("sample-every", v["sample-every"]));
  set("durationS", v.duration === undefined ? undefined : seconds("duration", v.duration));
  set("peerRequests", num("peer-requests", v["peer-requests"]));
  set("identities", num("identities", v.identities));
  set("minWiremockRatio", num("min-wiremock-ratio", v["min-wiremock-ratio"]));
  set("maxCpuMs", num("max-cpu-ms", v["max-cpu-ms"]));
  set("maxP99Ms", num("max-p99-ms", v["max-p99-ms"]));
  set("minPrismRatio", num("min-prism-ratio", v["min-prism-ratio"]));
  set("maxRssMiB", num("max-rss-mib", v["max-rss-mib"]));
  set("maxRssGrowth", num("max-rss-growth", v["max-rss-growth"]));
  set("seed", num("seed", v.seed));
  set("clock", v.clock);
  if (v.json) explicit.json = true;
  return { options: { ...(v.quick ? QUICK : {}), ...explicit }, help: v.help === true };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      requests: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      "sample-every": { type: "string" },
      duration: { type: "string" },
      "peer-requests": { type: "string" },
      identities: { type: "string" },
      "min-wiremock-ratio": { type: "string" },
      "max-cpu-ms": { type: "string" },
      "max-p99-ms": { type: "string" },
      "min-prism-ratio": { type: "string" },
      "max-rss-mib": { type: "string" },
      "max-rss-growth": { type: "string" },
      seed: { type: "string" },
      clock: { type: "string" },
      quick: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
