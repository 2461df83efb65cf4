import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASTJANSTER } from "../contract/ssbt/model.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/ssbtek-harness.js");

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function waitFor(p: ChildProcess, re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buf = "";
    const t = setTimeout(() => reject(new Error(`timeout waiting for ${re}: ${buf}`)), 20_000);
    p.stdout?.on("data", (d) => {
      buf += d;
      const m = buf.match(re);
      if (m) {
        clearTimeout(t);
        resolve(m);
      }
    });
  });
}

describe("CLI", () => {
  it("simulate serves the chain on a real port, lists upstreams and stops cleanly on SIGTERM", async () => {
    const p = spawn(process.execPath, [bin, "simulate", "--port", "0", "--seed", "3"], { cwd: root });
    const exited = new Promise<number | null>((r) => p.on("close", (c) => r(c)));
    const [, url] = await waitFor(p, /listening on (http:\/\/\S+)/);
    const ups = (await (await fetch(`${url}/__admin/upstreams`)).json()) as Record<string, string>;
    expect(Object.keys(ups)).toEqual([...BASTJANSTER]);
    for (const u of Object.values(ups)) expect(u.startsWith(url!)).toBe(true);
    const wsdl = await fetch(`${url}/ssbtek?wsdl`);
    expect(wsdl.status).toBe(200);
    const metrics = (await (await fetch(`${url}/__admin/metrics`)).json()) as Record<string, unknown>;
    expect(metrics).toHaveProperty("svarstid");
    let out = "";
    p.stdout?.on("data", (d) => (out += d));
    p.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("SSBTEK service levels");
  });

  it("simulate says what to do when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    const r = await run(["simulate", "--port", String(port)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${port} is in use. Pass --port or free the port.`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a bad flag value with a clear message", async () => {
    const r = await run(["simulate", "--port", "abc"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("--port must be an integer");
    const u = await run(["simulate", "--port", "0", "--upstream", "XYZ=http://x"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("KOD one of AF, CSN, FK, SKV, SO, TNS, MIV");
  });

  it("personas --json lists at least 25 personas with valid test personnummer", async () => {
    const r = await run(["personas", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { personnummer: string; kallor: string[] }[];
    expect(list.length).toBeGreaterThanOrEqual(25);
    for (const p of list) expect(p.personnummer).toMatch(/^\d{8}9[89]\d\d$/);
  });
});
