import { describe, expect, it } from "vitest";
import { parseSoapEnvelope, soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { postSoap } from "./support/answers.js";
import { runCli, startSimulate } from "./support/cli.js";
import { testFraga } from "./support/context.js";

describe("CLI: timing and fault flags", () => {
  it("simulate --fault MIV=down --fault CSN=slow:15s: the composite answer has exactly those errors", async () => {
    const { p, url, out, exited } = await startSimulate([
      "--profile",
      "fast",
      "--fault",
      "MIV=down",
      "--fault",
      "CSN=slow:15s",
      "--deadline",
      "5s",
    ]);
    try {
      expect(out).toContain("timing: profile fast, time scale 0");
      expect(out).toContain("faults: CSN=slow:15s MIV=down");
      const r = await postSoap(`${url}/ssbtek`, soapEnvelope(encodeFraga(testFraga("197003039885"))));
      expect(r.status).toBe(200);
      const s = decodeSvar(parseSoapEnvelope(r.text).body).svarsdata;
      expect(s.MIV).toMatchObject({ error: { kalla: "SSBT", felkod: SSBT_FELKOD.EJ_NABAR } });
      expect(s.CSN).toMatchObject({
        error: {
          kalla: "SSBT",
          felkod: SSBT_FELKOD.TIMEOUT,
          felmeddelande: expect.arrayContaining([expect.stringContaining("5000 ms")]),
        },
      });
      for (const kod of ["AF", "FK", "SKV", "SO", "TNS"] as const)
        expect(JSON.stringify(s[kod])).not.toContain('"kalla":"SSBT"');
      expect(await (await fetch(`${url}/__admin/faults`)).json()).toEqual({ CSN: "slow:15s", MIV: "down" });
    } finally {
      p.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("simulate --scenario loads clock, personas and faults; without --profile it defaults to realistic", async () => {
    const s = await startSimulate(["--scenario", "fixtures/scenarios/tva-nere-storning.json"]);
    try {
      expect(s.out).toContain("timing: profile fast, time scale 0, clock 2026-11-16T13:00:00.000Z");
      expect(s.out).toContain(
        "scenario: fixtures/scenarios/tva-nere-storning.json — Tillgänglig med störning",
      );
      expect(s.out).toContain("(personas: hela-kedjan)");
      expect(await (await fetch(`${s.url}/__admin/faults`)).json()).toEqual({ CSN: "down", SKV: "slow:15s" });
    } finally {
      s.p.kill("SIGTERM");
    }
    await s.exited;
    const d = await startSimulate([]);
    try {
      expect(d.out).toContain("timing: profile realistic, time scale 0");
    } finally {
      d.p.kill("SIGTERM");
    }
    await d.exited;
  });

  it.each([
    [
      ["--fault", "XYZ=down"],
      'Invalid --fault "XYZ=down": unknown bastjänst "XYZ" in "XYZ=down": use one of AF, CSN, FK, SKV, SO, TNS, MIV.',
    ],
    [
      ["--fault", "MIV=dwn"],
      'Invalid --fault "MIV=dwn": unknown fault kind "dwn": use down, slow:<duration>',
    ],
    [["--fault", "MIV=down", "--fault", "MIV=fault"], 'Invalid --fault "MIV=fault": MIV is given twice'],
    [["--deadline", "0"], 'Invalid --deadline "0": give a duration > 0'],
    [["--deadline", "XYZ=5s"], 'Invalid --deadline "XYZ=5s"'],
    [
      ["--scenario", "no/such/file.json"],
      "Cannot read scenario no/such/file.json: ENOENT. Check the path given to --scenario.",
    ],
    [["--scenario", "package.json"], "Invalid scenario package.json: name: unknown field"],
  ])("simulate %j fails with a clear message and exit code 2", async (args, message) => {
    const r = await runCli(["simulate", "--port", "0", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown profile or opening-hours policy (commander choices)", async () => {
    const r = await runCli(["simulate", "--port", "0", "--profile", "slow"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Allowed choices are realistic, fast");
    const h = await runCli(["simulate", "--port", "0", "--outside-hours", "never"]);
    expect(h.stderr).toContain("Allowed choices are answer, slow, unavailable");
  });
});
