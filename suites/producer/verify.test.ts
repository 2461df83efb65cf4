import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHarnessError } from "../../contract/errors.js";
import { type RunningSimulator, startSimulator } from "../../simulators/server.js";
import { skrivBastjanstPacter } from "../consumer/bastjanst-pacts.js";
import { skrivSsbtPact } from "../consumer/ssbt-pact.js";
import { REFERENS_KLOCKA, REFERENS_SEED } from "../pact/referens.js";
import { verifieraMotSimulatorn } from "./embedded.js";
import { verifyProvider } from "./verify.js";

let dir: string;
let ssbtPact: string;
let sim: RunningSimulator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ssbtek-verify-"));
  ssbtPact = (await skrivSsbtPact({ dir, logLevel: "error" })).fil;
  await skrivBastjanstPacter({ dir, logLevel: "error" });
  const klocka = new Date(REFERENS_KLOCKA);
  sim = await startSimulator({ port: 0, seed: REFERENS_SEED, now: () => new Date(klocka), profile: "fast" });
}, 120_000);

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the SSBT pact with only the named interaction, changed by `andra`. */
function variant(namn: string, beskrivning: string, andra: (i: Record<string, unknown>) => void): string {
  const pact = JSON.parse(readFileSync(ssbtPact, "utf8")) as { interactions: Record<string, unknown>[] };
  const i = pact.interactions.find((x) => x.description === beskrivning);
  if (!i) throw new Error(`no interaction ${beskrivning}`);
  andra(i);
  pact.interactions = [i];
  const vdir = mkdtempSync(join(dir, `${namn}-`));
  const fil = join(vdir, "verksamhetssystem-ssbtek-ssbt.json");
  writeFileSync(fil, JSON.stringify(pact));
  return fil;
}

describe("provider verification", () => {
  it("verifies every pact against the embedded simulators", async () => {
    const resultat = await verifieraMotSimulatorn({ pactDir: dir, logLevel: "error" });
    expect(resultat.map((r) => r.provider).sort()).toEqual([
      "ssbtek-af",
      "ssbtek-csn",
      "ssbtek-fk-lefi",
      "ssbtek-miv",
      "ssbtek-skv",
      "ssbtek-so",
      "ssbtek-ssbt",
      "ssbtek-tns",
    ]);
    for (const r of resultat) {
      expect(
        r.interaktioner.filter((i) => !i.ok),
        r.provider,
      ).toEqual([]);
      expect(r.ok).toBe(true);
    }
    expect(resultat.find((r) => r.provider === "ssbtek-ssbt")?.interaktioner).toHaveLength(19);
  }, 120_000);

  it("verifies a provider mounted at another path, given its URL, setting fault states through its admin API", async () => {
    const r = await verifyProvider({
      pactFiles: [ssbtPact],
      providerBaseUrl: `${sim.url}/ssbtek/v10`,
      logLevel: "error",
    });
    expect(r.interaktioner.filter((i) => !i.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    const faults = await (await fetch(`${sim.url}/__admin/faults`)).json();
    expect(faults).toEqual({});
  }, 120_000);

  it("fails an interaction whose provider state is unknown, and says which", async () => {
    const fil = variant("okant", "en fråga om en bilägare", (i) => {
      i.providerStates = [{ name: "persona finns-inte" }];
    });
    const r = await verifyProvider({ pactFiles: [fil], providerBaseUrl: sim.ssbtek, logLevel: "error" });
    expect(r.ok).toBe(false);
    expect(r.interaktioner).toMatchObject([{ beskrivning: "en fråga om en bilägare", ok: false }]);
    expect(r.tillstandsfel).toHaveLength(1);
    expect(r.tillstandsfel[0]).toContain('Unknown provider state "persona finns-inte"');
  }, 60_000);

  it("fails when the provider's answer differs from the pact (an element the provider does not send)", async () => {
    const fil = variant("fel-element", "ett anslutningstest (testaBastjanstInformation)", (i) => {
      const svar = i.response as { body: { content: string } };
      svar.body.content = svar.body.content.replaceAll("ssbt:anropad>", "ssbt:anropat>");
    });
    const r = await verifyProvider({ pactFiles: [fil], providerBaseUrl: sim.ssbtek, logLevel: "error" });
    expect(r.ok).toBe(false);
    expect(r.interaktioner[0]?.fel).toContain("anropat");
    expect(r.tillstandsfel).toEqual([]);
  }, 60_000);

  it("refuses bad input with a clear error", async () => {
    const fel = async (p: Promise<unknown>) =>
      p.then(
        () => "no error",
        (e: unknown) => (isHarnessError(e) ? e.code : String(e)),
      );
    expect(await fel(verifyProvider({ providerBaseUrl: sim.ssbtek }))).toBe("BAD_OPTION");
    expect(await fel(verifyProvider({ pactDir: dir, providerBaseUrl: sim.ssbtek }))).toBe("BAD_OPTION");
    expect(await fel(verifyProvider({ pactDir: dir, provider: "nobody", providerBaseUrl: sim.ssbtek }))).toBe(
      "BAD_OPTION",
    );
    expect(
      await fel(verifyProvider({ pactDir: dir, provider: "ssbtek-ssbt", providerBaseUrl: "ftp://x" })),
    ).toBe("BAD_OPTION");
  });
});
