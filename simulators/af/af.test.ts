import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  decodeFragaMeddelande,
  decodeSvarMeddelande,
  encodeSvarMeddelande,
} from "../../contract/af/codec.js";
import type { AfSvar } from "../../contract/af/model.js";
import { ContractViolation } from "../../contract/errors.js";
import { maskera } from "../../contract/maskering.js";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import { parseSoapEnvelope, readSoapFault, SOAP11_CONTENT_TYPE } from "../../contract/soap/envelope.js";
import { arFel, type Sektion, type SsbtFraga, type Tidsperiod } from "../../contract/ssbt/model.js";
import { childElements, el, textOf, type XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { KODVERK_PER_KALLA } from "../../fixtures/kodverk/index.js";
import { TEST_NOW, TEST_PERIOD, testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR, REFERENCE_MISSING } from "../../test/support/reference.js";
import {
  SSBT10_XSD,
  schemaBatch,
  validateAgainst,
  validateManyAgainst,
  XSD_BATCH_TIMEOUT,
} from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { PERSONAS } from "../population/population.js";
import { FAKTA, svenskDag } from "./data.js";
import { AF_FELKOD, KLIENT_FELKOD, STATUSKOD } from "./errors.js";
import { AF_PATH, afEndpoint } from "./handlers.js";
import { afFragaMeddelande, afSimulator } from "./index.js";

const AF_XSD = "se/arbetsformedlingen/api/arbetssokande/ersattningsstod/v2/ers_stod.xsd";
const ENDPOINT = `http://af.simulator.test${AF_PATH}`;
const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const klient = afSimulator.klient;
const ctx = testContext();
const server = setupServer(...[mswHandler(afSimulator.endpoint(ctx))]);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

if (!REFERENCE_DIR) console.warn(`[af.test] ${REFERENCE_MISSING}`);

const AF_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("AF"));
const persona = (id: string) => {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

interface Utbyte {
  fraga: SsbtFraga;
  response: Response;
  text: string;
  body: XmlElement;
}

/** SSBT's request through the handlers, as on the wire. */
async function skicka(fraga: SsbtFraga): Promise<Utbyte> {
  const response = await fetch(fetchRequest(klient.begaran(fraga, ENDPOINT, KONTRAKT)));
  const text = await response.clone().text();
  return { fraga, response, text, body: parseSoapEnvelope(text).body };
}

async function svarFor(pnr: string, period: Tidsperiod = TEST_PERIOD): Promise<AfSvar> {
  const { body } = await skicka(testFraga(pnr, period));
  return decodeSvarMeddelande(body).Svar;
}

/** A raw SOAP request to the endpoint. */
function rawPost(body: string, contentType = SOAP11_CONTENT_TYPE): Promise<Response> {
  return fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": contentType, SOAPAction: '""' },
    body,
  });
}

