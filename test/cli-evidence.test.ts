import { generateKeyPairSync } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attr, childElements } from "../contract/xml/node.js";
import { parseXml } from "../contract/xml/parse.js";
import type { Evidence } from "../reports/evidence/model.js";
import { PERSONAS } from "../simulators/population/population.js";
import { type CliRun, runCli, startCli, TEST_CONFIG_HOME } from "./support/cli.js";

const noStackTrace = (r: CliRun) => expect(r.stderr + r.stdout).not.toMatch(/\n\s+at \S+ \(/);
const root = mkdtempSync(join(tmpdir(), "ssbtek-cli-evidence-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const userPublicKey = () =>
  JSON.parse(readFileSync(join(root, "chain", "evidence.json"), "utf8")).publicKey as string;

describe("CLI evidence bundle and certify verify", { timeout: 90_000 }, () => {
  const chain = join(root, "chain");
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli([
      "certify",
      "chain",
      "--fault-subsets",
      "1",
      "--clock",
      "2026-11-20T10:00:00+01:00",
      "--out",
      chain,
      "--json",
    ]);
  }, 120_000);

  it("certify chain --json leaves a verifiable bundle and prints the result as JSON on stdout", async () => {
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      verdict: string;
      results: unknown[];
      files: Record<string, string>;
    };
    expect(result.verdict).toBe("passed");
    expect(result.results).toContainEqual({
      consumer: "verksamhetssystem",
      provider: "ssbtek-ssbt",
      verdict: "passed",
    });
    // progress and the summary went to stderr
    expect(run.stderr).toMatch(/\[\d+\/\d+\] /);
    const e = JSON.parse(readFileSync(join(chain, "evidence.json"), "utf8")) as Evidence;
    expect(Object.keys(e.files).sort()).toEqual([
      "certificate.html",
      "certify-chain.html",
      "certify-chain.json",
      "certify-chain.junit.xml",
      "traffic.har",
    ]);
    expect(e).toMatchObject({
      command: "certify chain",
      suite: "chain",
      seed: 1,
      clock: "2026-11-20T09:00:00.000Z",
    });
    const junit = parseXml(readFileSync(join(chain, "certify-chain.junit.xml"), "utf8"));
    expect(Number(attr(junit, "tests"))).toBeGreaterThanOrEqual(200);
    const names = childElements(childElements(junit)[0]!)
      .filter((c) => c.local === "testcase")
      .map((c) => attr(c, "name"));
    expect(names).toContain(names.find((n) => / › MIV$/.test(n ?? "")));
    const har = JSON.parse(readFileSync(join(chain, "traffic.har"), "utf8"));
    expect(har.log.entries.length).toBeGreaterThanOrEqual(30);
    expect(readFileSync(join(chain, "traffic.har"), "utf8")).not.toMatch(/(?<!\d)(19|20)\d{10}(?!\d)/);

    const ok = await runCli(["certify", "verify", chain]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^VERIFIED: .* 5 files intact/);
    const pub = join(root, "signer.pem");
    writeFileSync(pub, userPublicKey());
    expect((await runCli(["certify", "verify", chain, "--public-key", pub])).code).toBe(0);
  });

  it("a tampered bundle fails certify verify (exit 1), naming what changed; bad input exits 2", async () => {
    const copy = (name: string) => {
      const dir = join(root, name);
      mkdirSync(dir);
      for (const f of [
        "certificate.html",
        "certify-chain.html",
        "certify-chain.json",
        "certify-chain.junit.xml",
        "traffic.har",
        "evidence.json",
        "evidence.sig",
      ])
        writeFileSync(join(dir, f), readFileSync(join(chain, f)));
      return dir;
    };
    const edited = copy("edited");
    const report = JSON.parse(readFileSync(join(edited, "certify-chain.json"), "utf8"));
    report.target = "a more impressive system";
    writeFileSync(join(edited, "certify-chain.json"), `${JSON.stringify(report, null, 2)}\n`);
    appendFileSync(join(edited, "certify-chain.html"), "<!-- edited -->");
    const forged = copy("forged");
    const ev = readFileSync(join(forged, "evidence.json"), "utf8").replace(
      '"verdict": "passed"',
      '"verdict": "failed"',
    );
    writeFileSync(join(forged, "evidence.json"), ev);
    unlinkSync(join(forged, "traffic.har"));
    const other = join(root, "other.pem");
    writeFileSync(other, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));
    const bad = [
      ["certify", "verify", join(root, "nowhere")],
      ["certify", "verify", chain, "--public-key", join(root, "nokey.pem")],
    ];
    const [r1, r2, r3, ...usage] = await Promise.all([
      runCli(["certify", "verify", edited]),
      runCli(["certify", "verify", forged, "--json"]),
      runCli(["certify", "verify", chain, "--public-key", other]),
      ...bad.map((a) => runCli(a)),
    ]);
    expect(r1!.code).toBe(1);
    expect(r1!.stdout).toContain("ALTERED:");
    expect(r1!.stdout).toContain("certify-chain.html was altered");
    expect(r1!.stdout).toContain("certify-chain.json was altered");
    expect(r2!.code).toBe(1);
    const v = JSON.parse(r2!.stdout) as { ok: boolean; problems: string[] };
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      expect.stringMatching(/signature in evidence\.sig does not match/),
      "traffic.har is missing.",
    ]);

    expect(r3!.code).toBe(1);
    expect(r3!.stdout).toContain("not by the expected key");
    for (const [i, r] of usage.entries()) {
      expect(r.code, bad[i]!.join(" ")).toBe(2);
      noStackTrace(r);
    }
  });
});

