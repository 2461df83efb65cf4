import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCsnSvar, parseCsnSvar } from "../contract/csn/codec.js";
import type { CsnSvar } from "../contract/csn/model.js";
import { franV3 } from "../contract/csn/v3.js";
import { PREFIXES } from "../contract/namespaces.js";
import { parseSoapEnvelope, soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga, SKV11_BLOCK } from "../contract/ssbt/codec.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type KontraktVersion,
  type Sektion,
} from "../contract/ssbt/model.js";
import { el } from "../contract/xml/node.js";
import { parseXml } from "../contract/xml/parse.js";
import { escapeText, serializeXml } from "../contract/xml/serialize.js";
import { kodverk } from "../fixtures/kodverk/index.js";
import { bastjanstHandlers, ssbtekHandlers } from "../msw.js";
import { type Adapter, adaptrar, begaranFor } from "../simulators/conformance.js";
import { SAMBRUK_STAND_IN_PATH, SAMBRUK_STAND_IN_XSD } from "../simulators/csn/sambruk-stand-in.xsd.js";
import {
  type Dialekt,
  dialektDokumentation,
  type ObserveradDialekt,
  REFERENS_TRAFIK,
} from "../simulators/dialekt.js";
import { PERSONAS } from "../simulators/population/population.js";
import { SIMULATORER } from "../simulators/registry.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { runCli } from "./support/cli.js";
import { TEST_NOW, testContext, testFraga } from "./support/context.js";
import { REFERENCE_DIR, REFERENCE_MISSING, referencePath } from "./support/reference.js";
import { SSBT10_XSD, SSBT11_XSD, validateManyAgainst } from "./support/xsd.js";

// `--dialect observed`: every authority's observed forms are data (simulators/<kod>/dialekt.ts);
// this file checks the data against the reference traffic and docs/dialects.md, the observed
// answers against the official schemas (the only deviations are the documented ones), and the
// composite answer against the strict one (the only differences are the documented forms).

const DIALEKTER: Record<BastjanstKod, ObserveradDialekt> = Object.fromEntries(
  BASTJANSTER.map((k) => [k, SIMULATORER[k].dialekt!]),
) as Record<BastjanstKod, ObserveradDialekt>;
const FORMER = BASTJANSTER.flatMap((k) => DIALEKTER[k].former);

/** The official schema of each authority's own answer (FK answers LEFI JSON: no XSD). */
const OFFICIELL_XSD: Partial<Record<BastjanstKod, string>> = {
  AF: "se/arbetsformedlingen/api/arbetssokande/ersattningsstod/v2/ers_stod.xsd",
  CSN: "se/csn/schema/v4_0/kommunfraga/kommunfraga.xsd",
  SKV: "se/rsv/zg/bs/service/ws/beskattningws/ZgBsBeskattningWSService_schema.xsd",
  SO: "schemas/ubpservice/int014/UnemploymentBenefitPaymentService.xsd",
  TNS: "se/transportstyrelsen/schema/ssbtek/hamtauppgifterresponder/_1/HamtaUppgifterResponder_1.0.xsd",
  MIV: "se/migrationsverket/schema/ssbtek/_1/SSBTEKWebService_schema1.xsd",
};
// CSN's kommunfraga.xsd imports a Sambruk schema that is not published: the project's stand-in.
const OVERRIDES = { [SAMBRUK_STAND_IN_PATH]: SAMBRUK_STAND_IN_XSD };

function ctxMed(dialekt: Dialekt) {
  return { ...testContext(), dialekt };
}

