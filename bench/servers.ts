import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HarnessError } from "../contract/errors.js";
import { type FromServer, isFromServer, type ServerKind, type ToServer } from "./protocol.js";

/** One sample of a server process: memory and CPU time used so far. */
export interface ServerSample {
  rss: number;
  heapAfterGc: number;
  /** User + system CPU time of the server process since it started, in µs. */
  cpuMicros: number;
}

/** A server under test running in its own process. */
export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  /** The endpoint to load, e.g. "http://127.0.0.1:41234/ssbtek". */
  endpoint: string;
  sample(): Promise<ServerSample>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL("./server-child.js", import.meta.url));

const BIN = fileURLToPath(new URL("../bin/ssbtek-harness.js", import.meta.url));

/**
 * The node flags in the shebang of `bin/ssbtek-harness.js` (`#!/usr/bin/env -S node <flags>`):
 * what `npx ssbtek-harness` runs with.
 *
 * @example
 * binNodeFlags() // ["--max-semi-space-size=6", "--heap-growing-percent=40", "--no-minor-gc-task"]
 */
export function binNodeFlags(): string[] {
  const first = readFileSync(BIN, "utf8").split("\n", 1)[0] ?? "";
  const m = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node\s*(.*)$/.exec(first);
  return m?.[1] ? m[1].trim().split(/\s+/) : [];
}

/**
 * Starts a server under test in a child process (`node --expose-gc bench/server-child.js`,
 * the built simulator) and waits until it listens on a free loopback port.
 *
 * @example
 * const ours = await startServerProcess({ type: "start", kind: "ours", seed: 1, clock: REFERENS_KLOCKA });
 * const { rss } = await ours.sample();
 * await ours.stop();
 */
export function startServerProcess(
  start: Extract<ToServer, { type: "start" }>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    // The node flags of `npx ssbtek-harness` (its shebang), so ours runs as operators run it.
    execArgv: ["--expose-gc", ...binNodeFlags()],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let waiting: ((m: FromServer) => void) | undefined;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      await exit;
    }
  };
  const sample = () =>
    new Promise<ServerSample>((resolve, reject) => {
      if (exited) {
        reject(
          new HarnessError(
            "BENCH_SERVER_GONE",
            `The ${start.kind} server process exited during the benchmark.`,
          ),
        );
        return;
      }
      waiting = (m) => {
        if (m.type === "sample") resolve({ rss: m.rss, heapAfterGc: m.heapAfterGc, cpuMicros: m.cpuMicros });
        else
          reject(
            new HarnessError(
              "BENCH_SERVER_FAILED",
              `The ${start.kind} server failed: ${(m as { message?: string }).message}`,
            ),
          );
      };
      child.send({ type: "sample" } satisfies ToServer);
    });

  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new HarnessError(
          "BENCH_SERVER_START",
          `The ${start.kind} server did not start within ${timeoutMs} ms.`,
        ),
      );
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new HarnessError(
          "BENCH_SERVER_START",
          `The ${start.kind} server process exited (code ${code}) before it listened; see its output above.`,
        ),
      );
    });
    child.on("message", (m: unknown) => {
      if (!isFromServer(m)) return;
      if (m.type === "ready") {
        clearTimeout(timer);
        resolve({ kind: start.kind, pid: child.pid ?? 0, endpoint: `${m.url}${m.path}`, sample, stop });
      } else if (m.type === "error" && !waiting) {
        clearTimeout(timer);
        void stop();
        reject(
          new HarnessError("BENCH_SERVER_START", `The ${start.kind} server could not start: ${m.message}`),
        );
      } else {
        const w = waiting;
        waiting = undefined;
        w?.(m);
      }
    });
    child.send(start);
  });
}
