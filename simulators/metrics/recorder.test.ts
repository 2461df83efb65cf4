import { describe, expect, it } from "vitest";
import { maskera } from "../../contract/personidentitet.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { testFraga } from "../../test/support/context.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import type { DelUtfall } from "../aggregator/service.js";
import { PERSONAS } from "../population/population.js";
import { SlaRecorder } from "./recorder.js";

const T0 = new Date("2026-11-20T09:00:00.000Z");
const clock = () => new Date(T0);

/** All seven bastjänster gave data, except those listed as failed. */
function delar(failed: Partial<Record<BastjanstKod, "BT" | "SSBT">> = {}, ms = 100): DelUtfall[] {
  return BASTJANSTER.map((kod) => {
    const f = failed[kod];
    return f
      ? { kod, ms, utfall: f, felkod: f === "SSBT" ? "SSBT-2001" : "-1101" }
      : { kod, ms, utfall: "data" };
  });
}

function svar(ms: number, d: DelUtfall[] = delar()): SsbtUtfall {
  return { operation: "hamtaBastjanstInformation", version: "v10", status: 200, ms, delar: d };
}

function fault(felkod = "SSBT-1005"): SsbtUtfall {
  return { operation: "hamtaBastjanstInformation", version: "v10", status: 500, felkod, ms: 2, delar: [] };
}

describe("SlaRecorder: svarstid", () => {
  it("gives p50/p90/p99/max of answered questions and the shares within 7 s and 12 s", () => {
    const m = new SlaRecorder({ now: clock });
    for (let i = 1; i <= 100; i++) m.observe(svar(i * 100));
    const s = m.toJSON().svarstid;
    expect(s).toMatchObject({ antal: 100, p50: 5_000, p90: 9_000, p99: 9_900, max: 10_000, min: 100 });
    expect(s.inom7s).toBe(70);
    expect(s.andelInom7s).toBe(0.7);
    expect(s.andelInom12s).toBe(1);
    expect(s.mal7sUppfyllt).toBe(false);
    expect(s.mal12sUppfyllt).toBe(true);
  });

  it("meets the 7 s level at exactly 90 % and misses the 12 s level with one answer over 12 s", () => {
    const m = new SlaRecorder({ now: clock });
    for (let i = 0; i < 90; i++) m.observe(svar(1_000));
    for (let i = 0; i < 9; i++) m.observe(svar(11_000));
    m.observe(svar(12_000)); // 12 s counts as within
    let s = m.toJSON().svarstid;
    expect(s).toMatchObject({ p50: 1_000, p90: 1_000, p99: 11_000, max: 12_000, inom7s: 90, inom12s: 100 });
    expect(s.mal7sUppfyllt).toBe(true);
    expect(s.mal12sUppfyllt).toBe(true);
    m.observe(svar(12_000.5));
    s = m.toJSON().svarstid;
    expect(s.inom12s).toBe(100);
    expect(s.andelInom12s).toBe(0.9901);
    expect(s.mal12sUppfyllt).toBe(false);
    expect(s.mal7sUppfyllt).toBe(false); // 90 of 101
  });

  it("leaves faults and connection tests out of the response times", () => {
    const m = new SlaRecorder({ now: clock });
    m.observe(fault());
    m.observe({ operation: "testaBastjanstInformation", version: "v10", status: 200, ms: 9_999, delar: [] });
    expect(m.toJSON().svarstid).toMatchObject({ antal: 0, andelInom7s: null, mal7sUppfyllt: null });
  });
});

describe("SlaRecorder: leveransprecision", () => {
  it("is answered questions over all questions, target 95 %", () => {
    const m = new SlaRecorder({ now: clock });
    for (let i = 0; i < 19; i++) m.observe(svar(50));
    m.observe(fault("SSBT-1005"));
    let l = m.toJSON().leveransprecision;
    expect(l).toMatchObject({
      fragor: 20,
      besvarade: 19,
      avvisade: 1,
      andelBesvarade: 0.95,
      malUppfyllt: true,
    });
    expect(l.avvisadePerFelkod).toEqual({ "SSBT-1005": 1 });
    m.observe({ operation: "okand", version: "v10", status: 415, felkod: "SSBT-1001", ms: 1, delar: [] });
    l = m.toJSON().leveransprecision;
    expect(l).toMatchObject({ fragor: 21, besvarade: 19, avvisade: 2, malUppfyllt: false });
  });

  it("counts connection tests apart", () => {
    const m = new SlaRecorder({ now: clock });
    m.observe({ operation: "testaBastjanstInformation", version: "v10", status: 200, ms: 3, delar: [] });
    m.observe({
      operation: "testaBastjanstInformation",
      version: "v11",
      status: 500,
      felkod: "SSBT-1002",
      delar: [],
    });
    const j = m.toJSON();
    expect(j.anslutningstester).toEqual({ antal: 2, medFel: 1 });
    expect(j.leveransprecision.fragor).toBe(0);
    expect(j.leveransprecision.andelBesvarade).toBeNull();
    expect(j.utbyten.perOperation.testaBastjanstInformation).toBe(2);
  });
});

