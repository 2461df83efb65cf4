import { describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import { NS } from "../../contract/namespaces.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { el } from "../../contract/xml/node.js";
import { TrafficLog } from "../../reports/evidence/har.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { fullFraga } from "../chain/certify-chain.js";
import { hamtaOverHttp } from "../chain/client.js";
import { type SessionItemState, sessionChecklist, startConsumerSession } from "./certify-consumer-session.js";

const now = () => new Date("2026-11-20T10:00:00+01:00");
const pnr = (id: string) => PERSONAS.find((p) => p.id === id)!.personidentitet;

describe("certify consumer --session", () => {
  it("has a checklist: connection test, persona kinds, per-bastjänst periods, echo, each error kind", () => {
    expect(sessionChecklist().map((i) => i.id)).toEqual([
      "anslutning",
      "persona:personnummer",
      "persona:samordningsnummer",
      "persona:ej-traff",
      "persona:skyddad-identitet",
      "period:AF",
      "period:CSN",
      "period:SO",
      "period:TNS",
      "eko",
      "fel:BT",
      "fel:SSBT-2001",
      "fel:SSBT-2002",
      "fel:SSBT-2004",
    ]);
  });

  it("ticks items live as a verksamhetssystem performs them validly, and passes when all are done", async () => {
    const ticked: string[] = [];
    const traffic = new TrafficLog();
    const s = await startConsumerSession({
      port: 0,
      seed: 1,
      now,
      traffic,
      onItem: (i) => ticked.push(i.id),
    });
    const period = standardPeriod(now());
    const fraga = (id: string, arende: string) => fullFraga(pnr(id), period, arende);
    await fetch(s.ssbtek, {
      method: "POST",
      headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
      body: soapEnvelope(el(NS.ssbt10, "testaBastjanstInformation")),
    });
    const eko = fraga("arbetslos-akassa", "S-1");
    eko.generellaFrageparametrar.fraganSkallInkluderasISvaret = true;
    for (const kod of ["AF", "CSN", "SO", "TNS"] as const)
      eko.specifikaFrageparametrar[kod] = { inkludera: true, tidsperiod: period };
    expect((await hamtaOverHttp(s.ssbtek, eko)).ok).toBe(true);
    for (const id of ["samordningsnummer-sasongsarbetare", "ej-traff", "skyddad-identitet"])
      await hamtaOverHttp(s.ssbtek, fraga(id, `S-${id.length}`));
    expect(s.checklist.filter((i) => !i.done).map((i) => i.id)).toEqual([
      "fel:BT",
      "fel:SSBT-2001",
      "fel:SSBT-2002",
      "fel:SSBT-2004",
    ]);
    for (const item of s.checklist.filter((i: SessionItemState) => !i.done)) {
      const r = await hamtaOverHttp(s.ssbtek, fraga(item.persona!, `S-${item.id.slice(4)}`));
      expect(r.ok, item.id).toBe(true); // the section fails, the answer does not
    }
    const report = await s.done;
    expect(report.passed).toBe(true);
    expect(report.suites.map((x) => [x.name, x.cases.length])).toEqual([
      ["checklist", 14],
      ["requests", 9],
    ]);
    expect(ticked).toHaveLength(14);
    expect(traffic.size).toBe(9);
  });

  it("judges an ssbt/11 question by ssbt/11's question table (its SKV fraga is no error there)", async () => {
    const s = await startConsumerSession({ port: 0, seed: 1, now });
    const f = fullFraga(pnr("foretagare"), standardPeriod(now()), "V11-1");
    f.specifikaFrageparametrar.SKV = {
      inkludera: true,
      fraga: {
        ar: [2025],
        block: {
          foretagsinformation: false,
          individuppgifter: false,
          skatteuppgifter: true,
          skattekonto: false,
          beskattningsbilagor: false,
        },
      },
    };
    const svar = await hamtaOverHttp(`${s.ssbtek}/v11`, f, "v11");
    expect(svar.ok).toBe(true);
    const report = await s.stop("SIGINT");
    expect(report.suites[1]!.cases.map((c) => [c.status, c.findings.map((x) => x.rule)])).toEqual([
      ["pass", []],
    ]);
  });

  it("an invalid request ticks nothing and fails; stopped early, the items not done fail", async () => {
    const s = await startConsumerSession({ port: 0, seed: 1, now });
    const period = standardPeriod(now());
    // fromDatum after tomDatum: about the right persona, but not valid
    const fel = fullFraga(pnr("ej-traff"), period, "X-0");
    fel.generellaFrageparametrar.tidsperiod = { fromDatum: period.tomDatum, tomDatum: period.fromDatum };
    await hamtaOverHttp(s.ssbtek, fel);
    expect(s.checklist.some((i) => i.done)).toBe(false);
    await hamtaOverHttp(s.ssbtek, fullFraga(pnr("ej-traff"), period, "X-1"));
    const report = await s.stop("SIGINT");
    expect(report.passed).toBe(false);
    expect(report.suites[1]!.cases.map((c) => c.status)).toEqual(["fail", "pass"]);
    expect(report.suites[1]!.cases[0]!.findings.map((f) => f.rule)).toContain("SSBT.fault.SSBT-1003");
    const failed = report.suites[0]!.cases.filter((c) => c.status === "fail");
    expect(failed).toHaveLength(13);
    expect(failed[0]!.findings[0]).toMatchObject({ rule: "SESSION.ej-utford" });
    expect(failed[0]!.findings[0]!.message).toContain("(SIGINT)");
  });
});
