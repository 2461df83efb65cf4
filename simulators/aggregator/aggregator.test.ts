import { describe, expect, it } from "vitest";
import { parseSoapEnvelope, readSoapFault, soapEnvelope } from "../../contract/soap/envelope.js";
import { decodeFault, decodeSvar, encodeFraga } from "../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type Sektion,
  type SsbtError,
  type SsbtFraga,
} from "../../contract/ssbt/model.js";
import { el } from "../../contract/xml/node.js";
import { testFraga } from "../../test/support/context.js";
import { mswHandler } from "../adapters/msw.js";
import { inProcessTransport, type Transport } from "../adapters/transport.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { type SimResponse, simRequest, textResponse } from "../endpoint.js";
import { SIMULATORER } from "../registry.js";
import { hanteraSsbt, ssbtEndpoint } from "./handlers.js";
import { KompositTjanst, type Upstream } from "./service.js";

/** A fake bastjänst: answers after `delayMs` with data, or fails as told. */
function fake(
  kod: BastjanstKod,
  behaviour: "data" | "bt" | "slow" | "down" | "precheck" | "gateway-timeout" = "data",
): Upstream {
  const path = `/fake/${kod.toLowerCase()}`;
  const simulator: BastjanstSimulator = {
    kod,
    sektion: SIMULATORER[kod].sektion,
    namn: `Fake ${kod}`,
    path,
    endpoint: () => async (req) => {
      if (req.method !== "POST" || req.path !== path) return undefined;
      if (behaviour === "slow") await new Promise((r) => setTimeout(r, 500));
      if (behaviour === "bt") return { ...textResponse(503, ""), body: "nope" };
      if (behaviour === "gateway-timeout") return { ...textResponse(504, ""), body: "late" };
      return { ...textResponse(200, ""), body: "ok" };
    },
    protokoll: { format: "soap", mediaTyp: "text/xml", avkoda: () => undefined },
    pactProvider: `fake-${kod.toLowerCase()}`,
    pact: { persona: "ej-traff", exakt: [], felKontrollsiffra: "data" },
    latens: { medianMs: 0, p95Ms: 0 },
    kodverk: "none",
    faltregler: "none",
    klient: {
      ...(behaviour === "precheck"
        ? {
            forkontroll: () => ({
              kalla: "SSBT" as const,
              felkod: SSBT_FELKOD.FELAKTIG_DELFRAGA,
              felmeddelande: ["x"],
            }),
          }
        : {}),
      begaran: (_f, endpoint) => ({ method: "POST", url: endpoint, headers: {}, body: "q" }),
      tolka: async (res): Promise<Sektion> =>
        res.ok
          ? { data: [el("urn:fake", "svar", [await res.text()])] }
          : { error: { kalla: "BT", felkod: `HTTP_${res.status}`, felmeddelande: ["fel"] } },
    },
  };
  const transport: Transport =
    behaviour === "down"
      ? async () => {
          throw new Error("ECONNREFUSED");
        }
      : inProcessTransport(simulator.endpoint({} as never));
  return { simulator, endpoint: `http://fake${path}`, transport, real: false };
}

function komposit(over: Partial<Record<BastjanstKod, Upstream>> = {}, deadline = 200) {
  const upstreams = Object.fromEntries(BASTJANSTER.map((k) => [k, over[k] ?? fake(k)])) as Record<
    BastjanstKod,
    Upstream
  >;
  return new KompositTjanst({ upstreams, deadlineMs: () => deadline });
}

const PID = "199608239829";

