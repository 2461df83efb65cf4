import { describe, expect, it, vi } from "vitest";
import * as xmllint from "xmllint-wasm";
import { REFERENCE_DIR, REFERENCE_MISSING } from "./reference.js";
import {
  MAX_DOCUMENTS_PER_RUN,
  schemaBatch,
  validateAgainst,
  validateDocuments,
  validateManyAgainst,
} from "./xsd.js";

// Counts libxml2 runs: batching is the point of these helpers.
vi.mock("xmllint-wasm", async (importOriginal) => {
  const real = await importOriginal<typeof import("xmllint-wasm")>();
  return { ...real, validateXML: vi.fn(real.validateXML) };
});
const runs = () => vi.mocked(xmllint.validateXML).mock.calls.length;

// Small schemas added to the v10 contract folder, so the messages are short and predictable.
const TAL = "harness-test/tal.xsd";
const ORD = "harness-test/ord.xsd";
const schema = (element: string, type: string) =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="${element}" type="xs:${type}"/></xs:schema>`;
const OVERRIDES = { [TAL]: schema("tal", "int"), [ORD]: schema("ord", "NCName") };
const tal = (n: string) => `<tal>${n}</tal>`;

describe.skipIf(!REFERENCE_DIR)(
  "validateManyAgainst: one libxml2 run, errors attributed per document",
  () => {
    it("one schema-invalid document among valid ones fails only its own result", async () => {
      const before = runs();
      const r = await validateManyAgainst(
        [tal("1"), tal("2"), tal("x"), tal("4")],
        TAL,
        undefined,
        OVERRIDES,
      );
      expect(runs() - before).toBe(1);
      expect(r.map((x) => x.valid)).toEqual([true, true, false, true]);
      expect(r[2]!.errors).toEqual([
        "document-2.xml:1: Schemas validity error : Element 'tal': 'x' is not a valid value of the atomic type 'xs:int'.",
      ]);
      for (const i of [0, 1, 3]) expect(r[i]!.errors).toEqual([]);
    });

    it("a malformed document keeps its parser message with the source line and caret, first or last", async () => {
      for (const docs of [
        [tal("1"), "not xml", tal("3")],
        [tal("1"), tal("2"), "<tal>3"],
      ]) {
        const r = await validateManyAgainst(docs, TAL, undefined, OVERRIDES);
        const bad = docs.findIndex((d) => !d.startsWith("<tal>") || !d.endsWith("</tal>"));
        expect(r.map((x) => x.valid)).toEqual(docs.map((_, i) => i !== bad));
        expect(r[bad]!.errors[0]).toMatch(new RegExp(`^document-${bad}\\.xml:1: parser error : `));
        expect(r[bad]!.errors.join("\n")).toContain(docs[bad]);
      }
    });

    it("the last document's errors are kept (xmllint-wasm's own parse drops the output's last line)", async () => {
      const r = await validateManyAgainst([tal("1"), tal("x")], TAL, undefined, OVERRIDES);
      expect(r[1]).toEqual({
        valid: false,
        errors: [
          "document-1.xml:1: Schemas validity error : Element 'tal': 'x' is not a valid value of the atomic type 'xs:int'.",
        ],
      });
      expect(await validateAgainst(tal("x"), TAL, undefined, OVERRIDES)).toEqual({
        valid: false,
        errors: [r[1]!.errors[0]!.replace("document-1.xml", "document-0.xml")],
      });
    });

    it(`more than ${MAX_DOCUMENTS_PER_RUN} documents: several runs, each error still on its own document`, async () => {
      const n = 2 * MAX_DOCUMENTS_PER_RUN + 50;
      const bad = new Set([0, MAX_DOCUMENTS_PER_RUN - 1, MAX_DOCUMENTS_PER_RUN, n - 1]);
      const before = runs();
      const r = await validateManyAgainst(
        Array.from({ length: n }, (_, i) => tal(bad.has(i) ? `x${i}` : String(i))),
        TAL,
        undefined,
        OVERRIDES,
      );
      expect(runs() - before).toBe(3);
      expect(r.flatMap((x, i) => (x.valid ? [] : [i]))).toEqual([...bad]);
      for (const i of bad) {
        expect(r[i]!.errors[0]).toMatch(new RegExp(`^document-${i}\\.xml:1: `));
        expect(r[i]!.errors.join("\n")).toContain(`'x${i}'`);
      }
    });

    it("validateDocuments: one run per schema, results in input order", async () => {
      const before = runs();
      const r = await validateDocuments([
        { xml: tal("1"), schema: TAL, overrides: OVERRIDES },
        { xml: "<ord>1a</ord>", schema: ORD, overrides: OVERRIDES },
        { xml: tal("y"), schema: TAL, overrides: OVERRIDES },
        { xml: "<ord>a1</ord>", schema: ORD, overrides: OVERRIDES },
      ]);
      expect(runs() - before).toBe(2);
      expect(r.map((x) => x.valid)).toEqual([true, false, false, true]);
      expect(r[1]!.errors.join()).toContain("'1a'");
      expect(r[2]!.errors.join()).toContain("'y'");
    });
  },
);

describe("schemaBatch: every case produced first, validated together, results per case", () => {
  const cases = ["1", "2", "kastar", "x", "5"];
  const checks = schemaBatch(cases, async (c) => {
    if (c === "kastar") throw new Error("produce failed for kastar");
    return {
      value: `value ${c}`,
      documents: {
        tal: { xml: tal(c), schema: TAL, overrides: OVERRIDES },
        ord: { xml: `<ord>n${c}</ord>`, schema: ORD, overrides: OVERRIDES },
      },
    };
  });

  it.skipIf(!REFERENCE_DIR)(
    "one run per schema for all cases; a bad document fails only its case",
    async () => {
      const before = runs();
      await checks.run();
      await checks.run();
      expect(runs() - before).toBe(2);
      for (const c of ["1", "2", "5"]) {
        const { value, results } = await checks.of(c);
        expect(value).toBe(`value ${c}`);
        expect(results.tal).toEqual({ valid: true, errors: [] });
        expect(results.ord).toEqual({ valid: true, errors: [] });
      }
      const x = await checks.of("x");
      expect(x.results.tal.valid).toBe(false);
      expect(x.results.tal.errors.join()).toContain("'x'");
      expect(x.results.ord.valid).toBe(true);
    },
  );

  it("a case whose produce threw fails only its own lookup, with its own error", async () => {
    await expect(checks.of("kastar")).rejects.toThrow("produce failed for kastar");
    await expect(checks.of("okänd")).rejects.toThrow("not one of its cases");
  });

  it.skipIf(!!REFERENCE_DIR)(
    "without the reference folder every result says so (never a silent pass)",
    async () => {
      console.warn(REFERENCE_MISSING);
      const { results } = await checks.of("1");
      expect(results.tal).toEqual({ valid: false, errors: [REFERENCE_MISSING] });
    },
  );
});
