import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASTJANSTER } from "../../contract/ssbt/model.js";
import { BASTJANST_PROVIDER } from "../pact/names.js";
import { bastjanstInteraktioner, skrivBastjanstPacter } from "./bastjanst-pacts.js";
import type { SkrivenPact } from "./ssbt-pact.js";

interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  interactions: {
    description: string;
    providerStates?: { name: string }[];
    request: { path: string; body: { content: unknown; contentType: string } };
    response: { status: number; body: { contentType: string } };
  }[];
}

let dir: string;
let skrivna: SkrivenPact[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ssbtek-pact-bt-"));
  skrivna = await skrivBastjanstPacter({ dir, logLevel: "error" });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const las = (fil: string) => JSON.parse(readFileSync(fil, "utf8")) as PactJson;

describe("the pacts SSBT → each bastjänst", () => {
  it("writes one file per bastjänst, consumer ssbtek-ssbt", () => {
    expect(readdirSync(dir).sort()).toEqual(
      BASTJANSTER.map((k) => `ssbtek-ssbt-${BASTJANST_PROVIDER[k]}.json`).sort(),
    );
    for (const s of skrivna) {
      const p = las(s.fil);
      expect(p.consumer.name).toBe("ssbtek-ssbt");
      expect(p.interactions.map((i) => i.description).sort()).toEqual([...s.interaktioner].sort());
    }
  });

  it("uses the request SSBT's client builds, on the simulator's endpoint path", () => {
    const tns = las(join(dir, "ssbtek-ssbt-ssbtek-tns.json"));
    expect(tns.interactions.every((i) => i.request.path === "/tns/hamtauppgifter/v1")).toBe(true);
    expect(String(tns.interactions[0]!.request.body.content)).toContain("HamtaUppgifter");
  });

  it("speaks JSON with LEFI and XML with the SOAP authorities", () => {
    const fk = las(join(dir, "ssbtek-ssbt-ssbtek-fk-lefi.json"));
    expect(fk.interactions[0]!.request.path).toBe(
      "/fk/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga",
    );
    expect(fk.interactions.every((i) => i.request.body.contentType === "application/json")).toBe(true);
    expect(fk.interactions.find((i) => i.description.includes("två år"))?.response.status).toBe(400);
    const csn = las(join(dir, "ssbtek-ssbt-ssbtek-csn.json"));
    expect(csn.interactions.every((i) => i.response.body.contentType === "application/xml")).toBe(true);
  });

  it("expects the bastjänst's own error for an identity with a wrong check digit", () => {
    expect(
      bastjanstInteraktioner("CSN").find((i) => i.tillstand[0] === "personidentitet med fel kontrollsiffra")
        ?.forvantat,
    ).toEqual({
      kalla: "BT",
      felkod: "-1004",
    });
  });
});
