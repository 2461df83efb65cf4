import { describe, expect, it } from "vitest";
import { standardPeriod } from "../../contract/kalender.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import type { CertifyCase } from "../../reports/model.js";
import { fullFraga } from "../chain/certify-chain.js";
import { hamtaOverHttp } from "../chain/client.js";
import { startConsumerRecording } from "./certify-consumer-record.js";

const NOW = new Date("2026-11-20T10:00:00+01:00");
const PERSON = "197003039885";

describe("certify consumer --record", () => {
  it("records a vendor stand-in's one good and two bad requests: the bad ones fail naming the rule", async () => {
    const live: CertifyCase[] = [];
    const rec = await startConsumerRecording({
      port: 0,
      now: () => new Date(NOW),
      maxRequests: 3,
      onCase: (c) => live.push(c),
    });
    const period = standardPeriod(NOW);

    const good = await hamtaOverHttp(rec.ssbtek, fullFraga(PERSON, period, "ARENDE-1"));
    expect(good.ok).toBe(true);

    // CSN rejects an arendeidentitet of 32 characters or more: the answer still comes, CSN's section fails
    const lang = fullFraga(PERSON, period, "A".repeat(40));
    expect((await hamtaOverHttp(rec.ssbtek, lang)).ok).toBe(true);

    // a personidentitet that is not 12 digits: the whole request is refused with a SOAP Fault
    const xml = soapEnvelope(encodeFraga(fullFraga(PERSON, period, "ARENDE-3"))).replace(
      /(<(?:\w+:)?personidentitet>)\d{12}</,
      "$119700303-9885<",
    );
    expect(xml).toContain("19700303-9885");
    const bad = await fetch(rec.ssbtek, {
      method: "POST",
      headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
      body: xml,
    });
    expect(bad.status).toBe(500);

    const report = await rec.done;
    expect(live.map((c) => c.status)).toEqual(["pass", "fail", "fail"]);
    expect(report.passed).toBe(false);
    expect(report.summary).toMatchObject({ tests: 3, passed: 1, failed: 2 });
    const [, csn, fault] = report.suites[0]!.cases as [CertifyCase, CertifyCase, CertifyCase];
    expect(csn.findings.map((f) => f.rule)).toContain("CSN.arendeidentitet.maxLength");
    const rules = fault.findings.map((f) => f.rule);
    expect(rules.some((r) => r.startsWith("SSBT.personidentitet"))).toBe(true);
    expect(rules.some((r) => r.startsWith("SSBT.fault.SSBT-"))).toBe(true);
    expect(fault.name).toContain("hamtaBastjanstInformation");
    const json = JSON.stringify(report);
    expect(json).not.toContain(PERSON);
    expect(json).not.toContain("9885<");
    // the limit was reached: the simulator is closed
    await expect(fetch(rec.ssbtek, { method: "POST", body: "x" })).rejects.toThrow();
  });

  it("stops on demand; a recording that received nothing is not a pass", async () => {
    const rec = await startConsumerRecording({ port: 0, durationS: 60 });
    const wsdl = await fetch(`${rec.ssbtek}?wsdl`);
    expect(wsdl.status).toBe(200); // not a request to the composite service: not recorded
    const report = await rec.stop("SIGINT");
    expect(await rec.done).toBe(report);
    expect(report.passed).toBe(false);
    expect(report.suites[0]!.cases[0]!.findings[0]!.rule).toBe("CONSUMER.inga-anrop");
    expect(report.suites[0]!.cases[0]!.findings[0]!.message).toContain("(SIGINT)");
  });

  it("stops after --duration", async () => {
    const rec = await startConsumerRecording({ port: 0, durationS: 0.2 });
    const r = await rec.done;
    expect(r.extra).toMatchObject({ requests: 0, stopped: "after 0.2 s" });
  });

  it("refuses bad limits with a clear message", async () => {
    await expect(startConsumerRecording({ port: 0, maxRequests: 0 })).rejects.toThrow(/--max-requests 0/);
    await expect(startConsumerRecording({ port: 0, durationS: -1 })).rejects.toThrow(/--duration -1/);
  });
});
