import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  decodeCsnSvar,
  decodeFraga,
  encodeFraga,
  parseCsnSvar,
  serializeCsnSvar,
} from "../../contract/csn/codec.js";
import {
  CSN_KOMMUNFRAGA_V3_NS,
  CSN_NS,
  type CsnSvar,
  type SbnUppgEkBistandBegar,
  type StudiestodArende,
  type Utbetalning,
} from "../../contract/csn/model.js";
import { laggTillManader, utbetalningsdag } from "../../contract/kalender.js";
import { NS } from "../../contract/namespaces.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../../contract/soap/envelope.js";
import { arFel, type Sektion, type SsbtFraga, type Tidsperiod } from "../../contract/ssbt/model.js";
import { childElements, el, textOf, type XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { KODVERK_PER_KALLA, kodverk } from "../../fixtures/kodverk/index.js";
import { TEST_NOW, TEST_PERIOD, testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR, readReference } from "../../test/support/reference.js";
import {
  schemaBatch,
  validateAgainst,
  validateManyAgainst,
  XSD_BATCH_TIMEOUT,
} from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest, inProcessTransport } from "../adapters/transport.js";
import { csnFraga } from "../aggregator/klienter/csn.js";
import type { BastjanstSvar, KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { writtenFrom } from "../endpoint.js";
import { PERSONAS } from "../population/population.js";
import { FAKTA, laggTillDagar } from "./data.js";
import { CSN_FELSCENARIER, CSN_RESULTAT, type CsnStorning, csnDatumTillIso, idag } from "./errors.js";
import { besvaraFraga, CSN_SOAP_PREFIXES, csnEndpoint } from "./handlers.js";
import { csnSimulator } from "./index.js";
import { SAMBRUK_STAND_IN_PATH, SAMBRUK_STAND_IN_XSD } from "./sambruk-stand-in.xsd.js";

const KOMMUNFRAGA_XSD = "se/csn/schema/v4_0/kommunfraga/kommunfraga.xsd";
const OVERRIDES = { [SAMBRUK_STAND_IN_PATH]: SAMBRUK_STAND_IN_XSD };
const ENDPOINT = `http://csn.test${csnSimulator.path}`;
const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const { begaran, tolka } = csnSimulator.klient;

const ctx = testContext();
const server = setupServer(...[mswHandler(csnSimulator.endpoint(ctx))]);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CSN_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("CSN"));

/** A composite question whose CSN part carries its own period (or the general one when omitted). */
function fragaMed(personidentitet: string, csnPeriod?: Tidsperiod): SsbtFraga {
  const f = testFraga(personidentitet);
  if (csnPeriod) f.specifikaFrageparametrar.CSN = { inkludera: true, tidsperiod: csnPeriod };
  return f;
}

interface Utfall {
  status: number;
  xml: string;
  body: XmlElement;
  /** The Body child alone, serialized, for XSD validation. */
  bodyXml: string;
  svar: CsnSvar;
  sektion: Sektion;
}

async function anropa(fraga: SsbtFraga, kontrakt: KontraktInfo = KONTRAKT): Promise<Utfall> {
  const res = await fetch(fetchRequest(begaran(fraga, ENDPOINT, kontrakt)));
  const xml = await res.clone().text();
  const body = parseSoapEnvelope(xml).body;
  const sektion = await tolka(res, fraga, kontrakt);
  return {
    status: res.status,
    xml,
    body,
    bodyXml: serializeXml(body, { prefixes: CSN_SOAP_PREFIXES }),
    svar: decodeCsnSvar(body),
    sektion,
  };
}

async function postRaw(text: string): Promise<{ status: number; xml: string }> {
  const res = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
    body: text,
  });
  return { status: res.status, xml: await res.text() };
}

/** CSN's question for a persona as SSBT would send it, changed by `andra`. */
function direktFraga(
  personidentitet: string,
  andra: Partial<SbnUppgEkBistandBegar> = {},
): SbnUppgEkBistandBegar {
  return { ...csnFraga(testFraga(personidentitet), KONTRAKT), ...andra };
}

async function postFraga(f: SbnUppgEkBistandBegar, ns: string = CSN_NS.kommunfraga): Promise<CsnSvar> {
  const r = await postRaw(soapEnvelope(encodeFraga(f, "SBNUppgEkBistandBegar", ns), CSN_SOAP_PREFIXES));
  expect(r.status).toBe(200);
  return decodeCsnSvar(parseSoapEnvelope(r.xml).body);
}

/** The full SOAP answer text with another context (same handlers, resolved without the server). */
async function svarMedKontext(c: SimulatorContext, fraga: SsbtFraga): Promise<string> {
  const res = await getResponse(
    [mswHandler(csnSimulator.endpoint(c))],
    fetchRequest(begaran(fraga, ENDPOINT, KONTRAKT)),
  );
  if (!res) throw new Error("the CSN handlers did not answer");
  return res.text();
}

function dokumentISektion(s: Sektion): string {
  if (!("data" in s)) throw new Error(`expected a data section, got ${JSON.stringify(s)}`);
  expect(s.data).toHaveLength(1);
  const [svar] = s.data;
  expect(svar?.ns).toBe(KONTRAKT.ns);
  expect(svar?.local).toBe("svar");
  return Buffer.from(textOf(svar!), "base64").toString("utf8");
}

function allaArenden(svar: CsnSvar): {
  block: string;
  a: StudiestodArende | (Omit<StudiestodArende, "soktaTider" | "BeviljadeTider"> & Partial<StudiestodArende>);
}[] {
  const p = svar.Personer[0];
  if (!p) return [];
  return [
    ...(p.Studiemedel.Arenden ?? []).map((a) => ({ block: "studiemedel", a })),
    ...(p.Studiehjalp.Arenden ?? []).map((a) => ({ block: "studiehjalp", a })),
    ...(p.HemutrustningsLan.Arenden ?? []).map((a) => ({ block: "hemutrustningslan", a })),
    ...(p.Studiestartsstod.Arenden ?? []).map((a) => ({ block: "studiestartsstod", a })),
    ...(p.Omstallningsstudiestod.Arenden ?? []).map((a) => ({ block: "omstallningsstudiestod", a })),
  ];
}

function utbetalningar(svar: CsnSvar): Utbetalning[] {
  return allaArenden(svar).flatMap(({ a }) => a.UtbetalningsPlan);
}

/** Generated persons born 1955–2010, so every age group of the generator is hit (no named persona). */
const GENERERADE = Array.from({ length: 40 }, (_, i) => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return testIdentitet(
    `${1955 + Math.floor(i * 1.4)}${pad((i % 12) + 1)}${pad((i % 27) + 1)}`,
    `98${i % 10}`,
  );
}).filter((pid) => !PERSONAS.some((p) => p.personidentitet === pid));

