/**
 * Adding an eighth authority is one folder plus one registry line (docs/adding-a-bastjanst.md).
 * This test does it without touching simulators/registry.ts: a throw-away "Kronofogden" (KFM,
 * test/fixtures/kronofogden) joins the seven in a list, and the composite contract, the chain
 * (in-process and over node:http), the pacts and the producer suite all take it in.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { ContractViolation } from "../contract/errors.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { decodeFraga, decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import type { SsbtFraga } from "../contract/ssbt/model.js";
import { SSBT_SEKTIONER } from "../contract/ssbt/sektioner.js";
import { buildSchemaXsd, buildWsdl } from "../contract/ssbt/wsdl.js";
import { findChild, type XmlElement } from "../contract/xml/node.js";
import type { BastjanstSimulator } from "../simulators/bastjanst.js";
import { createChain } from "../simulators/chain.js";
import { adaptrar, arVagran, begaranFor, brister, felaktiga } from "../simulators/conformance.js";
import { createObservability } from "../simulators/observability.js";
import { resolveOptions } from "../simulators/options.js";
import { PERSONAS } from "../simulators/population/population.js";
import { REGISTRERADE, SIMULATORER, sektionerAv } from "../simulators/registry.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { skrivBastjanstPact } from "../suites/consumer/bastjanst-pacts.js";
import { REFERENS_KLOCKA, REFERENS_PERIOD, referensFraga } from "../suites/pact/referens.js";
import { certifyProducer } from "../suites/producer/certify-producer.js";
import { verifyProvider } from "../suites/producer/verify.js";
import { KFM_NS } from "./fixtures/kronofogden/codec.js";
import { KFM_PATH } from "./fixtures/kronofogden/handlers.js";
import { kfmSimulator } from "./fixtures/kronofogden/index.js";
import { KFM_KOD } from "./fixtures/kronofogden/sektion.js";
import { bodyChild, bodyChildXml, postSoap } from "./support/answers.js";
import { testContext } from "./support/context.js";

/** The seven of the registry and the eighth, in contract order. */
const ATTA = [...REGISTRERADE, kfmSimulator];
const SEKTIONER = sektionerAv(ATTA);
const NU = new Date(REFERENS_KLOCKA);
const PERSONA = PERSONAS.find((p) => p.id === "arbetslos-akassa")!;

const fraga8 = (personidentitet: string): SsbtFraga =>
  referensFraga(personidentitet, { bastjanster: ATTA, period: REFERENS_PERIOD });

const kfmSektion = (envelope: string) => decodeSvar(bodyChild(envelope), "v10", SEKTIONER).svarsdata[KFM_KOD];

describe("the composite contract with an eighth section", () => {
  it("the registry's sections are the contract's seven, in contract order", () => {
    expect(sektionerAv(REGISTRERADE)).toEqual([...SSBT_SEKTIONER]);
    for (const s of REGISTRERADE) expect(s.sektion.kod).toBe(s.kod);
    // The seven alone give exactly the schema every default caller gets.
    expect(buildSchemaXsd("v10", { sektioner: sektionerAv(REGISTRERADE) })).toBe(buildSchemaXsd("v10"));
  });

  it("reads and writes the eighth section's question part; the seven-section contract refuses it", () => {
    const f = fraga8(PERSONA.personidentitet);
    (f.specifikaFrageparametrar as unknown as Record<string, unknown>)[KFM_KOD] = {
      inkludera: true,
      tidsperiod: { fromDatum: "2026-10-01", tomDatum: "2026-10-31" },
    };
    const e = encodeFraga(f, "v10", SEKTIONER);
    const specifika = findChild(e, e.ns, "specifikaFrageparametrar")!;
    expect(specifika.children.map((c) => (c as XmlElement).local)).toEqual(ATTA.map((s) => s.kod));
    expect(decodeFraga(e, "v10", SEKTIONER)).toEqual(f);
    expect(() => decodeFraga(e, "v10")).toThrow(ContractViolation);
  });

  it("declares the section in the WSDL: question type, answer type, test answer", () => {
    const xsd = buildSchemaXsd("v10", { sektioner: SEKTIONER });
    expect(xsd).toContain('<xsd:element name="KFM" type="ssbt:Kronofogden"/>');
    expect(xsd).toContain('<xsd:element name="KFM" type="ssbt:KronofogdenSvar" minOccurs="0"/>');
    expect(xsd).toContain('<xsd:element name="KFM" type="ssbt:TestSvar" minOccurs="0"/>');
    expect(xsd).toContain('<xsd:complexType name="KronofogdenSvar">');
    expect(buildWsdl("v11", "http://x/ssbtek/v11", SEKTIONER)).toContain('name="Kronofogden"');
  });
});

