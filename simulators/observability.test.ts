import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { standardPeriod } from "../contract/kalender.js";
import { maskera } from "../contract/personidentitet.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { ssbtNamespace } from "../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import { el } from "../contract/xml/node.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../suites/chain/client.js";
import { postSoap } from "../test/support/answers.js";
import { expectNoPersonnummer, memoryDestination } from "../test/support/privacy.js";
import type { MetricsSnapshot } from "./metrics/recorder.js";
import { createObservability, type Observability } from "./observability.js";
import { PERSONAS } from "./population/population.js";
import { type RunningSimulator, startSimulator } from "./server.js";

const ALLA = PERSONAS.map((p) => p.personidentitet);

interface Korning {
  sim: RunningSimulator;
  obs: Observability;
  dest: ReturnType<typeof memoryDestination>;
}

let running: Korning | undefined;

async function start(): Promise<Korning> {
  const dest = memoryDestination();
  const obs = createObservability({ logLevel: "debug", logDestination: dest });
  const sim = await startSimulator({ port: 0, seed: 1 }, { onUtfall: obs.onUtfall });
  obs.log.serverStart({ url: sim.url });
  running = { sim, obs, dest };
  return running;
}

afterEach(async () => {
  running?.obs.close();
  await running?.sim.close();
  running = undefined;
});

async function adminMetrics(obs: Observability, query = ""): Promise<Response> {
  const response = await getResponse(
    obs.adminHandlers(),
    new Request(`http://sim.test/__admin/metrics${query}`),
  );
  if (!response) throw new Error("no admin handler answered");
  return response;
}

