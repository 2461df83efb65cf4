#!/usr/bin/env node
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
