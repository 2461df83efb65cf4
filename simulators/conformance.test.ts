import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personnummer } from "../arbitraries.js";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { testContext, testFraga } from "../test/support/context.js";
import { type Adapter, adaptrar, arVagran, begaranFor, brister, felaktiga } from "./conformance.js";
import { PERSONAS } from "./population/population.js";
import { SIMULATORER } from "./registry.js";

// Every simulator in the registry, through the in-process, msw and node:http adapters: the same
// bytes whichever adapter carries the request, answers valid against our schema model, no stack
// traces, no unmasked personidentitet in errors, broken requests refused in the authority's own way.
for (const kod of BASTJANSTER) {
  const sim = SIMULATORER[kod];
  const kallor = PERSONAS.filter((p) => p.kallor.includes(kod)).slice(0, 6);
  const personer = [...kallor, PERSONAS[0]!].map((p) => p.personidentitet);

  describe(`conformance kit: ${kod} (${sim.namn})`, () => {
    let adapters: Adapter[] = [];
    beforeAll(async () => {
      adapters = await adaptrar(sim, testContext());
    });
    afterAll(async () => {
      for (const a of adapters) await a.stang();
    });

    it("answers every persona with the same bytes through every adapter, and the answer conforms", async () => {
      for (const pnr of personer) {
        const fraga = testFraga(pnr);
        if (sim.klient.forkontroll?.(fraga, { version: "v10", ns: "" })) continue;
        const b = begaranFor(sim, fraga);
        const [direkt, ...andra] = await Promise.all(adapters.map((a) => a.skicka(b)));
        expect(brister(sim, direkt!, pnr), pnr).toEqual([]);
        for (const [i, u] of andra.entries()) expect(u, `${adapters[i + 1]!.namn} ${pnr}`).toEqual(direkt);
      }
    });

    it("is deterministic: same seed and clock, same bytes; generated identities conform too", async () => {
      const andra = await adaptrar(sim, testContext());
      try {
        await fc.assert(
          fc.asyncProperty(personnummer(), async (pnr) => {
            const fraga = testFraga(pnr);
            if (sim.klient.forkontroll?.(fraga, { version: "v10", ns: "" })) return;
            const b = begaranFor(sim, fraga);
            const u = await adapters[0]!.skicka(b);
            expect(brister(sim, u, pnr)).toEqual([]);
            expect(await andra[0]!.skicka(b)).toEqual(u);
          }),
          { numRuns: 15, seed: 7 },
        );
      } finally {
        for (const a of andra) await a.stang();
      }
    });

    it("refuses broken requests with its own error on every adapter (not 2xx, not 404, not empty)", async () => {
      const giltig = begaranFor(sim, testFraga(personer[0]!));
      for (const f of felaktiga(sim, giltig))
        for (const a of adapters) {
          const u = await a.skicka(f.begaran);
          expect(arVagran(u), `${a.namn} ${f.id}: HTTP ${u.status} ${u.body.slice(0, 120)}`).toBe(true);
          expect(brister(sim, u, personer[0]!), `${a.namn} ${f.id}`).toEqual([]);
        }
    });
  });
}

describe("the conformance kit itself", () => {
  const sim = SIMULATORER.TNS;
  it("flags a stack trace, an echoed personidentitet, a wrong media type and a schema breach", () => {
    const pnr = "199608239829";
    const fel = brister(
      sim,
      { status: 500, contentType: "text/html", body: `fel för ${pnr}\n    at x (/a/b.ts:12:3)` },
      pnr,
    );
    expect(fel).toHaveLength(3);
    expect(brister(sim, { status: 200, contentType: "text/xml", body: "<x/>" }, pnr)[0]).toMatch(/schema/);
  });
  it("does not count a bare 404 or an empty body as a refusal", () => {
    expect(arVagran({ status: 404, contentType: "text/plain", body: "no" })).toBe(false);
    expect(arVagran({ status: 400, contentType: "text/plain", body: " " })).toBe(false);
    expect(arVagran({ status: 500, contentType: "text/xml", body: "<fault/>" })).toBe(true);
  });
});
