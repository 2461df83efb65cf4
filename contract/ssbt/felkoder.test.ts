import { describe, expect, it } from "vitest";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { parseSoapEnvelope, soapEnvelope } from "../soap/envelope.js";
import { decodeFraga, encodeFraga } from "./codec.js";
import { felbeskrivning, SSBT_FELKOD } from "./felkoder.js";

describe("SSBT felkoder", () => {
  it("are exactly the codes of fixtures/kodverk/ssbt.json, each with a label", () => {
    const kv = kodverk("SSBT.Felkod");
    expect(kv.koder.map((k) => k.kod).sort()).toEqual(Object.values(SSBT_FELKOD).sort());
    for (const k of kv.koder) expect(k.beskrivning.length).toBeGreaterThan(10);
  });
});

describe("felbeskrivning: the detail line of a refused question, in Swedish, without values", () => {
  const ok = soapEnvelope(
    encodeFraga(fullFraga("199608239829", { fromDatum: "2026-10-01", tomDatum: "2026-11-30" }, "F")),
  );
  const fel = (xml: string) => {
    try {
      decodeFraga(parseSoapEnvelope(xml).body, "v10");
    } catch (e) {
      return felbeskrivning(e);
    }
    throw new Error("accepted");
  };
  const ENGELSKA = /\b(expected|must|is not|found|not well-formed|digits|valid)\b/;

  it.each([
    [
      "an unknown element",
      ok.replace(/<(\w+):syfte>/, "<$1:okant>x</$1:okant><$1:syfte>"),
      /syfte: .*\(fann okant\)/,
    ],
    [
      "an impossible date",
      ok.replace(/<(\w+):fromDatum>[^<]*</, "<$1:fromDatum>2026-02-30<"),
      /fromDatum: inte ett giltigt datum/,
    ],
    [
      "a malformed personidentitet",
      ok.replace(/<(\w+):personidentitet>[^<]*</, "<$1:personidentitet>12345<"),
      /personidentitet: personidentitet ska vara exakt 12 siffror/,
    ],
    ["not XML", "inte xml", /^XML-dokumentet är inte välformat \(rad 1, kolumn \d+\)\.$/],
  ])("%s", (_namn, xml, want) => {
    const text = fel(xml);
    expect(text).toMatch(want);
    expect(text.replace(/\(fann \w+\)/, "")).not.toMatch(ENGELSKA);
    expect(text).not.toContain("2026-02-30");
    expect(text).not.toContain("12345");
  });
});
