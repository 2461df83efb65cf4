import fc from "fast-check";
import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractViolation } from "../../contract/errors.js";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import {
  decodeBeskattningsuppgifterRequest,
  decodeFraga,
  decodeSkvException,
  decodeSvar,
  encodeBeskattningsuppgifterResponse,
  encodeFraga,
  encodeSvar,
  serializeSkvDokument,
} from "../../contract/skv/codec.js";
import {
  SKV_DOKUMENT_NS,
  type SkvException,
  type SvarBeskattningsuppgifter,
} from "../../contract/skv/model.js";
import { DELFELKOD } from "../../contract/skv/v11-model.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  soapEnvelope,
  soapFaultEnvelope,
} from "../../contract/soap/envelope.js";
import type { Sektion, SsbtFraga, Tidsperiod } from "../../contract/ssbt/model.js";
import { el, findChild, textOf, type XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { escapeText, serializeXml } from "../../contract/xml/serialize.js";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { TEST_PERIOD, testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR, readReference } from "../../test/support/reference.js";
import {
  SSBT10_XSD,
  SSBT11_XSD,
  schemaBatch,
  validateAgainst,
  XSD_BATCH_TIMEOUT,
} from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import {
  fragaTillSkv,
  inkomstarFor,
  skvBegaran,
  skvForkontroll,
  skvTolka,
} from "../aggregator/klienter/skv.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { PERSONAS as ALLA_PERSONAS } from "../population/population.js";
import { FAKTA, STATUSKOD } from "./data.js";
import { MEDDELANDEKOD, SYSTEMVERSION } from "./errors.js";
import { SKV_PATH, skvEndpoint } from "./handlers.js";
import { skvSimulator } from "./index.js";

const SKV_XSD = "se/rsv/zg/bs/service/ws/beskattningws/ZgBsBeskattningWSService_schema.xsd";
const URL = `http://skv.test${SKV_PATH}`;
/** Every persona but those whose story makes Skatteverket answer 9071500 (tested on their own). */
const PERSONAS = ALLA_PERSONAS.filter((p) => !FAKTA[p.id]?.fel);
const FEL_PERSONAS = ALLA_PERSONAS.filter((p) => FAKTA[p.id]?.fel);

const V10: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const INVALID_ID = "199001011234"; // the reference client's identity: wrong check digit

const server = setupServer(mswHandler(skvEndpoint(testContext())));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

/** What came back for one question: HTTP status, raw text, the Body child. */
interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  body: XmlElement;
}

async function ask(fraga: SsbtFraga): Promise<Answer> {
  const res = await fetch(fetchRequest(skvBegaran(fraga, URL, V10)));
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    text,
    body: parseSoapEnvelope(text).body,
  };
}

/** The same question answered by handlers of another context (own seed or clock), in-process. */
async function askWith(ctx: SimulatorContext, fraga: SsbtFraga): Promise<string> {
  const res = await getResponse([mswHandler(skvEndpoint(ctx))], fetchRequest(skvBegaran(fraga, URL, V10)));
  if (!res) throw new Error("no handler answered");
  return res.text();
}

/** POSTs a raw body to the endpoint. */
async function post(body: string): Promise<Answer> {
  const res = await fetch(URL, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    text,
    body: parseSoapEnvelope(text).body,
  };
}

function svarOf(a: Answer): SvarBeskattningsuppgifter {
  return decodeSvar(textOf(findChild(a.body, "", "svar")!));
}

function exceptionOf(a: Answer): SkvException {
  const fault = readSoapFault(a.body);
  expect(fault, `expected a SOAP Fault, got ${a.text.slice(0, 200)}`).toBeDefined();
  expect(fault!.detail?.ns).toBe(NS.skv);
  expect(fault!.detail?.local).toBe("Exception");
  return decodeSkvException(fault!.detail!);
}

/** Asserts an answer is Skatteverket's fault with this code, sent as HTTP 500 with no stack trace. */
function expectFault(a: Answer, kod: number): SkvException {
  expect(a.status).toBe(500);
  expect(a.contentType).toContain("text/xml");
  const x = exceptionOf(a);
  expect(x.MeddelandeKod).toBe(kod);
  expect(x.MeddelandeText?.length).toBeGreaterThan(0);
  expect(x.Systemversion).toBe(SYSTEMVERSION);
  expect(a.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|TypeError|ReferenceError/);
  const fault = readSoapFault(a.body)!;
  expect(fault.faultcode).toBe(kod >= 9071500 ? "soap:Server" : "soap:Client");
  return x;
}

function withPeriod(pid: string, period: Tidsperiod): SsbtFraga {
  return testFraga(pid, period);
}

function withIngivare(pid: string, organisationsnummer: string): SsbtFraga {
  const f = testFraga(pid);
  f.generellaFrageparametrar.ingivare.organisationsnummer = organisationsnummer;
  return f;
}

const serialize = (e: XmlElement) => serializeXml(e, { prefixes: PREFIXES });

/** The SKV section inside a composite answer, to validate against the ssbt/10 XSD. */
function inSsbtSvar(sektion: Sektion, ns: string = NS.ssbt10): string {
  let inner: XmlElement[];
  if ("data" in sektion) inner = [el(ns, "data", sektion.data)];
  else if ("error" in sektion)
    inner = [
      el(ns, "error", [
        el(ns, "kalla", [sektion.error.kalla]),
        el(ns, "felkod", [sektion.error.felkod]),
        ...sektion.error.felmeddelande.map((m) => el(ns, "felmeddelande", [m])),
      ]),
    ];
  else inner = sektion.delar;
  return serialize(
    el(ns, "hamtaBastjanstInformationResponse", [el(ns, "svarsdata", [el(ns, "SKV", inner)])]),
  );
}

