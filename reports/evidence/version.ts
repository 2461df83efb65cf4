import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version of ssbtek-harness itself, from its package.json — found by walking up from this file,
 * so it is the same whether the source runs (tsx) or the build (dist/) does.
 *
 * @example
 * toolVersion() // "0.1.0"
 */
export function toolVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "ssbtek-harness" && pkg.version) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return "0.0.0-unknown";
    dir = up;
  }
}
