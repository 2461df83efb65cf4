import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certifyConsumerPact } from "./certify-consumer-pact.js";
import { skrivSsbtPact } from "./ssbt-pact.js";

describe("certify consumer --pact", () => {
  const dir = mkdtempSync(join(tmpdir(), "ssbtek-certify-pact-"));
  let fil = "";
  beforeAll(async () => {
    // the reference verksamhetssystem's pact stands in for a vendor's own
    fil = (await skrivSsbtPact({ dir })).fil;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes a pact the reference SSBT honours, one case per interaction", async () => {
    const r = await certifyConsumerPact({ pact: fil });
    expect(r.passed).toBe(true);
    expect(r.suites[0]!.name).toBe("pact ssbtek-ssbt");
    expect(r.suites[0]!.cases.length).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it("fails a pact that expects what SSBT does not answer, naming the interaction", async () => {
    const pact = JSON.parse(readFileSync(fil, "utf8")) as {
      interactions: { description: string; response: { status: number } }[];
    };
    const first = pact.interactions[0]!;
    first.response.status = 299;
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify(pact));
    // the verifier runs in a child process: its own output goes to the log, not to our stdout
    const log = join(dir, "pact-verifier.log");
    const r = await certifyConsumerPact({ pact: broken, verifierLog: log });
    expect(readFileSync(log, "utf8")).toMatch(/Verifying a pact between verksamhetssystem and ssbtek-ssbt/);
    expect(r.extra).toMatchObject({
      consumer: "verksamhetssystem",
      provider: "ssbtek-ssbt",
      verifierLog: log,
    });
    expect(r.suites[0]!.cases.every((c) => c.untimed)).toBe(true);
    expect(r.passed).toBe(false);
    const failed = r.suites[0]!.cases.filter((c) => c.status === "fail");
    expect(failed.map((c) => c.name)).toEqual([first.description]);
    expect(failed[0]!.findings[0]!.rule).toBe("PACT.interaktion");
  }, 60_000);

  it("refuses a missing file or a provider the harness does not simulate", async () => {
    await expect(certifyConsumerPact({ pact: join(dir, "nope.json") })).rejects.toThrow(
      /does not exist. Pass --pact/,
    );
    const other = join(dir, "other.json");
    writeFileSync(
      other,
      JSON.stringify({ consumer: { name: "x" }, provider: { name: "someone-else" }, interactions: [] }),
    );
    await expect(certifyConsumerPact({ pact: other })).rejects.toThrow(
      /provider "someone-else", which the harness does not simulate/,
    );
  });
});
