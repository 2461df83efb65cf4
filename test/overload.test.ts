import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseSoapEnvelope, soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { createObservability } from "../simulators/observability.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { TEST_NOW, testFraga } from "./support/context.js";

const FRAGA = soapEnvelope(encodeFraga(testFraga("197003039885")));
const post = async (url: string) => {
  const t0 = performance.now();
  const r = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8" },
    body: FRAGA,
  });
  return {
    status: r.status,
    text: await r.text(),
    retryAfter: r.headers.get("retry-after"),
    ms: performance.now() - t0,
  };
};

describe("admission control and connection limits", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close({ drainMs: 0 });
    sim = undefined;
  });

  it("beyond the places and the wait: a fast 503 SOAP Fault SSBT-3001, counted in the metrics", async () => {
    const obs = createObservability({ logLevel: "silent" });
    sim = await startSimulator(
      {
        port: 0,
        now: () => new Date(TEST_NOW),
        timeScale: 1,
        faults: { CSN: "slow:1500ms" },
        maxInFlight: 4,
        maxWaiting: 4,
        maxWaitMs: 200,
      },
      { onUtfall: obs.onUtfall, onLeverans: obs.onLeverans, adminHandlers: obs.adminHandlers },
    );
    // Warm up (the first answer compiles the code paths), then reset the counters.
    sim.chain.control.setFaults({});
    expect((await post(sim.ssbtek)).status).toBe(200);
    sim.chain.control.setFaults({ CSN: { kind: "slow", ms: 1500 } });
    obs.metrics.reset();
    const all = await Promise.all(Array.from({ length: 30 }, () => post(sim!.ssbtek)));
    const ok = all.filter((r) => r.status === 200);
    const refused = all.filter((r) => r.status === 503);
    expect(ok).toHaveLength(4);
    expect(refused).toHaveLength(26);
    for (const r of refused) {
      // Refused at once (≤ 200 ms wait); the bound leaves room for a busy shared CI machine.
      expect(r.ms).toBeLessThan(1_500);
      expect(r.retryAfter).toBe("1");
      expect(parseSoapEnvelope(r.text).body.local).toBe("Fault");
      expect(r.text).toContain(SSBT_FELKOD.OVERBELASTAD);
      expect(r.text).toContain("överbelastad");
    }
    const m = obs.metrics.toJSON();
    expect(m.leverans).toMatchObject({
      mottagna: 30,
      fullstandiga: 4,
      avvisadeOverbelastning: 26,
      avbrutna: 0,
    });
    expect(m.leveransprecision.avvisadePerFelkod[SSBT_FELKOD.OVERBELASTAD]).toBe(26);
    // Service-level times are the wire's: the 1.5 s the answers took, not the handler's share.
    expect(m.svarstid.antal).toBe(4);
    expect(m.svarstid.min).toBeGreaterThanOrEqual(1_400);
    expect(obs.summary()).toContain("refused as overloaded: 26");
  });

  it("idle connections that never send a header are cut off, and the service is reachable again", async () => {
    sim = await startSimulator({
      port: 0,
      now: () => new Date(TEST_NOW),
      maxConnections: 16,
      headersTimeoutMs: 500,
    });
    const u = new URL(sim.url);
    const idle: Socket[] = [];
    for (let i = 0; i < 40; i++) {
      const s = connect(Number(u.port), u.hostname);
      s.on("error", () => undefined);
      idle.push(s);
    }
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    let answered: number | undefined;
    while (performance.now() - t0 < 8_000 && answered === undefined) {
      try {
        answered = (await post(sim.ssbtek)).status;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(answered).toBe(200);
    expect(performance.now() - t0).toBeLessThan(5_000);
    for (const s of idle) s.destroy();
  });
});
