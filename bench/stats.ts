/** Latency percentiles of one measured run, in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The `q`-quantile (0–1) of already sorted values, nearest-rank: the smallest value with at
 * least `q` of all values at or below it (so p99 of 100 values is the 99th, never an average).
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5) // 2
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * p50/p90/p99/max/mean of the first `count` latencies (ms). Sorts a copy: the input keeps its
 * request order.
 *
 * @example
 * summarizeLatencies(Float64Array.of(3, 1, 2), 3).p50 // 2
 */
export function summarizeLatencies(latencies: Float64Array, count = latencies.length): LatencySummary {
  const sorted = latencies.slice(0, count).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: count ? sorted[count - 1]! : Number.NaN,
    mean: count ? sum / count : Number.NaN,
  };
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Least-squares slope of y over x: how much y grows per unit of x. 0 for fewer than two points
 * or no spread in x.
 *
 * @example
 * slope([0, 1, 2], [10, 12, 14]) // 2
 */
export function slope(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (x[i]! - mx) * (y[i]! - my);
    den += (x[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** One RSS sample of a server process. */
export interface RssSample {
  /** Measured requests answered before the sample (0 = right after warm-up). */
  requests: number;
  /** Resident set size in bytes. */
  rss: number;
  /** V8 heap in use right after a forced full GC, in bytes: what is really kept alive. */
  heapAfterGc: number;
}

/** What the RSS series says: baseline (after warm-up), end, max, growth and the verdict. */
export interface RssVerdict {
  /** Median of the first samples (up to three), starting with the one right after warm-up. */
  baseline: number;
  /** Median of the last samples (up to three). */
  end: number;
  max: number;
  /** (end − baseline) / baseline. */
  growth: number;
  /** RSS growth in bytes per 10 000 requests (least squares over the series). */
  slopePer10k: number;
  /** Heap after GC growth in bytes per 10 000 requests. */
  heapSlopePer10k: number;
  flat: boolean;
}

/**
 * Judges an RSS series: "flat" when the end is within `maxGrowth` (e.g. 0.15 = +15 %) of the
 * value after warm-up. Both ends are the median of up to three samples, because a single RSS
 * sample swings by ±10 % as V8 sizes and trims its heap (the value right after a short warm-up is
 * often such a low point); a leak still moves both medians apart. Also gives the least-squares
 * slopes of RSS and of the heap after GC, which show a slow leak before it crosses the limit.
 *
 * @example
 * rssVerdict([{ requests: 0, rss: 100, heapAfterGc: 50 }, { requests: 10_000, rss: 105, heapAfterGc: 50 }], 0.15).flat // true
 */
export function rssVerdict(samples: readonly RssSample[], maxGrowth: number): RssVerdict {
  if (samples.length === 0)
    return { baseline: 0, end: 0, max: 0, growth: 0, slopePer10k: 0, heapSlopePer10k: 0, flat: false };
  const rss = samples.map((s) => s.rss);
  const window = Math.max(1, Math.min(3, Math.floor(rss.length / 2)));
  const baseline = median(rss.slice(0, window));
  const end = median(rss.slice(-window));
  const growth = (end - baseline) / baseline;
  const x = samples.map((s) => s.requests / 10_000);
  return {
    baseline,
    end,
    max: Math.max(...rss),
    growth,
    slopePer10k: slope(x, rss),
    heapSlopePer10k: slope(
      x,
      samples.map((s) => s.heapAfterGc),
    ),
    flat: samples.length >= 2 && growth <= maxGrowth,
  };
}