describe("KompositTjanst", () => {
  it("answers exactly the included sections, in parallel", async () => {
    const f = testFraga(PID);
    f.specifikaFrageparametrar.CSN.inkludera = false;
    f.specifikaFrageparametrar.MIV.inkludera = false;
    const t0 = performance.now();
    const svar = await komposit({ AF: fake("AF", "slow"), SO: fake("SO", "slow") }, 2000).hamta(f, "v10");
    expect(performance.now() - t0).toBeLessThan(950); // two 500 ms calls in parallel, not in series
    expect(Object.keys(svar.svarsdata)).toEqual(["AF", "FK", "SKV", "SO", "TNS"]);
  });

  it("turns a late bastjänst into error kalla=SSBT and still answers in time", async () => {
    const utfall: { kod: string; utfall: string }[] = [];
    const svar = await komposit({ CSN: fake("CSN", "slow") }, 100).hamta(
      testFraga(PID),
      "v10",
      utfall as never,
    );
    expect(svar.svarsdata.CSN).toEqual({
      error: {
        kalla: "SSBT",
        felkod: SSBT_FELKOD.TIMEOUT,
        felmeddelande: [expect.stringContaining("100 ms")],
      },
    });
    expect(svar.svarsdata.AF).toHaveProperty("data");
    expect(utfall.find((u) => u.kod === "CSN")?.utfall).toBe("SSBT");
  });

  it("keeps each bastjänst's own deadline: earlier ones expire in turn, a later one still answers", async () => {
    const upstreams = Object.fromEntries(BASTJANSTER.map((k) => [k, fake(k, "slow")])) as Record<
      BastjanstKod,
      Upstream
    >;
    const deadlines: Partial<Record<BastjanstKod, number>> = { CSN: 100, SO: 300, AF: 1500 };
    const t0 = performance.now();
    const utfall: { kod: string; ms: number }[] = [];
    const svar = await new KompositTjanst({
      upstreams,
      deadlineMs: (k) => deadlines[k] ?? 2000,
    }).hamta(testFraga(PID), "v10", utfall as never);
    const ms = performance.now() - t0;
    const fel = (k: BastjanstKod) => (svar.svarsdata[k] as { error: SsbtError }).error;
    expect(fel("CSN").felkod).toBe(SSBT_FELKOD.TIMEOUT);
    expect(fel("SO").felmeddelande).toEqual([expect.stringContaining("300 ms")]);
    expect(svar.svarsdata.AF).toHaveProperty("data");
    expect(svar.svarsdata.TNS).toHaveProperty("data");
    const csn = utfall.find((u) => u.kod === "CSN")!.ms;
    const so = utfall.find((u) => u.kod === "SO")!.ms;
    expect(csn).toBeGreaterThanOrEqual(95);
    expect(csn).toBeLessThan(400);
    expect(so).toBeGreaterThanOrEqual(295);
    expect(so).toBeLessThan(490);
    expect(ms).toBeLessThan(1400); // the 500 ms answers, not the 1 500 ms deadline
  });

  it("reports an unreachable bastjänst as EJ_NABAR and a bastjänst error as kalla=BT", async () => {
    const svar = await komposit({ TNS: fake("TNS", "down"), MIV: fake("MIV", "bt") }).hamta(
      testFraga(PID),
      "v10",
    );
    expect((svar.svarsdata.TNS as { error: { felkod: string } }).error.felkod).toBe(SSBT_FELKOD.EJ_NABAR);
    expect(svar.svarsdata.MIV).toEqual({
      error: { kalla: "BT", felkod: "HTTP_503", felmeddelande: ["fel"] },
    });
  });

  it("does not call a bastjänst whose forkontroll fails", async () => {
    const svar = await komposit({ FK: fake("FK", "precheck") }).hamta(testFraga(PID), "v10");
    expect((svar.svarsdata.FK as { error: { kalla: string } }).error.kalla).toBe("SSBT");
  });

  it("echoes korrelationsid, frageTidpunkt and, when asked, the question", async () => {
    const f = testFraga(PID);
    const k = komposit();
    const utan = await k.hamta(f, "v10");
    expect(utan.fraga).toBeUndefined();
    expect(utan.korrelationsid).toBe(f.generellaFrageparametrar.korrelationsid);
    expect(utan.frageTidpunkt).toBe(f.generellaFrageparametrar.frageTidpunkt);
    f.generellaFrageparametrar.fraganSkallInkluderasISvaret = true;
    expect((await k.hamta(f, "v10")).fraga).toEqual(f);
  });
});

describe("testaBastjanstInformation", () => {
  it("reports every bastjänst as called, and names a timeout, a closed and an unreachable one", async () => {
    const svar = await komposit({
      AF: fake("AF", "gateway-timeout"),
      CSN: fake("CSN", "bt"),
      MIV: fake("MIV", "down"),
    }).testa("v10", testFraga(PID));
    for (const kod of BASTJANSTER) expect(svar[kod]?.anropad, kod).toBe(true);
    expect(svar.AF?.error?.felkod).toBe(SSBT_FELKOD.TIMEOUT);
    expect(svar.CSN?.error?.felkod).toBe(SSBT_FELKOD.STANGD);
    expect(svar.MIV?.error?.felkod).toBe(SSBT_FELKOD.EJ_NABAR);
    expect(svar.TNS?.error).toBeUndefined();
  });
});

