import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ContractViolation } from "../../contract/errors.js";
import {
  decodeLefiFraga,
  decodeLefiSvar,
  encodeLefiFraga,
  encodeLefiSvar,
  LEFI_SCHEMAN,
  type LefiSchema,
  lefiJsonFranBase64,
  lefiJsonTillBase64,
} from "../../contract/fk/index.js";
import type {
  LefiExternFormansinformationFraga,
  LefiExternFormansinformationSvar,
} from "../../contract/fk/model.js";
import { PREFIXES } from "../../contract/namespaces.js";
import { encodeSvar } from "../../contract/ssbt/codec.js";
import type { Sektion, SsbtFraga, Tidsperiod } from "../../contract/ssbt/model.js";
import { textOf, type XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { KODVERK } from "../../fixtures/kodverk/index.js";
import { TEST_PERIOD, testContext, testFraga } from "../../test/support/context.js";
import { lefiValidator } from "../../test/support/lefi-schema.js";
import { REFERENCE_DIR, REFERENCE_MISSING, readReference } from "../../test/support/reference.js";
import { SSBT10_XSD, validateAgainst, validateManyAgainst } from "../../test/support/xsd.js";
import { mswHandler } from "../adapters/msw.js";
import { fetchRequest } from "../adapters/transport.js";
import type { SimulatorContext } from "../context.js";
import { simRequest } from "../endpoint.js";
import { PERSONAS } from "../population/population.js";
import { FAKTA, fkSimulator, idag, lefiFraga, lefiFragaBase64 } from "./index.js";

const BASE = "http://lefi.test/fk";
const NS10 = "http://schema.forsakringskassan.se/integration/ssbt/10";
const KONTRAKT = { version: "v10" as const, ns: NS10 };
const SPEC = "ssbtek-v10/contract/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml";
const TODAY = "2026-11-20";
const klient = fkSimulator.klient;

/** A composite question whose FK part asks LEFI for everything (or `urval`), as aktör `aktorsid`. */
function fraga(
  pid: string,
  period: Tidsperiod = TEST_PERIOD,
  aktorsid = "026-51",
  urval: Partial<LefiExternFormansinformationFraga> = {},
): SsbtFraga {
  const f = testFraga(pid, period);
  f.specifikaFrageparametrar.FK = {
    inkludera: true,
    fraga: { version: "v9", aktorsid, lefiJsonFraga: lefiFragaBase64(pid, period, urval) },
  };
  return f;
}

/** The raw LEFI answer for a composite question, through the client's own request. */
async function lefi(f: SsbtFraga): Promise<Response> {
  return fetch(fetchRequest(klient.begaran(f, BASE, KONTRAKT)));
}

async function lefiJson(
  f: SsbtFraga,
): Promise<{ status: number; text: string; svar: LefiExternFormansinformationSvar }> {
  const r = await lefi(f);
  const text = await r.text();
  return { status: r.status, text, svar: JSON.parse(text) as LefiExternFormansinformationSvar };
}

/** POST any body straight to the LEFI endpoint. */
function post(body: string, opts: { aktor?: string; version?: string; contentType?: string } = {}) {
  const url = `${BASE}/lefi-extern-formansinformation/${opts.version ?? "v9"}/aktorer/${opts.aktor ?? "026-51"}/formansinformation/fraga`;
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": opts.contentType ?? "application/json" },
    body,
  });
}

/** Checksum-valid test personnummer that are not named personas (the population generates them). */
const GENERERADE = [
  "198001019804",
  "199912319812",
  "197505059803",
  "196212129800",
  "200101019800",
  "195811119808",
  "198507079823",
  "199303039839",
];

const pidOf = (id: string) => PERSONAS.find((p) => p.id === id)!.personidentitet;
const fkPersonas = PERSONAS.filter((p) => p.kallor.includes("FK"));

/** Every leaf of a JSON value with its key path (arrays transparent), as the kodverk `falt` reads it. */
function leaves(v: unknown, path: string[] = [], out: { path: string[]; value: string }[] = []) {
  if (Array.isArray(v)) for (const x of v) leaves(x, path, out);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else if (v !== undefined && v !== null) out.push({ path, value: String(v) });
  return out;
}
const endsWith = (path: string[], falt: string) => {
  const want = falt.split(".");
  return path.length >= want.length && want.every((w, i) => path[path.length - want.length + i] === w);
};

/** The section wrapped in a minimal composite answer, serialized for XSD validation. */
function sektionXml(sektion: Sektion): string {
  return serializeXml(encodeSvar({ svarsdata: { FK: sektion } }, "v10"), { prefixes: PREFIXES });
}

