import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSvar } from "../contract/ssbt/codec.js";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { bodyChild, bodyChildXml, postSoap } from "./support/answers.js";
import { listFiles, REFERENCE_DIR, readReference, referencePath } from "./support/reference.js";
import { SSBT10_XSD, schemaBatch, XSD_BATCH_TIMEOUT } from "./support/xsd.js";

/** The eight real request envelopes the municipality's client sends, `${xmlunit.ignore}` filled in. */
function realEnvelopes(): { name: string; xml: string }[] {
  const dir = referencePath("ssbtek-v10/client-traffic");
  return listFiles(dir)
    .filter((f) => f.endsWith("wiremock-mapping.json"))
    .sort()
    .map((f) => {
      const mapping = JSON.parse(readReference("ssbtek-v10/client-traffic", f));
      const pattern = mapping.request.bodyPatterns[0].equalToXml as string;
      let n = 0;
      const xml = pattern.replace(/\$\{xmlunit\.ignore\}/g, () => `REF-${f.split("/")[0]}-${++n}`);
      return { name: f.split("/")[0]!, xml };
    });
}

describe.skipIf(!REFERENCE_DIR)("real client traffic (../shared/reference)", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    // A fixed clock keeps the answers deterministic. The reference client asks about 199001011234,
    // whose check digit is wrong: authorities that check it answer with their own error section.
    sim = await startSimulator({ port: 0, seed: 1, now: () => new Date("2025-06-15T10:00:00+02:00") });
  });
  afterAll(() => sim.close());

  it("has eight envelopes", () => {
    expect(realEnvelopes()).toHaveLength(8);
  });

  const envelopes = REFERENCE_DIR ? realEnvelopes() : [];
  // Every envelope answered first, then one libxml2 run for all answers (see schemaBatch).
  const checks = schemaBatch(envelopes, async ({ xml }) => {
    const r = await postSoap(sim.ssbtek, xml);
    return { value: r, documents: { answer: { xml: bodyChildXml(r.text), schema: SSBT10_XSD } } };
  });
  beforeAll(checks.run, XSD_BATCH_TIMEOUT);

  for (const envelope of envelopes) {
    it(`${envelope.name}: answered 200 with all seven sections, schema-valid`, async () => {
      const { value: r, results } = await checks.of(envelope);
      expect(r.status, r.text.slice(0, 500)).toBe(200);
      expect(r.contentType).toContain("text/xml");
      const svar = decodeSvar(bodyChild(r.text));
      expect(Object.keys(svar.svarsdata)).toEqual([...BASTJANSTER]);
      expect(results.answer.errors, `${envelope.name} answer`).toEqual([]);
      expect(results.answer.valid).toBe(true);
    });
  }
});
