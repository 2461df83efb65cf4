import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** `../shared/reference` next to the project root, or undefined when absent (a user's clone). */
export const REFERENCE_DIR: string | undefined = (() => {
  const d = resolve(here, "../../../shared/reference");
  return existsSync(d) ? d : undefined;
})();

/** Message printed by tests that skip because the reference folder is missing. */
export const REFERENCE_MISSING =
  "SKIPPED: ../shared/reference is absent, so reference-based conformance tests do not run. " +
  "Check out the shared reference folder beside the project to run them.";

if (!REFERENCE_DIR) console.warn(`\n[ssbtek-harness] ${REFERENCE_MISSING}\n`);

/** Absolute path of a file under the reference folder. Throws when the folder is absent. */
export function referencePath(...parts: string[]): string {
  if (!REFERENCE_DIR) throw new Error(REFERENCE_MISSING);
  return join(REFERENCE_DIR, ...parts);
}

/** Reads a reference file as UTF-8. */
export function readReference(...parts: string[]): string {
  return readFileSync(referencePath(...parts), "utf8");
}

/** Every file below `dir`, as paths relative to `dir`. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}