const ctx = testContext();
const server = setupServer(...[mswHandler(fkSimulator.endpoint(ctx))]);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("contract/fk codec", () => {
  it("round-trips a question with keys in contract order", () => {
    const q = decodeLefiFraga(
      '{"ovrigInformation":["FK:GEPI"],"period":{"tom":"2025-06-30","from":"2025-01-01"},"personnummer":"199001011234"}',
    );
    expect(encodeLefiFraga(q)).toBe(
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"ovrigInformation":["FK:GEPI"]}',
    );
  });

  it.each([
    ["not JSON", "{personnummer:", "LEFI.json", "/"],
    ["missing period", '{"personnummer":"199001011234"}', "LEFI.required", "/period"],
    [
      "a PM code where only FK codes may stand",
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"formansinformation":["FK:BOB","PM:AP"]}',
      "LEFI.enum",
      "/formansinformation/1",
    ],
    [
      "a number among the codes",
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"utbetalningar":["FK:BOB","FK:ABB",7]}',
      "LEFI.type",
      "/utbetalningar/2",
    ],
    [
      "a date that does not exist",
      '{"personnummer":"199001011234","period":{"from":"2025-02-30","tom":"2025-06-30"}}',
      "LEFI.format",
      "/period/from",
    ],
    [
      "a repeated code",
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"beslut":["PM:AP","PM:AP"]}',
      "LEFI.uniqueItems",
      "/beslut",
    ],
    [
      "a repeated code after one outside the code list (the repetition is reported first)",
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"beslut":["PM:XX","PM:AP","PM:AP"]}',
      "LEFI.uniqueItems",
      "/beslut",
    ],
    [
      "a code outside the code list after a valid one",
      '{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"},"ansprak":["PM:AP","PM:XX"]}',
      "LEFI.enum",
      "/ansprak/1",
    ],
    [
      "29 February of a century that is no leap year",
      '{"personnummer":"199001011234","period":{"from":"2024-02-29","tom":"2100-02-29"}}',
      "LEFI.format",
      "/period/tom",
    ],
    [
      "a personnummer with a dash",
      '{"personnummer":"19900101-1234","period":{"from":"2025-01-01","tom":"2025-06-30"}}',
      "LEFI.pattern",
      "/personnummer",
    ],
  ])("rejects %s with a ContractViolation at the right path", (_, text, rule, path) => {
    try {
      decodeLefiFraga(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContractViolation);
      expect((e as ContractViolation).rule).toBe(rule);
      expect((e as ContractViolation).path).toBe(path);
      expect((e as Error).message).not.toMatch(/19900101-?1234/);
    }
  });

  it("rejects an answer with a code outside the contract and a non-integer PM amount", () => {
    const ok = { utlamnare: [{ utlamnare: { kod: "FK" }, tillstand: { kod: "OK" } }] };
    expect(() => decodeLefiSvar(JSON.stringify(ok))).not.toThrow();
    expect(() => decodeLefiSvar(JSON.stringify({ utlamnare: [{ tillstand: { kod: "NERE" } }] }))).toThrow(
      /\/utlamnare\/0\/tillstand\/kod/,
    );
    expect(() => decodeLefiSvar(JSON.stringify({ utbetalningar: [{ bruttobelopp: 10.5 }] }))).toThrow(
      /integer/,
    );
  });

  it("reads base64 strictly (whitespace allowed, anything else not)", () => {
    expect(lefiJsonFranBase64(` ${lefiJsonTillBase64('{"å":1}')}\n`)).toBe('{"å":1}');
    expect(() => lefiJsonFranBase64("not base64!")).toThrow(ContractViolation);
    expect(() => lefiJsonFranBase64(Buffer.from([0xff, 0xfe, 0xfd]).toString("base64"))).toThrow(/UTF-8/);
    // Node's decoder would take these; the contract's base64 does not.
    expect(() => lefiJsonFranBase64("eyJ9-_==")).toThrow(ContractViolation);
    expect(() => lefiJsonFranBase64("ey=9")).toThrow(ContractViolation);
    expect(() => lefiJsonFranBase64("eyJ9e")).toThrow(ContractViolation);
  });

  it("converts texts of any size to base64 and back, byte for byte", () => {
    for (const n of [0, 1, 5_000, 100_000, 400_000]) {
      const json = JSON.stringify({ t: "åäö€😀x".repeat(n / 7) });
      const b64 = lefiJsonTillBase64(json);
      expect(b64).toBe(Buffer.from(json, "utf8").toString("base64"));
      expect(lefiJsonFranBase64(b64)).toBe(json);
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official LEFI v9 spec (../shared/reference)", () => {
    const spec = () =>
      parse(readReference(SPEC)) as { components: { schemas: Record<string, Record<string, unknown>> } };

    /** Our descriptor of one spec schema, in the same shape, to compare. */
    function describeSpec(p: Record<string, unknown>): unknown {
      if (typeof p.$ref === "string") return { ref: p.$ref.split("/").pop() };
      if (p.type === "array") {
        const out: Record<string, unknown> = {
          kind: "array",
          items: describeSpec(p.items as Record<string, unknown>),
        };
        if (typeof p.minItems === "number" && p.minItems > 0) out.min = p.minItems;
        if (typeof p.maxItems === "number") out.max = p.maxItems;
        if (p.uniqueItems) out.unique = true;
        return out;
      }
      if (p.type === "object" || p.properties)
        return {
          kind: "object",
          props: Object.entries((p.properties ?? {}) as Record<string, Record<string, unknown>>).map(
            ([k, v]) => [k, describeSpec(v)],
          ),
          required: p.required ?? [],
        };
      const out: Record<string, unknown> = { kind: p.type };
      if (p.enum) out.enum = p.enum;
      if (p.pattern) out.pattern = p.pattern;
      if (p.format === "date" || p.format === "date-time") out.format = p.format;
      if (p.minimum !== undefined) out.min = p.minimum;
      if (p.maximum !== undefined) out.max = p.maximum;
      return out;
    }
    function describeOurs(s: LefiSchema): unknown {
      switch (s.kind) {
        case "ref":
          return { ref: s.name };
        case "array":
          return {
            kind: "array",
            items: describeOurs(s.items),
            ...(s.min !== undefined ? { min: s.min } : {}),
            ...(s.max !== undefined ? { max: s.max } : {}),
            ...(s.unique ? { unique: true } : {}),
          };
        case "object":
          return {
            kind: "object",
            props: Object.entries(s.props).map(([k, v]) => [k, describeOurs(v)]),
            required: [...s.required],
          };
        default:
          return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
      }
    }

    it("describes every schema of the spec exactly: properties in order, required, codes, patterns, cardinalities", () => {
      const schemas = spec().components.schemas;
      expect(Object.keys(LEFI_SCHEMAN).sort()).toEqual(Object.keys(schemas).sort());
      for (const [name, s] of Object.entries(schemas))
        expect(describeOurs(LEFI_SCHEMAN[name]!), name).toEqual(describeSpec(s));
    });

    it("accepts the question and the answer of the real reference client (test03)", () => {
      const mapping = readReference(
        "ssbtek-v10/client-traffic/test03_getFinancialAid_fk/wiremock-mapping.json",
      );
      const b64 = /lefiJsonFraga>([^<]+)</.exec(mapping)![1]!;
      const q = decodeLefiFraga(lefiJsonFranBase64(b64));
      expect(q.formansinformation).toEqual(["FK:ABB"]);
      const xml = readReference("ssbtek-v10/client-traffic/test03_getFinancialAid_fk/response.xml");
      const svar = decodeLefiSvar(lefiJsonFranBase64(/lefiJsonSvar>([^<]+)</.exec(xml)![1]!));
      expect(svar.utlamnare?.[0]?.tillstand?.kod).toBe("OK");
    });
  });
});

