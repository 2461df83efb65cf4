import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the CLI runs from here, so relative fixture paths resolve). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The CLI as users start it. */
export const BIN = join(ROOT, "bin/ssbtek-harness.js");

/** How a CLI run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running CLI process with its output collected from the start. */
export interface CliProcess {
  p: ChildProcess;
  /** Resolves with the exit code and all output once the process has closed. */
  done: Promise<CliRun>;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /**
   * Resolves with the first match of `re` in stdout (output already printed counts); rejects
   * after `ms` with what was printed, so a failing test shows why the CLI did not get there.
   */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/**
 * Starts `ssbtek-harness <args>` in a child process.
 *
 * @example
 * const c = startCli(["certify", "consumer", "--record", "--port", "0"]);
 * const [, url] = await c.waitFor(/point your verksamhetssystem at (http:\/\/\S+)/);
 */
export function startCli(args: string[]): CliProcess {
  const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
  let stdout = "";
  let stderr = "";
  p.stdout.on("data", (d) => (stdout += d));
  p.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<CliRun>((resolve) => p.on("close", (code) => resolve({ code, stdout, stderr })));
  const waitFor = (re: RegExp, ms = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const now = stdout.match(re);
      if (now) return resolve(now);
      const t = setTimeout(() => {
        p.stdout.off("data", check);
        reject(new Error(`timeout waiting for ${re}: ${stdout}${stderr}`));
      }, ms);
      // Registered after the collector above, so `stdout` already holds the chunk.
      function check() {
        const m = stdout.match(re);
        if (!m) return;
        clearTimeout(t);
        p.stdout.off("data", check);
        resolve(m);
      }
      p.stdout.on("data", check);
    });
  return { p, done, stdout: () => stdout, waitFor };
}

/**
 * Runs `ssbtek-harness <args>` to the end.
 *
 * @example
 * const r = await runCli(["personas", "--json"]); // { code: 0, stdout: "[…]", stderr: "" }
 */
export function runCli(args: string[]): Promise<CliRun> {
  return startCli(args).done;
}

/** A `simulate` process that is ready: its URL and what it printed while starting. */
export interface RunningSimulate {
  p: ChildProcess;
  url: string;
  out: string;
  /** The exit code, once the process has closed. */
  exited: Promise<number | null>;
}

/**
 * Starts `simulate --port 0 <args>` and waits until it printed its URL and "Press Ctrl+C".
 *
 * @example
 * const { p, url, exited } = await startSimulate(["--profile", "fast"]);
 * p.kill("SIGTERM"); await exited; // 0
 */
export async function startSimulate(args: string[]): Promise<RunningSimulate> {
  const c = startCli(["simulate", "--port", "0", ...args]);
  const exited = c.done.then((r) => r.code);
  const m = await c.waitFor(/listening on (http:\/\/\S+)[\s\S]*Press Ctrl\+C/, 25_000);
  return { p: c.p, url: m[1]!, out: c.stdout(), exited };
}