describe("CLI robustness of certify runs", { timeout: 90_000 }, () => {
  let hang: Server;
  let hangUrl = "";
  beforeAll(async () => {
    hang = createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    hangUrl = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/tns/hamtauppgifter/v1`;
  });
  afterAll(async () => {
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  });

  it("checks --out before the run, and fails fast with one message when nothing listens", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    const t0 = Date.now();
    const r = await runCli(["certify", "chain", "--out", join(file, "sub")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^Error: Cannot write reports to --out .*: (ENOTDIR|EEXIST)\. Pass --out with a folder you can write to\.\n$/,
    );
    expect(r.stdout).not.toContain("certify chain: every persona");
    const down = await runCli([
      "certify",
      "producer",
      "--bastjanst",
      "TNS",
      "--url",
      "http://127.0.0.1:9/tns",
      "--out",
      join(root, "down"),
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr.trim().split("\n")).toEqual([
      "Error: Nothing answers at 127.0.0.1:9 (ECONNREFUSED): start the system under test, or pass --url with the endpoint it listens on.",
    ]);
    expect(Date.now() - t0).toBeLessThan(45_000); // two CLI starts on a busy machine, no run
  });

  it("on Ctrl+C against a producer that never answers, shows progress and writes a partial, verifiable bundle", async () => {
    const dir = join(root, "partial");
    const c = startCli([
      "certify",
      "producer",
      "--bastjanst",
      "TNS",
      "--url",
      hangUrl,
      "--answer-timeout",
      "300ms",
      "--out",
      dir,
    ]);
    // every persona (but the two whose story is an SKV or a-kassa fault) plus the four malformed
    // requests of the error-behaviour suite. Generous: the CLI runs from the TypeScript sources (tsx) on a CI machine busy with other test files.
    await c.waitFor(
      new RegExp(`\\[2/${PERSONAS.length - 2 + 4}\\] .* → no complete answer within 300 ms`),
      60_000,
    );
    c.p.kill("SIGINT");
    const r = await c.done;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("SIGINT: stopping");
    expect(r.stdout).toMatch(/INTERRUPTED: certify producer .*stopped early \(SIGINT\)/);
    const e = JSON.parse(readFileSync(join(dir, "evidence.json"), "utf8")) as Evidence;
    expect(e).toMatchObject({
      verdict: "failed",
      interrupted: "SIGINT",
      systemUnderTest: { role: "producer", name: "ssbtek-tns" },
    });
    expect(e.results).toEqual([{ consumer: "ssbtek-ssbt", provider: "ssbtek-tns", verdict: "failed" }]);
    expect(readFileSync(join(dir, "certify-producer-tns.html"), "utf8")).toContain("INTERRUPTED");
    expect((await runCli(["certify", "verify", dir])).code).toBe(0);
  });

  it("--timeout stops the whole run and still writes the reports", async () => {
    const dir = join(root, "timeout");
    const r = await runCli([
      "certify",
      "producer",
      "--bastjanst",
      "TNS",
      "--url",
      hangUrl,
      "--answer-timeout",
      "5s",
      "--timeout",
      "1s",
      "--out",
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("stopped early (--timeout 1000 ms)");
    expect(existsSync(join(dir, "evidence.sig"))).toBe(true);
  });
});

describe("CLI polish", { timeout: 90_000 }, () => {
  it("--version prints the package version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("every usage error exits 2 with a one-line hint and no help dump", async () => {
    const cases = [
      [["simulate", "--bogus"], "error: unknown option '--bogus'"],
      [["personas", "--bogus"], "error: unknown option '--bogus'"],
      [["frobnicate"], "error: unknown command 'frobnicate'"],
      [[], "error: missing command"],
      [["certify"], "error: missing command (chain, producer, consumer, verify, compat, gate)"],
    ] as const;
    const runs = await Promise.all(cases.map(([args]) => runCli([...args])));
    for (const [args, message] of cases) {
      const r = runs.shift()!;
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toMatch(/Run `ssbtek-harness.* --help` for usage\.\n$/);
      expect(r.stderr + r.stdout).not.toContain("Options:");
      noStackTrace(r);
    }
  });

  it("personas | head: a closed pipe is no error", async () => {
    const c = startCli(["personas"]);
    await c.waitFor(/\d{8}-\*{4}|\d{12}/);
    c.p.stdout?.destroy();
    const r = await c.done;
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });

  it("creates the per-user signing key once under $XDG_CONFIG_HOME and prints its public key", async () => {
    const home = mkdtempSync(join(tmpdir(), "ssbtek-xdg-"));
    try {
      const out = join(home, "out");
      const r = await runCli(["certify", "chain", "--fault-subsets", "0", "--out", out], {
        XDG_CONFIG_HOME: home,
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `Created your evidence signing key ${join(home, "ssbtek-harness", "evidence-ed25519.pem")}`,
      );
      expect(r.stderr).toContain("-----BEGIN PUBLIC KEY-----");
      expect(TEST_CONFIG_HOME).not.toBe(home);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("CLI pacts from the package", { timeout: 90_000 }, () => {
  it("certify consumer --write-pacts writes the reference pacts; --pact verifies one with the verifier's output in a log", async () => {
    const pacts = join(root, "pacts");
    const w = await runCli(["certify", "consumer", "--write-pacts", pacts, "--json"]);
    expect(w.code).toBe(0);
    const written = JSON.parse(w.stdout) as { fil: string; consumer: string; provider: string }[];
    expect(written.map((p) => `${p.consumer} → ${p.provider}`)).toEqual([
      "verksamhetssystem → ssbtek-ssbt",
      ...["af", "csn", "fk-lefi", "skv", "so", "tns", "miv"].map((k) => `ssbtek-ssbt → ssbtek-${k}`),
    ]);
    const out = join(root, "pact-run");
    const r = await runCli(["certify", "consumer", "--pact", written[0]!.fil, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Verifying a pact");
    expect(r.stdout).not.toContain("\u001b[");
    expect(r.stdout).toContain(`The verifier's own output: ${join(out, "pact-verifier.log")}`);
    expect(readFileSync(join(out, "pact-verifier.log"), "utf8")).toContain("Verifying a pact");
    const e = JSON.parse(readFileSync(join(out, "evidence.json"), "utf8")) as Evidence;
    expect(e.suite).toBe("consumer-pact");
    expect(e.results).toEqual([
      { consumer: "verksamhetssystem", provider: "ssbtek-ssbt", verdict: "passed" },
    ]);
    expect(Object.keys(e.files)).toContain("pact-verifier.log");
  }, 120_000);

  it("the package exports the pact writers at ssbtek-harness/pact", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.exports["./pact"]).toEqual({ types: "./dist/pact.d.ts", import: "./dist/pact.js" });
    expect(pkg.files).toEqual(expect.arrayContaining(["docs", "LICENSE", "pact.ts", "!**/*.test.ts"]));
  });
});