describe("every named persona through SSBT's client and the LEFI handlers", () => {
  const results = new Map<string, { status: number; text: string; svar: LefiExternFormansinformationSvar }>();
  const sektioner = new Map<string, Sektion>();
  beforeAll(async () => {
    for (const p of PERSONAS) {
      const f = fraga(p.personidentitet);
      const r = await lefi(f);
      const text = await r.clone().text();
      results.set(p.id, { status: r.status, text, svar: JSON.parse(text) });
      sektioner.set(p.id, await klient.tolka(r, f, KONTRAKT));
    }
  });

  it("answers 200 with a strictly decodable LEFI answer for all 30 personas", () => {
    for (const p of PERSONAS) {
      const r = results.get(p.id)!;
      expect(r.status, p.id).toBe(200);
      expect(() => decodeLefiSvar(r.text), p.id).not.toThrow();
    }
  });

  it("turns every answer into a data section carrying exactly the answer bytes", () => {
    for (const p of PERSONAS) {
      const s = sektioner.get(p.id)!;
      expect("data" in s, p.id).toBe(true);
      const data = (s as { data: XmlElement[] }).data;
      expect(data.map((e) => `${e.ns}|${e.local}`)).toEqual([`${NS10}|lefiJsonSvar`]);
      expect(Buffer.from(textOf(data[0]!), "base64").toString("utf8")).toBe(results.get(p.id)!.text);
    }
  });

  it("has facts for exactly the personas whose kallor name FK", () => {
    expect(Object.keys(FAKTA).sort()).toEqual(fkPersonas.map((p) => p.id).sort());
  });

  describe.skipIf(!REFERENCE_DIR)("against the official schemas (../shared/reference)", () => {
    it("every answer validates against LefiExternFormansinformationSvar (ajv on the OpenAPI spec)", () => {
      const validate = lefiValidator("LefiExternFormansinformationSvar");
      for (const p of PERSONAS)
        expect(validate(results.get(p.id)!.svar), `${p.id} ${JSON.stringify(validate.errors)}`).toBe(true);
    });

    it("every request SSBT builds validates against LefiExternFormansinformationFraga", async () => {
      const validate = lefiValidator("LefiExternFormansinformationFraga");
      for (const p of PERSONAS) {
        const req = fetchRequest(klient.begaran(fraga(p.personidentitet), BASE, KONTRAKT));
        expect(validate(JSON.parse(await req.text())), `${p.id} ${JSON.stringify(validate.errors)}`).toBe(
          true,
        );
      }
    });

    it("every FK section validates against the ssbt/10 XSD inside a composite answer", async () => {
      // One libxml2 run for all personas: one per persona takes half a minute on a busy machine.
      const v = await validateManyAgainst(
        PERSONAS.map((p) => sektionXml(sektioner.get(p.id)!)),
        SSBT10_XSD,
      );
      PERSONAS.forEach((p, i) => {
        expect(v[i]?.errors, p.id).toEqual([]);
      });
    });
  });

  it.skipIf(!!REFERENCE_DIR)("warns that the reference-based checks were skipped", () => {
    console.warn(REFERENCE_MISSING);
  });
});

