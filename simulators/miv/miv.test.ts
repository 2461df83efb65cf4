import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { svenskDag } from "../../contract/kalender.js";
import {
  decodeFindByPersonnummer,
  decodeFindByPersonnummerResponse,
  decodeFkResponse,
  decodeSsbtekSoapException,
  encodeFindByPersonnummerResponse,
  encodeSsbtekSoapException,
  type FkResponse,
  type FkSvar,
  MIV_NS,
} from "../../contract/miv/index.js";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import { arSamordningsnummer } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault, soapEnvelope } from "../../contract/soap/envelope.js";
import { arFel, type Sektion, type SsbtFraga, type Tidsperiod } from "../../contract/ssbt/model.js";
import { childElements, el, findChild, leaf, type XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { dateOnly, isXsdDate } from "../../contract/xml/xsd-types.js";
import mivKodverk from "../../fixtures/kodverk/miv.json" with { type: "json" };
import type { Kodverk } from "../../fixtures/kodverk/model.js";
import { TEST_NOW, TEST_PERIOD, testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR, REFERENCE_MISSING, readReference } from "../../test/support/reference.js";
import {
  SSBT10_XSD,
  SSBT11_XSD,
  schemaBatch,
  validateAgainst,
  validateManyAgainst,
  XSD_BATCH_TIMEOUT,
} from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import type { Persona } from "../population/persona.js";
import { PERSONAS, type Population } from "../population/population.js";
import {
  byggMivSvar,
  correlationid,
  FAKTA,
  MIV_FELKODER,
  MIV_PATH,
  mivDatum,
  mivEndpoint,
  mivFakta,
  mivSimulator,
  referensdag,
} from "./index.js";

const MIV_XSD = "se/migrationsverket/schema/ssbtek/_1/SSBTEKWebService_schema1.xsd";
const ENDPOINT = `http://bastjanster.test${MIV_PATH}`;
const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const KODVERK = mivKodverk.kodverk as Kodverk[];
const TODAY = svenskDag(new Date(TEST_NOW));
const MIV_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("MIV"));
const STACK_TRACE = /\n\s+at\s|\.ts:\d+|Error:/;

const ctx = testContext();
const server = setupServer(mswHandler(mivEndpoint(ctx)));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// ---------------------------------------------------------------- helpers

interface Exchange {
  request: Request;
  status: number;
  contentType: string | null;
  text: string;
  body: XmlElement;
  sektion: Sektion;
}

/** The whole SSBT ↔ MIV round trip for one composite question. */
async function exchange(fraga: SsbtFraga): Promise<Exchange> {
  const request = fetchRequest(mivSimulator.klient.begaran(fraga, ENDPOINT, KONTRAKT));
  const res = await fetch(request.clone());
  const text = await res.clone().text();
  const sektion = await mivSimulator.klient.tolka(res, fraga, KONTRAKT);
  return {
    request,
    status: res.status,
    contentType: res.headers.get("content-type"),
    text,
    body: parseSoapEnvelope(text).body,
    sektion,
  };
}

async function post(body: string, contentType = "text/xml; charset=utf-8"): Promise<Response> {
  return fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": contentType, SOAPAction: '""' },
    body,
  });
}

/** The `data` children of a section; fails the test for any other kind of section. */
function dataOf(s: Sektion): XmlElement[] {
  if (!("data" in s)) throw new Error(`expected a data section, got ${JSON.stringify(s)}`);
  return s.data;
}

function responseOf(x: Exchange): FkResponse {
  const r = decodeFindByPersonnummerResponse(x.body).response;
  if (!r) throw new Error("answer has no response");
  return r;
}

function decisions(r: FkResponse): FkSvar[] {
  return (r.svarCollection ?? []).filter((s): s is FkSvar => s !== null);
}

function faultOf(text: string): {
  faultcode: string;
  faultString?: string;
  faultCode?: string;
  detail?: XmlElement;
} {
  const f = readSoapFault(parseSoapEnvelope(text).body);
  if (!f) throw new Error("not a SOAP Fault");
  const d = f.detail ? decodeSsbtekSoapException(f.detail) : {};
  return { faultcode: f.faultcode, ...d, ...(f.detail ? { detail: f.detail } : {}) };
}

function xml(e: XmlElement): string {
  return serializeXml(e, { prefixes: PREFIXES });
}

/** The MIV section inside a full ssbt/10 answer, so it can be validated against the ssbt XSD. */
function ssbtSvar(sektion: Sektion, S: string = NS.ssbt10): string {
  const inner = arFel(sektion)
    ? el(S, "error", [
        el(S, "kalla", [sektion.error.kalla]),
        el(S, "felkod", [sektion.error.felkod]),
        ...sektion.error.felmeddelande.map((m) => el(S, "felmeddelande", [m])),
      ])
    : el(S, "data", dataOf(sektion));
  return xml(el(S, "hamtaBastjanstInformationResponse", [el(S, "svarsdata", [el(S, "MIV", [inner])])]));
}

