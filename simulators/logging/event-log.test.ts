import { describe, expect, it } from "vitest";
import { maskera } from "../../contract/personidentitet.js";
import { BASTJANSTER } from "../../contract/ssbt/model.js";
import { testFraga } from "../../test/support/context.js";
import { expectNoPersonnummer, memoryDestination } from "../../test/support/privacy.js";
import type { DelUtfall } from "../aggregator/service.js";
import { createEventLog, LOGG_HANDELSER, parseLogLevel } from "./event-log.js";

const NOW = () => new Date("2026-11-20T09:00:00.000Z");
const PID = "199608239829";

function delar(fel: DelUtfall[] = []): DelUtfall[] {
  return BASTJANSTER.map((kod) => fel.find((f) => f.kod === kod) ?? { kod, ms: 120.6, utfall: "data" });
}

describe("EventLog", () => {
  it("logs fraga.besvarad with user activity, masked personidentitet and no answer or question payload", () => {
    const dest = memoryDestination();
    const log = createEventLog({ destination: dest, now: NOW });
    const fraga = testFraga(PID);
    fraga.specifikaFrageparametrar.MIV = { inkludera: false };
    log.observe({
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 200,
      ms: 812.4,
      delar: delar().filter((d) => d.kod !== "MIV"),
      fraga,
    });
    const [line] = dest.records();
    expect(line).toMatchObject({
      level: "info",
      time: "2026-11-20T09:00:00.000Z",
      event: "fraga.besvarad",
      msg: "question answered",
      operation: "hamtaBastjanstInformation",
      status: 200,
      ms: 812,
      korrelationsid: "c0ffee00-0000-4000-8000-000000000001",
      arendeidentitet: "ARENDE-2026-0001",
      ingivare: { organisationsnummer: "162129999991", namn: "Testkommunen", handlaggare: "HL0001" },
      personidentitet: maskera(PID),
      bastjanster: ["AF", "CSN", "FK", "SKV", "SO", "TNS"],
      utfall: { AF: "data", TNS: "data" },
      antalFel: 0,
    });
    const text = dest.lines.join("");
    expectNoPersonnummer(text, [PID]);
    expect(text).not.toContain("lefiJsonFraga");
    expect(text).not.toContain(fraga.specifikaFrageparametrar.FK.fraga!.lefiJsonFraga.slice(0, 20));
    expect(dest.lines).toHaveLength(1);
  });

  it("logs each error section as bastjanst.fel and two or more as tjanst.storning", () => {
    const dest = memoryDestination();
    const log = createEventLog({ destination: dest, now: NOW });
    log.observe({
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 200,
      ms: 10_400,
      delar: delar([
        { kod: "CSN", ms: 10_000, utfall: "SSBT", felkod: "SSBT-2001" },
        { kod: "SO", ms: 40, utfall: "BT", felkod: "TEKNISKT_FEL" },
      ]).reverse(), // in the order they finished, not contract order
      fraga: testFraga(PID),
    });
    const r = dest.records();
    expect(r.map((x) => x.event)).toEqual([
      "fraga.besvarad",
      "bastjanst.fel",
      "bastjanst.fel",
      "tjanst.storning",
    ]);
    expect(r[0]).toMatchObject({
      antalFel: 2,
      utfall: { CSN: "SSBT:SSBT-2001", SO: "BT:TEKNISKT_FEL", AF: "data" },
    });
    expect(Object.keys(r[0]!.utfall as object)).toEqual([...BASTJANSTER]);
    expect(r[1]).toMatchObject({ level: "warn", kod: "CSN", kalla: "SSBT", felkod: "SSBT-2001", ms: 10_000 });
    expect(r[3]).toMatchObject({ level: "error", antalFel: 2, bastjanster: ["CSN", "SO"] });
  });

  it("logs fraga.avvisad with felkod and a masked message", () => {
    const dest = memoryDestination();
    const log = createEventLog({ destination: dest, now: NOW });
    log.observe({
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 500,
      felkod: "SSBT-1005",
      delar: [],
    });
    log.observe({
      operation: "hamtaBastjanstInformation",
      version: "v10",
      status: 500,
      felkod: "SSBT-1005",
      delar: [],
      felmeddelande: "personidentitet 19960823982 is not 12 digits",
    });
    log.observe({ operation: "okand", version: "v10", status: 500, felkod: "SSBT-1099", delar: [] });
    const r = dest.records();
    expect(r[0]).toMatchObject({
      level: "warn",
      event: LOGG_HANDELSER.fragaAvvisad,
      felkod: "SSBT-1005",
      felmeddelande: "Ogiltig personidentitet: inte 12 siffror",
    });
    expect(r[1]!.felmeddelande).toBe("personidentitet 19960823-**** is not 12 digits");
    expect(r[2]).toMatchObject({ level: "error", felkod: "SSBT-1099" });
    expect(dest.lines.join("")).not.toContain("19960823982");
  });

  it("masks anything personnummer-like that other code logs through its logger", () => {
    const dest = memoryDestination();
    const log = createEventLog({ destination: dest, now: NOW });
    log.logger.info({ djupt: { lista: [PID, 199608239829] }, [PID]: 1 }, "fråga om %s och 960823-9829", PID);
    log.logger.child({ person: PID }).warn(`sträng ${PID.slice(0, 8)}-${PID.slice(8)}`);
    const text = dest.lines.join("");
    expectNoPersonnummer(text, [PID]);
    expect(() => dest.records()).not.toThrow();
    expect(dest.records()[0]).toMatchObject({ djupt: { lista: ["19960823-****", "19960823-****"] } });
    expect(dest.records()[0]!.msg).toBe("fråga om 19960823-**** och 960823-****");
  });

  it("honours the log level and logs connection tests at debug", () => {
    const info = memoryDestination();
    const debug = memoryDestination();
    const testa = {
      operation: "testaBastjanstInformation" as const,
      version: "v10" as const,
      status: 200,
      delar: [],
    };
    createEventLog({ destination: info, now: NOW }).observe(testa);
    createEventLog({ destination: debug, level: "debug", now: NOW }).observe(testa);
    expect(info.lines).toHaveLength(0);
    expect(debug.records()[0]).toMatchObject({ level: "debug", event: "anslutningstest" });
    const silent = memoryDestination();
    createEventLog({ destination: silent, level: "silent" }).serverStart({ url: "http://127.0.0.1:1" });
    expect(silent.lines).toHaveLength(0);
  });

  it("logs server.start and server.stop", () => {
    const dest = memoryDestination();
    const log = createEventLog({ destination: dest, now: NOW });
    log.serverStart({ url: "http://127.0.0.1:8080" });
    log.serverStop({ orsak: "SIGINT" });
    expect(dest.records().map((r) => [r.event, r.url ?? r.orsak])).toEqual([
      ["server.start", "http://127.0.0.1:8080"],
      ["server.stop", "SIGINT"],
    ]);
  });

  it("rejects an unknown level with a message that says what to do", () => {
    expect(parseLogLevel("warn")).toBe("warn");
    expect(() => parseLogLevel("loud")).toThrow(
      /Unknown log level "loud": use one of fatal, error, warn, info/,
    );
  });

  it("never throws from observe", () => {
    const log = createEventLog({
      destination: {
        write() {
          throw new Error("disk full");
        },
      },
    });
    expect(() =>
      log.observe({ operation: "hamtaBastjanstInformation", version: "v10", status: 200, delar: [] }),
    ).not.toThrow();
  });
});
