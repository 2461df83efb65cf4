/**
 * Our simulated chain under test, run as a child process of the benchmark so that its RSS and CPU
 * are its own and the load generator (in the parent) competes with it only for cores, not for the
 * heap. Plain JavaScript on purpose: it runs the built simulator (dist/, as `npx ssbtek-harness`
 * does; `npm run bench` builds it first) without tsx's loader in the process — that loader alone
 * is ~40 MiB of RSS. With SSBTEK_HARNESS_FROM_SOURCE=1 (the test suite) or without dist/, it runs
 * the TypeScript sources through tsx. Talks to the parent over IPC (bench/protocol.ts); prints nothing.
 */
import { existsSync } from "node:fs";

/** @param {import("./protocol.js").FromServer} m */
const send = (m) => process.send?.(m);

async function loadServer() {
  const built = new URL("../dist/simulators/server.js", import.meta.url);
  if (process.env.SSBTEK_HARNESS_FROM_SOURCE !== "1" && existsSync(built)) return import(built.href);
  const { register } = await import("tsx/esm/api");
  register();
  return import("../simulators/server.ts");
}

/** @param {{ seed: number, clock: string }} m */
async function start(m) {
  const { startSimulator } = await loadServer();
  const klocka = new Date(m.clock);
  if (Number.isNaN(klocka.getTime()))
    throw new Error(`The start message's clock is not a date-time: "${m.clock}".`);
  const now = () => new Date(klocka);
  const sim = await startSimulator({ port: 0, seed: m.seed, now, profile: "fast", timeScale: 0 });
  send({ type: "ready", url: sim.url, path: "" });
}

/** CPU spent in the forced collections of `sample`, so far. */
let forcedGcMicros = 0;

function sample() {
  const rss = process.memoryUsage.rss();
  // Started with --expose-gc: heap after a full GC is what is really kept alive. That forced
  // collection is the benchmark's, not the server's: its CPU is left out of the figure.
  const before = process.cpuUsage();
  globalThis.gc?.();
  const after = process.cpuUsage();
  forcedGcMicros += after.user + after.system - (before.user + before.system);
  const cpu = { user: after.user - forcedGcMicros, system: after.system };
  send({
    type: "sample",
    rss,
    heapAfterGc: process.memoryUsage().heapUsed,
    cpuMicros: cpu.user + cpu.system,
  });
}

process.on("message", (/** @type {{ type: string, seed?: number, clock?: string }} */ m) => {
  if (m.type === "start")
    // The parent always sends both (bench/protocol.ts): a clock is never the wall clock's.
    start({ seed: m.seed ?? 1, clock: m.clock ?? "" }).catch((e) =>
      send({ type: "error", message: e?.message ?? String(e) }),
    );
  else if (m.type === "sample") sample();
});
// The parent went away (or closed the channel): nothing left to serve.
process.on("disconnect", () => process.exit(0));
