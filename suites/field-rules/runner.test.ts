import type fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Egenskap } from "./egenskaper.js";
import { giltigSsbtFraga } from "./fraga.js";
import { korEgenskap, maskeratMotexempel, runFieldRuleChecks } from "./runner.js";

describe("field-rule runner", () => {
  it("a failure names the rule, the path, the masked value, the seed and the replay command", async () => {
    // A property that fails for every question whose person is born in an even year.
    const udda: Egenskap<ReturnType<typeof giltigSsbtFraga> extends fc.Arbitrary<infer T> ? T : never> = {
      namn: "demo property",
      numRuns: 30,
      arbitrary: (now) => giltigSsbtFraga({ now }),
      async kontrollera(_m, f) {
        const pid = f.generellaFrageparametrar.personidentitet;
        return Number(pid.slice(0, 4)) % 2 === 0
          ? [
              {
                rule: "DEMO.udda",
                path: "/hamtaBastjanstInformation/generellaFrageparametrar/personidentitet",
                value: pid,
                message: "even year",
              },
            ]
          : [];
      },
      visa: (f) => f,
    };
    const r = await korEgenskap(udda, { seed: 3 });
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ rule: "DEMO.udda", egenskap: "demo property", seed: 3 });
    expect(r.findings[0]!.value).toMatch(/^\d{8}-\*\*\*\*$/);
    expect(r.replay).toBe(
      `FC_SEED=3 FC_PATH=${r.counterexamplePath} npx vitest run suites/field-rules -t "demo property"`,
    );
    expect(r.message).toContain("FAILED: demo property");
    expect(r.message).toContain("Counterexample (masked)");
    // No unmasked personidentitet anywhere in the report.
    expect(JSON.stringify(r)).not.toMatch(/(?<!\d)(19|20)\d{10}(?!\d)/);
    // The replay path gives the same counterexample at once.
    const igen = await korEgenskap(udda, { seed: 3, path: r.counterexamplePath! });
    expect(igen.counterexample).toBe(r.counterexample);
  });

  it("masks personidentiteter, LEFI questions and XML in counterexamples", () => {
    const lefi = Buffer.from(JSON.stringify({ personnummer: "199608239829" })).toString("base64");
    const m = maskeratMotexempel({
      personidentitet: "199608239829",
      lefiJsonFraga: lefi,
      text: "pnr 19960823-9829",
    });
    expect(m).not.toContain("9829");
    expect(m).toContain("19960823-****");
  });

  it("runs only the named properties and reports each", async () => {
    const r = await runFieldRuleChecks({
      seed: 1,
      numRuns: 3,
      egenskaper: ["every invalid request gets a SOAP Fault naming the broken rule"],
    });
    expect(r.resultat.map((x) => [x.namn, x.ok])).toEqual([
      ["every invalid request gets a SOAP Fault naming the broken rule", true],
    ]);
    expect(r.ok).toBe(true);
  });
});
