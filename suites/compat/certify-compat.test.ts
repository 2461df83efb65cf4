import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CompatResultat, jamforKontrakt } from "../../contract/compat/diff.js";
import { kontraktFranModell } from "../../contract/compat/modell.js";
import { lasOpenApi } from "../../contract/compat/openapi.js";
import type { KontraktBeskrivning } from "../../contract/compat/schema.js";
import { lasXsd } from "../../contract/compat/xsd.js";
import { isHarnessError } from "../../contract/errors.js";
import { runCli } from "../../test/support/cli.js";
import { REFERENCE_DIR, referencePath } from "../../test/support/reference.js";
import { certifyCompat, compatCertifyReport, formatCompat } from "./certify-compat.js";

const SKV = "hamtaBastjanstInformationResponse/svarsdata/SKV";

function hitta(r: CompatResultat, typ: string, path: string) {
  return r.andringar.find((a) => a.typ === typ && a.path === path);
}

/** A one-namespace contract from XSD text (for classification cases). */
function xsd(body: string, ns = "urn:test"): KontraktBeskrivning {
  const text = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${ns}" targetNamespace="${ns}" elementFormDefault="qualified">${body}</xs:schema>`;
  return { namn: "x", delar: lasXsd([{ namn: "x.xsd", text }], "test"), accepterar: [] };
}

describe("certify compat on our model", () => {
  it("v10 → v11 breaks consumers: the namespace and the SKV answer, with the SKV changes named", () => {
    const r = certifyCompat({ from: { version: "v10" }, to: { version: "v11" } });
    expect(r.brytandeForKonsumenter).toBe(true);
    const ns = r.andringar.find((a) => a.typ === "namespace" && a.grupp === "SSBT");
    expect(ns).toMatchObject({
      konsument: "brytande",
      fran: expect.stringContaining("/ssbt/10"),
      till: expect.stringContaining("/ssbt/11"),
    });
    // Skatteverket's v10 document is gone from the answer…
    expect(hitta(r, "borttagen", `${SKV}/data`)).toMatchObject({ konsument: "brytande", striktKlient: true });
    // …replaced by one part per block: new optional answer elements break strict clients, not lenient ones.
    for (const block of [
      "foretagsinformation",
      "individuppgifter",
      "skattekonto",
      "skatteuppgifter",
      "beskattningsbilagor",
    ])
      expect(hitta(r, "tillagd", `${SKV}/${block}`), block).toMatchObject({
        konsument: "additiv",
        striktKlient: true,
      });
    // The question gets SKV/fraga: optional for consumers, new work for producers.
    expect(hitta(r, "tillagd", "hamtaBastjanstInformation/specifikaFrageparametrar/SKV/fraga")).toMatchObject(
      {
        riktning: "fraga",
        konsument: "additiv",
        producent: "brytande",
      },
    );
    // Nothing else changed: every other change is under SKV or the namespace.
    for (const a of r.andringar) if (a.typ !== "namespace") expect(a.path).toMatch(/\/SKV(\/|$)/);
    expect(formatCompat(r)).toContain("BREAKING for consumers");
  });

  it("v11 → utkast is additive for consumers and lists AF's additions", () => {
    const r = certifyCompat({ from: { version: "v11" }, to: { version: "utkast" } });
    expect(r.brytandeForKonsumenter).toBe(false);
    expect(r.brytandeForStriktaKlienter).toBe(false);
    const af = r.andringar.filter((a) => a.grupp === "AF").map((a) => a.path);
    expect(af).toEqual(
      expect.arrayContaining([
        "UtokadFraga",
        "UtokadSvar",
        "UtokadSvar/IndragetAktivitetsstod",
        "UtokadSvar/Programbeslut",
        "UtokadSvar/Leverantor",
        "UtokadSvar/SenasteGodkandaAktivitetsrapport",
        "UtokadSvar/AntalSoktaJobb",
        "UtokadSvar/NastaPlaneringsmote",
        "UtokadSvar/Avaktualisering",
      ]),
    );
    // AF must implement the draft: the new question element is breaking for AF as producer.
    expect(r.andringar.find((a) => a.path === "UtokadFraga")).toMatchObject({
      konsument: "additiv",
      producent: "brytande",
    });
    // The draft still answers ssbt/11: its own namespace is not breaking for v11 consumers.
    expect(r.andringar.find((a) => a.typ === "namespace")).toMatchObject({ konsument: "additiv" });
    expect(compatCertifyReport(r, new Date(0), 1).passed).toBe(true);
  });

  it("utkast → v11 (dropping the extension) breaks consumers", () => {
    const r = certifyCompat({ from: { version: "utkast" }, to: { version: "v11" } });
    expect(r.brytandeForKonsumenter).toBe(true);
    expect(r.andringar.some((a) => a.typ === "del-borttagen" && a.grupp === "AF")).toBe(true);
  });

  it("a version against itself has no change", () => {
    const r = jamforKontrakt(kontraktFranModell("v11"), kontraktFranModell("v11"));
    expect(r.andringar).toEqual([]);
    expect(formatCompat(r)).toContain("NO CHANGES");
  });

  it("bad input is a clear error (exit 2 in the CLI)", () => {
    const fel = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(isHarnessError(e)).toBe(true);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    expect(fel(() => certifyCompat({ from: { version: "v9" }, to: { version: "v11" } }))).toContain(
      "v10, v11, utkast",
    );
    expect(fel(() => certifyCompat({ from: {}, to: { version: "v11" } }))).toContain("--from");
    expect(
      fel(() => certifyCompat({ from: { xsd: "/nonexistent/x.xsd" }, to: { version: "v11" } })),
    ).toContain("does not exist");
    expect(fel(() => lasXsd([{ namn: "a.xsd", text: "<a>" }], "t"))).toContain("not well-formed");
    expect(fel(() => lasOpenApi("openapi: [", "x.yaml"))).toContain("x.yaml");
  });
});

