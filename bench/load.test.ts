import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCheck, benchRequest } from "./bench.js";
import { runLoad } from "./load.js";

describe("runLoad", () => {
  let server: Server;
  let url: string;
  const seen = new Set<number>();
  let served = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.add(req.socket.remotePort ?? 0);
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        served++;
        // Every 10th answer is wrong, to prove errors are counted and described.
        const status = served % 10 === 0 ? 503 : 200;
        res.writeHead(status, { "Content-Type": "text/plain" });
        res.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("sends exactly the asked requests over at most `connections` keep-alive connections", async () => {
    const body = Buffer.from("hello");
    const r = await runLoad({
      url,
      body,
      headers: { "Content-Type": "text/plain" },
      connections: 4,
      requests: 200,
      check: (a) =>
        a.status !== 200 ? `HTTP ${a.status}` : a.body.equals(body) ? undefined : "echo differs",
    });
    expect(r.completed).toBe(200);
    expect(r.errors).toBe(20);
    expect(r.errorSamples).toEqual(["HTTP 503"]);
    expect(seen.size).toBeLessThanOrEqual(4);
    expect(r.latencies.subarray(0, 200).every((v) => v > 0)).toBe(true);
    expect(r.timedOut).toBe(false);
  });

  it("counts a refused connection as an error instead of throwing", async () => {
    const r = await runLoad({
      url: "http://127.0.0.1:1/none",
      body: Buffer.from("x"),
      headers: {},
      connections: 2,
      requests: 3,
      check: () => undefined,
    });
    expect(r.completed).toBe(3);
    expect(r.errors).toBe(3);
    expect(r.errorSamples[0]).toMatch(/^network: /);
  });
});

describe("answerCheck", () => {
  const svar = (sections: string) =>
    Buffer.from(
      `<soap:Envelope><soap:Body><ssbt:hamtaBastjanstInformationResponse><ssbt:svarsdata>${sections}</ssbt:svarsdata></ssbt:hamtaBastjanstInformationResponse></soap:Body></soap:Envelope>`,
      "latin1",
    );
  const seven = ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"].map(
    (k) => `<ssbt:${k}><ssbt:data>x</ssbt:data></ssbt:${k}>`,
  );
  const reference = svar(seven.join(""));
  const check = answerCheck(reference);
  const xml = { "content-type": "text/xml; charset=utf-8" };

  it("accepts the reference bytes and any answer with seven data sections", () => {
    expect(check({ status: 200, headers: xml, body: reference })).toBeUndefined();
    expect(
      check({ status: 200, headers: xml, body: svar(seven.join("").replaceAll(">x<", ">y<")) }),
    ).toBeUndefined();
  });

  it("refuses errors, missing sections, faults and wrong media types", () => {
    expect(check({ status: 500, headers: xml, body: reference })).toBe("HTTP 500");
    expect(check({ status: 200, headers: { "content-type": "text/html" }, body: reference })).toMatch(
      /content type/,
    );
    expect(check({ status: 200, headers: xml, body: svar(seven.slice(1).join("")) })).toMatch(/seven/);
    const withError = svar([...seven.slice(1), "<ssbt:MIV><ssbt:error>x</ssbt:error></ssbt:MIV>"].join(""));
    expect(check({ status: 200, headers: xml, body: withError })).toMatch(/error section/);
    expect(check({ status: 200, headers: xml, body: Buffer.from("<x/>") })).toMatch(/not a hamta/);
  });

  it("builds the benchmark question for the persona every bastjänst knows, without a real person", () => {
    const q = benchRequest(new Date("2026-11-20T10:00:00Z")).toString("utf8");
    expect(q).toContain("hamtaBastjanstInformation");
    for (const kod of ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"])
      expect(q).toContain(`<ssbt:${kod} inkludera="true"`);
  });
});