describe("the observed dialect as data", () => {
  it("every authority has one, with unique ids named after it and a recogniser for each form", () => {
    for (const kod of BASTJANSTER) {
      const d = DIALEKTER[kod];
      expect(d, kod).toBeDefined();
      expect(d.kod).toBe(kod);
      for (const f of d.former) {
        expect(f.id.startsWith(`${kod}.`), f.id).toBe(true);
        expect(f.exempel.length, f.id).toBeLessThanOrEqual(120);
        expect(f.schema === "violates", f.id).toBe((f.schemafel?.length ?? 0) > 0);
      }
    }
    expect(new Set(FORMER.map((f) => f.id)).size).toBe(FORMER.length);
    // The shapes the issue names are all there.
    for (const id of [
      "AF.datum-med-tidszon",
      "AF.sokandekategori-som-text",
      "CSN.schema-3.0",
      "SKV.svar-i-cdata",
    ])
      expect(FORMER.map((f) => f.id)).toContain(id);
  });

  it.skipIf(!REFERENCE_DIR)("each form is seen where it says, and its example is in that file", () => {
    for (const kod of BASTJANSTER)
      for (const f of [...DIALEKTER[kod].former, ...DIALEKTER[kod].ejAtergivna]) {
        for (const fil of f.sedd) expect(existsSync(referencePath(REFERENS_TRAFIK, fil)), fil).toBe(true);
      }
    for (const f of FORMER) {
      const texter = f.sedd.map((fil) => lasReferens(fil));
      // The example is literally in the reference answer (CSN's inside the base64 document).
      expect(
        texter.some((t) => t.includes(f.exempel.split("\\n")[0]!)),
        `${f.id}: example not found in ${f.sedd.join(", ")}`,
      ).toBe(true);
      expect(
        texter.some((t) => f.kannetecken.test(t)),
        `${f.id}: recogniser finds nothing`,
      ).toBe(true);
    }
  });

  it("docs/dialects.md carries each authority's section exactly as its data writes it", () => {
    const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../docs/dialects.md"), "utf8");
    for (const kod of BASTJANSTER) {
      const avsnitt = dialektDokumentation(DIALEKTER[kod], SIMULATORER[kod].namn);
      expect(
        doc.includes(avsnitt),
        `docs/dialects.md is out of date for ${kod}: run \`npm run docs:dialects\``,
      ).toBe(true);
      for (const f of DIALEKTER[kod].former) expect(avsnitt).toContain(`| **${f.schema}** |`);
    }
  });
});

if (!REFERENCE_DIR) console.warn(`[dialect.test] ${REFERENCE_MISSING}`);

/** A reference answer, with CSN's base64 documents decoded so their shapes can be seen. */
function lasReferens(fil: string): string {
  const t = readFileSync(referencePath(REFERENS_TRAFIK, fil), "utf8");
  return t.replace(/<ssbt:svar>([A-Za-z0-9+/=\s]+)<\/ssbt:svar>/g, (_m, b: string) =>
    Buffer.from(b.replace(/\s+/g, ""), "base64").toString("utf8"),
  );
}

/** The SOAP Body payload of an answer, serialised (CDATA kept); LEFI's JSON as it is. */
function payload(body: string): string {
  if (!body.trimStart().startsWith("<")) return body;
  return serializeXml(parseSoapEnvelope(body).body, { prefixes: PREFIXES });
}

