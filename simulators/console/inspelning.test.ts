import { afterEach, describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import type { SsbtFraga } from "../../contract/ssbt/model.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { expectNoPersonnummer } from "../../test/support/privacy.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import { createChain } from "../chain.js";
import { simRequest } from "../endpoint.js";
import { resolveOptions } from "../options.js";
import { PERSONAS } from "../population/population.js";
import { createKonsol } from "./index.js";
import type { Konsolhandelse, Utbytesdetalj } from "./inspelning.js";

const ALLA = PERSONAS.map((p) => p.personidentitet);
const NOW = new Date("2026-11-20T10:00:00+01:00");

function kedja(kapacitet?: number) {
  const konsol = createKonsol(kapacitet !== undefined ? { kapacitet } : {});
  const chain = createChain(
    resolveOptions({ seed: 3, now: () => new Date(NOW), profile: "fast", timeScale: 0 }),
    "http://sim.test",
    { onUtfall: konsol.onUtfall, bastjanst: konsol.bastjanst, adminHandlers: konsol.adminHandlers },
  );
  konsol.anslut(chain);
  return { konsol, chain };
}

async function fraga(chain: ReturnType<typeof kedja>["chain"], f: SsbtFraga) {
  const out = await chain.endpoint(
    simRequest(
      "POST",
      "/ssbtek",
      { "content-type": SOAP11_CONTENT_TYPE, host: "sim.test" },
      soapEnvelope(encodeFraga(f)),
    ),
  );
  expect(out?.kind).toBe("response");
  return out;
}

async function admin(chain: ReturnType<typeof kedja>["chain"], method: string, path: string, body = "") {
  const out = await chain.endpoint(
    simRequest(method, path, { host: "sim.test", "content-type": "application/json" }, body),
  );
  if (out?.kind !== "response") throw new Error(`no answer from ${method} ${path}`);
  const text = typeof out.body === "string" ? out.body : new TextDecoder().decode(out.body);
  return { status: out.status, text, json: () => JSON.parse(text) as unknown };
}

const utfall = (i: number): SsbtUtfall => ({
  operation: "hamtaBastjanstInformation",
  version: "v10",
  status: 200,
  ms: i % 13_000,
  delar: [
    { kod: "MIV", ms: 3, utfall: i % 2 ? "data" : "SSBT", felkod: i % 2 ? undefined : "SSBT-2001" },
  ].map((d) => (d.felkod ? d : { kod: d.kod, ms: d.ms, utfall: d.utfall })) as SsbtUtfall["delar"],
  fraga: fullFraga(
    ALLA[i % ALLA.length] as string,
    { fromDatum: "2026-10-01", tomDatum: "2026-11-20" },
    `R-${i}`,
  ),
});

let off: (() => void) | undefined;
afterEach(() => {
  off?.();
  off = undefined;
});

describe("the console's ring", () => {
  it("holds at most its capacity after 10 000 exchanges, newest kept, every one masked", () => {
    const { konsol } = kedja(500);
    const handelser: Konsolhandelse[] = [];
    off = konsol.inspelning.prenumerera((h) => handelser.push(h));
    for (let i = 0; i < 10_000; i++) konsol.onUtfall(utfall(i));
    expect(konsol.inspelning.storlek).toMatchObject({ antal: 500, kapacitet: 500, detaljer: 0 });
    const lista = konsol.inspelning.lista();
    expect(lista).toHaveLength(500);
    expect(lista[0]?.id).toBe(9_501);
    expect(lista.at(-1)?.id).toBe(10_000);
    expect(konsol.inspelning.detalj(1)).toBeUndefined();
    expect(handelser).toHaveLength(10_000);
    expectNoPersonnummer(JSON.stringify(lista), ALLA);
    expectNoPersonnummer(JSON.stringify(handelser), ALLA);
  });

  it("is emptied by POST /__admin/reset, and the open consoles are told", async () => {
    const { konsol, chain } = kedja();
    const handelser: Konsolhandelse[] = [];
    off = konsol.inspelning.prenumerera((h) => handelser.push(h));
    const period = standardPeriod(NOW);
    await fraga(chain, fullFraga(ALLA[0] as string, period, "RESET-1"));
    await fraga(chain, fullFraga(ALLA[1] as string, period, "RESET-2"));
    expect(konsol.inspelning.storlek.antal).toBe(2);
    const lista = await admin(chain, "GET", "/__console/api/utbyten");
    expect(lista.json()).toHaveLength(2);
    expect((await admin(chain, "POST", "/__admin/reset", "{}")).status).toBe(200);
    expect(konsol.inspelning.storlek.antal).toBe(0);
    expect(konsol.inspelning.serie.toJSON().punkter).toEqual([]);
    expect(handelser.at(-1)).toEqual({ typ: "rensad" });
    expect((await admin(chain, "GET", "/__console/api/utbyten")).json()).toEqual([]);
    expect((await admin(chain, "GET", "/__console/api/utbyten/1")).status).toBe(404);
  });
});

describe("what an exchange keeps", () => {
  it("with no console open: a summary only — no bodies, no bastjänst calls", async () => {
    const { konsol, chain } = kedja();
    await fraga(chain, fullFraga(ALLA[0] as string, standardPeriod(NOW), "UTAN-KONSOL"));
    const [u] = konsol.inspelning.lista();
    expect(u?.detalj).toBe(false);
    expect(u?.personidentitet).toMatch(/^\d{8}-\*{4}$/);
    const d = konsol.inspelning.detalj(u?.id as number) as Partial<Utbytesdetalj>;
    expect(d.fraga).toBeUndefined();
    expect(d.anrop).toBeUndefined();
  });

  it("every persona with a console open: decoded payloads, field rules, caseworker view — never an unmasked personidentitet", async () => {
    const { konsol, chain } = kedja(100);
    const strom: string[] = [];
    off = konsol.inspelning.prenumerera((h) => strom.push(JSON.stringify(h)));
    const period = standardPeriod(NOW);
    for (const [i, p] of PERSONAS.entries())
      await fraga(chain, fullFraga(p.personidentitet, period, `P-${i}`));
    const detaljer = konsol.inspelning.lista().map((u) => konsol.inspelning.detalj(u.id) as Utbytesdetalj);
    expect(detaljer).toHaveLength(PERSONAS.length);
    for (const d of detaljer) {
      expect(d.detalj).toBe(true);
      expect(d.anrop.length).toBeGreaterThan(0);
      expect(d.handlaggarvy).toBeDefined();
    }
    const text = JSON.stringify(detaljer);
    expectNoPersonnummer(text, ALLA);
    expectNoPersonnummer(strom.join("\n"), ALLA);
    // Payloads are decoded in place: CSN's base64 XML and LEFI's base64 JSON appear as XML and JSON.
    const hela = detaljer.find((d) => d.persona === "hela-kedjan") as Utbytesdetalj;
    expect(hela.svar).toContain("<!-- base64, avkodad: XML -->");
    expect(hela.svar).toMatch(/<csn:CSNSvar/);
    expect(hela.svar).toContain("<!-- base64, avkodad: JSON -->");
    expect(hela.svar).toContain('"utlamnare"');
    expect(hela.svar).toContain("<!-- XML i texten -->");
    expect(hela.fraga).toContain('"personnummer": "19700303-****"');
    // The 10-digit spelling CSN's question uses is masked too.
    expect(hela.anrop.find((a) => a.kod === "CSN")?.fraga).toContain("700303-****");
  });

  it("reports the request's field-rule findings with their rule ids", async () => {
    const { konsol, chain } = kedja();
    off = konsol.inspelning.prenumerera(() => {});
    const f = fullFraga(ALLA[0] as string, standardPeriod(NOW), "A".repeat(40));
    await fraga(chain, f);
    const [u] = konsol.inspelning.lista();
    const d = konsol.inspelning.detalj(u?.id as number) as Utbytesdetalj;
    expect(d.fynd.map((x) => x.rule)).toContain("CSN.arendeidentitet.maxLength");
  });

  it("a request refused with a SOAP Fault: the fault is a finding, the body is shown masked", async () => {
    const { konsol, chain } = kedja();
    off = konsol.inspelning.prenumerera(() => {});
    const f = fullFraga(ALLA[0] as string, standardPeriod(NOW), "FAULT-1");
    const xml = soapEnvelope(encodeFraga(f)).replace(/<ssbt:tidsperiod>/, "<ssbt:tidsperiod><ssbt:okant/>");
    await chain.endpoint(simRequest("POST", "/ssbtek", { "content-type": SOAP11_CONTENT_TYPE }, xml));
    const [u] = konsol.inspelning.lista();
    expect(u?.utfall).toBe("fault");
    const d = konsol.inspelning.detalj(u?.id as number) as Utbytesdetalj;
    expect(d.fynd.some((x) => x.rule.startsWith("SSBT.fault.SSBT-"))).toBe(true);
    expectNoPersonnummer(JSON.stringify(d), ALLA);
  });

  it("a bastjänst called directly is its own exchange", async () => {
    const { konsol, chain } = kedja();
    off = konsol.inspelning.prenumerera(() => {});
    const out = await chain.endpoint(
      simRequest(
        "POST",
        "/tns/hamtauppgifter/v1",
        { "content-type": SOAP11_CONTENT_TYPE, host: "sim.test" },
        "<x/>",
      ),
    );
    expect(out?.kind).toBe("response");
    const [u] = konsol.inspelning.lista();
    expect(u?.tjanst).toBe("TNS");
    expect(u?.utfall).toBe("fel");
  });
});

describe("the console's API", () => {
  it("asks the chain about a persona, and refuses an unknown persona or a bad period with a 400 saying what to do", async () => {
    const { konsol, chain } = kedja();
    off = konsol.inspelning.prenumerera(() => {});
    const ok = await admin(
      chain,
      "POST",
      "/__console/api/fraga",
      JSON.stringify({ persona: "hela-kedjan", fromDatum: "2026-10-01", tomDatum: "2026-11-20" }),
    );
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ status: 200, korrelationsid: "konsolen-1" });
    const [u] = konsol.inspelning.lista();
    expect(u).toMatchObject({
      persona: "hela-kedjan",
      korrelationsid: "konsolen-1",
      personidentitet: "19700303-****",
    });
    const okand = await admin(chain, "POST", "/__console/api/fraga", JSON.stringify({ persona: "nobody" }));
    expect(okand.status).toBe(400);
    expect(okand.json()).toMatchObject({ error: "UNKNOWN_PERSONA" });
    const period = await admin(
      chain,
      "POST",
      "/__console/api/fraga",
      JSON.stringify({ persona: "hela-kedjan", fromDatum: "2026-12-01", tomDatum: "2026-11-01" }),
    );
    expect(period.json()).toMatchObject({ error: "BAD_PERIOD" });
    expect((await admin(chain, "POST", "/__console/api/fraga", "{not json")).json()).toMatchObject({
      error: "BAD_JSON",
    });
    expect((await admin(chain, "GET", "/__console/api/utbyten/abc")).status).toBe(404);
  });

  it("lists the personas masked, without names under skyddad identitet", async () => {
    const { chain } = kedja();
    const r = await admin(chain, "GET", "/__console/api/personer");
    const text = r.text;
    expectNoPersonnummer(text, ALLA);
    const personer = (r.json() as { personer: { id: string; namn?: string; skyddadIdentitet: boolean }[] })
      .personer;
    expect(personer).toHaveLength(PERSONAS.length);
    for (const p of personer.filter((x) => x.skyddadIdentitet)) expect(p.namn).toBeUndefined();
  });

  it("keeps details bounded by count and by size; the summaries stay", async () => {
    const liten = createKonsol({ kapacitet: 50, detaljKapacitet: 5, detaljTecken: 200_000 });
    const c2 = createChain(
      resolveOptions({ seed: 3, now: () => new Date(NOW), profile: "fast", timeScale: 0 }),
      "http://sim.test",
      {
        onUtfall: liten.onUtfall,
        bastjanst: liten.bastjanst,
      },
    );
    liten.anslut(c2);
    off = liten.inspelning.prenumerera(() => {});
    const period = standardPeriod(NOW);
    for (let i = 0; i < 12; i++)
      await fraga(c2, fullFraga(ALLA[i % ALLA.length] as string, period, `D-${i}`));
    const st = liten.inspelning.storlek;
    expect(st.antal).toBe(12);
    expect(st.detaljer).toBeLessThanOrEqual(5);
    expect(st.detaljTecken).toBeLessThanOrEqual(200_000);
    const lista = liten.inspelning.lista();
    expect(lista.at(-1)?.detalj).toBe(true);
    expect(lista[0]?.detalj).toBe(false);
    expect(liten.inspelning.detalj(lista[0]?.id as number)).toMatchObject({ detalj: false });
  });

  it("keeps detailed exchanges bounded too", async () => {
    const { konsol, chain } = kedja(10);
    off = konsol.inspelning.prenumerera(() => {});
    const period = standardPeriod(NOW);
    for (let i = 0; i < 25; i++)
      await fraga(chain, fullFraga(ALLA[i % ALLA.length] as string, period, `B-${i}`));
    expect(konsol.inspelning.storlek).toMatchObject({ antal: 10, kapacitet: 10, detaljer: 10 });
    expect(konsol.inspelning.lista().map((u) => u.id)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });
});
