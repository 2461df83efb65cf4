import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../../contract/soap/envelope.js";
import { arFel, type Sektion, type SsbtFraga, type Tidsperiod } from "../../contract/ssbt/model.js";
import { decodeHamtaUppgifter, decodeHamtaUppgifterResponse } from "../../contract/tns/codec.js";
import { childElements, el, type XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { TEST_PERIOD, testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR } from "../../test/support/reference.js";
import { SSBT10_XSD, schemaBatch, validateAgainst, XSD_BATCH_TIMEOUT } from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { PERSONAS } from "../population/population.js";
import { agdUnderPerioden, FAKTA, genereraFakta, idag } from "./data.js";
import { TEKNISKT_FEL_PERSONIDENTITET, TNS_FELTEXT, TNS_FELUTLOSARE } from "./errors.js";
import { tnsSimulator } from "./index.js";

const TNS_XSD =
  "se/transportstyrelsen/schema/ssbtek/hamtauppgifterresponder/_1/HamtaUppgifterResponder_1.0.xsd";
const ENDPOINT = `http://tns.test${tnsSimulator.path}`;
const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const { begaran, tolka } = tnsSimulator.klient;

const ctx = testContext();
const server = setupServer(...[mswHandler(tnsSimulator.endpoint(ctx))]);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A composite question whose TNS part carries its own period (or the general one when omitted). */
function fragaMed(personidentitet: string, tnsPeriod?: Tidsperiod): SsbtFraga {
  const f = testFraga(personidentitet);
  if (tnsPeriod) f.specifikaFrageparametrar.TNS = { inkludera: true, tidsperiod: tnsPeriod };
  return f;
}

interface Utfall {
  status: number;
  xml: string;
  body: XmlElement;
  /** The Body child alone, serialized, for XSD validation. */
  bodyXml: string;
  sektion: Sektion;
}

async function anropa(fraga: SsbtFraga, kontrakt: KontraktInfo = KONTRAKT): Promise<Utfall> {
  const res = await fetch(fetchRequest(begaran(fraga, ENDPOINT, kontrakt)));
  const xml = await res.clone().text();
  const body = parseSoapEnvelope(xml).body;
  const sektion = await tolka(res, fraga, kontrakt);
  return { status: res.status, xml, body, bodyXml: serializeXml(body, { prefixes: PREFIXES }), sektion };
}

async function postRaw(text: string, path = tnsSimulator.path): Promise<{ status: number; xml: string }> {
  const res = await fetch(`http://tns.test${path}`, {
    method: "POST",
    headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
    body: text,
  });
  return { status: res.status, xml: await res.text() };
}

/** Answers (full SOAP text) with another context: the same handlers, resolved without the server. */
async function svarMedKontext(c: SimulatorContext, fraga: SsbtFraga): Promise<string> {
  const res = await getResponse(
    [mswHandler(tnsSimulator.endpoint(c))],
    fetchRequest(begaran(fraga, ENDPOINT, KONTRAKT)),
  );
  if (!res) throw new Error("the TNS handlers did not answer");
  return res.text();
}

function regnr(body: XmlElement): string[] {
  const svar = decodeHamtaUppgifterResponse(body);
  return (svar.fordonsinnehav?.fordon ?? []).map((f) => f.regnr);
}

const generated = Array.from({ length: 24 }, (_, i) =>
  testIdentitet(`19${String(60 + i).padStart(2, "0")}0${(i % 9) + 1}1${i % 9}`, `98${i % 10}`),
);

describe("TNS request (client.begaran)", () => {
  it("is a SOAP 1.1 POST with text/xml, empty SOAPAction and sekel + ten digits", async () => {
    const req = fetchRequest(begaran(fragaMed("197802279872"), ENDPOINT, KONTRAKT));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(ENDPOINT);
    expect(req.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(req.headers.get("soapaction")).toBe('""');
    const fraga = decodeHamtaUppgifter(parseSoapEnvelope(await req.text()).body);
    expect(fraga.identifikation.sekel).toBe("19");
    expect(fraga.identifikation.personnummer).toBe("7802279872");
  });

  it("forwards the TNS period (its own over the general one) as ssbt:tidsperiod in the contract's namespace", async () => {
    const own = { fromDatum: "2017-01-01", tomDatum: "2017-12-31" };
    for (const kontrakt of [KONTRAKT, { version: "v11", ns: NS.ssbt11 } as KontraktInfo]) {
      const fraga = decodeHamtaUppgifter(
        parseSoapEnvelope(
          await fetchRequest(begaran(fragaMed("197802279872", own), ENDPOINT, kontrakt)).text(),
        ).body,
      );
      const [t] = fraga.tillagg;
      expect(t?.ns).toBe(kontrakt.ns);
      expect(t?.local).toBe("tidsperiod");
      expect(serializeXml(t!)).toContain("2017-01-01");
    }
    const general = await fetchRequest(begaran(fragaMed("197802279872"), ENDPOINT, KONTRAKT)).text();
    expect(general).toContain(TEST_PERIOD.fromDatum);
    expect(general).toContain(TEST_PERIOD.tomDatum);
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    it("the HamtaUppgifter payload (with the forwarded period) validates", async () => {
      const body = parseSoapEnvelope(
        await fetchRequest(begaran(fragaMed("197405629952"), ENDPOINT, KONTRAKT)).text(),
      ).body;
      const r = await validateAgainst(serializeXml(body, { prefixes: PREFIXES }), TNS_XSD);
      expect(r.errors).toEqual([]);
      expect(r.valid).toBe(true);
    });
  });
});

/** Personas whose register post cannot be read: their story's answer is FEL (fact `fel`). */
const MED_FEL = PERSONAS.filter((p) => FAKTA[p.id]?.fel !== undefined);

describe("TNS answer for every named persona", () => {
  it("a persona whose register post cannot be read gets FEL with the story's felresultat, and a BT error section", async () => {
    expect(MED_FEL.map((p) => p.id)).toEqual(["tns-registerfel"]);
    for (const p of MED_FEL) {
      const u = await anropa(fragaMed(p.personidentitet));
      expect(u.status).toBe(200);
      const svar = decodeHamtaUppgifterResponse(u.body);
      expect(svar.resultat).toBe("FEL");
      expect(svar.felresultat.map((f) => f.felkod)).toEqual([FAKTA[p.id]!.fel]);
      expect(svar.felresultat[0]!.feltext).toBe(TNS_FELTEXT[9001]);
      expect(u.sektion).toEqual({
        error: { kalla: "BT", felkod: "9001", felmeddelande: [TNS_FELTEXT[9001]] },
      });
      if (REFERENCE_DIR) {
        const r = await validateAgainst(u.bodyXml, TNS_XSD);
        expect(r.errors).toEqual([]);
      }
    }
  });

  it.each(
    PERSONAS.filter((p) => !MED_FEL.includes(p)).map((p) => [p.id, p] as const),
  )("%s: OK answer, section data mirrors the answer", async (_id, p) => {
    const u = await anropa(fragaMed(p.personidentitet));
    expect(u.status).toBe(200);
    const svar = decodeHamtaUppgifterResponse(u.body);
    expect(svar.resultat).toBe("OK");
    // Only a story's note (an unregistered change of owner) comes with an OK answer.
    const anm = FAKTA[p.id]?.anmarkning;
    expect(svar.felresultat.map((f) => f.felkod)).toEqual(anm === undefined ? [] : [anm]);
    // "kan vara tom lista": a person without vehicles still gets an (empty) fordonsinnehav.
    expect(svar.fordonsinnehav).toBeDefined();
    const expected = p.kallor.includes("TNS")
      ? FAKTA[p.id]!.fordon.filter((f) => agdUnderPerioden(f, TEST_PERIOD)).map((f) => f.regnr)
      : [];
    expect(regnr(u.body)).toEqual(expected);
    if (p.kallor.includes("TNS")) expect(expected.length).toBeGreaterThan(0);
    expect("data" in u.sektion).toBe(true);
    if ("data" in u.sektion) {
      expect(u.sektion.data.map((e) => `${e.ns} ${e.local}`)).toEqual(
        childElements(u.body).map((e) => `${e.ns} ${e.local}`),
      );
      expect(serializeXml(el(NS.tns, "x", u.sektion.data))).toBe(
        serializeXml(el(NS.tns, "x", childElements(u.body))),
      );
    }
  });

  it("every named persona with TNS in kallor has FAKTA, and no other persona has", () => {
    const withTns = PERSONAS.filter((p) => p.kallor.includes("TNS")).map((p) => p.id);
    expect(Object.keys(FAKTA).sort()).toEqual([...withTns].sort());
  });

  it("gives the persona stories' vehicles", async () => {
    const bilagare = decodeHamtaUppgifterResponse((await anropa(fragaMed("197802279872"))).body);
    expect(bilagare.fordonsinnehav?.fordon.map(({ tillagg: _, ...f }) => f)).toEqual([
      {
        regnr: "TST101",
        fabrikat: "VOLVO",
        fordonsar: "2012",
        fordonsslag: "PERSONBIL",
        handelsbeteckning: "V70",
      },
      {
        regnr: "TST102",
        fabrikat: "YAMAHA",
        fordonsar: "2019",
        fordonsslag: "MOTORCYKEL",
        handelsbeteckning: "MT-07",
      },
    ]);
    const foretagare = decodeHamtaUppgifterResponse((await anropa(fragaMed("197109149885"))).body);
    expect(foretagare.fordonsinnehav?.fordon.map((f) => [f.regnr, f.fordonsslag])).toEqual([
      ["TST201", "LASTBIL"],
      ["TST202", "SLÄPVAGN"],
    ]);
    expect(regnr((await anropa(fragaMed("198107169966"))).body)).toEqual(["TST301"]);
    expect(regnr((await anropa(fragaMed("197003039885"))).body)).toEqual(["TST401"]);
  });

  it("sekretess: the answer for a sekretess persona carries vehicles but no name", async () => {
    const p = PERSONAS.find((x) => x.id === "sekretess-pensionar")!;
    const u = await anropa(fragaMed(p.personidentitet));
    expect(regnr(u.body)).toEqual(["TST501"]);
    expect(u.xml).not.toContain(p.fornamn);
    expect(u.xml).not.toContain(p.efternamn);
    expect(u.xml).not.toContain(p.personidentitet.slice(2));
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    const OK_PERSONAS = PERSONAS.filter((p) => !MED_FEL.includes(p));
    // Every persona's answer first, then one libxml2 run per schema (see schemaBatch).
    const checks = schemaBatch(OK_PERSONAS, async (p) => {
      const u = await anropa(fragaMed(p.personidentitet));
      const data = "data" in u.sektion ? u.sektion.data : [];
      const ssbt = el(NS.ssbt10, "hamtaBastjanstInformationResponse", [
        el(NS.ssbt10, "svarsdata", [el(NS.ssbt10, "TNS", [el(NS.ssbt10, "data", data)])]),
      ]);
      return {
        value: u,
        documents: {
          answer: { xml: u.bodyXml, schema: TNS_XSD },
          section: { xml: serializeXml(ssbt, { prefixes: PREFIXES }), schema: SSBT10_XSD },
        },
      };
    });
    beforeAll(checks.run, XSD_BATCH_TIMEOUT);

    it.each(
      OK_PERSONAS.map((p) => [p.id, p] as const),
    )("%s: HamtaUppgifterResponse validates, and so does the section inside an ssbt/10 answer", async (id, p) => {
      const { value: u, results } = await checks.of(p);
      expect(results.answer.errors, `${id} answer`).toEqual([]);
      expect(results.answer.valid).toBe(true);
      if (!("data" in u.sektion)) throw new Error("expected a data section");
      expect(results.section.errors, `${id} section`).toEqual([]);
      expect(results.section.valid).toBe(true);
    });
  });
});

describe("TNS error behaviour: resultat FEL", () => {
  it.each(
    TNS_FELUTLOSARE.map((t) => [t.felkod, t] as const),
  )("felkod %i for its trigger", async (felkod, t) => {
    const u = await anropa(fragaMed(t.personidentitet, t.tidsperiod));
    expect(u.status).toBe(200);
    const svar = decodeHamtaUppgifterResponse(u.body);
    expect(svar.resultat).toBe("FEL");
    expect(svar.fordonsinnehav).toBeUndefined();
    expect(svar.felresultat.map((f) => f.felkod)).toEqual([felkod]);
    expect(svar.felresultat[0]?.feltext).toBe(TNS_FELTEXT[felkod]);
    expect(u.sektion).toEqual({
      error: { kalla: "BT", felkod: String(felkod), felmeddelande: [TNS_FELTEXT[felkod]] },
    });
    // A feltext never names the person.
    expect(u.xml).not.toContain(t.personidentitet.slice(2));
  });

  it("the reference client's 199001011234 (bad check digit) gets 1001, not vehicles", async () => {
    const u = await anropa(fragaMed("199001011234"));
    expect(u.sektion).toMatchObject({ error: { kalla: "BT", felkod: "1001" } });
  });

  it("several problems give several felresultat; tolka takes the first felkod and every feltext", async () => {
    // Month 13 and a wrong check digit, asked with a reversed period.
    const u = await anropa(fragaMed("199013011234", { fromDatum: "2026-11-20", tomDatum: "2026-01-01" }));
    const svar = decodeHamtaUppgifterResponse(u.body);
    expect(svar.felresultat.map((f) => f.felkod)).toEqual([1001, 1002, 1004]);
    expect(u.sektion).toEqual({
      error: {
        kalla: "BT",
        felkod: "1001",
        felmeddelande: [TNS_FELTEXT[1001], TNS_FELTEXT[1002], TNS_FELTEXT[1004]],
      },
    });
  });

  it("a future birth date is judged against the simulated clock", async () => {
    const imorgon = testIdentitet("20261121", "980");
    const u = await anropa(fragaMed(imorgon));
    expect(u.sektion).toMatchObject({ error: { felkod: "1003" } });
    const igar = testIdentitet("20261119", "980");
    expect(arFel((await anropa(fragaMed(igar))).sektion)).toBe(false);
  });

  it("the technical error is tied to its reserved identity only, not to chance", async () => {
    expect(PERSONAS.some((p) => p.personidentitet === TEKNISKT_FEL_PERSONIDENTITET)).toBe(false);
    for (const seed of [1, 2, 3]) {
      const s = await svarMedKontext(testContext(seed), fragaMed(TEKNISKT_FEL_PERSONIDENTITET));
      expect(s).toContain("<tns:felkod>9001</tns:felkod>");
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official XSD", () => {
    // Every trigger's answer first, then one libxml2 run (see schemaBatch).
    const checks = schemaBatch(TNS_FELUTLOSARE, async (t) => {
      const u = await anropa(fragaMed(t.personidentitet, t.tidsperiod));
      return { value: u, documents: { answer: { xml: u.bodyXml, schema: TNS_XSD } } };
    });
    beforeAll(checks.run, XSD_BATCH_TIMEOUT);

    it.each(
      TNS_FELUTLOSARE.map((t) => [t.felkod, t] as const),
    )("the FEL answer for %i validates", async (felkod, t) => {
      const { results } = await checks.of(t);
      expect(results.answer.errors, `felkod ${felkod}`).toEqual([]);
      expect(results.answer.valid).toBe(true);
    });
  });
});

describe("TNS error behaviour: a request that breaks the contract gets a SOAP Fault", () => {
  const envelope = (inner: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}" xmlns:tns="${NS.tns}" xmlns:per="${NS.tnsPerson}" xmlns:ssbt="${NS.ssbt10}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
  const id = (sekel: string, pnr: string) =>
    `<tns:identifikation><per:sekel>${sekel}</per:sekel><per:personnummer>${pnr}</per:personnummer></tns:identifikation>`;

  const cases: [string, string, RegExp][] = [
    ["not XML", "this is not xml", /well-formed|no root/i],
    ["an HTML page", "<html><body><p>hej</body></html>", /well-formed|Envelope/],
    [
      "a DOCTYPE",
      `<!DOCTYPE x [<!ENTITY e "boom">]>${envelope(`<tns:HamtaUppgifter>${id("19", "7802279872")}</tns:HamtaUppgifter>`)}`,
      /DOCTYPE/,
    ],
    ["a SOAP 1.2 envelope", `<e:Envelope xmlns:e="${NS.soap12}"><e:Body/></e:Envelope>`, /SOAP 1\.2/],
    ["an empty Body", envelope(""), /Body is empty/],
    [
      "a wrong operation element",
      envelope(`<tns:HamtaFordon>${id("19", "7802279872")}</tns:HamtaFordon>`),
      /Unknown operation/,
    ],
    ["a missing identifikation", envelope("<tns:HamtaUppgifter/>"), /identifikation is missing/],
    [
      "a missing personnummer",
      envelope(
        "<tns:HamtaUppgifter><tns:identifikation><per:sekel>19</per:sekel></tns:identifikation></tns:HamtaUppgifter>",
      ),
      /personnummer is missing/,
    ],
    [
      "a 12-digit personnummer",
      envelope(`<tns:HamtaUppgifter>${id("19", "197802279872")}</tns:HamtaUppgifter>`),
      /10 digits/,
    ],
    [
      "a hyphenated personnummer",
      envelope(`<tns:HamtaUppgifter>${id("19", "780227-9872")}</tns:HamtaUppgifter>`),
      /10 digits/,
    ],
    ["a bad sekel", envelope(`<tns:HamtaUppgifter>${id("18", "7802279872")}</tns:HamtaUppgifter>`), /sekel/],
    [
      "unqualified children",
      envelope(`<tns:HamtaUppgifter><identifikation/></tns:HamtaUppgifter>`),
      /identifikation/,
    ],
    [
      "an extension in the tns namespace",
      envelope(`<tns:HamtaUppgifter>${id("19", "7802279872")}<tns:extra/></tns:HamtaUppgifter>`),
      /extra/,
    ],
    [
      "a forwarded period that is not a date",
      envelope(
        `<tns:HamtaUppgifter>${id("19", "7802279872")}<ssbt:tidsperiod><ssbt:fromDatum>2026-02-30</ssbt:fromDatum><ssbt:tomDatum>2026-03-01</ssbt:tomDatum></ssbt:tidsperiod></tns:HamtaUppgifter>`,
      ),
      /tidsperiod\/fromDatum/,
    ],
  ];

  it.each(cases)("%s → HTTP 500 soap:Client fault, no stack trace", async (_name, text, reason) => {
    const { status, xml } = await postRaw(text);
    expect(status).toBe(500);
    const fault = readSoapFault(parseSoapEnvelope(xml).body);
    expect(fault?.faultcode).toBe("soap:Client");
    expect(fault?.faultstring).toMatch(/^Transportstyrelsen: felaktig fråga till HamtaUppgifter\./);
    expect(fault?.faultstring).toMatch(reason);
    expect(xml).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect(xml).not.toContain("7802279872");
  });

  it("an unrelated extension element of another namespace is accepted (xs:any lax)", async () => {
    const { status, xml } = await postRaw(
      envelope(
        `<tns:HamtaUppgifter>${id("19", "7802279872")}<x:spar xmlns:x="urn:x">1</x:spar></tns:HamtaUppgifter>`,
      ),
    );
    expect(status).toBe(200);
    expect(decodeHamtaUppgifterResponse(parseSoapEnvelope(xml).body).resultat).toBe("OK");
  });

  it("tolka turns the fault into an error section", async () => {
    const res = await fetch(`http://tns.test${tnsSimulator.path}`, {
      method: "POST",
      body: envelope("<tns:HamtaUppgifter/>"),
    });
    const s = await tolka(res, fragaMed("197802279872"), KONTRAKT);
    expect(s).toMatchObject({ error: { kalla: "BT", felkod: "SOAP_FAULT" } });
    if (arFel(s)) expect(s.error.felmeddelande[0]).toMatch(/^soap:Client: Transportstyrelsen/);
  });
});

describe("TNS determinism", () => {
  const fragor = [...PERSONAS.map((p) => p.personidentitet), ...generated, "199001011234"];

  it("two contexts with the same seed give identical bytes", async () => {
    for (const pid of fragor) {
      const a = await svarMedKontext(testContext(7), fragaMed(pid));
      const b = await svarMedKontext(testContext(7), fragaMed(pid));
      expect(a).toBe(b);
    }
  });

  it("a different seed changes generated persons but not named personas", async () => {
    const byte = async (seed: number, pids: string[]) =>
      (await Promise.all(pids.map((pid) => svarMedKontext(testContext(seed), fragaMed(pid))))).join("\n");
    expect(await byte(1, generated)).not.toBe(await byte(2, generated));
    const named = PERSONAS.map((p) => p.personidentitet);
    expect(await byte(1, named)).toBe(await byte(2, named));
  });

  it("generated persons get vehicles only when TNS is in their kallor", async () => {
    let withVehicles = 0;
    for (const pid of generated) {
      const p = ctx.population.hitta(pid)!;
      const ids = regnr(
        (await anropa(fragaMed(pid, { fromDatum: "1990-01-01", tomDatum: "2026-11-20" }))).body,
      );
      if (!p.kallor.includes("TNS")) expect(ids).toEqual([]);
      else {
        expect(ids.length).toBeGreaterThan(0);
        for (const r of ids) expect(r).toMatch(/^TS[A-SU-Z]\d{3}$/);
        withVehicles++;
      }
    }
    expect(withVehicles).toBeGreaterThan(0);
  });
});

describe("TNS kodverk coverage", () => {
  /** Values at a dotted path suffix (`fordon.fordonsslag`) anywhere in a tree. */
  function values(root: XmlElement, falt: string): string[] {
    const want = falt.split(".");
    const out: string[] = [];
    const walk = (e: XmlElement, path: string[]) => {
      const p = [...path, e.local];
      if (p.slice(-want.length).join(".") === want.join("."))
        out.push(e.children.map((c) => (c.kind === "text" ? c.text : "")).join(""));
      for (const c of childElements(e)) walk(c, p);
    };
    walk(root, []);
    return out;
  }

  it("every svar code appears in an answer: named personas, plus the FEL triggers for felkoder", async () => {
    const answers: XmlElement[] = [];
    for (const p of PERSONAS) answers.push((await anropa(fragaMed(p.personidentitet))).body);
    const named = [...answers];
    for (const t of TNS_FELUTLOSARE)
      answers.push((await anropa(fragaMed(t.personidentitet, t.tidsperiod))).body);
    const kv = ["TNS.Resultat", "TNS.Fordonsslag", "TNS.Felkod"].map(kodverk);
    for (const k of kv) {
      expect(k.riktning).toBe("svar");
      const seen = new Set(answers.flatMap((a) => k.falt.flatMap((f) => values(a, f))));
      for (const kod of k.koder) expect(seen.has(kod.kod), `${k.id} ${kod.kod}`).toBe(true);
      // Nothing outside the kodverk is ever sent.
      for (const v of seen) expect(k.koder.map((x) => x.kod)).toContain(v);
    }
    // Vehicle kinds need no trigger: the named personas alone (kodtackning) cover them.
    const slag = new Set(named.flatMap((a) => values(a, "fordon.fordonsslag")));
    expect([...slag].sort()).toEqual(
      kodverk("TNS.Fordonsslag")
        .koder.map((k) => k.kod)
        .sort(),
    );
  });

  it("felkod labels in the kodverk are the feltexts the simulator sends", () => {
    for (const k of kodverk("TNS.Felkod").koder)
      expect(TNS_FELTEXT[Number(k.kod) as keyof typeof TNS_FELTEXT]).toBe(k.beskrivning);
  });

  it("generated vehicles only use kodverk fordonsslag", () => {
    const koder = kodverk("TNS.Fordonsslag").koder.map((k) => k.kod);
    for (const pid of generated)
      for (const f of genereraFakta(5, pid, "2026-11-20").fordon) expect(koder).toContain(f.fordonsslag);
  });
});

describe("TNS period consistency", () => {
  it("lists the vehicles owned at some time during the asked period, nothing else", async () => {
    const bilagare = "197802279872";
    expect(
      regnr((await anropa(fragaMed(bilagare, { fromDatum: "2015-01-01", tomDatum: "2015-12-31" }))).body),
    ).toEqual([]);
    expect(
      regnr((await anropa(fragaMed(bilagare, { fromDatum: "2017-01-01", tomDatum: "2017-12-31" }))).body),
    ).toEqual(["TST101"]);
    expect(
      regnr((await anropa(fragaMed(bilagare, { fromDatum: "2019-05-17", tomDatum: "2019-05-17" }))).body),
    ).toEqual(["TST101", "TST102"]);
    expect(
      regnr((await anropa(fragaMed(bilagare, { fromDatum: "2019-01-01", tomDatum: "2019-05-16" }))).body),
    ).toEqual(["TST101"]);
  });

  it("reads the forwarded period in the ssbt/11 namespace too", async () => {
    const v11: KontraktInfo = { version: "v11", ns: NS.ssbt11 };
    const u = await anropa(
      fragaMed("197802279872", { fromDatum: "2017-01-01", tomDatum: "2017-12-31" }),
      v11,
    );
    expect(regnr(u.body)).toEqual(["TST101"]);
  });

  it("a sold vehicle shows in periods before the sale only", async () => {
    const kod = "199210109899";
    expect(regnr((await anropa(fragaMed(kod))).body)).not.toContain("TST912");
    expect(
      regnr((await anropa(fragaMed(kod, { fromDatum: "2019-06-30", tomDatum: "2019-12-31" }))).body),
    ).toContain("TST912");
    expect(
      regnr((await anropa(fragaMed(kod, { fromDatum: "2019-07-01", tomDatum: "2019-12-31" }))).body),
    ).not.toContain("TST912");
  });

  it("without a forwarded period the register answers for today (simulated clock)", async () => {
    const text = (await fetchRequest(begaran(fragaMed("199210109899"), ENDPOINT, KONTRAKT)).text()).replace(
      /<ssbt:tidsperiod>.*<\/ssbt:tidsperiod>/,
      "",
    );
    expect(text).not.toContain("tidsperiod");
    const { xml } = await postRaw(text);
    const ids = regnr(parseSoapEnvelope(xml).body);
    expect(ids).toContain("TST901");
    expect(ids).not.toContain("TST912");
  });

  it("facts are coherent: owned after the model year, as an adult, never after today, sold after bought", () => {
    const today = idag(ctx.now());
    expect(today).toBe("2026-11-20");
    const all = [
      ...Object.values(FAKTA).flatMap((f) => f.fordon.map((v) => ({ v, born: "" }))),
      ...generated.flatMap((pid) =>
        genereraFakta(9, pid, today).fordon.map((v) => ({ v, born: pid.slice(0, 8) })),
      ),
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const { v, born } of all) {
      expect(Number(v.agareFrom.slice(0, 4))).toBeGreaterThanOrEqual(v.fordonsar);
      expect(v.agareFrom <= today).toBe(true);
      expect(Number.isNaN(Date.parse(v.agareFrom))).toBe(false);
      if (v.agareTom) expect(v.agareTom >= v.agareFrom && v.agareTom < today).toBe(true);
      if (born) expect(Number(v.agareFrom.slice(0, 4)) - Number(born.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
  });
});

describe("TNS tolka never throws", () => {
  const fraga = fragaMed("197802279872");
  const soap = (inner: string) =>
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:tns="${NS.tns}" xmlns:fordon="${NS.tnsFordon}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
  const cases: [string, () => Response, string][] = [
    [
      "an HTML 502 page",
      () => new Response("<html><body>Bad Gateway</body></html>", { status: 502 }),
      "HTTP_502",
    ],
    ["an empty 500", () => new Response("", { status: 500 }), "HTTP_500"],
    ["a 503 with plain text", () => new Response("Service Unavailable", { status: 503 }), "HTTP_503"],
    ["a 200 with JSON", () => new Response('{"resultat":"OK"}', { status: 200 }), "MALFORMED"],
    ["a 200 with a DOCTYPE", () => new Response(`<!DOCTYPE x>${soap("")}`, { status: 200 }), "MALFORMED"],
    [
      "a 200 with the wrong Body element",
      () => new Response(soap("<tns:Annat/>"), { status: 200 }),
      "MALFORMED",
    ],
    [
      "a 200 with an unknown resultat",
      () =>
        new Response(
          soap(
            "<tns:HamtaUppgifterResponse><tns:resultat>KANSKE</tns:resultat></tns:HamtaUppgifterResponse>",
          ),
        ),
      "MALFORMED",
    ],
    [
      "a 200 with a fordon missing regnr",
      () =>
        new Response(
          soap(
            "<tns:HamtaUppgifterResponse><tns:resultat>OK</tns:resultat><tns:fordonsinnehav><fordon:fordon><fordon:fabrikat>X</fordon:fabrikat></fordon:fordon></tns:fordonsinnehav></tns:HamtaUppgifterResponse>",
          ),
        ),
      "MALFORMED",
    ],
    [
      "a 200 with a non-integer felkod",
      () =>
        new Response(
          soap(
            "<tns:HamtaUppgifterResponse><tns:resultat>FEL</tns:resultat><tns:felresultat><tns:felkod>E1</tns:felkod><tns:feltext>x</tns:feltext></tns:felresultat></tns:HamtaUppgifterResponse>",
          ),
        ),
      "MALFORMED",
    ],
    [
      "FEL without felresultat",
      () =>
        new Response(
          soap("<tns:HamtaUppgifterResponse><tns:resultat>FEL</tns:resultat></tns:HamtaUppgifterResponse>"),
        ),
      "FEL",
    ],
    [
      "a SOAP Fault with HTTP 500",
      () =>
        new Response(
          soap("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>nere</faultstring></soap:Fault>"),
          {
            status: 500,
          },
        ),
      "SOAP_FAULT",
    ],
    [
      "a good answer with HTTP 404",
      () =>
        new Response(
          soap("<tns:HamtaUppgifterResponse><tns:resultat>OK</tns:resultat></tns:HamtaUppgifterResponse>"),
          { status: 404 },
        ),
      "HTTP_404",
    ],
    [
      "a body stream that fails",
      () =>
        new Response(
          new ReadableStream({
            start(c) {
              c.error(new Error("connection reset"));
            },
          }),
        ),
      "HTTP_200",
    ],
  ];

  it.each(cases)("%s → error section kalla BT", async (_name, make, felkod) => {
    const s = await tolka(make(), fraga, KONTRAKT);
    expect(arFel(s)).toBe(true);
    if (arFel(s)) {
      expect(s.error.kalla).toBe("BT");
      expect(s.error.felkod).toBe(felkod);
      expect(s.error.felmeddelande.length).toBeGreaterThan(0);
      for (const m of s.error.felmeddelande) expect(m.trim()).not.toBe("");
    }
  });

  it("masks a personnummer that a broken answer echoes", async () => {
    const s = await tolka(
      new Response("<html>fel för 197802279872</html>", { status: 502 }),
      fraga,
      KONTRAKT,
    );
    expect(JSON.stringify(s)).not.toContain("197802279872");
  });

  it("an OK answer with no fordonsinnehav element is still a data section", async () => {
    const s = await tolka(
      new Response(
        soap("<tns:HamtaUppgifterResponse><tns:resultat>OK</tns:resultat></tns:HamtaUppgifterResponse>"),
      ),
      fraga,
      KONTRAKT,
    );
    expect(s).toEqual({ data: [parseXml(`<tns:resultat xmlns:tns="${NS.tns}">OK</tns:resultat>`)] });
  });
});

it("soapEnvelope round trip of the request payload is stable (sanity for byte determinism)", async () => {
  const body = parseSoapEnvelope(
    await fetchRequest(begaran(fragaMed("197802279872"), ENDPOINT, KONTRAKT)).text(),
  ).body;
  expect(soapEnvelope(body)).toBe(
    await fetchRequest(begaran(fragaMed("197802279872"), ENDPOINT, KONTRAKT)).text(),
  );
});
