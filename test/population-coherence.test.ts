import { describe, expect, it } from "vitest";
import { BASTJANSTER, type BastjanstKod } from "../contract/ssbt/model.js";
import { FAKTA as AF } from "../simulators/af/index.js";
import { FAKTA as CSN } from "../simulators/csn/index.js";
import { FAKTA as FK } from "../simulators/fk/index.js";
import { FAKTA as MIV } from "../simulators/miv/index.js";
import { PERSONAS } from "../simulators/population/population.js";
import { FAKTA as SKV } from "../simulators/skv/index.js";
import { FAKTA as SO } from "../simulators/so/index.js";
import { FAKTA as TNS } from "../simulators/tns/index.js";

const FAKTA: Record<BastjanstKod, Readonly<Record<string, unknown>>> = { AF, CSN, FK, SKV, SO, TNS, MIV };

describe("the population is coherent across authorities", () => {
  for (const kod of BASTJANSTER)
    it(`${kod} holds facts exactly for the personas whose story names it`, () => {
      const expected = PERSONAS.filter((p) => p.kallor.includes(kod))
        .map((p) => p.id)
        .sort();
      expect(Object.keys(FAKTA[kod]).sort()).toEqual(expected);
    });

  it("every authority knows something about at least three personas", () => {
    for (const kod of BASTJANSTER) expect(Object.keys(FAKTA[kod]).length, kod).toBeGreaterThanOrEqual(3);
  });
});
