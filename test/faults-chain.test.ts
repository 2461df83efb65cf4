import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { parseSoapEnvelope, soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type Sektion,
  type SsbtFraga,
  type SsbtSvar,
} from "../contract/ssbt/model.js";
import { type Chain, createChain } from "../simulators/chain.js";
import type { FaultMap } from "../simulators/faults/fault.js";
import { resolveOptions, type SimulateOptions } from "../simulators/options.js";
import { bodyChildXml } from "./support/answers.js";
import { TEST_NOW, testFraga } from "./support/context.js";
import { REFERENCE_DIR, REFERENCE_MISSING } from "./support/reference.js";
import { SSBT10_XSD, validateManyAgainst } from "./support/xsd.js";

const HELA_KEDJAN = "197003039885"; // data at all seven bastjänster
const now = () => new Date(TEST_NOW);

function chain(o: SimulateOptions = {}): Chain {
  return createChain(resolveOptions({ seed: 1, now, ...o }), "http://ssbtek.local");
}

async function ask(c: Chain, fraga: SsbtFraga): Promise<{ xml: string; svar: SsbtSvar }> {
  const res = await getResponse(
    c.handlers,
    new Request("http://ssbtek.local/ssbtek", {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8" },
      body: soapEnvelope(encodeFraga(fraga)),
    }),
  );
  expect(res?.status).toBe(200);
  const xml = await res!.text();
  return { xml, svar: decodeSvar(parseSoapEnvelope(xml).body) };
}

const kalla = (s: Sektion | undefined) => (s && "error" in s ? s.error.kalla : s ? "data" : "saknas");
const felkod = (s: Sektion | undefined) => (s && "error" in s ? s.error.felkod : undefined);
const failing = (mask: number) => BASTJANSTER.filter((_, i) => mask & (1 << i));

const FAULT_KINDS = ["down", "slow:15s", "error:502", "malformed", "fault", "closed"] as const;
const SSBT_FAULTS: Record<string, string> = {
  down: SSBT_FELKOD.EJ_NABAR,
  "slow:15s": SSBT_FELKOD.TIMEOUT,
  closed: SSBT_FELKOD.STANGD,
};

describe("every subset of failing bastjänster (2^7) yields a valid answer with errors exactly for the failing ones", () => {
  const c = chain();
  const baseline: Partial<Record<BastjanstKod, string>> = {};

  it("baseline: without faults no section is failed by the composite service itself", async () => {
    const { svar } = await ask(c, testFraga(HELA_KEDJAN));
    for (const kod of BASTJANSTER) {
      baseline[kod] = kalla(svar.svarsdata[kod]);
      expect(["data", "BT"], kod).toContain(baseline[kod]);
    }
  });

  it("all 128 subsets with `down`: SSBT-2002 for the failing ones, the baseline (data/BT) for the rest; ~10 XSD-validated", async () => {
    const validate: string[] = [];
    for (let mask = 0; mask < 128; mask++) {
      const down = failing(mask);
      c.control.setFaults(Object.fromEntries(down.map((k) => [k, { kind: "down" }])) as FaultMap);
      const { xml, svar } = await ask(c, testFraga(HELA_KEDJAN));
      expect(Object.keys(svar.svarsdata), `mask ${mask}`).toEqual([...BASTJANSTER]);
      for (const kod of BASTJANSTER) {
        const s = svar.svarsdata[kod];
        if (down.includes(kod)) {
          expect(kalla(s), `mask ${mask} ${kod}`).toBe("SSBT");
          expect(felkod(s), `mask ${mask} ${kod}`).toBe(SSBT_FELKOD.EJ_NABAR);
        } else expect(kalla(s), `mask ${mask} ${kod}`).toBe(baseline[kod]);
      }
      if (mask % 13 === 0 || mask === 127) validate.push(xml);
    }
    c.control.clearFaults();
    expect(validate.length).toBeGreaterThanOrEqual(10);
    if (!REFERENCE_DIR) {
      console.warn(REFERENCE_MISSING);
      return;
    }
    const results = await validateManyAgainst(validate.map(bodyChildXml), SSBT10_XSD);
    for (const [i, r] of results.entries()) expect(r.errors, `answer ${i}`).toEqual([]);
  });

  it("every fault kind at every bastjänst: an error section there (kalla SSBT or BT as documented), the baseline elsewhere, XSD-valid", async () => {
    const xmls: string[] = [];
    for (const [i, kind] of FAULT_KINDS.entries()) {
      // each kind hits all seven at once, and once alone at a rotating bastjänst
      for (const set of [BASTJANSTER, [BASTJANSTER[i % 7]!]]) {
        c.control.setFaults(Object.fromEntries(set.map((k) => [k, parseKind(kind)])) as FaultMap);
        const { xml, svar } = await ask(c, testFraga(HELA_KEDJAN));
        for (const kod of BASTJANSTER) {
          const s = svar.svarsdata[kod];
          if (!set.includes(kod)) {
            expect(kalla(s), `${kind} ${kod}`).toBe(baseline[kod]);
            continue;
          }
          const ssbt = SSBT_FAULTS[kind];
          expect(kalla(s), `${kind} ${kod}`).toBe(ssbt ? "SSBT" : "BT");
          if (ssbt) expect(felkod(s), `${kind} ${kod}`).toBe(ssbt);
        }
        xmls.push(xml);
      }
    }
    c.control.clearFaults();
    if (!REFERENCE_DIR) return;
    const checked = xmls.filter((_, i) => i % 2 === 0);
    const results = await validateManyAgainst(checked.map(bodyChildXml), SSBT10_XSD);
    for (const [i, r] of results.entries()) expect(r.errors, `answer ${2 * i}`).toEqual([]);
  });
});

