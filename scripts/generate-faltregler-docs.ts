/**
 * Writes docs/faltregler/ from fixtures/faltregler/*.json (`npm run docs:faltregler`). Pages of
 * tables that no longer exist are removed. contract/faltregler/dokumentation.test.ts fails when
 * the committed pages differ from what this writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderaDokumentation } from "../contract/faltregler/dokumentation.js";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../docs/faltregler");
mkdirSync(dir, { recursive: true });
const sidor = renderaDokumentation();
for (const f of readdirSync(dir)) if (f.endsWith(".md") && !sidor.has(f)) rmSync(join(dir, f));
for (const [f, text] of sidor) writeFileSync(join(dir, f), text);
console.log(`docs/faltregler: ${sidor.size} pages written.`);
