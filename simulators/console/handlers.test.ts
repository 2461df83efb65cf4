import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../../suites/chain/client.js";
import { expectNoPersonnummer } from "../../test/support/privacy.js";
import { PERSONAS } from "../population/population.js";
import { type RunningSimulator, startSimulator } from "../server.js";
import { createKonsol, type Konsol } from "./index.js";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(adminToken?: string): Promise<{ sim: RunningSimulator; konsol: Konsol }> {
  const konsol = createKonsol();
  sim = await startSimulator(
    { port: 0, seed: 5, profile: "fast", maxLagMs: 0, ...(adminToken ? { adminToken } : {}) },
    { onUtfall: konsol.onUtfall, bastjanst: konsol.bastjanst, adminHandlers: konsol.adminHandlers },
  );
  konsol.anslut(sim.chain);
  return { sim, konsol };
}

/** Reads server-sent events until `klar` says the collected text is enough. */
async function las(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: { v: string },
  klar: (t: string) => boolean,
): Promise<void> {
  const dec = new TextDecoder();
  while (!klar(text.v)) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`stream ended: ${text.v.slice(-200)}`);
    text.v += dec.decode(value);
  }
}

describe("the console over HTTP", () => {
  it("serves the page with a strict content security policy, from the package, no CDN", async () => {
    const { sim } = await start();
    const res = await fetch(`${sim.url}/__console`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toMatch(/https?:\/\//);
    for (const fil of ["console.js", "console.css"]) {
      const r = await fetch(`${sim.url}/__console/${fil}`);
      expect(r.status).toBe(200);
      expect(await r.text()).not.toMatch(/(src|href)=["']?https?:/);
    }
  });

  it("streams server-sent events: the ring on connect, each exchange masked, a reset; stops recording detail when the console goes", async () => {
    const { sim, konsol } = await start();
    const ac = new AbortController();
    const res = await fetch(`${sim.url}/__console/events`, { signal: ac.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const text = { v: "" };
    await las(reader, text, (t) => t.includes("event: lista"));
    expect(konsol.inspelning.fangar).toBe(true);
    const pid = PERSONAS[0]?.personidentitet as string;
    await hamtaOverHttp(sim.ssbtek, fullFraga(pid, standardPeriod(sim.chain.context.now()), "SSE-1"));
    await las(reader, text, (t) => t.includes("event: utbyte"));
    expect(text.v).toContain(`"personidentitet":"${pid.slice(0, 8)}-****"`);
    await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await las(reader, text, (t) => t.includes("event: rensad"));
    expectNoPersonnummer(
      text.v,
      PERSONAS.map((p) => p.personidentitet),
    );
    ac.abort();
    await expect.poll(() => konsol.inspelning.fangar, { timeout: 5_000 }).toBe(false);
  });
});

describe("the console behind the admin guard", () => {
  const TOKEN = "konsol-test-token-0123456789";

  it("with a token: the page takes it once from ?token= into an HttpOnly cookie, every console call then passes the guard with it", async () => {
    const { sim } = await start(TOKEN);
    expect((await fetch(`${sim.url}/__console`)).status).toBe(401);
    expect((await fetch(`${sim.url}/__console?token=fel-token-0123456789`)).status).toBe(401);
    const first = await fetch(`${sim.url}/__console?token=${TOKEN}`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/__console");
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      /^ssbtek_admin_token=konsol-test-token-0123456789; HttpOnly; SameSite=Strict; Path=\//,
    );
    const cookie = { cookie: setCookie.split(";")[0] as string };
    for (const path of ["/__console", "/__console/console.js", "/__console/api/utbyten", "/__admin/faults"])
      expect((await fetch(`${sim.url}${path}`, { headers: cookie })).status, path).toBe(200);
    const events = await fetch(`${sim.url}/__console/events`, { headers: cookie });
    expect(events.status).toBe(200);
    await events.body?.cancel();
    // The address-bar form is for the page only: an API call must send the cookie or the header.
    expect((await fetch(`${sim.url}/__console/api/utbyten?token=${TOKEN}`)).status).toBe(401);
    expect((await fetch(`${sim.url}/__console/events`)).status).toBe(401);
  });

  it("a state change from the console needs JSON and a same-site origin, like any admin call", async () => {
    const { sim } = await start();
    const fraga = (headers: Record<string, string>) =>
      fetch(`${sim.url}/__console/api/fraga`, {
        method: "POST",
        headers,
        body: JSON.stringify({ persona: "hela-kedjan", fromDatum: "2026-10-01", tomDatum: "2026-11-20" }),
      });
    expect((await fraga({ "content-type": "text/plain" })).status).toBe(415);
    expect((await fraga({ "content-type": "application/json", origin: "http://evil.example" })).status).toBe(
      403,
    );
    expect((await fraga({ "content-type": "application/json" })).status).toBe(200);
    // A DNS-rebinding page reaches the console under another name: refused by the Host check.
    const u = new URL(sim.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: u.hostname, port: u.port, path: "/__console", headers: { host: `evil.example:${u.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