for (const kod of BASTJANSTER) {
  const sim = SIMULATORER[kod];
  const d = DIALEKTER[kod];
  const personer = [
    ...PERSONAS.filter((p) => p.kallor.includes(kod)).map((p) => p.personidentitet),
    PERSONAS[0]!.personidentitet,
  ];

  describe(`${kod} in the observed dialect, through every adapter`, () => {
    let observed: Adapter[] = [];
    let strict: Adapter[] = [];
    const svar = new Map<string, string>();
    beforeAll(async () => {
      observed = await adaptrar(sim, ctxMed("observed"));
      strict = await adaptrar(sim, ctxMed("strict"));
      for (const pnr of personer) {
        const b = begaranFor(sim, testFraga(pnr));
        const [direkt, ...andra] = await Promise.all(observed.map((a) => a.skicka(b)));
        for (const [i, u] of andra.entries()) expect(u, `${observed[i + 1]!.namn} ${pnr}`).toEqual(direkt);
        svar.set(pnr, direkt!.status === 200 ? direkt!.body : "");
      }
    });
    afterAll(async () => {
      for (const a of [...observed, ...strict]) await a.stang();
    });

    it("is deterministic per dialect: the same seed and clock give the same bytes", async () => {
      const igen = await adaptrar(sim, ctxMed("observed"));
      try {
        for (const pnr of personer.slice(0, 4)) {
          const b = begaranFor(sim, testFraga(pnr));
          expect((await igen[0]!.skicka(b)).body).toBe((await observed[0]!.skicka(b)).body);
          expect((await strict[1]!.skicka(b)).body).toBe((await strict[0]!.skicka(b)).body);
        }
      } finally {
        for (const a of igen) await a.stang();
      }
    });

    it("shows each documented form in some answer, and strict answers show none", async () => {
      const texter = [...svar.values()].filter((t) => t !== "").map(payload);
      for (const f of d.former)
        expect(
          texter.some((t) => f.kannetecken.test(t)),
          `${f.id} never appears`,
        ).toBe(true);
      for (const pnr of personer) {
        const u = await strict[0]!.skicka(begaranFor(sim, testFraga(pnr)));
        if (u.status !== 200) continue;
        for (const f of FORMER)
          expect(f.kannetecken.test(payload(u.body)), `${f.id} in strict ${pnr}`).toBe(false);
      }
      if (d.former.length === 0)
        for (const pnr of personer)
          expect(svar.get(pnr)).toBe(
            (await strict[0]!.skicka(begaranFor(sim, testFraga(pnr)))).status === 200
              ? (await strict[0]!.skicka(begaranFor(sim, testFraga(pnr)))).body
              : "",
          );
    });

    const xsd = OFFICIELL_XSD[kod];
    // FK answers LEFI JSON: no XSD (its observed answer is byte-identical to the strict one, above).
    if (xsd)
      it.skipIf(!REFERENCE_DIR)(
        "validates against the official XSD except for the documented deviations",
        async () => {
          const texter = [...svar.values()].filter((t) => t !== "").map(payload);
          // CSN's 3.0 answers are also read with the 4.0 namespaces, so the structure below the root
          // is checked too (the unknown root alone would stop libxml2 at the first element).
          const alla =
            kod === "CSN" ? [...texter, ...texter.map((t) => t.replaceAll("/v3.0/", "/v4.0/"))] : texter;
          const resultat = await validateManyAgainst(alla, xsd!, undefined, kod === "CSN" ? OVERRIDES : {});
          const tillatna = d.former.flatMap((f) => f.schemafel ?? []);
          // libxml2 closes each failing document with "<file> fails to validate": not an error of its own.
          const odokumenterade = resultat.flatMap((r) =>
            r.errors.filter((e) => !/ fails to validate\s*$/.test(e) && !tillatna.some((x) => x.test(e))),
          );
          expect(odokumenterade).toEqual([]);
          // A documented violation really happens (the list is not stale).
          for (const f of d.former.filter((x) => x.schema === "violates"))
            for (const x of f.schemafel!)
              expect(
                resultat.some((r) => r.errors.some((e) => x.test(e))),
                `${f.id}: no answer breaks the schema with ${x}`,
              ).toBe(true);
          if (!d.former.some((f) => f.schema === "violates"))
            expect(resultat.every((r) => r.valid)).toBe(true);
        },
      );
  });
}

// ---------------------------------------------------------------------------------------------
// The composite answer: SSBT reads every observed shape; it differs from the strict one only in
// the documented forms, which it passes on as the real chain does.

type Normalisering = (kod: BastjanstKod, xml: string) => string;

const SKAT_KOD = new Map(kodverk("AF.ArbetssokandeSKAT").koder.map((k) => [k.beskrivning, k.kod]));
const utanTidszon = (x: string) => x.replace(/>(\d{4}-\d{2}-\d{2})[+-]\d{2}:\d{2}</g, ">$1<");

/** Per documented form, how its difference is taken out when comparing with the strict answer. */
const NORMALISERINGAR: Record<string, Normalisering> = {
  "AF.datum-med-tidszon": (k, x) => (k === "AF" ? utanTidszon(x) : x),
  "AF.sokandekategori-som-text": (k, x) =>
    k === "AF"
      ? x.replace(
          /ArbetssokandeSKAT>([^<]*)</g,
          (_m, t: string) => `ArbetssokandeSKAT>${SKAT_KOD.get(t) ?? t}<`,
        )
      : x,
  "SKV.svar-i-cdata": (_k, x) => x.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, t: string) => escapeText(t)),
  "SKV.dokument-indenterat": (k, x) => (k === "SKV" ? x.replace(/&gt;\s+&lt;/g, "&gt;&lt;") : x),
  // CSN: both answers are compared as 4.0 models without what 3.0 cannot carry (see below).
  "CSN.schema-3.0": (_k, x) => x,
  "CSN.tom-fragaeko": (_k, x) => x,
};