describe("the personas' stories", () => {
  const ask = async (id: string, aktor = "026-51", period = TEST_PERIOD) =>
    (await lefiJson(fraga(pidOf(id), period, aktor))).svar;

  it("ej-traff and personas FK does not know: both utlämnare OK and nothing else", async () => {
    for (const id of ["ej-traff", "arbetslos-akassa", "bilagare"]) {
      const svar = await ask(id);
      expect(
        svar.utlamnare?.map((u) => [u.utlamnare?.kod, u.tillstand?.kod]),
        id,
      ).toEqual([
        ["FK", "OK"],
        ["PM", "OK"],
      ]);
      expect(svar.formansinformation, id).toBeUndefined();
      expect(svar.beslut, id).toBeUndefined();
      expect(svar.utbetalningar, id).toBeUndefined();
    }
  });

  it("a wrong check digit (the reference client's 199001011234) gets OK without data", async () => {
    const svar = (await lefiJson(fraga("199001011234"))).svar;
    expect(svar.formansinformation).toBeUndefined();
    expect(svar.utlamnare).toHaveLength(2);
  });

  it("accepts a 10-digit personnummer and finds the same person", async () => {
    const pid = pidOf("student-bostadsbidrag");
    const r = await post(
      JSON.stringify({
        personnummer: pid.slice(2),
        period: { from: "2026-09-21", tom: "2026-11-20" },
        formansinformation: ["FK:BOB"],
      }),
    );
    const svar = (await r.json()) as LefiExternFormansinformationSvar;
    expect(svar.formansinformation?.bostadsbidragsarende).toHaveLength(1);
  });

  it("student-bostadsbidrag: BOB 1 300 kr paid on the 25th (Friday before at weekends)", async () => {
    const fi = (await ask("student-bostadsbidrag")).formansinformation!;
    expect(fi.bostadsbidragsarende?.[0]?.beslut?.[0]?.beslutatBruttobelopp).toEqual({
      summa: 1300,
      valuta: "SEK",
    });
    expect(fi.utbetalningsuppgift?.map((u) => [u.datum, u.nettobelopp?.summa])).toEqual([
      ["2026-09-25", 1300],
      ["2026-10-23", 1300], // 25 October 2026 is a Sunday
    ]);
  });

  it("foralder-barnfamilj: barnbidrag for three with flerbarnstillägg on the 20th, underhållsstöd for two", async () => {
    const fi = (await ask("foralder-barnfamilj")).formansinformation!;
    expect(fi.barnbidragsarende).toHaveLength(3);
    expect(fi.underhallsstodsmottag).toHaveLength(2);
    const abb = fi.utbetalningsuppgift!.filter((u) => u.formansfamilj?.id === "ABB");
    expect(abb.map((u) => [u.datum, u.bruttobelopp?.summa])).toEqual([
      ["2026-10-20", 3 * 1250 + 730],
      ["2026-11-20", 3 * 1250 + 730],
    ]);
    const uh = fi.utbetalningsuppgift!.filter((u) => u.formansfamilj?.id === "UH");
    expect(uh.every((u) => u.bruttobelopp?.summa === 2 * 1673)).toBe(true);
    expect(fi.foraldrapenningarende?.[0]?.beslut?.[0]?.ersattningsdagar?.[0]?.bruttobelopp?.summa).toBe(912);
  });

  it("pensionar-bostadstillagg: PM pays 9 850 + 4 120 kr on the 19th, tax only on the pension", async () => {
    const svar = await ask("pensionar-bostadstillagg");
    expect(svar.utbetalningar?.map((u) => u.utbetalningsdatum)).toEqual(["2026-10-19", "2026-11-19"]);
    const u = svar.utbetalningar![0]!;
    expect(u.bruttobelopp).toBe(9850 + 4120);
    expect(u.avdrag).toEqual([
      { belopp: Math.round(6930 * 0.22) + Math.round(2920 * 0.22), avdragstyp: expect.anything() },
    ]);
    expect(u.nettobelopp).toBe(u.bruttobelopp! - u.avdrag![0]!.belopp!);
    expect(svar.beslut?.every((b) => b.beslutsdatum! < "2026-09-21")).toBe(true);
  });

  it("efterlevande: omställningspension with the deceased, bostadstillägg avslaget", async () => {
    const svar = await ask("efterlevande");
    const ef = svar.beslut!.find((b) => b.formansgrupp?.kod === "PM:EF")!;
    expect(ef.tillagg?.efterlevandeformaner?.avlidna?.[0]?.person).toMatch(/^19520314\d{4}$/);
    const bti = svar.beslut!.find((b) => b.formansgrupp?.kod === "PM:BTI")!;
    expect(bti.beslutsutfall?.kod).toBe("AVSLAG");
    expect(svar.utbetalningar?.[0]?.utbetalningsrader?.some((r) => r.formansgrupp?.kod === "PM:BTI")).toBe(
      false,
    );
  });

  it("fk-otillganglig: PM OTILLGANGLIG without avvikelser for PM, FK delivers bostadsbidrag and one INTERNT_FEL", async () => {
    const svar = await ask("fk-otillganglig");
    expect(svar.utlamnare?.map((u) => [u.utlamnare?.kod, u.tillstand?.kod])).toEqual([
      ["FK", "OK"],
      ["PM", "OTILLGANGLIG"],
    ]);
    // LEFI creates no avvikelser for an utlämnare that could not deliver.
    expect(svar.avvikelser?.beslut).toBeUndefined();
    expect(svar.avvikelser?.ansprak).toBeUndefined();
    expect(
      svar.avvikelser?.ovrigInformation?.map((a) => [a.ovrigInformationstyp?.kod, a.avvikelse?.kod]),
    ).toEqual([
      ["FK:SKUP", "OBEHORIG"],
      ["FK:SGI", "INTERNT_FEL"],
    ]);
    expect(svar.formansinformation?.bostadsbidragsarende).toHaveLength(1);
    expect(svar.ansprak ?? svar.beslut ?? svar.ovrigInformation).toBeUndefined();
  });

  it("sekretess: no names or addresses anywhere, skyddad true", async () => {
    for (const id of ["skyddad-identitet", "sekretess-pensionar"]) {
      const p = PERSONAS.find((x) => x.id === id)!;
      const r = await lefiJson(fraga(p.personidentitet));
      const gepi = r.svar.formansinformation!.generellPersoninformation![0]!;
      expect(gepi.skyddad, id).toBe(true);
      expect(gepi.namn, id).toBeUndefined();
      expect(gepi.adress, id).toBeUndefined();
      expect(r.text, id).not.toContain(p.fornamn);
      expect(r.text, id).not.toContain(p.efternamn);
    }
  });

  it("answers only what the question names", async () => {
    const pid = pidOf("foralder-barnfamilj");
    const svar = (
      await lefiJson(
        fraga(pid, TEST_PERIOD, "026-51", {
          formansinformation: ["FK:US"],
          ovrigInformation: [],
          preliminaraUtbetalningar: [],
          utbetalningar: [],
          ansprak: [],
          beslut: [],
        }),
      )
    ).svar;
    expect(Object.keys(svar.formansinformation!)).toEqual(["underhallsstodsmottag"]);
    expect(svar.utlamnare?.map((u) => u.utlamnare?.kod)).toEqual(["FK"]);
  });

  it("a generated person with FK in kallor gets coherent data, one without gets none", async () => {
    const pop = ctx.population;
    const candidates = GENERERADE;
    const withFk = candidates.find((pid) => pop.hitta(pid)!.kallor.includes("FK"));
    const without = candidates.find((pid) => !pop.hitta(pid)!.kallor.includes("FK"));
    expect(withFk && without).toBeTruthy();
    const a = (await lefiJson(fraga(withFk!))).svar;
    expect(a.formansinformation?.generellPersoninformation?.[0]?.personnummer).toBe(withFk);
    const b = (await lefiJson(fraga(without!))).svar;
    expect(b.formansinformation).toBeUndefined();
  });
});

