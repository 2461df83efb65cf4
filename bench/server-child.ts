/**
 * Our simulated chain under test, run as a child process of the benchmark so that its RSS and CPU are its
 * own and the load generator (in the parent) competes with it only for cores, not for the heap.
 * Started by bench/servers.ts with `node --import tsx --expose-gc`; talks to the parent over IPC
 * (bench/protocol.ts). Prints nothing: the parent reports.
 */
import type { FromServer, ToServer } from "./protocol.js";

const send = (m: FromServer) => process.send?.(m);

async function start(m: Extract<ToServer, { type: "start" }>): Promise<void> {
  const { startSimulator } = await import("../simulators/server.js");
  const sim = await startSimulator({ port: 0, seed: m.seed, profile: "fast", timeScale: 0 });
  send({ type: "ready", url: sim.url, path: "" });
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