/** CSN's document in a section, as a 4.0 model without omställningsstudiestöd and echo. */
function csnJamforbar(s: Sektion): unknown {
  if (!("data" in s)) return s;
  const b64 = s.data.map((e) => e.children.map((c) => (c.kind === "text" ? c.text : "")).join("")).join("");
  const rot = parseXml(Buffer.from(b64, "base64").toString("utf8"));
  const svar: CsnSvar = rot.ns.includes("/v3.0/")
    ? decodeCsnSvar(franV3(rot))
    : parseCsnSvar(serializeXml(rot));
  return {
    ...svar,
    schemaVersion: "*",
    GemensamtFragaEkbistand: {},
    Personer: svar.Personer.map((p) => ({
      ...p,
      Studiestodstypforteckning: { ...p.Studiestodstypforteckning, omstallningsstudiestod: "*" },
      Omstallningsstudiestod: {},
    })),
  };
}

function jamforbar(kod: BastjanstKod, s: Sektion | undefined): unknown {
  if (!s) return undefined;
  if (kod === "CSN") return csnJamforbar(s);
  if (!("data" in s)) return s;
  let x = serializeXml(el("urn:jamfor", "data", s.data), { prefixes: PREFIXES });
  for (const f of FORMER) x = NORMALISERINGAR[f.id]!(kod, x);
  return x;
}