function parseKind(kind: (typeof FAULT_KINDS)[number]) {
  if (kind === "slow:15s") return { kind: "slow" as const, ms: 15_000 };
  if (kind === "error:502") return { kind: "error" as const, status: 502 };
  return { kind };
}

/** Section kinds without any fault or timing effect (data, or the bastjänst's own BT error). */
async function baselineOf(fraga: SsbtFraga, o: SimulateOptions = {}): Promise<Record<BastjanstKod, string>> {
  const { svar } = await ask(chain(o), fraga);
  return Object.fromEntries(BASTJANSTER.map((k) => [k, kalla(svar.svarsdata[k])])) as Record<
    BastjanstKod,
    string
  >;
}

describe("timing in the chain", () => {
  it("a slow fault becomes SSBT-2001 and the answer still comes within the deadline (real time, small deadline)", async () => {
    const base = await baselineOf(testFraga(HELA_KEDJAN));
    const c = chain({ timeScale: 1, deadlineMs: 400, faults: { CSN: "slow:5s", TNS: "slow:50ms" } });
    const t0 = performance.now();
    const { svar } = await ask(c, testFraga(HELA_KEDJAN));
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(2500);
    expect(svar.svarsdata.CSN).toMatchObject({ error: { kalla: "SSBT", felkod: SSBT_FELKOD.TIMEOUT } });
    expect(kalla(svar.svarsdata.TNS)).toBe(base.TNS);
  });

  it("with time scale 0 a slow fault at or above the deadline is a timeout without waiting", async () => {
    const base = await baselineOf(testFraga(HELA_KEDJAN));
    const c = chain({ faults: { FK: "slow:15s", AF: "slow:9s" } });
    const t0 = performance.now();
    const { svar } = await ask(c, testFraga(HELA_KEDJAN));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(felkod(svar.svarsdata.FK)).toBe(SSBT_FELKOD.TIMEOUT);
    expect(kalla(svar.svarsdata.AF)).toBe(base.AF); // 9 s < 10 s deadline
  });

  it("a planned outage (scenario file) closes MIV: SSBT-2004, the rest answer", async () => {
    const fraga = testFraga(HELA_KEDJAN, { fromDatum: "2026-09-27", tomDatum: "2026-11-26" });
    const base = await baselineOf(fraga, { now: () => new Date("2026-11-26T09:30:00+01:00") });
    const c = chain({ now: undefined, scenario: "fixtures/scenarios/miv-avbrott.json" });
    const { svar } = await ask(c, fraga);
    expect(svar.svarsdata.MIV).toMatchObject({ error: { kalla: "SSBT", felkod: SSBT_FELKOD.STANGD } });
    expect((svar.svarsdata.MIV as { error: { felmeddelande: string[] } }).error.felmeddelande[0]).toContain(
      "release MIV 8.3",
    );
    for (const kod of BASTJANSTER.filter((k) => k !== "MIV"))
      expect(kalla(svar.svarsdata[kod]), kod).toBe(base[kod]);
  });

  it("outside opening hours with policy unavailable every bastjänst is closed (SSBT-2004); inside they answer", async () => {
    const saturday = () => new Date("2026-11-21T10:00:00+01:00");
    const closed = chain({ now: saturday, outsideHours: "unavailable" });
    const { svar } = await ask(closed, testFraga(HELA_KEDJAN));
    for (const kod of BASTJANSTER) expect(felkod(svar.svarsdata[kod]), kod).toBe(SSBT_FELKOD.STANGD);
    const base = await baselineOf(testFraga(HELA_KEDJAN));
    const open = await ask(chain({ outsideHours: "unavailable" }), testFraga(HELA_KEDJAN)); // TEST_NOW is a Friday 10:00
    for (const kod of BASTJANSTER) expect(kalla(open.svar.svarsdata[kod])).toBe(base[kod]);
  });

  it("realistic timing with background errors is reproducible: same seed and sequence, same outcomes", async () => {
    const outcomes = async (seed: number) => {
      const c = chain({ seed, profile: "realistic", timing: { errorRate: 0.15, timeoutRate: 0.15 } });
      const out: string[] = [];
      for (const pid of [HELA_KEDJAN, "199608239829", HELA_KEDJAN, "196507309901"]) {
        const { svar } = await ask(c, testFraga(pid));
        out.push(
          BASTJANSTER.map((k) => `${k}:${kalla(svar.svarsdata[k])}:${felkod(svar.svarsdata[k]) ?? ""}`).join(
            " ",
          ),
        );
      }
      return out;
    };
    const a = await outcomes(5);
    expect(a.join(" ")).toMatch(/SSBT-2001/);
    expect(await outcomes(5)).toEqual(a);
    expect(await outcomes(6)).not.toEqual(a);
  });

  it("the default (fast) profile has no background errors: many questions, always data", async () => {
    const base = await baselineOf(testFraga(HELA_KEDJAN));
    const c = chain();
    expect(c.control.profile).toBe("fast");
    expect(c.control.timing().errorRate + c.control.timing().timeoutRate).toBe(0);
    for (let i = 0; i < 10; i++) {
      const { svar } = await ask(c, testFraga(HELA_KEDJAN));
      for (const kod of BASTJANSTER) expect(kalla(svar.svarsdata[kod])).toBe(base[kod]);
    }
  });
});
