import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skicka } from "./certify-producer-kontroller.js";

// A full garbage collection on demand, as the CLI's heap sees one under load.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe("skicka: an exchange with a producer that never answers", () => {
  let hang: Server;
  let url = "";
  beforeAll(async () => {
    hang = createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/tns`;
  });
  afterAll(async () => {
    hang.closeAllConnections();
    await new Promise<void>((r) => hang.close(() => r()));
  });

  it("ends when the run is stopped, even after garbage collections while it waits", async () => {
    const stop = new AbortController();
    const t0 = performance.now();
    const pagaende = skicka(new Request(url, { method: "POST", body: "<x/>" }), 60_000, stop.signal);
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 4; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    stop.abort("--timeout 1000 ms");
    const u = await Promise.race([pagaende, new Promise<"hung">((r) => setTimeout(() => r("hung"), 3_000))]);
    expect(u).not.toBe("hung");
    expect(u).toMatchObject({ svar: false, orsak: "timeout" });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it("ends at its own answer timeout, after garbage collections too", async () => {
    const pagaende = skicka(new Request(url, { method: "POST", body: "<x/>" }), 400);
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    const u = await Promise.race([pagaende, new Promise<"hung">((r) => setTimeout(() => r("hung"), 3_000))]);
    expect(u).toMatchObject({
      svar: false,
      orsak: "timeout",
      meddelande: "no complete answer within 400 ms",
    });
  });
});
