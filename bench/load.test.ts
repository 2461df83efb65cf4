import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arGiltigPersonidentitet } from "../contract/personidentitet.js";
import { PERSONAS } from "../simulators/population/population.js";
import { compositeCheck, genereradeIdentiteter } from "./bench.js";
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

  it("takes an answer's latency before checking it: the check's time is not the server's", async () => {
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const r = await runLoad({
      url,
      body: Buffer.from("x"),
      headers: {},
      connections: 1,
      requests: 5,
      check: () => {
        spin(40);
        return undefined;
      },
    });
    expect(r.completed).toBe(5);
    // Each answer arrives from localhost in a few ms; a latency taken after the check is ≥ 40 ms.
    const lat = [...r.latencies.subarray(0, 5)];
    expect(Math.max(...lat)).toBeLessThan(40);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5 * 40);
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

describe("compositeCheck", () => {
  const svar = (sections: string) =>
    Buffer.from(
      `<soap:Envelope><soap:Body><ssbt:hamtaBastjanstInformationResponse><ssbt:svarsdata>${sections}</ssbt:svarsdata></ssbt:hamtaBastjanstInformationResponse></soap:Body></soap:Envelope>`,
      "latin1",
    );
  const seven = ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"].map(
    (k) => `<ssbt:${k}><ssbt:data>x</ssbt:data></ssbt:${k}>`,
  );
  const check = compositeCheck();
  const xml = { "content-type": "text/xml; charset=utf-8" };

  it("accepts an answer with a section per bastjänst, data or the bastjänst's own error", () => {
    expect(check({ status: 200, headers: xml, body: svar(seven.join("")) })).toBeUndefined();
    const btFel = "<ssbt:MIV><ssbt:error><ssbt:kalla>BT</ssbt:kalla></ssbt:error></ssbt:MIV>";
    expect(
      check({ status: 200, headers: xml, body: svar([...seven.slice(0, 6), btFel].join("")) }),
    ).toBeUndefined();
  });

  it("refuses HTTP errors, missing sections, the composite's own failures and wrong media types", () => {
    const ok = svar(seven.join(""));
    expect(check({ status: 500, headers: xml, body: ok })).toMatch(/^HTTP 500: <soap:Envelope>/);
    expect(check({ status: 200, headers: { "content-type": "text/html" }, body: ok })).toMatch(
      /content type/,
    );
    expect(check({ status: 200, headers: xml, body: svar(seven.slice(1).join("")) })).toMatch(
      /no AF section/,
    );
    const ssbtFel = "<ssbt:MIV><ssbt:error><ssbt:kalla>SSBT</ssbt:kalla></ssbt:error></ssbt:MIV>";
    expect(
      check({ status: 200, headers: xml, body: svar([...seven.slice(0, 6), ssbtFel].join("")) }),
    ).toMatch(/kalla SSBT/);
    expect(check({ status: 200, headers: xml, body: Buffer.from("<x/>") })).toMatch(/not a hamta/);
  });
});

describe("genereradeIdentiteter", () => {
  it("makes checksum-valid test-series identities no persona has, the same for the same seed", () => {
    const ids = genereradeIdentiteter(1000, 1);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(arGiltigPersonidentitet(id)).toBe(true);
      expect(Number(id.slice(8, 11))).toBeGreaterThanOrEqual(980);
    }
    expect(ids.some((id) => PERSONAS.some((p) => p.personidentitet === id))).toBe(false);
    expect(genereradeIdentiteter(1000, 1)).toEqual(ids);
    expect(genereradeIdentiteter(50, 2)).not.toEqual(ids.slice(0, 50));
  });
});

describe("runLoad with several bodies", () => {
  it("sends them in turn", async () => {
    const got: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        got.push(Buffer.concat(chunks).toString());
        res.end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const r = await runLoad({
      url,
      body: [Buffer.from("a"), Buffer.from("bb")],
      headers: {},
      connections: 1,
      requests: 4,
      check: () => undefined,
    });
    await new Promise<void>((r) => server.close(() => r()));
    expect(r.errors).toBe(0);
    expect(got).toEqual(["a", "bb", "a", "bb"]);
  });
});
