import { describe, expect, it } from "vitest";
import { runBench } from "./bench.js";
import { formatBench } from "./format.js";
import { resolveBenchOptions } from "./options.js";

describe("runBench (a tiny end-to-end run, both servers in child processes)", () => {
  it("measures both servers with the same load, samples RSS and judges the result", {
    timeout: 120_000,
  }, async () => {
    const lines: string[] = [];
    const r = await runBench(
      resolveBenchOptions({
        requests: 40,
        warmup: 8,
        sampleEvery: 20,
        connections: 4,
        minRatio: 0,
        maxRssGrowth: 10,
      }),
      (l) => lines.push(l),
    );
    expect(r.ours.errors + r.bare.errors + r.warmupErrors).toBe(0);
    expect(r.ours.requests).toBe(40);
    expect(r.bare.requests).toBe(40);
    // baseline + one sample per 20 requests (the bare server's 40 are split before and after ours)
    expect(r.ours.rss).toHaveLength(3);
    expect(r.bare.rss).toHaveLength(3);
    expect(r.ratio).toBeGreaterThan(0);
    expect(r.ratio).toBeLessThan(1); // seven bastjänster cannot beat a fixed answer
    expect(r.bytes.answer).toBeGreaterThan(5_000);
    expect(r.pass).toBe(true);
    const text = formatBench(r);
    expect(text).toContain("Ratio ours/bare");
    expect(text).toContain("PASS");
    expect(text).not.toMatch(/\d{8}-?\d{4}/); // no personnummer in the report
    expect(lines.some((l) => l.startsWith("ours: 40/40"))).toBe(true);
  });

  it("fails the gate when the ratio is below the target", { timeout: 120_000 }, async () => {
    const r = await runBench(
      resolveBenchOptions({ requests: 10, warmup: 0, connections: 2, minRatio: 1e9, maxRssGrowth: 10 }),
    );
    expect(r.pass).toBe(false);
    expect(r.failures.join(" ")).toMatch(/ratio .* < 1000000000/);
  });
});
