import { describe, expect, it } from "vitest";
import { BASTJANSTER } from "../../contract/ssbt/model.js";
import { testFraga } from "../../test/support/context.js";
import { expectNoPersonnummer } from "../../test/support/privacy.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import { PERSONAS } from "../population/population.js";
import { SlaRecorder } from "./recorder.js";

function utfall(i: number): SsbtUtfall {
  const p = PERSONAS[i % PERSONAS.length]!;
  return {
    operation: "hamtaBastjanstInformation",
    version: "v10",
    status: i % 17 === 0 ? 500 : 200,
    ...(i % 17 === 0 ? { felkod: `SSBT-10${i % 100}` } : {}),
    ms: (i * 37) % 15_000,
    delar: BASTJANSTER.map((kod, k) =>
      (i + k) % 11 === 0
        ? { kod, ms: (i * k) % 9_000, utfall: "BT" as const, felkod: `F-${i}` } // ever-new felkoder
        : { kod, ms: (i * k) % 9_000, utfall: "data" as const },
    ),
    fraga: testFraga(p.personidentitet),
  };
}

describe("SlaRecorder privacy", () => {
  it("(b) keeps no unmasked personidentitet, no base64 payload and no names", () => {
    const m = new SlaRecorder();
    for (let i = 0; i < PERSONAS.length * 2; i++) m.observe(utfall(i));
    m.observe({ ...utfall(1), felkod: "fel för 199608239829" }); // a felkod carrying a personnummer
    const json = JSON.stringify(m);
    const text = `${json}\n${m.summary()}`;
    expectNoPersonnummer(
      text,
      PERSONAS.map((p) => p.personidentitet),
    );
    for (const p of PERSONAS) {
      expect(text).not.toContain(`${p.fornamn} ${p.efternamn}`);
      expect(text).not.toContain(p.fornamn);
    }
    expectNoPersonnummer(text, ["199608239829"]);
    expect(text).not.toContain("lefiJsonFraga");
    expect(text).not.toMatch(/[A-Za-z0-9+/]{40,}={0,2}/); // no base64 blob
    expect(text).not.toContain("Testkommunen"); // the ingivare's name is user activity: the log's, not the metrics'
    expect(text).not.toContain(`${PERSONAS[0]!.personidentitet.slice(0, 8)}-****`); // not even masked
  });

  it("(c) holds constant memory: after 5 000 exchanges the histograms and felkod counters are unchanged", () => {
    const m = new SlaRecorder();
    for (let i = 0; i < 50; i++) m.observe(utfall(i));
    const after50 = m.storlek();
    const felkoder50 = after50.felkoder;
    for (let i = 50; i < 5_000; i++) m.observe(utfall(i));
    const after5000 = m.storlek();
    expect(after5000.histogramFack).toBe(after50.histogramFack);
    // Distinct felkoder are capped (64 per counter + "övrigt"), whatever upstreams send.
    expect(felkoder50).toBeLessThanOrEqual(8 * 65);
    expect(after5000.felkoder).toBeLessThanOrEqual(8 * 65);
    const json = m.toJSON();
    expect(json.utbyten.antal).toBe(5_000);
    expect(JSON.stringify(json).length).toBeLessThan(200_000);
  });
});
