import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import { BASTJANSTER, type BastjanstKod, type SsbtSvar } from "../contract/ssbt/model.js";
import { findChild, textOf, type XmlElement } from "../contract/xml/node.js";
import { parseXml } from "../contract/xml/parse.js";
import { SAMBRUK_STAND_IN_PATH, SAMBRUK_STAND_IN_XSD } from "../simulators/csn/sambruk-stand-in.xsd.js";
import { PERSONAS } from "../simulators/population/population.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { bodyChild, bodyChildXml, postSoap } from "./support/answers.js";
import { TEST_NOW, TEST_PERIOD } from "./support/context.js";
import { lefiValidator } from "./support/lefi-schema.js";
import { REFERENCE_DIR } from "./support/reference.js";
import { SSBT10_XSD, validateManyAgainst } from "./support/xsd.js";

const NS10 = "http://schema.forsakringskassan.se/integration/ssbt/10";
const KOMMUNFRAGA_XSD = "se/csn/schema/v4_0/kommunfraga/kommunfraga.xsd";

interface Answer {
  id: string;
  xml: string;
  svar: SsbtSvar;
}

async function askAll(
  sim: RunningSimulator,
  ids: readonly string[] = PERSONAS.map((p) => p.personidentitet),
): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const [i, pid] of ids.entries()) {
    const body = soapEnvelope(encodeFraga(fullFraga(pid, TEST_PERIOD, `CHAIN-${i}`)));
    const r = await postSoap(sim.ssbtek, body);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    out.push({ id: pid, xml: r.text, svar: decodeSvar(bodyChild(r.text)) });
  }
  return out;
}

const dataOf = (svar: SsbtSvar, kod: BastjanstKod): XmlElement[] | undefined => {
  const s = svar.svarsdata[kod];
  return s && "data" in s ? s.data : undefined;
};

describe("every persona through the composite service (ssbt/10)", () => {
  let sim: RunningSimulator;
  let answers: Answer[];
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1, now: () => new Date(TEST_NOW) });
    answers = await askAll(sim);
  });
  afterAll(() => sim.close());

  it("answers every persona with exactly the seven sections, korrelationsid echoed", () => {
    for (const a of answers) {
      expect(Object.keys(a.svar.svarsdata), a.id).toEqual([...BASTJANSTER]);
      expect(a.svar.korrelationsid).toMatch(/^certify-CHAIN-\d+$/);
    }
  });

  it("gives every section data for some persona, and no section fails on the composite side", () => {
    for (const kod of BASTJANSTER)
      expect(
        answers.some((a) => dataOf(a.svar, kod)),
        kod,
      ).toBe(true);
    for (const a of answers)
      for (const kod of BASTJANSTER) {
        const s = a.svar.svarsdata[kod]!;
        if ("error" in s) expect(s.error.kalla, `${a.id} ${kod} ${s.error.felkod}`).toBe("BT");
      }
  });

  it("has data at all seven for the hela-kedjan and kodtackning personas", () => {
    for (const id of ["hela-kedjan", "kodtackning"]) {
      const pid = PERSONAS.find((p) => p.id === id)!.personidentitet;
      const a = answers.find((x) => x.id === pid)!;
      for (const kod of BASTJANSTER) expect(dataOf(a.svar, kod), `${id} ${kod}`).toBeDefined();
    }
  });

  describe.skipIf(!REFERENCE_DIR)("against the official schemas (../shared/reference)", () => {
    it("validates every composite answer against the ssbt/10 XSD", async () => {
      const results = await validateManyAgainst(
        answers.map((a) => bodyChildXml(a.xml)),
        SSBT10_XSD,
      );
      for (const [i, v] of results.entries()) expect(v.errors, answers[i]!.id).toEqual([]);
    });

    it("validates every CSN answer against CSN v4.0 kommunfraga.xsd (Sambruk stand-in)", async () => {
      const docs: { id: string; xml: string }[] = [];
      for (const a of answers) {
        const d = dataOf(a.svar, "CSN");
        if (!d) continue;
        const svar = findChild(
          { kind: "element", ns: "", local: "d", attrs: [], children: d },
          NS10,
          "svar",
        )!;
        docs.push({ id: a.id, xml: Buffer.from(textOf(svar), "base64").toString("utf8") });
      }
      const results = await validateManyAgainst(
        docs.map((d) => d.xml),
        KOMMUNFRAGA_XSD,
        undefined,
        { [SAMBRUK_STAND_IN_PATH]: SAMBRUK_STAND_IN_XSD },
      );
      for (const [i, v] of results.entries()) expect(v.errors, docs[i]!.id).toEqual([]);
      const n = docs.length;
      expect(n).toBeGreaterThan(5);
    });

    it("validates every LEFI JSON answer against LefiExternFormansinformationSvar", () => {
      const validate = lefiValidator("LefiExternFormansinformationSvar");
      let n = 0;
      for (const a of answers) {
        const d = dataOf(a.svar, "FK");
        if (!d) continue;
        const json = JSON.parse(Buffer.from(textOf(d[0]!), "base64").toString("utf8"));
        expect(validate(json), `${a.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
        n++;
      }
      expect(n).toBeGreaterThan(5);
    });
  });

  it("carries a well-formed XML document in every SKV svar", () => {
    let n = 0;
    for (const a of answers) {
      const d = dataOf(a.svar, "SKV");
      if (!d) continue;
      const root = parseXml(textOf(d[0]!));
      expect(root.local.length).toBeGreaterThan(0);
      n++;
    }
    expect(n).toBeGreaterThan(5);
  });

  it("gives the same bytes for the same seed, and other generated persons for another seed", async () => {
    const extra = ["198001019802", "199912319817"];
    const again = await startSimulator({ port: 0, seed: 1, now: () => new Date(TEST_NOW) });
    const other = await startSimulator({ port: 0, seed: 2, now: () => new Date(TEST_NOW) });
    try {
      const a1 = await askAll(sim, [...PERSONAS.slice(0, 8).map((p) => p.personidentitet), ...extra]);
      const a2 = await askAll(again, [...PERSONAS.slice(0, 8).map((p) => p.personidentitet), ...extra]);
      expect(a2.map((a) => a.xml)).toEqual(a1.map((a) => a.xml));
      const b = await askAll(other, extra);
      expect(b.map((a) => a.xml)).not.toEqual(a1.slice(-2).map((a) => a.xml));
    } finally {
      await again.close();
      await other.close();
    }
  });
});