/** A checksum-valid personnummer for a birth date and a three-digit serial. */
function pnr(datum: string, serial: number): string {
  return testIdentitet(datum, String(serial).padStart(3, "0"));
}

/** Generated persons (not named) holding MIV data under a seed. */
function genereradeMedMiv(population: Population, antal: number): Persona[] {
  const out: Persona[] = [];
  for (let i = 0; out.length < antal && i < 2000; i++) {
    const p = population.hitta(pnr(`19${50 + (i % 50)}0${1 + (i % 9)}1${i % 9}`, 100 + (i % 880)));
    if (p?.genererad && p.kallor.includes("MIV")) out.push(p);
  }
  return out;
}

function otherContext(seed: number, population?: Population): SimulatorContext {
  const base = testContext(seed);
  return population ? { seed, population, now: base.now } : base;
}

function kod(id: string): Kodverk {
  const k = KODVERK.find((x) => x.id === id);
  if (!k) throw new Error(`no kodverk ${id}`);
  return k;
}

/** Checks the domain invariants of one answer as of reference day `ref`. */
function checkInvariants(r: FkResponse, ref: string): void {
  if (r.inresedatum) expect(dateOnly(r.inresedatum) <= ref).toBe(true);
  for (const s of decisions(r)) {
    for (const d of [s.ansokningsdatum, s.beslutsdatum, s.fromDatum, s.tomDatum])
      if (d !== undefined) expect(isXsdDate(d), d).toBe(true);
    const ans = dateOnly(s.ansokningsdatum!);
    const bes = dateOnly(s.beslutsdatum!);
    expect(ans <= bes, `${ans} ≤ ${bes}`).toBe(true);
    expect(bes <= ref, `decided ${bes} after reference day ${ref}`).toBe(true);
    if (s.fromDatum) expect(bes <= dateOnly(s.fromDatum), `${bes} ≤ from ${s.fromDatum}`).toBe(true);
    if (s.tomDatum) expect(dateOnly(s.fromDatum!) <= dateOnly(s.tomDatum)).toBe(true);
    if (s.giltighetstid === "TIDBEGRANSAT") expect(s.tomDatum).toBeDefined();
    if (s.giltighetstid === "PERMANENT") expect(s.tomDatum).toBeUndefined();
    if (s.tomDatum) expect(s.giltighetstid).toBe("TIDBEGRANSAT");
    // Only a decision granting something has a validity.
    if (s.beslutsKod !== "BEV") expect(s.fromDatum).toBeUndefined();
  }
}

// ---------------------------------------------------------------- codec

