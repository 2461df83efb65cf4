import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSigningKey } from "../../reports/evidence/keys.js";

/** The repository root (the CLI runs from here, so relative fixture paths resolve). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The CLI as users start it. */
export const BIN = join(ROOT, "bin/ssbtek-harness.js");

/**
 * The config folder every CLI run of the tests gets (XDG_CONFIG_HOME): the per-user evidence
 * signing key is created there, never in the home of whoever runs the tests.
 */
export const TEST_CONFIG_HOME = mkdtempSync(join(tmpdir(), "ssbtek-test-config-"));
// Created up front, so no run prints "Created your evidence signing key" unless a test wants it.
loadSigningKey({ keyDir: join(TEST_CONFIG_HOME, "ssbtek-harness") });

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
  /** Everything printed on stdout and stderr so far, interleaved as it arrived. */
  output(): string;
  /**
   * Resolves with the first match of `re` in stdout or stderr (output already printed counts); rejects
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
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const p = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, XDG_CONFIG_HOME: TEST_CONFIG_HOME, ...env },
  });
  let stdout = "";
  let stderr = "";
  let all = "";
  p.stdout.on("data", (d) => {
    stdout += d;
    all += d;
  });
  p.stderr.on("data", (d) => {
    stderr += d;
    all += d;
  });
  const done = new Promise<CliRun>((resolve) => p.on("close", (code) => resolve({ code, stdout, stderr })));
  const waitFor = (re: RegExp, ms = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const now = all.match(re);
      if (now) return resolve(now);
      const t = setTimeout(() => {
        off();
        reject(new Error(`timeout waiting for ${re}: ${all}`));
      }, ms);
      const off = () => {
        p.stdout.off("data", check);
        p.stderr.off("data", check);
      };
      // Registered after the collectors above, so `all` already holds the chunk.
      function check() {
        const m = all.match(re);
        if (!m) return;
        clearTimeout(t);
        off();
        resolve(m);
      }
      p.stdout.on("data", check);
      p.stderr.on("data", check);
    });
  return { p, done, stdout: () => stdout, output: () => all, waitFor };
}

/**
 * Runs `ssbtek-harness <args>` to the end.
 *
 * @example
 * const r = await runCli(["personas", "--json"]); // { code: 0, stdout: "[…]", stderr: "" }
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(args, env).done;
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
  return { p: c.p, url: m[1]!, out: c.output(), exited };
}
