import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractViolation } from "../../contract/errors.js";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import { kontrollsiffra } from "../../contract/personidentitet.js";
import {
  decodeFault,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  SO_NS,
} from "../../contract/so/codec.js";
import type { GetUnemploymentBenefitPaymentResponse, SoFault } from "../../contract/so/model.js";
import { parseSoapEnvelope, readSoapFault, soapEnvelope } from "../../contract/soap/envelope.js";
import { arFel, type Sektion, type SsbtFraga, type Tidsperiod } from "../../contract/ssbt/model.js";
import { childElements, el, textOf, type XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import soKodverk from "../../fixtures/kodverk/so.json" with { type: "json" };
import { TEST_NOW, TEST_PERIOD, testContext, testFraga } from "../../test/support/context.js";
import { REFERENCE_DIR, readReference } from "../../test/support/reference.js";
import { SSBT10_XSD, schemaBatch, validateAgainst, XSD_BATCH_TIMEOUT } from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import type { Persona } from "../population/persona.js";
import { PERSONAS as ALLA_PERSONAS, Population } from "../population/population.js";
import { FAKTA, MAX_ERSATTNINGSDAGAR } from "./data.js";
import { SO_FELKODER } from "./errors.js";
import { soEndpoint } from "./handlers.js";
import { soSimulator } from "./index.js";
import { AKASSOR, STATUS } from "./model.js";

const SO_XSD = "schemas/ubpservice/int014/UnemploymentBenefitPaymentService.xsd";
const ENDPOINT = `http://so.test${soSimulator.path}`;
const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const { begaran, tolka } = soSimulator.klient;
/** Every persona but those whose story makes the a-kassor's service fail (tested on their own). */
const PERSONAS = ALLA_PERSONAS.filter((p) => !FAKTA[p.id]?.fel);
const FEL_PERSONAS = ALLA_PERSONAS.filter((p) => FAKTA[p.id]?.fel);
const SO_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("SO"));
const persona = (id: string): Persona => {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

const ctx = testContext();
const server = setupServer(...[mswHandler(soSimulator.endpoint(ctx))]);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

/** A composite question whose SO part carries its own period (or the general one when omitted). */
function fragaMed(personidentitet: string, soPeriod?: Tidsperiod): SsbtFraga {
  const f = testFraga(personidentitet);
  if (soPeriod) f.specifikaFrageparametrar.SO = { inkludera: true, tidsperiod: soPeriod };
  return f;
}

interface Utfall {
  status: number;
  xml: string;
  body: XmlElement;
  sektion: Sektion;
}

async function anropa(fraga: SsbtFraga): Promise<Utfall> {
  const res = await fetch(fetchRequest(begaran(fraga, ENDPOINT, KONTRAKT)));
  const xml = await res.clone().text();
  const sektion = await tolka(res, fraga, KONTRAKT);
  return { status: res.status, xml, body: parseSoapEnvelope(xml).body, sektion };
}

/** Asks in-process with any context (other seed, other clock) without touching the server. */
async function anropaMed(c: SimulatorContext, fraga: SsbtFraga): Promise<string> {
  const res = await getResponse(
    [mswHandler(soEndpoint(c))],
    fetchRequest(begaran(fraga, ENDPOINT, KONTRAKT)),
  );
  if (!res) throw new Error("no handler answered");
  return res.text();
}

function svarAv(xml: string): GetUnemploymentBenefitPaymentResponse {
  return decodeResponse(parseSoapEnvelope(xml).body);
}

async function postRaw(
  text: string,
): Promise<{ status: number; xml: string; fault: SoFault; faultcode: string }> {
  const res = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
    body: text,
  });
  const xml = await res.text();
  const f = readSoapFault(parseSoapEnvelope(xml).body);
  if (!f?.detail) throw new Error(`expected a SOAP Fault with detail, got: ${xml.slice(0, 200)}`);
  return { status: res.status, xml, fault: decodeFault(f.detail), faultcode: f.faultcode };
}

function sektionsXml(sektion: Sektion, ns = NS.ssbt10): string {
  const inner = arFel(sektion)
    ? el(ns, "error", [
        el(ns, "kalla", [sektion.error.kalla]),
        el(ns, "felkod", [sektion.error.felkod]),
        ...sektion.error.felmeddelande.map((m) => el(ns, "felmeddelande", [m])),
      ])
    : el(ns, "data", "data" in sektion ? sektion.data : []);
  const svar = el(ns, "hamtaBastjanstInformationResponse", [el(ns, "svarsdata", [el(ns, "SO", [inner])])]);
  return serializeXml(svar, { prefixes: PREFIXES });
}

function dataAv(sektion: Sektion): XmlElement[] {
  if (!("data" in sektion)) throw new Error(`expected data, got ${JSON.stringify(sektion)}`);
  return sektion.data;
}

const validRequestXml = () => soapEnvelope(encodeRequest(soSimulatorFraga("199608239829")));
function soSimulatorFraga(pid: string) {
  const f = testFraga(pid).generellaFrageparametrar;
  return {
    OrganisationsnummerIngivare: f.ingivare.organisationsnummer,
    NamnIngivare: f.ingivare.namn,
    KontonamnHandlaggare: f.ingivare.handlaggare,
    Referensnummer: f.arendeidentitet,
    From: TEST_PERIOD.fromDatum,
    Tom: TEST_PERIOD.tomDatum,
    Syfte: f.syfte,
    Paragraf: f.lagtext,
    OrganisationsnummerPersonuppgiftsbitrade: [],
    NamnPersonuppgiftsbitrade: [],
    IdentificationNumber: pid,
  };
}

