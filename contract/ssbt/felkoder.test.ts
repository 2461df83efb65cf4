import { describe, expect, it } from "vitest";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { SSBT_FELKOD } from "./felkoder.js";

describe("SSBT felkoder", () => {
  it("are exactly the codes of fixtures/kodverk/ssbt.json, each with a label", () => {
    const kv = kodverk("SSBT.Felkod");
    expect(kv.koder.map((k) => k.kod).sort()).toEqual(Object.values(SSBT_FELKOD).sort());
    for (const k of kv.koder) expect(k.beskrivning.length).toBeGreaterThan(10);
  });
});
