/**
 * `npm run soak [-- --rate 200 --duration 300 --within 1000 --max-rss-growth 0.1 -- <simulate flags>]`:
 * the bounded soak run of bench/soak.ts. Exits 0 when the targets hold, 1 when not, 2 on bad flags.
 */
import { parseArgs } from "node:util";
import { isHarnessError } from "../contract/errors.js";
import { formatSoak, runSoak } from "./soak.js";

const USAGE = `npm run soak -- [--rate N] [--duration S] [--within MS] [--max-rss-growth F] [--warmup S] [--json] [-- simulate flags]
  --rate            offered requests per second (default 200)
  --duration        seconds (default 300)
  --within          target: every request answered or refused within MS (default 1000)
  --max-rss-growth  target: RSS growth below F (default 0.1)
  --warmup          seconds at the rate before measuring (default: a fifth of the run, 5–60)
  after --, flags for ssbtek-harness simulate, e.g. -- --max-in-flight 32`;

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let rest: string[];
  try {
    const parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        rate: { type: "string" },
        duration: { type: "string" },
        within: { type: "string" },
        "max-rss-growth": { type: "string" },
        warmup: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
      allowPositionals: true,
    });
    values = parsed.values;
    rest = parsed.positionals;
  } catch (e) {
    console.error(`Error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const num = (k: string) => (values[k] === undefined ? undefined : Number(values[k]));
  const result = await runSoak(
    {
      ...(num("rate") !== undefined ? { rate: num("rate") as number } : {}),
      ...(num("duration") !== undefined ? { durationS: num("duration") as number } : {}),
      ...(num("within") !== undefined ? { withinMs: num("within") as number } : {}),
      ...(num("max-rss-growth") !== undefined ? { maxRssGrowth: num("max-rss-growth") as number } : {}),
      ...(num("warmup") !== undefined ? { warmupS: num("warmup") as number } : {}),
      simulateArgs: rest,
    },
    (l) => console.error(l),
  );
  console.log(values.json ? JSON.stringify(result, null, 2) : formatSoak(result));
  return result.pass ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(isHarnessError(e) ? `Error: ${e.message}` : `Soak failed: ${(e as Error).message ?? e}`);
    process.exitCode = isHarnessError(e) && e.code === "BAD_OPTION" ? 2 : 1;
  },
);
