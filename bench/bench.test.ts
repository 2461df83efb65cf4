import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compositeCheck, judge, primeWireMock, runBench } from "./bench.js";
import { formatBench } from "./format.js";
import { resolveBenchOptions } from "./options.js";
import { hasJava } from "./peers.js";

const java = hasJava();
const reference = existsSync(new URL("../../shared/reference/ssbtek-v10/", import.meta.url));
if (!java)
  console.warn("SKIPPED: bench smoke run needs Java for WireMock (apt-get install openjdk-17-jre-headless).");
if (!reference)
  console.warn("bench smoke run: ../shared/reference is absent: the Prism (LEFI) comparison is SKIPPED.");

describe.skipIf(!java)("runBench smoke run (ours, WireMock and Prism each in its own process)", () => {
  it("measures every server with the same load code, judges every target and prints them", {
    timeout: 180_000,
  }, async () => {
    const lines: string[] = [];
    const relaxed = {
      minWiremockRatio: 0,
      maxCpuMs: 1e6,
      maxP99Ms: 1e6,
      minPrismRatio: 0,
      maxRssMiB: 1e6,
      maxRssGrowth: 10,
    };
    const r = await runBench(
      resolveBenchOptions({
        requests: 40,
        peerRequests: 20,
        warmup: 8,
        sampleEvery: 20,
        connections: 4,
        identities: 20,
        ...relaxed,
      }),
      (l) => lines.push(l),
    );
    expect(r.composite.ours.errors).toBe(0);
    expect(r.composite.ours.requests).toBe(40);
    expect(r.composite.wiremock.requests).toBe(20);
    expect(r.composite.wiremock.errors).toBe(0);
    expect(r.composite.identities.generated).toBe(20);
    expect(r.composite.ours.cpuMicrosPerAnswer).toBeGreaterThan(0);
    expect(r.composite.wiremock.cpuMicrosPerAnswer).toBeGreaterThan(0);
    expect(r.composite.ours.rss).toHaveLength(3);
    if (reference) {
      expect(r.composite.stub).toMatch(/reference client/);
      expect(r.lefi?.prism.requests).toBe(20);
      expect(r.lefi?.ours.errors).toBe(0);
      expect(r.targets.map((t) => t.name).join()).toMatch(/Prism/);
    } else expect(r.lefiSkipped).toBeDefined();
    expect(r.pass).toBe(true);
    const text = formatBench(r);
    for (const s of ["WireMock 3", "server CPU per composite answer", "p99", "RSS", "PASS"])
      expect(text).toContain(s);
    expect(text).not.toMatch(/\d{8}-?\d{4}/); // no personnummer in the report
    expect(lines.some((l) => l.startsWith("ours: 40/40"))).toBe(true);
  });

  it("runs the chain at the bench's clock: in Skatteverket's Sunday window it refuses before measuring, naming SKV", async () => {
    const lines: string[] = [];
    await expect(
      runBench(
        resolveBenchOptions({
          requests: 4,
          peerRequests: 4,
          warmup: 0,
          identities: 0,
          clock: "2026-12-06T02:30:00+01:00",
        }),
        (l) => lines.push(l),
      ),
    ).rejects.toThrow(
      /but SKV answered with an error or not at all \(SKV: .*planerat underhåll.*\); pass another --clock/,
    );
    expect(lines[0]).toContain("clock 2026-12-06T02:30:00+01:00");
  }, 60_000);

  it("fails when a target does not hold, naming it", () => {
    const o = resolveBenchOptions();
    const f = (cpu: number, p99: number, rssMiB: number) => ({
      kind: "ours" as const,
      requests: 100,
      errors: 0,
      errorSamples: [],
      seconds: 1,
      answersPerS: 100,
      latency: { count: 100, p50: 1, p90: 1, p99, max: p99, mean: 1 },
      rss: [],
      rssVerdict: {
        baseline: rssMiB * 2 ** 20,
        end: rssMiB * 2 ** 20,
        max: 0,
        growth: 0,
        flat: true,
        slopePer10k: 0,
        heapSlopePer10k: 0,
      },
      cpuMicrosPerAnswer: cpu,
      stoppedByDuration: false,
    });
    const good = judge(o, f(900, 40, 120), 1.5, undefined, 0);
    expect(good.every((t) => t.pass)).toBe(true);
    const bad = judge(o, f(3000, 200, 160), 0.9, undefined, 2);
    expect(bad.filter((t) => !t.pass).map((t) => t.name)).toEqual([
      "composite answers/s ours ÷ WireMock 3",
      "server CPU per composite answer",
      "composite p99 at 32 connections",
      "RSS after 100 composite requests",
      "errors (all phases, our warm-up included)",
    ]);
  });
});

describe("answer checks", () => {
  it("say what a server's error page says, not only its status", () => {
    const check = compositeCheck();
    const why = check({
      status: 500,
      headers: { "content-type": "text/html" },
      body: Buffer.from(
        "<html>\n  <body>Problem accessing /ssbtek: java.io.FileNotFoundException answer.xml</body>",
      ),
    });
    expect(why).toMatch(
      /^HTTP 500: <html> <body>Problem accessing \/ssbtek: java\.io\.FileNotFoundException/,
    );
    expect(check({ status: 503, headers: {}, body: Buffer.alloc(0) })).toBe("HTTP 503");
    const fault = "<faultstring>Ingen person 199608239829 hittades</faultstring>";
    const masked = check({ status: 500, headers: {}, body: Buffer.from(fault) });
    expect(masked).toContain("HTTP 500: <faultstring>Ingen person ");
    expect(masked).not.toContain("199608239829");
  });
});

describe("primeWireMock", () => {
  it("sends the first requests one at a time and stops the run when the peer cannot answer its stub", async () => {
    const { createServer } = await import("node:http");
    let inFlight = 0;
    let most = 0;
    let n = 0;
    const server = createServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      n += 1;
      req.resume();
      req.on("end", () => {
        inFlight -= 1;
        if (n > 3) {
          res.writeHead(500, { "content-type": "text/html" });
          res.end("<title>Error 500 org.w3c.dom.DOMException: NAMESPACE_ERR</title>");
        } else res.end("stub-answer");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/ssbtek`;
    try {
      await expect(
        primeWireMock(url, Buffer.from("<q/>"), Buffer.from("stub-answer"), 3),
      ).resolves.toBeUndefined();
      await expect(primeWireMock(url, Buffer.from("<q/>"), Buffer.from("stub-answer"), 3)).rejects.toThrow(
        /WireMock does not answer its own stub \(request 1 of the sequential start\): HTTP 500: .*NAMESPACE_ERR/,
      );
      expect(most).toBe(1);
    } finally {
      server.close();
    }
  });
});
