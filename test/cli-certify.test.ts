import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardPeriod } from "../contract/kalender.js";
import { parseXml } from "../contract/xml/parse.js";
import type { CertifyReport } from "../reports/model.js";
import { PERSONAS } from "../simulators/population/population.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../suites/chain/client.js";
import { type CliRun, runCli, startCli } from "./support/cli.js";

const noStackTrace = (r: CliRun) => expect(r.stderr + r.stdout).not.toMatch(/\n\s+at \S+ \(/);

describe("CLI certify", () => {
  let sim: RunningSimulator;
  let html502: Server;
  let brokenUrl = "";
  const out = mkdtempSync(join(tmpdir(), "ssbtek-cli-certify-"));
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1 });
    html502 = createServer((_req, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    await new Promise<void>((r) => html502.listen(0, "127.0.0.1", r));
    brokenUrl = `http://127.0.0.1:${(html502.address() as AddressInfo).port}/tns/hamtauppgifter/v1`;
  });
  afterAll(async () => {
    await sim.close();
    await new Promise<void>((r) => html502.close(() => r()));
    rmSync(out, { recursive: true, force: true });
  });

  it("certify producer against our simulator exits 0 and writes JSON and JUnit XML to --out", async () => {
    const dir = join(out, "ok");
    const r = await runCli([
      "certify",
      "producer",
      "--bastjanst",
      "TNS",
      "--url",
      sim.upstreams.TNS,
      "--out",
      dir,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Every persona but the two whose story is an SKV or a-kassa fault (certify-producer.ts).
    expect(r.stdout).toContain(`ok   schema: ${PERSONAS.length - 2} passed, 0 failed`);
    expect(r.stdout).toContain("ok   error behaviour:");
    expect(r.stdout).toContain("PASSED: certify producer");
    const report = JSON.parse(readFileSync(join(dir, "certify-producer-tns.json"), "utf8")) as CertifyReport;
    expect(report.passed).toBe(true);
    expect(parseXml(readFileSync(join(dir, "certify-producer-tns.junit.xml"), "utf8")).local).toBe(
      "testsuites",
    );
  });

  it("certify producer against a broken server exits 1 and names the rules", async () => {
    const dir = join(out, "broken");
    const r = await runCli([
      "certify",
      "producer",
      "--bastjanst",
      "tns",
      "--url",
      brokenUrl,
      "--persona",
      "hela-kedjan",
      "--out",
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL schema: 0 passed, 1 failed");
    expect(r.stdout).toContain("TNS.http.status");
    expect(r.stdout).toContain("FAILED: certify producer");
    expect(existsSync(join(dir, "certify-producer-tns.junit.xml"))).toBe(true);
    noStackTrace(r);
  });

  it("bad input exits 2 with a clear message and no stack trace", async () => {
    const [unknown, noUrl, badBudget, neither, noPact] = await Promise.all([
      runCli(["certify", "producer", "--bastjanst", "XYZ", "--url", sim.upstreams.TNS, "--out", out]),
      runCli(["certify", "producer", "--bastjanst", "TNS"]),
      runCli(["certify", "producer", "--bastjanst", "TNS", "--url", sim.upstreams.TNS, "--budget", "soon"]),
      runCli(["certify", "consumer"]),
      runCli(["certify", "consumer", "--pact", join(out, "missing.json")]),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'Unknown bastjänst "XYZ": pass --bastjanst with one of AF, CSN, FK, SKV, SO, TNS, MIV.',
    );
    noStackTrace(unknown);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("--url");
    expect(badBudget.code).toBe(2);
    expect(badBudget.stderr).toContain("--budget must be a duration");
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain(
      "pass exactly one of --pact FILE, --record, --session or --write-pacts DIR",
    );
    expect(noPact.code).toBe(2);
    expect(noPact.stderr).toContain("does not exist");
    for (const r of [noUrl, badBudget, neither, noPact]) noStackTrace(r);
  }, 90_000);

  it("certify consumer --record checks a request live and exits 0 after --max-requests", async () => {
    const dir = join(out, "record");
    const c = startCli([
      "certify",
      "consumer",
      "--record",
      "--port",
      "0",
      "--max-requests",
      "1",
      "--clock",
      "2026-11-20T10:00:00+01:00",
      "--out",
      dir,
    ]);
    const [, ssbtek] = await c.waitFor(/point your verksamhetssystem at (http:\/\/\S+)/);
    const now = new Date("2026-11-20T10:00:00+01:00");
    const svar = await hamtaOverHttp(ssbtek!, fullFraga("197003039885", standardPeriod(now), "CLI-1"));
    expect(svar.ok).toBe(true);
    const r = await c.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ #1 hamtaBastjanstInformation certify-CLI-1 \(19700303-\*\*\*\*\) → HTTP 200/);
    expect(r.stdout).not.toContain("197003039885");
    const report = JSON.parse(
      readFileSync(join(dir, "certify-consumer-record.json"), "utf8"),
    ) as CertifyReport;
    expect(report.summary).toMatchObject({ tests: 1, passed: 1 });
  });

  it("certify consumer --record writes the report on SIGTERM (nothing recorded: exit 1)", async () => {
    const dir = join(out, "sigterm");
    const c = startCli(["certify", "consumer", "--record", "--port", "0", "--out", dir]);
    await c.waitFor(/Recording until/);
    c.p.kill("SIGTERM");
    const r = await c.done;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("CONSUMER.inga-anrop");
    expect(existsSync(join(dir, "certify-consumer-record.json"))).toBe(true);
  });
});
