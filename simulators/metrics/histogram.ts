/**
 * Upper bounds (ms, inclusive) of the fixed duration buckets: 1 ms wide up to 100 ms, 10 ms up to
 * 1 s, 50 ms up to 15 s (covers the 7 s and 12 s service levels finely), 500 ms up to 60 s; one
 * overflow bucket above. Fixed at load time, so a histogram never grows.
 */
export const BUCKET_BOUNDS_MS: readonly number[] = (() => {
  const bounds: number[] = [];
  for (let b = 1; b <= 100; b += 1) bounds.push(b);
  for (let b = 110; b <= 1_000; b += 10) bounds.push(b);
  for (let b = 1_050; b <= 15_000; b += 50) bounds.push(b);
  for (let b = 15_500; b <= 60_000; b += 500) bounds.push(b);
  return Object.freeze(bounds);
})();

/** Index of the first bucket whose upper bound is ≥ ms (binary search); the last index is overflow. */
function bucketIndex(ms: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (BUCKET_BOUNDS_MS[mid]! >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Percentiles and extremes of a histogram, in ms (undefined while empty). */
export interface DurationStats {
  antal: number;
  p50?: number;
  p90?: number;
  p99?: number;
  min?: number;
  max?: number;
  medel?: number;
}

/**
 * A fixed-bucket duration histogram: constant memory whatever the number of samples, and fully
 * deterministic (no sampling). A percentile is the upper bound of the bucket holding that rank
 * (nearest-rank method), clamped to the exact observed min and max, so it is never off by more than
 * one bucket width.
 *
 * @example
 * const h = new DurationHistogram();
 * for (const ms of [120, 340, 5_000]) h.record(ms);
 * h.percentile(0.5) // 340
 * h.max // 5000
 */
export class DurationHistogram {
  private readonly counts = new Uint32Array(BUCKET_BOUNDS_MS.length + 1);
  private n = 0;
  private sum = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  /** Records one duration; negative or non-finite values count as 0 ms. */
  record(ms: number): void {
    const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.counts[bucketIndex(v)]! += 1;
    this.n += 1;
    this.sum += v;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
  }

  /** Number of recorded durations. */
  get count(): number {
    return this.n;
  }

  /** Largest recorded duration (exact), undefined while empty. */
  get max(): number | undefined {
    return this.n === 0 ? undefined : this.hi;
  }

  /** Smallest recorded duration (exact), undefined while empty. */
  get min(): number | undefined {
    return this.n === 0 ? undefined : this.lo;
  }

  /** Mean duration (exact), undefined while empty. */
  get mean(): number | undefined {
    return this.n === 0 ? undefined : this.sum / this.n;
  }

  /** Number of buckets: constant, whatever was recorded. */
  get bucketCount(): number {
    return this.counts.length;
  }

  /**
   * The duration at or below which a share `p` (0 < p ≤ 1) of the samples fall, by nearest rank.
   *
   * @example
   * h.percentile(0.9)
   */
  percentile(p: number): number | undefined {
    if (this.n === 0) return undefined;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, p)) * this.n));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const upper = i < BUCKET_BOUNDS_MS.length ? BUCKET_BOUNDS_MS[i]! : this.hi;
        return Math.min(Math.max(upper, this.lo), this.hi);
      }
    }
    return this.hi;
  }

  /** p50/p90/p99/min/max/mean rounded to 0.1 ms, for JSON. */
  stats(): DurationStats {
    const r = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 10) / 10);
    if (this.n === 0) return { antal: 0 };
    return {
      antal: this.n,
      p50: r(this.percentile(0.5)),
      p90: r(this.percentile(0.9)),
      p99: r(this.percentile(0.99)),
      min: r(this.min),
      max: r(this.max),
      medel: r(this.mean),
    };
  }

  /** Forgets every sample (the buckets stay). */
  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.sum = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
}
