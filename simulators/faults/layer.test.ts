import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type BastjanstKod, type Sektion } from "../../contract/ssbt/model.js";
import { el } from "../../contract/xml/node.js";
import { testFraga } from "../../test/support/context.js";
import { mswHandler } from "../adapters/msw.js";
import { inProcessTransport } from "../adapters/transport.js";
import { SIMULATION_HEADER } from "../adapters/wire.js";
import { KompositTjanst, type Upstream } from "../aggregator/service.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { bodyText, jsonResponse, textResponse } from "../endpoint.js";
import { SIMULATORER } from "../registry.js";
import { mergeTiming, type TimingConfig, timingProfile } from "../timing/profiles.js";
import { MAX_COUNTERS, SimulationControl } from "./control.js";
import { type FaultMap, parseFaults } from "./fault.js";
import { withTimingAndFaults } from "./layer.js";

const ANSWER = "<svar>0123456789abcdefghij</svar>";
const NOW = new Date("2026-11-12T10:00:00+01:00");

function fakeSimulator(kod: BastjanstKod): BastjanstSimulator {
  const path = `/fake/${kod.toLowerCase()}`;
  return {
    kod,
    sektion: SIMULATORER[kod].sektion,
    namn: `Fake ${kod}`,
    path,
    endpoint: () => (req) => {
      if (req.method !== "POST") return undefined;
      if (req.path === path) return { ...textResponse(200, ""), body: `${ANSWER}<!--${bodyText(req)}-->` };
      if (req.path.startsWith(`${path}/sub/`)) return { ...textResponse(200, ""), body: ANSWER };
      return undefined;
    },
    protokoll: { format: "soap", mediaTyp: "text/xml", avkoda: () => undefined },
    pactProvider: `fake-${kod.toLowerCase()}`,
    pact: { persona: "ej-traff", exakt: [], felKontrollsiffra: "data" },
    latens: { medianMs: 0, p95Ms: 0 },
    kodverk: "none",
    faltregler: "none",
    ...(kod === "FK"
      ? { tekniskFel: (text: string) => jsonResponse(500, { meddelande: text }, "application/json") }
      : {}),
    klient: {
      begaran: (f, endpoint) => ({
        method: "POST",
        url: endpoint,
        headers: {},
        body: `${f.generellaFrageparametrar.personidentitet}`,
      }),
      tolka: async (res): Promise<Sektion> => {
        const text = await res.text();
        return res.ok && text.includes("</svar>")
          ? { data: [el("urn:fake", "svar", [text])] }
          : {
              error: {
                kalla: "BT",
                felkod: `HTTP_${res.status}`,
                felmeddelande: [text.slice(0, 60) || "tomt"],
              },
            };
      },
    },
  };
}

interface Setup {
  faults?: FaultMap;
  timing?: TimingConfig;
  timeScale?: number;
  deadlineMs?: number;
  seed?: number;
}

function setup(o: Setup = {}) {
  const deadline = o.deadlineMs ?? 10_000;
  const control = new SimulationControl({
    seed: o.seed ?? 1,
    now: () => new Date(NOW),
    timeScale: o.timeScale ?? 0,
    profile: "fast",
    timing: o.timing ?? timingProfile("fast"),
    faults: o.faults ?? {},
    deadlineMs: Object.fromEntries(BASTJANSTER.map((k) => [k, deadline])) as Record<BastjanstKod, number>,
  });
  const sims = BASTJANSTER.map(fakeSimulator);
  const endpoints = sims.map((s) => withTimingAndFaults(s, s.endpoint({} as never), control));
  const handlers = endpoints.map(mswHandler);
  const send = (kod: BastjanstKod, body = "q", sub = "") =>
    getResponse(
      handlers,
      new Request(`http://sim/fake/${kod.toLowerCase()}${sub}`, { method: "POST", body }),
    );
  const upstreams = Object.fromEntries(
    sims.map((s, i) => [
      s.kod,
      {
        simulator: s,
        endpoint: `http://sim${s.path}`,
        transport: inProcessTransport(endpoints[i]!),
        real: false,
      },
    ]),
  ) as Record<BastjanstKod, Upstream>;
  const komposit = new KompositTjanst({
    upstreams,
    deadlineMs: () => deadline * Math.max(1, o.timeScale ?? 0),
  });
  return { control, send, komposit };
}

