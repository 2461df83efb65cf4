import { describe, expect, it } from "vitest";
import { BUCKET_BOUNDS_MS, DurationHistogram } from "./histogram.js";

describe("DurationHistogram", () => {
  it("is empty before the first sample", () => {
    const h = new DurationHistogram();
    expect(h.count).toBe(0);
    expect(h.percentile(0.5)).toBeUndefined();
    expect(h.stats()).toEqual({ antal: 0 });
  });

  it("gives exact percentiles when samples sit on bucket bounds", () => {
    const h = new DurationHistogram();
    for (let i = 1; i <= 100; i++) h.record(i * 100);
    expect(h.percentile(0.5)).toBe(5_000);
    expect(h.percentile(0.9)).toBe(9_000);
    expect(h.percentile(0.99)).toBe(9_900);
    expect(h.max).toBe(10_000);
    expect(h.min).toBe(100);
    expect(h.mean).toBe(5_050);
  });

  it("is off by at most one bucket width and never outside min/max", () => {
    const h = new DurationHistogram();
    for (const ms of [0.4, 57.3, 333.3, 7_012.5]) h.record(ms);
    expect(h.percentile(0.25)).toBe(1); // bucket (0,1]
    expect(h.percentile(0.5)).toBe(58); // 1 ms buckets below 100 ms
    expect(h.percentile(0.75)).toBe(340); // 10 ms buckets below 1 s
    expect(h.percentile(1)).toBe(7_012.5); // clamped to the exact max
  });

  it("puts everything above 60 s into one overflow bucket and reports the exact max", () => {
    const h = new DurationHistogram();
    h.record(61_000);
    h.record(3_600_000);
    expect(h.percentile(0.5)).toBe(3_600_000);
    expect(h.max).toBe(3_600_000);
    expect(h.bucketCount).toBe(BUCKET_BOUNDS_MS.length + 1);
  });

  it("counts negative and non-finite durations as 0 ms", () => {
    const h = new DurationHistogram();
    h.record(-5);
    h.record(Number.NaN);
    expect(h.count).toBe(2);
    expect(h.max).toBe(0);
  });

  it("has a fixed size and forgets on reset", () => {
    const h = new DurationHistogram();
    const size = h.bucketCount;
    for (let i = 0; i < 10_000; i++) h.record((i * 7_919) % 70_000);
    expect(h.bucketCount).toBe(size);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.max).toBeUndefined();
  });

  it("has strictly increasing bounds covering 7 s and 12 s exactly", () => {
    for (let i = 1; i < BUCKET_BOUNDS_MS.length; i++)
      expect(BUCKET_BOUNDS_MS[i]!).toBeGreaterThan(BUCKET_BOUNDS_MS[i - 1]!);
    expect(BUCKET_BOUNDS_MS).toContain(7_000);
    expect(BUCKET_BOUNDS_MS).toContain(12_000);
  });
});