describe("SlaRecorder: tillgänglighet", () => {
  it("counts 0 failed as tillgänglig, exactly 1 as not disturbed, 2 or more as med störning", () => {
    const m = new SlaRecorder({ now: clock });
    m.observe(svar(10));
    m.observe(svar(10, delar({ CSN: "BT" })));
    m.observe(svar(10, delar({ CSN: "BT", FK: "SSBT" })));
    m.observe(svar(10, delar({ AF: "SSBT", SKV: "SSBT", MIV: "BT" })));
    m.observe(fault()); // no answer: not part of the availability count
    const t = m.toJSON().tillganglighet;
    expect(t).toEqual({
      svar: 4,
      tillganglig: 1,
      medEttFel: 1,
      medStorning: 2,
      andelTillganglig: 0.25,
      andelMedStorning: 0.5,
    });
  });

  it("keeps per-bastjänst outcomes, felkoder and durations", () => {
    const m = new SlaRecorder({ now: clock });
    m.observe(svar(10, delar({ CSN: "BT" }, 200)));
    m.observe(svar(10, delar({ CSN: "SSBT" }, 400)));
    m.observe(svar(10, delar({}, 300)));
    const csn = m.toJSON().bastjanster.CSN;
    expect(csn).toMatchObject({ anrop: 3, data: 1, BT: 1, SSBT: 1, andelData: 0.3333 });
    expect(csn.felPerFelkod).toEqual({ "-1101": 1, "SSBT-2001": 1 });
    expect(csn.svarstid).toMatchObject({ antal: 3, p50: 300, max: 400 });
    expect(m.toJSON().bastjanster.AF).toMatchObject({ anrop: 3, data: 3, BT: 0, SSBT: 0, andelData: 1 });
  });
});

describe("SlaRecorder: aggregates only, summary, reset", () => {
  it("keeps no value of the question: korrelationsid, personidentitet and ingivare are not in the metrics", () => {
    const m = new SlaRecorder({ now: clock });
    const p = PERSONAS[0]!;
    m.observe({ ...svar(1234.4, delar({ TNS: "BT" })), fraga: testFraga(p.personidentitet) });
    const text = JSON.stringify(m.toJSON()) + m.summary();
    expect(text).not.toContain("c0ffee00-0000-4000-8000-000000000001");
    expect(text).not.toContain("162129999991");
    expect(text).not.toContain(maskera(p.personidentitet));
    expect(m.toJSON().bastjanster.TNS.felPerFelkod).toEqual({ "-1101": 1 });
  });

  it("summarises against the agreement's numbers", () => {
    const m = new SlaRecorder({ now: clock });
    for (let i = 0; i < 9; i++) m.observe(svar(500));
    m.observe(svar(8_000, delar({ CSN: "SSBT", FK: "SSBT" })));
    m.observe(fault());
    const text = m.summary();
    expect(text).toContain(
      "Svarstid (10 answered questions): p50 500 ms, p90 500 ms, p99 8000 ms, max 8000 ms",
    );
    expect(text).toContain("within 7 s: 90.0 % (target ≥ 90 %) met");
    expect(text).toContain("within 12 s: 100.0 % (target 100 %) met");
    expect(text).toContain(
      "Leveransprecision: 10 of 11 questions answered = 90.9 % (target ≥ 95 %) NOT MET; faults: SSBT-1005×1",
    );
    expect(text).toContain('1 "tillgänglig med störning"');
    expect(text).toMatch(/CSN\s+10 calls: data 9, BT 0, SSBT 1/);
  });

  it("forgets everything on reset", () => {
    let t = T0.getTime();
    const m = new SlaRecorder({ now: () => new Date(t) });
    m.observe({ ...svar(10, delar({ AF: "BT" })), fraga: testFraga(PERSONAS[0]!.personidentitet) });
    m.observe(fault());
    t += 60_000;
    m.reset();
    const j = m.toJSON();
    expect(j.sedan).toBe(new Date(t).toISOString());
    expect(j.utbyten.antal).toBe(0);
    expect(j.svarstid.antal).toBe(0);
    expect(j.leveransprecision.avvisadePerFelkod).toEqual({});
    expect(j.bastjanster.AF).toMatchObject({ anrop: 0, BT: 0, felPerFelkod: {} });
    expect(j.tillganglighet.svar).toBe(0);
  });
});
