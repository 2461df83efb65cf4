import { describe, expect, it } from "vitest";
import { genereradeIdentiteter } from "../../bench/bench.js";
import { lefiFraga } from "../../simulators/aggregator/klienter/fk.js";
import { byggLefiSvar } from "../../simulators/fk/data.js";
import { hittaAktor } from "../../simulators/fk/errors.js";
import { PERSONAS, Population } from "../../simulators/population/population.js";
import { TEST_NOW } from "../../test/support/context.js";
import { encodeLefiSvar, LEFI_SCHEMAN, type LefiSchema } from "./codec.js";

// The reference: re-emit the value with every object's keys in contract order (undefined
// dropped), then JSON.stringify. The codec writes the same text in one pass.
function canonical(value: unknown, schema: LefiSchema): unknown {
  if (value === undefined || value === null) return value;
  switch (schema.kind) {
    case "ref":
      return canonical(value, LEFI_SCHEMAN[schema.name] as LefiSchema);
    case "array":
      return Array.isArray(value) ? value.map((v) => canonical(v, schema.items)) : value;
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.props)) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) out[key] = canonical(v, sub);
      }
      return out;
    }
    default:
      return value;
  }
}

/** The same value with every object's keys in reverse order and an undefined key added. */
function blandad(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blandad);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = { extraUndefined: undefined };
    for (const k of Object.keys(value).reverse()) out[k] = blandad((value as Record<string, unknown>)[k]);
    delete out.extraUndefined;
    out.saknas = undefined;
    return out;
  }
  return value;
}

describe("encodeLefiSvar", () => {
  it("writes exactly JSON.stringify of the contract-ordered value, for every persona and 200 generated people", () => {
    const pop = new Population(1);
    const aktor = hittaAktor("026-51");
    if (!aktor) throw new Error("aktör 026-51 saknas");
    const schema = LEFI_SCHEMAN.LefiExternFormansinformationSvar as LefiSchema;
    const ids = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(200, 3)];
    let jamforda = 0;
    for (const pid of ids) {
      const svar = byggLefiSvar({
        fraga: lefiFraga(pid, { fromDatum: "2024-12-01", tomDatum: "2026-11-30" }),
        persona: pop.hitta(pid),
        aktor,
        now: new Date(TEST_NOW),
        seed: 1,
      });
      const ref = JSON.stringify(canonical(svar, schema));
      expect(encodeLefiSvar(svar)).toBe(ref);
      // Key order comes from the contract, not from how the value was built.
      expect(encodeLefiSvar(blandad(svar) as typeof svar)).toBe(ref);
      jamforda += ref.length;
    }
    expect(jamforda).toBeGreaterThan(100_000);
  });
});

describe("encodeLefiSvar's leaves", () => {
  it("writes every string and number exactly as JSON.stringify does", () => {
    const texter = [
      'citat " ensamt',
      "snedstreck \\ ensamt",
      "rad\nbrytning",
      "tab\t",
      "\u0000",
      "\u001f",
      "\u007f",
      "ensam \ud800 surrogat",
      "\udfff",
      "par 😀",
      "\u2028\u2029",
      "Försäkringskassan",
      "",
    ];
    const tal = [0, -0, 0.1, 1e21, -5e-7, 123_456_789, Number.NaN, Number.POSITIVE_INFINITY];
    const svar = {
      utlamnare: texter.map((namn) => ({
        utlamnare: { kod: "FK", namn },
        tillstand: { kod: "OK", beskrivning: namn },
      })),
      utbetalningar: tal.map((bruttobelopp) => ({ bruttobelopp, nettobelopp: bruttobelopp })),
    };
    expect(encodeLefiSvar(svar as never)).toBe(JSON.stringify(svar));
  });
});
