import { type Command, type CommanderError, InvalidArgumentError } from "commander";
import { isHarnessError } from "../contract/errors.js";
import { formatFinding } from "../reports/junit.js";
import type { CertifyCase, CertifyReport, CertifySuite } from "../reports/model.js";
import { DEFAULT_REPORT_DIR, reportName, writeReports } from "../reports/write.js";
import { parseDuration } from "../simulators/faults/fault.js";
import { blandadOptions, certifyBlandadKedja, formatBlandad } from "../suites/chain/certify-blandad.js";
import { certifyChain, chainCertifyReport, formatChainTable } from "../suites/chain/certify-chain.js";
import { certifyCompat, compatCertifyReport, formatCompat } from "../suites/compat/certify-compat.js";
import { startConsumerRecording } from "../suites/consumer/certify-consumer-record.js";
import { bastjanstKod, certifyProducer } from "../suites/producer/certify-producer.js";

/** Exit codes of every `certify` command. */
export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
  return n;
};
const duration = (name: string, bare: "ms" | "s") => (v: string) => {
  const ms =
    bare === "s" && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) * 1000 : parseDuration(v, { bareMs: true });
  if (ms === undefined || !(ms > 0))
    throw new InvalidArgumentError(
      `${name} must be a duration > 0 such as ${bare === "s" ? "90 (seconds), 90s or 2m" : "7s or 7000 (ms)"}.`,
    );
  return ms;
};
const clock = (v: string) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new InvalidArgumentError("--clock must be an ISO date-time, e.g. 2026-11-20T10:00:00+01:00.");
  return d;
};
const collect = (v: string, prev: string[]) => [...prev, v];

function fail(e: unknown): never {
  console.error(isHarnessError(e) ? `Error: ${e.message}` : `Unexpected error: ${(e as Error).message ?? e}`);
  process.exit(isHarnessError(e) ? EXIT.usage : EXIT.failed);
}

/** Bad usage (unknown option, missing value) exits 2 like any other bad input; help exits 0. */
function usageExit(err: CommanderError): never {
  process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
}

const MAX_FINDINGS_SHOWN = 3;
const MAX_CASES_SHOWN = 10;

function printCase(c: CertifyCase, prefix = "    "): void {
  if (c.status !== "fail") return;
  console.log(`${prefix}✗ ${c.name}`);
  for (const f of c.findings.slice(0, MAX_FINDINGS_SHOWN))
    console.log(`${prefix}    ${formatFinding({ ...f, replay: "" })}`);
  if (c.findings.length > MAX_FINDINGS_SHOWN)
    console.log(`${prefix}    … ${c.findings.length - MAX_FINDINGS_SHOWN} more finding(s) in the report`);
}

function printSuite(s: CertifySuite, cases = true): void {
  const n = (st: string) => s.cases.filter((c) => c.status === st).length;
  const skipped = n("skip") ? `, ${n("skip")} skipped` : "";
  console.log(
    `  ${n("fail") ? "FAIL" : "ok  "} ${s.name}: ${n("pass")} passed, ${n("fail")} failed${skipped}`,
  );
  if (!cases) return;
  const failed = s.cases.filter((c) => c.status === "fail");
  for (const c of failed.slice(0, MAX_CASES_SHOWN)) printCase(c);
  if (failed.length > MAX_CASES_SHOWN)
    console.log(`    … ${failed.length - MAX_CASES_SHOWN} more failed case(s) in the report`);
}

/** Writes the reports, prints the verdict and where the reports are, and sets the exit code. */
function finish(report: CertifyReport, out: string, name: string): void {
  const w = writeReports(report, out, name);
  const n = report.summary;
  console.log(
    `${report.passed ? "PASSED" : "FAILED"}: ${report.command} — ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped (${report.durationMs} ms).`,
  );
  console.log(`Reports: ${w.json}\n         ${w.junit}\n         ${w.html}`);
  process.exitCode = report.passed ? EXIT.passed : EXIT.failed;
}

/**
 * Registers `certify chain|producer|consumer` on the program: flags in, an options object to the
 * suite, a report written to `--out`, an exit code out (0 passed, 1 failed, 2 bad input).
 *
 * @example
 * registerCertify(new Command("ssbtek-harness"));
 */
