/**
 * A server under test, run as a child process of the benchmark so that its RSS and CPU are its
 * own and the load generator (in the parent) competes with it only for cores, not for the heap.
 * Started by bench/servers.ts with `node --import tsx --expose-gc`; talks to the parent over IPC
 * (bench/protocol.ts). Prints nothing: the parent reports.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FromServer, ToServer } from "./protocol.js";

const send = (m: FromServer) => process.send?.(m);

/** Same limits as simulators/server.ts, so the two servers differ only in what they answer. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const a = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${a.port}`);
    });
  });
}

async function start(m: Extract<ToServer, { type: "start" }>): Promise<void> {
  if (m.kind === "ours") {
    // Loaded only here: the bare server must not carry the chain's modules in its RSS.
    const { startSimulator } = await import("../simulators/server.js");
    const sim = await startSimulator({ port: 0, seed: m.seed, profile: "fast", timeScale: 0 });
    send({ type: "ready", url: sim.url, path: "/ssbtek" });
    return;
  }
  const body = Buffer.from(m.body, "base64");
  const headers = { ...m.headers, "Content-Length": String(body.length) };
  const server = createServer((req, res) => {
    // Read the request like the simulator does before answering.
    req.on("data", () => {});
    req.on("end", () => {
      res.writeHead(m.status, headers);
      res.end(body);
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  send({ type: "ready", url: await listen(server), path: "/ssbtek" });
}

function sample(): void {
  const rss = process.memoryUsage.rss();
  // Started with --expose-gc: heap after a full GC is what is really kept alive.
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  send({
    type: "sample",
    rss,
    heapAfterGc: process.memoryUsage().heapUsed,
    cpuMicros: cpu.user + cpu.system,
  });
}

process.on("message", (m: ToServer) => {
  if (m.type === "start")
    start(m).catch((e: unknown) => send({ type: "error", message: (e as Error).message ?? String(e) }));
  else if (m.type === "sample") sample();
});
// The parent went away (or closed the channel): nothing left to serve.
process.on("disconnect", () => process.exit(0));