describe("LEFI's own errors", () => {
  const body = (pid = pidOf("student-bostadsbidrag"), extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      personnummer: pid,
      period: { from: "2026-09-21", tom: "2026-11-20" },
      formansinformation: ["FK:BOB"],
      ...extra,
    });
  const felsvar = async (r: Response) => {
    const text = await r.text();
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|Error:|node_modules/);
    return JSON.parse(text) as { meddelande: string; timestamp: string };
  };

  it("403 for an unknown aktör, read by tolka as BT 403 with LEFI's message", async () => {
    const f = fraga(pidOf("student-bostadsbidrag"), TEST_PERIOD, "999-99");
    const r = await lefi(f);
    expect(r.status).toBe(403);
    const s = await klient.tolka(r, f, KONTRAKT);
    expect(s).toEqual({
      error: {
        kalla: "BT",
        felkod: "403",
        felmeddelande: ["Aktören är okänd eller får inte företrädas av anroparen."],
      },
    });
  });

  it("400 for a period longer than two years; exactly two years is allowed", async () => {
    const pid = pidOf("student-bostadsbidrag");
    const lang = await lefi(fraga(pid, { fromDatum: "2024-11-20", tomDatum: "2026-11-20" }));
    expect(lang.status).toBe(400);
    expect((await felsvar(lang)).meddelande).toBe("Perioden är längre än två år.");
    expect((await lefi(fraga(pid, { fromDatum: "2024-11-21", tomDatum: "2026-11-20" }))).status).toBe(200);
    const f = fraga(pid, { fromDatum: "2020-01-01", tomDatum: "2026-11-20" });
    expect(await klient.tolka(await lefi(f), f, KONTRAKT)).toEqual({
      error: { kalla: "BT", felkod: "400", felmeddelande: ["Perioden är längre än två år."] },
    });
  });

  it("400 for from after tom, and for a question that names nothing", async () => {
    const r1 = await post(
      JSON.stringify({
        personnummer: "200304129810",
        period: { from: "2026-11-20", tom: "2026-09-21" },
        formansinformation: ["FK:BOB"],
      }),
    );
    expect(r1.status).toBe(400);
    const r2 = await post(
      JSON.stringify({
        personnummer: "200304129810",
        period: { from: "2026-09-21", tom: "2026-11-20" },
        utbetalningar: [],
      }),
    );
    expect(r2.status).toBe(400);
    expect((await felsvar(r2)).meddelande).toMatch(/ingen förmånsgrupp/);
  });

  it.each([
    ["not JSON", "{personnummer:", /inte giltig JSON/],
    [
      "a DOCTYPE/XML body",
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
      /inte giltig JSON/,
    ],
    [
      "the wrong document",
      '{"fraga":{"personnummer":"200304129810"}}',
      /obligatoriskt fält saknas \(\/period\)/,
    ],
    [
      "a missing personnummer",
      '{"period":{"from":"2026-09-21","tom":"2026-11-20"},"formansinformation":["FK:BOB"]}',
      /\/personnummer/,
    ],
    [
      "PM codes in formansinformation",
      body(undefined, { formansinformation: ["FK:BOB", "PM:AP"] }),
      /okänd kod \(\/formansinformation\/1\)/,
    ],
    ["an array instead of an object", "[]", /fel datatyp/],
  ])("400 with a LefiFelsvar (no stack trace, no personnummer) for %s", async (_, text, meddelande) => {
    const r = await post(text);
    expect(r.status).toBe(400);
    const f = await felsvar(r);
    expect(f.meddelande).toMatch(meddelande);
    expect(f.meddelande).not.toContain("200304129810");
    expect(f.timestamp).toBe("2026-11-20T09:00:00.000Z");
  });

  it("415 when the body is not sent as JSON, 404 for a LEFI version that does not exist", async () => {
    expect((await post(body(), { contentType: "text/plain" })).status).toBe(415);
    const r = await post(body(), { version: "v8" });
    expect(r.status).toBe(404);
    expect((await felsvar(r)).meddelande).toMatch(/ingen sådan version/);
  });

  it("OBEHORIG avvikelse (not an error) for types the aktör may not see", async () => {
    const pid = pidOf("csn-ingen-post-sjukpenning");
    const soc = (await lefiJson(fraga(pid))).svar;
    expect(
      soc.avvikelser?.ovrigInformation?.map((a) => [a.ovrigInformationstyp?.kod, a.avvikelse?.kod]),
    ).toEqual([["FK:SKUP", "OBEHORIG"]]);
    expect(soc.formansinformation?.skatteuppgift).toBeUndefined();
    const begransad = (await lefiJson(fraga(pid, TEST_PERIOD, "TEST-BEGRANSAD"))).svar;
    expect(begransad.avvikelser?.formansinformation?.map((a) => a.formansgrupp?.kod)).toContain("FK:SJP");
    expect(begransad.formansinformation?.sjukpenningarende).toBeUndefined();
    const full = (await lefiJson(fraga(pid, TEST_PERIOD, "9255f428-4ba0-63ce-5407-e65d469fac0f"))).svar;
    expect(full.avvikelser).toBeUndefined();
    // Only a person who pays SINK and works abroad has a skatteuppgift (LefiSkatteuppgift).
    expect(full.formansinformation?.skatteuppgift).toBeUndefined();
    const sink = (
      await lefiJson(fraga(pidOf("atervandare-norge"), TEST_PERIOD, "9255f428-4ba0-63ce-5407-e65d469fac0f"))
    ).svar;
    expect(sink.formansinformation?.skatteuppgift).toEqual([{ skatteredovisningsnummer: "25016100473" }]);
  });

  it("serves tillgangligaInformationstyper per aktör, 403 for an unknown one", async () => {
    const url = (aktor: string) =>
      `${BASE}/lefi-extern-formansinformation/v9/aktorer/${aktor}/tillgangligaInformationstyper`;
    const r = await fetch(url("026-51"));
    expect(r.status).toBe(200);
    const t = (await r.json()) as { ovrigInformation: { kod: string }[]; formansinformation: unknown[] };
    expect(t.ovrigInformation.map((o) => o.kod)).not.toContain("FK:SKUP");
    expect(t.formansinformation).toHaveLength(27);
    expect((await fetch(url("okand"))).status).toBe(403);
  });
});

