/**
 * The peers the benchmark measures us against, each in its own process: WireMock 3 (the npm
 * package `wiremock` bundles the standalone jar; needs a Java runtime) replaying one composite
 * answer behind an `equalToXml` stub, and Stoplight Prism (`@stoplight/prism-cli`) mocking the
 * official LEFI v9 OpenAPI spec. CPU time and RSS are read from /proc, as for any process.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { HarnessError } from "../contract/errors.js";
import { tidsgrans } from "../simulators/adapters/transport.js";
import type { ServerProcess, ServerSample } from "./servers.js";

const require = createRequire(import.meta.url);

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), read once. */
let ticks: number | undefined;
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * CPU time (user + system, µs) and RSS (bytes) of a process, from /proc/<pid>/stat.
 *
 * @example
 * procSample(process.pid).cpuMicros > 0 // true
 */
export function procSample(pid: number): ServerSample {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is field 3; utime 14, stime 15, rss 24 (pages).
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuTicks = Number(f[11]) + Number(f[12]);
  return { cpuMicros: (cpuTicks / clockTicks()) * 1e6, rss: Number(f[21]) * 4096, heapAfterGc: Number.NaN };
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the peer to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, what: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  while (Date.now() - t0 < timeoutMs) {
    if (exited !== undefined)
      throw new HarnessError("BENCH_PEER_START", `${what} exited (code ${exited}) before it listened.`);
    const grans = tidsgrans(2000);
    try {
      await fetch(url, { signal: grans.signal });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      grans.dispose();
    }
  }
  throw new HarnessError("BENCH_PEER_START", `${what} did not listen within ${timeoutMs} ms.`);
}

function peerProcess(
  kind: ServerProcess["kind"],
  child: ChildProcess,
  endpoint: string,
  cleanup: () => void,
) {
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exit;
      clearTimeout(t);
    }
    cleanup();
  };
  const sample = async (): Promise<ServerSample> => {
    if (exited || !child.pid)
      throw new HarnessError("BENCH_SERVER_GONE", `The ${kind} process exited during the benchmark.`);
    return procSample(child.pid);
  };
  return { kind, pid: child.pid ?? 0, endpoint, sample, stop } satisfies ServerProcess;
}

/** Path of WireMock's standalone jar inside the `wiremock` npm package. */
export function wiremockJar(): string {
  let dir: string;
  try {
    dir = join(dirname(require.resolve("wiremock/package.json")), "build");
  } catch {
    throw new HarnessError(
      "BENCH_PEER_MISSING",
      "The npm package wiremock is not installed: run npm ci (it is a devDependency).",
    );
  }
  const jar = existsSync(dir)
    ? readdirSync(dir).find((f) => /^wiremock-standalone-.*\.jar$/.test(f))
    : undefined;
  if (!jar) throw new HarnessError("BENCH_PEER_MISSING", `No wiremock-standalone jar in ${dir}.`);
  return join(dir, jar);
}

/** True when `java -version` runs. */
export function hasJava(): boolean {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A WireMock stub: the request matcher and the one fixed answer, as a municipal client's suite has it. */
export interface WireMockStub {
  /** The `equalToXml` value (may hold `${xmlunit.ignore}` placeholders). */
  equalToXml: string;
  answer: Buffer;
  contentType: string;
}

/**
 * Starts WireMock 3 standalone (java -jar) with one stub at POST /ssbtek: `equalToXml` with
 * placeholders enabled, one fixed answer from `__files`. The request journal is off (the peer's
 * best case: with it on, WireMock keeps every request and slows down over 100k requests).
 *
 * @example
 * const wm = await startWireMock({ equalToXml, answer, contentType: "text/xml;charset=UTF-8" });
 */
export async function startWireMock(stub: WireMockStub, timeoutMs = 90_000): Promise<ServerProcess> {
  if (!hasJava())
    throw new HarnessError(
      "BENCH_PEER_MISSING",
      "WireMock needs a Java runtime: install one (Debian: apt-get install openjdk-17-jre-headless).",
    );
  const root = mkdtempSync(join(tmpdir(), "ssbtek-bench-wiremock-"));
  mkdirSync(join(root, "mappings"));
  mkdirSync(join(root, "__files"));
  writeFileSync(join(root, "__files", "answer.xml"), stub.answer);
  writeFileSync(
    join(root, "mappings", "ssbtek.json"),
    JSON.stringify({
      request: {
        url: "/ssbtek",
        method: "POST",
        headers: { "Content-Type": { contains: "text/xml" } },
        bodyPatterns: [{ equalToXml: stub.equalToXml, enablePlaceholders: true }],
      },
      response: { status: 200, headers: { "Content-Type": stub.contentType }, bodyFileName: "answer.xml" },
    }),
  );
  const port = await freePort();
  const child = spawn(
    "java",
    [
      "-jar",
      wiremockJar(),
      "--port",
      String(port),
      "--bind-address",
      "127.0.0.1",
      "--root-dir",
      root,
      "--no-request-journal",
      "--disable-banner",
    ],
    // WireMock prints a "closest stub" table for every near miss: noise, not a result.
    { stdio: ["ignore", "ignore", "ignore"] },
  );
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${base}/__admin/health`, child, "WireMock", timeoutMs);
  } catch (e) {
    child.kill("SIGKILL");
    cleanup();
    throw e;
  }
  return peerProcess("wiremock", child, `${base}/ssbtek`, cleanup);
}

/**
 * Starts Stoplight Prism mocking an OpenAPI file (static examples, no validation errors added).
 *
 * @example
 * const prism = await startPrism(specPath, "/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga");
 */
export async function startPrism(spec: string, path: string, timeoutMs = 90_000): Promise<ServerProcess> {
  let cli: string;
  try {
    cli = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
  } catch {
    throw new HarnessError(
      "BENCH_PEER_MISSING",
      "The npm package @stoplight/prism-cli is not installed: run npm ci (it is a devDependency).",
    );
  }
  const port = await freePort();
  const child = spawn(process.execPath, [cli, "mock", "-h", "127.0.0.1", "-p", String(port), spec], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${base}/`, child, "Prism", timeoutMs);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return peerProcess("prism", child, `${base}${path}`, () => {});
}
