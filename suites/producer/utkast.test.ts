import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "../../simulators/server.js";
import { certifyProducer } from "./certify-producer.js";

const PERSONAS = ["af-program-leverantor", "af-avaktualiserad", "af-indraget-aktivitetsstod", "ej-traff"];

describe("certify producer --contract utkast (AF's draft extension)", () => {
  let sim: RunningSimulator;
  let v2Only: Server;
  let v2Url = "";
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1 });
    // An AF that still speaks plain ers_stod v2: our AF, with the draft's extension cut out.
    v2Only = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const r = await fetch(`${sim.url}${req.url}`, {
        method: req.method ?? "POST",
        headers: { "content-type": String(req.headers["content-type"] ?? "text/xml"), soapaction: '""' },
        body: Buffer.concat(chunks),
      });
      const text = (await r.text()).replace(/<afu:UtokadSvar[\s\S]*?<\/afu:UtokadSvar>/, "");
      res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "text/xml" });
      res.end(text);
    });
    await new Promise<void>((ok) => v2Only.listen(0, "127.0.0.1", ok));
    v2Url = `http://127.0.0.1:${(v2Only.address() as AddressInfo).port}/af/arbetssokande/ersattningsstod/v2`;
  });
  afterAll(async () => {
    await sim.close();
    await new Promise<void>((ok) => v2Only.close(() => ok()));
  });

  it("our AF passes the draft's own suite", async () => {
    const r = await certifyProducer({
      bastjanst: "AF",
      url: `${sim.url}/af/arbetssokande/ersattningsstod/v2`,
      contract: "utkast",
      personas: PERSONAS,
    });
    const s = r.suites.find((x) => x.name === "draft extension (utkast)");
    expect(s?.cases).toHaveLength(PERSONAS.length);
    expect(r.passed).toBe(true);
  });

  it("an AF that does not implement the draft fails it (and still passes v10)", async () => {
    const utkast = await certifyProducer({
      bastjanst: "AF",
      url: v2Url,
      contract: "utkast",
      personas: PERSONAS,
    });
    expect(utkast.passed).toBe(false);
    const fail = utkast.suites
      .find((x) => x.name === "draft extension (utkast)")
      ?.cases.filter((c) => c.status === "fail");
    // ej-traff is not registered: nothing to extend.
    expect(fail?.map((c) => c.findings[0]?.rule)).toEqual([
      "AF.utkast.UtokadSvar",
      "AF.utkast.UtokadSvar",
      "AF.utkast.UtokadSvar",
    ]);
    expect(fail?.[0]?.findings[0]?.replay).toContain("--contract utkast");
    const v10 = await certifyProducer({ bastjanst: "AF", url: v2Url, personas: PERSONAS });
    expect(v10.passed).toBe(true);
    expect(v10.suites.some((x) => x.name === "draft extension (utkast)")).toBe(false);
  });
});
