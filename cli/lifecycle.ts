/**
 * How a long-running command ends: on SIGINT or SIGTERM it stops gracefully (the caller's `stop`:
 * drain, summary) and exits 0; a second signal exits at once. Launched through npm (`npx`,
 * `npm start`), the command also stops when its launcher goes away: npm runs the bin under `sh -c`,
 * and when npm is stopped that shell dies without passing the signal on, which would leave the
 * server orphaned and listening.
 */

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Installs the signal handlers. Call before starting anything, so a signal that arrives while
 * starting still stops cleanly.
 *
 * @example
 * const stopped = onStopSignal(async (signal) => { await run.stop(); }, console.error);
 */
export function onStopSignal(stop: (signal: string) => Promise<void>, log: (line: string) => void): void {
  let stopping = false;
  const handle = (signal: keyof typeof SIGNAL_EXIT) => {
    if (stopping) {
      log(`${signal} again: stopping now, without waiting for requests in progress.`);
      process.exit(SIGNAL_EXIT[signal]);
    }
    stopping = true;
    log(
      `${signal}: stopping — no new connections, finishing requests in progress (send ${signal} again to force)…`,
    );
    stop(signal).then(
      () => process.exit(0),
      (e: unknown) => {
        log(`Stopping failed: ${(e as Error).message ?? e}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => handle("SIGINT"));
  process.on("SIGTERM", () => handle("SIGTERM"));
}

/**
 * Sends this process SIGTERM when its parent goes away (the process is re-parented): the
 * installed handler stops gracefully, a command without one ends. Checked twice a second; the
 * timer never keeps the process alive.
 *
 * @example
 * if (process.env.npm_lifecycle_event) stopWithLauncher();
 */
export function stopWithLauncher(intervalMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, "SIGTERM");
  }, intervalMs);
  timer.unref();
}
