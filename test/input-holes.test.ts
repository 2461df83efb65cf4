import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSoapEnvelope } from "../contract/soap/envelope.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { TEST_NOW } from "./support/context.js";
import { rawHttp } from "./support/raw-http.js";

const JSON_TYPE = { "Content-Type": "application/json" };

describe("input holes: every case gets a specific 4xx, numbers are bounded, GET round-trips to PUT", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: () => new Date(TEST_NOW) });
  });
  afterAll(() => sim.close({ drainMs: 0 }));
  const put = async (what: "faults" | "timing", body: string) => {
    const r = await fetch(`${sim.url}/__admin/${what}`, { method: "PUT", headers: JSON_TYPE, body });
    return { status: r.status, text: await r.text() };
  };
  const host = () => new URL(sim.url).host;

  it("POST /%ff/ssbtek → 400 saying what is wrong", async () => {
    const out = await rawHttp(
      sim.url,
      `POST /%ff/ssbtek HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 400 /);
    expect(out).toContain("percent-encoding");
  });

  it("POST /ssbtek/%ff → 400 SOAP Fault with felkod SSBT-1001", async () => {
    const out = await rawHttp(
      sim.url,
      `POST /ssbtek/%ff HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 400 /);
    const body = out.slice(out.indexOf("<"));
    expect(parseSoapEnvelope(body).body.local).toBe("Fault");
    expect(body).toContain(SSBT_FELKOD.OGILTIGT_MEDDELANDE);
  });

  it("CONNECT → 405 status line, not a bare close", async () => {
    const out = await rawHttp(sim.url, "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n");
    expect(out).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  });

  it("100 000-deep JSON on PUT /__admin/faults → 400 TOO_DEEP", async () => {
    const r = await put("faults", `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toBe("TOO_DEEP");
    const t = await put("timing", `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`);
    expect(t.status).toBe(400);
  });

  it.each([
    ['{"MIV":{"kind":"slow","ms":1e999}}'],
    ['{"MIV":{"kind":"slow","ms":-1}}'],
    ['{"MIV":{"kind":"slow","ms":1.5}}'],
    ['{"MIV":"slow:99999999999999999999999m"}'],
    ['{"MIV":"slow:61m"}'],
    ['{"MIV":"error:450.7"}'],
    ['{"MIV":{"kind":"error","status":450.7}}'],
  ])("PUT /__admin/faults %s → 400, nothing stored", async (body) => {
    const r = await put("faults", body);
    expect(r.status).toBe(400);
    expect(await (await fetch(`${sim.url}/__admin/faults`)).json()).toEqual({});
  });

  it.each([
    ['{"latency":{"CSN":{"medianMs":1e308}}}'],
    ['{"latency":{"CSN":{"p95Ms":1e308}}}'],
    ['{"monthEnd":{"factor":1e308}}'],
    ['{"openingHours":{"slowFactor":1e308}}'],
  ])("PUT /__admin/timing %s → 400", async (body) => {
    expect((await put("timing", body)).status).toBe(400);
  });

  it("an error message echoes at most a short prefix of the input", async () => {
    const r = await put("faults", JSON.stringify({ MIV: `x${"y".repeat(60_000)}` }));
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(400);
    const k = await put("faults", JSON.stringify({ [`K${"z".repeat(60_000)}`]: "down" }));
    expect(k.status).toBe(400);
    expect(k.text.length).toBeLessThan(400);
  });

  it("what GET returns is what PUT accepts (faults and timing round-trip)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            AF: fc.constantFrom("down", "malformed", "fault", "closed"),
            CSN: fc.integer({ min: 0, max: 3_600_000 }).map((ms) => `slow:${ms}ms`),
            MIV: fc.integer({ min: 400, max: 599 }).map((s) => `error:${s}`),
            FK: fc.double({ min: 0, max: 60, noNaN: true }).map((m) => `slow:${m.toFixed(3)}m`),
          },
          { requiredKeys: [] },
        ),
        async (faults) => {
          const first = await put("faults", JSON.stringify(faults));
          expect(first.status).toBe(200);
          const got = await (await fetch(`${sim.url}/__admin/faults`)).text();
          const again = await put("faults", got);
          expect(again.status, again.text).toBe(200);
          expect(await (await fetch(`${sim.url}/__admin/faults`)).text()).toBe(got);
        },
      ),
      { numRuns: 30 },
    );
    const timing = (await (await fetch(`${sim.url}/__admin/timing`)).json()) as { timing: unknown };
    const back = await put("timing", JSON.stringify(timing.timing));
    expect(back.status, back.text).toBe(200);
  });
});