function envelope(inner: string): string {
  return `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
}

/** The request SSBT would send, as the Body payload string, for editing in the malformed-request tests. */
function giltigFragaXml(pnr = "199608239829"): Promise<string> {
  return fetchRequest(klient.begaran(testFraga(pnr), ENDPOINT, KONTRAKT)).text();
}

/** Wraps section data children in a minimal ssbt/10 answer, to validate them where SSBT puts them. */
function ssbtSvar(sektion: Sektion): string {
  const S = NS.ssbt10;
  const inner = arFel(sektion)
    ? el(S, "error", [
        el(S, "kalla", [sektion.error.kalla]),
        el(S, "felkod", [sektion.error.felkod]),
        ...sektion.error.felmeddelande.map((m) => el(S, "felmeddelande", [m])),
      ])
    : "data" in sektion
      ? el(S, "data", sektion.data)
      : sektion.delar;
  return serializeXml(
    el(S, "hamtaBastjanstInformationResponse", [el(S, "svarsdata", [el(S, "AF", [inner])])]),
    {
      prefixes: PREFIXES,
    },
  );
}

function faultOf(text: string) {
  const fault = readSoapFault(parseSoapEnvelope(text).body);
  if (!fault) throw new Error("not a SOAP Fault");
  const felkod = fault.detail ? childElements(fault.detail).find((c) => c.local === "Felkod") : undefined;
  return { ...fault, felkod: felkod ? textOf(felkod) : undefined };
}

// ---------------------------------------------------------------------------------------------

describe("AF simulator: every named persona", () => {
  it("has AF facts for exactly the personas whose kallor include AF", () => {
    expect(Object.keys(FAKTA).sort()).toEqual(AF_PERSONAS.map((p) => p.id).sort());
  });

  describe.skipIf(!REFERENCE_DIR)("against the official ers_stod.xsd", () => {
    // Every persona's exchange first, then one libxml2 run per schema (see schemaBatch).
    const checks = schemaBatch(PERSONAS, async (p) => {
      const fraga = testFraga(p.personidentitet);
      const req = fetchRequest(klient.begaran(fraga, ENDPOINT, KONTRAKT));
      const reqBody = parseSoapEnvelope(await req.clone().text()).body;
      const { response, body } = await skicka(fraga);
      const sektion = await klient.tolka(response, fraga, KONTRAKT);
      return {
        value: { req, response, body, sektion },
        documents: {
          request: { xml: serializeXml(reqBody, { prefixes: PREFIXES }), schema: AF_XSD },
          answer: { xml: serializeXml(body, { prefixes: PREFIXES }), schema: AF_XSD },
          section: { xml: ssbtSvar(sektion), schema: SSBT10_XSD },
        },
      };
    });
    beforeAll(checks.run, XSD_BATCH_TIMEOUT);

    for (const p of PERSONAS) {
      it(`${p.id}: request and answer validate, tolka gives a data section`, async () => {
        const { value, results } = await checks.of(p);
        const { req, response, body, sektion } = value;
        expect(req.method).toBe("POST");
        expect(req.headers.get("Content-Type")).toBe("text/xml; charset=utf-8");
        expect(req.headers.get("SOAPAction")).toBe('""');
        expect(results.request.errors, `${p.id} request`).toEqual([]);

        expect(response.status).toBe(200);
        expect(response.headers.get("Content-Type")).toBe(SOAP11_CONTENT_TYPE);
        expect(body.local).toBe("SvarMeddelande");
        expect(results.answer.errors, `${p.id} answer`).toEqual([]);
        expect(results.answer.valid).toBe(true);

        if (!("data" in sektion)) throw new Error(`expected a data section, got ${JSON.stringify(sektion)}`);
        expect(sektion.data.map((d) => `${d.ns}|${d.local}`)).toEqual([`${NS.af}|Fraga`, `${NS.af}|Svar`]);
        expect(results.section.errors, `${p.id} section`).toEqual([]);
      });
    }
  });

  it.skipIf(!REFERENCE_DIR)("generated persons' answers validate too", async () => {
    const pnrs: string[] = [];
    const answers: string[] = [];
    for (let n = 800; n < 900 && pnrs.length < 5; n++) {
      const pnr = testIdentitet("19811122", String(n));
      if (!ctx.population.hitta(pnr)?.kallor.includes("AF")) continue;
      const { body } = await skicka(testFraga(pnr));
      pnrs.push(pnr);
      answers.push(serializeXml(body, { prefixes: PREFIXES }));
    }
    expect(pnrs).toHaveLength(5);
    const results = await validateManyAgainst(answers, AF_XSD);
    for (const [i, r] of results.entries()) expect(r.errors, maskera(pnrs[i]!)).toEqual([]);
  });

  it("maps the composite question onto AF's Fraga, with the first personuppgiftsbiträde", async () => {
    const fraga = testFraga("199608239829");
    fraga.generellaFrageparametrar.personuppgiftsbitrade = [
      { ordningsnummer: 2, organisationsnummer: "556677889900", namn: "Andra biträdet AB" },
      { ordningsnummer: 1, organisationsnummer: "556000000000", namn: "Första biträdet AB" },
    ];
    const m = afFragaMeddelande(fraga);
    expect(m).toEqual({
      Inkludera: { ArbetssokandeInfo: true, AkasseInfo: true, BeslutInfo: true },
      Fraga: {
        OrganisationsnummerForIngivare: "162129999991",
        NamnPaIngivare: "Testkommunen",
        KontonamnForHandlaggare: "HL0001",
        Referensnummer: "ARENDE-2026-0001",
        From: TEST_PERIOD.fromDatum,
        Tom: TEST_PERIOD.tomDatum,
        SyfteMedFraga: "Beslut om eller kontroll av ekonomiskt bistånd",
        LagParagraf: "11 kap. 11 a § socialtjänstlagen (2001:453)",
        OrganisationsnummerForPersonuppgiftsbitrade: "556000000000",
        NamnPaPersonuppgiftsbitrade: "Första biträdet AB",
        IdentitetsbeteckningFysiskPerson: "199608239829",
      },
    });
    const { response, body } = await skicka(fraga);
    expect(response.status).toBe(200);
    // The answer echoes the question AF received.
    expect(decodeSvarMeddelande(body).Fraga).toEqual(m.Fraga);
    if (REFERENCE_DIR) {
      const req = await fetchRequest(klient.begaran(fraga, ENDPOINT, KONTRAKT)).text();
      const xml = serializeXml(parseSoapEnvelope(req).body, { prefixes: PREFIXES });
      expect((await validateAgainst(xml, AF_XSD)).errors).toEqual([]);
    }
  });

  it("answers each persona according to its story and kallor", async () => {
    for (const p of PERSONAS) {
      const svar = await svarFor(p.personidentitet);
      expect(svar.IdentitetsbeteckningFysiskPerson).toBe(p.personidentitet);
      expect(svar.Referensnummer).toBe("ARENDE-2026-0001");
      expect(svar.LagParagraf).toBe(testFraga(p.personidentitet).generellaFrageparametrar.lagtext);
      if (!p.kallor.includes("AF")) {
        // AF's own "no data" answer: a status code, nothing invented.
        expect(svar.StatusSokandeinformationKod, p.id).toBe(STATUSKOD.ejInskriven);
        expect(svar.ArbetssokandeInfo, p.id).toBeUndefined();
        expect(svar.Fornamn, p.id).toBeUndefined();
        continue;
      }
      expect(svar.ArbetssokandeInfo, p.id).toBeDefined();
      if (p.sekretess) {
        expect(svar.Fornamn).toBeUndefined();
        expect(svar.Efternamn).toBeUndefined();
        expect(svar.Sekretessmarkering).toBe(true);
        expect(svar.StatusSokandeinformationKod).toBe(STATUSKOD.sekretess);
      } else {
        expect(svar.Fornamn, p.id).toBe(p.fornamn);
        expect(svar.Efternamn, p.id).toBe(p.efternamn);
        expect(svar.Sekretessmarkering, p.id).toBe(false);
      }
    }
  });

  it("skyddad-identitet: no name anywhere in the bytes", async () => {
    const p = persona("skyddad-identitet");
    const { text } = await skicka(testFraga(p.personidentitet));
    expect(text).not.toContain(`>${p.fornamn}<`);
    expect(text).not.toContain(`>${p.efternamn}<`);
    expect(text).not.toMatch(/Fornamn|Efternamn/);
  });

  it("tells the stories: registration, extent, reports, decisions, a-kassa", async () => {
    const akassa = await svarFor(persona("arbetslos-akassa").personidentitet);
    expect(akassa.ArbetssokandeInfo).toEqual({
      Arbetssokande: true,
      ArbetssokandeSKAT: "11",
      ArbetssokandeRegistrerad: "2026-03-02",
      ArbetssokandeOmfattning: 100,
      AktivetetsRapportDatum: {
        AktivitetsRapportMeddelande: "200",
        SenasteAktivitetsRapportDatum: "2026-10-14",
      },
    });
    expect(akassa.Akassetillhorighet).toBe("IF Metalls a-kassa");
    expect(akassa.BeslutInfo).toBeUndefined();
    expect(akassa.StatusSokandeinformationKod).toBe(STATUSKOD.normal);

    expect(
      (await svarFor(persona("bilagare").personidentitet)).ArbetssokandeInfo?.ArbetssokandeOmfattning,
    ).toBe(50);

    const omst = await svarFor(persona("omstallningsstudiestod").personidentitet);
    expect(omst.ArbetssokandeInfo?.Arbetssokande).toBe(false);
    expect(omst.ArbetssokandeInfo?.ArbetssokandeSKAT).toBeUndefined();
    expect((omst.ArbetssokandeInfo?.ArbetssokandeAvaktualiserad ?? "9999") < TEST_PERIOD.fromDatum).toBe(
      true,
    );

    const aks = await svarFor(persona("aktivitetsstod-program").personidentitet);
    const [beslut] = aks.BeslutInfo?.EkonomiskaBeslut.Beslut ?? [];
    expect(beslut?.ErsattningTyp).toBe("AKS");
    expect(beslut?.Omfattning).toBe(100);
    expect(beslut!.BeslutFrom <= TEST_PERIOD.fromDatum && beslut!.BeslutTom >= TEST_PERIOD.tomDatum).toBe(
      true,
    );

    const ete = await svarFor(persona("nyanland-etablering").personidentitet);
    expect(ete.BeslutInfo?.EkonomiskaBeslut.Beslut.map((b) => b.ErsattningTyp)).toEqual(["ETE", "ETT"]);

    const pagar = await svarFor(persona("akassa-ansokan-pagar").personidentitet);
    // Two weeks before the story period (clock 2026-11-20: 2026-09-01 …), whatever period is asked.
    expect(pagar.ArbetssokandeInfo?.ArbetssokandeRegistrerad).toBe("2026-08-18");
    expect(pagar.Akassetillhorighet).toBe("Akademikernas a-kassa");
  });

  it("honours Inkludera: a block asked away is left out", async () => {
    const xml = (await giltigFragaXml(persona("kodtackning").personidentitet))
      .replace('ArbetssokandeInfo="true"', 'ArbetssokandeInfo="false"')
      .replace('AkasseInfo="true"', 'AkasseInfo="0"')
      .replace('BeslutInfo="true"', 'BeslutInfo="false"');
    const res = await rawPost(xml);
    expect(res.status).toBe(200);
    const svar = decodeSvarMeddelande(parseSoapEnvelope(await res.text()).body).Svar;
    expect(svar.ArbetssokandeInfo).toBeUndefined();
    expect(svar.BeslutInfo).toBeUndefined();
    expect(svar.Akassetillhorighet).toBeUndefined();
    expect(svar.Fornamn).toBe("Testa");
  });
});

function serializeEnvelope(body: XmlElement): string {
  return serializeXml(el(NS.soap, "Envelope", [el(NS.soap, "Body", [body])]), { prefixes: PREFIXES });
}

// ---------------------------------------------------------------------------------------------

describe("AF simulator: error behaviour", () => {
  it.each([
    ["af-500-ej-i-alf", "500", STATUSKOD.normal],
    ["af-501-ej-inlamnad", "501", STATUSKOD.normal],
    ["ung-utan-inkomst", "501", STATUSKOD.normal],
    ["af-502-tekniskt-fel", "502", STATUSKOD.teknisktFel],
  ])("%s: AktivitetsRapportMeddelande %s without a date", async (id, kod, status) => {
    const svar = await svarFor(persona(id).personidentitet);
    expect(svar.ArbetssokandeInfo?.AktivetetsRapportDatum).toEqual({ AktivitetsRapportMeddelande: kod });
    expect(svar.StatusSokandeinformationKod).toBe(status);
  });

  it("a checksum-invalid personidentitet (199001011234) gets the invalid-personnummer status, still a data section", async () => {
    const fraga = testFraga("199001011234");
    const { response, body } = await skicka(fraga);
    expect(response.status).toBe(200);
    const svar = decodeSvarMeddelande(body).Svar;
    expect(svar.StatusSokandeinformationKod).toBe(STATUSKOD.ogiltigIdentitet);
    expect(svar.StatusSokandeinformationKodText).toMatch(/inte ett giltigt personnummer/);
    expect(svar.Fornamn).toBeUndefined();
    expect(svar.ArbetssokandeInfo).toBeUndefined();
    const sektion = await klient.tolka(new Response(serializeEnvelope(body)), fraga, KONTRAKT);
    expect("data" in sektion).toBe(true);
  });

  it("an identity that is no date at all gets the same status code", async () => {
    expect((await svarFor("199013451234")).StatusSokandeinformationKod).toBe(STATUSKOD.ogiltigIdentitet);
  });

  it("ej-traff and personas without AF get status 1 (not registered)", async () => {
    const svar = await svarFor(persona("ej-traff").personidentitet);
    expect(svar.StatusSokandeinformationKod).toBe(STATUSKOD.ejInskriven);
    expect(Object.keys(svar).sort()).toEqual(
      [
        "Schemaversion",
        "Referensnummer",
        "LagParagraf",
        "IdentitetsbeteckningFysiskPerson",
        "StatusSokandeinformationKod",
        "StatusSokandeinformationKodText",
      ].sort(),
    );
  });

  it("a period with From after Tom gets AF's fault, read by tolka as a BT error", async () => {
    const fraga = testFraga("199608239829", { fromDatum: "2026-11-20", tomDatum: "2026-09-21" });
    const { response, text } = await skicka(fraga);
    expect(response.status).toBe(500);
    expect(faultOf(text).felkod).toBe(AF_FELKOD.ogiltigTidsperiod);
    const sektion = await klient.tolka(new Response(text, { status: 500 }), fraga, KONTRAKT);
    expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: AF_FELKOD.ogiltigTidsperiod } });
  });

  it("the AF-specific period overrides the general one", async () => {
    const fraga = testFraga(persona("aktivitetsstod-program").personidentitet);
    fraga.specifikaFrageparametrar.AF = {
      inkludera: true,
      tidsperiod: { fromDatum: "2026-10-01", tomDatum: "2026-10-31" },
    };
    const m = afFragaMeddelande(fraga);
    expect([m.Fraga.From, m.Fraga.Tom]).toEqual(["2026-10-01", "2026-10-31"]);
    const { body } = await skicka(fraga);
    const svar = decodeSvarMeddelande(body).Svar;
    expect(svar.ArbetssokandeInfo?.AktivetetsRapportDatum.SenasteAktivitetsRapportDatum).toBe("2026-09-09");
  });
});

// ---------------------------------------------------------------------------------------------

describe("AF simulator: determinism", () => {
  async function bytes(c: SimulatorContext, pnr: string): Promise<string> {
    server.use(mswHandler(afEndpoint(c)));
    try {
      return (await skicka(testFraga(pnr))).text;
    } finally {
      server.resetHandlers();
    }
  }

  /** A generated person (valid personnummer) who has AF data under both seeds. */
  function generatedWithAf(seeds: number[]): string {
    for (let n = 800; n < 999; n++) {
      const pnr = testIdentitet("19850315", String(n));
      if (seeds.every((s) => testContext(s).population.hitta(pnr)?.kallor.includes("AF"))) return pnr;
    }
    throw new Error("no generated person with AF under both seeds");
  }

  it("same seed gives the same bytes, for named and generated persons", async () => {
    const gen = generatedWithAf([42]);
    for (const pnr of [
      persona("kodtackning").personidentitet,
      persona("arbetslos-akassa").personidentitet,
      gen,
    ]) {
      expect(await bytes(testContext(42), pnr)).toBe(await bytes(testContext(42), pnr));
    }
  });

  it("a different seed changes a generated person, not a named one", async () => {
    const gen = generatedWithAf([42, 4242]);
    const a = await bytes(testContext(42), gen);
    const b = await bytes(testContext(4242), gen);
    expect(a).not.toBe(b);
    const named = persona("aktivitetsstod-program").personidentitet;
    expect(await bytes(testContext(42), named)).toBe(await bytes(testContext(4242), named));
  });

  it("generated persons with AF get a full, schema-shaped answer", async () => {
    for (let n = 800; n < 840; n++) {
      const pnr = testIdentitet("19770704", String(n));
      const p = ctx.population.hitta(pnr);
      const svar = await svarFor(pnr);
      if (p?.kallor.includes("AF")) {
        expect(svar.ArbetssokandeInfo).toBeDefined();
        expect([STATUSKOD.normal, STATUSKOD.sekretess]).toContain(svar.StatusSokandeinformationKod);
      } else expect(svar.StatusSokandeinformationKod).toBe(STATUSKOD.ejInskriven);
    }
  });

  it("the clock is ctx.now(), in Swedish time", () => {
    expect(svenskDag(new Date(TEST_NOW))).toBe("2026-11-20");
    expect(svenskDag(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21");
  });
});

// ---------------------------------------------------------------------------------------------

/** Texts of elements whose local-name path ends with `falt` (dotted). */
function collect(root: XmlElement, falt: string): string[] {
  const want = falt.split(".");
  const out: string[] = [];
  const walk = (e: XmlElement, path: string[]) => {
    const p = [...path, e.local];
    if (p.slice(-want.length).join(".") === want.join(".")) out.push(textOf(e).trim());
    for (const c of childElements(e)) walk(c, p);
  };
  walk(root, []);
  return out;
}

describe("AF simulator: kodverk", () => {
  const kodverk = KODVERK_PER_KALLA.af ?? [];

  it("lists the four AF code lists", () => {
    expect(kodverk.map((k) => k.id).sort()).toEqual(
      [
        "AF.AktivitetsRapportMeddelande",
        "AF.ArbetssokandeSKAT",
        "AF.ErsattningTyp",
        "AF.StatusSokandeinformationKod",
      ].sort(),
    );
  });

  it("every svar code appears for some named persona, and no answer uses an unlisted code", async () => {
    const bodies: XmlElement[] = [];
    for (const p of PERSONAS) bodies.push((await skicka(testFraga(p.personidentitet))).body);
    for (const k of kodverk.filter((x) => x.riktning === "svar")) {
      const seen = new Set(k.falt.flatMap((f) => bodies.flatMap((b) => collect(b, f))));
      const koder = k.koder.map((x) => x.kod);
      for (const kod of koder) expect(seen.has(kod), `${k.id} ${kod} never appears`).toBe(true);
      for (const v of seen) expect(koder, `${k.id} has no code ${v}`).toContain(v);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("AF simulator: period consistency", () => {
  const perioder: Tidsperiod[] = [
    TEST_PERIOD,
    { fromDatum: "2026-11-02", tomDatum: "2026-11-20" },
    { fromDatum: "2026-01-01", tomDatum: "2026-06-30" },
    { fromDatum: "2025-01-01", tomDatum: "2025-03-31" },
    { fromDatum: "2026-10-01", tomDatum: "2027-03-31" },
  ];
  const idag = "2026-11-20";

  for (const period of perioder) {
    it(`decisions overlap ${period.fromDatum}..${period.tomDatum}, reports lie before its end`, async () => {
      for (const p of AF_PERSONAS) {
        const svar = await svarFor(p.personidentitet, period);
        const info = svar.ArbetssokandeInfo!;
        const reg = info.ArbetssokandeRegistrerad!;
        expect(reg <= idag, p.id).toBe(true);
        if (info.ArbetssokandeAvaktualiserad) expect(info.ArbetssokandeAvaktualiserad > reg, p.id).toBe(true);
        const r = info.AktivetetsRapportDatum;
        if (r.AktivitetsRapportMeddelande === "200") {
          const d = r.SenasteAktivitetsRapportDatum!;
          expect(d > reg && d <= period.tomDatum && d <= idag, `${p.id} report ${d}`).toBe(true);
        } else expect(r.SenasteAktivitetsRapportDatum, p.id).toBeUndefined();
        for (const b of svar.BeslutInfo?.EkonomiskaBeslut.Beslut ?? []) {
          expect(b.BeslutFrom <= b.BeslutTom, p.id).toBe(true);
          expect(b.BeslutFrom >= reg, p.id).toBe(true);
          expect(b.BeslutFrom <= period.tomDatum && b.BeslutTom >= period.fromDatum, `${p.id} beslut`).toBe(
            true,
          );
        }
      }
    });
  }

  it("a period before the registration gives no decisions and no report", async () => {
    const svar = await svarFor(persona("hemutrustningslan-put").personidentitet, {
      fromDatum: "2024-01-01",
      tomDatum: "2024-06-30",
    });
    expect(svar.BeslutInfo).toBeUndefined();
    expect(svar.ArbetssokandeInfo?.AktivetetsRapportDatum.AktivitetsRapportMeddelande).toBe("501");
  });
});

// ---------------------------------------------------------------------------------------------

describe("AF client: tolka never throws", () => {
  const fraga = testFraga("199608239829");
  const tolka = (r: Response) => klient.tolka(r, fraga, KONTRAKT);

  const FEL_SVAR: [string, Response, string][] = [
    [
      "an HTML error page with 502",
      new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502 }),
      "HTTP_502",
    ],
    [
      "a broken HTML page with 503",
      new Response("<html><body>Service Unavailable", { status: 503 }),
      "HTTP_503",
    ],
    ["an empty 500", new Response("", { status: 500 }), "HTTP_500"],
    ["non-XML with 200", new Response("OK, all fine", { status: 200 }), KLIENT_FELKOD.malformed],
    ["JSON with 200", new Response('{"svar":1}', { status: 200 }), KLIENT_FELKOD.malformed],
    [
      "a SOAP envelope with the wrong Body element",
      new Response(envelope(`<x:Annat xmlns:x="urn:x"/>`), { status: 200 }),
      KLIENT_FELKOD.malformed,
    ],
    [
      "a schema-invalid SvarMeddelande (no Svar)",
      new Response(envelope(`<af:SvarMeddelande xmlns:af="${NS.af}"/>`), { status: 200 }),
      KLIENT_FELKOD.malformed,
    ],
    [
      "a SOAP Fault without detail",
      new Response(
        envelope(
          `<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Database down</faultstring></soap:Fault>`,
        ),
        { status: 500 },
      ),
      "SOAP_SERVER",
    ],
    [
      "a non-fault SOAP answer with 500",
      new Response(envelope(`<af:SvarMeddelande xmlns:af="${NS.af}"/>`), { status: 500 }),
      "HTTP_500",
    ],
  ];
  // Every answer read first, then one libxml2 run for all error sections (see schemaBatch).
  const checks = schemaBatch(FEL_SVAR, async ([, response]) => {
    const sektion = await tolka(response);
    return { value: sektion, documents: { section: { xml: ssbtSvar(sektion), schema: SSBT10_XSD } } };
  });
  beforeAll(checks.run, XSD_BATCH_TIMEOUT);

  it.each(FEL_SVAR.map((c) => [c[0], c] as const))("%s → error section", async (name, c) => {
    const { value: sektion, results } = await checks.of(c);
    expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: c[2] } });
    if (!arFel(sektion)) return;
    expect(sektion.error.felmeddelande.length).toBeGreaterThan(0);
    expect(sektion.error.felmeddelande.every((m) => m.trim() !== "")).toBe(true);
    if (REFERENCE_DIR) expect(results.section.errors, `${name} section`).toEqual([]);
  });

  it("a body that cannot be read → error section", async () => {
    const stream = new ReadableStream({
      start(c) {
        c.error(new Error("connection reset"));
      },
    });
    const sektion = await tolka(new Response(stream, { status: 200 }));
    expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: KLIENT_FELKOD.olasbart } });
  });

  it("an answer about another person → error section, masked", async () => {
    const other = await skicka(testFraga(persona("bilagare").personidentitet));
    const sektion = await tolka(new Response(other.text));
    expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: KLIENT_FELKOD.felPerson } });
    expect(JSON.stringify(sektion)).not.toContain(persona("bilagare").personidentitet);
  });

  it("a live fault through the wire keeps AF's felkod", async () => {
    server.use(http.post(`*${AF_PATH}`, () => HttpResponse.text("<oops", { status: 500 })));
    const sektion = await tolka(await fetch(fetchRequest(klient.begaran(fraga, ENDPOINT, KONTRAKT))));
    expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: "HTTP_500" } });
  });
});

// ---------------------------------------------------------------------------------------------

describe("AF simulator: malformed requests get AF's SOAP Fault, never a stack trace", () => {
  async function expectFault(res: Response, felkod: string): Promise<ReturnType<typeof faultOf>> {
    expect(res.status).toBe(500);
    expect(res.headers.get("Content-Type")).toBe(SOAP11_CONTENT_TYPE);
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at |Error:|node_modules/);
    const fault = faultOf(text);
    expect(fault.felkod).toBe(felkod);
    return fault;
  }

  it("not XML", async () => {
    const f = await expectFault(await rawPost("this is not xml"), AF_FELKOD.ogiltigtMeddelande);
    expect(f.faultcode).toBe("soap:Client");
  });

  it("a DOCTYPE (entity expansion attempt)", async () => {
    const evil = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>${envelope("<x>&e;</x>")}`;
    await expectFault(await rawPost(evil), AF_FELKOD.ogiltigtMeddelande);
  });

  it("the wrong Body element", async () => {
    const f = await expectFault(
      await rawPost(envelope(`<af:SvarMeddelande xmlns:af="${NS.af}"/>`)),
      AF_FELKOD.ogiltigtMeddelande,
    );
    expect(f.faultstring).toMatch(/SvarMeddelande/);
  });

  it("a missing required element names the path", async () => {
    const xml = (await giltigFragaXml()).replace(/<af:LagParagraf>[^<]*<\/af:LagParagraf>/, "");
    const f = await expectFault(await rawPost(xml), AF_FELKOD.schemafel);
    expect(f.faultstring).toContain("/FragaMeddelande/Fraga/LagParagraf");
  });

  it("elements out of order", async () => {
    const xml = (await giltigFragaXml()).replace(
      /(<af:From>[^<]*<\/af:From>)(<af:Tom>[^<]*<\/af:Tom>)/,
      "$2$1",
    );
    await expectFault(await rawPost(xml), AF_FELKOD.schemafel);
  });

  it("unqualified elements (elementFormDefault qualified)", async () => {
    const inner = `<af:FragaMeddelande xmlns:af="${NS.af}"><Fraga><OrganisationsnummerForIngivare>162129999991</OrganisationsnummerForIngivare></Fraga></af:FragaMeddelande>`;
    await expectFault(await rawPost(envelope(inner)), AF_FELKOD.schemafel);
  });

  it("an invalid date", async () => {
    const xml = (await giltigFragaXml()).replace(
      /<af:From>[^<]*<\/af:From>/,
      "<af:From>2026-02-30</af:From>",
    );
    const f = await expectFault(await rawPost(xml), AF_FELKOD.schemafel);
    expect(f.faultstring).toContain("/FragaMeddelande/Fraga/From");
  });

  it("a personidentitet that is not 12 digits, without echoing it", async () => {
    const xml = (await giltigFragaXml()).replace("199608239829", "19960823982");
    const f = await expectFault(await rawPost(xml), AF_FELKOD.schemafel);
    expect(JSON.stringify(f)).not.toContain("19960823982");
  });

  it("a bad Inkludera attribute", async () => {
    const xml = (await giltigFragaXml()).replace('ArbetssokandeInfo="true"', 'ArbetssokandeInfo="ja"');
    await expectFault(await rawPost(xml), AF_FELKOD.schemafel);
  });

  it("SOAP 1.2 is refused", async () => {
    const xml = (await giltigFragaXml()).replaceAll(NS.soap, NS.soap12);
    await expectFault(await rawPost(xml), AF_FELKOD.ogiltigtMeddelande);
  });
});