describe("CLI consumer certification session", { timeout: 90_000 }, () => {
  it("prints the checklist, ticks an item live, and on SIGTERM writes a failing, verifiable bundle", async () => {
    const dir = join(root, "session");
    const c = startCli([
      "certify",
      "consumer",
      "--session",
      "--port",
      "0",
      "--name",
      "kommunsystem-x",
      "--out",
      dir,
    ]);
    const [, url] = await c.waitFor(/point your verksamhetssystem at (http:\/\/\S+) and perform:/);
    await c.waitFor(/☐ fel:SSBT-2004: /);
    await fetch(url!, {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
      body: '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><testaBastjanstInformation xmlns="http://schema.forsakringskassan.se/integration/ssbt/10"/></soap:Body></soap:Envelope>',
    });
    await c.waitFor(/✓ \[1\/14\] anslutning/);
    c.p.kill("SIGTERM");
    const r = await c.done;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("SESSION.ej-utford — 13 case(s)");
    const e = JSON.parse(readFileSync(join(dir, "evidence.json"), "utf8")) as Evidence;
    expect(e).toMatchObject({
      suite: "consumer-session",
      verdict: "failed",
      systemUnderTest: { role: "consumer", name: "kommunsystem-x", url },
      results: [{ consumer: "kommunsystem-x", provider: "ssbtek-ssbt", verdict: "failed" }],
    });
    expect((await runCli(["certify", "verify", dir])).code).toBe(0);
  }, 90_000);
});
