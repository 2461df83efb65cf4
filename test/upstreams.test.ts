import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseUpstreams } from "../cli/simulate.js";
import { isHarnessError } from "../contract/errors.js";
import { NS } from "../contract/namespaces.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga, SKV11_BLOCK } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type KontraktVersion,
  type SsbtFraga,
  type SsbtSvar,
} from "../contract/ssbt/model.js";
import { el } from "../contract/xml/node.js";
import { resolveOptions } from "../simulators/options.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { bodyChild, postSoap } from "./support/answers.js";
import { runCli, startCli } from "./support/cli.js";
import { TEST_NOW, TEST_PERIOD, testIdentitet } from "./support/context.js";

const now = () => new Date(TEST_NOW);

/** Checksum-valid personnummer that are no named persona: the population generates them per seed. */
const GENERATED = [
  "19800101",
  "19550505",
  "19721212",
  "20000202",
  "19630915",
  "19911130",
  "19480704",
  "19850606",
].map((d) => testIdentitet(d, "123"));

async function hamta(url: string, fraga: SsbtFraga, version: KontraktVersion = "v10"): Promise<SsbtSvar> {
  const r = await postSoap(url, soapEnvelope(encodeFraga(fraga, version)));
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return decodeSvar(bodyChild(r.text), version);
}

/** A section as comparable text. */
const sektion = (svar: SsbtSvar, kod: BastjanstKod) => JSON.stringify(svar.svarsdata[kod]);

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("a mixed chain: real upstreams instead of the simulators", () => {
  /** Stands in for the authorities' test environments (its own seed, so its own generated people). */
  let myndighet: RunningSimulator;
  /** The chain under test: CSN and SKV from `myndighet`, the rest simulated in-process. */
  let blandad: RunningSimulator;
  /** The same chain with nothing real: what `blandad` would answer on its own. */
  let egen: RunningSimulator;
  let real: Record<string, string>;

  beforeAll(async () => {
    myndighet = await startSimulator({ port: 0, seed: 2, now });
    real = (await (await fetch(`${myndighet.url}/__admin/upstreams`)).json()) as Record<string, string>;
    blandad = await startSimulator({ port: 0, seed: 1, now, upstreams: { CSN: real.CSN!, SKV: real.SKV! } });
    egen = await startSimulator({ port: 0, seed: 1, now });
  });
  afterAll(async () => {
    await Promise.all([myndighet?.close(), blandad?.close(), egen?.close()]);
  });

  it("lists the real URLs at /__admin/upstreams and its own endpoints for the rest", async () => {
    const ups = (await (await fetch(`${blandad.url}/__admin/upstreams`)).json()) as Record<string, string>;
    expect(Object.keys(ups)).toEqual([...BASTJANSTER]);
    expect(ups.CSN).toBe(`${myndighet.url}/csn/kommunfraga/v4`);
    expect(ups.SKV).toBe(`${myndighet.url}/skv/beskattningws`);
    for (const kod of ["AF", "FK", "SO", "TNS", "MIV"])
      expect(ups[kod]!.startsWith(blandad.url), kod).toBe(true);
  });

  it("takes CSN and SKV from the upstream (its seed's people) and the rest from its own simulators", async () => {
    let annorlunda = 0;
    for (const [i, pid] of GENERATED.entries()) {
      const fraga = fullFraga(pid, TEST_PERIOD, `MIX-${i}`);
      const [b, m, e] = await Promise.all([
        hamta(blandad.ssbtek, fraga),
        hamta(myndighet.ssbtek, fraga),
        hamta(egen.ssbtek, fraga),
      ]);
      expect(sektion(b, "CSN"), pid).toBe(sektion(m, "CSN"));
      expect(sektion(b, "SKV"), pid).toBe(sektion(m, "SKV"));
      for (const kod of ["AF", "FK", "SO", "TNS", "MIV"] as const)
        expect(sektion(b, kod), `${pid} ${kod}`).toBe(sektion(e, kod));
      if (sektion(b, "CSN") !== sektion(e, "CSN") || sektion(b, "SKV") !== sektion(e, "SKV")) annorlunda++;
    }
    // Another seed generates other people: the upstream's answers are recognisably its own.
    expect(annorlunda).toBeGreaterThan(0);
  });

  it("passes the upstream's own failures on as kalla=BT (a fault injected at the upstream)", async () => {
    const put = await fetch(`${myndighet.url}/__admin/faults`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ CSN: "error:503" }),
    });
    expect(put.status).toBe(200);
    try {
      const svar = await hamta(blandad.ssbtek, fullFraga(GENERATED[0]!, TEST_PERIOD, "MIX-FEL"));
      expect(svar.svarsdata.CSN).toMatchObject({ error: { kalla: "BT", felkod: "HTTP_503" } });
      expect(svar.svarsdata.AF).toHaveProperty("data");
    } finally {
      await fetch(`${myndighet.url}/__admin/faults`, {
        method: "DELETE",
        headers: { "Content-Type": "application/json" },
      });
    }
  });

  it("works for ssbt/11 too: the SKV parts come from the upstream", async () => {
    const pid = GENERATED[2]!;
    const f = fullFraga(pid, TEST_PERIOD, "MIX-V11");
    f.specifikaFrageparametrar.SKV = {
      inkludera: true,
      fraga: { ar: [2025, 2024], block: Object.fromEntries(SKV11_BLOCK.map((b) => [b, true])) },
    };
    const [b, m] = await Promise.all([
      hamta(`${blandad.url}/ssbtek/v11`, f, "v11"),
      hamta(`${myndighet.url}/ssbtek/v11`, f, "v11"),
    ]);
    expect(b.svarsdata.SKV).toHaveProperty("delar");
    expect(sektion(b, "SKV")).toBe(sektion(m, "SKV"));
  });
});