describe("the chain with an eighth authority", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1, now: () => new Date(NU), bastjanster: ATTA });
  });
  afterAll(() => sim?.close());

  it("answers with eight sections in-process and on the wire, the same bytes, valid against the extended schema", async () => {
    const chain = createChain(
      resolveOptions({ seed: 1, now: () => new Date(NU), bastjanster: ATTA }),
      "http://127.0.0.1:1",
    );
    const body = soapEnvelope(encodeFraga(fraga8(PERSONA.personidentitet), "v10", SEKTIONER));
    const direkt = await chain.endpoint({
      method: "POST",
      path: "/ssbtek",
      query: "",
      headers: { "content-type": "text/xml; charset=utf-8" },
      body,
    });
    if (direkt?.kind !== "response") throw new Error(`in-process: ${direkt?.kind}`);
    const wire = await postSoap(sim.ssbtek, body);
    expect(wire.status, wire.text.slice(0, 300)).toBe(200);
    expect(wire.text).toBe(direkt.body);

    const svar = decodeSvar(bodyChild(wire.text), "v10", SEKTIONER);
    expect(Object.keys(svar.svarsdata)).toEqual(ATTA.map((s) => s.kod));
    const kfm = svar.svarsdata[KFM_KOD];
    expect(kfm && "data" in kfm ? kfm.data.map((d) => `{${d.ns}}${d.local}`) : kfm).toEqual([
      `{${KFM_NS}}HamtaSkulderSvar`,
    ]);

    const r = await validateXML({
      xml: [{ fileName: "svar.xml", contents: bodyChildXml(wire.text) }],
      schema: [{ fileName: "ssbt.xsd", contents: buildSchemaXsd("v10", { sektioner: SEKTIONER }) }],
    });
    expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it("gives the eighth authority's own error in its section, and the seven their data", async () => {
    const wire = await postSoap(
      sim.ssbtek,
      soapEnvelope(encodeFraga(fraga8("199001011234"), "v10", SEKTIONER)),
    );
    expect(wire.status).toBe(200);
    expect(kfmSektion(wire.text)).toEqual({
      error: { kalla: "BT", felkod: "KFM-01", felmeddelande: ["Ogiltigt personnummer 19900101-****."] },
    });
  });

  it("calls the eighth in the connection test, lists it among the upstreams and in the WSDL", async () => {
    const test = await postSoap(
      sim.ssbtek,
      soapEnvelope({
        ...bodyChild(soapEnvelope(encodeFraga(fraga8(PERSONA.personidentitet)))),
        local: "testaBastjanstInformation",
        children: [],
      }),
    );
    expect(test.status, test.text.slice(0, 300)).toBe(200);
    expect(test.text).toMatch(/<ssbt:KFM><ssbt:anropad>true<\/ssbt:anropad><\/ssbt:KFM>/);
    expect(sim.upstreams[KFM_KOD]).toBe(`${sim.url}${KFM_PATH}`);
    const wsdl = await (await fetch(`${sim.ssbtek}?wsdl`)).text();
    expect(wsdl).toContain('<xsd:element name="KFM" type="ssbt:Kronofogden"/>');
  });

  it("passes the conformance kit through every adapter", async () => {
    const adapters = await adaptrar(kfmSimulator, testContext());
    try {
      for (const p of [PERSONA, PERSONAS.find((x) => x.id === "ej-traff")!]) {
        const b = begaranFor(kfmSimulator, fraga8(p.personidentitet));
        const [direkt, ...andra] = await Promise.all(adapters.map((a) => a.skicka(b)));
        expect(brister(kfmSimulator, direkt!, p.personidentitet)).toEqual([]);
        for (const u of andra) expect(u).toEqual(direkt);
      }
      for (const f of felaktiga(kfmSimulator, begaranFor(kfmSimulator, fraga8(PERSONA.personidentitet))))
        for (const a of adapters) expect(arVagran(await a.skicka(f.begaran)), `${a.namn} ${f.id}`).toBe(true);
    } finally {
      for (const a of adapters) await a.stang();
    }
  });

  it("writes the pact SSBT → KFM and verifies the running simulator against it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssbtek-pact-kfm-"));
    try {
      const pact = await skrivBastjanstPact(KFM_KOD, { dir, bastjanster: ATTA, logLevel: "error" });
      expect(pact.provider).toBe("ssbtek-kfm");
      expect(pact.interaktioner).toHaveLength(3);
      const r = await verifyProvider({
        pactFiles: [pact.fil],
        providerBaseUrl: `${sim.url}${KFM_PATH}`,
        pactBasePath: KFM_PATH,
        logLevel: "error",
      });
      expect(r.interaktioner.map((i) => i.beskrivning).sort()).toEqual([...pact.interaktioner].sort());
      expect(r.interaktioner.filter((i) => !i.ok)).toEqual([]);
      expect(r.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("passes the producer suite (certify producer) at its own endpoint", async () => {
    const report = await certifyProducer({
      bastjanst: "kfm",
      url: `${sim.url}${KFM_PATH}`,
      bastjanster: ATTA,
      now: () => new Date(NU),
      personas: PERSONAS.slice(0, 12).map((p) => p.id),
    });
    const fel = report.suites.flatMap((s) =>
      s.cases.filter((c) => c.status === "fail").map((c) => `${s.name}: ${c.name}`),
    );
    expect(fel).toEqual([]);
    expect(report.suites.map((s) => s.name)).toEqual([
      "schema",
      "field rules",
      "code lists",
      "dates",
      "timing budget",
      "error behaviour",
    ]);
    expect(report.suites.find((s) => s.name === "error behaviour")?.cases).toHaveLength(4);
    expect(report.passed).toBe(true);
    const regler = report.suites.find((s) => s.name === "field rules")!;
    expect(regler.cases.filter((c) => c.status === "pass")).toHaveLength(12);

    // The suite checks the eighth's own tables: narrowed to one debt type, the others are findings.
    const [skuldtyp] = kfmSimulator.tabeller!.kodverk;
    const smal: BastjanstSimulator = {
      ...kfmSimulator,
      tabeller: {
        faltregler: {
          ...kfmSimulator.tabeller!.faltregler,
          falt: kfmSimulator.tabeller!.faltregler.falt.map((f) =>
            f.id === "KFM.skuldtyp" ? { ...f, varden: ["ALLMAN"] } : f,
          ),
        },
        kodverk: [{ ...skuldtyp!, koder: skuldtyp!.koder.filter((k) => k.kod === "ALLMAN") }],
      },
    };
    const strikt = await certifyProducer({
      bastjanst: "KFM",
      url: `${sim.url}${KFM_PATH}`,
      bastjanster: [...REGISTRERADE, smal],
      now: () => new Date(NU),
      personas: PERSONAS.slice(0, 12).map((p) => p.id),
      skipPrecheck: true,
    });
    const regelIdn = strikt.suites.flatMap((s) =>
      s.cases.flatMap((c) => c.findings?.map((f) => f.rule) ?? []),
    );
    expect(strikt.passed).toBe(false);
    expect(regelIdn).toContain("KFM.Skuldtyp.kodverk");
    expect(regelIdn.some((r) => r.startsWith("KFM.skuldtyp."))).toBe(true);
  });

  it("measures the eighth authority's calls in the service levels, after the seven", async () => {
    const obs = createObservability({ logLevel: "silent" });
    const med = await startSimulator(
      { port: 0, seed: 1, now: () => new Date(NU), bastjanster: ATTA },
      { onUtfall: obs.onUtfall, onLeverans: obs.onLeverans },
    );
    try {
      const svar = await postSoap(
        med.ssbtek,
        soapEnvelope(encodeFraga(fraga8(PERSONA.personidentitet), "v10", SEKTIONER)),
      );
      expect(svar.status).toBe(200);
      const fel = await postSoap(
        med.ssbtek,
        soapEnvelope(encodeFraga(fraga8("199001011234"), "v10", SEKTIONER)),
      );
      expect(fel.status).toBe(200);
    } finally {
      await med.close();
    }
    const m = obs.metrics.toJSON();
    expect(Object.keys(m.bastjanster)).toEqual(ATTA.map((s) => s.kod));
    expect(m.bastjanster[KFM_KOD]).toMatchObject({ anrop: 2, data: 1, BT: 1, SSBT: 0 });
    expect(obs.summary()).toMatch(new RegExp(`\\n  ${KFM_KOD}\\s+2 calls: data 1, BT 1, SSBT 0`));
    obs.close();
  });

  it("takes faults and timing for the eighth authority, as an option and through the admin API", async () => {
    const med = await startSimulator({
      port: 0,
      seed: 1,
      now: () => new Date(NU),
      bastjanster: ATTA,
      faults: [`${KFM_KOD}=down`],
    });
    const envelope = soapEnvelope(encodeFraga(fraga8(PERSONA.personidentitet), "v10", SEKTIONER));
    const put = async (what: "faults" | "timing", body: unknown) => {
      const r = await fetch(`${med.url}/__admin/${what}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    try {
      const nere = kfmSektion((await postSoap(med.ssbtek, envelope)).text);
      expect(nere && "error" in nere ? nere.error.kalla : nere).toBe("SSBT");
      expect(await (await fetch(`${med.url}/__admin/faults`)).json()).toEqual({ [KFM_KOD]: "down" });

      expect(await put("faults", { [KFM_KOD]: "fault" })).toEqual({
        status: 200,
        json: { [KFM_KOD]: "fault" },
      });
      const fel = kfmSektion((await postSoap(med.ssbtek, envelope)).text);
      expect(fel && "error" in fel ? fel.error.kalla : fel).toBe("BT");

      expect((await put("timing", { latency: { [KFM_KOD]: { medianMs: 5, p95Ms: 10 } } })).status).toBe(200);
      const okand = await put("faults", { XYZ: "down" });
      expect(okand.status).toBe(400);
      expect(JSON.stringify(okand.json)).toContain(`use one of ${ATTA.map((s) => s.kod).join(", ")}`);
    } finally {
      await med.close();
    }
  });

  it("the seven's registry is untouched: the default chain has seven sections", () => {
    expect(Object.keys(SIMULATORER)).toEqual(SSBT_SEKTIONER.map((s) => s.kod));
    expect(resolveOptions({}).bastjanster.map((s) => s.kod)).toEqual(SSBT_SEKTIONER.map((s) => s.kod));
  });
});