describe("classification (Pact/zeep semantics)", () => {
  const svar = (inner: string) =>
    `<xs:element name="Svar"><xs:complexType><xs:sequence>${inner}</xs:sequence></xs:complexType></xs:element>`;
  const fraga = (inner: string) =>
    `<xs:element name="Fraga"><xs:complexType><xs:sequence>${inner}</xs:sequence></xs:complexType></xs:element>`;
  const kod = (vals: string[]) =>
    `<xs:element name="kod"><xs:simpleType><xs:restriction base="xs:string">${vals.map((v) => `<xs:enumeration value="${v}"/>`).join("")}</xs:restriction></xs:simpleType></xs:element>`;

  it("a new code in an answer breaks consumers; in a question it breaks producers", () => {
    const a = jamforKontrakt(xsd(svar(kod(["A"]))), xsd(svar(kod(["A", "B"]))));
    expect(a.andringar[0]).toMatchObject({
      typ: "enumeration-tillagd",
      konsument: "brytande",
      producent: "additiv",
    });
    const q = jamforKontrakt(xsd(fraga(kod(["A"]))), xsd(fraga(kod(["A", "B"]))));
    expect(q.andringar[0]).toMatchObject({
      typ: "enumeration-tillagd",
      konsument: "additiv",
      producent: "brytande",
    });
  });

  it("a required element in a question breaks consumers; made optional in an answer breaks consumers", () => {
    const q = jamforKontrakt(
      xsd(fraga('<xs:element name="a" type="xs:string"/>')),
      xsd(fraga('<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/>')),
    );
    expect(q.andringar[0]).toMatchObject({ typ: "tillagd", konsument: "brytande" });
    const s = jamforKontrakt(
      xsd(svar('<xs:element name="a" type="xs:string"/>')),
      xsd(svar('<xs:element name="a" type="xs:string" minOccurs="0"/>')),
    );
    expect(s.andringar[0]).toMatchObject({ typ: "min", konsument: "brytande", producent: "additiv" });
  });

  it("a new optional answer element breaks strict clients only, unless the old schema had a wildcard there", () => {
    const utan = jamforKontrakt(
      xsd(svar('<xs:element name="a" type="xs:string"/>')),
      xsd(
        svar('<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/>'),
      ),
    );
    expect(utan.andringar[0]).toMatchObject({ konsument: "additiv", striktKlient: true });
    expect(utan.brytandeForKonsumenter).toBe(false);
    const wild = '<xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>';
    const med = jamforKontrakt(
      xsd(svar(`<xs:element name="a" type="xs:string"/>${wild}`)),
      xsd(
        svar(
          `<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/>${wild}`,
        ),
      ),
    );
    expect(med.andringar.find((x) => x.typ === "tillagd")).toMatchObject({ striktKlient: false });
  });

  it("a narrower pattern or length in a question breaks consumers", () => {
    const typ = (facet: string) =>
      svar("").replace("Svar", "Svar2") +
      fraga(
        `<xs:element name="n"><xs:simpleType><xs:restriction base="xs:string">${facet}</xs:restriction></xs:simpleType></xs:element>`,
      );
    const r = jamforKontrakt(xsd(typ('<xs:maxLength value="32"/>')), xsd(typ('<xs:maxLength value="31"/>')));
    expect(r.andringar[0]).toMatchObject({ typ: "langd", konsument: "brytande", producent: "additiv" });
    const p = jamforKontrakt(
      xsd(typ('<xs:pattern value="[0-9]{12}"/>')),
      xsd(typ('<xs:pattern value="[0-9]{10}"/>')),
    );
    expect(p.andringar[0]).toMatchObject({ typ: "pattern", konsument: "brytande", producent: "brytande" });
  });

  it("reads OpenAPI (LEFI-style): a new enum value in a response breaks consumers", () => {
    const doc = (vals: string) => `openapi: 3.0.1
info: { title: LEFI test, version: "1" }
paths:
  /fraga:
    post:
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Fraga" } } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Svar" } } } }
components:
  schemas:
    Fraga: { type: object, required: [pnr], properties: { pnr: { type: string, pattern: "^[0-9]{12}$" } } }
    Svar: { type: object, properties: { tillstand: { type: string, enum: [${vals}] }, lista: { type: array, items: { $ref: "#/components/schemas/Svar" } } } }
`;
    const k = (t: string): KontraktBeskrivning => ({
      namn: "l",
      delar: [lasOpenApi(t, "l.yaml")],
      accepterar: [],
    });
    const r = jamforKontrakt(k(doc("OK, FELANDE")), k(doc("OK, FELANDE, OTILLGANGLIG")));
    expect(r.andringar).toHaveLength(1);
    expect(r.andringar[0]).toMatchObject({
      grupp: "FK",
      typ: "enumeration-tillagd",
      riktning: "svar",
      konsument: "brytande",
      till: "OTILLGANGLIG",
    });
  });
});

