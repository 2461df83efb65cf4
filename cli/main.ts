#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { isHarnessError } from "../contract/errors.js";
import { KONTRAKT_VERSIONER } from "../contract/ssbt/model.js";
import { toolVersion } from "../reports/evidence/version.js";
import { SIMULATE_ADMISSION, simulateAdmission } from "../simulators/admission.js";
import { DIALEKTER } from "../simulators/dialekt.js";
import { parseDuration } from "../simulators/faults/fault.js";
import { LOG_LEVELS, type LogLevel } from "../simulators/logging/event-log.js";
import { PERSONAS } from "../simulators/population/population.js";
import { onStopSignal, stopWithLauncher } from "./lifecycle.js";
import {
  parseDeadlines,
  parseFaultFlags,
  parseUpstreams,
  runSimulate,
  type SimulateRun,
} from "./simulate.js";

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be an integer.`);
  return n;
};
const num = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number.`);
  return n;
};
const collect = (v: string, prev: string[]) => [...prev, v];
const duration = (name: string, maxMs: number) => (v: string) => {
  const ms = parseDuration(v, { bareMs: true });
  if (ms === undefined || ms > maxMs)
    throw new InvalidArgumentError(`${name} must be a duration up to ${maxMs / 1000}s, e.g. 15s or 500ms.`);
  return ms;
};

// Started by npm (npx, npm start): stop when npm stops, even if npm's shell does not pass the signal on.
if (process.env.npm_lifecycle_event !== undefined) stopWithLauncher();

function fail(e: unknown): never {
  console.error(isHarnessError(e) ? `Error: ${e.message}` : `Unexpected error: ${(e as Error).message ?? e}`);
  process.exit(isHarnessError(e) ? 2 : 1);
}

// `ssbtek-harness personas | head` closes our stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });

const program = new Command()
  .name("ssbtek-harness")
  .description("Conformance test harness and simulated SSBTEK chain (ssbt/10)")
  .version(toolVersion(), "--version", "print the version")
  // Every usage error: commander's one-line message, a one-line hint (set below), exit 2 — no help dump.
  .exitOverride();

program
  .command("simulate")
  .description("Start the composite service and all seven simulated bastjänster on a real HTTP server")
  .option("--port <port>", "TCP port (0 = any free port)", int("--port"), 8080)
  .option("--host <host>", "interface to bind", "127.0.0.1")
  .option("--seed <n>", "seed of the population and simulators", int("--seed"), 1)
  .option("--time-scale <f>", "compress simulated delays: 0 = none, 1 = real time", num("--time-scale"), 0)
  .addOption(
    new Option("--contract <version>", "contract served at /ssbtek")
      .choices([...KONTRAKT_VERSIONER])
      .default("v10"),
  )
  .addOption(
    new Option(
      "--dialect <dialect>",
      "answer shapes: strict (the official schemas) or observed (what real producers send, docs/dialects.md)",
    )
      .choices([...DIALEKTER])
      .default("strict"),
  )
  .option("--upstream <KOD=URL>", "call a real bastjänst instead of the simulator (repeatable)", collect, [])
  .addOption(
    new Option(
      "--profile <profile>",
      "timing defaults (default: the scenario's profile, else realistic)",
    ).choices(["realistic", "fast"]),
  )
  .option(
    "--fault <KOD=FAULT>",
    "inject a fault: down, slow:15s, error:502, malformed, fault, closed (repeatable)",
    collect,
    [],
  )
  .option("--scenario <file>", "load a scenario file (JSON: clock, personas, faults, timing)")
  .option(
    "--deadline <duration|KOD=duration>",
    "composite deadline per bastjänst, e.g. 10s or FK=11s (repeatable)",
    collect,
    [],
  )
  .addOption(
    new Option(
      "--outside-hours <policy>",
      "outside opening hours (Mon–Fri 08–17): answer, slow or unavailable",
    ).choices(["answer", "slow", "unavailable"]),
  )
  .addOption(
    new Option("--log-level <level>", "event log level (JSON lines on stdout)")
      .choices([...LOG_LEVELS])
      .default("info"),
  )
  .option("--no-admin", "turn the admin API (and console) off")
  .option(
    "--admin-token <token>",
    "token the admin API requires (default: generated when --host is not loopback)",
  )
  .option("--admin-host <name>", "another host name the admin API answers to (repeatable)", collect, [])
  .option(
    "--drain <duration>",
    "on stop, how long requests in progress may take to finish",
    duration("--drain", 600_000),
    15_000,
  )
  .option(
    "--max-in-flight <n>",
    "composite requests handled at once (default: 32 with --time-scale 0, else 128)",
    int("--max-in-flight"),
  )
  .option(
    "--max-waiting <n>",
    "composite requests that may wait for a place (default: as --max-in-flight)",
    int("--max-waiting"),
  )
  .option(
    "--max-wait <duration>",
    "longest wait for a place before 503 SSBT-3001",
    duration("--max-wait", 60_000),
    SIMULATE_ADMISSION.maxWaitMs,
  )
  .option(
    "--max-lag <duration>",
    "event-loop lag above which new requests get 503 (0 = off)",
    duration("--max-lag", 60_000),
    SIMULATE_ADMISSION.maxLagMs,
  )
  .option("--max-connections <n>", "most simultaneous connections", int("--max-connections"), 768)
  .action(async (o) => {
    // Signal handlers first: a SIGTERM that arrives while starting must still stop cleanly.
    let run: SimulateRun | undefined;
    let stopRequested = false;
    onStopSignal(
      async () => {
        stopRequested = true;
        await run?.stop({ drainMs: o.drain });
      },
      (l) => console.error(l),
    );
    try {
      run = await runSimulate(
        {
          port: o.port,
          host: o.host,
          seed: o.seed,
          timeScale: o.timeScale,
          contract: o.contract,
          dialect: o.dialect,
          upstreams: parseUpstreams(o.upstream),
          // simulate defaults to realistic; a scenario decides for itself unless --profile is given
          ...(o.profile || !o.scenario ? { profile: o.profile ?? "realistic" } : {}),
          faults: parseFaultFlags(o.fault),
          ...(o.scenario ? { scenario: o.scenario } : {}),
          ...parseDeadlines(o.deadline),
          ...(o.outsideHours ? { outsideHours: o.outsideHours } : {}),
          admin: o.admin,
          ...(o.adminToken !== undefined ? { adminToken: o.adminToken } : {}),
          adminHosts: o.adminHost,
          maxInFlight: o.maxInFlight ?? simulateAdmission(o.timeScale).maxInFlight,
          maxWaiting: o.maxWaiting ?? simulateAdmission(o.timeScale).maxWaiting,
          maxWaitMs: o.maxWait,
          maxLagMs: o.maxLag,
          maxConnections: o.maxConnections,
        },
        // The banner is for people (stderr); stdout carries only the JSON event log.
        (l) => console.error(l),
        { logLevel: o.logLevel as LogLevel },
        (l) => console.error(l),
      );
      if (stopRequested) await run.stop({ drainMs: o.drain });
    } catch (e) {
      fail(e);
    }
  });