describe("observability on a real server", () => {
  it("(a, b) every persona: the log and the metrics carry masked personidentiteter only, and no answer data", async () => {
    const { sim, obs, dest } = await start();
    const period = standardPeriod(sim.chain.context.now());
    for (const [i, p] of PERSONAS.entries()) {
      const r = await hamtaOverHttp(sim.ssbtek, fullFraga(p.personidentitet, period, `PRIV-${i}`));
      expect(r.status, p.id).toBe(200);
    }
    obs.close({ orsak: "test" });

    const text = dest.lines.join("");
    expectNoPersonnummer(text, ALLA);
    const records = dest.records();
    const besvarade = records.filter((r) => r.event === "fraga.besvarad");
    expect(besvarade).toHaveLength(PERSONAS.length);
    for (const [i, p] of PERSONAS.entries()) {
      const line = besvarade.find((r) => r.arendeidentitet === `PRIV-${i}`);
      expect(line, p.id).toMatchObject({
        personidentitet: maskera(p.personidentitet),
        korrelationsid: `certify-PRIV-${i}`,
        ingivare: {
          organisationsnummer: "162129999991",
          namn: "Certifieringskommunen",
          handlaggare: "certify",
        },
        bastjanster: ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"],
      });
      expect(text).not.toContain(`${p.fornamn} ${p.efternamn}`);
    }
    // Each error section is a bastjanst.fel deviation.
    const felsektioner = besvarade.reduce((n, r) => n + (r.antalFel as number), 0);
    expect(records.filter((r) => r.event === "bastjanst.fel")).toHaveLength(felsektioner);
    expect(records.map((r) => r.event)).toContain("server.start");
    expect(records.at(-1)).toMatchObject({ event: "server.stop", orsak: "test", fragor: PERSONAS.length });

    const response = await adminMetrics(obs);
    expect(response.status).toBe(200);
    const body = await response.text();
    const metrics = JSON.parse(body) as MetricsSnapshot;
    expect(metrics.leveransprecision).toMatchObject({
      fragor: PERSONAS.length,
      besvarade: PERSONAS.length,
      andelBesvarade: 1,
    });
    expect(metrics.svarstid.antal).toBe(PERSONAS.length);
    expect(metrics.svarstid.max).toBeGreaterThan(0);
    expect(metrics.bastjanster.CSN.anrop).toBe(PERSONAS.length);
    expect(body).not.toContain("korrelationsid");
    const all = `${body}\n${obs.summary()}`;
    expectNoPersonnummer(all, ALLA);
    for (const p of PERSONAS) expect(all).not.toContain(`${p.fornamn} ${p.efternamn}`);
    expect(all).not.toMatch(/[A-Za-z0-9+/]{40,}={0,2}/); // no base64 payload
    expect(all).not.toContain("Certifieringskommunen"); // names of the ingivare belong to the log only
  });

  it("(a) faults and error sections are masked too", async () => {
    const { sim, obs, dest } = await start();
    const period = standardPeriod(sim.chain.context.now());
    const [p1, p2, p3] = PERSONAS;
    const pid11 = p1!.personidentitet.slice(0, 11);

    // 11 digits: SOAP Fault SSBT-1005.
    const elva = await hamtaOverHttp(sim.ssbtek, fullFraga(pid11, period, "FEL-1"));
    expect(elva.ok ? undefined : elva.fault?.felkod).toBe(SSBT_FELKOD.OGILTIG_PERSONIDENTITET);

    // A personnummer given as organisationsnummer (a sole trader's): SOAP Fault SSBT-1004.
    const orgFraga = fullFraga(p2!.personidentitet, period, "FEL-2");
    orgFraga.generellaFrageparametrar.ingivare.organisationsnummer = p2!.personidentitet;
    const org = await hamtaOverHttp(sim.ssbtek, orgFraga);
    expect(org.ok ? undefined : org.fault?.felkod).toBe(SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER);

    // Error sections: CSN rejects an arendeidentitet of 32+ characters, FK an unknown LEFI version;
    // the free texts carry the personnummer in other formats.
    const pid = p3!.personidentitet;
    const felFraga = fullFraga(pid, period, `ARENDE-${pid}-ABCDEFGHIJKLMNOPQRSTUVWXYZ`);
    felFraga.generellaFrageparametrar.korrelationsid = `korr-${pid.slice(0, 8)}-${pid.slice(8)}`;
    felFraga.generellaFrageparametrar.ingivare.handlaggare = `${pid.slice(2, 8)}-${pid.slice(8)}`;
    felFraga.specifikaFrageparametrar.FK.fraga!.version = "v99";
    const fel = await hamtaOverHttp(sim.ssbtek, felFraga);
    expect(fel.ok).toBe(true);
    const sektioner = fel.ok ? fel.svar.svarsdata : {};
    expect(sektioner.CSN && "error" in sektioner.CSN).toBe(true);
    expect(sektioner.FK && "error" in sektioner.FK).toBe(true);

    // A connection test (logged at debug).
    const ping = await postSoap(
      sim.ssbtek,
      soapEnvelope(el(ssbtNamespace("v10"), "testaBastjanstInformation", [])),
    );
    expect(ping.status).toBe(200);

    const text = dest.lines.join("");
    expectNoPersonnummer(text, [...ALLA, pid11]);
    expect(text).not.toContain(pid11);
    const records = dest.records();
    const avvisade = records.filter((r) => r.event === "fraga.avvisad");
    expect(avvisade.map((r) => r.felkod)).toEqual([
      SSBT_FELKOD.OGILTIG_PERSONIDENTITET,
      SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER,
    ]);
    const besvarad = records.find((r) => r.event === "fraga.besvarad");
    expect(besvarad).toMatchObject({
      personidentitet: maskera(pid),
      arendeidentitet: `ARENDE-${maskera(pid)}-ABCDEFGHIJKLMNOPQRSTUVWXYZ`,
      korrelationsid: `korr-${maskera(pid)}`,
      ingivare: { handlaggare: `${pid.slice(2, 8)}-****` },
    });
    const fel2 = records.filter((r) => r.event === "bastjanst.fel").map((r) => r.kod);
    expect(fel2).toEqual(expect.arrayContaining(["CSN", "FK"]));
    expect(records.filter((r) => r.event === "tjanst.storning")).toHaveLength(1);
    expect(records.filter((r) => r.event === "anslutningstest")).toHaveLength(1);

    const body = await (await adminMetrics(obs)).text();
    expectNoPersonnummer(body, [...ALLA, pid11]);
    expect(body).not.toContain(pid11);
    const metrics = JSON.parse(body) as MetricsSnapshot;
    expect(metrics.leveransprecision.avvisadePerFelkod).toEqual({ "SSBT-1004": 1, "SSBT-1005": 1 });
    expect(metrics.leveransprecision).toMatchObject({ fragor: 3, besvarade: 1 });
    expect(metrics.tillganglighet.medStorning).toBe(1);
    expect(metrics.anslutningstester).toEqual({ antal: 1, medFel: 0 });
    expect(metrics.bastjanster.CSN.BT + metrics.bastjanster.CSN.SSBT).toBe(1);
  });
});

describe("admin handlers", () => {
  it("serve JSON, the text summary, a reset, and refuse an unknown format", async () => {
    const obs = createObservability({ logDestination: memoryDestination() });
    obs.onUtfall({
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 200,
      ms: 1_500,
      delar: [],
    });
    const json = await adminMetrics(obs);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("cache-control")).toBe("no-store");
    expect(((await json.json()) as MetricsSnapshot).svarstid).toMatchObject({ antal: 1, max: 1_500 });
    const text = await adminMetrics(obs, "?format=text");
    expect(text.headers.get("content-type")).toContain("text/plain");
    expect(await text.text()).toContain("Svarstid (1 answered questions)");
    const bad = await adminMetrics(obs, "?format=xml");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "BAD_FORMAT" });
    const reset = await getResponse(
      obs.adminHandlers(),
      new Request("http://sim.test/__admin/metrics", { method: "DELETE" }),
    );
    expect(reset?.status).toBe(204);
    expect(obs.metrics.toJSON().utbyten.antal).toBe(0);
  });

  it("onUtfall never throws and close() logs server.stop once", () => {
    const dest = memoryDestination();
    const obs = createObservability({ logDestination: dest });
    const broken = {
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 200,
      delar: null,
    } as never;
    expect(() => obs.onUtfall(broken)).not.toThrow();
    obs.close();
    obs.close();
    expect(dest.records().filter((r) => r.event === "server.stop")).toHaveLength(1);
  });
});
