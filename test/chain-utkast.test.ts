import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { decodeFraga as decodeAfFraga, decodeSvar as decodeAfSvar } from "../contract/af/codec.js";
import type { AfSvar } from "../contract/af/model.js";
import { AVAKTUALISERINGSORSAK, INDRAGNINGSORSAK } from "../contract/af/utkast.js";
import { schemaDokument } from "../contract/compat/modell.js";
import { evaluateTabell, tabellfel } from "../contract/faltregler/index.js";
import type { Faltregeltabell } from "../contract/faltregler/model.js";
import { NS } from "../contract/namespaces.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga, SKV11_BLOCK } from "../contract/ssbt/codec.js";
import type { SsbtFraga, SsbtSvar } from "../contract/ssbt/model.js";
import { findChild } from "../contract/xml/node.js";
import afUtkastRegler from "../fixtures/faltregler/utkast/af-utkast-svar.json" with { type: "json" };
import { PERSONAS } from "../simulators/population/population.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { bodyChild, bodyChildXml, postSoap } from "./support/answers.js";
import { TEST_NOW, TEST_PERIOD } from "./support/context.js";
import { REFERENCE_DIR } from "./support/reference.js";
import { validateManyAgainst } from "./support/xsd.js";

function fragaUtkast(pid: string, arende: string): SsbtFraga {
  const f = fullFraga(pid, TEST_PERIOD, arende);
  f.specifikaFrageparametrar.SKV = {
    inkludera: true,
    fraga: { ar: [2025], block: Object.fromEntries(SKV11_BLOCK.map((b) => [b, b === "skatteuppgifter"])) },
  };
  return f;
}

function afSvar(svar: SsbtSvar): AfSvar | undefined {
  const s = svar.svarsdata.AF;
  if (!s || !("data" in s)) return undefined;
  decodeAfFraga(s.data[0]!);
  return decodeAfSvar(s.data[1]!);
}

interface Answer {
  id: string;
  xml: string;
  svar: SsbtSvar;
}