describe("MIV codec", () => {
  const decodeText = (x: string) => decodeFindByPersonnummerResponse(parseSoapEnvelope(x).body);
  const withSvar = (svar: string) =>
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:xsi="${NS.xsi}"><soap:Body><m:findByPersonnummerResponse xmlns:m="${MIV_NS}"><response><correlationid>c</correlationid><svarCollection>${svar}</svarCollection></response></m:findByPersonnummerResponse></soap:Body></soap:Envelope>`;

  it("round-trips an answer with every field and a nil record", async () => {
    const r = responseOf(await exchange(testFraga("199210109899")));
    expect(r.svarCollection?.at(-1)).toBeNull();
    expect(decodeText(soapEnvelope(encodeFindByPersonnummerResponse({ response: r })))).toEqual({
      response: r,
    });
  });

  it.each([
    ["a nil record with content", `<svar xsi:nil="true"><anledning>X</anledning></svar>`, "svar[1]"],
    [
      "xsi:nil on a non-nillable element",
      `<svar><anledning xsi:nil="true"/></svar>`,
      "svar[1]/anledning/@nil",
    ],
    [
      "a date that does not exist",
      "<svar><beslutsdatum>2025-02-30</beslutsdatum></svar>",
      "svar[1]/beslutsdatum",
    ],
    [
      "fields out of order",
      "<svar><tomDatum>2025-01-01</tomDatum><fromDatum>2024-01-01</fromDatum></svar>",
      "svar[1]/fromDatum",
    ],
  ])("rejects %s with a path", (_n, svar, where) => {
    expect(() => decodeText(withSvar(svar))).toThrow(
      `/findByPersonnummerResponse/response/svarCollection/${where}`,
    );
  });
});

// ---------------------------------------------------------------- (a) every named persona

describe("MIV: every named persona through begaran → handlers → tolka", () => {
  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s gets an answer and a data section", async (_id, p) => {
    const x = await exchange(testFraga(p.personidentitet));
    expect(x.status).toBe(200);
    expect(x.contentType).toContain("text/xml");
    expect(x.body.ns).toBe(MIV_NS);
    expect(x.body.local).toBe("findByPersonnummerResponse");
    const r = responseOf(x);
    expect(r.personnummer).toBe(p.personidentitet);
    expect(r.korrelationsid).toBe("c0ffee00-0000-4000-8000-000000000001");
    expect(r.correlationid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(dataOf(x.sektion)).toHaveLength(1);
    const data = dataOf(x.sektion)[0]!;
    expect(data.ns).toBe("");
    expect(data.local).toBe("response");
    expect(decodeFkResponse(data)).toEqual(r);
    if (p.kallor.includes("MIV")) {
      expect(r.svarCollection?.length).toBeGreaterThan(0);
      expect(r.fornamn).toBe(p.fornamn);
      expect(r.efternamn).toBe(p.efternamn);
      expect(r.hemland).toBe(FAKTA[p.id]!.hemland);
    } else {
      // MIV's "no data" answer: ids and personnummer only.
      expect(Object.keys(r).sort()).toEqual(["correlationid", "korrelationsid", "personnummer"]);
    }
  });

  it("has facts for exactly the named personas whose kallor include MIV", () => {
    expect(Object.keys(FAKTA).sort()).toEqual(MIV_PERSONAS.map((p) => p.id).sort());
  });

  it("sends Migrationsverket's own request: POST, SOAP 1.1 headers, fields from the composite question", async () => {
    const fraga = testFraga("199203059846");
    const req = fetchRequest(mivSimulator.klient.begaran(fraga, ENDPOINT, KONTRAKT));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(ENDPOINT);
    expect(req.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(req.headers.get("soapaction")).toBe('""');
    const q = decodeFindByPersonnummer(parseSoapEnvelope(await req.text()).body).query;
    expect(q).toEqual({
      korrelationsid: "c0ffee00-0000-4000-8000-000000000001",
      personnummer: "199203059846",
      ingivare: { handlaggare: "HL0001", namn: "Testkommunen", organisationsnummer: "162129999991" },
    });
  });

  it("leaves out korrelationsid when the composite question has none, and MIV echoes nothing", async () => {
    const fraga = testFraga("197003039885");
    delete fraga.generellaFrageparametrar.korrelationsid;
    const x = await exchange(fraga);
    expect(
      decodeFindByPersonnummer(parseSoapEnvelope(await x.request.text()).body).query.korrelationsid,
    ).toBeUndefined();
    expect(responseOf(x).korrelationsid).toBeUndefined();
  });

  it("tells the stories of the MIV personas", async () => {
    const nyanland = responseOf(await exchange(testFraga("199203059846")));
    expect(nyanland.hemland).toBe("SYRIEN");
    expect(nyanland.inresedatum).toBe("2025-02-10+01:00");
    const [tut, forlangning] = decisions(nyanland);
    expect(tut).toMatchObject({ beslutsTyp: "TUT", beslutsKod: "BEV", giltighetstid: "TIDBEGRANSAT" });
    expect(tut!.beslutsdatum).toBe("2025-08-20+02:00");
    expect(forlangning).toMatchObject({ arendeTyp: "FUT", beslutsTyp: "TUT", giltighetstid: "TIDBEGRANSAT" });

    const sasong = responseOf(await exchange(testFraga("197405629952")));
    expect(arSamordningsnummer("197405629952")).toBe(true);
    const at = decisions(sasong).at(-1)!;
    expect(at).toMatchObject({ beslutsTyp: "AT", anledning: "SASONG", giltighetstid: "TIDBEGRANSAT" });
    expect(dateOnly(at.fromDatum!)).toBe("2026-04-01");
    expect(dateOnly(at.tomDatum!)).toBe("2026-10-31");

    const put = responseOf(await exchange(testFraga("197609209817")));
    expect(put.inresedatum).toBe("2024-12-01+01:00");
    expect(decisions(put)).toEqual([
      expect.objectContaining({
        beslutsTyp: "PUT",
        beslutsdatum: "2024-11-04+01:00",
        giltighetstid: "PERMANENT",
      }),
    ]);
    expect(decisions(put)[0]!.tomDatum).toBeUndefined();

    const avslag = responseOf(await exchange(testFraga("198308089849")));
    const [atUnd, avs] = decisions(avslag);
    expect(atUnd).toMatchObject({ beslutsTyp: "AT-UND", beslutsKod: "BEV" });
    expect(avs).toMatchObject({ beslutsKod: "AVS", beslutsKodNamn: "ANSÖKAN AVSLÅS" });
    const avsDag = dateOnly(avs!.beslutsdatum!);
    expect(avsDag >= TEST_PERIOD.fromDatum && avsDag <= TEST_PERIOD.tomDatum).toBe(true);
    expect(dateOnly(atUnd!.beslutsdatum!) < TEST_PERIOD.fromDatum).toBe(true);

    const kedjan = responseOf(await exchange(testFraga("197003039885")));
    expect(decisions(kedjan)[0]).toMatchObject({ beslutsTyp: "PUT", beslutsdatum: "1998-05-12+02:00" });
  });

  it("withholds the names of a person with sekretessmarkering", () => {
    const p = { ...PERSONAS.find((x) => x.id === "nyanland-etablering")!, sekretess: true };
    const r = byggMivSvar({
      personnummer: p.personidentitet,
      correlationid: "x",
      persona: p,
      fakta: mivFakta(ctx, p),
      period: TEST_PERIOD,
      now: ctx.now(),
    });
    expect(r.fornamn).toBeUndefined();
    expect(r.efternamn).toBeUndefined();
    expect(r.hemland).toBe("SYRIEN");
    expect(decisions(r).length).toBe(2);
  });
});

describe.skipIf(!REFERENCE_DIR)("MIV: conformance with the official schema and traffic", () => {
  // Every persona's exchange first, then one libxml2 run per schema (see schemaBatch).
  const checks = schemaBatch(PERSONAS, async (p) => {
    const x = await exchange(testFraga(p.personidentitet));
    return {
      value: x,
      documents: {
        request: { xml: xml(parseSoapEnvelope(await x.request.text()).body), schema: MIV_XSD },
        answer: { xml: xml(x.body), schema: MIV_XSD },
        section: { xml: ssbtSvar(x.sektion), schema: SSBT10_XSD },
      },
    };
  });
  beforeAll(checks.run, XSD_BATCH_TIMEOUT);

  it.each(
    PERSONAS.map((p) => [p.id, p] as const),
  )("%s: request, answer and section are schema-valid", async (id, p) => {
    const { results } = await checks.of(p);
    expect(results.request.errors, `${id} request`).toEqual([]);
    expect(results.answer.errors, `${id} answer`).toEqual([]);
    expect(results.section.errors, `${id} section`).toEqual([]);
  });

  it("fits the ssbt/11 answer too (the MIV schema is the same in both versions)", async () => {
    const fraga = testFraga("199210109899");
    const v11 = fetchRequest(mivSimulator.klient.begaran(fraga, ENDPOINT, { version: "v11", ns: NS.ssbt11 }));
    const sektion = await mivSimulator.klient.tolka(await fetch(v11), fraga, {
      version: "v11",
      ns: NS.ssbt11,
    });
    const v = await validateAgainst(ssbtSvar(sektion, NS.ssbt11), SSBT11_XSD, "ssbtek-v11/contract");
    expect(v.errors).toEqual([]);
  });

  it("decodes the MIV section of the reference client's sample answer and matches its codes and labels", async () => {
    const sample = parseSoapEnvelope(
      readReference("ssbtek-v10/client-traffic/test07_getFinancialAid_miv/response.xml"),
    ).body;
    const data = findChild(
      findChild(findChild(sample, NS.ssbt10, "svarsdata")!, NS.ssbt10, "MIV")!,
      NS.ssbt10,
      "data",
    )!;
    const referens = decodeFkResponse(childElements(data)[0]!);
    const ref = decisions(referens)[0]!;
    const ours = decisions(responseOf(await exchange(testFraga("197003039885"))))[0]!;
    for (const k of [
      "arendeTyp",
      "arendeTypNamn",
      "beslutsKod",
      "beslutsKodNamn",
      "beslutsTyp",
      "beslutsTypNamn",
    ] as const)
      expect(ours[k], k).toBe(ref[k]);
    expect(ours.giltighetstid).toBe(ref.giltighetstid);
    // Same offset convention as Migrationsverket's own dates.
    expect(ours.ansokningsdatum).toBe(ref.ansokningsdatum);
    expect(ours.beslutsdatum).toBe(ref.beslutsdatum);
  });

  it("sends faults whose detail is a schema-valid SSBTEKSoapException", async () => {
    const res = await exchange(testFraga("199001011234"));
    const f = faultOf(res.text);
    expect((await validateAgainst(xml(f.detail!), MIV_XSD)).errors).toEqual([]);
    expect((await validateAgainst(ssbtSvar(res.sektion), SSBT10_XSD)).errors).toEqual([]);
  });

  it("has a validator that rejects what the schema forbids (so the checks above are not vacuous)", async () => {
    const qualified = xml(
      el(MIV_NS, "findByPersonnummerResponse", [el(MIV_NS, "response", [el("", "correlationid", ["x"])])]),
    );
    const noId = xml(
      el(MIV_NS, "findByPersonnummerResponse", [el("", "response", [el("", "personnummer", ["1"])])]),
    );
    const [q, n] = await validateManyAgainst([qualified, noId], MIV_XSD);
    expect(q!.valid).toBe(false);
    expect(n!.valid).toBe(false);
  });

  it("validates answers for generated persons too", async () => {
    const personer = genereradeMedMiv(ctx.population, 8);
    expect(personer).toHaveLength(8);
    const answers: string[] = [];
    for (const p of personer) answers.push(xml((await exchange(testFraga(p.personidentitet))).body));
    const results = await validateManyAgainst(answers, MIV_XSD);
    for (const [i, r] of results.entries()) expect(r.errors, personer[i]!.id).toEqual([]);
  });
});

if (!REFERENCE_DIR) console.warn(`[miv] ${REFERENCE_MISSING}`);

// ---------------------------------------------------------------- (b) error behaviour

describe("MIV: Migrationsverket's own error behaviour", () => {
  it.each([
    ["checksum-invalid (the reference client's 199001011234)", "199001011234", "MIV-001", /kontrollsiffran/],
    ["not 12 digits", "19920305-9846", "MIV-001", /12 siffror/],
    ["no real birth date", "199213459842", "MIV-001", /födelsedatum/],
  ])("%s → SOAP Fault MIV-001 and error section", async (_n, personidentitet, felkod, text) => {
    const x = await exchange(testFraga(personidentitet));
    expect(x.status).toBe(500);
    expect(x.contentType).toContain("text/xml");
    const f = faultOf(x.text);
    expect(f.faultcode).toBe("soap:Client");
    expect(f.faultCode).toBe(felkod);
    expect(f.faultString).toMatch(text);
    expect(f.faultString?.startsWith(MIV_FELKODER["MIV-001"])).toBe(true);
    expect(x.text).not.toContain(personidentitet.replace(/\D/g, "").slice(8));
    expect(x.sektion).toEqual({ error: { kalla: "BT", felkod, felmeddelande: [f.faultString] } });
  });

  it("refuses a blank handläggare with MIV-003", async () => {
    const fraga = testFraga("199203059846");
    fraga.generellaFrageparametrar.ingivare.handlaggare = "  ";
    const x = await exchange(fraga);
    expect(x.status).toBe(500);
    expect(faultOf(x.text).faultCode).toBe("MIV-003");
    expect(arFel(x.sektion) && x.sektion.error.felkod).toBe("MIV-003");
  });

  it("answers MIV-500 (Server) without a stack trace when the simulator itself fails", async () => {
    const trasig = {
      hitta: () => {
        throw new Error("boom in population");
      },
    } as unknown as Population;
    server.use(mswHandler(mivEndpoint(otherContext(42, trasig))));
    const x = await exchange(testFraga("199203059846"));
    expect(x.status).toBe(500);
    const f = faultOf(x.text);
    expect(f.faultcode).toBe("soap:Server");
    expect(f.faultCode).toBe("MIV-500");
    expect(x.text).not.toMatch(/boom|population/);
    expect(x.text).not.toMatch(STACK_TRACE);
    expect(arFel(x.sektion) && x.sektion.error).toEqual({
      kalla: "BT",
      felkod: "MIV-500",
      felmeddelande: [f.faultString],
    });
  });

  it("answers a person unknown to MIV with ids and personnummer only, no svarCollection", async () => {
    const r = responseOf(await exchange(testFraga("196507309901")));
    expect(r.svarCollection).toBeUndefined();
    expect(r.fornamn).toBeUndefined();
    expect(r.correlationid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

// ---------------------------------------------------------------- (c) determinism

describe("MIV: determinism", () => {
  const ids = ["199203059846", "198308089849", "199210109899", "196507309901"];

  it("gives identical bytes for the same seed (named and generated persons)", async () => {
    const generated = genereradeMedMiv(ctx.population, 5).map((p) => p.personidentitet);
    expect(generated.length).toBe(5);
    const first: string[] = [];
    for (const id of [...ids, ...generated]) first.push((await exchange(testFraga(id))).text);
    server.use(mswHandler(mivEndpoint(testContext(42))));
    for (const [i, id] of [...ids, ...generated].entries())
      expect((await exchange(testFraga(id))).text).toBe(first[i]);
  });

  it("changes generated persons with another seed, but keeps the named stories", async () => {
    const generated = genereradeMedMiv(ctx.population, 5).map((p) => p.personidentitet);
    const strip = (r: FkResponse) => JSON.stringify({ ...r, correlationid: "" });
    const at42 = await Promise.all(generated.map(async (id) => responseOf(await exchange(testFraga(id)))));
    const named42 = responseOf(await exchange(testFraga("199203059846")));
    server.use(mswHandler(mivEndpoint(testContext(43))));
    const at43 = await Promise.all(generated.map(async (id) => responseOf(await exchange(testFraga(id)))));
    const named43 = responseOf(await exchange(testFraga("199203059846")));
    expect(at43.map(strip)).not.toEqual(at42.map(strip));
    expect(at43.every((r, i) => r.correlationid !== at42[i]!.correlationid)).toBe(true);
    expect(strip(named43)).toBe(strip(named42));
    expect(named43.correlationid).not.toBe(named42.correlationid);
  });

  it("keeps generated histories consistent over many persons and seeds", () => {
    for (const seed of [1, 2, 3]) {
      const c = testContext(seed);
      for (const p of genereradeMedMiv(c.population, 25)) {
        const r = byggMivSvar({
          personnummer: p.personidentitet,
          correlationid: "x",
          persona: p,
          fakta: mivFakta(c, p),
          period: TEST_PERIOD,
          now: c.now(),
        });
        checkInvariants(r, TODAY);
        for (const s of decisions(r))
          expect(s.arendeTypNamn).toBe(
            kod("MIV.ArendeTyp").koder.find((k) => k.kod === s.arendeTyp)?.beskrivning,
          );
      }
    }
  });
});

// ---------------------------------------------------------------- (d) kodverk

describe("MIV: kodverk", () => {
  const FALT: Record<string, [keyof FkSvar, keyof FkSvar | undefined]> = {
    "MIV.Giltighetstid": ["giltighetstid", undefined],
    "MIV.ArendeTyp": ["arendeTyp", "arendeTypNamn"],
    "MIV.BeslutsKod": ["beslutsKod", "beslutsKodNamn"],
    "MIV.BeslutsTyp": ["beslutsTyp", "beslutsTypNamn"],
    "MIV.Anledning": ["anledning", "anledningNamn"],
  };

  it("has exactly the expected code lists, all answer-side", () => {
    expect(KODVERK.map((k) => k.id).sort()).toEqual(Object.keys(FALT).sort());
    for (const k of KODVERK) {
      expect(k.riktning).toBe("svar");
      expect(new Set(k.koder.map((c) => c.kod)).size).toBe(k.koder.length);
    }
    expect(kod("MIV.Giltighetstid").koder.map((c) => c.kod)).toEqual(["PERMANENT", "TIDBEGRANSAT"]);
  });

  it("covers every code in the answers for the named personas, with the kodverk's labels", async () => {
    const seen = new Map<string, Set<string>>();
    let nil = 0;
    for (const p of MIV_PERSONAS) {
      const r = responseOf(await exchange(testFraga(p.personidentitet)));
      nil += (r.svarCollection ?? []).filter((s) => s === null).length;
      for (const s of decisions(r)) {
        for (const [id, [falt, namnFalt]] of Object.entries(FALT)) {
          const v = s[falt];
          if (v === undefined) continue;
          const k = kod(id).koder.find((c) => c.kod === v);
          expect(k, `${id} ${v} (${p.id})`).toBeDefined();
          if (namnFalt) expect(s[namnFalt], `${namnFalt} of ${v}`).toBe(k!.beskrivning);
          seen.set(id, (seen.get(id) ?? new Set()).add(String(v)));
        }
      }
    }
    for (const k of KODVERK)
      expect([...(seen.get(k.id) ?? [])].sort(), k.id).toEqual(k.koder.map((c) => c.kod).sort());
    expect(nil).toBe(1);
  });
});

// ---------------------------------------------------------------- (e) period consistency

describe("MIV: consistency with the asked period", () => {
  const periods: Tidsperiod[] = [
    TEST_PERIOD,
    { fromDatum: "2025-01-01", tomDatum: "2025-06-30" },
    { fromDatum: "2026-10-01", tomDatum: "2026-12-31" },
    { fromDatum: "1998-01-01", tomDatum: "1998-12-31" },
  ];

  it.each(
    periods.map((p) => [`${p.fromDatum}..${p.tomDatum}`, p] as const),
  )("decisions exist on the period's end (never after today) and follow application → decision → validity (%s)", (_n, period) => {
    const ref = referensdag(period, ctx.now());
    expect(ref <= TODAY && ref <= period.tomDatum).toBe(true);
    for (const p of MIV_PERSONAS) {
      const r = byggMivSvar({
        personnummer: p.personidentitet,
        correlationid: "x",
        persona: p,
        fakta: mivFakta(ctx, p),
        period,
        now: ctx.now(),
      });
      checkInvariants(r, ref);
    }
  });

  it("drops decisions made after the period's end, but still knows a person who had entered", () => {
    const p = PERSONAS.find((x) => x.id === "nyanland-etablering")!;
    const build = (period: Tidsperiod) =>
      byggMivSvar({
        personnummer: p.personidentitet,
        correlationid: "x",
        persona: p,
        fakta: FAKTA[p.id],
        period,
        now: ctx.now(),
      });
    const early = build({ fromDatum: "2025-01-01", tomDatum: "2025-06-30" });
    expect(early.hemland).toBe("SYRIEN");
    expect(early.svarCollection).toEqual([]);
    expect(decisions(build({ fromDatum: "2025-07-01", tomDatum: "2025-12-31" }))).toHaveLength(1);
    expect(decisions(build({ fromDatum: "2026-09-01", tomDatum: "2026-09-30" }))).toHaveLength(2);
    // Before entry MIV did not know her at all.
    expect(build({ fromDatum: "2024-01-01", tomDatum: "2024-12-31" }).svarCollection).toBeUndefined();
  });

  it("puts miv-avslag's rejection inside any period ending today", () => {
    const p = PERSONAS.find((x) => x.id === "miv-avslag")!;
    for (const fromDatum of ["2026-08-01", TEST_PERIOD.fromDatum, "2026-11-01"]) {
      const r = byggMivSvar({
        personnummer: p.personidentitet,
        correlationid: "x",
        persona: p,
        fakta: FAKTA[p.id],
        period: { fromDatum, tomDatum: TODAY },
        now: ctx.now(),
      });
      const avs = decisions(r).find((s) => s.beslutsKod === "AVS")!;
      expect(dateOnly(avs.beslutsdatum!) >= fromDatum && dateOnly(avs.beslutsdatum!) <= TODAY).toBe(true);
    }
  });

  it("answers the handler's question as of today, as the pure function does", async () => {
    const p = PERSONAS.find((x) => x.id === "kodtackning")!;
    const r = responseOf(await exchange(testFraga(p.personidentitet)));
    const expected = byggMivSvar({
      personnummer: p.personidentitet,
      korrelationsid: "c0ffee00-0000-4000-8000-000000000001",
      correlationid: r.correlationid,
      persona: p,
      fakta: FAKTA[p.id],
      period: { fromDatum: TODAY, tomDatum: TODAY },
      now: ctx.now(),
    });
    expect(r).toEqual(expected);
  });

  it("gives every call its own correlationid, the same for the same seed, question and clock", () => {
    const fraga = { personnummer: "199203059846", korrelationsid: "a", ingivare: { handlaggare: "h" } };
    const now = new Date(TEST_NOW);
    const id = correlationid(42, fraga, now);
    expect(correlationid(42, { ...fraga }, new Date(TEST_NOW))).toBe(id);
    expect(correlationid(42, { ...fraga, korrelationsid: "b" }, now)).not.toBe(id);
    expect(correlationid(42, fraga, new Date(now.getTime() + 1))).not.toBe(id);
    expect(correlationid(43, fraga, now)).not.toBe(id);
  });

  it("writes dates with the Swedish offset of the day and reads the Swedish day of an instant", () => {
    expect(mivDatum("2026-03-29")).toBe("2026-03-29+01:00"); // last Sunday of March: midnight still winter time
    expect(mivDatum("2026-03-30")).toBe("2026-03-30+02:00");
    expect(mivDatum("2026-10-25")).toBe("2026-10-25+02:00"); // last Sunday of October: midnight still summer time
    expect(mivDatum("2026-10-26")).toBe("2026-10-26+01:00");
    expect(svenskDag(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21");
    expect(svenskDag(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(svenskDag(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});

// ---------------------------------------------------------------- (f) tolka never throws

describe("MIV: tolka turns bad answers into error sections", () => {
  const fraga = testFraga("199203059846");
  const tolka = (r: Response) => mivSimulator.klient.tolka(r, fraga, KONTRAKT);
  const goodBody = () =>
    soapEnvelope(
      encodeFindByPersonnummerResponse({ response: { correlationid: "x", personnummer: "199203059846" } }),
    );

  it.each([
    ["HTML 502 page", "HTTP_502", new Response("<html><body>Bad Gateway</body></html>", { status: 502 })],
    ["empty 500", "HTTP_500", new Response("", { status: 500 })],
    ["200 not XML", "MALFORMED", new Response("OK, all good", { status: 200 })],
    ["200 HTML", "MALFORMED", new Response("<!DOCTYPE html><html></html>", { status: 200 })],
    ["200 truncated XML", "MALFORMED", new Response(goodBody().slice(0, 120), { status: 200 })],
    [
      "200 wrong element",
      "MALFORMED",
      new Response(soapEnvelope(el(NS.tns, "HamtaUppgifterResponse")), { status: 200 }),
    ],
    [
      "200 missing correlationid",
      "MALFORMED",
      new Response(
        soapEnvelope(
          el(MIV_NS, "findByPersonnummerResponse", [
            el("", "response", [leaf("", "personnummer", "199203059846")]),
          ]),
        ),
        { status: 200 },
      ),
    ],
    [
      "200 qualified local element",
      "MALFORMED",
      new Response(
        soapEnvelope(
          el(MIV_NS, "findByPersonnummerResponse", [
            el(MIV_NS, "response", [el("", "correlationid", ["x"])]),
          ]),
        ),
        { status: 200 },
      ),
    ],
    [
      "200 bad giltighetstid",
      "MALFORMED",
      new Response(
        goodBody().replace(
          "</personnummer>",
          "</personnummer><svarCollection><svar><giltighetstid>FOREVER</giltighetstid></svar></svarCollection>",
        ),
        { status: 200 },
      ),
    ],
    ["201 with a real answer", "HTTP_201", new Response(goodBody(), { status: 201 })],
    [
      "fault without detail",
      "SOAP_FAULT",
      new Response(
        soapEnvelope(
          el(NS.soap, "Fault", [el("", "faultcode", ["soap:Server"]), el("", "faultstring", ["Down"])]),
        ),
        { status: 500 },
      ),
    ],
    [
      "answer about another person",
      "PERSON_MISMATCH",
      new Response(
        soapEnvelope(
          encodeFindByPersonnummerResponse({
            response: { correlationid: "x", personnummer: "197003039885" },
          }),
        ),
      ),
    ],
  ])("%s → %s", async (_n, felkod, response) => {
    const s = await tolka(response as Response);
    if (!arFel(s)) throw new Error(`expected an error section, got ${JSON.stringify(s)}`);
    expect(s.error.kalla).toBe("BT");
    expect(s.error.felkod).toBe(felkod);
    expect(s.error.felmeddelande.length).toBeGreaterThan(0);
    for (const m of s.error.felmeddelande) {
      expect(m.trim()).not.toBe("");
      expect(m).not.toMatch(/(?<!\d)(19|20)\d{10}(?!\d)/);
    }
  });

  it("reads a body stream that fails as MALFORMED", async () => {
    const stream = new ReadableStream({
      start(c) {
        c.error(new Error("connection reset"));
      },
    });
    const s = await tolka(new Response(stream, { status: 200 }));
    expect(arFel(s) && s.error.felkod).toBe("MALFORMED");
  });

  it("takes felkod and felmeddelande from a fault 200-wrapped or not", async () => {
    const fault = soapEnvelope(
      el(NS.soap, "Fault", [
        el("", "faultcode", ["soap:Client"]),
        el("", "faultstring", ["outer"]),
        el("", "detail", [
          encodeSsbtekSoapException({ faultCode: "MIV-001", faultString: "Ogiltigt personnummer: x" }),
        ]),
      ]),
    );
    for (const status of [500, 200])
      expect(await tolka(new Response(fault, { status }))).toEqual({
        error: { kalla: "BT", felkod: "MIV-001", felmeddelande: ["Ogiltigt personnummer: x"] },
      });
  });

  it("gives an empty data section for an answer without response", async () => {
    const s = await tolka(new Response(soapEnvelope(encodeFindByPersonnummerResponse({}))));
    expect(s).toEqual({ data: [] });
  });
});

// ---------------------------------------------------------------- (g) malformed requests

describe("MIV: malformed requests get Migrationsverket's fault, never a stack trace", () => {
  const envelope = (body: string) =>
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:miv="${MIV_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
  const query = (inner: string) =>
    envelope(`<miv:findByPersonnummer><query>${inner}</query></miv:findByPersonnummer>`);

  it.each([
    ["not XML", "this is not xml"],
    ["empty body", ""],
    [
      "DOCTYPE",
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>${envelope("<miv:findByPersonnummer/>")}`,
    ],
    [
      "SOAP 1.2 envelope",
      `<e:Envelope xmlns:e="${NS.soap12}"><e:Body><miv:findByPersonnummer xmlns:miv="${MIV_NS}"/></e:Body></e:Envelope>`,
    ],
    ["not an envelope", `<miv:findByPersonnummer xmlns:miv="${MIV_NS}"/>`],
    ["empty SOAP Body", envelope("")],
    ["wrong element", envelope("<miv:findByFodelsedatum><query/></miv:findByFodelsedatum>")],
    [
      "wrong namespace",
      envelope(`<x:findByPersonnummer xmlns:x="urn:other"><query/></x:findByPersonnummer>`),
    ],
    ["missing query", envelope("<miv:findByPersonnummer/>")],
    ["missing personnummer", query("<ingivare><handlaggare>HL1</handlaggare></ingivare>")],
    ["missing ingivare", query("<personnummer>199203059846</personnummer>")],
    [
      "missing handlaggare",
      query("<personnummer>199203059846</personnummer><ingivare><namn>K</namn></ingivare>"),
    ],
    [
      "qualified local element",
      envelope(
        `<miv:findByPersonnummer><miv:query><personnummer>199203059846</personnummer><ingivare><handlaggare>H</handlaggare></ingivare></miv:query></miv:findByPersonnummer>`,
      ),
    ],
    [
      "wrong order",
      query("<ingivare><handlaggare>H</handlaggare></ingivare><personnummer>199203059846</personnummer>"),
    ],
    [
      "unknown element",
      query(
        "<personnummer>199203059846</personnummer><ingivare><handlaggare>H</handlaggare></ingivare><tidsperiod/>",
      ),
    ],
    [
      "undeclared attribute",
      query(
        `<personnummer kind="pnr">199203059846</personnummer><ingivare><handlaggare>H</handlaggare></ingivare>`,
      ),
    ],
    [
      "element in a leaf",
      query(
        "<personnummer><nr>199203059846</nr></personnummer><ingivare><handlaggare>H</handlaggare></ingivare>",
      ),
    ],
  ])("%s → HTTP 500 SOAP Fault MIV-002", async (_n, body) => {
    const res = await post(body);
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("text/xml");
    const text = await res.text();
    expect(text).not.toMatch(STACK_TRACE);
    const f = faultOf(text);
    expect(f.faultcode).toBe("soap:Client");
    expect(f.faultCode).toBe("MIV-002");
    expect(f.faultString).toMatch(/^Felaktig fråga: /);
    expect(text).not.toContain("199203059846");
  });

  it("names the path of a schema breach in the fault", async () => {
    const f = faultOf(await (await post(query("<ingivare><handlaggare>H</handlaggare></ingivare>"))).text());
    expect(f.faultString).toContain("/findByPersonnummer/query/personnummer");
  });

  it("accepts a well-formed minimal request (only the required elements)", async () => {
    const res = await post(
      query("<personnummer>199203059846</personnummer><ingivare><handlaggare>H</handlaggare></ingivare>"),
    );
    expect(res.status).toBe(200);
    const r = decodeFindByPersonnummerResponse(parseSoapEnvelope(await res.text()).body).response!;
    expect(r.korrelationsid).toBeUndefined();
    expect(r.hemland).toBe("SYRIEN");
  });
});