// ---------------------------------------------------------------------------------------------

describe("AF contract codec", () => {
  it("round-trips the kodtackning answer", async () => {
    const { body } = await skicka(testFraga(persona("kodtackning").personidentitet));
    const m = decodeSvarMeddelande(body);
    expect(serializeXml(encodeSvarMeddelande(m), { prefixes: PREFIXES })).toBe(
      serializeXml(body, { prefixes: PREFIXES }),
    );
  });

  it("accepts trailing xs:any content after IdentitetsbeteckningFysiskPerson", async () => {
    const xml = (await giltigFragaXml()).replace(
      "</af:IdentitetsbeteckningFysiskPerson>",
      `</af:IdentitetsbeteckningFysiskPerson><x:Tillagg xmlns:x="urn:tillagg">1</x:Tillagg>`,
    );
    const res = await rawPost(xml);
    expect(res.status).toBe(200);
  });

  it("throws a ContractViolation with a path for an element in the wrong namespace", () => {
    const bad = parseXml(`<FragaMeddelande xmlns="urn:other"/>`);
    expect(() => decodeFragaMeddelande(bad)).toThrow(ContractViolation);
    try {
      decodeFragaMeddelande(bad);
    } catch (e) {
      expect((e as ContractViolation).path).toBe("/FragaMeddelande");
    }
  });
});
