import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSoapEnvelope, soapEnvelope } from "../../contract/soap/envelope.js";
import { decodeSvar, encodeFraga } from "../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type Sektion } from "../../contract/ssbt/model.js";
import { postSoap } from "../../test/support/answers.js";
import { TEST_NOW, testFraga } from "../../test/support/context.js";
import { type RunningSimulator, startSimulator } from "../server.js";

const PID = "197003039885";

describe("admin API over a real server", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1, now: () => new Date(TEST_NOW), faults: { SO: "fault" } });
  });
  afterAll(() => sim.close());

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/__admin/${path}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      headers: { "Content-Type": "application/json" },
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const hamta = async () => {
    const r = await postSoap(sim.ssbtek, soapEnvelope(encodeFraga(testFraga(PID))));
    expect(r.status).toBe(200);
    return decodeSvar(parseSoapEnvelope(r.text).body).svarsdata;
  };
  const felkod = (s: Sektion | undefined) =>
    s && "error" in s ? `${s.error.kalla}:${s.error.felkod}` : "data";

  it("GET /__admin/faults lists the startup faults", async () => {
    expect(await admin("GET", "faults")).toEqual({ status: 200, json: { SO: "fault" } });
  });

  it("PUT /__admin/faults replaces them (map or list form) and the composite answer follows", async () => {
    expect(await admin("PUT", "faults", { MIV: "down", CSN: "slow:15s" })).toEqual({
      status: 200,
      json: { CSN: "slow:15s", MIV: "down" },
    });
    const s = await hamta();
    expect(felkod(s.MIV)).toBe(`SSBT:${SSBT_FELKOD.EJ_NABAR}`);
    expect(felkod(s.CSN)).toBe(`SSBT:${SSBT_FELKOD.TIMEOUT}`);
    expect(felkod(s.SO)).not.toMatch(/^SSBT/); // the startup fault is gone: PUT replaces
    expect(await admin("PUT", "faults", ["AF=error:502", "tns=closed"])).toEqual({
      status: 200,
      json: { AF: "error:502", TNS: "closed" },
    });
    const t = await hamta();
    expect(felkod(t.AF)).toBe("BT:HTTP_502");
    expect(felkod(t.TNS)).toBe(`SSBT:${SSBT_FELKOD.STANGD}`);
    expect(felkod(t.MIV)).not.toMatch(/^SSBT/);
  });

  it("the same faults apply on the wire, at the bastjänst's own endpoint", async () => {
    await admin("PUT", "faults", { TNS: "error:503", MIV: "down" });
    const tns = await fetch(sim.upstreams.TNS, { method: "POST", body: "<x/>" });
    expect(tns.status).toBe(503);
    expect(await tns.text()).toContain("<h1>503 Service Unavailable</h1>");
    await expect(fetch(sim.upstreams.MIV, { method: "POST", body: "<x/>" })).rejects.toThrow();
  });

  it.each([
    [
      { XYZ: "down" },
      "BAD_FAULT",
      'body.XYZ: unknown bastjänst "XYZ": use one of AF, CSN, FK, SKV, SO, TNS, MIV.',
    ],
    [{ MIV: "broken" }, "BAD_FAULT", 'body.MIV: unknown fault kind "broken": use down, slow:<duration>'],
    [["MIV"], "BAD_FAULT", 'body[0]: "MIV" is not KOD=FAULT'],
    [{ CSN: "slow:15" }, "BAD_FAULT", "slow needs a duration with a unit"],
    ["{not json", "BAD_JSON", "The body is not JSON"],
    ["", "EMPTY_BODY", "Send a JSON body"],
  ])("PUT /__admin/faults %j → 400 %s", async (body, error, message) => {
    const before = await admin("GET", "faults");
    const r = await admin("PUT", "faults", body);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(error);
    expect(r.json.message).toContain(message);
    expect(await admin("GET", "faults")).toEqual(before); // nothing changed
  });

  it("DELETE /__admin/faults clears every fault", async () => {
    await admin("PUT", "faults", { MIV: "down" });
    expect(await admin("DELETE", "faults")).toEqual({ status: 200, json: {} });
    expect((await admin("GET", "faults")).json).toEqual({});
    const s = await hamta();
    for (const kod of BASTJANSTER) expect(felkod(s[kod])).not.toMatch(/^SSBT/);
  });

  it("PUT /__admin/timing overrides the startup timing; bad fields → 400 naming the field", async () => {
    const r = await admin("PUT", "timing", { errorRate: 1 });
    expect(r.status).toBe(200);
    expect((r.json.timing as { errorRate: number }).errorRate).toBe(1);
    const s = await hamta();
    for (const kod of BASTJANSTER) if (kod !== "SO") expect(felkod(s[kod]), kod).toBe("BT:HTTP_500");
    const bad = await admin("PUT", "timing", { errorRate: 1, openingHours: { outside: "never" } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      'body.openingHours.outside: unknown policy "never": use one of answer, slow, unavailable.',
    );
  });

  it("GET /__admin/timing shows profile, time scale, clock and deadlines", async () => {
    const r = await admin("GET", "timing");
    expect(r.json).toMatchObject({ profile: "fast", timeScale: 0, now: new Date(TEST_NOW).toISOString() });
    expect((r.json.deadlineMs as Record<string, number>).FK).toBe(10_000);
  });

  it("POST /__admin/reset returns faults and timing to the startup state", async () => {
    await admin("PUT", "faults", { MIV: "down" });
    await admin("PUT", "timing", { errorRate: 1 });
    const r = await admin("POST", "reset");
    expect(r.status).toBe(200);
    expect(r.json.faults).toEqual({ SO: "fault" });
    expect((r.json.timing as { errorRate: number }).errorRate).toBe(0);
    const s = await hamta();
    expect(felkod(s.SO)).toMatch(/^BT:/);
    expect(felkod(s.MIV)).not.toMatch(/^SSBT/);
  });

  it("keeps serving GET /__admin/upstreams", async () => {
    expect(Object.keys((await admin("GET", "upstreams")).json)).toEqual([...BASTJANSTER]);
  });
});
