#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx ssbtek-harness …` works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
