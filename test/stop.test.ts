import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { ROOT, startSimulate } from "./support/cli.js";
import { testFraga } from "./support/context.js";

const FRAGA = soapEnvelope(encodeFraga(testFraga("197003039885")));
const post = (url: string) =>
  fetch(`${url}/ssbtek`, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8" },
    body: FRAGA,
  }).then(
    async (r) => ({ status: r.status, text: await r.text() }),
    (e: Error) => ({ status: 0, text: e.message }),
  );
const reachable = (url: string) =>
  fetch(`${url}/ssbtek?wsdl`).then(
    () => true,
    () => false,
  );
async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("clean stop: drain, summary, exit 0; a second signal forces", () => {
  it("SIGTERM with 50 requests waiting on a slow bastjänst: all 50 get their answer, then exit 0", async () => {
    // No lag shedding here: on a busy CI machine it could refuse some of the 50 (tested elsewhere).
    const s = await startSimulate([
      "--profile",
      "fast",
      "--time-scale",
      "1",
      "--fault",
      "CSN=slow:2s",
      "--max-lag",
      "0",
    ]);
    let out = "";
    // The summary is for people: on stderr since the JSON event log owns stdout.
    s.p.stderr?.on("data", (d) => {
      out += d;
    });
    s.p.stdout?.on("data", (d) => {
      out += d;
    });
    const answers = Promise.all(Array.from({ length: 50 }, () => post(s.url)));
    // Give all 50 time to arrive (a request that arrives after the stop began is refused a connection).
    await new Promise((r) => setTimeout(r, 2_500));
    s.p.kill("SIGTERM");
    const all = await answers;
    expect(
      all.map((a) => a.status),
      all.find((a) => a.status !== 200)?.text.slice(0, 400),
    ).toEqual(Array(50).fill(200));
    expect(await s.exited).toBe(0);
    expect(out).toContain("SSBTEK service levels");
    expect(out).toMatch(
      /On the wire \(arrival → last byte sent\): 50 composite requests, 50 answered in full/,
    );
    expect(await reachable(s.url)).toBe(false);
  }, 60_000);

  it("a second SIGTERM stops at once, without waiting for the drain", async () => {
    const s = await startSimulate([
      "--profile",
      "fast",
      "--time-scale",
      "1",
      "--fault",
      "CSN=slow:20s",
      "--drain",
      "60s",
    ]);
    const pending = post(s.url);
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    s.p.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    s.p.kill("SIGTERM");
    expect(await s.exited).toBe(143);
    expect(Date.now() - t0).toBeLessThan(5_000);
    await pending;
  }, 60_000);
});

describe("through npx: stopping the launcher stops the server", () => {
  // A vendor's project with the harness installed (a link to this checkout, so no registry is asked).
  const dir = mkdtempSync(join(tmpdir(), "ssbtek-npx-"));
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  writeFileSync(join(dir, "package.json"), '{"name":"leverantor","version":"1.0.0","private":true}\n');
  symlinkSync(ROOT, join(dir, "node_modules/ssbtek-harness"));
  symlinkSync("../ssbtek-harness/bin/ssbtek-harness.js", join(dir, "node_modules/.bin/ssbtek-harness"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const npx = (detached: boolean) => {
    const p = spawn("npx", ["ssbtek-harness", "simulate", "--port", "0", "--profile", "fast"], {
      cwd: dir,
      detached,
      env: { ...process.env, npm_config_update_notifier: "false" },
    });
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.stderr.on("data", (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) =>
      p.on("exit", (code, signal) => r(code ?? (signal ? -1 : null))),
    );
    const url = until(async () => /Press Ctrl\+C/.test(out), 45_000).then(
      () => /listening on (http:\/\/\S+)/.exec(out)?.[1],
    );
    return { p, url, exited, out: () => out };
  };
  const kill = (p: ChildProcess) => {
    try {
      if (p.pid) process.kill(-p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };

  it("SIGTERM to the npx process: the server stops listening and exits", async () => {
    const run = npx(false);
    const url = await run.url;
    expect(url, run.out()).toBeDefined();
    expect(await reachable(url!)).toBe(true);
    run.p.kill("SIGTERM");
    await run.exited;
    expect(
      await until(async () => !(await reachable(url!)), 10_000),
      "server still listening after npx stopped",
    ).toBe(true);
  }, 90_000);

  it("Ctrl+C (SIGINT to the process group, as a terminal sends it): everything stops", async () => {
    const run = npx(true);
    try {
      const url = await run.url;
      expect(url, run.out()).toBeDefined();
      process.kill(-(run.p.pid as number), "SIGINT");
      await run.exited;
      expect(await until(async () => !(await reachable(url!)), 10_000)).toBe(true);
      expect(run.out()).toContain("SSBTEK service levels");
    } finally {
      kill(run.p);
    }
  }, 90_000);
});
