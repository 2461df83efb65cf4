import { describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import { parseSoapEnvelope, SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../../contract/ssbt/codec.js";
import type { SsbtFraga } from "../../contract/ssbt/model.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { expectNoPersonnummer } from "../../test/support/privacy.js";
import { createChain } from "../chain.js";
import { simRequest } from "../endpoint.js";
import { resolveOptions } from "../options.js";
import { PERSONAS } from "../population/population.js";
import { handlaggarvy } from "./handlaggarvy.js";
import { kronor, NBSP, svenskPeriod, svensktDatum } from "./svensk-format.js";

const NOW = new Date("2026-11-20T10:00:00+01:00");
const chain = createChain(
  resolveOptions({ seed: 1, now: () => new Date(NOW), profile: "fast", timeScale: 0 }),
  "http://sim.test",
);

async function vy(personaId: string) {
  const p = PERSONAS.find((x) => x.id === personaId);
  if (!p) throw new Error(personaId);
  const f: SsbtFraga = fullFraga(p.personidentitet, standardPeriod(NOW), "HV-1");
  const out = await chain.endpoint(
    simRequest("POST", "/ssbtek", { "content-type": SOAP11_CONTENT_TYPE }, soapEnvelope(encodeFraga(f))),
  );
  if (out?.kind !== "response") throw new Error("no answer");
  const text = typeof out.body === "string" ? out.body : new TextDecoder().decode(out.body);
  return { p, vy: handlaggarvy(f, decodeSvar(parseSoapEnvelope(text).body, "v10")) };
}

const rader = (v: Awaited<ReturnType<typeof vy>>["vy"], kod: string) =>
  v.myndigheter.find((m) => m.kod === kod)?.block.flatMap((b) => b.rader) ?? [];

describe("Swedish formats", () => {
  it("amounts, dates and periods as caseworkers read them", () => {
    expect(kronor(1300)).toBe(`1${NBSP}300${NBSP}kr`);
    expect(kronor("1946.00")).toBe(`1${NBSP}946${NBSP}kr`);
    expect(kronor(-3564.5)).toBe(`\u22123${NBSP}564,50${NBSP}kr`);
    expect(svensktDatum("2026-01-01")).toBe("1 jan 2026");
    expect(svensktDatum("20260315")).toBe("15 mars 2026");
    expect(svenskPeriod("2026-01-01", "2026-01-31")).toBe("1 jan 2026 – 31 jan 2026");
    expect(svenskPeriod("2026-04-01", undefined)).toBe("från 1 apr 2026");
  });
});

describe("Handläggarvy", () => {
  it("labels codes with their kodverk text and formats amounts and periods", async () => {
    const { vy: v } = await vy("student-bostadsbidrag");
    const fk = rader(v, "FK");
    expect(fk.some((r) => r.varde === `1${NBSP}300${NBSP}kr`)).toBe(true);
    expect(fk.some((r) => /^\d{1,2} [a-zä]+ \d{4} – \d{1,2} [a-zä]+ \d{4}$/.test(r.varde))).toBe(true);
    const csn = rader(v, "CSN");
    const stodform = csn.find((r) => r.etikett === "Stödform");
    expect(stodform?.kod).toBe("GRUND");
    expect(stodform?.varde).toBe("Studiemedel för studier i Sverige");
    expect(v.namn).toBe("Alva Lindqvist");
    expect(v.skyddadIdentitet).toBe(false);
  });

  it("respects skyddad identitet: no name, no address", async () => {
    const { p, vy: v } = await vy("skyddad-identitet");
    expect(v.skyddadIdentitet).toBe(true);
    expect(v.namn).toBeUndefined();
    const text = JSON.stringify(v);
    // The persona is literally called "Skyddad Identitet": check the name, in the case the authorities write it.
    expect(text).not.toContain(`${p.fornamn} ${p.efternamn}`);
    expect(text).not.toContain(`"${p.efternamn}"`);
    expectNoPersonnummer(text, [p.personidentitet]);
  });

  it("explains an error section in plain Swedish, saying whether to try again", async () => {
    chain.control.setFaults({ MIV: { kind: "down" }, SKV: { kind: "slow", ms: 60_000 } });
    try {
      const { vy: v } = await vy("hela-kedjan");
      const miv = v.myndigheter.find((m) => m.kod === "MIV");
      expect(miv?.status).toBe("fel");
      expect(miv?.fel?.rubrik).toBe("Migrationsverket gick inte att nå");
      expect(miv?.fel?.rad).toMatch(/^Försök igen/);
      expect(v.myndigheter.find((m) => m.kod === "SKV")?.fel?.rubrik).toBe("Skatteverket svarade inte i tid");
      expect(v.sammanfattning).toBe(
        "5 av 7 myndigheter svarade. Uppgifter saknas från Skatteverket, Migrationsverket.",
      );
    } finally {
      chain.control.clearFaults();
    }
  });

  it("says when an authority has no data about the person", async () => {
    const { vy: v } = await vy("ej-traff");
    expect(v.myndigheter.find((m) => m.kod === "AF")?.status).toBe("inga-uppgifter");
  });
});
