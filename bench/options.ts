import { parseArgs } from "node:util";
import { HarnessError } from "../contract/errors.js";

/** Options of `npm run bench`. All optional; {@link resolveBenchOptions} fills in the defaults. */
export interface BenchOptions {
  /** Measured requests per server (after warm-up). Default 100 000. */
  requests?: number;
  /** Concurrent keep-alive connections. Default 32. */
  connections?: number;
  /** Warm-up requests per server, not measured. Default 5 000. */
  warmup?: number;
  /** Requests between two RSS samples (also the length of one interleaved round). Default 10 000. */
  sampleEvery?: number;
  /** Longest measured time per server in seconds: stops early rather than run forever. Default 900. */
  durationS?: number;
  /** Least acceptable ratio ours/bare. Default 0.5. */
  minRatio?: number;
  /** Largest acceptable RSS growth from after warm-up to the end, e.g. 0.15 = +15 %. Default 0.15. */
  maxRssGrowth?: number;
  /** Seed of the simulated chain. Default 1. */
  seed?: number;
  /** Print the result as JSON instead of a table. */
  json?: boolean;
}

export type ResolvedBenchOptions = Required<BenchOptions>;

/** The defaults, and the small smoke run of `--quick`. */
export const BENCH_DEFAULTS: ResolvedBenchOptions = {
  requests: 100_000,
  connections: 32,
  warmup: 5_000,
  sampleEvery: 10_000,
  durationS: 900,
  minRatio: 0.5,
  maxRssGrowth: 0.15,
  seed: 1,
  json: false,
};
export const QUICK: BenchOptions = { requests: 4_000, warmup: 500, sampleEvery: 1_000, durationS: 120 };

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
  positiveInt("connections", r.connections);
  positiveInt("sample-every", r.sampleEvery);
  if (!Number.isInteger(r.warmup) || r.warmup < 0)
    throw new HarnessError("BAD_OPTION", `Invalid --warmup ${r.warmup}: pass a whole number ≥ 0.`);
  if (r.connections > 1024)
    throw new HarnessError("BAD_OPTION", `Invalid --connections ${r.connections}: at most 1024.`);
  if (!(r.durationS > 0) || !Number.isFinite(r.durationS))
    throw new HarnessError("BAD_OPTION", `Invalid --duration ${r.durationS}: pass seconds > 0, e.g. 600.`);
  if (!(r.minRatio >= 0) || !Number.isFinite(r.minRatio))
    throw new HarnessError("BAD_OPTION", `Invalid --min-ratio ${r.minRatio}: pass a number ≥ 0, e.g. 0.5.`);
  if (!(r.maxRssGrowth >= 0) || !Number.isFinite(r.maxRssGrowth))
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid --max-rss-growth ${r.maxRssGrowth}: pass a fraction ≥ 0, e.g. 0.15.`,
    );
  if (!Number.isInteger(r.seed))
    throw new HarnessError("BAD_OPTION", `Invalid --seed ${r.seed}: pass an integer.`);
  return { ...r, sampleEvery: Math.min(r.sampleEvery, r.requests) };
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

  --requests N         measured requests per server (default 100000)
  --connections N      concurrent keep-alive connections (default 32)
  --warmup N           warm-up requests per server, not measured (default 5000)
  --sample-every N     requests between RSS samples / per interleaved round (default 10000)
  --duration D         longest measured time per server, e.g. 600, 600s, 10m (default 900s)
  --min-ratio F        fail below this ratio ours/bare (default 0.5)
  --max-rss-growth F   fail when RSS grows more than this after warm-up (default 0.15 = +15 %)
  --seed N             seed of the simulated chain (default 1)
  --quick              smoke run: 4000 requests, 500 warm-up, sample every 1000
  --json               print the result as JSON
  --help               this text

Exits 0 when errors = 0, ratio ≥ min-ratio and RSS is flat; 1 otherwise; 2 on bad options.`;

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
  set("minRatio", num("min-ratio", v["min-ratio"]));
  set("maxRssGrowth", num("max-rss-growth", v["max-rss-growth"]));
  set("seed", num("seed", v.seed));
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
      "min-ratio": { type: "string" },
      "max-rss-growth": { type: "string" },
      seed: { type: "string" },
      quick: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