describe("SSBT's own checks before calling LEFI (kalla SSBT)", () => {
  const pid = pidOf("student-bostadsbidrag");
  const med = (fk: SsbtFraga["specifikaFrageparametrar"]["FK"]) => {
    const f = fraga(pid);
    f.specifikaFrageparametrar.FK = fk;
    return klient.forkontroll?.(f, KONTRAKT);
  };
  const lefiJsonFraga = lefiFragaBase64(pid, TEST_PERIOD);

  it("passes a good question, v9 or no version", () => {
    expect(
      med({ inkludera: true, fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga } }),
    ).toBeUndefined();
    expect(med({ inkludera: true, fraga: { aktorsid: "026-51", lefiJsonFraga } })).toBeUndefined();
    expect(
      med({ inkludera: true, fraga: { version: "", aktorsid: "026-51", lefiJsonFraga } }),
    ).toBeUndefined();
    expect(med({ inkludera: false })).toBeUndefined();
  });

  it.each([
    ["FK included without fraga", { inkludera: true }, /saknas/],
    [
      "an unknown LEFI version",
      { inkludera: true, fraga: { version: "v8", aktorsid: "026-51", lefiJsonFraga } },
      /"v8" finns inte/,
    ],
    [
      "an empty aktorsid",
      { inkludera: true, fraga: { version: "v9", aktorsid: " ", lefiJsonFraga } },
      /aktorsid/,
    ],
    [
      "lefiJsonFraga not base64",
      { inkludera: true, fraga: { aktorsid: "026-51", lefiJsonFraga: "###" } },
      /base64/,
    ],
    [
      "lefiJsonFraga not JSON",
      { inkludera: true, fraga: { aktorsid: "026-51", lefiJsonFraga: lefiJsonTillBase64("<fraga/>") } },
      /base64-kodad JSON/,
    ],
  ])("%s → SSBT-2003", (_, fk, text) => {
    const e = med(fk as SsbtFraga["specifikaFrageparametrar"]["FK"]);
    expect(e?.kalla).toBe("SSBT");
    expect(e?.felkod).toBe("SSBT-2003");
    expect(e?.felmeddelande.join(" ")).toMatch(text);
  });

  it("builds the request the spec describes: POST, JSON, version and aktörsid in the path, the question byte for byte", async () => {
    const f = fraga(pid, TEST_PERIOD, "026/51 x");
    const req = fetchRequest(klient.begaran(f, `${BASE}/`, KONTRAKT));
    expect(req.method).toBe("POST");
    expect(req.url).toBe(
      `${BASE}/lefi-extern-formansinformation/v9/aktorer/026%2F51%20x/formansinformation/fraga`,
    );
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(await req.text()).toBe(lefiJsonFranBase64(f.specifikaFrageparametrar.FK.fraga!.lefiJsonFraga));
  });
});

describe("the question SSBT's check parsed, handed over in-process", () => {
  const endpoint = fkSimulator.endpoint(ctx);
  const text = encodeLefiFraga(lefiFraga(pidOf("student-bostadsbidrag"), TEST_PERIOD));
  const annan = encodeLefiFraga(lefiFraga(pidOf("foralder-barnfamilj"), TEST_PERIOD));
  const anrop = async (body: string, parsedJson: { text: string; value: unknown }) => {
    const path = "/fk/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga";
    const out = await endpoint(
      simRequest(
        "POST",
        path,
        { "content-type": "application/json" },
        body,
        undefined,
        undefined,
        parsedJson,
      ),
    );
    if (out?.kind !== "response") throw new Error("no response");
    return { status: out.status, text: String(out.body) };
  };
  const direkt = async (body: string) => {
    const r = await post(body);
    return { status: r.status, text: await r.text() };
  };

  it("comes with the request SSBT builds after its check: the body's own value", () => {
    const f = fraga(pidOf("student-bostadsbidrag"));
    expect(klient.forkontroll?.(f, KONTRAKT)).toBeUndefined();
    const b = klient.begaran(f, BASE, KONTRAKT);
    expect(b.parsedJson?.text).toBe(b.body);
    expect(b.parsedJson?.value).toEqual(JSON.parse(b.body));
  });

  it("is used for exactly its text, and an altered body is parsed from the text", async () => {
    // A value that differs from its text shows which one the endpoint read.
    const vald = await anrop(text, { text, value: JSON.parse(annan) });
    expect(vald).toEqual(await direkt(annan));
    const andrad = await anrop(text, { text: annan, value: JSON.parse(annan) });
    expect(andrad).toEqual(await direkt(text));
  });

  it("is still checked against the schema, with the same error as a parsed body", async () => {
    const fel = JSON.stringify({ personnummer: "x", period: { from: "2026-09-21", tom: "2026-11-20" } });
    const svar = await anrop(fel, { text: fel, value: JSON.parse(fel) });
    expect(svar.status).toBe(400);
    expect(JSON.parse(svar.text).meddelande).toBe(JSON.parse((await direkt(fel)).text).meddelande);
  });
});

