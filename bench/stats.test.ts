import { describe, expect, it } from "vitest";
import { median, quantile, rssVerdict, slope, summarizeLatencies } from "./stats.js";

describe("latency statistics", () => {
  it("uses nearest rank, so p99 of 100 values is the 99th value", () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    const s = summarizeLatencies(v);
    expect(s.p50).toBe(50);
    expect(s.p99).toBe(99);
    expect(s.max).toBe(100);
    expect(s.mean).toBe(50.5);
    expect(v[0]).toBe(100); // input order kept
  });

  it("summarizes only the completed part of the buffer", () => {
    expect(summarizeLatencies(Float64Array.of(5, 1, 0, 0), 2)).toMatchObject({ count: 2, p50: 1, max: 5 });
  });

  it("handles tiny and empty inputs", () => {
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});

describe("RSS verdict", () => {
  const series = (rss: number[], heap = rss) =>
    rss.map((r, i) => ({ requests: i * 10_000, rss: r, heapAfterGc: heap[i]! }));

  it("is flat within the allowed growth and reports the slope per 10k requests", () => {
    const v = rssVerdict(series([100, 110, 105, 112]), 0.15);
    expect(v.flat).toBe(true);
    expect(v.baseline).toBe(105); // median of 100, 110
    expect(v.end).toBe(108.5); // median of 105, 112
    expect(v.max).toBe(112);
    expect(v.slopePer10k).toBeCloseTo(3.1);
  });

  it("is not thrown off by one low sample right after warm-up (medians of three)", () => {
    // The shape of a real run: 334 after warm-up, then a plateau around 390.
    const v = rssVerdict(series([334, 421, 382, 387, 390, 397, 367, 394, 389, 387, 403]), 0.15);
    expect(v.baseline).toBe(382);
    expect(v.end).toBe(389);
    expect(v.flat).toBe(true);
  });

  it("is not flat when the end is more than the limit above the value after warm-up", () => {
    expect(rssVerdict(series([100, 110, 120]), 0.15).flat).toBe(false);
    // A steady leak: +3 % per sample over eleven samples.
    expect(rssVerdict(series(Array.from({ length: 11 }, (_, i) => 100 * 1.03 ** i)), 0.15).flat).toBe(false);
  });

  it("needs at least two samples to call anything flat", () => {
    expect(rssVerdict(series([100]), 0.15).flat).toBe(false);
    expect(rssVerdict([], 0.15).flat).toBe(false);
  });

  it("computes a least-squares slope", () => {
    expect(slope([0, 1, 2, 3], [1, 3, 5, 7])).toBe(2);
    expect(slope([1, 1], [1, 2])).toBe(0);
  });
});
