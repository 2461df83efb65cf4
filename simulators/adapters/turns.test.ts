import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { response, type SimRequest } from "../endpoint.js";
import { serveEndpoint } from "./node-http.js";
import { Turns } from "./turns.js";

/** A computation with awaits inside, as the composite service's is (its calls answer in microtasks). */
async function steps(log: string[], name: string): Promise<string> {
  log.push(`${name} start`);
  for (let i = 0; i < 3; i++) await Promise.resolve();
  log.push(`${name} end`);
  return name;
}

describe("Turns", () => {
  it("computes what was queued in one turn one after another, in order, not interleaved", async () => {
    const turns = new Turns();
    const log: string[] = [];
    const results = await Promise.all(["a", "b", "c"].map((n) => turns.compute(() => steps(log, n))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("holds the writes of a run until its last computation is done", async () => {
    const turns = new Turns();
    const log: string[] = [];
    const one = async (n: string) => {
      await turns.compute(() => steps(log, n));
      await turns.writeTurn();
      log.push(`${n} written`);
    };
    await Promise.all([one("a"), one("b"), one("c")]);
    expect(log.slice(0, 6)).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
    expect(log.slice(6).sort()).toEqual(["a written", "b written", "c written"]);
    expect(turns.writeTurn()).toBeUndefined();
  });

  it("writes a run's answers after at most perRun computations, then computes the rest", async () => {
    const turns = new Turns(2);
    const log: string[] = [];
    const one = async (n: string) => {
      await turns.compute(() => steps(log, n));
      await turns.writeTurn();
      log.push(`${n} written`);
    };
    await Promise.all(["a", "b", "c"].map(one));
    expect(log).toEqual([
      "a start",
      "a end",
      "b start",
      "b end",
      "a written",
      "b written",
      "c start",
      "c end",
      "c written",
    ]);
  });

  it("does not let a computation that waits for a timer hold the ones after it", async () => {
    const turns = new Turns();
    const done: string[] = [];
    const slow = turns
      .compute(() => new Promise<string>((r) => setTimeout(() => r("slow"), 150)))
      .then((x) => done.push(x));
    const fast = Promise.all(
      ["f1", "f2"].map((n) => turns.compute(() => Promise.resolve(n)).then((x) => done.push(x))),
    );
    const t0 = performance.now();
    await fast;
    expect(performance.now() - t0).toBeLessThan(100);
    expect(done).toEqual(["f1", "f2"]);
    await slow;
    expect(done).toEqual(["f1", "f2", "slow"]);
  });

  it("passes a computation's error to its caller and goes on with the next", async () => {
    const turns = new Turns();
    const boom = turns.compute(() => {
      throw new Error("boom");
    });
    const rejected = turns.compute(() => Promise.reject(new Error("later")));
    const ok = turns.compute(() => 42);
    await expect(boom).rejects.toThrow("boom");
    await expect(rejected).rejects.toThrow("later");
    await expect(ok).resolves.toBe(42);
    expect(turns.waiting).toBe(0);
  });
});

function post(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end("x");
  });
}

describe("serveEndpoint computes the requests of a turn one after another", () => {
  it("computes and writes every request through its turns; an error or a slow one holds none", async () => {
    const compute = vi.spyOn(Turns.prototype, "compute");
    const writeTurn = vi.spyOn(Turns.prototype, "writeTurn");
    const endpoint = async (r: SimRequest) => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      if (r.path === "/slow") await new Promise((res) => setTimeout(res, 300));
      if (r.path === "/boom") throw new Error("boom");
      return response(200, "text/plain", r.path);
    };
    const server = serveEndpoint(endpoint, { maxBodyBytes: 1024 });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const slow = post(port, "/slow");
      const t0 = performance.now();
      const paths = Array.from({ length: 24 }, (_, i) => (i === 5 ? "/boom" : `/r${i}`));
      const answers = await Promise.all(paths.map((p) => post(port, p)));
      const fastMs = performance.now() - t0;
      expect(answers.map((a) => a.status)).toEqual(paths.map((p) => (p === "/boom" ? 500 : 200)));
      expect(answers.filter((a) => a.status === 200).map((a) => a.body)).toEqual(
        paths.filter((p) => p !== "/boom"),
      );
      expect(fastMs).toBeLessThan(250);
      expect(await slow).toEqual({ status: 200, body: "/slow" });
      expect(compute).toHaveBeenCalledTimes(25);
      // Every answer but the one that threw waited for its run's end before it was written.
      expect(writeTurn).toHaveBeenCalledTimes(24);
    } finally {
      compute.mockRestore();
      writeTurn.mockRestore();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
