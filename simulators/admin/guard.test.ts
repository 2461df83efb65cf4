import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSoapEnvelope, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import { postSoap } from "../../test/support/answers.js";
import { TEST_NOW, testFraga } from "../../test/support/context.js";
import { rawHttp } from "../../test/support/raw-http.js";
import { type RunningSimulator, startSimulator } from "../server.js";
import { adminGuard, isGuardedPath } from "./guard.js";

const JSON_TYPE = { "Content-Type": "application/json" };

describe("the admin API is closed: exact paths, own Host, no cross-site changes", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: () => new Date(TEST_NOW) });
  });
  afterAll(() => sim.close({ drainMs: 0 }));
  const port = () => new URL(sim.url).port;

  it.each([
    "/ssbtek/__admin/faults",
    "/anything/at/all/__admin/faults",
    "/__ADMIN/FAULTS",
    "/__admin/FAULTS",
    "/__admin/__admin/faults",
    "/__admin/faults/",
    "/__admin/%66aults",
  ])("%s is no admin endpoint", async (path) => {
    const r = await fetch(`${sim.url}${path}`, { method: "PUT", headers: JSON_TYPE, body: '{"MIV":"down"}' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(await (await fetch(`${sim.url}/__admin/faults`)).json()).toEqual({});
  });

  it.each([
    ["a foreign Host (DNS rebinding)", "evil.example"],
    ["a foreign Host on our port", `evil.example:${1}`],
    ["our address on another port", "127.0.0.1:1"],
  ])("refuses %s with 403", async (_what, host) => {
    const out = await rawHttp(
      sim.url,
      `GET /__admin/faults HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 403 /);
    expect(out).toContain("HOST_NOT_ALLOWED");
  });

  it("answers to its own address and to localhost", async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`]) {
      const out = await rawHttp(
        sim.url,
        `GET /__admin/faults HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      expect(out).toMatch(/^HTTP\/1\.1 200 /);
    }
  });

  it("refuses a cross-site POST /__admin/reset (foreign Origin, text/plain)", async () => {
    await fetch(`${sim.url}/__admin/faults`, { method: "PUT", headers: JSON_TYPE, body: '{"MIV":"down"}' });
    const csrf = await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { Origin: "http://evil.example", "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(csrf.status).toBe(403);
    const plain = await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
    });
    expect(plain.status).toBe(415);
    const noType = await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });
    expect(noType.status).toBe(415);
    expect(await (await fetch(`${sim.url}/__admin/faults`)).json()).toEqual({ MIV: "down" });
    const own = await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { ...JSON_TYPE, Origin: sim.url },
    });
    expect(own.status).toBe(200);
    expect(await (await fetch(`${sim.url}/__admin/faults`)).json()).toEqual({});
  });
});

describe("a non-loopback host needs the token; --no-admin turns the API off", () => {
  let open: RunningSimulator;
  let off: RunningSimulator;
  beforeAll(async () => {
    open = await startSimulator({ port: 0, host: "0.0.0.0", now: () => new Date(TEST_NOW) });
    off = await startSimulator({ port: 0, admin: false, now: () => new Date(TEST_NOW) });
  });
  afterAll(async () => {
    await open.close({ drainMs: 0 });
    await off.close({ drainMs: 0 });
  });
  const local = (s: RunningSimulator) => s.url.replace("0.0.0.0", "127.0.0.1");

  it("generates a token and refuses every admin call without it (401), the composite stays open", async () => {
    expect(open.admin.tokenGenerated).toBe(true);
    expect(open.admin.token).toMatch(/^[\w-]{32}$/);
    const none = await fetch(`${local(open)}/__admin/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await fetch(`${local(open)}/__admin/faults`, { headers: { Authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${local(open)}/__admin/faults`, {
      headers: { Authorization: `Bearer ${open.admin.token}` },
    });
    expect(right.status).toBe(200);
    const r = await postSoap(`${local(open)}/ssbtek`, soapEnvelope(encodeFraga(testFraga("197003039885"))));
    expect(r.status).toBe(200);
    expect(parseSoapEnvelope(r.text).body.local).toBe("hamtaBastjanstInformationResponse");
  });

  it("--no-admin: 404 on every admin path, the chain answers", async () => {
    for (const path of ["/__admin/faults", "/__admin/metrics", "/__console"]) {
      const r = await fetch(`${off.url}${path}`);
      expect(r.status).toBe(404);
      expect(await r.text()).toContain("--no-admin");
    }
    expect(off.admin.enabled).toBe(false);
    expect((await postSoap(off.ssbtek, soapEnvelope(encodeFraga(testFraga("197003039885"))))).status).toBe(
      200,
    );
  });
});

describe("adminGuard (the function a web console reuses)", () => {
  const guard = adminGuard({
    enabled: true,
    hosts: new Set(["127.0.0.1"]),
    port: 8080,
    token: "t".repeat(20),
  });
  const req = (method: string, headers: Record<string, string>) => ({
    method,
    path: "/__console",
    query: "",
    headers: { host: "127.0.0.1:8080", authorization: `Bearer ${"t".repeat(20)}`, ...headers },
    body: "",
  });
  it("guards /__admin and /__console, nothing else", () => {
    expect(isGuardedPath("/__console/state")).toBe(true);
    expect(isGuardedPath("/__admin/faults")).toBe(true);
    expect(isGuardedPath("/ssbtek")).toBe(false);
    expect(isGuardedPath("/__consoleX")).toBe(false);
  });
  it("lets a same-origin JSON change through and refuses the rest", () => {
    expect(guard(req("GET", {}))).toBeUndefined();
    expect(
      guard(
        req("POST", { "content-type": "application/json; charset=utf-8", origin: "http://127.0.0.1:8080" }),
      ),
    ).toBeUndefined();
    expect(guard(req("POST", { "content-type": "application/json", origin: "null" }))?.status).toBe(403);
    expect(
      guard(req("POST", { "content-type": "application/json", "sec-fetch-site": "cross-site" }))?.status,
    ).toBe(403);
    expect(guard(req("POST", { "content-type": "application/x-www-form-urlencoded" }))?.status).toBe(415);
    expect(guard(req("GET", { authorization: "Basic eDp5" }))?.status).toBe(401);
    expect(guard(req("GET", { host: "localhost:8080" }))).toBeUndefined();
    expect(guard(req("GET", { host: "127.0.0.1" }))?.status).toBe(403);
  });
});