export function registerCertify(program: Command): void {
  const certify = program
    .command("certify")
    .description("Run certification suites; each writes JSON, JUnit XML and HTML reports to --out")
    .exitOverride(usageExit);

  certify
    .command("chain")
    .description(
      "Certify the whole chain end to end on the embedded simulators: every persona, every section, sampled fault subsets, SLA figures",
    )
    .option("--seed <n>", "seed of the population, the simulators and the fault subsets", int("--seed", 0), 1)
    .option(
      "--fault-subsets <n>",
      "seeded subsets of 1–3 failing bastjänster to inject (0 = none)",
      int("--fault-subsets", 0),
      5,
    )
    .option("--contract <version>", "contract the composite service speaks: v10, v11 or utkast", "v10")
    .option(
      "--consumers <version>",
      "mixed-version rehearsal: replay the reference consumer interactions of this version against --contract",
    )
    .option("--out <dir>", "folder for the reports", DEFAULT_REPORT_DIR)
    .exitOverride(usageExit)
    .action(
      async (o: {
        seed: number;
        faultSubsets: number;
        out: string;
        contract: string;
        consumers?: string;
      }) => {
        try {
          if (o.consumers) {
            const bo = blandadOptions(o.contract, o.consumers);
            console.log(`certify chain: ${bo.consumers} consumers against the ${bo.contract} service…`);
            const { rader, report } = await certifyBlandadKedja(bo);
            console.log(formatBlandad(bo, rader));
            finish(report, o.out, reportName("certify chain", bo.contract, "consumers", bo.consumers));
            return;
          }
          const contract = blandadOptions(o.contract, o.contract).contract;
          console.log(
            `certify chain: every persona through the composite service (${contract}), then ${o.faultSubsets} fault subsets (seed ${o.seed})…`,
          );
          const startedAt = new Date();
          const t0 = performance.now();
          const report = await certifyChain({ seed: o.seed, faultSubsets: o.faultSubsets, contract });
          console.log(formatChainTable(report));
          const cert = chainCertifyReport(report, startedAt, performance.now() - t0);
          for (const s of cert.suites) printSuite(s);
          finish(cert, o.out, reportName("certify chain"));
        } catch (e) {
          fail(e);
        }
      },
    );

  certify
    .command("producer")
    .description(
      "Certify one authority's bastjänst at its own endpoint, in its own protocol (URL as GET /__admin/upstreams lists it)",
    )
    .requiredOption("--bastjanst <KOD>", "AF, CSN, FK, SKV, SO, TNS or MIV")
    .requiredOption("--url <URL>", "the bastjänst's endpoint (FK: the LEFI base URL)")
    .option(
      "--budget <duration>",
      "longest acceptable answer time (e.g. 7s, 7000 = ms)",
      duration("--budget", "ms"),
      7_000,
    )
    .option(
      "--timeout <duration>",
      "give up on an answer after this long (a hang)",
      duration("--timeout", "ms"),
      12_000,
    )
    .option(
      "--persona <id>",
      "only this persona (repeatable; ids from `ssbtek-harness personas`)",
      collect,
      [],
    )
    .option("--clock <iso>", "the clock the asked period is taken from (default: now)", clock)
    .option("--out <dir>", "folder for the reports", DEFAULT_REPORT_DIR)
    .exitOverride(usageExit)
    .action(
      async (o: {
        bastjanst: string;
        url: string;
        budget: number;
        timeout: number;
        persona: string[];
        clock?: Date;
        out: string;
      }) => {
        try {
          const kod = bastjanstKod(o.bastjanst);
          console.log(`certify producer: ${kod} at ${o.url} (budget ${o.budget} ms)…`);
          const report = await certifyProducer({
            bastjanst: kod,
            url: o.url,
            budgetMs: o.budget,
            timeoutMs: o.timeout,
            ...(o.persona.length ? { personas: o.persona } : {}),
            ...(o.clock ? { now: () => new Date(o.clock!) } : {}),
            onSuite: printSuite,
          });
          finish(report, o.out, reportName("certify producer", kod));
        } catch (e) {
          fail(e);
        }
      },
    );

  certify
    .command("consumer")
    .description(
      "Certify a verksamhetssystem: --pact FILE verifies its pact against the reference SSBT; --record runs the simulator and checks every request it sends",
    )
    .option("--pact <file>", "the vendor's Pact file to verify against the reference SSBT")
    .option("--record", "run the simulator and report every request that breaks a field rule")
    .option("--port <port>", "TCP port for --record (0 = any free port)", int("--port", 0), 8080)
    .option("--host <host>", "interface to bind for --record", "127.0.0.1")
    .option("--seed <n>", "seed of the simulators", int("--seed", 0))
    .option("--max-requests <n>", "--record: stop after this many requests", int("--max-requests", 1))
    .option(
      "--duration <seconds>",
      "--record: stop after this long (90, 90s, 2m)",
      duration("--duration", "s"),
    )
    .option("--out <dir>", "folder for the reports", DEFAULT_REPORT_DIR)
    .exitOverride(usageExit)
    .action(
      async (o: {
        pact?: string;
        record?: boolean;
        port: number;
        host: string;
        seed?: number;
        maxRequests?: number;
        duration?: number;
        out: string;
      }) => {
        try {
          if (Boolean(o.pact) === Boolean(o.record)) {
            console.error("Error: pass either --pact FILE or --record (exactly one).");
            process.exit(EXIT.usage);
          }
          if (o.pact) {
            console.log(`certify consumer: verifying ${o.pact} against the reference SSBT…`);
            // Loaded only here: the Pact verifier is a heavy native package the other commands never need.
            const { certifyConsumerPact } = await import("../suites/consumer/certify-consumer-pact.js");
            const report = await certifyConsumerPact({
              pact: o.pact,
              ...(o.seed !== undefined ? { seed: o.seed } : {}),
            });
            for (const s of report.suites) printSuite(s);
            finish(report, o.out, reportName("certify consumer pact"));
            return;
          }
          const rec = await startConsumerRecording({
            port: o.port,
            host: o.host,
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
            ...(o.maxRequests !== undefined ? { maxRequests: o.maxRequests } : {}),
            ...(o.duration !== undefined ? { durationS: o.duration / 1000 } : {}),
            onCase: (c) => {
              console.log(
                `  ${c.status === "fail" ? "✗" : "✓"} ${c.name} → HTTP ${c.details?.status ?? "?"}`,
              );
              printCase(c, "      ");
            },
          });
          // Listen before saying so: a SIGTERM sent as soon as the line below is read must stop the
          // recording, not kill the process before the handler exists.
          for (const signal of ["SIGINT", "SIGTERM"] as const)
            process.once(signal, () => void rec.stop(signal));
          console.log(`certify consumer --record: point your verksamhetssystem at ${rec.ssbtek}`);
          const limits = [
            o.maxRequests !== undefined ? `${o.maxRequests} requests` : "",
            o.duration !== undefined ? `${o.duration / 1000} s` : "",
          ].filter(Boolean);
          console.log(
            `Recording until ${limits.length ? `${limits.join(" or ")}, or ` : ""}Ctrl+C / SIGTERM…`,
          );
          const report = await rec.done;
          for (const s of report.suites) {
            printSuite(s, false);
            // the recorded requests were shown live; what is left is the verdict on the recording itself
            for (const c of s.cases.filter((x) => !x.name.startsWith("#"))) printCase(c);
          }
          finish(report, o.out, reportName("certify consumer record"));
        } catch (e) {
          fail(e);
        }
      },
    );

  certify
    .command("compat")
    .description(
      "Compare two contracts (versions of our model, or XSD/WSDL/OpenAPI files): every change classified for consumers, producers and strict clients; exit 1 when a change breaks consumers",
    )
    .option("--from <version>", "the current contract: v10, v11 or utkast")
    .option("--to <version>", "the candidate contract: v10, v11 or utkast")
    .option("--from-xsd <path>", "the current contract as an XSD/WSDL file or a contract folder")
    .option("--to-xsd <path>", "the candidate contract as an XSD/WSDL file or a contract folder")
    .option("--from-openapi <file>", "the current LEFI OpenAPI document")
    .option("--to-openapi <file>", "the candidate LEFI OpenAPI document")
    .option("--json", "print the comparison as JSON")
    .option("--out <dir>", "also write JSON, JUnit XML and HTML reports to this folder")
    .exitOverride(usageExit)
    .action(
      (o: {
        from?: string;
        to?: string;
        fromXsd?: string;
        toXsd?: string;
        fromOpenapi?: string;
        toOpenapi?: string;
        json?: boolean;
        out?: string;
      }) => {
        try {
          const startedAt = new Date();
          const t0 = performance.now();
          const r = certifyCompat({
            from: {
              ...(o.from ? { version: o.from } : {}),
              ...(o.fromXsd ? { xsd: o.fromXsd } : {}),
              ...(o.fromOpenapi ? { openapi: o.fromOpenapi } : {}),
            },
            to: {
              ...(o.to ? { version: o.to } : {}),
              ...(o.toXsd ? { xsd: o.toXsd } : {}),
              ...(o.toOpenapi ? { openapi: o.toOpenapi } : {}),
            },
          });
          console.log(o.json ? JSON.stringify(r, null, 2) : formatCompat(r));
          if (o.out) {
            const w = writeReports(
              compatCertifyReport(r, startedAt, performance.now() - t0),
              o.out,
              reportName("certify compat"),
            );
            if (!o.json) console.log(`Reports: ${w.json}\n         ${w.junit}\n         ${w.html}`);
          }
          process.exitCode = r.brytandeForKonsumenter ? EXIT.failed : EXIT.passed;
        } catch (e) {
          fail(e);
        }
      },
    );
}
