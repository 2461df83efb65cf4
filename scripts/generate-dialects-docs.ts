/**
 * Rewrites the per-authority part of docs/dialects.md (everything after the GENERATED marker) from
 * each authority's `simulators/<kod>/dialekt.ts` (`npm run docs:dialects`). test/dialect.test.ts
 * fails when the committed page differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { DIALEKT_DOK_MARKOR, dialektDokumentation } from "../simulators/dialekt.js";
import { SIMULATORER } from "../simulators/registry.js";

const fil = resolve(dirname(fileURLToPath(import.meta.url)), "../docs/dialects.md");
const text = readFileSync(fil, "utf8");
const i = text.indexOf(DIALEKT_DOK_MARKOR);
if (i < 0) throw new Error(`docs/dialects.md has no ${DIALEKT_DOK_MARKOR} line.`);
const avsnitt = BASTJANSTER.map((k) => dialektDokumentation(SIMULATORER[k].dialekt!, SIMULATORER[k].namn));
writeFileSync(fil, `${text.slice(0, i + DIALEKT_DOK_MARKOR.length)}\n\n${avsnitt.join("\n")}`);
console.log(`docs/dialects.md: ${avsnitt.length} authorities written.`);
