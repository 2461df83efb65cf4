import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { runCli, startCli } from "./support/cli.js";

describe("CLI", () => {
  it("simulate serves the chain on a real port, lists upstreams and stops cleanly on SIGTERM", async () => {
    const c = startCli(["simulate", "--port", "0", "--seed", "3"]);
    const [, url] = await c.waitFor(/listening on (http:\/\/\S+)/);
    const ups = (await (await fetch(`${url}/__admin/upstreams`)).json()) as Record<string, string>;
    expect(Object.keys(ups)).toEqual([...BASTJANSTER]);
    for (const u of Object.values(ups)) expect(u.startsWith(url!)).toBe(true);
    const wsdl = await fetch(`${url}/ssbtek?wsdl`);
    expect(wsdl.status).toBe(200);
    const metrics = (await (await fetch(`${url}/__admin/metrics`)).json()) as Record<string, unknown>;
    expect(metrics).toHaveProperty("svarstid");
    c.p.kill("SIGTERM");
    const r = await c.done;
    expect(r.code).toBe(0);
    // people read stderr (banner, service levels on stop); stdout is the JSON event log only
    expect(r.stderr).toContain("listening on");
    expect(r.stderr).toContain("SSBTEK service levels");
    const lines = r.stdout.split("\n").filter((l) => l.trim() !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });

  it("simulate says what to do when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    const r = await runCli(["simulate", "--port", String(port)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${port} is in use. Pass --port or free the port.`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a bad flag value with a clear message", async () => {
    const r = await runCli(["simulate", "--port", "abc"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("--port must be an integer");
    const u = await runCli(["simulate", "--port", "0", "--upstream", "XYZ=http://x"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("KOD one of AF, CSN, FK, SKV, SO, TNS, MIV");
  });

  it("coverage prints the table, writes --out, exits 1 below a threshold and 2 on bad usage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssbtek-coverage-"));
    const out = join(dir, "coverage.json");
    const r = await runCli([
      "coverage",
      "--contract",
      "v11",
      "--clock",
      "2026-11-20T10:00:00+01:00",
      "--out",
      out,
    ]);
    expect(r.stdout).toMatch(/^SSBT\s.*\d+\/\d+\s+[\d.]+ %\s+≥ 95 %\s+(ok|BELOW)$/m);
    expect(r.stdout).toContain("Never exercised");
    const report = JSON.parse(readFileSync(out, "utf8")) as { contract: string; passed: boolean };
    expect(report.contract).toBe("v11");
    expect(r.code).toBe(report.passed ? 0 : 1);
    const bad = await runCli(["coverage", "--contract", "v9"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are v10, v11");
  });

  it("personas --json lists at least 25 personas with valid test personnummer", async () => {
    const r = await runCli(["personas", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { personnummer: string; kallor: string[] }[];
    expect(list.length).toBeGreaterThanOrEqual(25);
    for (const p of list) expect(p.personnummer).toMatch(/^\d{8}9[89]\d\d$/);
  });
});