// ---------------------------------------------------------------------------------------------

describe("SO simulator: the endpoint and the SSBT client", () => {
  it("is registered as SO on /so/ubpservice/int014", () => {
    expect(soSimulator.kod).toBe("SO");
    expect(soSimulator.path).toBe("/so/ubpservice/int014");
  });

  it("begaran maps the composite question onto GetUnemploymentBenefitPaymentRequest", async () => {
    const f = fragaMed("199608239829", { fromDatum: "2026-10-01", tomDatum: "2026-10-31" });
    f.generellaFrageparametrar.personuppgiftsbitrade = [
      { ordningsnummer: 1, organisationsnummer: "556677889900", namn: "Systemleverantören AB" },
      { organisationsnummer: "556000000001", namn: "Driftbolaget AB" },
    ];
    const req = fetchRequest(begaran(f, ENDPOINT, KONTRAKT));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(ENDPOINT);
    expect(req.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(req.headers.get("soapaction")).toBe('""');
    const body = parseSoapEnvelope(await req.text()).body;
    expect(body.ns).toBe(SO_NS);
    const q = decodeRequest(body);
    expect(q).toEqual({
      OrganisationsnummerIngivare: "162129999991",
      NamnIngivare: "Testkommunen",
      KontonamnHandlaggare: "HL0001",
      Referensnummer: "ARENDE-2026-0001",
      From: "2026-10-01",
      Tom: "2026-10-31",
      Syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
      Paragraf: "11 kap. 11 a § socialtjänstlagen (2001:453)",
      OrganisationsnummerPersonuppgiftsbitrade: ["556677889900", "556000000001"],
      NamnPersonuppgiftsbitrade: ["Systemleverantören AB", "Driftbolaget AB"],
      IdentificationNumber: "199608239829",
    });
  });

  it("uses the general period when SO has none of its own", async () => {
    const q = decodeRequest(
      parseSoapEnvelope(await fetchRequest(begaran(testFraga("199608239829"), ENDPOINT, KONTRAKT)).text())
        .body,
    );
    expect([q.From, q.Tom]).toEqual([TEST_PERIOD.fromDatum, TEST_PERIOD.tomDatum]);
  });

  it("answers every named persona with 200 and a data section that echoes the question", async () => {
    for (const p of PERSONAS) {
      const u = await anropa(testFraga(p.personidentitet));
      expect(u.status, p.id).toBe(200);
      const data = dataAv(u.sektion);
      const names = data.map((d) => d.local);
      expect(names, p.id).toEqual([
        "OrganisationsnummerIngivare",
        "NamnIngivare",
        "KontonamnHandlaggare",
        "Referensnummer",
        "From",
        "Tom",
        "Syfte",
        "Paragraf",
        "IdentificationNumber",
        "ArbetsloshetsersattningLista",
      ]);
      expect(data.every((d) => d.ns === SO_NS)).toBe(true);
      expect(textOf(data[8]!)).toBe(p.personidentitet);
      const lista = childElements(data[9]!);
      if (p.kallor.includes("SO")) expect(lista.length, p.id).toBeGreaterThan(0);
      else expect(lista, `${p.id}: not in kallor → empty list`).toEqual([]);
    }
  });

  it("gives the a-kassor's no-data answer (empty list) for a person no a-kassa knows", async () => {
    const svar = svarAv((await anropa(testFraga(persona("ej-traff").personidentitet))).xml);
    expect(svar.ArbetsloshetsersattningLista).toEqual([]);
    expect(svar.IdentificationNumber).toBe(persona("ej-traff").personidentitet);
  });
});

describe.skipIf(!REFERENCE_DIR)("SO against the official INT014 XSD (reference)", () => {
  // Every persona's exchange first, then one libxml2 run per schema (see schemaBatch).
  const checks = schemaBatch(PERSONAS, async (p) => {
    const f = testFraga(p.personidentitet);
    f.generellaFrageparametrar.personuppgiftsbitrade = [
      { ordningsnummer: 1, organisationsnummer: "556677889900", namn: "Systemleverantören AB" },
    ];
    const reqBody = parseSoapEnvelope(await fetchRequest(begaran(f, ENDPOINT, KONTRAKT)).text()).body;
    const u = await anropa(f);
    return {
      value: u,
      documents: {
        request: { xml: serializeXml(reqBody, { prefixes: PREFIXES }), schema: SO_XSD },
        answer: { xml: serializeXml(u.body, { prefixes: PREFIXES }), schema: SO_XSD },
        section: { xml: sektionsXml(u.sektion), schema: SSBT10_XSD },
      },
    };
  });
  beforeAll(checks.run, XSD_BATCH_TIMEOUT);

  it.each(
    PERSONAS.map((p) => [p.id, p] as const),
  )("%s: request, answer and section validate", async (_id, p) => {
    const { results } = await checks.of(p);
    expect(results.request.errors, `${p.id} request`).toEqual([]);
    expect(results.answer.errors, `${p.id} answer`).toEqual([]);
    expect(results.answer.valid).toBe(true);
    expect(results.section.errors, `${p.id} section`).toEqual([]);
  });

  it("an answer built on a pending decision uses xsi:nil and still validates", async () => {
    const u = await anropa(testFraga(persona("akassa-ansokan-pagar").personidentitet));
    expect(u.xml).toContain('<so:BeslutOmRattTillErsattning xsi:nil="true"/>');
    expect((await validateAgainst(serializeXml(u.body, { prefixes: PREFIXES }), SO_XSD)).valid).toBe(true);
  });

  it("an error section validates inside ssbt/10", async () => {
    const f = testFraga("19960823982");
    const u = await anropa(f);
    expect(arFel(u.sektion)).toBe(true);
    expect((await validateAgainst(sektionsXml(u.sektion), SSBT10_XSD)).errors).toEqual([]);
  });

  it("the reference client's lenient SO sample (no Syfte/Paragraf) is rejected by our strict decoder", () => {
    const doc = parseXml(readReference("ssbtek-v10/client-traffic/test05_getFinancialAid_so/response.xml"));
    const find = (e: XmlElement, local: string): XmlElement | undefined =>
      e.local === local
        ? e
        : childElements(e)
            .map((c) => find(c, local))
            .find(Boolean);
    const data = find(doc, "data");
    expect(data).toBeDefined();
    const wrapped = el(SO_NS, "GetUnemploymentBenefitPaymentResponse", childElements(data!));
    expect(() => decodeResponse(wrapped)).toThrow(/Syfte/);
  });
});

describe("SO error behaviour", () => {
  it("an IdentificationNumber that is not 12 digits gets the OGILTIGT_IDENTIFIKATIONSNUMMER fault, masked", async () => {
    const u = await anropa(testFraga("19960823982"));
    expect(u.status).toBe(500);
    const f = readSoapFault(u.body);
    expect(f?.faultcode).toBe("soap:Client");
    const d = decodeFault(f!.detail!);
    expect(d.Felkod).toBe("OGILTIGT_IDENTIFIKATIONSNUMMER");
    expect(u.xml).not.toContain("19960823982");
    expect(u.sektion).toEqual({
      error: { kalla: "BT", felkod: "OGILTIGT_IDENTIFIKATIONSNUMMER", felmeddelande: d.Felmeddelande },
    });
  });

  it("12 digits that are no birth date get OGILTIGT_IDENTIFIKATIONSNUMMER, without the number", async () => {
    const u = await anropa(testFraga("199613459999"));
    expect(u.status).toBe(500);
    expect(arFel(u.sektion) && u.sektion.error.felkod).toBe("OGILTIGT_IDENTIFIKATIONSNUMMER");
    expect(u.xml).not.toContain("199613459999");
  });

  it("a period ending before it starts gets OGILTIG_PERIOD", async () => {
    const u = await anropa(fragaMed("199608239829", { fromDatum: "2026-11-01", tomDatum: "2026-10-01" }));
    expect(u.status).toBe(500);
    expect(u.sektion).toMatchObject({ error: { kalla: "BT", felkod: "OGILTIG_PERIOD" } });
    if (arFel(u.sektion)) expect(u.sektion.error.felmeddelande.join(" ")).toContain("2026-11-01");
  });

  it("our own failure becomes TEKNISKT_FEL (soap:Server), never a stack trace", async () => {
    // A named persona listing SO without FAKTA is a bug in our data: it must not leak.
    const trasig: Persona = { ...persona("arbetslos-akassa"), id: "saknas-i-fakta" };
    const population = { hitta: () => trasig } as unknown as Population;
    const c: SimulatorContext = { seed: 1, population, now: () => new Date(TEST_NOW) };
    const xml = await anropaMed(c, testFraga(trasig.personidentitet));
    const f = readSoapFault(parseSoapEnvelope(xml).body);
    expect(f?.faultcode).toBe("soap:Server");
    expect(decodeFault(f!.detail!).Felkod).toBe("TEKNISKT_FEL");
    expect(xml).not.toMatch(/saknas-i-fakta|\.ts:\d+|at \w+ \(/);
  });

  it("an a-kassa that could not answer is listed with its error status and nothing else (partial answer)", async () => {
    const u = await anropa(testFraga(persona("kodtackning").personidentitet));
    const svar = svarAv(u.xml);
    const fel = svar.ArbetsloshetsersattningLista.filter(
      (a) =>
        a.StatusSvarandeOrganisation === STATUS.svaradeInte ||
        a.StatusSvarandeOrganisation === STATUS.ogiltigtSvar,
    );
    expect(fel.length).toBeGreaterThanOrEqual(2);
    for (const a of fel) {
      expect(a.Utbetalningar).toEqual([]);
      expect(a.Avstangningar).toEqual([]);
      expect(a.AnsoktOmErsattning).toBeUndefined();
    }
    // The partial answer is still data: the other a-kassor's payments reach the caller.
    expect(svar.ArbetsloshetsersattningLista.some((a) => a.Utbetalningar.length > 0)).toBe(true);
    expect("data" in u.sektion).toBe(true);
  });

  it("every fault code has a Client/Server faultcode and a Swedish text", () => {
    for (const [kod, v] of Object.entries(SO_FELKODER)) {
      expect(["Client", "Server"], kod).toContain(v.faultcode);
      expect(v.text.length, kod).toBeGreaterThan(10);
    }
  });
});

describe("SO malformed requests get the a-kassor's fault (HTTP 500), never a stack trace", () => {
  const utanStack = (xml: string) => expect(xml).not.toMatch(/\.ts:\d+|\.js:\d+|at \w+ \(/);

  it("not XML → OGILTIG_BEGARAN", async () => {
    const r = await postRaw("det här är ingen xml");
    expect(r.status).toBe(500);
    expect(r.faultcode).toBe("soap:Client");
    expect(r.fault.Felkod).toBe("OGILTIG_BEGARAN");
    utanStack(r.xml);
  });

  it("a DOCTYPE is refused (no entity expansion) → OGILTIG_BEGARAN", async () => {
    const evil = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>${validRequestXml().replace(/^<\?xml[^>]*\?>/, "")}`;
    const r = await postRaw(evil);
    expect(r.status).toBe(500);
    expect(r.fault.Felkod).toBe("OGILTIG_BEGARAN");
    expect(r.fault.Felmeddelande.join(" ")).toMatch(/DOCTYPE/);
    utanStack(r.xml);
  });

  it("the wrong Body element (another operation) → OGILTIG_BEGARAN", async () => {
    const wrong = soapEnvelope(
      encodeResponse({ ...soSimulatorFraga("199608239829"), ArbetsloshetsersattningLista: [] }),
    );
    const r = await postRaw(wrong);
    expect(r.status).toBe(500);
    expect(r.fault.Felkod).toBe("OGILTIG_BEGARAN");
    expect(r.fault.Felmeddelande.join(" ")).toContain("GetUnemploymentBenefitPaymentResponse");
  });

  it("a missing required element (Syfte, as the lenient sample omits it) → SCHEMAFEL with the path", async () => {
    const q = encodeRequest(soSimulatorFraga("199608239829"));
    const utanSyfte = {
      ...q,
      children: q.children.filter((c) => c.kind !== "element" || c.local !== "Syfte"),
    };
    const r = await postRaw(soapEnvelope(utanSyfte));
    expect(r.status).toBe(500);
    expect(r.fault.Felkod).toBe("SCHEMAFEL");
    expect(r.fault.Felmeddelande.join(" ")).toContain("/GetUnemploymentBenefitPaymentRequest/Syfte");
    utanStack(r.xml);
  });

  it("elements out of order, unknown elements, bad dates and stray attributes → SCHEMAFEL", async () => {
    const q = encodeRequest(soSimulatorFraga("199608239829"));
    const kids = childElements(q);
    const byt = [kids[1]!, kids[0]!, ...kids.slice(2)];
    const extra = [...kids, el(SO_NS, "Okand", ["x"])];
    const badDate = kids.map((k) => (k.local === "Tom" ? el(SO_NS, "Tom", ["2026-02-30"]) : k));
    const attr = kids.map((k) => (k.local === "Syfte" ? el(SO_NS, "Syfte", ["x"], { lang: "sv" }) : k));
    const unqualified = kids.map((k) => (k.local === "Paragraf" ? el("", "Paragraf", ["x"]) : k));
    for (const children of [byt, extra, badDate, attr, unqualified]) {
      const r = await postRaw(soapEnvelope(el(SO_NS, q.local, children)));
      expect(r.status).toBe(500);
      expect(r.fault.Felkod).toBe("SCHEMAFEL");
    }
  });

  it("a SOAP 1.2 envelope and an empty Body → OGILTIG_BEGARAN", async () => {
    const s12 = `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>`;
    expect((await postRaw(s12)).fault.Felkod).toBe("OGILTIG_BEGARAN");
    const empty = `<s:Envelope xmlns:s="${NS.soap}"><s:Body/></s:Envelope>`;
    expect((await postRaw(empty)).fault.Felkod).toBe("OGILTIG_BEGARAN");
  });
});

/** Checksum-valid identities with real birth dates that are no named persona: generated persons. */
function genererade(antal: number, ar = 1980): string[] {
  return Array.from({ length: antal }, (_, i) => {
    const yymmdd = `${String((ar + i) % 100).padStart(2, "0")}${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`;
    const nio = `${yymmdd}${String(300 + i).padStart(3, "0")}`;
    return `${String(ar + i).slice(0, 2)}${nio}${kontrollsiffra(nio)}`;
  }).filter((pid) => !PERSONAS.some((p) => p.personidentitet === pid));
}

describe("SO determinism", () => {
  const GENERERADE = genererade(40);

  it("two contexts with the same seed give the same bytes", async () => {
    for (const pid of [...SO_PERSONAS.map((p) => p.personidentitet), ...GENERERADE.slice(0, 10)]) {
      const a = await anropaMed(testContext(42), testFraga(pid));
      const b = await anropaMed(testContext(42), testFraga(pid));
      expect(a, pid).toBe(b);
    }
  });

  it("a different seed changes generated persons but not named personas", async () => {
    let skillnader = 0;
    let medData = 0;
    for (const pid of GENERERADE) {
      const a = await anropaMed(testContext(42), testFraga(pid));
      const b = await anropaMed(testContext(4711), testFraga(pid));
      if (a !== b) skillnader++;
      if (svarAv(a).ArbetsloshetsersattningLista.length > 0) medData++;
    }
    expect(medData, "some generated persons must have a-kassa data").toBeGreaterThan(0);
    expect(skillnader).toBeGreaterThan(0);
    const p = persona("arbetslos-akassa").personidentitet;
    expect(await anropaMed(testContext(1), testFraga(p))).toBe(await anropaMed(testContext(2), testFraga(p)));
  });

  it("generated persons get data only when their kallor include SO", async () => {
    const pop = new Population(42);
    for (const pid of GENERERADE) {
      const p = pop.hitta(pid);
      expect(p?.genererad).toBe(true);
      const lista = svarAv(await anropaMed(testContext(42), testFraga(pid))).ArbetsloshetsersattningLista;
      expect(lista.length > 0, pid).toBe(p!.kallor.includes("SO"));
      for (const a of lista) expect(AKASSOR as readonly string[]).toContain(a.SvarandeOrganisation);
    }
  });
});

describe("SO kodverk", () => {
  const koder = (id: string) => {
    const k = soKodverk.kodverk.find((x) => x.id === id);
    if (!k) throw new Error(`no kodverk ${id}`);
    return k;
  };

  it("the kodverk lists exactly the model's a-kassor and statuses", () => {
    expect(koder("SO.SvarandeOrganisation").koder.map((k) => k.kod)).toEqual([...AKASSOR]);
    expect(new Set(koder("SO.StatusSvarandeOrganisation").koder.map((k) => k.kod))).toEqual(
      new Set(Object.values(STATUS)),
    );
  });

  it("every svar code appears in the answer for some named persona", async () => {
    const sett = new Map<string, Set<string>>();
    const walk = (e: XmlElement, path: string[]) => {
      const p = [...path, e.local];
      for (const kv of soKodverk.kodverk) {
        for (const falt of kv.falt) {
          const want = falt.split(".");
          if (want.every((w, i) => p[p.length - want.length + i] === w)) {
            const set = sett.get(kv.id) ?? new Set<string>();
            set.add(textOf(e));
            sett.set(kv.id, set);
          }
        }
      }
      for (const c of childElements(e)) walk(c, p);
    };
    for (const p of PERSONAS) walk((await anropa(testFraga(p.personidentitet))).body, []);
    for (const kv of soKodverk.kodverk.filter((k) => k.riktning === "svar")) {
      const saknas = kv.koder.map((k) => k.kod).filter((k) => !sett.get(kv.id)?.has(k));
      expect(saknas, kv.id).toEqual([]);
    }
  });
});

describe("SO stories of their own: avtrappning and a service that cannot answer", () => {
  it("a persona the a-kassor's service cannot answer for gets TEKNISKT_FEL, a BT error section", async () => {
    expect(FEL_PERSONAS.map((p) => p.id)).toEqual(["akassa-flytt-tekniskt-fel"]);
    for (const p of FEL_PERSONAS) {
      const u = await anropa(fragaMed(p.personidentitet));
      expect(u.status).toBe(500);
      expect(u.xml).toContain("TEKNISKT_FEL");
      expect(u.xml).not.toContain(p.personidentitet);
      expect(u.sektion).toMatchObject({ error: { kalla: "BT", felkod: "TEKNISKT_FEL" } });
    }
  });

  it("avtrappning: 1 200 kr a day for 100 days, 1 050 kr to day 200, then 975 kr until the 300 days end", async () => {
    const p = ALLA_PERSONAS.find((x) => x.id === "akassa-avtrappning")!;
    const netto = (dagar: number, perDag: number) => {
      const brutto = dagar * perDag;
      return brutto - Math.floor((brutto * 30) / 100);
    };
    // Whole history from the first day: every payment is 10 days, the steps fall inside payments.
    const u = await anropa(fragaMed(p.personidentitet, { fromDatum: "2026-01-05", tomDatum: "2026-11-20" }));
    const [akassa] = svarAv(u.xml).ArbetsloshetsersattningLista;
    const rader = akassa!.Utbetalningar.map((x) => [Number(x.Ersattningsdagar), Number(x.NettoEfterSkatt)]);
    let dag = 0;
    for (const [dagar, belopp] of rader) {
      let brutto = 0;
      for (let k = dag + 1; k <= dag + dagar!; k++) brutto += k > 200 ? 975 : k > 100 ? 1050 : 1200;
      expect(belopp).toBe(brutto - Math.floor((brutto * 30) / 100));
      dag += dagar!;
    }
    expect(rader[0]).toEqual([10, netto(10, 1200)]);
    expect(rader.at(-1)).toEqual([10, netto(10, 975)]);
    expect(dag).toBeGreaterThan(200);
    expect(dag).toBeLessThanOrEqual(MAX_ERSATTNINGSDAGAR);
  });
});

describe("SO period consistency and the personas' stories", () => {
  const PERIODER: Tidsperiod[] = [
    TEST_PERIOD,
    { fromDatum: "2026-01-01", tomDatum: "2026-12-31" },
    { fromDatum: "2026-10-05", tomDatum: "2026-10-11" },
    { fromDatum: "2026-10-01", tomDatum: "2026-10-01" },
    { fromDatum: "2025-01-01", tomDatum: "2025-06-30" },
    { fromDatum: "2026-11-01", tomDatum: "2027-01-31" },
  ];
  const today = "2026-11-20";

  function kontrollera(svar: GetUnemploymentBenefitPaymentResponse, period: Tidsperiod, label: string) {
    for (const a of svar.ArbetsloshetsersattningLista) {
      for (const u of a.Utbetalningar) {
        const l = `${label} ${a.SvarandeOrganisation} ${u.Utbetalningsdatum}`;
        expect(u.AvserFrom >= period.fromDatum, l).toBe(true);
        expect(u.AvserFrom <= u.AvserTom, l).toBe(true);
        expect(u.AvserTom <= u.Utbetalningsdatum, l).toBe(true);
        expect(u.Utbetalningsdatum <= period.tomDatum, l).toBe(true);
        expect(u.Utbetalningsdatum <= today, l).toBe(true);
        expect(u.NettoEfterSkatt, l).toMatch(/^\d+\.\d{2}$/);
        expect(u.NettoEfterAvdrag, l).toMatch(/^\d+\.\d{2}$/);
        expect(Number(u.NettoEfterAvdrag) <= Number(u.NettoEfterSkatt), l).toBe(true);
        expect(Number(u.Ersattningsdagar), l).toBeGreaterThan(0);
        for (const s of a.Avstangningar)
          expect(
            u.AvserTom < s.AvstangdFrom || u.AvserFrom > s.AvstangdTom,
            `${l} overlaps a suspension`,
          ).toBe(true);
        const beslut = a.AnsoktOmErsattning?.BeslutOmRattTillErsattning;
        expect(beslut, `${l}: a payment needs a decision`).toBeTruthy();
        expect(beslut! <= u.Utbetalningsdatum, `${l}: decision before payment`).toBe(true);
      }
      for (const s of a.Avstangningar) {
        expect(s.AvstangdFrom <= s.AvstangdTom).toBe(true);
        expect(s.AvstangdFrom >= period.fromDatum && s.AvstangdTom <= period.tomDatum, label).toBe(true);
      }
    }
  }

  it("payments fall inside the asked period, after their decision, with 2-decimal amounts", async () => {
    for (const period of PERIODER)
      for (const p of SO_PERSONAS) {
        const u = await anropa(fragaMed(p.personidentitet, period));
        kontrollera(svarAv(u.xml), period, `${p.id} ${period.fromDatum}..${period.tomDatum}`);
      }
  });

  it("generated persons' payments keep the same rules", async () => {
    const pop = new Population(42);
    let kontrollerade = 0;
    for (const pid of genererade(60, 1950)) {
      if (kontrollerade >= 8) break;
      if (!pop.hitta(pid)?.kallor.includes("SO")) continue;
      kontrollerade++;
      for (const period of PERIODER)
        kontrollera(svarAv(await anropaMed(ctx, fragaMed(pid, period))), period, pid);
    }
    expect(kontrollerade).toBeGreaterThan(0);
  });

  // The reference persona of the pacts and the consumer session: one a-kassa (the pacts hold the
  // shape of its one Arbetsloshetsersattning exactly).
  it("arbetslos-akassa: IF Metall, weekly five days, 3 672 kr after tax, no deductions", async () => {
    const svar = svarAv((await anropa(testFraga(persona("arbetslos-akassa").personidentitet))).xml);
    expect(svar.ArbetsloshetsersattningLista).toHaveLength(1);
    const a = svar.ArbetsloshetsersattningLista[0]!;
    expect(a.SvarandeOrganisation).toBe("IF Metalls a-kassa");
    expect(a.StatusSvarandeOrganisation).toBe("OK");
    expect(a.Utbetalningar.length).toBe(8);
    for (const u of a.Utbetalningar) {
      expect(u).toMatchObject({
        NettoEfterSkatt: "3672.00",
        NettoEfterAvdrag: "3672.00",
        Ersattningsdagar: "5",
      });
    }
    const starter = a.Utbetalningar.map((u) => Date.parse(u.AvserFrom));
    for (let i = 1; i < starter.length; i++) expect(starter[i]! - starter[i - 1]!).toBe(7 * 86_400_000);
  });

  it("af-501-ej-inlamnad: Unionens, payments before one suspension inside the period, none after", async () => {
    const svar = svarAv((await anropa(testFraga(persona("af-501-ej-inlamnad").personidentitet))).xml);
    const a = svar.ArbetsloshetsersattningLista[0]!;
    expect(a.SvarandeOrganisation).toBe("Unionens a-kassa");
    expect(a.Avstangningar).toHaveLength(1);
    const s = a.Avstangningar[0]!;
    expect(s.AvstangdFrom > TEST_PERIOD.fromDatum && s.AvstangdTom < TEST_PERIOD.tomDatum).toBe(true);
    expect(a.Utbetalningar.length).toBeGreaterThan(0);
    for (const u of a.Utbetalningar) expect(u.AvserTom < s.AvstangdFrom).toBe(true);
  });

  it("akassa-ansokan-pagar: Akademikernas, application in, decision nil, no payments", async () => {
    const svar = svarAv((await anropa(testFraga(persona("akassa-ansokan-pagar").personidentitet))).xml);
    expect(svar.ArbetsloshetsersattningLista).toEqual([
      {
        SvarandeOrganisation: "Akademikernas a-kassa",
        StatusSvarandeOrganisation: "OK",
        Utbetalningar: [],
        Avstangningar: [],
        AnsoktOmErsattning: { BeslutOmRattTillErsattning: null, AnsokanOmUtbetalningInlamnad: true },
      },
      {
        SvarandeOrganisation: "Lärarnas a-kassa",
        StatusSvarandeOrganisation: "Ingen uppgift",
        Utbetalningar: [],
        Avstangningar: [],
      },
    ]);
  });

  it("flera-akassor: Byggnads then Unionens, both paying inside the period, no overlap", async () => {
    const svar = svarAv((await anropa(testFraga(persona("flera-akassor").personidentitet))).xml);
    const [byggnads, unionen] = svar.ArbetsloshetsersattningLista;
    expect(byggnads?.SvarandeOrganisation).toBe("Byggnads a-kassa");
    expect(unionen?.SvarandeOrganisation).toBe("Unionens a-kassa");
    expect(byggnads!.Utbetalningar.length).toBeGreaterThan(0);
    expect(unionen!.Utbetalningar.length).toBeGreaterThan(0);
    const sistaByggnads = byggnads!.Utbetalningar.at(-1)!.AvserTom;
    expect(sistaByggnads < unionen!.Utbetalningar[0]!.AvserFrom).toBe(true);
  });

  it("hela-kedjan: Kommunals, with a deduction after tax", async () => {
    const svar = svarAv((await anropa(testFraga(persona("hela-kedjan").personidentitet))).xml);
    const a = svar.ArbetsloshetsersattningLista[0]!;
    expect(a.SvarandeOrganisation).toBe("Kommunals a-kassa");
    expect(a.Utbetalningar.length).toBeGreaterThan(0);
    for (const u of a.Utbetalningar)
      expect(Number(u.NettoEfterAvdrag)).toBeLessThan(Number(u.NettoEfterSkatt));
  });

  it("no payment lies in the future, and the 300-day limit holds over a long period", async () => {
    const pid = persona("arbetslos-akassa").personidentitet;
    const senare = testContext(42, "2027-12-31T10:00:00+01:00");
    const svar = svarAv(
      await anropaMed(senare, fragaMed(pid, { fromDatum: "2026-01-01", tomDatum: "2027-12-31" })),
    );
    const dagar = svar.ArbetsloshetsersattningLista[0]!.Utbetalningar.reduce(
      (s, u) => s + Number(u.Ersattningsdagar),
      0,
    );
    expect(dagar).toBe(MAX_ERSATTNINGSDAGAR);
    const framtid = svarAv(
      await anropaMed(ctx, fragaMed(pid, { fromDatum: "2026-12-01", tomDatum: "2026-12-31" })),
    );
    expect(framtid.ArbetsloshetsersattningLista[0]!.Utbetalningar).toEqual([]);
  });

  it("a period before the stories began holds no payments and no suspensions", async () => {
    for (const p of SO_PERSONAS) {
      const svar = svarAv(
        (await anropa(fragaMed(p.personidentitet, { fromDatum: "2025-01-01", tomDatum: "2025-06-30" }))).xml,
      );
      for (const a of svar.ArbetsloshetsersattningLista) {
        expect(a.Utbetalningar, p.id).toEqual([]);
        expect(a.Avstangningar, p.id).toEqual([]);
      }
    }
  });

  it("every named persona with SO in kallor has FAKTA, and FAKTA names only such personas", () => {
    expect(new Set(Object.keys(FAKTA))).toEqual(
      new Set(ALLA_PERSONAS.filter((p) => p.kallor.includes("SO")).map((p) => p.id)),
    );
  });
});

describe("SO tolka never throws on a bad answer", () => {
  const f = testFraga("199608239829");
  const fel = async (res: Response) => {
    const s = await tolka(res, f, KONTRAKT);
    if (!arFel(s)) throw new Error(`expected an error section, got ${JSON.stringify(s).slice(0, 200)}`);
    expect(s.error.kalla).toBe("BT");
    expect(s.error.felmeddelande.length).toBeGreaterThan(0);
    expect(s.error.felmeddelande.every((m) => m.length > 0)).toBe(true);
    expect(JSON.stringify(s)).not.toContain("199608239829");
    return s.error;
  };
  const xmlSvar = (body: XmlElement, status = 200) =>
    new Response(soapEnvelope(body), { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  const bra = () => encodeResponse({ ...soSimulatorFraga("199608239829"), ArbetsloshetsersattningLista: [] });

  it("an HTML error page with 502 → HTTP_502", async () => {
    const e = await fel(new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 }));
    expect(e.felkod).toBe("HTTP_502");
  });

  it("an empty 500 → HTTP_500; a 503 with a SOAP body that is not a fault → HTTP_503", async () => {
    expect((await fel(new Response("", { status: 500 }))).felkod).toBe("HTTP_500");
    expect((await fel(xmlSvar(bra(), 503))).felkod).toBe("HTTP_503");
  });

  it("non-XML with 200 → MALFORMED", async () => {
    expect((await fel(new Response("{ inte: xml }", { status: 200 }))).felkod).toBe("MALFORMED");
  });

  it("the wrong Body element, or an answer breaking the XSD → MALFORMED naming the path", async () => {
    expect((await fel(xmlSvar(el(SO_NS, "NagotAnnat")))).felkod).toBe("MALFORMED");
    const utanLista = {
      ...bra(),
      children: bra().children.filter(
        (c) => c.kind !== "element" || c.local !== "ArbetsloshetsersattningLista",
      ),
    };
    const e = await fel(xmlSvar(utanLista));
    expect(e.felkod).toBe("MALFORMED");
    expect(e.felmeddelande.join(" ")).toContain("ArbetsloshetsersattningLista");
  });

  it("a broken amount (not a decimal) → MALFORMED", async () => {
    const svar = encodeResponse({
      ...soSimulatorFraga("199608239829"),
      ArbetsloshetsersattningLista: [
        {
          SvarandeOrganisation: "IF Metalls a-kassa",
          StatusSvarandeOrganisation: "OK",
          Utbetalningar: [
            {
              Utbetalningsdatum: "2026-10-06",
              NettoEfterSkatt: "3 672 kr",
              NettoEfterAvdrag: "3672.00",
              Ersattningsdagar: "5",
              AvserFrom: "2026-09-28",
              AvserTom: "2026-10-04",
            },
          ],
          Avstangningar: [],
        },
      ],
    });
    expect((await fel(xmlSvar(svar))).felkod).toBe("MALFORMED");
  });

  it("a SOAP Fault with our detail → its Felkod; without detail → SOAP_FAULT", async () => {
    const res = await fetch(fetchRequest(begaran(testFraga("19960823982"), ENDPOINT, KONTRAKT)));
    expect(await tolka(res, testFraga("19960823982"), KONTRAKT)).toMatchObject({
      error: { kalla: "BT", felkod: "OGILTIGT_IDENTIFIKATIONSNUMMER" },
    });
    const bare = `<s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Timeout mot a-kassa 199608239829</faultstring></s:Fault></s:Body></s:Envelope>`;
    const e = await fel(new Response(bare, { status: 500 }));
    expect(e.felkod).toBe("SOAP_FAULT");
    expect(e.felmeddelande.join(" ")).toContain("19960823-****");
  });

  it("an answer about another person → FEL_PERSON", async () => {
    const annan = encodeResponse({ ...soSimulatorFraga("199701119928"), ArbetsloshetsersattningLista: [] });
    expect((await fel(xmlSvar(annan))).felkod).toBe("FEL_PERSON");
  });

  it("a body stream that fails → an error section", async () => {
    const stream = new ReadableStream({
      start(c) {
        c.error(new Error("connection reset"));
      },
    });
    const e = await fel(new Response(stream, { status: 200 }));
    expect(e.felkod).toBe("MALFORMED");
  });

  it("a good, pretty-printed answer gives data re-encoded strictly (no whitespace text nodes)", async () => {
    const pid = persona("arbetslos-akassa").personidentitet;
    const svar = svarAv((await anropa(testFraga(pid))).xml);
    const pretty = serializeXml(encodeResponse(svar), { prefixes: PREFIXES }).replace(/></g, ">\n  <");
    const envelope = `<s:Envelope xmlns:s="${NS.soap}"><s:Body>${pretty}</s:Body></s:Envelope>`;
    const data = dataAv(await tolka(new Response(envelope, { status: 200 }), testFraga(pid), KONTRAKT));
    const blanka = (e: XmlElement): number =>
      e.children.reduce((n, c) => n + (c.kind === "text" ? (c.text.trim() === "" ? 1 : 0) : blanka(c)), 0);
    expect(data.reduce((n, d) => n + blanka(d), 0)).toBe(0);
    expect(decodeResponse(el(SO_NS, "GetUnemploymentBenefitPaymentResponse", data))).toEqual(svar);
  });
});

describe("SO codec round trip", () => {
  it("encode → serialize → parse → decode gives the same request and answer, nil included", async () => {
    const q = soSimulatorFraga("199608239829");
    const req = {
      ...q,
      OrganisationsnummerPersonuppgiftsbitrade: ["1", "2"],
      NamnPersonuppgiftsbitrade: ["A", "B"],
    };
    expect(decodeRequest(parseXml(serializeXml(encodeRequest(req), { prefixes: PREFIXES })))).toEqual(req);
    for (const p of SO_PERSONAS) {
      const svar = svarAv((await anropa(testFraga(p.personidentitet))).xml);
      expect(decodeResponse(parseXml(serializeXml(encodeResponse(svar), { prefixes: PREFIXES })))).toEqual(
        svar,
      );
    }
  });

  it("rejects a nil decision that has content, and xsi:nil where the XSD does not allow it", () => {
    const nilMedText: XmlElement = {
      kind: "element",
      ns: SO_NS,
      local: "BeslutOmRattTillErsattning",
      attrs: [{ ns: NS.xsi, local: "nil", value: "true" }],
      children: [{ kind: "text", text: "2026-01-01" }],
    };
    const ansokan = (beslut: XmlElement) =>
      el(SO_NS, "AnsoktOmErsattning", [beslut, el(SO_NS, "AnsokanOmUtbetalningInlamnad", ["true"])]);
    const svar = (ansokanEl: XmlElement) =>
      el(SO_NS, "GetUnemploymentBenefitPaymentResponse", [
        ...childElements(encodeRequest(soSimulatorFraga("199608239829"))),
        el(SO_NS, "ArbetsloshetsersattningLista", [
          el(SO_NS, "Arbetsloshetsersattning", [
            el(SO_NS, "SvarandeOrganisation", ["Alfa-kassan"]),
            el(SO_NS, "StatusSvarandeOrganisation", ["OK"]),
            ansokanEl,
          ]),
        ]),
      ]);
    expect(() => decodeResponse(svar(ansokan(nilMedText)))).toThrow(ContractViolation);
    const nilPaBoolean = el(SO_NS, "AnsoktOmErsattning", [
      el(SO_NS, "BeslutOmRattTillErsattning", ["2026-01-01"]),
      { ...el(SO_NS, "AnsokanOmUtbetalningInlamnad"), attrs: [{ ns: NS.xsi, local: "nil", value: "true" }] },
    ]);
    expect(() => decodeResponse(svar(nilPaBoolean))).toThrow(/nil/);
    expect(
      decodeResponse(svar(ansokan(el(SO_NS, "BeslutOmRattTillErsattning", ["2026-01-01"]))))
        .ArbetsloshetsersattningLista[0],
    ).toMatchObject({ AnsoktOmErsattning: { BeslutOmRattTillErsattning: "2026-01-01" } });
  });
});
