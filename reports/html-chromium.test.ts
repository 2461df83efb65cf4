/**
 * The HTML reports as a person sees them: rendered in headless Chromium (Debian `chromium`, driven
 * by playwright-core), with the verdict and the first failing case above the fold, passing cases
 * folded away, and nothing fetched from the network. Screenshots go to test-artifacts/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certifyChain, chainCertifyReport } from "../suites/chain/certify-chain.js";
import { CHROMIUM, HAR_CHROMIUM, launchChromium } from "../test/support/chromium.js";
import { formatCertificate } from "./evidence/certificate.js";
import { formatHtml } from "./html.js";
import { buildReport, type CertifyCase, type CertifyReport, caseFrom, skippedCase } from "./model.js";

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-artifacts");
const VIEWPORT = { width: 1280, height: 800 };
const present = HAR_CHROMIUM;
if (!present)
  console.warn(
    `SKIPPED: ${CHROMIUM} is missing — install Debian's chromium (.ci/run does) to render the reports.`,
  );

/** A producer report as the issue describes it: 154 cases, one failure buried in the middle, 30 identical skips. */
function producerReport(): CertifyReport {
  const bas =
    "npx ssbtek-harness certify producer --bastjanst TNS --url http://127.0.0.1:8080/tns/hamtauppgifter/v1 --clock 2026-11-20T09:00:00.000Z --budget 7000ms --answer-timeout 12000ms";
  const persona = (i: number) => `persona-${String(i).padStart(2, "0")}`;
  const cases = (suite: string): CertifyCase[] =>
    Array.from({ length: 30 }, (_, i) => {
      const fel =
        suite === "field rules" && i === 17
          ? [
              {
                rule: "TNS.fordon.fordonsslag.kodverk",
                path: "/HamtaUppgifterResponse/fordonsinnehav/fordon[1]/fordonsslag",
                value: "RYMDSKEPP",
                message: '"RYMDSKEPP" is not a code of TNS.Fordonsslag',
                replay: `${bas} --persona ${persona(i)}`,
              },
            ]
          : [];
      return { ...caseFrom(`${persona(i)} (19900101-****)`, 40 + i, fel), persona: persona(i) };
    });
  return buildReport({
    command: "certify producer",
    target: "TNS http://127.0.0.1:8080/tns/hamtauppgifter/v1",
    startedAt: "2026-11-20T09:00:00.000Z",
    durationMs: 4321,
    suites: [
      { name: "schema", cases: cases("schema") },
      { name: "field rules", cases: cases("field rules") },
      {
        name: "code lists",
        cases: cases("code lists").map((c) => ({
          ...skippedCase(c.name, "no readable answer (see the schema suite)"),
          persona: c.persona!,
        })),
      },
      { name: "dates", cases: cases("dates") },
      { name: "timing budget", cases: cases("timing budget") },
      {
        name: "error behaviour",
        cases: ["ej-valformad", "okant-element", "tom-body", "saknat-falt"].map((n) => caseFrom(n, 3, [])),
      },
    ],
    replay: bas,
    replayNarrow: bas,
  });
}

describe.skipIf(!present)("HTML reports in headless Chromium", () => {
  let browser: Browser;
  const requests: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, html: string) {
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  it("a producer report: verdict, summary and the one failing case above the fold, with its replay; passes folded", async () => {
    const page = await open("report-producer-failing", formatHtml(producerReport()));
    expect(await page.locator("#verdict").innerText()).toBe("FAILED");
    expect(await page.locator(".summary").innerText()).toBe("154 cases: 1 failed, 123 passed, 30 skipped");
    const group = page.locator("#failure-1");
    await expect.poll(() => group.isVisible()).toBe(true);
    const box = (await group.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(VIEWPORT.height);
    const text = await group.innerText();
    expect(text).toContain("TNS.fordon.fordonsslag.kodverk");
    expect(text).toContain("field rules › persona-17 (19900101-****)");
    expect(text).toContain("--persona persona-17");
    // one replay for the group, not one per finding
    expect(await page.locator(".replay").count()).toBe(1);
    // passing cases are folded away; 30 identical skips are one line
    expect(await page.getByText("persona-03 (19900101-****)").first().isVisible()).toBe(false);
    expect(await page.locator("summary", { hasText: "30 skipped: no readable answer" }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "report-producer-failing.png") });
    await page.close();
  });

  it("a chain report: persona × bastjänst grid with the failed cells, and the SLA figures against 7 s / 12 s / 95 %", async () => {
    const r = await certifyChain({
      seed: 1,
      now: () => new Date("2026-11-20T10:00:00+01:00"),
      faultSubsets: 0,
      upstreams: { MIV: "http://127.0.0.1:9/miv" },
    });
    const page = await open(
      "report-chain-failing",
      formatHtml(chainCertifyReport(r, new Date("2026-11-20T09:00:00Z"), 1234)),
    );
    expect(await page.locator("#verdict").innerText()).toBe("FAILED");
    const first = (await page.locator("#failure-1").boundingBox())!;
    expect(first.y).toBeLessThan(VIEWPORT.height);
    expect(await page.locator("#failure-1").innerText()).toContain("CHAIN.sektion.ssbt");
    expect(await page.locator("#failure-1").innerText()).toContain("--clock 2026-11-20T09:00:00.000Z");
    const grid = page.locator("table.grid").first();
    expect(await grid.locator("tr").count()).toBe(r.rader.length + 1);
    expect(await grid.locator("td.fail").count()).toBe(r.rader.length); // the MIV column
    const sla = await page.locator("text=Service levels").locator("..").innerText();
    expect(sla).toMatch(/answers within 7 s\s+≥ 90 %/);
    expect(sla).toMatch(/answers within 12 s\s+100 %/);
    expect(sla).toMatch(/questions answered \(leveransprecision\)\s+≥ 95 %/);
    await page.screenshot({ path: join(ARTIFACTS, "report-chain-failing.png") });
    await page.screenshot({ path: join(ARTIFACTS, "report-chain-failing-full.png"), fullPage: true });
    await page.close();
  });

  it("the certificate shows who, what, which contract, the verdict and the key fingerprint", async () => {
    const page = await open(
      "certificate",
      formatCertificate({
        format: "ssbtek-harness/evidence/1",
        tool: { name: "ssbtek-harness", version: "0.1.0" },
        command: "certify producer",
        suite: "producer",
        contract: { version: "v10", digest: "sha256:ab" },
        kodverkDigest: "sha256:cd",
        populationDigest: "sha256:ef",
        seed: 1,
        clock: "2026-11-20T09:00:00.000Z",
        options: {},
        systemUnderTest: { role: "producer", name: "ssbtek-tns", url: "https://tns.example/v1" },
        results: [{ consumer: "ssbtek-ssbt", provider: "ssbtek-tns", verdict: "passed" }],
        verdict: "passed",
        startedAt: "2026-11-20T09:00:00.000Z",
        endedAt: "2026-11-20T09:01:00.000Z",
        publicKey: "",
        keyFingerprint: "sha256:0123",
      }),
    );
    expect(await page.locator("#verdict").innerText()).toBe("CONFORMANT");
    const text = await page.locator("body").innerText();
    for (const s of [
      "ssbtek-tns",
      "https://tns.example/v1",
      "ssbt v10, sha256:ab",
      "sha256:0123",
      "2026-11-20T09:01:00.000Z",
    ])
      expect(text).toContain(s);
    await page.screenshot({ path: join(ARTIFACTS, "certificate.png") });
    await page.close();
  });

  it("fetches nothing from the network", () => {
    expect(requests).toEqual([]);
  });
});