// ---------------------------------------------------------------------------------------------

describe("CSN request (client.begaran)", () => {
  it("is a SOAP 1.1 POST with text/xml and an empty SOAPAction to the given endpoint", async () => {
    const req = fetchRequest(begaran(fragaMed("200304129810"), ENDPOINT, KONTRAKT));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(ENDPOINT);
    expect(req.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(req.headers.get("soapaction")).toBe('""');
    const body = parseSoapEnvelope(await req.text()).body;
    expect([body.ns, body.local]).toEqual([CSN_NS.kommunfraga, "SBNUppgEkBistandBegar"]);
  });

  it("maps the composite question onto CSN's question fields", async () => {
    const f = fragaMed("200304129810");
    const q = decodeFraga(parseSoapEnvelope(await fetchRequest(begaran(f, ENDPOINT, KONTRAKT)).text()).body);
    expect(q).toMatchObject({
      SchemaVersion: "4.0",
      Kommun: "212999-9991",
      AppVersion: "v10",
      AnropsId: "c0ffee00-0000-4000-8000-000000000001",
      HandlaggareId: "HL0001",
      ArendeId: "ARENDE-2026-0001",
      HushallsId: "ARENDE-2026-0001",
      FromDatum: "20260921",
      TomDatum: "20261120",
      HushallsMedlemsIdSekel: "20",
      HushallsMedlemsId: "0304129810",
    });
    const v11 = decodeFraga(
      parseSoapEnvelope(await fetchRequest(begaran(f, ENDPOINT, { version: "v11", ns: NS.ssbt11 })).text())
        .body,
    );
    expect(v11.AppVersion).toBe("v11");
  });

  it("uses CSN's own tidsperiod over the general one, and leaves out AnropsId without korrelationsid", async () => {
    const f = fragaMed("200304129810", { fromDatum: "2026-10-01+01:00", tomDatum: "2026-10-31" });
    delete f.generellaFrageparametrar.korrelationsid;
    const q = decodeFraga(parseSoapEnvelope(await fetchRequest(begaran(f, ENDPOINT, KONTRAKT)).text()).body);
    expect([q.FromDatum, q.TomDatum]).toEqual(["20261001", "20261031"]);
    expect(q.AnropsId).toBeUndefined();
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    it("the SBNUppgEkBistandBegar payload validates against kommunfraga.xsd (with the Sambruk stand-in)", async () => {
      const body = parseSoapEnvelope(
        await fetchRequest(begaran(fragaMed("197904159998"), ENDPOINT, KONTRAKT)).text(),
      ).body;
      const r = await validateAgainst(
        serializeXml(body, { prefixes: CSN_SOAP_PREFIXES }),
        KOMMUNFRAGA_XSD,
        undefined,
        OVERRIDES,
      );
      expect(r.errors).toEqual([]);
      expect(r.valid).toBe(true);
    });
  });
});

describe("CSN answer for every named persona", () => {
  it("every named persona with CSN in kallor has FAKTA, and no other persona has", () => {
    expect(Object.keys(FAKTA).sort()).toEqual(CSN_PERSONAS.map((p) => p.id).sort());
  });

  it.each(
    PERSONAS.map((p) => [p.id, p] as const),
  )("%s: answer, and tolka gives the data section", async (_id, p) => {
    const u = await anropa(fragaMed(p.personidentitet));
    expect(u.status).toBe(200);
    const harCsn = p.kallor.includes("CSN");
    expect(u.svar.Resultat).toEqual(harCsn ? CSN_RESULTAT.ok : CSN_RESULTAT.ejTraff);
    expect(u.svar.schemaVersion).toBe("4.0");
    // The question is echoed.
    expect(u.svar.GemensamtFragaEkbistand.HushallsMedlemsId).toBe(p.personidentitet.slice(2));
    if (p.typ === "samordningsnummer") {
      // CSN's personnummer type cannot carry day 61–91: "no record" without a Person.
      expect(u.svar.Personer).toEqual([]);
    } else {
      const [person] = u.svar.Personer;
      expect(u.svar.Personer).toHaveLength(1);
      expect(person?.personnummer).toBe(p.personidentitet.slice(2));
      expect(person?.sekel).toBe(p.personidentitet.slice(0, 2));
      expect(person?.Status).toBe(harCsn ? "          " : "Ej träff");
      expect(person?.sekretess).toBe(harCsn && p.sekretess ? "Ja" : "  ");
      const f = person!.Studiestodstypforteckning;
      const flaggor = [
        f.studiemedel,
        f.studiehjalp,
        f.hemutrustningslan,
        f.studiestartsstod,
        f.omstallningsstudiestod,
      ];
      expect(flaggor.includes("1")).toBe(harCsn);
      // The flags say exactly which blocks carry ärenden.
      expect(flaggor).toEqual(
        [
          person!.Studiemedel,
          person!.Studiehjalp,
          person!.HemutrustningsLan,
          person!.Studiestartsstod,
          person!.Omstallningsstudiestod,
        ].map((b) => ((b.Arenden?.length ?? 0) > 0 ? "1" : "0")),
      );
    }
    // Section data = base64 of CSN's answer document, which is exactly the Body's CSNSvar.
    const dokument = dokumentISektion(u.sektion);
    expect(dokument.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(parseCsnSvar(dokument)).toEqual(u.svar);
    // CSN's schema has no names at all; a sekretess person's certainly never appear.
    for (const namn of [p.fornamn, p.efternamn]) {
      const somVarde = new RegExp(`[>"]${namn}[<"]`);
      expect(u.xml).not.toMatch(somVarde);
      expect(dokument).not.toMatch(somVarde);
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    // Every persona's answer first, then one libxml2 run for all documents (see schemaBatch).
    const checks = schemaBatch(PERSONAS, async (p) => {
      const u = await anropa(fragaMed(p.personidentitet));
      const schema = { schema: KOMMUNFRAGA_XSD, overrides: OVERRIDES };
      return {
        value: u,
        documents: {
          answer: { xml: u.bodyXml, ...schema },
          document: { xml: dokumentISektion(u.sektion), ...schema },
        },
      };
    });
    beforeAll(checks.run, XSD_BATCH_TIMEOUT);

    it.each(
      PERSONAS.map((p) => [p.id, p] as const),
    )("%s: CSNSvar validates against kommunfraga.xsd", async (id, p) => {
      const { results } = await checks.of(p);
      expect(results.answer.errors, `${id} answer`).toEqual([]);
      expect(results.document.errors, `${id} section document`).toEqual([]);
    });

    it("the validation is not vacuous: a wrong status or a missing block fails", async () => {
      const u = await anropa(fragaMed("200304129810"));
      const felStatus = u.bodyXml.replace(
        "<csnsm:status>BESLUTAT</csnsm:status>",
        "<csnsm:status>KLAR</csnsm:status>",
      );
      const utanOss = u.bodyXml.replace("<csnpers:Omstallningsstudiestod/>", "");
      const [a, b] = await validateManyAgainst([felStatus, utanOss], KOMMUNFRAGA_XSD, undefined, OVERRIDES);
      expect(a!.valid).toBe(false);
      expect(b!.valid).toBe(false);
    });

    it("CSN's v3.0 sample answer (reference traffic) is not a v4.0 answer: tolka-side decoding refuses it", () => {
      const response = readReference("ssbtek-v10/client-traffic/test01_getFinancialAid_csn/response.xml");
      const b64 = /<ssbt:svar>([^<]+)<\/ssbt:svar>/.exec(response)?.[1] ?? "";
      const v3 = Buffer.from(b64, "base64").toString("utf8");
      expect(() => parseCsnSvar(v3)).toThrow(/CSNSvar/);
      // Even in the v4.0 namespaces it lacks v4.0's omställningsstudiestöd.
      const somV4 = v3.replaceAll("/v3.0/", "/v4.0/").replace('schemaVersion="3.0"', 'schemaVersion="4.0"');
      expect(() => parseCsnSvar(somV4)).toThrow(/omstallningsstudiestod|Omstallningsstudiestod/);
    });
  });
});

describe("CSN facts follow the persona stories", () => {
  it("student-bostadsbidrag: studiemedel per term covering the period, 891 + 2 040 kr per week on the 25th", async () => {
    const { svar } = await anropa(fragaMed("200304129810"));
    // One ärende: she is the CSN pacts' persona, whose matchers hold the shape of its one ärende.
    const [a, ...ovriga] = svar.Personer[0]!.Studiemedel.Arenden ?? [];
    expect(ovriga).toEqual([]);
    expect(a).toMatchObject({ stodform: "GRUND", status: "BESLUTAT" });
    const [bt] = a!.BeviljadeTider;
    expect(bt!.starttid <= "20260921" && bt!.sluttid >= "20261120").toBe(true);
    expect(bt!.Beloppen.map((b) => [b.beloppstyp, b.belopp])).toEqual([
      ["GRUNDB", "891"],
      ["GRUNDL", "2040"],
    ]);
    expect(a!.soktaTider).toEqual([
      { soktfrom: bt!.starttid, sokttom: bt!.sluttid, soktomfattning: "100", soktlan: "J" },
    ]);
    // 2026-09-25 is a Friday; 2026-10-25 is a Sunday, so October's payment comes on Friday the 23rd.
    expect(a!.UtbetalningsPlan.map((u) => [u.utbetdatum, u.utbetstatus])).toEqual([
      ["20260925", "Utbetald"],
      ["20261023", "Utbetald"],
    ]);
    // Four weeks of bidrag + lån is 3 564 + 8 160 kr.
    expect(a!.UtbetalningsPlan[0]!.totbelopp).toBe("11724");
  });

  it("skyddad-identitet: sekretess Ja, studiemedel at half pace", async () => {
    const { svar } = await anropa(fragaMed("198805049890"));
    const p = svar.Personer[0]!;
    expect(p.sekretess).toBe("Ja");
    expect(p.Studiemedel.Arenden?.[0]?.BeviljadeTider[0]?.takt).toBe("50");
  });

  it("gymnasieelev-studiehjalp: SH for 2026/27, studiebidrag 1 250 + lärlingsersättning 800 kr a month, soktomfattning 0", async () => {
    const { svar } = await anropa(fragaMed("200708289988"));
    const [a] = svar.Personer[0]!.Studiehjalp.Arenden ?? [];
    expect(a).toMatchObject({ stodform: "SH", klartext: "2026/27 Studiehjälp Sverige", status: "BESLUTAT" });
    expect(a!.soktaTider[0]).toEqual({ soktfrom: "20260901", sokttom: "20270630", soktomfattning: "0" });
    expect(a!.BeviljadeTider[0]!.takt).toBeUndefined();
    expect(a!.BeviljadeTider[0]!.totbelopp).toBe("20500");
    expect(a!.UtbetalningsPlan.map((u) => [u.utbetdatum, u.totbelopp])).toEqual([
      ["20260925", "2050"],
      ["20261023", "2050"],
    ]);
  });

  it("nyanland-etablering: the hemutrustningslån paid 2025-09-15 shows up only when the period holds that day", async () => {
    const nu = testContext(42, "2025-10-10T10:00:00+02:00");
    const fraga = direktFraga("199203059846", { FromDatum: "20250901", TomDatum: "20251010" });
    const dåSvar = besvaraFraga(fraga, nu);
    const [hut] = dåSvar.Personer[0]!.HemutrustningsLan.Arenden ?? [];
    expect(hut).toMatchObject({ stodform: "HUT", status: "BESLUTAD" });
    expect(hut!.lopnummer).toMatch(/^\d{7}$/);
    expect(hut!.UtbetalningsPlan).toEqual([
      {
        utbetdatum: "20250915",
        utbetstatus: "UTBETALAD",
        Utbetaldatider: [
          {
            Beloppen: [
              { beloppstyp: "HUT", klartext: "Hemutrustningslån", belopp: "25900", totbelopp: "25900" },
            ],
            totbelopp: "25900",
          },
        ],
        totbelopp: "25900",
      },
    ]);
    // A year later the loan is still there, the payment is outside the period.
    const { svar } = await anropa(fragaMed("199203059846"));
    expect(svar.Personer[0]!.HemutrustningsLan.Arenden?.[0]?.UtbetalningsPlan).toEqual([]);
    // Before the loan was decided CSN did not know her.
    const fore = besvaraFraga(
      direktFraga("199203059846", { FromDatum: "20250501", TomDatum: "20250701" }),
      testContext(42, "2025-07-01T10:00:00+02:00"),
    );
    expect(fore.Resultat).toEqual(CSN_RESULTAT.ejTraff);
  });

  it("ung-utan-inkomst: studiemedel ended before the period, the ärende is there without payments", async () => {
    const { svar } = await anropa(fragaMed("200112249875"));
    // The studies she broke off (her exchange term before them is its own ärende).
    const a = (svar.Personer[0]!.Studiemedel.Arenden ?? []).find((x) => x.stodform === "GRUND");
    expect(a!.status).toBe("AVSLUTAT");
    expect(a!.BeviljadeTider[0]!.sluttid < "20260921").toBe(true);
    expect(a!.soktaTider[0]!.sokttom > a!.BeviljadeTider[0]!.sluttid).toBe(true);
    expect(a!.UtbetalningsPlan).toEqual([]);
  });

  it("omställningsstudiestöd and studiestartsstöd: a course around the period with payments inside it", async () => {
    for (const [pid, block, typer] of [
      ["197904159998", "omstallningsstudiestod", ["OSSBID", "OSSLÅN"]],
      ["199411039804", "studiestartsstod", ["STÖDB"]],
    ] as const) {
      const { svar } = await anropa(fragaMed(pid));
      const arenden = allaArenden(svar);
      expect(arenden.map((x) => x.block)).toEqual([block]);
      const a = arenden[0]!.a;
      expect(a.BeviljadeTider![0]!.starttid < "20260921").toBe(true);
      expect(a.BeviljadeTider![0]!.sluttid > "20261120").toBe(true);
      expect(a.BeviljadeTider![0]!.Beloppen.map((b) => b.beloppstyp)).toEqual(typer);
      expect(a.UtbetalningsPlan.length).toBeGreaterThan(0);
    }
  });

  it("hela-kedjan: earlier studiemedel (1991/92), ended, nothing paid in the period", async () => {
    const { svar } = await anropa(fragaMed("197003039885"));
    const [a] = svar.Personer[0]!.Studiemedel.Arenden ?? [];
    expect(a).toMatchObject({ status: "AVSLUTAT", UtbetalningsPlan: [] });
    expect(a!.BeviljadeTider[0]!.starttid).toBe("19910826");
  });

  it("relarende points at the ärende that holds it together (kodtäckning: SB, EXTRA, INACK, LÄRLE under SH)", async () => {
    const { svar } = await anropa(fragaMed("199210109899"));
    const sh = svar.Personer[0]!.Studiehjalp.Arenden ?? [];
    const holder = (stodform: string) => sh.find((a) => a.stodform === stodform)!.lopnummer;
    for (const a of sh) {
      if (["SB", "EXTRA", "INACK", "LÄRLE"].includes(a.stodform)) expect(a.relarende).toBe(holder("SH"));
      if (["SBU", "EXTRAU", "INACKU"].includes(a.stodform)) expect(a.relarende).toBe(holder("SHU"));
      if (["SH", "SHU"].includes(a.stodform)) expect(a.relarende).toBeUndefined();
    }
    const sss = svar.Personer[0]!.Studiestartsstod.Arenden ?? [];
    expect(sss.find((a) => a.stodform === "TBID")?.relarende).toBe(
      sss.find((a) => a.stodform === "SSSTÖD")?.lopnummer,
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** (now, period) pairs CSN accepts: month-end peak, summer break, term change, midsummer, Christmas. */
const TIDPUNKTER: { now: string; period: Tidsperiod }[] = [
  { now: TEST_NOW, period: TEST_PERIOD },
  { now: "2026-07-10T10:00:00+02:00", period: { fromDatum: "2026-05-10", tomDatum: "2026-08-10" } },
  { now: "2027-01-15T10:00:00+01:00", period: { fromDatum: "2026-11-15", tomDatum: "2027-02-15" } },
  { now: "2027-06-28T10:00:00+02:00", period: { fromDatum: "2027-04-28", tomDatum: "2027-07-28" } },
  { now: "2026-12-20T10:00:00+01:00", period: { fromDatum: "2026-12-01", tomDatum: "2026-12-31" } },
];

function kontrolleraKonsistens(
  svar: CsnSvar,
  period: Tidsperiod,
  dagensDatum: string,
  tillatTidigPlanerad: boolean,
): void {
  const heltal = /^-?\d+$/;
  const from = period.fromDatum.replace(/-/g, "");
  const tom = period.tomDatum.replace(/-/g, "");
  const dag = dagensDatum.replace(/-/g, "");
  const summa = (xs: { totbelopp: string }[]) => String(xs.reduce((s, x) => s + Number(x.totbelopp), 0));
  const lopnummer = new Set<string>();
  for (const { block, a } of allaArenden(svar)) {
    expect(lopnummer.has(a.lopnummer), `lopnummer ${a.lopnummer} twice`).toBe(false);
    lopnummer.add(a.lopnummer);
    for (const s of a.soktaTider ?? []) {
      expect(csnDatumTillIso(s.soktfrom)).toBeDefined();
      expect(csnDatumTillIso(s.sokttom)).toBeDefined();
      expect(s.soktfrom <= s.sokttom).toBe(true);
    }
    for (const b of a.BeviljadeTider ?? []) {
      expect(csnDatumTillIso(b.starttid)).toBeDefined();
      expect(csnDatumTillIso(b.sluttid)).toBeDefined();
      expect(b.starttid <= b.sluttid).toBe(true);
      for (const x of b.Beloppen) expect(heltal.test(x.belopp) && heltal.test(x.totbelopp)).toBe(true);
      expect(b.totbelopp).toBe(summa(b.Beloppen));
    }
    for (const u of a.UtbetalningsPlan) {
      expect(csnDatumTillIso(u.utbetdatum), u.utbetdatum).toBeDefined();
      // Payments fall inside the asked period.
      expect(u.utbetdatum >= from && u.utbetdatum <= tom, `${u.utbetdatum} outside ${from}–${tom}`).toBe(
        true,
      );
      // Planned means not yet paid (kodtäckning may hold one artificial planned payment).
      if (u.utbetdatum > dag) expect(u.utbetstatus).toBe("Planerad");
      else if (!tillatTidigPlanerad) expect(u.utbetstatus).not.toBe("Planerad");
      expect(u.utbetstatus === "UTBETALAD").toBe(block === "hemutrustningslan" && u.utbetdatum <= dag);
      expect(u.totbelopp).toBe(summa(u.Utbetaldatider));
      for (const t of u.Utbetaldatider) {
        expect(t.totbelopp).toBe(summa(t.Beloppen));
        for (const x of t.Beloppen) expect(heltal.test(x.belopp) && heltal.test(x.totbelopp)).toBe(true);
        if (t.startvecka === undefined || t.slutvecka === undefined) continue;
        // What a payment covers lies inside a granted period.
        expect(
          (a.BeviljadeTider ?? []).some((b) => b.starttid <= t.startvecka! && t.slutvecka! <= b.sluttid),
          `${t.startvecka}–${t.slutvecka} outside the granted periods`,
        ).toBe(true);
        // Weekly support is paid before the weeks it pays for.
        if (block !== "studiehjalp") expect(u.utbetdatum <= t.startvecka).toBe(true);
      }
    }
    if ("relarende" in a && a.relarende !== undefined)
      expect(allaArenden(svar).some((x) => x.a.lopnummer === a.relarende)).toBe(true);
  }
}

describe("period consistency", () => {
  it.each(
    TIDPUNKTER.map((t) => [t.now, t] as const),
  )("now %s: payments inside the period, sums and dates consistent", (_n, t) => {
    const c = testContext(42, t.now);
    const dag = idag(c.now());
    for (const p of [...CSN_PERSONAS, ...GENERERADE.map((pid) => c.population.hitta(pid)!)]) {
      const svar = besvaraFraga(
        direktFraga(p.personidentitet, {
          FromDatum: t.period.fromDatum.replace(/-/g, ""),
          TomDatum: t.period.tomDatum.replace(/-/g, ""),
        }),
        c,
      );
      expect(["0", "-2"], p.id).toContain(svar.Resultat.ResultatKod);
      kontrolleraKonsistens(svar, t.period, dag, p.id === "kodtackning");
    }
  });

  it("CSN's payment day: the 25th, or the bank day before a weekend or holiday", () => {
    expect(utbetalningsdag("CSN", "2026-09-01")).toBe("2026-09-25");
    expect(utbetalningsdag("CSN", "2026-10-01")).toBe("2026-10-23");
    expect(utbetalningsdag("CSN", "2026-12-01")).toBe("2026-12-23");
    // 2027-06-25 is midsommarafton (a Friday).
    expect(utbetalningsdag("CSN", "2027-06-01")).toBe("2027-06-24");
  });

  it("ung-utan-inkomst: her exchange term of spring 2025 (GRUNDU) and its merkostnadslån (MLÅNU), ended, nothing paid now", async () => {
    const p = PERSONAS.find((x) => x.id === "ung-utan-inkomst")!;
    const { svar } = await anropa(fragaMed(p.personidentitet));
    const arenden = svar.Personer[0]!.Studiemedel.Arenden ?? [];
    const utland = arenden.filter((x) => x.stodform === "GRUNDU" || x.stodform === "MLÅNU");
    expect(utland.map((x) => [x.stodform, x.status, x.UtbetalningsPlan.length])).toEqual([
      ["GRUNDU", "AVSLUTAT", 0],
      ["MLÅNU", "AVSLUTAT", 0],
    ]);
  });

  it("a student's payments in a period spanning two terms belong to two ärenden", async () => {
    const c = testContext(42, "2027-01-15T10:00:00+01:00");
    const svar = besvaraFraga(
      direktFraga("200304129810", { FromDatum: "20261115", TomDatum: "20270215" }),
      c,
    );
    const arenden = (svar.Personer[0]!.Studiemedel.Arenden ?? []).filter((a) => a.stodform === "GRUND");
    expect(arenden.map((a) => a.status)).toEqual(["AVSLUTAT", "BESLUTAT"]);
    expect(arenden.every((a) => a.UtbetalningsPlan.length > 0)).toBe(true);
    expect(utbetalningar(svar).some((u) => u.utbetstatus === "Planerad")).toBe(true);
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    it("answers at every tidpunkt, for CSN personas and generated persons, validate", async () => {
      // One schema load for all documents: validating one by one is slow under a loaded CI machine.
      const pids = [...CSN_PERSONAS.map((p) => p.personidentitet), ...GENERERADE.slice(0, 20)];
      for (const t of TIDPUNKTER.slice(1, 3)) {
        const c = testContext(42, t.now);
        const docs = pids.map((pid) =>
          serializeCsnSvar(
            besvaraFraga(
              direktFraga(pid, {
                FromDatum: t.period.fromDatum.replace(/-/g, ""),
                TomDatum: t.period.tomDatum.replace(/-/g, ""),
              }),
              c,
            ),
          ),
        );
        const results = await validateManyAgainst(docs, KOMMUNFRAGA_XSD, undefined, OVERRIDES);
        for (const [i, r] of results.entries()) expect(r.errors, pids[i]).toEqual([]);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe("CSN's error behaviour", () => {
  const felsektion = (s: Sektion) => {
    if (!arFel(s)) throw new Error(`expected an error section, got ${JSON.stringify(s).slice(0, 200)}`);
    return s.error;
  };

  it("−1004: a personidentitet with a wrong check digit (the reference client's 199001011234)", async () => {
    const u = await anropa(fragaMed("199001011234"));
    expect(u.status).toBe(200);
    expect(u.svar.Resultat).toEqual(CSN_RESULTAT.felPersonnummer);
    expect(u.svar.Personer).toEqual([]);
    expect(felsektion(u.sektion)).toEqual({
      kalla: "BT",
      felkod: "-1004",
      felmeddelande: ["Felaktigt format på personnummer"],
    });
  });

  it("−1004: a malformed personnummer or sekel in a direct question", async () => {
    for (const andra of [
      { HushallsMedlemsId: "12345" },
      { HushallsMedlemsIdSekel: "21" },
      { HushallsMedlemsId: "0313329810" },
    ]) {
      expect((await postFraga(direktFraga("200304129810", andra))).Resultat).toEqual(
        CSN_RESULTAT.felPersonnummer,
      );
    }
  });

  it("−1005: arendeidentitet of 32 characters breaks CSN's contract, 31 is fine", async () => {
    const f = fragaMed("200304129810");
    f.generellaFrageparametrar.arendeidentitet = "A".repeat(32);
    const u = await anropa(f);
    expect(u.svar.Resultat).toEqual(CSN_RESULTAT.kontraktsbrott);
    expect(felsektion(u.sektion)).toMatchObject({ kalla: "BT", felkod: "-1005" });
    f.generellaFrageparametrar.arendeidentitet = "A".repeat(31);
    expect((await anropa(f)).svar.Resultat).toEqual(CSN_RESULTAT.ok);
  });

  it("−1005: a handläggare id over 31 characters, a malformed Kommun, MaxAntalSvar 0", async () => {
    expect(
      (await postFraga(direktFraga("200304129810", { HandlaggareId: "H".repeat(32) }))).Resultat,
    ).toEqual(CSN_RESULTAT.kontraktsbrott);
    expect((await postFraga(direktFraga("200304129810", { Kommun: "2129999991" }))).Resultat).toEqual(
      CSN_RESULTAT.formatfel,
    );
    expect((await postFraga(direktFraga("200304129810", { MaxAntalSvar: "0" }))).Resultat).toEqual(
      CSN_RESULTAT.formatfel,
    );
    expect((await postFraga(direktFraga("200304129810", { MaxAntalSvar: "10" }))).Resultat).toEqual(
      CSN_RESULTAT.ok,
    );
  });

  it("−1006: from-date more than 2 months back, to-date more than 1 month ahead; the boundary days pass", async () => {
    const dag = idag(ctx.now());
    const fall: [Tidsperiod, (typeof CSN_RESULTAT)[keyof typeof CSN_RESULTAT]][] = [
      [
        { fromDatum: laggTillDagar(laggTillManader(dag, -2), -1), tomDatum: dag },
        CSN_RESULTAT.fromdatumForTidigt,
      ],
      [{ fromDatum: laggTillManader(dag, -2), tomDatum: dag }, CSN_RESULTAT.ok],
      [{ fromDatum: dag, tomDatum: laggTillDagar(laggTillManader(dag, 1), 1) }, CSN_RESULTAT.tomdatumForSent],
      [{ fromDatum: dag, tomDatum: laggTillManader(dag, 1) }, CSN_RESULTAT.ok],
      [{ fromDatum: "2026-11-10", tomDatum: "2026-11-01" }, CSN_RESULTAT.ogiltigtTomdatum],
    ];
    for (const [period, resultat] of fall) {
      const u = await anropa(fragaMed("200304129810", period));
      expect(u.svar.Resultat, JSON.stringify(period)).toEqual(resultat);
      if (resultat !== CSN_RESULTAT.ok)
        expect(felsektion(u.sektion)).toEqual({
          kalla: "BT",
          felkod: "-1006",
          felmeddelande: [resultat.ResultatText],
        });
    }
  });

  it("−1006: dates that are not YYYYMMDD calendar days", async () => {
    expect((await postFraga(direktFraga("200304129810", { FromDatum: "20261345" }))).Resultat).toEqual(
      CSN_RESULTAT.ogiltigtFromdatum,
    );
    expect((await postFraga(direktFraga("200304129810", { TomDatum: "2026-11-20" }))).Resultat).toEqual(
      CSN_RESULTAT.ogiltigtTomdatum,
    );
  });

  it("−1006: 'today' is the Swedish date (23:30 UTC on 20 November is already the 21st in Stockholm)", () => {
    const sent = testContext(42, "2026-11-20T23:30:00Z");
    const fraga = direktFraga("200304129810", { FromDatum: "20260920", TomDatum: "20261120" });
    expect(besvaraFraga(fraga, testContext(42, "2026-11-20T22:30:00Z")).Resultat).toEqual(CSN_RESULTAT.ok);
    expect(besvaraFraga(fraga, sent).Resultat).toEqual(CSN_RESULTAT.fromdatumForTidigt);
  });

  it("−1007: a schema version other than 4.0, or a question in the v3.0 namespace", async () => {
    const v3 = await postFraga(direktFraga("200304129810", { SchemaVersion: "3.0" }));
    expect(v3.Resultat).toEqual(CSN_RESULTAT.felSchemaversion);
    expect((await postFraga(direktFraga("200304129810", { SchemaVersion: "4.00" }))).Resultat).toEqual(
      CSN_RESULTAT.ok,
    );
    const gammalt = await postFraga(
      direktFraga("200304129810", { SchemaVersion: "3.0" }),
      CSN_KOMMUNFRAGA_V3_NS,
    );
    expect(gammalt.Resultat).toEqual(CSN_RESULTAT.felXmlSchema);
    expect(gammalt.Personer).toEqual([]);
  });

  it.each([
    ["HUT", CSN_RESULTAT.hutEjTillgangligt],
    ["SM_SH", CSN_RESULTAT.smShEjTillgangligt],
    ["ALLA", CSN_RESULTAT.ingetSystem],
    ["OSS", CSN_RESULTAT.ossEjTillgangligt],
  ] as const)("−1101…−1104: injected outage %s", async (storning: CsnStorning, resultat) => {
    server.use(mswHandler(csnEndpoint(ctx, { storning })));
    const u = await anropa(fragaMed("200304129810"));
    expect(u.svar.Resultat).toEqual(resultat);
    expect(u.svar.Personer).toEqual([]);
    expect(felsektion(u.sektion)).toEqual({
      kalla: "BT",
      felkod: resultat.ResultatKod,
      felmeddelande: [resultat.ResultatText],
    });
    // CSN's field rules still come first.
    expect((await anropa(fragaMed("199001011234"))).svar.Resultat).toEqual(CSN_RESULTAT.felPersonnummer);
  });

  it("−2: ej-traff, a persona without CSN in kallor, a generated person without CSN", async () => {
    for (const pid of ["196507309901", "199909099948"]) {
      const u = await anropa(fragaMed(pid));
      expect(u.svar.Resultat).toEqual(CSN_RESULTAT.ejTraff);
      expect("data" in u.sektion).toBe(true);
    }
    const utan = GENERERADE.map((pid) => ctx.population.hitta(pid)!).find((p) => !p.kallor.includes("CSN"))!;
    expect((await anropa(fragaMed(utan.personidentitet))).svar.Resultat).toEqual(CSN_RESULTAT.ejTraff);
  });

  it("every CSN_FELSCENARIER entry gives its result code through the composite question", async () => {
    const dag = idag(ctx.now());
    for (const s of CSN_FELSCENARIER) {
      const fraga = s.fraga(testFraga("199210109899"), dag);
      const u = await anropa(fraga);
      expect(u.svar.Resultat, s.namn).toEqual(s.resultat);
      expect(felsektion(u.sektion).felkod).toBe(s.resultat.ResultatKod);
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    it("error answers (with the echoed question) validate too", async () => {
      const f = fragaMed("200304129810");
      f.generellaFrageparametrar.arendeidentitet = "A".repeat(40);
      const svar: string[] = [];
      for (const fraga of [
        f,
        fragaMed("199001011234"),
        fragaMed("200304129810", { fromDatum: "2026-01-01", tomDatum: "2026-11-20" }),
      ])
        svar.push((await anropa(fraga)).bodyXml);
      const results = await validateManyAgainst(svar, KOMMUNFRAGA_XSD, undefined, OVERRIDES);
      for (const [i, r] of results.entries()) expect(r.errors, `error answer ${i}`).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe("determinism", () => {
  it("the same seed gives the same bytes, for named and generated persons", async () => {
    const a = testContext(42);
    const b = testContext(42);
    for (const pid of [...CSN_PERSONAS.map((p) => p.personidentitet), ...GENERERADE]) {
      expect(await svarMedKontext(a, fragaMed(pid))).toBe(await svarMedKontext(b, fragaMed(pid)));
    }
  });

  it("a different seed changes generated persons' data (and never the named personas')", async () => {
    const a = testContext(42);
    const b = testContext(4242);
    for (const p of CSN_PERSONAS)
      expect(await svarMedKontext(a, fragaMed(p.personidentitet))).toBe(
        await svarMedKontext(b, fragaMed(p.personidentitet)),
      );
    // Persons holding CSN data under both seeds: the facts themselves differ for some.
    const bada = GENERERADE.filter(
      (pid) =>
        a.population.hitta(pid)!.kallor.includes("CSN") && b.population.hitta(pid)!.kallor.includes("CSN"),
    );
    expect(bada.length).toBeGreaterThan(0);
    let olika = 0;
    for (const pid of bada)
      if ((await svarMedKontext(a, fragaMed(pid))) !== (await svarMedKontext(b, fragaMed(pid)))) olika++;
    expect(olika).toBeGreaterThan(0);
  });

  it("in-process (question model and answer tree handed over) SSBT's section is the wire's, byte for byte", async () => {
    const inProcess = inProcessTransport(csnSimulator.endpoint(ctx));
    const pids = [...CSN_PERSONAS.map((p) => p.personidentitet), ...GENERERADE.slice(0, 12)];
    let medData = 0;
    for (const pid of pids) {
      const fraga = fragaMed(pid);
      const ut = await inProcess(begaran(fraga, ENDPOINT, KONTRAKT), () => new AbortController().signal);
      if (ut.kind !== "response") throw new Error(`expected a response, got ${ut.kind}`);
      const tree = writtenFrom(ut);
      expect(tree).toBeDefined();
      const svar: BastjanstSvar = {
        status: ut.status,
        ok: true,
        statusText: "",
        headers: { get: () => null },
        text: () => Promise.reject(new Error("in-process: the text is never read")),
        parsedXml: tree,
      };
      const dokument = dokumentISektion(await tolka(svar, fraga, KONTRAKT));
      expect(dokument).toBe(dokumentISektion((await anropa(fraga)).sektion));
      if (dokument.includes("<csnpers:Arende")) medData++;
    }
    expect(medData).toBeGreaterThan(5);
  });

  it("generated persons with CSN in kallor get data; without it, −2", () => {
    let medData = 0;
    for (const pid of GENERERADE) {
      const p = ctx.population.hitta(pid)!;
      const svar = besvaraFraga(direktFraga(pid), ctx);
      if (!p.kallor.includes("CSN")) expect(svar.Resultat).toEqual(CSN_RESULTAT.ejTraff);
      else if (svar.Resultat.ResultatKod === "0") medData++;
      expect(svar.Personer[0]?.sekretess).toBe(
        p.kallor.includes("CSN") && p.sekretess && svar.Resultat.ResultatKod === "0" ? "Ja" : "  ",
      );
    }
    expect(medData).toBeGreaterThan(3);
  });
});

// ---------------------------------------------------------------------------------------------

/** Values per "parent.child" element (and "element.attribute") found in a CSN answer document. */
function varden(xml: string, out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const add = (k: string, v: string) => {
    const s = out.get(k) ?? new Set<string>();
    s.add(v);
    out.set(k, s);
  };
  const walk = (e: XmlElement) => {
    for (const a of e.attrs) add(`${e.local}.${a.local}`, a.value);
    for (const c of childElements(e)) {
      if (childElements(c).length === 0) add(`${e.local}.${c.local}`, textOf(c));
      walk(c);
    }
  };
  walk(parseXml(xml));
  return out;
}

describe("CSN kodverk coverage", () => {
  it("every svar code appears in an answer for a named persona (error codes through their triggers), and nothing else is sent", async () => {
    const sett = new Map<string, Set<string>>();
    for (const p of PERSONAS)
      varden(serializeCsnSvar((await anropa(fragaMed(p.personidentitet))).svar), sett);
    const dag = idag(ctx.now());
    for (const s of CSN_FELSCENARIER)
      varden(serializeCsnSvar((await anropa(s.fraga(testFraga("199210109899"), dag))).svar), sett);
    varden(serializeCsnSvar(await postFraga(direktFraga("199210109899", { SchemaVersion: "5.0" }))), sett);
    for (const storning of ["HUT", "SM_SH", "ALLA", "OSS"] as const)
      varden(serializeCsnSvar(besvaraFraga(direktFraga("199210109899"), ctx, { storning })), sett);

    const svarKodverk = KODVERK_PER_KALLA.csn!.filter((k) => k.riktning === "svar");
    expect(svarKodverk.length).toBeGreaterThan(8);
    for (const k of svarKodverk) {
      const seen = new Set(k.falt.flatMap((f) => [...(sett.get(f) ?? [])]));
      for (const kod of k.koder) expect(seen.has(kod.kod), `${k.id} "${kod.kod}"`).toBe(true);
      for (const v of seen)
        expect(
          k.koder.map((x) => x.kod),
          `${k.id} sent "${v}"`,
        ).toContain(v);
    }
  });

  it("the realistic stories alone (without kodtackning) already use the common codes", async () => {
    const sett = new Map<string, Set<string>>();
    for (const p of CSN_PERSONAS.filter((x) => x.id !== "kodtackning"))
      varden(serializeCsnSvar((await anropa(fragaMed(p.personidentitet))).svar), sett);
    expect([...(sett.get("Arende.stodform") ?? [])].sort()).toEqual([
      "EXTRA",
      "GRUND",
      "GRUNDU",
      "HUT",
      "INACK",
      "LÄRLE",
      "MLÅNU",
      "OSS",
      "SB",
      "SH",
      "SSSTÖD",
      "TBID",
      "TILB",
      "TLÅN",
    ]);
  });

  it("the ResultatKod labels are CSN's texts for the codes the simulator sends", () => {
    const k = kodverk("CSN.ResultatKod");
    for (const r of Object.values(CSN_RESULTAT)) expect(k.koder.map((x) => x.kod)).toContain(r.ResultatKod);
    expect(k.koder.find((x) => x.kod === "0")?.beskrivning).toBe(CSN_RESULTAT.ok.ResultatText);
    expect(k.koder.find((x) => x.kod === "-1004")?.beskrivning).toBe(
      CSN_RESULTAT.felPersonnummer.ResultatText,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("tolka never throws on a bad answer", () => {
  const fraga = fragaMed("200304129810");
  const svara = (body: BodyInit | null, status = 200, contentType = SOAP11_CONTENT_TYPE) =>
    new Response(body, { status, headers: { "Content-Type": contentType } });
  const felkod = async (r: Response) => {
    const s = await tolka(r, fraga, KONTRAKT);
    if (!arFel(s)) throw new Error(`expected an error section, got ${JSON.stringify(s).slice(0, 200)}`);
    expect(s.error.kalla).toBe("BT");
    expect(s.error.felmeddelande.length).toBeGreaterThan(0);
    return s.error;
  };
  const giltigt = async () => (await anropa(fraga)).xml;

  it("an HTML error page with 502 → HTTP_502", async () => {
    expect(
      (await felkod(svara("<html><body><h1>502 Bad Gateway</h1></body></html>", 502, "text/html"))).felkod,
    ).toBe("HTTP_502");
  });

  it("a plain 500 → HTTP_500; an empty 503 → HTTP_503", async () => {
    expect((await felkod(svara("Internal Server Error", 500, "text/plain"))).felkod).toBe("HTTP_500");
    expect((await felkod(svara(null, 503))).felkod).toBe("HTTP_503");
  });

  it("200 with non-XML, with XHTML, or with an empty body → MALFORMED", async () => {
    expect((await felkod(svara("hello"))).felkod).toBe("MALFORMED");
    expect((await felkod(svara("<html><body>OK</body></html>"))).felkod).toBe("MALFORMED");
    expect((await felkod(svara(""))).felkod).toBe("MALFORMED");
  });

  it("200 with a SOAP answer that breaks CSN's schema → MALFORMED naming the path", async () => {
    const xml = await giltigt();
    const e1 = await felkod(
      svara(xml.replace("<csnsm:status>BESLUTAT</csnsm:status>", "<csnsm:status>KLAR</csnsm:status>")),
    );
    expect(e1.felkod).toBe("MALFORMED");
    expect(e1.felmeddelande.join(" ")).toContain("status");
    expect((await felkod(svara(xml.replace(/<csn:Personer>.*<\/csn:Personer>/, "")))).felkod).toBe(
      "MALFORMED",
    );
    expect(
      (
        await felkod(
          svara(xml.replace("<csngem:belopp>891</csngem:belopp>", "<csngem:belopp>891.50</csngem:belopp>")),
        )
      ).felkod,
    ).toBe("MALFORMED");
    const fel = soapEnvelope(el(CSN_NS.kommunfraga, "Nagot", ["x"]), CSN_SOAP_PREFIXES);
    expect((await felkod(svara(fel))).felkod).toBe("MALFORMED");
  });

  it("a SOAP fault: CSN's result code from the detail, else SOAP_FAULT", async () => {
    const r = await postRaw("not xml");
    const e = await felkod(svara(r.xml, 500));
    expect(e.felkod).toBe("-1005");
    const annan = soapEnvelope(
      el(NS.soap, "Fault", [
        el("", "faultcode", ["soap:Server"]),
        el("", "faultstring", ["Down for 199001011234"]),
      ]),
    );
    const e2 = await felkod(svara(annan, 500));
    expect(e2.felkod).toBe("SOAP_FAULT");
    // A personnummer in the fault text is masked.
    expect(e2.felmeddelande.join(" ")).toContain("19900101-****");
    expect(e2.felmeddelande.join(" ")).not.toContain("199001011234");
  });

  it("an unknown negative ResultatKod becomes that felkod", async () => {
    const xml = (await giltigt()).replace(
      "<csn:ResultatKod>0</csn:ResultatKod>",
      "<csn:ResultatKod>-9999</csn:ResultatKod>",
    );
    expect(await felkod(svara(xml))).toEqual({
      kalla: "BT",
      felkod: "-9999",
      felmeddelande: ["Allt OK, inget att rapportera"],
    });
  });

  it("an answer about another person → FEL_PERSON, masked", async () => {
    const xml = (await giltigt()).replace('personnummer="0304129810"', 'personnummer="0304129828"');
    const e = await felkod(svara(xml));
    expect(e.felkod).toBe("FEL_PERSON");
    expect(e.felmeddelande.join(" ")).not.toMatch(/\d{10}/);
  });

  it("a body stream that fails → MALFORMED", async () => {
    const trasig = new ReadableStream({
      pull(c) {
        c.error(new Error("connection reset"));
      },
    });
    expect((await felkod(svara(trasig))).felkod).toBe("MALFORMED");
  });
});

// ---------------------------------------------------------------------------------------------

describe("a request CSN cannot read gets CSN's SOAP fault (HTTP 500), never a stack trace", () => {
  const giltig = () => soapEnvelope(encodeFraga(direktFraga("200304129810")), CSN_SOAP_PREFIXES);

  async function fault(text: string): Promise<{ faultcode: string; faultstring: string }> {
    const r = await postRaw(text);
    expect(r.status).toBe(500);
    expect(r.xml).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    const f = readSoapFault(parseSoapEnvelope(r.xml).body);
    expect(f).toBeDefined();
    expect(f!.faultcode).toBe("soap:Client");
    const detail = f!.detail!;
    expect([detail.ns, detail.local]).toEqual([CSN_NS.kommunfraga, "Resultat"]);
    expect(textOf(childElements(detail)[0]!)).toBe("-1005");
    return f!;
  }

  it("the valid request the tests start from is answered", async () => {
    expect((await postRaw(giltig())).status).toBe(200);
  });

  it("not XML", async () => {
    expect((await fault("this is not xml")).faultstring).toMatch(/not well-formed/);
  });

  it("a DOCTYPE (entities are refused)", async () => {
    const f = await fault(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>${giltig().replace(/^<\?xml[^>]*\?>/, "")}`,
    );
    expect(f.faultstring).toMatch(/DOCTYPE/);
  });

  it("a wrong element (the composite operation sent to CSN)", async () => {
    const f = await fault(soapEnvelope(el(NS.ssbt10, "hamtaBastjanstInformation"), CSN_SOAP_PREFIXES));
    expect(f.faultstring).toMatch(/Unknown operation/);
  });

  it("a required element missing, elements out of order, the SchemaVersion attribute missing", async () => {
    const utanTom = giltig().replace(/<sam:TomDatum>\d+<\/sam:TomDatum>/, "");
    expect((await fault(utanTom)).faultstring).toContain("/SBNUppgEkBistandBegar/TomDatum");
    const omkastad = giltig().replace(
      /(<sam:FromDatum>\d+<\/sam:FromDatum>)(<sam:TomDatum>\d+<\/sam:TomDatum>)/,
      "$2$1",
    );
    expect((await fault(omkastad)).faultstring).toContain("FromDatum");
    expect((await fault(giltig().replace(' SchemaVersion="4.0"', ""))).faultstring).toContain(
      "@SchemaVersion",
    );
  });

  it("a SOAP 1.2 envelope", async () => {
    const f = await fault(
      giltig().replace(
        "http://schemas.xmlsoap.org/soap/envelope/",
        "http://www.w3.org/2003/05/soap-envelope",
      ),
    );
    expect(f.faultstring).toMatch(/SOAP 1\.2/);
  });

  it("text holding a personnummer in the question is masked in the fault", async () => {
    const f = await fault(giltig().replace("<sam:Kommun>", "199001011234<sam:Kommun>"));
    expect(f.faultstring).toContain("19900101-****");
    expect(f.faultstring).not.toContain("199001011234");
  });

  it("an unexpected error inside never shows its message or stack", async () => {
    const trasig: SimulatorContext = { seed: 1, population: ctx.population, now: () => new Date(Number.NaN) };
    server.use(mswHandler(csnEndpoint(trasig)));
    const r = await postRaw(giltig());
    expect(r.status).toBe(500);
    expect(r.xml).not.toMatch(/\n\s+at |RangeError|Invalid time/);
    expect(readSoapFault(parseSoapEnvelope(r.xml).body)?.faultcode).toBe("soap:Server");
  });
});