describe("the composite answer in the observed dialect", () => {
  let observed: RunningSimulator;
  let strict: RunningSimulator;
  const now = () => new Date(TEST_NOW);
  beforeAll(async () => {
    [observed, strict] = await Promise.all([
      startSimulator({ port: 0, seed: 1, now, dialect: "observed", admin: false }),
      startSimulator({ port: 0, seed: 1, now, admin: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([observed?.close(), strict?.close()]);
  });

  const fraga = (pnr: string, version: KontraktVersion = "v10") => {
    const f = testFraga(pnr);
    if (version === "v11")
      f.specifikaFrageparametrar.SKV = {
        inkludera: true,
        fraga: { ar: [2025, 2024], block: Object.fromEntries(SKV11_BLOCK.map((k) => [k, true])) },
      };
    return soapEnvelope(encodeFraga(f, version));
  };
  const post = async (url: string, pnr: string, version: KontraktVersion = "v10") => {
    const r = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
      body: fraga(pnr, version),
    });
    return { status: r.status, text: await r.text() };
  };

  it("has a normalisation for every documented form (a new form must say how it differs)", () => {
    expect(Object.keys(NORMALISERINGAR).sort()).toEqual(FORMER.map((f) => f.id).sort());
  });

  it("reads every observed shape: the same sections, and the same facts once the documented forms are taken out", async () => {
    let skillnader = 0;
    const texter: string[] = [];
    for (const p of PERSONAS) {
      const [o, s] = await Promise.all([
        post(observed.ssbtek, p.personidentitet),
        post(strict.ssbtek, p.personidentitet),
      ]);
      expect(o.status, p.id).toBe(s.status);
      if (o.status !== 200) continue;
      texter.push(payloadOf(o.text));
      if (o.text !== s.text) skillnader++;
      const so = decodeSvar(parseSoapEnvelope(o.text).body).svarsdata;
      const ss = decodeSvar(parseSoapEnvelope(s.text).body).svarsdata;
      for (const kod of BASTJANSTER)
        expect(jamforbar(kod, so[kod]), `${p.id} ${kod}`).toEqual(jamforbar(kod, ss[kod]));
    }
    // Not vacuous: the observed chain does answer differently.
    expect(skillnader).toBeGreaterThan(PERSONAS.length / 2);
    if (REFERENCE_DIR) {
      const v = await validateManyAgainst(texter, SSBT10_XSD);
      expect(v.flatMap((r) => r.errors)).toEqual([]);
    }
  });

  it("passes the forms on to the consumer, as the reference composite answers show", async () => {
    const alla = (await Promise.all(PERSONAS.map((p) => post(observed.ssbtek, p.personidentitet)))).map(
      (r) => r.text,
    );
    const ihop = alla.join("\n");
    expect(ihop).toMatch(/ArbetssokandeRegistrerad>\d{4}-\d{2}-\d{2}\+0[12]:00</);
    expect(ihop).toMatch(/<svar><!\[CDATA\[<\?xml/);
    const csn = alla
      .map((t) => /<ssbt:svar>([^<]+)<\/ssbt:svar>/.exec(t)?.[1])
      .filter((b): b is string => b !== undefined)
      .map((b) => Buffer.from(b, "base64").toString("utf8"));
    expect(csn.length).toBeGreaterThan(0);
    for (const doc of csn) expect(doc).toContain('schemaVersion="3.0"');
  });

  it.skipIf(!REFERENCE_DIR)(
    "validates against ssbt/11 too (v11 answers carry the same observed forms)",
    async () => {
      const svar = await Promise.all(
        PERSONAS.map((p) => post(`${observed.url}/ssbtek/v11`, p.personidentitet, "v11")),
      );
      expect(svar.every((r) => r.status === 200)).toBe(true);
      expect(svar.map((r) => r.text).join("\n")).toMatch(
        /ArbetssokandeRegistrerad>\d{4}-\d{2}-\d{2}\+0[12]:00</,
      );
      const v = await validateManyAgainst(
        svar.map((r) => payloadOf(r.text)),
        SSBT11_XSD,
        "ssbtek-v11/contract",
      );
      expect(v.flatMap((r) => r.errors)).toEqual([]);
    },
  );

  it("serves the same bytes through msw as through node:http", async () => {
    const server = setupServer(...ssbtekHandlers({ seed: 1, now, dialect: "observed", admin: false }));
    server.listen({ onUnhandledRequest: "error" });
    try {
      for (const p of PERSONAS.slice(0, 5)) {
        const m = await post("http://ssbtek.local/ssbtek", p.personidentitet);
        expect(m).toEqual(await post(observed.ssbtek, p.personidentitet));
      }
    } finally {
      server.close();
    }
  });
});

function payloadOf(envelope: string): string {
  return serializeXml(parseSoapEnvelope(envelope).body, { prefixes: PREFIXES });
}

describe("choosing the dialect", () => {
  it("bastjanstHandlers serves one authority in the dialect asked for", async () => {
    const sim = SIMULATORER.CSN;
    const b = begaranFor(sim, testFraga(PERSONAS.find((p) => p.kallor.includes("CSN"))!.personidentitet));
    const svar = async (dialect: Dialekt) => {
      const server = setupServer(
        ...bastjanstHandlers("CSN", { seed: 42, now: () => new Date(TEST_NOW), dialect }),
      );
      server.listen({ onUnhandledRequest: "error" });
      try {
        const r = await fetch(`http://csn.test${sim.path}`, {
          method: "POST",
          headers: b.headers,
          body: b.body,
        });
        return await r.text();
      } finally {
        server.close();
      }
    };
    expect(await svar("observed")).toContain('schemaVersion="3.0"');
    expect(await svar("strict")).toContain('schemaVersion="4.0"');
    expect(() => bastjanstHandlers("AF", { dialect: "x" as Dialekt })).toThrow(
      /--dialect strict or observed/,
    );
  });

  it("refuses an unknown dialect in the library and the msw handlers with what to do", async () => {
    expect(() => ssbtekHandlers({ dialect: "loose" as Dialekt })).toThrow(
      /Unknown dialect "loose": pass --dialect strict or observed/,
    );
    await expect(startSimulator({ port: 0, dialect: "x" as Dialekt })).rejects.toThrow(
      /--dialect strict or observed/,
    );
  });

  it("`simulate --dialect x` exits 2 with a one-line message", async () => {
    const r = await runCli(["simulate", "--port", "0", "--dialect", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dialect.*'x' is invalid.*strict, observed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
