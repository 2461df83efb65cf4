import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.js";
import { parseTillstand } from "../pact/states.js";
import { type SkrivenPact, skrivSsbtPact, ssbtInteraktioner } from "./ssbt-pact.js";
import { lasSsbtSvar, skillnader } from "./ssbt-svar.js";

interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  metadata: { pactSpecification: { version: string } };
  interactions: {
    description: string;
    type: string;
    providerStates?: { name: string }[];
    request: {
      method: string;
      path: string;
      headers: Record<string, string[]>;
      body: { content: string };
      matchingRules?: { body?: Record<string, unknown> };
    };
    response: {
      status: number;
      body: { content: string };
      matchingRules?: { body?: Record<string, { matchers: Record<string, unknown>[] }> };
    };
  }[];
}

let dir: string;
let skriven: SkrivenPact;
let pact: PactJson;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ssbtek-pact-"));
  skriven = await skrivSsbtPact({ dir, logLevel: "error" });
  pact = JSON.parse(readFileSync(skriven.fil, "utf8")) as PactJson;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const interaktion = (beskrivning: string) => {
  const i = pact.interactions.find((x) => x.description === beskrivning);
  if (!i) throw new Error(`no interaction "${beskrivning}"`);
  return i;
};

describe("the reference consumer contract verksamhetssystem → SSBT", () => {
  it("is a Pact V4 file in Pact Broker naming, with every interaction", () => {
    expect(skriven.fil).toBe(join(dir, "verksamhetssystem-ssbtek-ssbt.json"));
    expect(pact.consumer.name).toBe("verksamhetssystem");
    expect(pact.provider.name).toBe("ssbtek-ssbt");
    expect(pact.metadata.pactSpecification.version).toBe("4.0");
    expect(pact.interactions.map((i) => i.description).sort()).toEqual(
      ssbtInteraktioner()
        .map((i) => i.beskrivning)
        .sort(),
    );
    expect(
      pact.interactions.every((i) => i.type === "Synchronous/HTTP" && i.request.path === "/ssbtek"),
    ).toBe(true);
  });

  it("covers persona kinds, faults and bad requests with provider states of the grammar", () => {
    const namn = pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name));
    for (const n of namn) expect(() => parseTillstand(n)).not.toThrow();
    expect(namn).toEqual(
      expect.arrayContaining([
        "persona arbetslos-akassa",
        "persona ej-traff",
        "fault MIV=down",
        "fault CSN=slow:30s",
      ]),
    );
    expect(pact.interactions.filter((i) => i.response.status === 500)).toHaveLength(3);
  });

  it("matches namespaced XML by namespace URI, with the felkod held exactly", () => {
    const i = interaktion("en fråga när Migrationsverket inte går att nå");
    const regler = i.response.matchingRules?.body ?? {};
    const felkod = Object.entries(regler).find(
      ([p]) => p.includes(`['${NS.ssbt10}:MIV']`) && p.endsWith(`['${NS.ssbt10}:felkod']['#text']`),
    );
    expect(felkod?.[1].matchers[0]).toEqual({ match: "equality" });
    expect(i.response.body.content).toContain(
      "<ssbt:MIV><ssbt:error><ssbt:kalla>SSBT</ssbt:kalla><ssbt:felkod>SSBT-2002</ssbt:felkod>",
    );
    expect(Object.keys(regler).some((p) => p.includes("ssbt:"))).toBe(false);
    expect(
      Object.keys(i.request.matchingRules?.body ?? {}).some((p) => p.endsWith(`:personidentitet']['#text']`)),
    ).toBe(true);
  });

  it("keeps the broken field of a bad request exact, so only that mistake gets the fault", () => {
    const i = interaktion("en fråga med ett organisationsnummer som bryter mot mönstret");
    const regel = Object.entries(i.request.matchingRules?.body ?? {}).find(([p]) =>
      p.endsWith(`:ingivare']['${NS.ssbt10}:organisationsnummer']['#text']`),
    );
    expect(regel?.[1]).toMatchObject({ matchers: [{ match: "equality" }] });
    expect(i.request.body.content).toContain(
      "<ssbt:organisationsnummer>162119999991</ssbt:organisationsnummer>",
    );
    expect(lasSsbtSvar(500, i.response.body.content)).toEqual({
      typ: "fault",
      status: 500,
      felkod: "SSBT-1004",
    });
  });

  it("has example answers our own client reads as the interaction expects", () => {
    for (const i of ssbtInteraktioner()) {
      const p = interaktion(i.beskrivning);
      expect(
        skillnader(i.forvantat, lasSsbtSvar(p.response.status, p.response.body.content)),
        i.beskrivning,
      ).toEqual([]);
    }
  });
});
