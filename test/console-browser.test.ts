/**
 * The web console in a real browser: Debian's chromium driven by playwright-core. Opens the
 * console, sends requests and sees them appear masked, injects a fault from the page and sees the
 * next answer's error section in the caseworker view, and checks that no full personidentitet is
 * in the DOM or the event stream and that a reset empties the page. Screenshots go to
 * test-artifacts/console/ (gitignored; CI keeps them as artifacts).
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standardPeriod } from "../contract/kalender.js";
import { createKonsol, type Konsol } from "../simulators/console/index.js";
import { PERSONAS } from "../simulators/population/population.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../suites/chain/client.js";
import { CHROMIUM, HAR_CHROMIUM, launchChromium } from "./support/chromium.js";
import { unmaskedForms } from "./support/privacy.js";

if (!HAR_CHROMIUM) {
  const msg = `${CHROMIUM} not found: the browser tests of the web console are SKIPPED. Install Debian's chromium (apt-get install chromium) to run them.`;
  if (process.env.CI) throw new Error(`In CI the browser tests must run: ${msg}`);
  console.warn(`\n[ssbtek-harness] ${msg}\n`);
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ARTEFAKTER = join(ROOT, "test-artifacts", "console");
const ALLA = PERSONAS.map((p) => p.personidentitet);
const persona = (id: string) => PERSONAS.find((p) => p.id === id)?.personidentitet as string;

/** Polls until the assertion holds (the page updates from the event stream and on timers). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

function utanPersonnummer(text: string, var_: string): void {
  // The four usual spellings, plus "+" (over 100 years) and a space after the date.
  const former = (pid: string) => [
    ...unmaskedForms(pid),
    `${pid.slice(2, 8)}+${pid.slice(8)}`,
    `${pid.slice(0, 8)} ${pid.slice(8)}`,
  ];
  for (const pid of ALLA)
    for (const form of former(pid))
      expect(text.includes(form), `unmasked personidentitet ${form.slice(0, 6)}… in ${var_}`).toBe(false);
}

describe.skipIf(!HAR_CHROMIUM)("the web console in chromium", () => {
  let sim: RunningSimulator;
  let konsol: Konsol;
  let browser: Browser;
  let page: Page;
  const strom: string[] = [];
  const begaran: string[] = [];
  const avbryt = new AbortController();

  beforeAll(async () => {
    mkdirSync(ARTEFAKTER, { recursive: true });
    konsol = createKonsol();
    sim = await startSimulator(
      { port: 0, seed: 7, profile: "fast", maxLagMs: 0 },
      { onUtfall: konsol.onUtfall, bastjanst: konsol.bastjanst, adminHandlers: konsol.adminHandlers },
    );
    konsol.anslut(sim.chain, { ssbtek: sim.ssbtek });
    // (maxLagMs 0: the browser driver shares this process, and its event-loop lag must not make
    // the simulator shed the test's own requests.)
    // A second listener on the event stream, to check what it carries.
    void fetch(`${sim.url}/__console/events`, { signal: avbryt.signal })
      .then(async (res) => {
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        const dec = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          strom.push(dec.decode(value));
        }
      })
      .catch(() => {});
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 760 }, locale: "sv-SE" });
    page.setDefaultTimeout(15_000);
    page.on("request", (r) => begaran.push(r.url()));
  }, 60_000);

  afterAll(async () => {
    avbryt.abort();
    await browser?.close();
    await sim?.close();
  });

  it("shows requests as they arrive, masked", async () => {
    await page.goto(`${sim.url}/__console`);
    await poll(() => page.locator("#anslutning").textContent()).toContain("Ansluten");
    const period = standardPeriod(sim.chain.context.now());
    for (const id of ["arbetslos-akassa", "student-bostadsbidrag", "bilagare"])
      await hamtaOverHttp(sim.ssbtek, fullFraga(persona(id), period, `WEB-${id}`));
    await poll(() => page.locator("#trafik-rader tr").count()).toBe(3);
    const pids = await page.locator("#trafik-rader td.pid").allTextContents();
    expect(pids).toEqual(["19780227-****", "20030412-****", "19960823-****"]);
    await page.screenshot({ path: join(ARTEFAKTER, "trafik.png") });
    // Filter by persona: only that person's exchange stays.
    await page.getByLabel("Filtrera på persona").selectOption("bilagare");
    await poll(() => page.locator("#trafik-rader tr").count()).toBe(1);
    await page.getByLabel("Filtrera på persona").selectOption("");
  });

  it("opens an exchange with its payloads decoded and its field-rule findings", async () => {
    await page.getByRole("button", { name: /Visa utbyte .* 19960823-\*\*\*\*/ }).click();
    await poll(() => page.locator("#vy-utbyte").isVisible()).toBe(true);
    await poll(() => page.getByLabel("Svaret").textContent()).toContain("base64, avkodad: JSON");
    await poll(() => page.locator("#utbyte-innehall").textContent()).toContain("Fältregler (0)");
    await page.screenshot({ path: join(ARTEFAKTER, "utbyte.png") });
  });

  it("injects a fault from the page, by keyboard, and the next answer's error section says so", async () => {
    // Tabs by keyboard: focus the first tab, arrow right to "Störningar och tider".
    await page.getByRole("tab", { name: "Trafik" }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => page.getByRole("tab", { name: "Störningar och tider" }).getAttribute("aria-selected"))
      .toBe("true");
    await page.getByLabel("Ny störning för MIV").selectOption("down");
    await page.getByRole("button", { name: "Tillämpa störning för MIV" }).click();
    await poll(() => page.locator("#i-kraft").textContent()).toContain("MIV=down");
    await page.screenshot({ path: join(ARTEFAKTER, "storningar.png") });
    // Ask the chain from Personer: the answer opens in the caseworker view.
    await page.getByRole("tab", { name: "Personer" }).click();
    await poll(() => page.getByRole("button", { name: "Fråga kedjan om hela-kedjan" }).isVisible()).toBe(
      true,
    );
    await page.screenshot({ path: join(ARTEFAKTER, "personer.png") });
    await page.getByRole("button", { name: "Fråga kedjan om hela-kedjan" }).click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Handläggarvy" }).getAttribute("aria-selected"))
      .toBe("true");
    const fel = page.getByRole("group", { name: "Fel från Migrationsverket" });
    await poll(() => fel.textContent()).toContain("Migrationsverket gick inte att nå");
    await poll(() => fel.textContent()).toContain("Försök igen");
    const vy = (await page.locator("#handlaggarvy-innehall").textContent()) ?? "";
    expect(vy).toMatch(/\d{1,2} [a-zä]+ \d{4} – \d{1,2} [a-zä]+ \d{4}/);
    expect(vy).toMatch(/\d[\d\u00a0]*\u00a0kr/);
    expect(vy).toContain("Arbetsförmedlingen");
    await page.screenshot({ path: join(ARTEFAKTER, "handlaggarvy.png"), fullPage: false });
    expect(sim.chain.control.faults()).toEqual({ MIV: { kind: "down" } });
  });

  it("shows the service levels as a chart", async () => {
    await page.getByRole("tab", { name: "Servicenivå" }).click();
    await poll(() => page.locator("#serviceniva-diagram svg").count()).toBe(1);
    await expect
      .poll(() => page.locator("#serviceniva-diagram").textContent())
      .toContain("Besvarade: 4 av 4");
    await page.screenshot({ path: join(ARTEFAKTER, "serviceniva.png") });
  });

  it("respects skyddad identitet in the caseworker view", async () => {
    await page.getByRole("tab", { name: "Personer" }).click();
    await page.getByRole("button", { name: "Fråga kedjan om skyddad-identitet" }).click();
    await poll(() => page.locator("#handlaggarvy-innehall .skydd").count()).toBe(1);
    expect(await page.locator("#handlaggarvy-innehall").textContent()).not.toContain("Skyddad Identitet");
    await page.getByRole("tab", { name: "Trafik" }).click();
    await poll(() => page.locator("#trafik-rader tr").count()).toBe(5);
    await page.screenshot({ path: join(ARTEFAKTER, "trafik-med-storning.png") });
  });

  it("never puts a full personidentitet in the DOM or the event stream", async () => {
    // Open every kept exchange once, so every detail has been in the DOM.
    const ids = konsol.inspelning.lista().map((u) => u.id);
    const html: string[] = [];
    for (const id of ids) {
      await page.evaluate(
        (x) => (window as unknown as { oppnaUtbyte?: (n: number) => void }).oppnaUtbyte?.(x),
        id,
      );
      await page.getByRole("tab", { name: "Utbyte" }).click();
      await poll(() => page.locator("#utbyte-innehall").textContent()).toContain("Fråga");
      html.push(await page.content());
      await page.getByRole("tab", { name: "Handläggarvy" }).click();
      html.push(await page.content());
    }
    expect(html.length).toBeGreaterThan(0);
    utanPersonnummer(html.join("\n"), "the DOM");
    expect(strom.join("")).toContain("event: utbyte");
    utanPersonnummer(strom.join(""), "the event stream");
  });

  it("loads nothing from outside its own origin, and names every control in Swedish", async () => {
    expect(begaran.length).toBeGreaterThan(0);
    expect(begaran.filter((u) => !u.startsWith(`${sim.url}/`))).toEqual([]);
    const namnlosa = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, select, input, [role=tab]"))
        .filter((e) => {
          const el = e as HTMLInputElement;
          const namn =
            el.getAttribute("aria-label") ??
            (el.labels?.length ? el.labels[0]?.textContent : null) ??
            el.textContent;
          return !namn?.trim();
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(namnlosa).toEqual([]);
  });

  it("with an admin token: opened once with ?token=, it works from a cookie and the token leaves the address bar", async () => {
    const token = "webbkonsol-token-0123456789";
    const k2 = createKonsol();
    const s2 = await startSimulator(
      { port: 0, seed: 7, profile: "fast", adminToken: token, maxLagMs: 0 },
      { onUtfall: k2.onUtfall, bastjanst: k2.bastjanst, adminHandlers: k2.adminHandlers },
    );
    k2.anslut(s2.chain, { ssbtek: s2.ssbtek });
    const p2 = await browser.newPage({ viewport: { width: 1200, height: 760 }, locale: "sv-SE" });
    try {
      await p2.goto(`${s2.url}/__console?token=${token}`);
      expect(p2.url()).toBe(`${s2.url}/__console`);
      await poll(() => p2.locator("#anslutning").textContent()).toContain("Ansluten");
      await hamtaOverHttp(
        s2.ssbtek,
        fullFraga(persona("bilagare"), standardPeriod(s2.chain.context.now()), "TOK-1"),
      );
      await poll(() => p2.locator("#trafik-rader tr").count()).toBe(1);
      await p2.getByRole("tab", { name: "Störningar och tider" }).click();
      await p2.getByLabel("Ny störning för CSN").selectOption("fault");
      await p2.getByRole("button", { name: "Tillämpa störning för CSN" }).click();
      await poll(() => p2.locator("#i-kraft").textContent()).toContain("CSN=fault");
      expect(s2.chain.control.faults()).toEqual({ CSN: { kind: "fault" } });
    } finally {
      await p2.close();
      await s2.close();
    }
  });

  it("is emptied by POST /__admin/reset", async () => {
    await page.getByRole("tab", { name: "Trafik" }).click();
    const res = await fetch(`${sim.url}/__admin/reset`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    await poll(() => page.locator("#trafik-rader tr").count()).toBe(0);
    await poll(() => page.locator("#trafik-tom").isVisible()).toBe(true);
    expect(konsol.inspelning.storlek.antal).toBe(0);
    await poll(() => page.locator("#i-kraft").textContent()).toContain("Inga störningar");
  });
});
