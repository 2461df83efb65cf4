import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import type { BastjanstKod } from "../../contract/ssbt/model.js";
import { type RunningSimulator, startSimulator } from "../../simulators/server.js";
import { TEST_NOW } from "../../test/support/context.js";
import { fullFraga } from "../chain/certify-chain.js";
import { hamtaOverHttp } from "../chain/client.js";
import { KATALOG, valjFall } from "./catalogue.js";
import type { FallResultat, Malprofil } from "./model.js";
import { runRobustness } from "./runner.js";

/** Failed cases as readable lines, so a failing assertion says which case and why. */
const underkanda = (fall: FallResultat[]) =>
  fall.filter((f) => !f.passed).map((f) => `${f.id}: ${f.reason} (HTTP ${f.status}, ${f.ms} ms)`);

/** The cases run against every bastjänst endpoint: one or two per kind of attack, all fast. */
const BASTJANST_URVAL: Record<Exclude<Malprofil, "ssbt">, readonly string[]> = {
  soap: [
    "xxe-http",
    "billion-laughs",
    "deep-nesting",
    "processing-instruction",
    "invalid-utf8",
    "soap12-envelope",
    "must-understand",
    "content-type-json",
    "huge-header",
    "body-20mb-chunked",
    "request-smuggling-cl-te",
  ],
  json: [
    "json-not-json",
    "json-deep-nesting",
    "json-invalid-utf8",
    "content-type-xml-to-json-api",
    "body-20mb-chunked",
  ],
};

/** LEFI's question endpoint below the FK base path listed by the admin API. */
const LEFI_FRAGA = "/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga";

describe("the hostile-input catalogue", () => {
  it("has at least 35 cases with unique kebab-case ids, both descriptions and a rationale", () => {
    expect(KATALOG.length).toBeGreaterThanOrEqual(35);
    const ids = KATALOG.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of KATALOG) {
      expect(f.id, f.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.beskrivning.sv.length, f.id).toBeGreaterThan(5);
      expect(f.beskrivning.en.length, f.id).toBeGreaterThan(5);
      expect(f.motivering.length, f.id).toBeGreaterThan(10);
      expect(f.profiler.length, f.id).toBeGreaterThan(0);
    }
  });

  it("covers every attack the issue names", () => {
    const named = [
      "xxe-file",
      "xxe-http",
      "billion-laughs",
      "quadratic-blowup",
      "body-20mb-declared",
      "body-20mb-chunked",
      "slow-body",
      "deep-nesting",
      "many-elements",
      "invalid-utf8",
      "utf16-declared-utf8-bytes",
      "utf8-bom",
      "soap12-envelope",
      "wrong-ssbt-namespace",
      "missing-body",
      "empty-body",
      "two-body-children",
      "must-understand",
      "content-type-json",
      "content-type-html",
      "content-type-multipart",
      "no-content-type",
      "method-get",
      "method-put",
      "method-delete",
      "method-head",
      "huge-header",
      "chunked-encoding",
      "truncated-envelope",
      "not-xml-json",
      "not-xml-html",
      "processing-instruction",
      "cdata-personidentitet",
      "comment-in-field",
      "xsi-type",
      "unknown-element",
      "duplicated-element",
      "out-of-order-sections",
      "personidentitet-11-digits",
      "personidentitet-13-digits",
      "personidentitet-letters",
      "organisationsnummer-pattern",
      "impossible-date",
      "period-reversed",
      "arendeidentitet-empty",
      "arendeidentitet-10000",
      "injection-script-korrelationsid",
      "injection-sql-handlaggare",
      "injection-jndi-arendeidentitet",
      "injection-path-traversal",
      "injection-crlf-korrelationsid",
      "null-byte-raw",
      "control-characters",
      "long-korrelationsid",
    ];
    expect(named.filter((id) => !KATALOG.some((f) => f.id === id))).toEqual([]);
  });

  it("is documented case by case in docs/robustness.md", () => {
    const doc = readFileSync(new URL("../../docs/robustness.md", import.meta.url), "utf8");
    expect(KATALOG.filter((f) => !doc.includes(`| \`${f.id}\` |`)).map((f) => f.id)).toEqual([]);
  });

  it("refuses an unknown case id, and a case that does not fit the target, with a clear error", () => {
    expect(() => valjFall("ssbt", ["xxe-fil"])).toThrow(/Unknown robustness case xxe-fil/);
    expect(() => valjFall("json", ["xsi-type"])).toThrow(/does not apply to a json target/);
    expect(valjFall("soap", ["xxe-file", "billion-laughs"]).map((f) => f.id)).toEqual([
      "xxe-file",
      "billion-laughs",
    ]);
  });
});

describe("runRobustness without a URL", () => {
  it("starts the embedded simulator for the run and stops it afterwards", async () => {
    const rapport = await runRobustness({ only: ["xxe-file", "utf8-bom"] });
    expect(underkanda(rapport.fall)).toEqual([]);
    expect(rapport.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ssbtek$/);
    await expect(fetch(rapport.url, { method: "POST" })).rejects.toThrow();
  });
});

describe("runRobustness against our own simulated chain", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, now: () => new Date(TEST_NOW) });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("passes every case of the catalogue quickly, and the server still answers a real question", async () => {
    const t0 = performance.now();
    const rapport = await runRobustness({ url: sim.ssbtek, timeoutMs: 8_000, now: () => new Date(TEST_NOW) });
    expect(underkanda(rapport.fall)).toEqual([]);
    expect(rapport.antal).toBe(valjFall("ssbt").length);
    expect(rapport.vidLiv).toBe(true);
    expect(rapport.passed).toBe(true);
    expect(performance.now() - t0).toBeLessThan(20_000);
    // JSON-serializable as it stands (a future `certify robustness` writes it as is).
    expect(JSON.parse(JSON.stringify(rapport))).toEqual(rapport);
    const svar = await hamtaOverHttp(
      sim.ssbtek,
      fullFraga("197003039885", standardPeriod(new Date(TEST_NOW)), "EFTER-ROBUSTHET"),
    );
    expect(svar.ok, svar.ok ? "" : svar.message).toBe(true);
  }, 60_000);

  it("every bastjänst endpoint listed by GET /__admin/upstreams refuses hostile input the same way", async () => {
    const upstreams = (await (await fetch(`${sim.url}/__admin/upstreams`)).json()) as Record<
      BastjanstKod,
      string
    >;
    expect(Object.keys(upstreams)).toHaveLength(7);
    const problem: string[] = [];
    for (const [kod, url] of Object.entries(upstreams)) {
      const profil = kod === "FK" ? "json" : "soap";
      const rapport = await runRobustness({
        url: profil === "json" ? `${url}${LEFI_FRAGA}` : url,
        profil,
        only: BASTJANST_URVAL[profil],
        aliveUrl: sim.ssbtek,
        timeoutMs: 8_000,
      });
      problem.push(...underkanda(rapport.fall).map((p) => `${kod} ${p}`));
      if (!rapport.vidLiv) problem.push(`${kod}: the server stopped answering`);
    }
    expect(problem).toEqual([]);
  }, 60_000);
});
