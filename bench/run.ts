/**
 * `npm run bench`: composite answers/s of the simulated chain over HTTP next to a bare
 * node:http server with an answer of the same size, p50/p99 at 32 connections, and RSS over
 * 100k requests. See docs/performance.md. Exits 0 on pass, 1 on fail, 2 on bad options.
 */
import { isHarnessError } from "../contract/errors.js";
import { runBench } from "./bench.js";
import { formatBench } from "./format.js";
import { BENCH_USAGE, parseBenchArgs, resolveBenchOptions } from "./options.js";

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseBenchArgs>;
  let options: ReturnType<typeof resolveBenchOptions>;
  try {
    parsed = parseBenchArgs(process.argv.slice(2));
    options = resolveBenchOptions(parsed.options);
  } catch (e) {
    console.error(isHarnessError(e) ? `Error: ${e.message}` : `Unexpected error: ${(e as Error).message}`);
    return 2;
  }
  if (parsed.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const result = await runBench(options, (line) => console.error(line));
  console.log(options.json ? JSON.stringify(result, null, 2) : formatBench(result));
  return result.pass ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(
      isHarnessError(e) ? `Error: ${e.message}` : `Benchmark failed: ${(e as Error).message ?? e}`,
    );
    process.exitCode = 1;
  },
);