describe("tolka never throws on a bad answer", () => {
  const f = fraga(pidOf("student-bostadsbidrag"));
  const tolka = (r: Response) => klient.tolka(r, f, KONTRAKT);
  const felkod = async (r: Response) => {
    const s = await tolka(r);
    expect("error" in s).toBe(true);
    const e = (s as { error: { kalla: string; felkod: string; felmeddelande: string[] } }).error;
    expect(e.kalla).toBe("BT");
    expect(e.felmeddelande.length).toBeGreaterThan(0);
    return e.felkod;
  };

  it.each([
    ["200 with text that is not JSON", () => new Response("OK", { status: 200 }), "MALFORMED"],
    ["200 with a JSON array", () => Response.json([]), "MALFORMED"],
    [
      "200 with JSON that breaks the contract",
      () => Response.json({ utlamnare: [{ tillstand: { kod: "NERE" } }] }),
      "MALFORMED",
    ],
    [
      "502 with an HTML page from a proxy",
      () =>
        new Response("<html><body>Bad Gateway</body></html>", {
          status: 502,
          headers: { "Content-Type": "text/html" },
        }),
      "HTTP_502",
    ],
    [
      "500 with LEFI's error body",
      () => Response.json({ meddelande: "Internt fel." }, { status: 500 }),
      "500",
    ],
    ["204 with no body", () => new Response(null, { status: 204 }), "HTTP_204"],
    [
      "a body that breaks off",
      () =>
        new Response(
          new ReadableStream({
            start(c) {
              c.error(new Error("connection reset"));
            },
          }),
          { status: 200 },
        ),
      "MALFORMED",
    ],
  ])("%s → error section %s", async (_, make, kod) => {
    expect(await felkod(make())).toBe(kod);
  });

  it("masks a personnummer that a LEFI error message might carry", async () => {
    const s = await tolka(Response.json({ meddelande: "Ingen post för 200304129810." }, { status: 400 }));
    expect(JSON.stringify(s)).not.toContain("200304129810");
  });

  describe.skipIf(!REFERENCE_DIR)("the error section is ssbt/10 schema-valid", () => {
    it("validates", async () => {
      const s = await tolka(new Response("<html/>", { status: 503 }));
      expect((await validateAgainst(sektionXml(s), SSBT10_XSD)).errors).toEqual([]);
    });
  });
});