describe("SOAP handling of the composite service", () => {
  const options = {
    komposit: komposit(),
    defaultVersion: "v10" as const,
    pingFraga: () => testFraga("196507309901"),
  };
  const post = (xml: string, contentType = "text/xml; charset=utf-8") =>
    hanteraSsbt(
      simRequest("POST", "/ssbtek", { "content-type": contentType }, new TextEncoder().encode(xml)),
      "v10",
      options,
    );
  const textOf = (res: SimResponse) =>
    typeof res.body === "string" ? res.body : new TextDecoder().decode(res.body);

  async function fault(res: SimResponse) {
    expect(res.status).toBe(500);
    const text = textOf(res);
    expect(text).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const f = readSoapFault(parseSoapEnvelope(text).body);
    expect(f?.detail?.local).toBe("hamtaBastjanstInformationFault");
    return decodeFault(f!.detail!);
  }

  const mutate = (fn: (f: SsbtFraga) => void) => {
    const f = testFraga(PID);
    fn(f);
    return soapEnvelope(encodeFraga(f));
  };

  it("answers a valid question with a decodable answer", async () => {
    const res = await post(soapEnvelope(encodeFraga(testFraga(PID))));
    expect(res.status).toBe(200);
    expect(Object.keys(decodeSvar(parseSoapEnvelope(textOf(res)).body).svarsdata)).toEqual([...BASTJANSTER]);
  });

  it.each([
    [
      "fromDatum after tomDatum",
      mutate((f) => {
        f.generellaFrageparametrar.tidsperiod = { fromDatum: "2026-10-01", tomDatum: "2026-09-01" };
      }),
      SSBT_FELKOD.OGILTIG_TIDSPERIOD,
    ],
    [
      "impossible date",
      mutate((f) => {
        f.generellaFrageparametrar.tidsperiod.fromDatum = "2026-02-30";
      }),
      SSBT_FELKOD.OGILTIG_TIDSPERIOD,
    ],
    [
      "impossible date in a bastjänst period",
      mutate((f) => {
        f.specifikaFrageparametrar.CSN.tidsperiod = { fromDatum: "2026-13-01", tomDatum: "2026-12-01" };
      }),
      SSBT_FELKOD.OGILTIG_TIDSPERIOD,
    ],
    [
      "orgnr pattern",
      mutate((f) => {
        f.generellaFrageparametrar.ingivare.organisationsnummer = "162109999991";
      }),
      SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER,
    ],
    [
      "personidentitet not 12 digits",
      mutate((f) => {
        f.generellaFrageparametrar.personidentitet = "9608239829";
      }),
      SSBT_FELKOD.OGILTIG_PERSONIDENTITET,
    ],
    [
      "empty arendeidentitet",
      mutate((f) => {
        f.generellaFrageparametrar.arendeidentitet = "";
      }),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "bad element",
      mutate(() => {}).replace("<ssbt:syfte>", "<ssbt:bogus>x</ssbt:bogus><ssbt:syfte>"),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "missing element",
      mutate(() => {}).replace(/<ssbt:lagtext>.*<\/ssbt:lagtext>/, ""),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "sections out of order",
      mutate(() => {}).replace(
        '<ssbt:AF inkludera="true"/><ssbt:CSN inkludera="true"/>',
        '<ssbt:CSN inkludera="true"/><ssbt:AF inkludera="true"/>',
      ),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "inkludera missing",
      mutate(() => {}).replace('<ssbt:MIV inkludera="true"/>', "<ssbt:MIV/>"),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "bad boolean",
      mutate(() => {}).replace('<ssbt:TNS inkludera="true"/>', '<ssbt:TNS inkludera="ja"/>'),
      SSBT_FELKOD.SCHEMAFEL,
    ],
    [
      "wrong namespace",
      mutate(() => {}).replaceAll("integration/ssbt/10", "integration/ssbt/9"),
      SSBT_FELKOD.OKAND_OPERATION,
    ],
    ["not XML", "this is not xml", SSBT_FELKOD.OGILTIGT_MEDDELANDE],
    [
      "DOCTYPE",
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      SSBT_FELKOD.OGILTIGT_MEDDELANDE,
    ],
    [
      "unknown operation",
      soapEnvelope(el("http://schema.forsakringskassan.se/integration/ssbt/10", "raderaAllt")),
      SSBT_FELKOD.OKAND_OPERATION,
    ],
  ])("faults on %s", async (_name, xml, felkod) => {
    const f = await fault(await post(xml));
    expect(f.felkod).toBe(felkod);
    expect(f.felmeddelande[0]!.length).toBeGreaterThan(5);
  });

  it("never echoes the personidentitet in a fault", async () => {
    const f = await fault(
      await post(
        mutate((x) => {
          x.generellaFrageparametrar.personidentitet = "19960823982X";
        }),
      ),
    );
    expect(f.felmeddelande.join(" ")).not.toContain("19960823982");
  });

  it("refuses SOAP 1.2 content type with 415 and a fault", async () => {
    const res = await post(soapEnvelope(encodeFraga(testFraga(PID))), "application/soap+xml");
    expect(res.status).toBe(415);
  });

  it("serves a WSDL generated from the model at GET ?wsdl", async () => {
    const handlers = [mswHandler(ssbtEndpoint(options))];
    const { getResponse } = await import("msw");
    const res = await getResponse(handlers, new Request("http://h:1/ssbtek?wsdl"));
    expect(res?.status).toBe(200);
    const wsdl = await res!.text();
    expect(wsdl).toContain('location="http://h:1/ssbtek"');
    expect(wsdl).toContain('soapAction=""');
    expect(wsdl).toContain('name="hamtaBastjanstInformationFault"');
    const plain = await getResponse(handlers, new Request("http://h:1/ssbtek"));
    expect(plain?.status).toBe(405);
  });
});