describe.skipIf(!REFERENCE_DIR)("certify compat on the official files (../shared/reference)", () => {
  if (!REFERENCE_DIR)
    console.warn("SKIPPED: certify compat on the official files needs ../shared/reference.");

  it("v10 → v11 from the official XSD folders: breaking, the SKV changes named, every bastjänst schema unchanged", () => {
    const r = certifyCompat({
      from: { xsd: referencePath("ssbtek-v10/contract") },
      to: { xsd: referencePath("ssbtek-v11/contract") },
    });
    expect(r.brytandeForKonsumenter).toBe(true);
    expect(hitta(r, "borttagen", `${SKV}/data`)).toBeDefined();
    expect(hitta(r, "tillagd", `${SKV}/skattekonto`)).toBeDefined();
    expect(hitta(r, "tillagd", "hamtaBastjanstInformation/specifikaFrageparametrar/SKV/fraga")).toBeDefined();
    expect(r.sammanfattning.filter((s) => s.grupp !== "SSBT").every((s) => s.andringar === 0)).toBe(true);
    // The LEFI OpenAPI spec is part of the folder and read too.
    expect(r.sammanfattning.some((s) => s.grupp === "FK" && s.namespace.startsWith("openapi:"))).toBe(true);
  });

  it("the official WSDL file follows its includes and imports", () => {
    const r = certifyCompat({
      from: {
        xsd: referencePath(
          "ssbtek-v10/contract/se/forsakringskassan/schema/integration/ssbt/_10/Sammansatt_Bastjanst_v10.wsdl",
        ),
      },
      to: {
        xsd: referencePath(
          "ssbtek-v11/contract/se/forsakringskassan/schema/integration/ssbt/_11/Sammansatt_Bastjanst_v11.wsdl",
        ),
      },
    });
    expect(r.brytandeForKonsumenter).toBe(true);
    expect(r.sammanfattning.map((s) => s.grupp)).toEqual(
      expect.arrayContaining(["AF", "SKV", "SO", "TNS", "MIV", "SSBT"]),
    );
  });

  it("our model's composite question reads like the official one (same paths and occurrences)", () => {
    const officiell = certifyCompat({
      from: {
        xsd: referencePath(
          "ssbtek-v11/contract/se/forsakringskassan/schema/integration/ssbt/_11/sammansatt_bastjanst_v11.xsd",
        ),
      },
      to: { version: "v11" },
    });
    const fraga = officiell.andringar.filter(
      (a) => a.grupp === "SSBT" && a.path.startsWith("hamtaBastjanstInformation/"),
    );
    expect(fraga.map((a) => `${a.typ} ${a.path}`)).toEqual([]);
  });

  it("the LEFI spec against itself has no change", () => {
    const text = readFileSync(
      referencePath(
        "ssbtek-v10/contract/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml",
      ),
      "utf8",
    );
    const d = lasOpenApi(text, "lefi");
    expect(d.noder.size).toBeGreaterThan(500);
    const k = { namn: "l", delar: [d], accepterar: [] };
    expect(jamforKontrakt(k, k).andringar).toEqual([]);
  });
});

describe("ssbtek-harness certify compat (CLI)", () => {
  it("exits 1 on v10 → v11, 0 on v11 → utkast (JSON on stdout), 2 on bad input without a stack trace", async () => {
    const [brytande, additiv, dalig] = await Promise.all([
      runCli(["certify", "compat", "--from", "v10", "--to", "v11"]),
      runCli(["certify", "compat", "--from", "v11", "--to", "utkast", "--json"]),
      runCli(["certify", "compat", "--from", "v10", "--to-xsd", "/nonexistent.xsd"]),
    ]);
    expect(brytande.code).toBe(1);
    expect(brytande.stdout).toContain("BREAKING for consumers");
    expect(brytande.stdout).toContain("hamtaBastjanstInformationResponse/svarsdata/SKV/data");
    expect(additiv.code).toBe(0);
    expect(JSON.parse(additiv.stdout).brytandeForKonsumenter).toBe(false);
    expect(dalig.code).toBe(2);
    expect(dalig.stderr).toContain("does not exist");
    expect(dalig.stderr + dalig.stdout).not.toMatch(/\n\s+at \S+ \(/);
  }, 60_000);
});
