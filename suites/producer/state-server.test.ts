import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../simulators/server.js";
import { startaTillstandsServer, type TillstandsOptions, type TillstandsServer } from "./state-server.js";

const oppna: (TillstandsServer | Server)[] = [];
afterEach(async () => {
  for (const s of oppna.splice(0))
    await ("url" in s ? s.close() : new Promise<void>((ok) => s.close(() => ok())));
});

async function tillstand(adminUrl: string, o: TillstandsOptions = {}): Promise<TillstandsServer> {
  const s = await startaTillstandsServer(adminUrl, o);
  oppna.push(s);
  return s;
}

const post = (s: TillstandsServer, state: string, action = "setup") =>
  fetch(s.url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ state, action, params: {} }),
  });

/** A stand-in admin API that records what it was asked. */
async function adminApi(): Promise<{ url: string; anrop: string[] }> {
  const anrop: string[] = [];
  let faults = "{}";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      anrop.push(`${req.method} ${req.url}${body ? ` ${body}` : ""}`);
      if (req.method === "PUT") faults = body;
      if (req.method === "POST") faults = "{}";
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(req.method === "GET" ? faults : "{}");
    });
  });
  oppna.push(server);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/__admin`, anrop };
}

describe("the provider-state endpoint", () => {
  it("accepts personas and the empty state without touching the provider", async () => {
    const admin = await adminApi();
    const s = await tillstand(admin.url);
    expect((await post(s, "persona ej-traff")).status).toBe(200);
    expect((await post(s, "")).status).toBe(200);
    expect((await post(s, "persona ej-traff", "teardown")).status).toBe(200);
    expect(admin.anrop).toEqual([]);
    expect(s.fel).toEqual([]);
  });

  it("answers 400 for an unknown state and records why", async () => {
    const s = await tillstand("http://127.0.0.1:9/__admin");
    const res = await post(s, "persona finns-inte");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(
      'Unknown provider state "persona finns-inte"',
    );
    expect(s.fel).toHaveLength(1);
  });

  it("adds faults through the admin API, and resets after the interaction", async () => {
    const admin = await adminApi();
    const s = await tillstand(admin.url);
    expect((await post(s, "fault MIV=down")).status).toBe(200);
    expect((await post(s, "fault CSN=slow:30000ms")).status).toBe(200);
    expect((await post(s, "fault MIV=down", "teardown")).status).toBe(200);
    expect(admin.anrop).toEqual([
      "POST /__admin/reset",
      "GET /__admin/faults",
      'PUT /__admin/faults {"MIV":"down"}',
      "GET /__admin/faults",
      'PUT /__admin/faults {"MIV":"down","CSN":"slow:30s"}',
      "POST /__admin/reset",
    ]);
  });

  it("fails a fault state clearly when the provider has no admin API", async () => {
    const s = await tillstand("http://127.0.0.1:9/__admin");
    expect((await post(s, "fault MIV=down")).status).toBe(400);
    expect(s.fel[0]).toContain('Cannot set up provider state "fault MIV=down"');
    expect(s.fel[0]).toContain("admin API");
  });

  it("sends the admin token a guarded simulator requires, and says what to pass when it is missing", async () => {
    const sim = await startSimulator({ port: 0, adminToken: "hemlig-token-123" });
    oppna.push({ url: sim.url, fel: [], close: () => sim.close({ drainMs: 0 }).then(() => undefined) });
    const utan = await tillstand(`${sim.url}/__admin`);
    expect((await post(utan, "fault MIV=down")).status).toBe(400);
    expect(utan.fel[0]).toContain("HTTP 401");
    expect(utan.fel[0]).toContain("admin token");
    const fel = await tillstand(`${sim.url}/__admin`, { adminToken: "fel-token" });
    expect((await post(fel, "fault MIV=down")).status).toBe(400);
    expect(fel.fel[0]).toContain("pass the right admin token");
    const med = await tillstand(`${sim.url}/__admin`, { adminToken: "hemlig-token-123" });
    expect((await post(med, "fault MIV=down")).status).toBe(200);
    expect(sim.chain.control.faults()).toMatchObject({ MIV: { kind: "down" } });
    expect((await post(med, "fault MIV=down", "teardown")).status).toBe(200);
    expect(med.fel).toEqual([]);
    expect(sim.chain.control.faults()).toEqual({});
  });
});
