import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractViolation } from "../../contract/errors.js";
import { NS, PREFIXES } from "../../contract/namespaces.js";
import {
  decodeBeskattningsuppgifterRequest,
  decodeSkvException,
  encodeBeskattningsuppgifterResponse,
  encodeSvar,
} from "../../contract/skv/codec.js";
import {
  decodeDelDokument,
  decodeFragaV11,
  decodeSvarV11,
  encodeFragaV11,
  encodeSvarV11,
  lasSkvSektionV11,
  type SkvSektionV11,
} from "../../contract/skv/v11-codec.js";
import {
  BLANKETT,
  DELFELKOD,
  type DelDokumentFor,
  FORETAGSFORM,
  FSKATT_STATUS,
  RESULTATTYP,
  type SkvBlock,
  type SvarSkatteuppgifterV11,
  TRANSAKTIONSTYP,
} from "../../contract/skv/v11-model.js";
import { parseSoapEnvelope, readSoapFault, soapEnvelope } from "../../contract/soap/envelope.js";
import { SKV11_BLOCK } from "../../contract/ssbt/codec.js";
import type { Sektion, SsbtFraga } from "../../contract/ssbt/model.js";
import { el, findChild, textOf, type XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { testContext, testFraga, testIdentitet } from "../../test/support/context.js";
import { REFERENCE_DIR } from "../../test/support/reference.js";
import { SSBT11_XSD, validateAgainst, validateManyAgainst } from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import { skvBegaran, skvForkontroll, skvTolka } from "../aggregator/klienter/skv.js";
import { fragaTillSkvV11 } from "../aggregator/klienter/skv-v11.js";
import type { KontraktInfo } from "../bastjanst.js";
import type { SimulatorContext } from "../context.js";
import { PERSONAS as ALLA_PERSONAS } from "../population/population.js";
import { FAKTA as SO_FAKTA } from "../so/data.js";
import { FAKTA, STATUSKOD } from "./data.js";
import { MEDDELANDEKOD } from "./errors.js";
import { SKV_PATH, skvEndpoint } from "./handlers.js";
import { arsberakning, FAKTA_V11, skvPersonV11 } from "./v11-data.js";

const SKV_XSD = "se/rsv/zg/bs/service/ws/beskattningws/ZgBsBeskattningWSService_schema.xsd";
const URL = `http://skv.test${SKV_PATH}`;
const V11: KontraktInfo = { version: "v11", ns: NS.ssbt11 };
const V10: KontraktInfo = { version: "v10", ns: NS.ssbt10 };
const ALLA = [...SKV11_BLOCK];

const server = setupServer(mswHandler(skvEndpoint(testContext())));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const persona = (id: string) => {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown persona ${id}`);
  return p;
};
const pid = (id: string) => persona(id).personidentitet;

/** An ssbt/11 composite question with a SKV `fraga`. */
function fragaV11(
  personidentitet: string,
  ar: number[] = [2025, 2024],
  block: readonly SkvBlock[] = ALLA,
): SsbtFraga {
  const f = testFraga(personidentitet);
  f.specifikaFrageparametrar.SKV = {
    inkludera: true,
    fraga: { ar, block: Object.fromEntries(SKV11_BLOCK.map((b) => [b, block.includes(b)])) },
  };
  return f;
}

interface Svar {
  status: number;
  text: string;
  body: XmlElement;
}

async function ask(fraga: SsbtFraga, ctx?: SimulatorContext): Promise<Svar> {
  const request = fetchRequest(skvBegaran(fraga, URL, V11));
  const res = ctx ? await getResponse([mswHandler(skvEndpoint(ctx))], request) : await fetch(request);
  if (!res) throw new Error("no handler answered");
  const text = await res.text();
  return { status: res.status, text, body: parseSoapEnvelope(text).body };
}

/** Skatteverket's own v11 answer document. */
async function dokument(fraga: SsbtFraga, ctx?: SimulatorContext): Promise<SvarSkatteuppgifterV11> {
  const a = await ask(fraga, ctx);
  expect(a.status, a.text.slice(0, 300)).toBe(200);
  return decodeSvarV11(textOf(findChild(a.body, "", "svar")!));
}

/** The composite SKV section SSBT makes of the answer. */
async function sektion(fraga: SsbtFraga): Promise<Sektion> {
  return skvTolka(await fetch(fetchRequest(skvBegaran(fraga, URL, V11))), fraga, V11);
}

function delarOf(s: Sektion): SkvSektionV11 {
  if (!("delar" in s))
    throw new Error(`expected a v11 section with parts, got ${JSON.stringify(s).slice(0, 300)}`);
  return lasSkvSektionV11(s.delar, NS.ssbt11);
}

function data<B extends SkvBlock>(svar: SvarSkatteuppgifterV11, b: B): DelDokumentFor[B] {
  const d = svar.delar[b];
  if (!d || !("data" in d)) throw new Error(`${b}: expected data, got ${JSON.stringify(d)}`);
  return d.data as DelDokumentFor[B];
}

function felkod(svar: SvarSkatteuppgifterV11, b: SkvBlock): number | undefined {
  const d = svar.delar[b];
  return d && "fel" in d ? d.fel.kod : undefined;
}

/** The section as a composite answer, to validate against the ssbt/11 XSD. */
function inSsbtSvar(s: Sektion): string {
  const ns = NS.ssbt11;
  const inner =
    "delar" in s
      ? s.delar
      : "error" in s
        ? [
            el(ns, "error", [
              el(ns, "kalla", [s.error.kalla]),
              el(ns, "felkod", [s.error.felkod]),
              s.error.felmeddelande.map((m) => el(ns, "felmeddelande", [m])),
            ]),
          ]
        : [el(ns, "data", s.data)];
  return serializeXml(
    el(ns, "hamtaBastjanstInformationResponse", [el(ns, "svarsdata", [el(ns, "SKV", inner)])]),
    {
      prefixes: PREFIXES,
    },
  );
}

/** Every persona but those whose story makes Skatteverket answer 9071500 (tested on their own). */
const PERSONAS = ALLA_PERSONAS.filter((p) => !FAKTA[p.id]?.fel);
const FEL_PERSONAS = ALLA_PERSONAS.filter((p) => FAKTA[p.id]?.fel);
const SKV_PERSONAS = PERSONAS.filter((p) => p.kallor.includes("SKV"));

// -------------------------------------------------------------------------------------------------

describe("SSBT → Skatteverket under ssbt/11", () => {
  it("sends the same SOAP operation with a JSON question naming the asked years and blocks", async () => {
    const f = fragaV11(pid("foretagare"), [2025, 2024, 2025], ["foretagsinformation", "skattekonto"]);
    const req = fetchRequest(skvBegaran(f, URL, V11));
    expect(req.headers.get("soapaction")).toBe('""');
    const forfragan = decodeBeskattningsuppgifterRequest(parseSoapEnvelope(await req.text()).body).forfragan;
    const q = decodeFragaV11(forfragan);
    expect(q.inkomstar).toEqual([2025, 2024]);
    expect(q.block).toEqual(["foretagsinformation", "skattekonto"]);
    expect(q.personidentitet).toBe(pid("foretagare"));
    expect(q.referensnummer).toBe(f.generellaFrageparametrar.arendeidentitet);
    expect(q.lagrum).toBe(f.generellaFrageparametrar.lagtext);
    // ssbt/10 still sends the XML document.
    const v10 = decodeBeskattningsuppgifterRequest(
      parseSoapEnvelope(await fetchRequest(skvBegaran(f, URL, V10)).text()).body,
    );
    expect(v10.forfragan.startsWith("<?xml")).toBe(true);
  });

  it("without a SKV fraga asks for the decided tax of the two years before the period (as v10)", () => {
    const q = fragaTillSkvV11(testFraga(pid("foretagare")));
    expect(q.block).toEqual(["skatteuppgifter"]);
    expect(q.inkomstar).toEqual([2025, 2024]);
  });

  it("refuses more than 20 distinct years itself (SSBT-2003), not calling Skatteverket", () => {
    const many = Array.from({ length: 21 }, (_, i) => 2000 + i);
    expect(skvForkontroll(fragaV11(pid("foretagare"), many), V11)).toMatchObject({
      kalla: "SSBT",
      felkod: "SSBT-2003",
    });
    expect(skvForkontroll(fragaV11(pid("foretagare"), many.slice(1)), V11)).toBeUndefined();
  });
});

describe("every persona under ssbt/11", () => {
  it("has v11 facts for exactly the named personas holding SKV facts", () => {
    expect(Object.keys(FAKTA_V11).sort()).toEqual(Object.keys(FAKTA).sort());
  });

  it("a persona whose data Skatteverket cannot read: 9071500 for the whole question, SKV's overall error in ssbt/11", async () => {
    expect(FEL_PERSONAS.map((p) => p.id)).toEqual(["skv-omprovning-tekniskt-fel"]);
    for (const p of FEL_PERSONAS) {
      const s = await sektion(fragaV11(p.personidentitet));
      expect(s).toMatchObject({ error: { kalla: "BT", felkod: "9071500" } });
      expect(JSON.stringify(s)).not.toContain(p.personidentitet);
      if (REFERENCE_DIR) {
        const r = await validateAgainst(inSsbtSvar(s), SSBT11_XSD, "ssbtek-v11/contract");
        expect(r.errors).toEqual([]);
      }
    }
  });

  it.each(
    PERSONAS.map((p) => [p.id, p] as const),
  )("%s: one part per asked block, each a strictly valid document or a part error", async (_id, p) => {
    const svar = await dokument(fragaV11(p.personidentitet));
    expect(Object.keys(svar.delar)).toEqual(ALLA);
    expect(svar.personidentitet).toBe(p.personidentitet);
    for (const b of ALLA) {
      const d = svar.delar[b]!;
      if ("fel" in d) expect([DELFELKOD.ejBeslutad, DELFELKOD.felaktigtInkomstar], b).toContain(d.fel.kod);
      else expect(d.data.personidentitet).toBe(p.personidentitet);
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official schemas", () => {
    it("every answer is a valid skv:BeskattningsuppgifterResponse and every SKV section valid ssbt/11", async () => {
      const personer = [...SKV_PERSONAS, persona("ej-traff")];
      const bodies: string[] = [];
      const sections: string[] = [];
      for (const p of personer) {
        const f = fragaV11(p.personidentitet);
        const a = await ask(f);
        bodies.push(serializeXml(a.body, { prefixes: PREFIXES }));
        sections.push(inSsbtSvar(await skvTolka(new Response(a.text, { status: a.status }), f, V11)));
      }
      const b = await validateManyAgainst(bodies, SKV_XSD);
      const s = await validateManyAgainst(sections, SSBT11_XSD, "ssbtek-v11/contract");
      personer.forEach((p, i) => {
        expect(b[i]!.errors, p.id).toEqual([]);
        expect(s[i]!.errors, p.id).toEqual([]);
      });
    });
  });
});

describe("answer content", () => {
  it("the företagare: company with F-skatt, monthly F-skatt on the tax account, 2025 not yet decided", async () => {
    const svar = await dokument(fragaV11(pid("foretagare")));
    expect(data(svar, "foretagsinformation").foretag).toEqual([
      {
        organisationsnummer: pid("foretagare"),
        foretagsform: "EF",
        firma: "Eklunds Snickeri",
        registreringsdatum: "2009-04-01",
        fskatt: { status: "F", fromDatum: "2009-04-01" },
        momsregistrerad: true,
        arbetsgivarregistrerad: false,
        sniKod: "43320",
      },
    ]);
    const konto = data(svar, "skattekonto");
    const fskatt = konto.transaktioner.filter((t) => t.transaktionstyp === "PRELIMINARSKATT");
    expect(fskatt).toHaveLength(24);
    expect(fskatt.filter((t) => t.transaktionsdatum.startsWith("2025"))[0]?.belopp).toBe(
      -Math.round((312_000 * 0.28) / 12),
    );
    expect(data(svar, "individuppgifter").redovisningar).toEqual([]);
    // Business owners' final tax is decided in December: at 2026-11-20 the year 2025 is not.
    expect(felkod(svar, "skatteuppgifter")).toBe(DELFELKOD.ejBeslutad);
    expect(felkod(svar, "beskattningsbilagor")).toBe(DELFELKOD.ejBeslutad);
    const tidigare = await dokument(fragaV11(pid("foretagare"), [2024]));
    expect(data(tidigare, "skatteuppgifter").beskattningar[0]).toMatchObject({
      inkomstar: 2024,
      beslutsdatum: "2025-12-15",
      faststalldForvarvsinkomst: 287_500,
    });
    expect(data(tidigare, "beskattningsbilagor").bilagor).toEqual([
      expect.objectContaining({
        inkomstar: 2024,
        blankett: "NE",
        belopp: expect.objectContaining({ overskott: 287_500 }),
      }),
    ]);
  });

  it("the pensioner: decided tax and monthly pension from Pensionsmyndigheten, no company", async () => {
    const svar = await dokument(fragaV11(pid("pensionar-bostadstillagg")));
    expect(data(svar, "foretagsinformation").foretag).toEqual([]);
    const beskattningar = data(svar, "skatteuppgifter").beskattningar;
    expect(beskattningar.map((b) => [b.inkomstar, b.faststalldForvarvsinkomst])).toEqual([
      [2025, 118_200],
      [2024, 114_600],
    ]);
    const rader = data(svar, "individuppgifter").redovisningar;
    expect(new Set(rader.map((r) => r.utbetalare.namn))).toEqual(new Set(["Pensionsmyndigheten"]));
    expect(rader.filter((r) => r.redovisningsperiod.startsWith("2025"))).toHaveLength(12);
  });

  it("the current year follows the story: the laid-off worker's salary stops, the a-kassa pays (same a-kassa as SO)", async () => {
    const rader = data(
      await dokument(fragaV11(pid("arbetslos-akassa"), [2026], ["individuppgifter"])),
      "individuppgifter",
    ).redovisningar;
    const av = (m: string) =>
      rader.filter((r) => r.redovisningsperiod === `2026-${m}`).map((r) => r.utbetalare.namn);
    expect(av("02")).toEqual(["Norrlager Logistik AB"]);
    const akassa = SO_FAKTA["arbetslos-akassa"]!.akassor[0]!.akassa;
    expect(av("03")).toEqual([akassa]);
    expect(av("10")).toEqual([akassa]);
    // The ended year keeps the full year's salary.
    const ifjol = data(
      await dokument(fragaV11(pid("arbetslos-akassa"), [2025], ["individuppgifter"])),
      "individuppgifter",
    );
    expect(ifjol.redovisningar.reduce((s, r) => s + r.kontantErsattning, 0)).toBe(356_400);
  });

  it("the widow's flat sale: K6 attachment, capital income and kvarskatt in the latest year", async () => {
    const svar = await dokument(fragaV11(pid("efterlevande")));
    expect(data(svar, "beskattningsbilagor").bilagor).toEqual([
      expect.objectContaining({
        inkomstar: 2025,
        blankett: "K6",
        belopp: {
          forsaljningspris: 2_350_000,
          inkopspris: 1_730_000,
          vinst: 620_000,
          skattepliktigVinst: 454_667,
        },
      }),
    ]);
    const b2025 = data(svar, "skatteuppgifter").beskattningar[0]!;
    expect(b2025.overskottAvKapital).toBe(456_647);
    expect(b2025.resultat.typ).toBe("KVARSKATT");
  });

  it("the season worker: SINK withheld at source, neither refund nor kvarskatt, no tax account events", async () => {
    const svar = await dokument(fragaV11(pid("samordningsnummer-sasongsarbetare")));
    expect(data(svar, "skatteuppgifter").statuskod).toBe(STATUSKOD.begransatSkattskyldig);
    for (const b of data(svar, "skatteuppgifter").beskattningar)
      expect(b.resultat).toEqual({ typ: "NOLL", belopp: 0 });
    const months = data(svar, "individuppgifter")
      .redovisningar.filter((r) => r.redovisningsperiod.startsWith("2025"))
      .map((r) => r.redovisningsperiod.slice(5));
    expect(months).toEqual(["04", "05", "06", "07", "08", "09", "10"]);
    expect(data(svar, "skattekonto").transaktioner).toEqual([]);
  });

  it("a person Skatteverket does not hold: every part 010 and empty", async () => {
    const svar = await dokument(fragaV11(pid("ej-traff")));
    for (const b of ALLA) expect(data(svar, b).statuskod, b).toBe(STATUSKOD.ejTraff);
    expect(data(svar, "skattekonto")).toMatchObject({ saldo: 0, transaktioner: [] });
    expect(data(svar, "skatteuppgifter").beskattningar).toEqual([]);
  });

  it("a protected person: 030 on every part, no name anywhere", async () => {
    const a = await ask(fragaV11(pid("sekretess-pensionar")));
    const svar = decodeSvarV11(textOf(findChild(a.body, "", "svar")!));
    for (const b of ALLA) expect(data(svar, b).statuskod, b).toBe(STATUSKOD.skyddadePersonuppgifter);
    const p = persona("sekretess-pensionar");
    expect(a.text).not.toContain(p.fornamn);
    expect(a.text).not.toContain(p.efternamn);
  });

  it("asks only the blocks with a true boolean; none at all gives an empty section", async () => {
    const svar = await dokument(fragaV11(pid("bilagare"), [2025], ["skattekonto"]));
    expect(Object.keys(svar.delar)).toEqual(["skattekonto"]);
    const tom = await sektion(fragaV11(pid("bilagare"), [2025], []));
    expect(tom).toEqual({ delar: [] });
  });
});

describe("years drive the parts, errors per part", () => {
  it("a year not yet started: 9071004 in every year-bound part, company information still given", async () => {
    const svar = await dokument(fragaV11(pid("bilagare"), [2027]));
    expect(data(svar, "foretagsinformation").statuskod).toBe("999");
    for (const b of ["individuppgifter", "skattekonto", "skatteuppgifter", "beskattningsbilagor"] as const)
      expect(felkod(svar, b), b).toBe(DELFELKOD.felaktigtInkomstar);
  });

  it("the current year: individuppgifter and skattekonto so far, decided tax not (9071004)", async () => {
    const svar = await dokument(fragaV11(pid("bilagare"), [2026]));
    const months = data(svar, "individuppgifter").redovisningar.map((r) => r.redovisningsperiod);
    // At 2026-11-20 the declaration for October was due on 12 November, November's is not yet.
    expect(months.at(-1)).toBe("2026-10");
    expect(months).toHaveLength(10);
    expect("data" in svar.delar.skattekonto!).toBe(true);
    expect(felkod(svar, "skatteuppgifter")).toBe(DELFELKOD.felaktigtInkomstar);
  });

  it("a year older than six ended years: 9071004; six years back is given", async () => {
    const gammal = await dokument(fragaV11(pid("bilagare"), [2019]));
    expect(felkod(gammal, "skatteuppgifter")).toBe(DELFELKOD.felaktigtInkomstar);
    expect(felkod(gammal, "individuppgifter")).toBe(DELFELKOD.felaktigtInkomstar);
    const sex = await dokument(fragaV11(pid("bilagare"), [2020]));
    expect(data(sex, "skatteuppgifter").beskattningar[0]?.inkomstar).toBe(2020);
  });

  it("SSBT turns a part error into that part's error (kalla BT), the other parts keep their data", async () => {
    const skv = delarOf(await sektion(fragaV11(pid("foretagare"))));
    expect(skv.error).toBeUndefined();
    expect(skv.delar.skatteuppgifter).toEqual({
      error: { kalla: "BT", felkod: "9071005", felmeddelande: [expect.stringContaining("inte beslutad")] },
    });
    const konto = skv.delar.skattekonto!;
    if (!("dokument" in konto)) throw new Error("expected data");
    expect(konto.dokument.personidentitet).toBe(pid("foretagare"));
  });
});

describe("coherence of the facts across parts", () => {
  const ctx = testContext();

  it("individuppgifter add up to the year's income and withheld tax never exceeds preliminary tax", async () => {
    for (const p of SKV_PERSONAS) {
      const person = skvPersonV11(p.personidentitet, p, ctx);
      for (const ar of [2025, 2024, 2023]) {
        const b = arsberakning(person, ar);
        // Nobody taxed (no income yet, emigrated, deceased): no year to add up.
        if (["ej-taxerad", "avregistrerad", "avliden"].includes(FAKTA[p.id]!.status)) {
          expect(b, `${p.id} ${ar}`).toBeUndefined();
          continue;
        }
        if (!b) throw new Error(`${p.id}: no taxation for ${ar}`);
        const rader = b.rader;
        const kontant = rader.reduce((s, r) => s + r.kontantErsattning, 0);
        expect(kontant, `${p.id} ${ar}`).toBe(b.uppgift.lon + b.uppgift.pension + b.uppgift.sink);
        const avdragen = rader.reduce((s, r) => s + r.avdragenSkatt, 0);
        expect(avdragen).toBeLessThanOrEqual(b.beskattning.preliminarSkatt);
        const { resultat, preliminarSkatt, slutligSkatt } = b.beskattning;
        const tecken = resultat.typ === "ATERBETALNING" ? 1 : resultat.typ === "KVARSKATT" ? -1 : 0;
        expect(preliminarSkatt - slutligSkatt, `${p.id} ${ar}`).toBe(tecken * resultat.belopp);
      }
    }
  });

  it("the tax account is in date order, never after today, and its balance is every transaction summed", async () => {
    const window = [2026, 2025, 2024, 2023, 2022, 2021, 2020];
    for (const p of SKV_PERSONAS) {
      const konto = data(await dokument(fragaV11(p.personidentitet, window, ["skattekonto"])), "skattekonto");
      const dates = konto.transaktioner.map((t) => t.transaktionsdatum);
      expect(dates, p.id).toEqual([...dates].sort());
      for (const d of dates) expect(d <= "2026-11-20").toBe(true);
      const before2020 = konto.saldo - konto.transaktioner.reduce((s, t) => s + t.belopp, 0);
      expect(before2020, p.id).toBe(0);
      expect(konto.saldodatum).toBe("2026-11-20");
    }
  });

  it("a decided refund is credited and paid out; an unpaid kvarskatt leaves a debt with interest", async () => {
    const konto = data(
      await dokument(fragaV11(pid("kodtackning"), [2026, 2025, 2024], ["skattekonto"])),
      "skattekonto",
    );
    expect(konto.saldo).toBeLessThan(0);
    expect(konto.transaktioner.some((t) => t.transaktionstyp === "KOSTNADSRANTA")).toBe(true);
    const arbetslos = data(
      await dokument(fragaV11(pid("arbetslos-akassa"), [2025], ["skattekonto"])),
      "skattekonto",
    );
    expect(arbetslos.saldo).toBe(0);
    const [kredit, utbetalning] = arbetslos.transaktioner;
    expect(kredit?.transaktionstyp).toBe("SLUTLIG_SKATT");
    expect(utbetalning).toMatchObject({ transaktionstyp: "UTBETALNING", belopp: -(kredit?.belopp ?? 0) });
  });
});

describe("whole-question errors stay SOAP Faults (the section's overall error)", () => {
  it("an invalid identity → 9071001 → overall SKV error, masked, valid ssbt/11", async () => {
    const bad = "199001011234";
    const a = await ask(fragaV11(bad));
    expect(a.status).toBe(500);
    expect(decodeSkvException(readSoapFault(a.body)!.detail!).MeddelandeKod).toBe(
      MEDDELANDEKOD.ogiltigIdentitetsbeteckning,
    );
    const s = await sektion(fragaV11(bad));
    expect(s).toMatchObject({ error: { kalla: "BT", felkod: "9071001" } });
    expect(JSON.stringify(s)).not.toContain(bad);
    if (REFERENCE_DIR) {
      const r = await validateAgainst(inSsbtSvar(s), SSBT11_XSD, "ssbtek-v11/contract");
      expect(r.errors).toEqual([]);
    }
  });

  it("an unauthorised ingivare → 9071003", async () => {
    const f = fragaV11(pid("bilagare"));
    f.generellaFrageparametrar.ingivare.organisationsnummer = "162119999991";
    expect(await sektion(f)).toMatchObject({ error: { kalla: "BT", felkod: "9071003" } });
  });

  it("a broken v11 question → 9071002 naming the path", async () => {
    const broken = (doc: string) =>
      soapEnvelope(el(NS.skv, "BeskattningsuppgifterRequest", [el("", "forfragan", [doc])]));
    const good = encodeFragaV11(fragaTillSkvV11(fragaV11(pid("bilagare"))));
    for (const [doc, path] of [
      [good.replace('"block":["foretagsinformation"', '"block":["okant"'), "/block[1]"],
      [good.replace('"inkomstar":[2025,2024]', '"inkomstar":[]'), "/inkomstar"],
      [good.replace('"inkomstar":[2025,2024]', '"inkomstar":[2025,2025]'), "/inkomstar"],
      [good.replace('"syfte":', '"extra":1,"syfte":'), "/extra"],
      [good.replace('"version":11', '"version":10'), "/version"],
      ["{inte json", "/forfragan"],
    ] as const) {
      const res = await fetch(URL, {
        method: "POST",
        headers: { "Content-Type": "text/xml" },
        body: broken(doc),
      });
      const text = await res.text();
      const x = decodeSkvException(readSoapFault(parseSoapEnvelope(text).body)!.detail!);
      expect(x.MeddelandeKod, doc).toBe(MEDDELANDEKOD.felaktigForfragan);
      expect(x.MeddelandeText, doc).toContain(path);
    }
  });

  it("the Sunday maintenance window → 9071500 for v11 too", async () => {
    const a = await ask(fragaV11(pid("bilagare")), testContext(42, "2026-11-22T02:30:00+01:00"));
    expect(decodeSkvException(readSoapFault(a.body)!.detail!).MeddelandeKod).toBe(MEDDELANDEKOD.teknisktFel);
  });
});

describe("tolka (v11) never throws on a bad answer", () => {
  const f = fragaV11(pid("bilagare"), [2025], ["skattekonto", "skatteuppgifter"]);
  const envelope = (svar: string) => soapEnvelope(encodeBeskattningsuppgifterResponse({ svar }));
  const tolka = (svar: string) => skvTolka(new Response(envelope(svar)), f, V11);
  const konto = {
    personidentitet: pid("bilagare"),
    statuskod: "999",
    saldo: 0,
    saldodatum: "2026-11-20",
    inkomstar: [2025],
    transaktioner: [],
  };

  it("a v10 XML document answering a v11 question → MALFORMED", async () => {
    const xml = encodeSvar({
      PersonuppgiftLista: [
        {
          IdentitetsbeteckningFysiskPerson: pid("bilagare"),
          StatusPersonuppgiftKod: "999",
          Kapitaluppgift: [],
          Inkomstuppgift: [],
        },
      ],
    });
    expect(await tolka(xml)).toMatchObject({ error: { kalla: "BT", felkod: "MALFORMED" } });
  });

  it("a part about another person → FEL_PERSON with masked identities", async () => {
    const other = { ...konto, personidentitet: "198901179831" };
    const s = await tolka(
      encodeSvarV11({
        version: 11,
        personidentitet: pid("bilagare"),
        delar: { skattekonto: { data: other } },
      }),
    );
    expect(s).toMatchObject({ error: { felkod: "FEL_PERSON" } });
    expect(JSON.stringify(s)).not.toMatch(/198901179831|197802279872/);
  });

  it("a part that was not asked → MALFORMED; an asked part missing → that part's DEL_SAKNAS", async () => {
    const foretag = { personidentitet: pid("bilagare"), statuskod: "999", foretag: [] };
    expect(
      await tolka(
        encodeSvarV11({
          version: 11,
          personidentitet: pid("bilagare"),
          delar: { foretagsinformation: { data: foretag } },
        }),
      ),
    ).toMatchObject({ error: { felkod: "MALFORMED" } });
    const s = delarOf(
      await tolka(
        encodeSvarV11({
          version: 11,
          personidentitet: pid("bilagare"),
          delar: { skattekonto: { data: konto } },
        }),
      ),
    );
    expect(s.delar.skatteuppgifter).toMatchObject({ error: { kalla: "BT", felkod: "DEL_SAKNAS" } });
    expect(s.delar.skattekonto).toMatchObject({ dokument: konto });
  });

  it("a part document breaking the model → MALFORMED naming the path", async () => {
    const bad = encodeSvarV11({
      version: 11,
      personidentitet: pid("bilagare"),
      delar: { skattekonto: { data: konto } },
    }).replace('"saldo":0', '"saldo":"noll"');
    const s = await tolka(bad);
    expect(s).toMatchObject({
      error: { felkod: "MALFORMED", felmeddelande: [expect.stringContaining("/skattekonto/data/saldo")] },
    });
  });
});

describe("codec (v11)", () => {
  it("round-trips the question and the answer documents", async () => {
    const q = fragaTillSkvV11(fragaV11(pid("kodtackning")));
    expect(decodeFragaV11(encodeFragaV11(q))).toEqual(q);
    const svar = await dokument(fragaV11(pid("kodtackning"), [2024, 2023]));
    expect(decodeSvarV11(encodeSvarV11(svar))).toEqual(svar);
  });

  it("a part holding both data and fel, or a bilaga with the wrong fields, is refused with its path", () => {
    const both = JSON.stringify({
      version: 11,
      personidentitet: "197802279872",
      delar: { skattekonto: { data: {}, fel: { kod: 9071004, text: "x" } } },
    });
    expect(() => decodeSvarV11(both)).toThrow(/delar\/skattekonto.*exactly one/);
    const bilaga = JSON.stringify({
      personidentitet: "197802279872",
      statuskod: "999",
      bilagor: [{ inkomstar: 2025, blankett: "K6", benamning: "x", belopp: { vinst: 1 } }],
    });
    expect(() => decodeDelDokument("beskattningsbilagor", bilaga)).toThrow(ContractViolation);
    expect(() => decodeDelDokument("beskattningsbilagor", bilaga)).toThrow(
      /bilagor\[1\]\/belopp\/forsaljningspris/,
    );
  });
});

describe("determinism and code coverage", () => {
  const generated = ["19800101", "19550505", "19721212", "19630915"].map((d) => testIdentitet(d, "123"));

  it("the same seed gives the same bytes; another seed changes generated persons only", async () => {
    for (const id of [pid("foretagare"), ...generated]) {
      const a = await ask(fragaV11(id), testContext(7));
      const b = await ask(fragaV11(id), testContext(7));
      expect(a.text, id).toBe(b.text);
    }
    expect((await ask(fragaV11(pid("foretagare")), testContext(7))).text).toBe(
      (await ask(fragaV11(pid("foretagare")), testContext(8))).text,
    );
    let andrade = 0;
    for (const id of generated)
      if ((await ask(fragaV11(id), testContext(7))).text !== (await ask(fragaV11(id), testContext(8))).text)
        andrade++;
    expect(andrade).toBeGreaterThan(0);
  });

  it("every code of the v11 code lists appears for some named persona", async () => {
    const seen = new Set<string>();
    const add = (kind: string, kod: string | number) => seen.add(`${kind}:${kod}`);
    for (const p of SKV_PERSONAS)
      for (const ar of [
        [2026, 2025, 2024],
        [2024, 2023],
        [2025, 2024],
      ]) {
        const svar = await dokument(fragaV11(p.personidentitet, ar));
        for (const b of ALLA) {
          const d = svar.delar[b]!;
          if ("fel" in d) add("DELFELKOD", d.fel.kod);
        }
        const f = svar.delar.foretagsinformation;
        if (f && "data" in f)
          for (const x of f.data.foretag) {
            add("FORETAGSFORM", x.foretagsform);
            add("FSKATT_STATUS", x.fskatt.status);
          }
        const k = svar.delar.skattekonto;
        if (k && "data" in k) for (const t of k.data.transaktioner) add("TRANSAKTIONSTYP", t.transaktionstyp);
        const s = svar.delar.skatteuppgifter;
        if (s && "data" in s) for (const x of s.data.beskattningar) add("RESULTATTYP", x.resultat.typ);
        const bl = svar.delar.beskattningsbilagor;
        if (bl && "data" in bl) for (const x of bl.data.bilagor) add("BLANKETT", x.blankett);
      }
    const want = [
      ...Object.keys(FORETAGSFORM).map((k) => `FORETAGSFORM:${k}`),
      ...Object.keys(FSKATT_STATUS).map((k) => `FSKATT_STATUS:${k}`),
      ...Object.keys(TRANSAKTIONSTYP).map((k) => `TRANSAKTIONSTYP:${k}`),
      ...Object.keys(RESULTATTYP).map((k) => `RESULTATTYP:${k}`),
      ...Object.keys(BLANKETT).map((k) => `BLANKETT:${k}`),
      ...Object.values(DELFELKOD).map((k) => `DELFELKOD:${k}`),
    ];
    expect(want.filter((w) => !seen.has(w))).toEqual([]);
  });
});
