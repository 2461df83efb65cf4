import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tidsgrans } from "./transport.js";

const ROOT = join(import.meta.dirname, "../..");

function kallfiler(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    if (["node_modules", "dist", ".git", "test"].includes(f)) continue;
    const p = join(dir, f);
    if (statSync(p).isDirectory()) kallfiler(p, out);
    else if (f.endsWith(".ts") && !f.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

describe("tidsgrans: a time limit for a fetch, held by an ordinary timer", () => {
  it("aborts after the time limit, with a reason that says so", async () => {
    const { signal, dispose } = tidsgrans(20);
    await new Promise((r) => setTimeout(r, 60));
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("no answer within 20 ms");
    dispose();
  });

  it("aborts when the outer signal does (already aborted or later), with its reason", () => {
    const a = new AbortController();
    const g = tidsgrans(10_000, a.signal);
    expect(g.signal.aborted).toBe(false);
    a.abort("SIGINT");
    expect(g.signal.reason).toBe("SIGINT");
    g.dispose();
    expect(tidsgrans(10_000, a.signal).signal.reason).toBe("SIGINT");
  });

  it("dispose stops the timer: nothing aborts afterwards", async () => {
    const { signal, dispose } = tidsgrans(20);
    dispose();
    await new Promise((r) => setTimeout(r, 60));
    expect(signal.aborted).toBe(false);
  });

  it("production code never hands a signal to a Request constructor (undici links it to fetch weakly)", () => {
    const brott = kallfiler(ROOT).filter((f) =>
      /new Request\([^;]*\{[^;]*\bsignal\b/s.test(readFileSync(f, "utf8").replace(/^\s*(\*|\/\/).*$/gm, "")),
    );
    expect(brott.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});
