import { describe, expect, it } from "vitest";
import { BENCH_DEFAULTS, parseBenchArgs, resolveBenchOptions } from "./options.js";

describe("bench options", () => {
  it("defaults to the issue's targets: 100k requests at 32 connections, ≥ 1× WireMock, ≤ 1 ms CPU, p99 ≤ 50 ms, ≥ 3× Prism, ≤ 150 MiB", () => {
    expect(resolveBenchOptions()).toEqual(BENCH_DEFAULTS);
    expect(BENCH_DEFAULTS).toMatchObject({
      requests: 100_000,
      identities: 1_000,
      connections: 32,
      minWiremockRatio: 1,
      maxCpuMs: 1,
      maxP99Ms: 50,
      minPrismRatio: 3,
      maxRssMiB: 150,
      maxRssGrowth: 0.15,
    });
  });

  it("parses flags, durations and --quick, explicit flags winning", () => {
    const { options, help } = parseBenchArgs(["--quick", "--connections", "8", "--duration", "2m", "--json"]);
    expect(help).toBe(false);
    expect(resolveBenchOptions(options)).toMatchObject({
      requests: 4_000,
      warmup: 500,
      connections: 8,
      durationS: 120,
      json: true,
    });
    expect(parseBenchArgs(["--requests", "100_000", "--duration", "90s"]).options).toMatchObject({
      requests: 100_000,
      durationS: 90,
    });
    expect(parseBenchArgs(["--help"]).help).toBe(true);
  });

  it("freezes the chain's clock at a weekday instant unless told, never the wall clock", () => {
    const klocka = new Date(BENCH_DEFAULTS.clock);
    // a Friday at 10.00 Swedish time: outside Skatteverket's Sunday 02.00–04.00 window
    expect(klocka.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(resolveBenchOptions(parseBenchArgs(["--clock", "2026-12-06T02:30:00+01:00"]).options).clock).toBe(
      "2026-12-06T02:30:00+01:00",
    );
  });

  it("never samples less often than once per run", () => {
    expect(resolveBenchOptions({ requests: 500 }).sampleEvery).toBe(500);
  });

  it.each([
    [["--requests", "0"], /--requests 0/],
    [["--requests", "many"], /--requests "many"/],
    [["--connections", "2.5"], /--connections 2.5/],
    [["--duration", "soon"], /--duration "soon"/],
    [["--min-prism-ratio=-1"], /--min-prism-ratio -1/],
    [["--max-cpu-ms", "x"], /--max-cpu-ms "x"/],
    [["--clock", "soon"], /--clock "soon": pass an ISO date-time/],
    [["--bogus"], /bogus.*--help/],
    [["extra"], /--help/],
  ])("refuses %j with a message naming the flag", (argv, message) => {
    expect(() => resolveBenchOptions(parseBenchArgs(argv).options)).toThrow(message);
  });
});