describe("the timing and fault layer (a decorator of the endpoint, seen through the msw adapter)", () => {
  it("without faults in the fast profile, the simulator answers as if the layer were not there", async () => {
    const { send } = setup();
    const res = await send("AF", "hello");
    expect(res?.status).toBe(200);
    expect(await res?.text()).toBe(`${ANSWER}<!--hello-->`); // the body still reaches the real handler
    expect(await (await send("FK", "x", "/sub/lefi/v9"))?.text()).toBe(ANSWER);
  });

  it("down drops the connection", async () => {
    const { send } = setup({ faults: parseFaults({ AF: "down" }) });
    expect((await send("AF"))?.type).toBe("error");
    expect((await send("CSN"))?.status).toBe(200);
  });

  it("error:NNN answers that status with an HTML body", async () => {
    const { send } = setup({ faults: parseFaults({ AF: "error:502" }) });
    const res = (await send("AF"))!;
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("fault answers a SOAP 1.1 Fault (FK: the authority's own error format), HTTP 500", async () => {
    const { send } = setup({ faults: parseFaults({ SKV: "fault", FK: "fault" }) });
    const soap = (await send("SKV"))!;
    expect(soap.status).toBe(500);
    expect(soap.headers.get("content-type")).toContain("text/xml");
    expect(await soap.text()).toMatch(/<soap:Fault>.*<faultcode>soap:Server<\/faultcode>/s);
    const json = (await send("FK", "{}", "/sub/lefi/v9"))!;
    expect(json.status).toBe(500);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(await json.json()).toEqual({ meddelande: "Simulerat tekniskt fel i Fake FK (injicerat fel)." });
  });

  it("malformed answers the real answer cut in half", async () => {
    const { send } = setup({ faults: parseFaults({ SO: "malformed" }) });
    const full = `${ANSWER}<!--body-->`;
    const res = (await send("SO", "body"))!;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(full.slice(0, Math.floor(full.length / 2)));
  });

  it("closed answers 503 marked closed", async () => {
    const { send } = setup({ faults: parseFaults({ TNS: "closed" }) });
    const res = (await send("TNS"))!;
    expect(res.status).toBe(503);
    expect(res.headers.get(SIMULATION_HEADER)).toBe("closed");
  });

  it("slow at or above the deadline is a timeout at once with time scale 0 (no real wait)", async () => {
    const { send } = setup({ faults: parseFaults({ MIV: "slow:15s" }) });
    const t0 = performance.now();
    const res = (await send("MIV"))!;
    expect(performance.now() - t0).toBeLessThan(200);
    expect(res.status).toBe(504);
    expect(res.headers.get(SIMULATION_HEADER)).toBe("timeout");
  });

  it("slow below the deadline waits delay × time scale, then the simulator answers", async () => {
    const real = setup({ faults: parseFaults({ AF: "slow:300ms" }), timeScale: 1 });
    let t0 = performance.now();
    expect((await real.send("AF"))?.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const half = setup({ faults: parseFaults({ AF: "slow:600ms" }), timeScale: 0.5 });
    t0 = performance.now();
    await half.send("AF");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(performance.now() - t0).toBeLessThan(550);
    const none = setup({ faults: parseFaults({ AF: "slow:5s" }), timeScale: 0 });
    t0 = performance.now();
    expect((await none.send("AF"))?.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("the same seed and request sequence give the same background errors; another seed others", async () => {
    const timing = mergeTiming(timingProfile("fast"), { errorRate: 0.5 });
    const run = async (seed: number) => {
      const { send } = setup({ timing, seed });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await send(BASTJANSTER[i % 7]!, `q${i % 5}`))!.status);
      return out;
    };
    const a = await run(1);
    expect(new Set(a)).toEqual(new Set([200, 500]));
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it("reset() restarts the request counters, so the same sequence repeats", async () => {
    const { send, control } = setup({ timing: mergeTiming(timingProfile("fast"), { errorRate: 0.5 }) });
    const seq = async () => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await send("AF", "same"))!.status);
      return out;
    };
    const first = await seq();
    expect(await seq()).not.toEqual(first); // identical requests get the next numbers of their stream
    control.reset();
    expect(await seq()).toEqual(first);
  });
});

describe("the composite service behind the layer", () => {
  it("reports down as SSBT-2002, closed as SSBT-2004, slow ≥ deadline as SSBT-2001, error/fault/malformed as BT", async () => {
    const { komposit } = setup({
      faults: parseFaults({
        AF: "down",
        CSN: "closed",
        FK: "slow:15s",
        SKV: "error:502",
        SO: "fault",
        TNS: "malformed",
      }),
    });
    const t0 = performance.now();
    const svar = await komposit.hamta(testFraga("199608239829"), "v10");
    expect(performance.now() - t0).toBeLessThan(1000);
    const e = (k: BastjanstKod) => (svar.svarsdata[k] as { error: { kalla: string; felkod: string } }).error;
    expect(e("AF")).toMatchObject({ kalla: "SSBT", felkod: SSBT_FELKOD.EJ_NABAR });
    expect(e("CSN")).toMatchObject({ kalla: "SSBT", felkod: SSBT_FELKOD.STANGD });
    expect(e("FK")).toMatchObject({ kalla: "SSBT", felkod: SSBT_FELKOD.TIMEOUT });
    expect((svar.svarsdata.FK as { error: { felmeddelande: string[] } }).error.felmeddelande[0]).toBe(
      "Fake FK svarade inte inom 10000 ms (timeout).",
    );
    expect(e("SKV")).toMatchObject({ kalla: "BT", felkod: "HTTP_502" });
    expect(e("SO")).toMatchObject({ kalla: "BT", felkod: "HTTP_500" });
    expect(e("TNS")).toMatchObject({ kalla: "BT" });
    expect(svar.svarsdata.MIV).toHaveProperty("data");
  });

  it("in real time, a slow bastjänst is cut at the deadline and the answer still comes in time", async () => {
    const { komposit } = setup({
      faults: parseFaults({ CSN: "slow:5s", SO: "slow:100ms" }),
      timeScale: 1,
      deadlineMs: 300,
    });
    const t0 = performance.now();
    const svar = await komposit.hamta(testFraga("199608239829"), "v10");
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1500);
    expect(svar.svarsdata.CSN).toMatchObject({ error: { kalla: "SSBT", felkod: SSBT_FELKOD.TIMEOUT } });
    expect(svar.svarsdata.SO).toHaveProperty("data");
  });
});

describe("request counters", () => {
  it("stay bounded however many distinct questions arrive, and same fingerprint → same seed after reset", () => {
    const { control } = setup();
    for (let i = 0; i < MAX_COUNTERS + 500; i++) control.requestSeed("CSN", `fp-${i}`);
    expect(control.counterCount).toBe(MAX_COUNTERS);
    control.reset();
    const a = control.requestSeed("AF", "x");
    control.reset();
    expect(control.requestSeed("AF", "x")).toBe(a);
    expect(control.requestSeed("AF", "x")).not.toBe(a);
  });
});