const GENERATED = [
  "19800101",
  "19550505",
  "19721212",
  "20000202",
  "19630915",
  "19911130",
  "19480704",
  "20090311",
]
  .flatMap((d) => [testIdentitet(d, "123"), testIdentitet(d, "456")])
  .filter((id) => !PERSONAS.some((p) => p.personidentitet === id));

const SKV_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("SKV"));
const persona = (id: string) => {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown persona ${id}`);
  return p;
};

// -------------------------------------------------------------------------------------------------

describe("skvSimulator", () => {
  it("is Skatteverket at /skv/beskattningws", () => {
    expect(skvSimulator.kod).toBe("SKV");
    expect(skvSimulator.namn).toBe("Skatteverket");
    expect(skvSimulator.path).toBe("/skv/beskattningws");
    expect([mswHandler(skvSimulator.endpoint(testContext()))]).toHaveLength(1);
  });

  it("has facts for exactly the named personas whose kallor include SKV", () => {
    expect(Object.keys(FAKTA).sort()).toEqual(
      ALLA_PERSONAS.filter((p) => p.kallor.includes("SKV"))
        .map((p) => p.id)
        .sort(),
    );
  });
});

/** An answer whose name holds markup characters (escaped in the document, and again in the composite answer). */
const SVAR_MED_MARKUP: SvarBeskattningsuppgifter = {
  PersonuppgiftLista: [
    {
      IdentitetsbeteckningFysiskPerson: "199608239829",
      Fornamn: "Oskar",
      Efternamn: "Bergström & <son>",
      StatusPersonuppgiftKod: "999",
      Kapitaluppgift: [
        { Taxeringsar: 2026, SummaIntakterPaKapital: 1, OverskottPaKapital: 0, UnderskottPaKapital: 5 },
      ],
      Inkomstuppgift: [{ Taxeringsar: 2026, InkomstSarskildInkomstskatt: 7 }],
    },
  ],
};

describe("serializeSkvDokument", () => {
  // What escapeText would give without the writer's remembered escape (a copy of the text is
  // another string object, but escaping is per character).
  const fresh = (t: string) =>
    t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\r", "&#13;");

  it("remembers the escape of what it writes: the same as escaping the document afresh", () => {
    const { instans, besko } = SKV_DOKUMENT_NS;
    const tecken = fc.constantFrom("a", "9", " ", "å", "&", "<", ">", "\r", "\n", '"', "'");
    fc.assert(
      fc.property(
        fc.array(fc.array(tecken, { maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.array(tecken, { maxLength: 20 }),
        (texter, attribut) => {
          const dokument = serializeSkvDokument(
            el(instans, "Svar", [
              ...texter.map((t) => el(besko, "Text", [t.join("")])),
              el(instans, "Tom", [], { varde: attribut.join("") }),
            ]),
          );
          expect(escapeText(dokument)).toBe(fresh(dokument));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("an answer document with markup in a name, as the composite answer escapes it", () => {
    const dokument = encodeSvar(SVAR_MED_MARKUP);
    expect(dokument).toContain("Bergström &amp; &lt;son&gt;");
    expect(escapeText(dokument)).toBe(fresh(dokument));
    expect(escapeText(dokument)).toContain("Bergström &amp;amp; &amp;lt;son&amp;gt;");
  });
});

describe("fetchRequest(client.begaran(SSBT → Skatteverket))", () => {
  it('sends a SOAP 1.1 POST with SOAPAction "" and a BeskattningsuppgifterRequest', async () => {
    const req = fetchRequest(skvBegaran(testFraga("199608239829"), URL, V10));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(URL);
    expect(req.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(req.headers.get("soapaction")).toBe('""');
    const { body } = parseSoapEnvelope(await req.text());
    expect(body.ns).toBe(NS.skv);
    expect(body.local).toBe("BeskattningsuppgifterRequest");
    const forfragan = findChild(body, "", "forfragan");
    expect(forfragan, "forfragan must be unqualified").toBeDefined();
  });

  it("maps ingivare, handläggare, ärende, syfte, lagtext, biträden, person, period and income years", async () => {
    const f = testFraga("199608239829", { fromDatum: "2026-03-01", tomDatum: "2026-05-31" });
    f.generellaFrageparametrar.personuppgiftsbitrade = [
      { ordningsnummer: 1, organisationsnummer: "556677889900", namn: "Systemleverantören AB" },
      { organisationsnummer: "559900112233", namn: "Driftbolaget AB" },
    ];
    const req = fetchRequest(skvBegaran(f, URL, V10));
    const q = decodeFraga(
      decodeBeskattningsuppgifterRequest(parseSoapEnvelope(await req.text()).body).forfragan,
    );
    const g = f.generellaFrageparametrar;
    expect(q.Ingivare).toEqual({
      OrganisationsnummerIngivare: g.ingivare.organisationsnummer,
      NamnIngivare: g.ingivare.namn,
      Handlaggare: g.ingivare.handlaggare,
    });
    expect(q.Referensnummer).toBe(g.arendeidentitet);
    expect(q.Syfte).toBe(g.syfte);
    expect(q.Lagrum).toBe(g.lagtext);
    expect(q.IdentitetsbeteckningFysiskPerson).toBe("199608239829");
    expect(q.Frageperiod).toEqual({ FromDatum: "2026-03-01", TomDatum: "2026-05-31" });
    expect(q.Inkomstar).toEqual([2025, 2024]);
    expect(q.PersonuppgiftsbitradeLista).toEqual([
      { Ordningsnummer: 1, Organisationsnummer: "556677889900", Namn: "Systemleverantören AB" },
      { Organisationsnummer: "559900112233", Namn: "Driftbolaget AB" },
    ]);
  });

  it("derives the income years from the period: the year before the start year and the one before", () => {
    expect(inkomstarFor(TEST_PERIOD)).toEqual([2025, 2024]);
    expect(inkomstarFor({ fromDatum: "2025-12-01", tomDatum: "2026-02-28" })).toEqual([2024, 2023]);
  });

  it("calls Skatteverket for ssbt/10 and ssbt/11 alike (v11 is covered in skv-v11.test.ts)", () => {
    expect(skvForkontroll(testFraga("199608239829"), V10)).toBeUndefined();
    expect(skvForkontroll(testFraga("199608239829"), { version: "v11", ns: NS.ssbt11 })).toBeUndefined();
  });

  it.skipIf(!REFERENCE_DIR)(
    "a whole-call error section is also a valid v11 SKV section (overall error)",
    async () => {
      const e = {
        kalla: "SSBT" as const,
        felkod: "SSBT-2001",
        felmeddelande: ["Skatteverket svarade inte i tid."],
      };
      const r = await validateAgainst(inSsbtSvar({ error: e }, NS.ssbt11), SSBT11_XSD, "ssbtek-v11/contract");
      expect(r.errors).toEqual([]);
    },
  );
});

describe.skipIf(!REFERENCE_DIR)("every named persona against the official XSD", () => {
  // Every persona's exchange first, then one libxml2 run per schema (see schemaBatch).
  const checks = schemaBatch(PERSONAS, async (p) => {
    const fraga = testFraga(p.personidentitet);
    const req = fetchRequest(skvBegaran(fraga, URL, V10));
    const reqBody = parseSoapEnvelope(await req.clone().text()).body;
    const res = await fetch(req);
    const text = await res.text();
    const body = parseSoapEnvelope(text).body;
    const sektion = await skvTolka(
      new Response(text, { status: 200, headers: { "Content-Type": "text/xml" } }),
      fraga,
      V10,
    );
    return {
      value: { status: res.status, body, sektion },
      documents: {
        request: { xml: serialize(reqBody), schema: SKV_XSD },
        answer: { xml: serialize(body), schema: SKV_XSD },
        section: { xml: inSsbtSvar(sektion), schema: SSBT10_XSD },
      },
    };
  });
  beforeAll(checks.run, XSD_BATCH_TIMEOUT);

  it.each(PERSONAS.map((p) => [p.id, p] as const))("%s", async (id, p) => {
    const { value, results } = await checks.of(p);
    const { status, body, sektion } = value;
    expect(results.request.errors, `${id} request`).toEqual([]);

    expect(status).toBe(200);
    expect(results.answer.errors, `${id} answer`).toEqual([]);
    expect(results.answer.valid).toBe(true);

    // The svar string is a well-formed document that our strict decoder reads.
    const svar = decodeSvar(textOf(findChild(body, "", "svar")!));
    expect(svar.PersonuppgiftLista.length).toBeGreaterThan(0);
    for (const post of svar.PersonuppgiftLista)
      expect(post.IdentitetsbeteckningFysiskPerson).toBe(p.personidentitet);

    expect("data" in sektion, JSON.stringify(sektion)).toBe(true);
    expect(results.section.errors, `${id} section`).toEqual([]);
  });
});

describe("answer content", () => {
  it("gives names, status 999 and both income years for an ordinary taxed person", async () => {
    const svar = svarOf(await ask(testFraga("199608239829")));
    expect(svar.PersonuppgiftLista).toHaveLength(1);
    const p = svar.PersonuppgiftLista[0]!;
    expect(p).toMatchObject({
      Fornamn: "Oskar",
      Efternamn: "Bergström",
      StatusPersonuppgiftKod: STATUSKOD.uppgifterLamnade,
    });
    expect(p.Kapitaluppgift.map((k) => k.Taxeringsar)).toEqual([2026, 2025]);
    expect(p.Kapitaluppgift[0]).toEqual({
      Taxeringsar: 2026,
      SummaIntakterPaKapital: 1240,
      OverskottPaKapital: 1240,
    });
    expect(p.Inkomstuppgift[0]).toEqual({
      Taxeringsar: 2026,
      LonFormanerSjukpenning: 356_400,
      FaststalldForvarvsinkomst: 356_400,
    });
  });

  it("answers 010 without names or data for a person Skatteverket does not hold", async () => {
    for (const id of ["ej-traff", "af-500-ej-i-alf", "skyddad-identitet"]) {
      const svar = svarOf(await ask(testFraga(persona(id).personidentitet)));
      expect(svar.PersonuppgiftLista, id).toEqual([
        {
          IdentitetsbeteckningFysiskPerson: persona(id).personidentitet,
          StatusPersonuppgiftKod: STATUSKOD.ejTraff,
          Kapitaluppgift: [],
          Inkomstuppgift: [],
        },
      ]);
    }
  });

  it("withholds names for a protected person but gives the taxation (030)", async () => {
    const a = await ask(testFraga(persona("sekretess-pensionar").personidentitet));
    const p = svarOf(a).PersonuppgiftLista[0]!;
    expect(p.StatusPersonuppgiftKod).toBe(STATUSKOD.skyddadePersonuppgifter);
    expect(p.Fornamn).toBeUndefined();
    expect(p.Efternamn).toBeUndefined();
    expect(a.text).not.toContain("Sekretess");
    expect(p.Inkomstuppgift[0]?.AllmanPensionOchTjanstepension).toBe(134_400);
  });

  it("gives näringsinkomst and capital income for the företagare, once the final tax is decided", async () => {
    const pid = persona("foretagare").personidentitet;
    // On 2026-11-20 a näringsidkare's final tax for 2025 is not decided (2026-12-15, as v11's
    // 9071005 says): only inkomstår 2024 is given.
    const p = svarOf(await ask(testFraga(pid))).PersonuppgiftLista[0]!;
    expect(p.Inkomstuppgift.map((u) => u.Taxeringsar)).toEqual([2025]);
    expect(p.Inkomstuppgift[0]?.OverskottAvAktivNaringsverksamhet).toBe(287_500);
    expect(p.Inkomstuppgift[0]?.LonFormanerSjukpenning).toBeUndefined();
    expect(p.Kapitaluppgift[0]).toMatchObject({ SummaIntakterPaKapital: 41_700, OverskottPaKapital: 41_700 });
    const text = await askWith(testContext(42, "2026-12-21T10:00:00+01:00"), testFraga(pid));
    const senare = svarOf({ status: 200, contentType: null, text, body: parseSoapEnvelope(text).body })
      .PersonuppgiftLista[0]!;
    expect(senare.Inkomstuppgift[0]?.Taxeringsar).toBe(2026);
    expect(senare.Inkomstuppgift[0]?.OverskottAvAktivNaringsverksamhet).toBe(312_000);
    expect(senare.Kapitaluppgift[0]).toMatchObject({ SummaIntakterPaKapital: 48_200 });
  });

  it("gives pension income for the pensioner", async () => {
    const p = svarOf(await ask(testFraga(persona("pensionar-bostadstillagg").personidentitet)))
      .PersonuppgiftLista[0]!;
    expect(p.Inkomstuppgift[0]).toMatchObject({
      AllmanPensionOchTjanstepension: 118_200,
      FaststalldForvarvsinkomst: 118_200,
    });
    expect(p.Kapitaluppgift[0]?.SummaIntakterPaKapital).toBe(3_412);
  });

  it("reports a capital deficit as UnderskottPaKapital with OverskottPaKapital 0", async () => {
    const p = svarOf(await ask(testFraga(persona("bilagare").personidentitet))).PersonuppgiftLista[0]!;
    expect(p.Kapitaluppgift[0]).toEqual({
      Taxeringsar: 2026,
      SummaIntakterPaKapital: 85,
      OverskottPaKapital: 0,
      UnderskottPaKapital: 6_155,
    });
  });

  it("gives only SINK income for the begränsat skattskyldig season worker (060)", async () => {
    const p = svarOf(await ask(testFraga(persona("samordningsnummer-sasongsarbetare").personidentitet)))
      .PersonuppgiftLista[0]!;
    expect(p).toMatchObject({
      Fornamn: "Tomasz",
      Efternamn: "Kowalski",
      StatusPersonuppgiftKod: STATUSKOD.begransatSkattskyldig,
    });
    expect(p.Kapitaluppgift).toEqual([]);
    expect(p.Inkomstuppgift).toEqual([
      { Taxeringsar: 2026, InkomstSarskildInkomstskatt: 168_000 },
      { Taxeringsar: 2025, InkomstSarskildInkomstskatt: 154_000 },
    ]);
  });

  it("shows the sale of the flat in inkomstår 2025 whichever period is asked: one history", async () => {
    const pid = persona("efterlevande").personidentitet;
    const nu = svarOf(await ask(withPeriod(pid, TEST_PERIOD))).PersonuppgiftLista[0]!.Kapitaluppgift;
    expect(nu.find((k) => k.Taxeringsar === 2026)?.SummaIntakterPaKapital).toBe(456_647);
    expect(nu.find((k) => k.Taxeringsar === 2025)?.SummaIntakterPaKapital).toBe(2_104);
    // Asked a year later on the same clock: inkomstår 2024 is the same year with the same figures.
    const fore = svarOf(await ask(withPeriod(pid, { fromDatum: "2025-10-01", tomDatum: "2025-12-31" })))
      .PersonuppgiftLista[0]!.Kapitaluppgift;
    expect(fore.find((k) => k.Taxeringsar === 2025)?.SummaIntakterPaKapital).toBe(2_104);
    expect(fore.find((k) => k.Taxeringsar === 2026)).toBeUndefined();
  });

  it("writes the document in Skatteverket's style: declaration, default instans namespace, besko/folko", async () => {
    const a = await ask(testFraga("199608239829"));
    const doc = textOf(findChild(a.body, "", "svar")!);
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc).toContain(
      '<SvarBeskattningsuppgifterEnligtSFS2008-975 xmlns="http://xmls.skatteverket.se/se/skatteverket/zg/instans/standardiseradInformation/1.0"',
    );
    expect(doc).toContain(
      "<folko:IdentitetsbeteckningFysiskPerson>199608239829</folko:IdentitetsbeteckningFysiskPerson>",
    );
    expect(doc).toContain("<besko:Taxeringsar>2026</besko:Taxeringsar>");
  });

  it("answers a generated person in kallor with names and data, without SKV in kallor with 010", async () => {
    const ctx = testContext();
    const ids = GENERATED;
    let med = 0;
    let utan = 0;
    for (const id of ids) {
      const g = ctx.population.hitta(id)!;
      const p = svarOf(await ask(testFraga(id))).PersonuppgiftLista[0]!;
      if (g.kallor.includes("SKV")) {
        med++;
        expect(p.StatusPersonuppgiftKod).not.toBe(STATUSKOD.ejTraff);
        if (!g.sekretess) expect(p.Fornamn).toBe(g.fornamn);
      } else {
        utan++;
        expect(p).toEqual({
          IdentitetsbeteckningFysiskPerson: id,
          StatusPersonuppgiftKod: "010",
          Kapitaluppgift: [],
          Inkomstuppgift: [],
        });
      }
    }
    expect(med).toBeGreaterThan(0);
    expect(utan).toBeGreaterThan(0);
  });
});

// -------------------------------------------------------------------------------------------------

describe("Skatteverket's error behaviour", () => {
  it("9071001 for a checksum-invalid identity, with the identity masked", async () => {
    const a = await ask(testFraga(INVALID_ID));
    const x = expectFault(a, MEDDELANDEKOD.ogiltigIdentitetsbeteckning);
    expect(x.MeddelandeText).toContain("19900101-****");
    expect(a.text).not.toContain(INVALID_ID);
  });

  it("9071001 for an identity that is not 12 digits or has no real date", async () => {
    expectFault(await ask(testFraga("19900101123")), MEDDELANDEKOD.ogiltigIdentitetsbeteckning);
    expectFault(await ask(testFraga("199013011234")), MEDDELANDEKOD.ogiltigIdentitetsbeteckning);
  });

  it("9071003 for an ingivare or processor organisationsnummer outside \\d{4}[2-9]\\d{7}", async () => {
    expectFault(await ask(withIngivare("199608239829", "162119999991")), MEDDELANDEKOD.ejBehorigIngivare);
    expectFault(await ask(withIngivare("199608239829", "16212999999")), MEDDELANDEKOD.ejBehorigIngivare);
    const f = testFraga("199608239829");
    f.generellaFrageparametrar.personuppgiftsbitrade = [
      { organisationsnummer: "556611111111", namn: "Fel AB" },
    ];
    expectFault(await ask(f), MEDDELANDEKOD.ejBehorigIngivare);
    // The pattern's boundary: a 2 in the fifth place is accepted.
    expect((await ask(withIngivare("199608239829", "162129999991"))).status).toBe(200);
  });

  it("9071004 for an income year that has not ended or is older than six years", async () => {
    const framtid = await ask(
      withPeriod("199608239829", { fromDatum: "2027-01-01", tomDatum: "2027-03-31" }),
    );
    expect(expectFault(framtid, MEDDELANDEKOD.felaktigtInkomstar).MeddelandeText).toContain("2026");
    const gammal = await ask(withPeriod("199608239829", { fromDatum: "2019-01-01", tomDatum: "2019-03-31" }));
    expectFault(gammal, MEDDELANDEKOD.felaktigtInkomstar);
    // Six ended years back (2020 at a 2026 clock) is still answered.
    expect(
      (await ask(withPeriod("199608239829", { fromDatum: "2022-01-01", tomDatum: "2022-03-31" }))).status,
    ).toBe(200);
  });

  it("9071500 (Server) during the Sunday 02–04 maintenance window, by the simulator clock", async () => {
    const fraga = testFraga("199608239829");
    const sondagNatt = await askWith(testContext(42, "2026-11-22T02:30:00+01:00"), fraga);
    const a: Answer = {
      status: 500,
      contentType: "text/xml",
      text: sondagNatt,
      body: parseSoapEnvelope(sondagNatt).body,
    };
    expectFault(a, MEDDELANDEKOD.teknisktFel);
    // Summer time is Swedish time too: 02:30 CEST is 00:30 UTC.
    expect(await askWith(testContext(42, "2026-06-21T00:30:00Z"), fraga)).toContain("Fault");
    for (const now of ["2026-11-22T04:00:00+01:00", "2026-11-21T02:30:00+01:00", "2026-11-22T01:59:00+01:00"])
      expect(await askWith(testContext(42, now), fraga), now).toContain("BeskattningsuppgifterResponse");
  });

  it("tolka turns each fault into a BT error section with felkod = MeddelandeKod", async () => {
    const cases: [SsbtFraga, number][] = [
      [testFraga(INVALID_ID), MEDDELANDEKOD.ogiltigIdentitetsbeteckning],
      [withIngivare("199608239829", "162119999991"), MEDDELANDEKOD.ejBehorigIngivare],
      [
        withPeriod("199608239829", { fromDatum: "2027-01-01", tomDatum: "2027-03-31" }),
        MEDDELANDEKOD.felaktigtInkomstar,
      ],
    ];
    for (const [fraga, kod] of cases) {
      const res = await fetch(fetchRequest(skvBegaran(fraga, URL, V10)));
      const sektion = await skvTolka(res, fraga, V10);
      expect(sektion).toMatchObject({ error: { kalla: "BT", felkod: String(kod) } });
      if ("error" in sektion) {
        expect(sektion.error.felmeddelande).toHaveLength(1);
        expect(sektion.error.felmeddelande[0]!.length).toBeGreaterThan(10);
        expect(sektion.error.felmeddelande.join(" ")).not.toContain(INVALID_ID);
      }
    }
  });

  describe.skipIf(!REFERENCE_DIR)("faults against the official XSD", () => {
    it("every fault detail is a valid skv:Exception and the error section a valid ssbt error", async () => {
      const fraga = testFraga(INVALID_ID);
      const a = await ask(fraga);
      const detail = readSoapFault(a.body)!.detail!;
      const r = await validateAgainst(serialize(detail), SKV_XSD);
      expect(r.errors).toEqual([]);
      const bad = await post("not xml at all");
      expect((await validateAgainst(serialize(readSoapFault(bad.body)!.detail!), SKV_XSD)).errors).toEqual(
        [],
      );
      const sektion = await skvTolka(new Response(a.text, { status: 500 }), fraga, V10);
      expect((await validateAgainst(inSsbtSvar(sektion), SSBT10_XSD)).errors).toEqual([]);
    });
  });
});

// -------------------------------------------------------------------------------------------------

describe("malformed requests get fault 9071002, never a stack trace", () => {
  const forfragan = (doc: string) =>
    soapEnvelope(el(NS.skv, "BeskattningsuppgifterRequest", [el("", "forfragan", [doc])]));
  const goodDoc = () => encodeFraga(fragaTillSkv(testFraga("199608239829")));

  it.each([
    ["not XML", "this is not xml"],
    ["an empty body", ""],
    ["a DOCTYPE", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'],
    [
      "a SOAP 1.2 envelope",
      '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>',
    ],
    ["an empty SOAP Body", soapEnvelope(el(NS.skv, "Dummy")).replace(/<skv:Dummy[^>]*\/>/, "")],
    ["the wrong operation", soapEnvelope(el(NS.skv, "HamtaSkatter", [el("", "forfragan", ["x"])]))],
    [
      "a qualified forfragan",
      soapEnvelope(el(NS.skv, "BeskattningsuppgifterRequest", [el(NS.skv, "forfragan", ["x"])])),
    ],
    ["a missing forfragan", soapEnvelope(el(NS.skv, "BeskattningsuppgifterRequest"))],
    [
      "two forfragan",
      soapEnvelope(
        el(NS.skv, "BeskattningsuppgifterRequest", [el("", "forfragan", ["x"]), el("", "forfragan", ["y"])]),
      ),
    ],
    ["a forfragan that is not XML", forfragan("personnummer=199608239829")],
    ["a forfragan with a DOCTYPE", forfragan('<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>')],
    ["a forfragan with another root", forfragan('<Fraga xmlns="urn:annat"/>')],
  ])("%s", async (_name, body) => {
    const a = await post(body);
    const x = expectFault(a, MEDDELANDEKOD.felaktigForfragan);
    expect(x.MeddelandeText!.startsWith("Felaktig förfrågan")).toBe(true);
  });

  it("a forfragan missing a required element names the path", async () => {
    const doc = goodDoc().replace(/<Lagrum>[^<]*<\/Lagrum>/, "");
    const x = expectFault(await post(forfragan(doc)), MEDDELANDEKOD.felaktigForfragan);
    expect(x.MeddelandeText).toContain("/Lagrum");
  });

  it("a forfragan with elements out of order, a bad date, too many or repeated years", async () => {
    const doc = goodDoc();
    const syfte = /<Syfte>[^<]*<\/Syfte>/.exec(doc)![0];
    const lagrum = /<Lagrum>[^<]*<\/Lagrum>/.exec(doc)![0];
    const bytt = doc.replace(syfte, "§§").replace(lagrum, syfte).replace("§§", lagrum);
    expectFault(await post(forfragan(bytt)), MEDDELANDEKOD.felaktigForfragan);
    expectFault(
      await post(forfragan(doc.replace("2026-09-21", "2026-02-30"))),
      MEDDELANDEKOD.felaktigForfragan,
    );
    const ar = (xs: string[]) =>
      doc.replace(
        /<InkomstarLista>.*<\/InkomstarLista>/,
        `<InkomstarLista>${xs.map((y) => `<besko:Inkomstar>${y}</besko:Inkomstar>`).join("")}</InkomstarLista>`,
      );
    expectFault(await post(forfragan(ar(["2025", "2024", "2023", "2022"]))), MEDDELANDEKOD.felaktigForfragan);
    expectFault(await post(forfragan(ar(["2025", "2025"]))), MEDDELANDEKOD.felaktigForfragan);
    expectFault(await post(forfragan(ar([]))), MEDDELANDEKOD.felaktigForfragan);
    expectFault(await post(forfragan(ar(["tjugo"]))), MEDDELANDEKOD.felaktigForfragan);
    // The untouched document is answered, so the faults above come from the changes.
    expect((await post(forfragan(doc))).status).toBe(200);
  });

  it("the fault text never carries an unmasked personnummer from the request", async () => {
    // Text where only elements may stand: the decoder quotes it, the fault masks it.
    const doc = goodDoc().replace("<Ingivare>", "<Ingivare>199608239829");
    const a = await post(forfragan(doc));
    const x = expectFault(a, MEDDELANDEKOD.felaktigForfragan);
    expect(x.MeddelandeText).toContain("19960823-****");
    expect(a.text).not.toContain("199608239829");
  });
});

// -------------------------------------------------------------------------------------------------

describe("determinism", () => {
  const generated = GENERATED.slice(0, 6);

  it("the same seed gives the same bytes, for named and generated persons", async () => {
    for (const id of [...SKV_PERSONAS.map((p) => p.personidentitet), ...generated]) {
      const a = await askWith(testContext(42), testFraga(id));
      const b = await askWith(testContext(42), testFraga(id));
      expect(a, id).toBe(b);
    }
  });

  it("a different seed changes generated persons' data but not named personas'", async () => {
    const named = persona("foretagare").personidentitet;
    expect(await askWith(testContext(7), testFraga(named))).toBe(
      await askWith(testContext(8), testFraga(named)),
    );
    const belopp = (xml: string) => {
      const svar = decodeSvar(textOf(findChild(parseSoapEnvelope(xml).body, "", "svar")!));
      return JSON.stringify(
        svar.PersonuppgiftLista.map((p) => [p.StatusPersonuppgiftKod, p.Kapitaluppgift, p.Inkomstuppgift]),
      );
    };
    let andrade = 0;
    for (const id of generated) {
      const a = belopp(await askWith(testContext(7), testFraga(id)));
      const b = belopp(await askWith(testContext(8), testFraga(id)));
      if (a !== b) andrade++;
    }
    expect(andrade).toBeGreaterThan(0);
  });
});

// -------------------------------------------------------------------------------------------------

describe("kodverk coverage", () => {
  it("a persona whose data Skatteverket cannot read gets 9071500, a BT error section in the composite answer", async () => {
    expect(FEL_PERSONAS.map((p) => p.id)).toEqual(["skv-omprovning-tekniskt-fel"]);
    for (const p of FEL_PERSONAS) {
      const fraga = testFraga(p.personidentitet);
      const a = await ask(fraga);
      expectFault(a, 9071500);
      expect(a.text).not.toContain(p.personidentitet);
      const res = await fetch(fetchRequest(skvBegaran(fraga, URL, V10)));
      const sektion = await skvTolka(res, fraga, V10);
      expect("error" in sektion && sektion.error.kalla).toBe("BT");
      expect("error" in sektion && sektion.error.felkod).toBe("9071500");
    }
  });

  it("every StatusPersonuppgiftKod appears for some named persona, and no undeclared code is sent", async () => {
    const sent = new Set<string>();
    for (const p of PERSONAS)
      for (const post of svarOf(await ask(testFraga(p.personidentitet))).PersonuppgiftLista)
        sent.add(post.StatusPersonuppgiftKod);
    const koder = kodverk("SKV.StatusPersonuppgiftKod").koder.map((k) => k.kod);
    expect([...sent].sort()).toEqual([...koder].sort());
  });

  it("every MeddelandeKod appears in a fault for a request that triggers it", async () => {
    const sent = new Set<number>();
    const record = (a: Answer) => {
      const x = exceptionOf(a);
      if (x.MeddelandeKod !== undefined) sent.add(x.MeddelandeKod);
    };
    record(await ask(testFraga(INVALID_ID)));
    record(await post("<inte-soap/>"));
    record(await ask(withIngivare("199608239829", "162119999991")));
    record(await ask(withPeriod("199608239829", { fromDatum: "2027-01-01", tomDatum: "2027-03-31" })));
    const natt = await askWith(testContext(42, "2026-11-22T03:00:00+01:00"), testFraga("199608239829"));
    record({ status: 500, contentType: "", text: natt, body: parseSoapEnvelope(natt).body });
    // 9071005 is never a fault: only an ssbt/11 part's error (see the v11 tests).
    const koder = kodverk("SKV.MeddelandeKod")
      .koder.map((k) => Number(k.kod))
      .filter((k) => k !== DELFELKOD.ejBeslutad);
    expect([...sent].sort()).toEqual([...koder].sort());
    for (const k of koder) expect(k >= 9071000 && k <= 9071999).toBe(true);
  });

  it("the coverage persona shows every status once and names only where allowed", async () => {
    const lista = svarOf(await ask(testFraga(persona("kodtackning").personidentitet))).PersonuppgiftLista;
    const kod = (k: string) => lista.find((p) => p.StatusPersonuppgiftKod === k)!;
    expect(kod("010").Fornamn).toBeUndefined();
    expect(kod("030").Fornamn).toBeUndefined();
    // Two years asked; the latest one's final tax (näringsinkomst) is decided only in December.
    expect(kod("030").Kapitaluppgift.length).toBe(1);
    expect(kod("040").Fornamn).toBe("Testa");
    expect(kod("060").Inkomstuppgift[0]?.InkomstSarskildInkomstskatt).toBeGreaterThan(0);
    const alla = kod("999");
    expect(alla.Inkomstuppgift[0]).toMatchObject({
      LonFormanerSjukpenning: expect.any(Number),
      AllmanPensionOchTjanstepension: expect.any(Number),
      OverskottAvAktivNaringsverksamhet: expect.any(Number),
    });
    expect(alla.Kapitaluppgift.some((k) => k.UnderskottPaKapital !== undefined)).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------

describe("period consistency", () => {
  const perioder: Tidsperiod[] = [
    TEST_PERIOD,
    { fromDatum: "2026-01-01", tomDatum: "2026-06-30" },
    { fromDatum: "2024-07-01", tomDatum: "2025-01-31" },
  ];

  it("reports only decided taxation before the asked period, for the years asked, with whole kronor", async () => {
    for (const period of perioder) {
      const startar = Number(period.fromDatum.slice(0, 4));
      const asked = inkomstarFor(period).map((y) => y + 1);
      for (const p of [...SKV_PERSONAS, persona("ej-traff")]) {
        const svar = svarOf(await ask(withPeriod(p.personidentitet, period)));
        for (const post of svar.PersonuppgiftLista) {
          for (const block of [...post.Kapitaluppgift, ...post.Inkomstuppgift]) {
            expect(asked, `${p.id} ${period.fromDatum}`).toContain(block.Taxeringsar);
            expect(block.Taxeringsar).toBeLessThanOrEqual(startar);
            expect(block.Taxeringsar - 1).toBeLessThan(2026);
            for (const v of Object.values(block)) {
              expect(Number.isInteger(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          for (const k of post.Kapitaluppgift)
            expect(k.OverskottPaKapital === 0 || k.UnderskottPaKapital === undefined).toBe(true);
          for (const u of post.Inkomstuppgift)
            if (u.FaststalldForvarvsinkomst !== undefined)
              expect(u.FaststalldForvarvsinkomst).toBe(
                (u.LonFormanerSjukpenning ?? 0) +
                  (u.AllmanPensionOchTjanstepension ?? 0) +
                  (u.OverskottAvAktivNaringsverksamhet ?? 0),
              );
        }
      }
    }
  });
});

// -------------------------------------------------------------------------------------------------

describe("tolka never throws on a bad answer", () => {
  const fraga = testFraga("199608239829");
  const tolka = (res: Response) => skvTolka(res, fraga, V10);
  const errorOf = async (res: Response) => {
    const s = await tolka(res);
    if (!("error" in s)) throw new Error(`expected an error section, got data`);
    expect(s.error.kalla).toBe("BT");
    expect(s.error.felmeddelande.length).toBeGreaterThan(0);
    return s.error;
  };
  const okEnvelope = (svar: string) => soapEnvelope(encodeBeskattningsuppgifterResponse({ svar }));

  it("an HTML 502 page → HTTP_502", async () => {
    const e = await errorOf(
      new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
        status: 502,
        statusText: "Bad Gateway",
      }),
    );
    expect(e.felkod).toBe("HTTP_502");
  });

  it("an empty 500 → HTTP_500", async () => {
    expect((await errorOf(new Response("", { status: 500 }))).felkod).toBe("HTTP_500");
  });

  it("non-XML with 200 → MALFORMED", async () => {
    expect((await errorOf(new Response('{"ok":true}', { status: 200 }))).felkod).toBe("MALFORMED");
  });

  it("a valid envelope with the wrong Body element → MALFORMED", async () => {
    const xml = soapEnvelope(el(NS.skv, "BeskattningsuppgifterRequest", [el("", "forfragan", ["x"])]));
    expect((await errorOf(new Response(xml))).felkod).toBe("MALFORMED");
  });

  it("a svar that is not XML, or another document → MALFORMED", async () => {
    expect((await errorOf(new Response(okEnvelope("inga uppgifter")))).felkod).toBe("MALFORMED");
    expect((await errorOf(new Response(okEnvelope('<Annat xmlns="urn:x"/>')))).felkod).toBe("MALFORMED");
  });

  it("an answer about another person → FEL_PERSON, identities masked", async () => {
    const svar = encodeSvar({
      PersonuppgiftLista: [
        {
          IdentitetsbeteckningFysiskPerson: "198901179831",
          StatusPersonuppgiftKod: "999",
          Kapitaluppgift: [],
          Inkomstuppgift: [],
        },
      ],
    });
    const e = await errorOf(new Response(okEnvelope(svar)));
    expect(e.felkod).toBe("FEL_PERSON");
    expect(e.felmeddelande.join(" ")).not.toMatch(/198901179831|199608239829/);
  });

  it("a fault without skv:Exception → SOAP_FAULT with the faultstring", async () => {
    const xml = soapFaultEnvelope({ faultcode: "Server", faultstring: "Service Unavailable" });
    const e = await errorOf(new Response(xml, { status: 500 }));
    expect(e).toEqual({ kalla: "BT", felkod: "SOAP_FAULT", felmeddelande: ["Service Unavailable"] });
  });

  it("a fault whose Exception breaks the schema → MALFORMED", async () => {
    const detail = el(NS.skv, "Exception", [el("", "MeddelandeKod", ["42"])]);
    const xml = soapFaultEnvelope({ faultcode: "Server", faultstring: "x", detail });
    expect((await errorOf(new Response(xml, { status: 500 }))).felkod).toBe("MALFORMED");
  });

  it("a body that cannot be read → MALFORMED", async () => {
    const stream = new ReadableStream({
      pull(c) {
        c.error(new Error("connection reset"));
      },
    });
    expect((await errorOf(new Response(stream))).felkod).toBe("MALFORMED");
  });
});

// -------------------------------------------------------------------------------------------------

describe("codec", () => {
  it("round-trips the question and the answer documents", () => {
    const q = fragaTillSkv(testFraga("199608239829"));
    expect(decodeFraga(encodeFraga(q))).toEqual(q);
    const s = SVAR_MED_MARKUP;
    expect(decodeSvar(encodeSvar(s))).toEqual(s);
  });

  it("strict decode names the path of a violation", () => {
    const doc = encodeSvar({
      PersonuppgiftLista: [
        {
          IdentitetsbeteckningFysiskPerson: "199608239829",
          StatusPersonuppgiftKod: "999",
          Kapitaluppgift: [{ Taxeringsar: 2026, SummaIntakterPaKapital: 1, OverskottPaKapital: 1 }],
          Inkomstuppgift: [],
        },
      ],
    });
    const broken = doc.replace(
      "<besko:SummaIntakterPaKapital>1</besko:SummaIntakterPaKapital>",
      "<besko:SummaIntakterPaKapital>1.5</besko:SummaIntakterPaKapital>",
    );
    expect(() => decodeSvar(broken)).toThrow(ContractViolation);
    try {
      decodeSvar(broken);
    } catch (e) {
      expect((e as ContractViolation).path).toContain("/Kapitaluppgift/SummaIntakterPaKapital");
    }
  });

  describe.skipIf(!REFERENCE_DIR)("Skatteverket's published sample", () => {
    it("our strict decoder and tolka accept the sample answer document", async () => {
      const xml = readReference("ssbtek-v10", "client-traffic", "test04_getFinancialAid_skv", "response.xml");
      const find = (e: XmlElement): XmlElement | undefined =>
        e.local === "svar"
          ? e
          : e.children
              .filter((c): c is XmlElement => c.kind === "element")
              .map(find)
              .find(Boolean);
      const dokument = textOf(find(parseXml(xml))!);
      const svar = decodeSvar(dokument);
      expect(svar.PersonuppgiftLista[0]?.StatusPersonuppgiftKod).toBe("999");
      expect(svar.PersonuppgiftLista[0]?.Kapitaluppgift).toHaveLength(1);
      const sample = svar.PersonuppgiftLista[0]!.IdentitetsbeteckningFysiskPerson;
      const sektion = await skvTolka(new Response(okEnvelope(dokument)), testFraga(sample), V10);
      expect("data" in sektion).toBe(true);
    });
  });

  function okEnvelope(svar: string): string {
    return soapEnvelope(encodeBeskattningsuppgifterResponse({ svar }));
  }
});