describe("an unreachable upstream", () => {
  let sim: RunningSimulator;
  let url: string;
  beforeAll(async () => {
    url = `http://127.0.0.1:${await closedPort()}/csn/kommunfraga/v4`;
    sim = await startSimulator({ port: 0, seed: 1, now, upstreams: { CSN: url } });
  });
  afterAll(() => sim.close());

  it("gives error kalla=SSBT felkod SSBT-2002 quickly, and the other sections still answer", async () => {
    const t0 = performance.now();
    const svar = await hamta(sim.ssbtek, fullFraga(GENERATED[1]!, TEST_PERIOD, "DOWN"));
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(svar.svarsdata.CSN).toEqual({
      error: {
        kalla: "SSBT",
        felkod: SSBT_FELKOD.EJ_NABAR,
        felmeddelande: [expect.stringContaining("kunde inte nås")],
      },
    });
    for (const kod of ["AF", "FK", "SKV", "SO", "TNS", "MIV"] as const) {
      const s = svar.svarsdata[kod]!;
      if ("error" in s) expect(s.error.kalla, kod).toBe("BT");
    }
  });

  it("reports it in testaBastjanstInformation and lists its URL", async () => {
    const r = await postSoap(sim.ssbtek, soapEnvelope(el(NS.ssbt10, "testaBastjanstInformation")));
    expect(r.status).toBe(200);
    expect(r.text).toMatch(
      /<ssbt:CSN><ssbt:anropad>true<\/ssbt:anropad><ssbt:error><ssbt:kalla>SSBT<\/ssbt:kalla><ssbt:felkod>SSBT-2002</,
    );
    const ups = (await (await fetch(`${sim.url}/__admin/upstreams`)).json()) as Record<string, string>;
    expect(ups.CSN).toBe(url);
  });
});

describe("--upstream options", () => {
  it("parses KOD=URL (any case), and refuses a missing =, an unknown kod and a kod given twice", () => {
    expect(parseUpstreams(["CSN=http://a.test/csn", "skv=https://b.test/skv"])).toEqual({
      CSN: "http://a.test/csn",
      SKV: "https://b.test/skv",
    });
    const message = (values: string[]) => {
      try {
        parseUpstreams(values);
        return "accepted";
      } catch (e) {
        return isHarnessError(e) ? e.message : `not a HarnessError: ${e}`;
      }
    };
    expect(message(["CSN"])).toContain('Invalid --upstream "CSN": use KOD=URL');
    expect(message(["XYZ=http://x"])).toContain("KOD one of AF, CSN, FK, SKV, SO, TNS, MIV");
    expect(message(["CSN=http://a", "csn=http://b"])).toContain("given twice");
  });

  it("refuses a URL that is not http(s), and a fault injected into a real upstream", () => {
    const message = (o: Parameters<typeof resolveOptions>[0]) => {
      try {
        resolveOptions(o);
        return "accepted";
      } catch (e) {
        return isHarnessError(e) ? e.message : `not a HarnessError: ${e}`;
      }
    };
    expect(message({ upstreams: { CSN: "" } })).toContain("Invalid upstream URL for CSN");
    expect(message({ upstreams: { CSN: "inte en url" } })).toContain("Pass --upstream CSN=https://host/path");
    expect(message({ upstreams: { CSN: "ftp://csn.test/x" } })).toContain("must be http(s)");
    expect(message({ upstreams: { CSN: "http://csn.test/x" }, faults: { CSN: "down" } })).toContain(
      "real upstream",
    );
    expect(message({ upstreams: { CSN: "https://csn.test/x" } })).toBe("accepted");
  });
});

describe("CLI: simulate --upstream", () => {
  it("accepts --upstream CSN=http://…, prints it and lists it at /__admin/upstreams", async () => {
    const real = "http://127.0.0.1:9/csn/kommunfraga/v4";
    const c = startCli(["simulate", "--port", "0", "--profile", "fast", "--upstream", `CSN=${real}`]);
    try {
      const [, url] = await c.waitFor(/listening on (http:\/\/\S+)[\s\S]*CSN\s+(\S+)/, 25_000);
      const ups = (await (await fetch(`${url}/__admin/upstreams`)).json()) as Record<string, string>;
      expect(ups.CSN).toBe(real);
      expect(ups.AF!.startsWith(url!)).toBe(true);
    } finally {
      c.p.kill("SIGTERM");
    }
    expect((await c.done).code).toBe(0);
  });

  it("rejects bad --upstream values with a clear message and no stack trace", async () => {
    // One refused while parsing the flags, one while resolving the options (the rest: unit tests above).
    const cases: [string[], string][] = [
      [["--upstream", "CSN=http://a.test", "--upstream", "CSN=http://b.test"], "given twice"],
      [["--upstream", "CSN=ftp://csn.test/x"], "must be http(s)"],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(["simulate", "--port", "0", ...args])));
    results.forEach((r, i) => {
      expect(r.code, cases[i]![1]).toBe(2);
      expect(r.stderr).toContain(cases[i]![1]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
