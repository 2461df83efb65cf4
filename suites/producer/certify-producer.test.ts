import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import type { CertifyReport } from "../../reports/model.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { type RunningSimulator, startSimulator } from "../../simulators/server.js";
import { REFERENS_KLOCKA } from "../pact/referens.js";
import { certifyProducer, producerResults } from "./certify-producer.js";

/** What a broken producer does to the real answer: a new body, or a whole new answer. */
type Mutation = (text: string, status: number) => { status: number; type?: string; body: string } | string;

interface Proxy {
  url: (kod: BastjanstKod) => string;
  close(): Promise<void>;
}

/**
 * A broken producer: a tiny HTTP server in front of our simulator that forwards each request to
 * the same path and mutates the answer before sending it back.
 */
async function brokenProducer(sim: RunningSimulator, mutate: Mutation): Promise<Proxy> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const upstream = await fetch(`${sim.url}${req.url}`, {
      method: req.method ?? "POST",
      headers: { "Content-Type": req.headers["content-type"] ?? "text/xml", SOAPAction: '""' },
      body: Buffer.concat(chunks),
    });
    const type = upstream.headers.get("content-type") ?? "text/xml; charset=utf-8";
    const out = mutate(await upstream.text(), upstream.status);
    const answer = typeof out === "string" ? { status: upstream.status, type, body: out } : out;
    res.writeHead(answer.status, { "Content-Type": answer.type ?? type });
    res.end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (kod) => `${base}${new URL(sim.upstreams[kod]).pathname}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const rules = (r: CertifyReport, suite?: string) =>
  r.suites
    .filter((s) => !suite || s.name === suite)
    .flatMap((s) => s.cases.flatMap((c) => c.findings.map((f) => f.rule)));

const failedSuites = (r: CertifyReport) =>
  r.suites.filter((s) => s.cases.some((c) => c.status === "fail")).map((s) => s.name);

/**
 * The instant both sides run at: a Friday morning. Never the wall clock: Skatteverket is closed on
 * Sundays 02.00–04.00 (its fault is the simulated producer's right answer then), and the question
 * periods follow the clock.
 */
const now = () => new Date(REFERENS_KLOCKA);

describe("certify producer", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1, now });
  });
  afterAll(() => sim.close());

  it("passes for all seven simulated bastjänster, every persona, at the URLs GET /__admin/upstreams lists", async () => {
    const upstreams = (await (await fetch(`${sim.url}/__admin/upstreams`)).json()) as Record<
      BastjanstKod,
      string
    >;
    for (const kod of BASTJANSTER) {
      const r = await certifyProducer({ bastjanst: kod, url: upstreams[kod], now });
      expect(rules(r), kod).toEqual([]);
      expect(r.passed, kod).toBe(true);
      expect(r.suites.map((s) => s.name)).toEqual([
        "schema",
        "field rules",
        "code lists",
        "dates",
        "timing budget",
        "error behaviour",
      ]);
      expect(r.suites[0]!.cases.length).toBeGreaterThanOrEqual(25);
      expect(r.suites[5]!.cases.length).toBeGreaterThanOrEqual(3);
      expect(r.summary.skipped).toBe(0);
    }
  }, 120_000);

  it("passes every time against our own simulator in the realistic profile: its background errors are sent again and labelled", async () => {
    // Background outcomes ten times as often as the profile's 0.5 % errors / 0.2 % timeouts, so a few
    // runs meet some; the clock is fixed, so the draws (and this test) are the same every time.
    const realistic = await startSimulator({
      port: 0,
      seed: 7,
      now,
      profile: "realistic",
      timing: { errorRate: 0.05, timeoutRate: 0.02 },
    });
    try {
      let labelled = 0;
      for (let i = 0; i < 6; i++) {
        const r = await certifyProducer({ bastjanst: "TNS", url: realistic.upstreams.TNS, now });
        expect(rules(r), `run ${i + 1}`).toEqual([]);
        labelled += r.suites
          .flatMap((s) => s.cases)
          .filter((c) => c.details?.simulator?.startsWith("bakgrund")).length;
      }
      // ~7 % of ~200 exchanges: the simulator did inject some, and none failed a run
      expect(labelled).toBeGreaterThan(3);
    } finally {
      await realistic.close();
    }
  }, 120_000);

  const broken: {
    name: string;
    kod: BastjanstKod;
    mutate: Mutation;
    expected: string[];
    suites: string[];
  }[] = [
    {
      name: "an unknown code",
      kod: "TNS",
      mutate: (t) => t.replaceAll(">PERSONBIL<", ">RYMDSKEPP<"),
      expected: ["TNS.Fordonsslag.kodverk"],
      suites: ["code lists"],
    },
    {
      name: "an impossible date (2026-02-30)",
      kod: "MIV",
      mutate: (t) => t.replace(/<inresedatum>[^<]*</, "<inresedatum>2026-02-30+01:00<"),
      expected: ["MIV.datum.verklig"],
      suites: ["schema", "dates"],
    },
    {
      name: "a renamed element",
      kod: "MIV",
      mutate: (t) => t.replace(/<fornamn>([^<]*)<\/fornamn>/, "<fornamnet>$1</fornamnet>"),
      expected: ["MIV.okantFalt"],
      suites: ["schema", "field rules"],
    },
    {
      name: "a truncated body",
      kod: "TNS",
      mutate: (t, status) => (status === 200 ? t.slice(0, Math.floor(t.length / 2)) : t),
      expected: ["TNS.soap.envelope", "TNS.tolka"],
      suites: ["schema"],
    },
    {
      name: "an HTML error page (502)",
      kod: "AF",
      mutate: () => ({
        status: 502,
        type: "text/html",
        body: "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
      }),
      expected: [
        "AF.http.status",
        "AF.http.contentType",
        "AF.soap.envelope",
        "AF.felhantering.okant-element",
      ],
      suites: ["schema", "error behaviour"],
    },
    {
      name: "200 data for a malformed request",
      kod: "SO",
      mutate: (() => {
        let senaste = "";
        return (t: string, status: number) => {
          if (status === 200) senaste = t;
          return status === 200 ? t : { status: 200, body: senaste };
        };
      })(),
      expected: ["SO.felhantering.okant-element", "SO.felhantering.saknat-falt"],
      suites: ["error behaviour"],
    },
  ];

  for (const b of broken)
    it(`fails on a producer that sends ${b.name}, with a finding naming the rule`, async () => {
      const proxy = await brokenProducer(sim, b.mutate);
      try {
        const r = await certifyProducer({
          bastjanst: b.kod,
          url: proxy.url(b.kod),
          personas: ["hela-kedjan", "ej-traff"],
          now,
        });
        expect(r.passed).toBe(false);
        for (const rule of b.expected) expect(rules(r)).toContain(rule);
        for (const s of b.suites) expect(failedSuites(r)).toContain(s);
        const f = r.suites
          .flatMap((s) => s.cases.flatMap((c) => c.findings))
          .find((x) => x.rule === b.expected[0]);
        expect(f?.replay).toContain(`certify producer --bastjanst ${b.kod} --url ${proxy.url(b.kod)}`);
        expect(JSON.stringify(r)).not.toMatch(/\b(19|20)\d{10}\b/);
      } finally {
        await proxy.close();
      }
    });

  it("reports a producer that hangs as a timeout, and one that is down as no answer", async () => {
    const hang = createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    const port = (hang.address() as AddressInfo).port;
    try {
      const r = await certifyProducer({
        bastjanst: "miv",
        url: `http://127.0.0.1:${port}/miv/ssbtek/v1`,
        timeoutMs: 300,
        personas: ["hela-kedjan"],
      });
      expect(r.passed).toBe(false);
      expect(rules(r)).toEqual(
        expect.arrayContaining(["MIV.svar.saknas", "MIV.svarstid.timeout", "MIV.felhantering.ej-valformad"]),
      );
    } finally {
      hang.closeAllConnections();
      await new Promise<void>((r) => hang.close(() => r()));
    }
    // nothing listens: one clear message before the run, not a failure per case
    await expect(
      certifyProducer({ bastjanst: "TNS", url: `http://127.0.0.1:${port}/tns`, personas: ["hela-kedjan"] }),
    ).rejects.toThrow(`Nothing answers at 127.0.0.1:${port} (ECONNREFUSED): start the system under test`);
    const down = await certifyProducer({
      bastjanst: "TNS",
      url: `http://127.0.0.1:${port}/tns`,
      personas: ["hela-kedjan"],
      skipPrecheck: true,
    });
    expect(down.passed).toBe(false);
    expect(rules(down, "schema")).toEqual(["TNS.svar.saknas"]);
    expect(down.suites.find((s) => s.name === "timing budget")!.cases[0]!.status).toBe("skip");
  });

  for (const [what, status, body] of [
    ["a bare 404", 404, ""],
    ["a 404 page", 404, "<h1>Not Found</h1>"],
    ["an empty 400", 400, ""],
    ["an empty 500", 500, ""],
  ] as const)
    it(`fails the error-behaviour suite when malformed requests get ${what}`, async () => {
      const proxy = await brokenProducer(sim, (text, st) =>
        st === 200 ? text : { status, type: "text/plain", body },
      );
      try {
        const r = await certifyProducer({
          bastjanst: "TNS",
          url: proxy.url("TNS"),
          personas: ["hela-kedjan"],
          now,
        });
        const fel = r.suites.find((s) => s.name === "error behaviour")!;
        expect(fel.cases.length).toBe(4);
        expect(fel.cases.every((c) => c.status === "fail")).toBe(true);
        expect(failedSuites(r)).toEqual(["error behaviour"]);
      } finally {
        await proxy.close();
      }
    });

  it("sends again when our simulator answers with its own background error, and labels the case", async () => {
    let first = true;
    const proxy = await brokenProducer(sim, (text, st) => {
      if (!first || st !== 200) return text;
      first = false;
      return { status: 500, type: "text/html", body: "<html><p>TNS: bakgrundsfel (errorRate).</p></html>" };
    });
    try {
      const r = await certifyProducer({
        bastjanst: "TNS",
        url: proxy.url("TNS"),
        personas: ["hela-kedjan"],
        now,
      });
      expect(r.passed).toBe(true);
      expect(r.suites[0]!.cases[0]!.details?.simulator).toMatch(/^bakgrundsfel, sent again/);
    } finally {
      await proxy.close();
    }
  });

  it("reports progress per exchange, stops on its signal with a partial report, and replays exactly", async () => {
    const stop = new AbortController();
    const seen: string[] = [];
    const r = await certifyProducer({
      bastjanst: "TNS",
      url: sim.upstreams.TNS,
      now,
      signal: stop.signal,
      onExchange: (e) => {
        seen.push(`${e.done}/${e.total} ${e.status}`);
        if (e.done === 2) stop.abort("SIGINT");
      },
    });
    // every persona (but the two whose story is an SKV or a-kassa fault) plus the four malformed
    // requests of the error-behaviour suite
    const total = PERSONAS.length - 2 + 4;
    expect(seen).toEqual([`1/${total} HTTP 200`, `2/${total} HTTP 200`]);
    expect(r.interrupted).toBe("SIGINT");
    expect(r.passed).toBe(false);
    expect(r.suites[0]!.cases).toHaveLength(2);
    expect(r.replay).toBe(
      `npx ssbtek-harness certify producer --bastjanst TNS --url ${sim.upstreams.TNS} --clock 2026-11-20T09:00:00.000Z --budget 7000ms --answer-timeout 12000ms`,
    );
    expect(r.suites[0]!.cases[0]!.persona).toBeDefined();
    expect(producerResults("AF", r)).toEqual([
      { consumer: "ssbtek-ssbt", provider: "ssbtek-af", verdict: "failed" },
    ]);
  });

  it("flags an answer over the timing budget", async () => {
    const r = await certifyProducer({
      bastjanst: "TNS",
      url: sim.upstreams.TNS,
      budgetMs: 0.001,
      personas: ["hela-kedjan"],
      now,
    });
    expect(rules(r, "timing budget")).toEqual(["TNS.svarstid.budget"]);
  });

  it("refuses unknown input with a clear message: bastjänst, URL, persona", async () => {
    await expect(certifyProducer({ bastjanst: "XYZ", url: sim.upstreams.TNS })).rejects.toThrow(
      'Unknown bastjänst "XYZ": pass --bastjanst with one of AF, CSN, FK, SKV, SO, TNS, MIV.',
    );
    await expect(certifyProducer({ bastjanst: "TNS", url: "not a url" })).rejects.toThrow(
      /Invalid --url "not a url"/,
    );
    await expect(
      certifyProducer({ bastjanst: "TNS", url: sim.upstreams.TNS, personas: ["nobody"] }),
    ).rejects.toThrow(/Unknown persona "nobody"/);
  });
});