program
  .command("personas")
  .description("List the synthetic test population (test personnummer only, never real people)")
  .option("--json", "print JSON")
  .action((o) => {
    const rows = PERSONAS.map((p) => ({
      id: p.id,
      personnummer: p.personidentitet,
      typ: p.typ,
      namn: `${p.fornamn} ${p.efternamn}`,
      berattelse: p.berattelse,
      kallor: p.kallor,
    }));
    if (o.json) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    for (const r of rows) {
      console.log(
        `${r.personnummer}  ${r.id.padEnd(34)} ${r.namn.padEnd(24)} [${r.kallor.join(",") || "ej träff"}]`,
      );
      console.log(`              ${r.berattelse}`);
    }
  });

// coverage: see docs/coverage.md. The measuring code loads only when the command runs.
program
  .command("coverage")
  .description("How much of the contract the population's answers exercise (exit 1 below a threshold)")
  .addOption(new Option("--contract <version>", "contract version").choices(["v10", "v11"]).default("v10"))
  .option("--seed <n>", "seed of the population", int("--seed"), 1)
  .option("--clock <iso>", "the simulated clock; the asked period is the two months up to it (default: now)")
  .option("--json", "print the report as JSON")
  .option("--out <file>", "also write the JSON report to this file")
  .option("--no-edge-cases", "ask only the population, not the composite service's own edge cases")
  .action(async (o) => {
    const clock = o.clock === undefined ? undefined : new Date(o.clock);
    if (clock && Number.isNaN(clock.getTime())) {
      console.error(
        "error: --clock must be an ISO date-time, e.g. 2026-11-20T10:00:00+01:00.\nRun `ssbtek-harness coverage --help` for usage.",
      );
      process.exit(2);
    }
    try {
      const { runCoverage } = await import("./coverage.js");
      const code = await runCoverage(
        {
          contract: o.contract,
          seed: o.seed,
          ...(clock ? { clock } : {}),
          json: o.json,
          out: o.out,
          edgeCases: o.edgeCases,
        },
        (t) => process.stdout.write(t),
      );
      process.exitCode = code;
    } catch (e) {
      fail(e);
    }
  });

// certify chain|producer|consumer|verify: see cli/certify.ts and docs/certify.md
// The certify suites load a lot (Pact, reports, every suite): only when a certify command runs,
// so that `--help`, `simulate` and `personas` start fast.
const CERTIFY_DESCRIPTION =
  "Run certification suites; each writes reports and a signed evidence bundle to --out";
if (process.argv.slice(2).includes("certify")) {
  const { registerCertify } = await import("./certify.js");
  registerCertify(program, CERTIFY_DESCRIPTION);
} else program.command("certify").description(CERTIFY_DESCRIPTION);

/** The full name of a command, e.g. "ssbtek-harness certify producer". */
const fullName = (c: Command): string => (c.parent ? `${fullName(c.parent)} ${c.name()}` : c.name());
const withHint = (c: Command): void => {
  c.configureOutput({
    outputError: (text, write) => write(`${text.trimEnd()}\nRun \`${fullName(c)} --help\` for usage.\n`),
  });
  for (const sub of c.commands) withHint(sub);
};
withHint(program);

const args = process.argv.slice(2);
const parent = [program, ...program.commands].find(
  (c) =>
    c.commands.length > 0 && (c === program ? args.length === 0 : args.length === 1 && args[0] === c.name()),
);
if (parent) {
  // A command group without its command is a usage error too: one line, not the help.
  const names = parent.commands.map((c) => c.name()).join(", ");
  console.error(`error: missing command (${names}).\nRun \`${fullName(parent)} --help\` for usage.`);
  process.exit(2);
}
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  // --help and --version end with 0; every other commander error is bad usage.
  process.exit(e.exitCode === 0 ? 0 : 2);
}