describe("the draft contract utkast: every persona at /ssbtek/utkast", () => {
  let sim: RunningSimulator;
  const answers: Answer[] = [];
  const v11Answers: Answer[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1, now: () => new Date(TEST_NOW) });
    for (const [i, p] of PERSONAS.entries()) {
      const f = fragaUtkast(p.personidentitet, `UTKAST-${i}`);
      const r = await postSoap(`${sim.url}/ssbtek/utkast`, soapEnvelope(encodeFraga(f, "utkast")));
      expect(r.status, `${p.id}: ${r.text.slice(0, 300)}`).toBe(200);
      answers.push({ id: p.id, xml: bodyChildXml(r.text), svar: decodeSvar(bodyChild(r.text), "utkast") });
    }
    // A v11 client at the draft endpoint: asks in ssbt/11, gets ssbt/11 back.
    for (const id of ["af-program-leverantor", "arbetslos-akassa"]) {
      const p = PERSONAS.find((x) => x.id === id)!;
      const r = await postSoap(
        `${sim.url}/ssbtek/utkast`,
        soapEnvelope(encodeFraga(fragaUtkast(p.personidentitet, id), "v11")),
      );
      expect(r.status).toBe(200);
      v11Answers.push({ id, xml: bodyChildXml(r.text), svar: decodeSvar(bodyChild(r.text), "v11") });
    }
  }, 120_000);
  afterAll(() => sim.close());

  it("every answer is valid against the draft schema generated from our model (libxml2)", async () => {
    const docs = schemaDokument("utkast");
    const r = await validateXML({
      xml: answers.map((a, i) => ({ fileName: `document-${i}.xml`, contents: a.xml })),
      schema: [{ fileName: "ssbt.xsd", contents: docs["ssbt.xsd"]! }],
      preload: Object.entries(docs)
        .filter(([n]) => n !== "ssbt.xsd")
        .map(([fileName, contents]) => ({ fileName, contents })),
    });
    expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("the draft schema rejects a broken extension (the validation is real)", async () => {
    const docs = schemaDokument("utkast");
    const a = answers.find((x) => x.id === "af-indraget-aktivitetsstod")!;
    const broken = a.xml.replace(">AKTIVITETSRAPPORT_EJ_I_TID<", ">GLOMDE_BORT<");
    expect(broken).not.toBe(a.xml);
    const r = await validateXML({
      xml: [{ fileName: "broken.xml", contents: broken }],
      schema: [{ fileName: "ssbt.xsd", contents: docs["ssbt.xsd"]! }],
      preload: Object.entries(docs)
        .filter(([n]) => n !== "ssbt.xsd")
        .map(([fileName, contents]) => ({ fileName, contents })),
    });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.rawMessage).join("\n")).toContain("GLOMDE_BORT");
  });

  it("every extension keeps the draft's field rules (fixtures/faltregler/utkast/af-utkast-svar.json)", () => {
    const tabell = afUtkastRegler as Faltregeltabell;
    expect(tabellfel(tabell)).toEqual([]);
    let checked = 0;
    for (const a of answers) {
      const s = a.svar.svarsdata.AF;
      if (!s || !("data" in s)) continue;
      const ext = findChild(s.data[1]!, NS.afUtkast, "UtokadSvar");
      if (!ext) continue;
      checked++;
      expect(evaluateTabell(tabell, ext, { now: new Date(TEST_NOW) }), a.id).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // A broken one is caught, rule named.
    const a = answers.find((x) => x.id === "af-program-leverantor")!;
    const s = a.svar.svarsdata.AF as { data: import("../contract/xml/node.js").XmlElement[] };
    const ext = findChild(s.data[1]!, NS.afUtkast, "UtokadSvar")!;
    const broken = JSON.parse(JSON.stringify(ext).replace('"text":"50"', '"text":"60"'));
    expect(evaluateTabell(tabell, broken, { now: new Date(TEST_NOW) }).map((f) => f.rule)).toContain(
      "AF.utkast.Aktivitet.Omfattning.varden",
    );
  });

  it("tells the withdrawn aktivitetsstöd: reason, label, dates, and AF's v2 decision ends the day before", () => {
    const s = afSvar(answers.find((x) => x.id === "af-indraget-aktivitetsstod")!.svar)!;
    const u = s.UtokadSvar!;
    expect(u.IndragetAktivitetsstod.map((i) => i.Orsak)).toEqual([
      "UTEBLIVET_MOTE",
      "AKTIVITETSRAPPORT_EJ_I_TID",
    ]);
    const sista = u.IndragetAktivitetsstod[1]!;
    expect(sista.OrsakText).toBe("Aktivitetsrapport ej inlämnad i tid");
    // One world: story dates count from the story period (2026-09-01 for the clock 2026-11-20), not
    // from the asked period: withdrawn from 19 days before it, decided 25 days before.
    expect(sista.IndragetFrom).toBe("2026-08-13");
    expect(sista.BeslutDatum).toBe("2026-08-07");
    expect(s.BeslutInfo).toBeUndefined();
    expect(u.NastaPlaneringsmote).toBe("2026-11-26");
    expect(u.SenasteGodkandaAktivitetsrapport).toBeUndefined();
  });

  it("tells the programme: activities with period, omfattning and krav, and the provider", () => {
    const s = afSvar(answers.find((x) => x.id === "af-program-leverantor")!.svar)!;
    const u = s.UtokadSvar!;
    expect(u.Programbeslut?.Program).toBe("Jobb- och utvecklingsgarantin");
    expect(u.Programbeslut?.Aktivitet.map((a) => [a.Aktivitet, a.Omfattning])).toEqual([
      ["Rusta och matcha", 50],
      ["Arbetsmarknadsutbildning: lager och logistik", 50],
      ["Arbetspraktik", 100],
    ]);
    expect(u.Programbeslut?.Aktivitet[0]?.Krav).toContain("söka minst sex arbeten");
    expect(u.Leverantor).toMatchObject({
      Namn: "Matchningsleverantören Testbolaget AB",
      Tjanst: "Rusta och matcha",
    });
    expect(u.AntalSoktaJobb).toBe(7);
    // The latest approved report is the one ers_stod v2 already gives.
    expect(u.SenasteGodkandaAktivitetsrapport).toBe(
      s.ArbetssokandeInfo?.AktivetetsRapportDatum.SenasteAktivitetsRapportDatum,
    );
  });

  it("tells the deregistration: reason and the same date as ArbetssokandeAvaktualiserad, no planning meeting", () => {
    const s = afSvar(answers.find((x) => x.id === "af-avaktualiserad")!.svar)!;
    const u = s.UtokadSvar!;
    expect(u.Avaktualisering).toEqual({
      Orsak: "EJ_SVAR_FORTSATT_INSKRIVNING",
      OrsakText: AVAKTUALISERINGSORSAK.EJ_SVAR_FORTSATT_INSKRIVNING,
      Datum: s.ArbetssokandeInfo?.ArbetssokandeAvaktualiserad,
    });
    expect(u.Avaktualisering?.Datum).toBe("2026-09-11");
    expect(u.NastaPlaneringsmote).toBeUndefined();
  });

  it("the kodtäckning persona carries every withdrawal code", () => {
    const s = afSvar(answers.find((x) => x.id === "kodtackning")!.svar)!;
    expect(new Set(s.UtokadSvar?.IndragetAktivitetsstod.map((i) => i.Orsak))).toEqual(
      new Set(Object.keys(INDRAGNINGSORSAK)),
    );
  });

  it("answers a v11 question at the draft endpoint in ssbt/11, still with AF's extension", () => {
    for (const a of v11Answers) expect(a.xml).toContain(`xmlns:ssbt="${NS.ssbt11}"`);
    expect(afSvar(v11Answers[0]!.svar)?.UtokadSvar?.Leverantor).toBeDefined();
  });

  it("v11 answers never carry the extension", async () => {
    const p = PERSONAS.find((x) => x.id === "af-program-leverantor")!;
    const r = await postSoap(
      `${sim.url}/ssbtek/v11`,
      soapEnvelope(encodeFraga(fragaUtkast(p.personidentitet, "v11"), "v11")),
    );
    expect(r.text).not.toContain(NS.afUtkast);
  });

  it.skipIf(!REFERENCE_DIR)(
    "AF's extended answers still validate against the OFFICIAL ers_stod v2 (its xs:any extension point)",
    async () => {
      const afXml = answers
        .filter((a) => a.id.startsWith("af-"))
        .map((a) => {
          const m = /<af:Svar[\s\S]*<\/af:Svar>/.exec(a.xml)?.[0];
          return m
            ?.replace("<af:Svar", `<af:Svar xmlns:af="${NS.af}"`)
            .replace(/<afu:UtokadSvar/, `<afu:UtokadSvar xmlns:afu="${NS.afUtkast}"`);
        })
        .filter((x): x is string => x !== undefined)
        .map(
          (svar) =>
            `<af:SvarMeddelande xmlns:af="${NS.af}"><af:Fraga><af:OrganisationsnummerForIngivare>1621299999</af:OrganisationsnummerForIngivare><af:NamnPaIngivare>x</af:NamnPaIngivare><af:KontonamnForHandlaggare>x</af:KontonamnForHandlaggare><af:Referensnummer>x</af:Referensnummer><af:From>2026-09-21</af:From><af:Tom>2026-11-20</af:Tom><af:SyfteMedFraga>x</af:SyfteMedFraga><af:LagParagraf>x</af:LagParagraf><af:IdentitetsbeteckningFysiskPerson>199001019802</af:IdentitetsbeteckningFysiskPerson></af:Fraga>${svar}</af:SvarMeddelande>`,
        );
      expect(afXml.length).toBeGreaterThanOrEqual(3);
      const results = await validateManyAgainst(
        afXml,
        "se/arbetsformedlingen/api/arbetssokande/ersattningsstod/v2/ers_stod.xsd",
      );
      for (const r of results) expect(r.errors).toEqual([]);
    },
  );
});