describe("determinism", () => {
  const generated = GENERERADE;
  async function allBytes(c: SimulatorContext): Promise<string[]> {
    const local = setupServer(...[mswHandler(fkSimulator.endpoint(c))]);
    server.close();
    local.listen({ onUnhandledRequest: "error" });
    try {
      const out: string[] = [];
      for (const pid of [...PERSONAS.map((p) => p.personidentitet), ...generated])
        out.push(await (await lefi(fraga(pid))).text());
      return out;
    } finally {
      local.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  }

  it("gives the same bytes for the same seed and other generated persons for another seed", async () => {
    const a = await allBytes(testContext(7));
    const b = await allBytes(testContext(7));
    expect(b).toEqual(a);
    const c = await allBytes(testContext(8));
    expect(c.slice(0, PERSONAS.length)).toEqual(a.slice(0, PERSONAS.length));
    expect(c.slice(PERSONAS.length)).not.toEqual(a.slice(PERSONAS.length));
  });
});

describe("kodverk (fixtures/kodverk/lefi.json)", () => {
  it("covers every svar code in the answers to the named personas", async () => {
    const seen = [] as { path: string[]; value: string }[];
    for (const p of PERSONAS) leaves((await lefiJson(fraga(p.personidentitet))).svar, [], seen);
    for (const kv of KODVERK.filter((k) => k.id.startsWith("LEFI.") && k.riktning === "svar")) {
      const values = new Set(
        seen.filter((l) => kv.falt.some((f) => endsWith(l.path, f))).map((l) => l.value),
      );
      expect(
        kv.koder.filter((k) => !values.has(k.kod)).map((k) => k.kod),
        kv.id,
      ).toEqual([]);
    }
  });

  it("holds exactly the codes of the contract's code lists", () => {
    const ids = (id: string) => KODVERK.find((k) => k.id === id)!.koder.map((k) => k.kod);
    expect(ids("LEFI.Fraga.ExternFormanGruppKod")).toHaveLength(30);
    expect(ids("LEFI.Pm.UtbetalningBeloppTypKod")).toHaveLength(33);
    expect(ids("LEFI.Utbetalning.Avdragstyp")).toHaveLength(26);
    expect(ids("LEFI.Programanvisning.Program")).toHaveLength(34);
  });

  it("only uses codes of the kodverk at the kodverk's fields", async () => {
    const seen = [] as { path: string[]; value: string }[];
    for (const p of PERSONAS) leaves((await lefiJson(fraga(p.personidentitet))).svar, [], seen);
    for (const kv of KODVERK.filter((k) => k.id.startsWith("LEFI.") && k.riktning === "svar")) {
      const koder = new Set(kv.koder.map((k) => k.kod));
      const okanda = seen.filter((l) => kv.falt.some((f) => endsWith(l.path, f)) && !koder.has(l.value));
      expect(
        okanda.map((l) => `${l.path.join(".")}=${l.value}`),
        kv.id,
      ).toEqual([]);
    }
  });
});

describe("periods and amounts", () => {
  const perioder: Tidsperiod[] = [
    TEST_PERIOD,
    { fromDatum: "2025-01-01", tomDatum: "2025-06-30" },
    { fromDatum: "2026-11-01", tomDatum: "2027-01-31" },
    { fromDatum: "2026-10-19", tomDatum: "2026-10-19" },
    { fromDatum: "2026-04-25", tomDatum: "2026-05-10" }, // starts on a Saturday the 25th
    { fromDatum: "2026-10-24", tomDatum: "2026-10-25" }, // a weekend only
  ];
  const isDate = (d: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

  it("puts every payment inside the asked period, made ones up to today, planned ones after", async () => {
    for (const period of perioder)
      for (const p of fkPersonas) {
        const svar = (await lefiJson(fraga(p.personidentitet, period))).svar;
        const tag = `${p.id} ${period.fromDatum}`;
        const inside = (d: string) => d >= period.fromDatum && d <= period.tomDatum;
        for (const u of svar.formansinformation?.utbetalningsuppgift ?? []) {
          expect(isDate(u.datum!) && inside(u.datum!) && u.datum! <= TODAY, tag).toBe(true);
          expect(u.nettobelopp!.summa, tag).toBe(u.bruttobelopp!.summa! - u.avdragsbelopp!.summa!);
          expect(Number.isInteger(u.bruttobelopp!.summa), tag).toBe(true);
        }
        for (const u of svar.formansinformation?.preliminarautbetalningar ?? [])
          expect(isDate(u.datum!) && inside(u.datum!) && u.datum! > TODAY, tag).toBe(true);
        for (const u of svar.utbetalningar ?? []) {
          expect(inside(u.utbetalningsdatum!) && u.utbetalningsdatum! <= TODAY, tag).toBe(true);
          const rader = (u.utbetalningsrader ?? []).reduce((s, r) => s + r.belopp!, 0);
          const avdrag = (u.avdrag ?? []).reduce((s, a) => s + a.belopp!, 0);
          expect([u.bruttobelopp, u.nettobelopp], tag).toEqual([rader, rader - avdrag]);
        }
        for (const u of svar.preliminaraUtbetalningar ?? [])
          expect(inside(u.utbetalningsdatum!) && u.utbetalningsdatum! > TODAY, tag).toBe(true);
      }
  });

  it("decides before it pays: every FK payment has a decision of the same förmån made before it", async () => {
    for (const period of perioder)
      for (const p of fkPersonas) {
        const svar = (await lefiJson(fraga(p.personidentitet, period))).svar;
        const fi = svar.formansinformation ?? {};
        const beslut = Object.values(fi)
          .flat()
          .flatMap((a) => {
            const b = (a as { beslut?: unknown }).beslut;
            return (Array.isArray(b) ? b : b ? [b] : []) as { fattades?: string; forman?: { id?: string } }[];
          });
        for (const b of beslut) expect(b.fattades! <= TODAY, `${p.id} decided in the future`).toBe(true);
        if (p.id === "kodtackning") continue;
        for (const u of [...(fi.utbetalningsuppgift ?? []), ...(fi.preliminarautbetalningar ?? [])]) {
          const grund = beslut.filter((b) => b.forman?.id === u.formansfamilj?.id && b.fattades! < u.datum!);
          expect(grund.length, `${p.id} ${u.formansfamilj?.id} ${u.datum}`).toBeGreaterThan(0);
        }
        // A PM payment rests on a decision of its förmånsgrupp made before it (later yearly
        // recalculations do not change what an earlier payment rested on).
        if (svar.beslut)
          for (const u of svar.utbetalningar ?? [])
            for (const r of u.utbetalningsrader ?? [])
              expect(
                svar.beslut.some(
                  (b) =>
                    b.formansgrupp?.kod === r.formansgrupp?.kod && b.beslutsdatum! < u.utbetalningsdatum!,
                ),
                `${p.id} ${r.formansgrupp?.kod} ${u.utbetalningsdatum}`,
              ).toBe(true);
      }
  });

  it.skipIf(!REFERENCE_DIR)("answers the kodtackning persona schema-valid for every period too", async () => {
    const validate = lefiValidator("LefiExternFormansinformationSvar");
    for (const period of perioder) {
      const svar = (await lefiJson(fraga(pidOf("kodtackning"), period))).svar;
      expect(validate(svar), JSON.stringify(validate.errors)).toBe(true);
      expect(() => decodeLefiSvar(encodeLefiSvar(svar))).not.toThrow();
    }
  });
});

it("counts today in Swedish time (a payment made at 00:30 on the 20th is made 'today')", () => {
  expect(idag(new Date("2026-11-19T23:30:00Z"))).toBe("2026-11-20");
  expect(idag(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  expect(idag(new Date("2026-11-20T10:00:00+01:00"))).toBe("2026-11-20");
});

/** Keeps `lefiFraga` honest: the full question names every code of the question-side kodverk. */
it("lefiFraga asks for every förmånsgrupp and informationstyp", () => {
  const q = lefiFraga("200304129810", TEST_PERIOD);
  for (const kv of KODVERK.filter((k) => k.id.startsWith("LEFI.Fraga.")))
    for (const falt of kv.falt)
      expect((q as unknown as Record<string, string[]>)[falt], `${kv.id} ${falt}`).toEqual(
        expect.arrayContaining(kv.koder.map((k) => k.kod)),
      );
});
