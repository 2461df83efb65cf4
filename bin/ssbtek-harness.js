#!/usr/bin/env -S node --max-semi-space-size=6 --heap-growing-percent=40 --no-minor-gc-task
// The node flags: a 6 MB young generation (V8's default grows it to 16 MB) and an old generation
// that grows by 40 % of its live size before the next full collection (V8 decides, up to 4×). The
// simulator allocates short-lived trees per answer: together they give the lowest RSS and CPU per
// answer measured (docs/performance.md, "GC settings"). --no-minor-gc-task: the young generation is
// collected when it is full, inside the running code, not in a task that wakes the event loop
// through a system call (docs/performance.md, item 30). bench/ and the soak start the server with
// the same flags (read from here).
// Runs the built CLI (dist/, made by `npm ci`/`npm run build` through `prepare`): it starts in a
// fraction of the time the TypeScript sources need through tsx. Without dist/ — or with
// SSBTEK_HARNESS_FROM_SOURCE=1, which the test suite sets so it always runs the sources it checks —
// the TypeScript CLI runs through tsx.
import { existsSync } from "node:fs";

const built = new URL("../dist/cli/main.js", import.meta.url);
if (process.env.SSBTEK_HARNESS_FROM_SOURCE !== "1" && existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../cli/main.ts");
}
