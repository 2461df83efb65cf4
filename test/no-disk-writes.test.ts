import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { standardPeriod } from "../contract/kalender.js";
import { createObservability } from "../simulators/observability.js";
import { PERSONAS } from "../simulators/population/population.js";
import { startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../suites/chain/client.js";
import { memoryDestination } from "./support/privacy.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP_DIRS = new Set(["node_modules", ".git", "dist"]);

/** path → mtime of every file below `dir` (skipping dependencies and git). */
function snapshot(dir: string, out = new Map<string, number>(), depth = 0): Map<string, number> {
  if (depth > 6) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) snapshot(p, out, depth + 1);
    } else if (e.isFile()) {
      try {
        out.set(p, fs.statSync(p).mtimeMs);
      } catch {
        // vanished meanwhile
      }
    }
  }
  return out;
}

type Writer = (...args: unknown[]) => unknown;

const WRITE_FLAGS = /[wa+]/;
const isWriteOpen = (flags: unknown) =>
  typeof flags === "string"
    ? WRITE_FLAGS.test(flags)
    : typeof flags === "number" &&
      (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0;

/**
 * Replaces every fs function that creates or writes a file with a recording wrapper (the call
 * still happens), for the ESM named exports too. Returns the calls and a restore function.
 */
function recordFileWrites(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const restores: (() => void)[] = [];
  const wrap = (
    target: Record<string, unknown>,
    name: string,
    label: string,
    writes: (args: unknown[]) => boolean,
  ) => {
    const original = target[name] as Writer | undefined;
    if (typeof original !== "function") return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (writes(args)) calls.push(`${label}(${String(args[0])})`);
      return original.apply(this, args);
    };
    restores.push(() => {
      target[name] = original;
    });
  };
  const f = fs as unknown as Record<string, unknown>;
  const p = fs.promises as unknown as Record<string, unknown>;
  const always = () => true;
  for (const name of [
    "writeFile",
    "writeFileSync",
    "appendFile",
    "appendFileSync",
    "createWriteStream",
    "mkdir",
    "mkdirSync",
    "mkdtemp",
    "mkdtempSync",
    "rename",
    "renameSync",
    "copyFile",
    "copyFileSync",
    "symlink",
    "symlinkSync",
  ])
    wrap(f, name, `fs.${name}`, always);
  wrap(f, "open", "fs.open", (a) => isWriteOpen(a[1]));
  wrap(f, "openSync", "fs.openSync", (a) => isWriteOpen(a[1]));
  for (const name of ["writeFile", "appendFile", "mkdir", "mkdtemp", "rename", "copyFile"])
    wrap(p, name, `fs.promises.${name}`, always);
  wrap(p, "open", "fs.promises.open", (a) => isWriteOpen(a[1]));
  syncBuiltinESMExports();
  return {
    calls,
    restore() {
      for (const r of restores) r();
      syncBuiltinESMExports();
    },
  };
}

describe("(d) nothing is written to disk", () => {
  it("a run of personas, a fault and the shutdown create or write no file", async () => {
    const marker = `disk-probe-${process.pid}-${Date.now()}`;
    const dirs = [ROOT, tmpdir()];
    const before = dirs.map((d) => snapshot(d));
    const recorder = recordFileWrites();
    try {
      const dest = memoryDestination();
      const obs = createObservability({ logLevel: "trace", logDestination: dest });
      const sim = await startSimulator({ port: 0, seed: 3 }, { onUtfall: obs.onUtfall });
      obs.log.serverStart({ url: sim.url });
      const period = standardPeriod(sim.chain.context.now());
      for (const p of PERSONAS.slice(0, 8)) {
        const fraga = fullFraga(p.personidentitet, period, marker);
        fraga.generellaFrageparametrar.korrelationsid = marker;
        await hamtaOverHttp(sim.ssbtek, fraga);
      }
      await hamtaOverHttp(sim.ssbtek, fullFraga("1990010112", period, marker));
      obs.summary();
      obs.close();
      await sim.close();
      expect(dest.lines.join("")).toContain(marker); // the marker did reach the (in-memory) log
    } finally {
      recorder.restore();
    }
    expect(recorder.calls).toEqual([]);

    // Belt and braces: no new or changed file under the repository or the temp dir holds the marker
    // (other processes may touch files meanwhile, so only the marker counts).
    const offenders: string[] = [];
    dirs.forEach((d, i) => {
      for (const [path, mtime] of snapshot(d)) {
        if (before[i]!.get(path) === mtime) continue;
        try {
          if (fs.statSync(path).size < 5_000_000 && fs.readFileSync(path, "utf8").includes(marker))
            offenders.push(path);
        } catch {
          // unreadable or vanished: not ours
        }
      }
    });
    expect(offenders).toEqual([]);
  });
});
