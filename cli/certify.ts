import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { HarnessError, isHarnessError } from "../contract/errors.js";
import type { KontraktVersion } from "../contract/ssbt/model.js";
import { verifyEvidence } from "../reports/evidence/bundle.js";
import { TrafficLog } from "../reports/evidence/har.js";
import { defaultKeyDir, loadSigningKey, type SigningKey } from "../reports/evidence/keys.js";
import type { EvidenceMeta } from "../reports/evidence/model.js";
import { checkOutDir, evidenceMeta, writeCertification } from "../reports/evidence/seal.js";
import type { CertifyCase, CertifyReport } from "../reports/model.js";
import { failureGroups } from "../reports/triage.js";
import { DEFAULT_REPORT_DIR, reportName, writeReports } from "../reports/write.js";
import { parseDuration } from "../simulators/faults/fault.js";
import { PERSONAS } from "../simulators/population/population.js";
import {
  blandadOptions,
  blandadResults,
  certifyBlandadKedja,
  formatBlandad,
} from "../suites/chain/certify-blandad.js";
import {
  certifyChain,
  chainCertifyReport,
  chainResults,
  formatChainTable,
} from "../suites/chain/certify-chain.js";
import { certifyCompat, compatCertifyReport, formatCompat } from "../suites/compat/certify-compat.js";
import { startConsumerRecording } from "../suites/consumer/certify-consumer-record.js";
import { startConsumerSession } from "../suites/consumer/certify-consumer-session.js";
import { brokerJson, canIDeploy, formatGate } from "../suites/gate/can-i-deploy.js";
import { readPolicy } from "../suites/gate/policy.js";
import { BASTJANST_PROVIDER, SSBT, VERKSAMHETSSYSTEM } from "../suites/pact/names.js";
import { bastjanstKod, certifyProducer, producerResults } from "../suites/producer/certify-producer.js";

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

/** Flags every certify command takes. */
interface CommonFlags {
  out?: string;
  json?: boolean;
  key?: string;
  timeout?: number;
}

function addCommon(c: Command): Command {
  return c
    .option(
      "--out <dir>",
      `folder for the reports and the evidence bundle (default ${DEFAULT_REPORT_DIR}/<command>)`,
    )
    .option("--key <file>", "PEM Ed25519 private key to sign the evidence with (default: your per-user key)")
    .option(
      "--timeout <duration>",
      "stop the whole run after this long (5m, 300s); reports what was done",
      duration("--timeout", "s"),
    )
    .option("--json", "print the result as JSON on stdout (progress goes to stderr)");
}

/**
 * Where human output goes: stdout, or stderr when stdout carries JSON. Per-case progress
 * rewrites one line on a terminal and prints a plain line per case otherwise.
 */
class Output {
  private readonly stream: NodeJS.WriteStream;
  private live = false;

  constructor(readonly json: boolean) {
    this.stream = json ? process.stderr : process.stdout;
  }

  line(text = ""): void {
    this.clear();
    this.stream.write(`${text}\n`);
  }

  progress(text: string): void {
    if (!this.stream.isTTY) {
      this.line(text);
      return;
    }
    const width = (this.stream.columns ?? 100) - 1;
    this.stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.live = true;
  }

  clear(): void {
    if (!this.live) return;
    this.stream.write("\r\x1b[K");
    this.live = false;
  }
}

function fail(e: unknown): never {
  console.error(isHarnessError(e) ? `Error: ${e.message}` : `Unexpected error: ${(e as Error).message ?? e}`);
  process.exit(isHarnessError(e) ? EXIT.usage : EXIT.failed);
}

/** Everything a run needs from the CLI: where to write, how to sign, how to stop, how to talk. */
interface RunContext {
  out: Output;
  dir: string;
  key: SigningKey;
  traffic: TrafficLog;
  /** Aborted on Ctrl+C / SIGTERM, with the signal's name as reason. */
  signal: AbortSignal;
}

/** What a command's run hands back to be sealed. */
interface RunResult {
  report: CertifyReport;
  evidence: Pick<EvidenceMeta, "suite" | "clock" | "options" | "systemUnderTest" | "results"> &
    Partial<Pick<EvidenceMeta, "contractVersion">>;
  /** Printed before the summary (e.g. the chain's table). */
  preamble?: string;
}

const MAX_GROUPS_SHOWN = 8;
const MAX_OCCURRENCES_SHOWN = 3;

function printSummary(out: Output, report: CertifyReport): void {
  const groups = failureGroups(report);
  for (const s of report.suites) {
    const n = (st: string) => s.cases.filter((c) => c.status === st).length;
    const skipped = n("skip") ? `, ${n("skip")} skipped` : "";
    out.line(
      `  ${n("fail") ? "FAIL" : "ok  "} ${s.name}: ${n("pass")} passed, ${n("fail")} failed${skipped}`,
    );
  }
  if (groups.length) out.line(`\n${groups.length} failing rule(s), most cases first:`);
  for (const g of groups.slice(0, MAX_GROUPS_SHOWN)) {
    out.line(`  ✗ ${g.rule} — ${g.cases} case(s)`);
    for (const o of g.occurrences.slice(0, MAX_OCCURRENCES_SHOWN))
      out.line(`      ${o.suite} › ${o.case.name}: ${o.finding.message}`);
    if (g.occurrences.length > MAX_OCCURRENCES_SHOWN)
      out.line(`      … ${g.occurrences.length - MAX_OCCURRENCES_SHOWN} more in the report`);
    if (g.replay) out.line(`      replay: ${g.replay}`);
  }
  if (groups.length > MAX_GROUPS_SHOWN)
    out.line(`  … ${groups.length - MAX_GROUPS_SHOWN} more rule(s) in the report`);
}

/**
 * The frame of every certify command: `--out` checked and the key loaded before anything runs,
 * Ctrl+C / SIGTERM turned into a stop signal, then the reports, the HAR and the signed evidence
 * written, the verdict printed (or the JSON result), and the exit code set.
 */
async function certifyRun(
  flags: CommonFlags,
  name: string,
  run: (ctx: RunContext) => Promise<RunResult>,
): Promise<void> {
  const out = new Output(Boolean(flags.json));
  try {
    const dir = checkOutDir(flags.out ?? join(DEFAULT_REPORT_DIR, name));
    const key = loadSigningKey({
      ...(flags.key ? { keyFile: flags.key } : {}),
      keyDir: defaultKeyDir(process.env, homedir()),
    });
    if (key.created)
      console.error(
        `Created your evidence signing key ${key.path} (${key.fingerprint}).\nIts public key — give it to whoever checks your evidence (certify verify --public-key):\n${key.publicKeyPem}`,
      );
    const stop = new AbortController();
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      // A second Ctrl+C means "now": no report.
      if (++signals > 1) process.exit(130);
      out.line(`\n${sig}: stopping — writing the reports of what was done…`);
      stop.abort(sig);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const traffic = new TrafficLog();
    let r: RunResult;
    try {
      r = await run({ out, dir, key, traffic, signal: stop.signal });
    } finally {
      out.clear();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    const w = writeCertification(r.report, dir, name, {
      meta: evidenceMeta(r.report, r.evidence),
      key,
      traffic,
    });
    const report = r.report;
    const n = report.summary;
    const verdict = report.interrupted ? "INTERRUPTED" : report.passed ? "PASSED" : "FAILED";
    if (r.preamble) out.line(r.preamble);
    printSummary(out, report);
    out.line(
      `\n${verdict}: ${report.command} — ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped (${report.durationMs} ms)${
        report.interrupted ? `; stopped early (${report.interrupted}), the reports are partial` : ""
      }.`,
    );
    out.line(`Reports:  ${w.html}\n          ${w.junit}\n          ${w.json}\n          ${w.har}`);
    out.line(
      `Evidence: ${w.evidence.certificate}\n          ${w.evidence.json} (signed by ${key.fingerprint})`,
    );
    if (flags.json)
      process.stdout.write(
        `${JSON.stringify(
          {
            verdict: verdict.toLowerCase(),
            passed: report.passed,
            command: report.command,
            summary: n,
            ...(report.interrupted ? { interrupted: report.interrupted } : {}),
            out: dir,
            files: {
              html: w.html,
              junit: w.junit,
              json: w.json,
              har: w.har,
              certificate: w.evidence.certificate,
              evidence: w.evidence.json,
              signature: w.evidence.sig,
            },
            keyFingerprint: key.fingerprint,
            results: w.evidence.evidence.results,
            failures: failureGroups(report).map((g) => ({ rule: g.rule, cases: g.cases, replay: g.replay })),
          },
          null,
          2,
        )}\n`,
      );
    process.exitCode = report.passed ? EXIT.passed : EXIT.failed;
  } catch (e) {
    out.clear();
    fail(e);
  }
}

const caseLine = (c: CertifyCase) =>
  `${c.status === "fail" ? "✗" : c.status === "skip" ? "-" : "✓"} ${c.name}${c.details?.status ? ` → HTTP ${c.details.status}` : ""}`;

/**
 * Registers `certify chain|producer|consumer|verify` on the program: flags in, an options object
 * to the suite, reports and a signed evidence bundle written to `--out`, an exit code out
 * (0 passed, 1 failed or altered, 2 bad input).
 *
 * @example
 * registerCertify(new Command("ssbtek-harness"), "Run certification suites");
 */
export function registerCertify(program: Command, description: string): void {
  const certify = program.command("certify").description(description);

  addCommon(
    certify
      .command("chain")
      .description(
        "Certify the whole chain end to end on the embedded simulators: every persona, every section, sampled fault subsets, SLA figures",
      )
      .option(
        "--seed <n>",
        "seed of the population, the simulators and the fault subsets",
        int("--seed", 0),
        1,
      )
      .option("--clock <iso>", "the simulated clock (default: now; a replay passes the run's)", clock)
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
      ),
  ).action(
    (
      o: CommonFlags & {
        seed: number;
        clock?: Date;
        faultSubsets: number;
        contract: string;
        consumers?: string;
      },
    ) => (o.consumers ? certifyBlandad(o, o.consumers) : certifyHelaKedjan(o)),
  );

  const certifyBlandad = (o: CommonFlags & { contract: string }, consumers: string) =>
    certifyRun(o, reportName("certify chain", o.contract, "consumers", consumers), async ({ out }) => {
      const bo = blandadOptions(o.contract, consumers);
      out.line(
        `certify chain: the reference ${bo.consumers} consumer interactions against the ${bo.contract} service…`,
      );
      const { rader, report, klocka } = await certifyBlandadKedja(bo);
      return {
        report,
        preamble: formatBlandad(bo, rader),
        evidence: {
          suite: "chain",
          contractVersion: bo.contract,
          clock: klocka,
          options: { contract: bo.contract, consumers: bo.consumers },
          systemUnderTest: {
            role: "chain",
            name: `ssbtek-harness embedded chain speaking ${bo.contract}, replayed by ${bo.consumers} consumers`,
          },
          results: blandadResults(rader),
        },
      };
    });

  const certifyHelaKedjan = (
    o: CommonFlags & { seed: number; clock?: Date; faultSubsets: number; contract: string },
  ) =>
    certifyRun(o, reportName("certify chain"), async ({ out, traffic, signal }) => {
      const contract = blandadOptions(o.contract, o.contract).contract;
      const total = PERSONAS.length + o.faultSubsets;
      out.line(
        `certify chain: every persona through the composite service (${contract}), then ${o.faultSubsets} fault subsets (seed ${o.seed})…`,
      );
      let done = 0;
      const startedAt = new Date();
      const t0 = performance.now();
      const at = o.clock;
      const report = await certifyChain(
        {
          seed: o.seed,
          faultSubsets: o.faultSubsets,
          contract,
          ...(at ? { now: () => new Date(at) } : {}),
          traffic,
          signal,
          ...(o.timeout !== undefined ? { runTimeoutMs: o.timeout } : {}),
          onStorning: (r) =>
            out.progress(
              `[${++done}/${total}] fault subset #${r.nr} ${Object.entries(r.fel)
                .map(([k, f]) => `${k}=${f}`)
                .join(" ")} → ${r.fynd.length ? "✗" : "✓"} (${r.ms} ms)`,
            ),
        },
        (r) =>
          out.progress(
            `[${++done}/${total}] ${r.personaId} (${r.person}) → ${r.fynd.length ? "✗" : "✓"} HTTP ${r.status} (${r.ms} ms)`,
          ),
      );
      const cert = chainCertifyReport(report, startedAt, performance.now() - t0);
      return {
        report: cert,
        preamble: formatChainTable(report),
        evidence: {
          suite: "chain",
          contractVersion: contract,
          clock: report.klocka,
          options: {
            seed: o.seed,
            faultSubsets: o.faultSubsets,
            contract,
            ...(o.timeout !== undefined ? { timeoutMs: o.timeout } : {}),
          },
          systemUnderTest: {
            role: "chain",
            name: "ssbtek-harness embedded chain (composite service + seven simulated bastjänster)",
          },
          results: chainResults(report),
        },
      };
    });

  addCommon(
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
        "--answer-timeout <duration>",
        "give up on one answer after this long (a hang)",
        duration("--answer-timeout", "ms"),
        12_000,
      )
      .option(
        "--persona <id>",
        "only this persona (repeatable; ids from `ssbtek-harness personas`)",
        collect,
        [],
      )
      .option("--clock <iso>", "the clock the asked period is taken from (default: now)", clock)
      .option(
        "--contract <version>",
        "the contract SSBT asks in: v10, v11 or utkast (AF's draft extension)",
        "v10",
      ),
  ).action(
    (
      o: CommonFlags & {
        contract: string;
        bastjanst: string;
        url: string;
        budget: number;
        answerTimeout: number;
        persona: string[];
        clock?: Date;
      },
    ) => {
      let kod: ReturnType<typeof bastjanstKod>;
      let contract: KontraktVersion;
      try {
        kod = bastjanstKod(o.bastjanst);
        contract = blandadOptions(o.contract, o.contract).contract;
      } catch (e) {
        fail(e);
      }
      return certifyRun(o, reportName("certify producer", kod), async ({ out, traffic, signal }) => {
        out.line(`certify producer: ${kod} at ${o.url} (budget ${o.budget} ms)…`);
        const klocka = o.clock ?? new Date();
        const report = await certifyProducer({
          bastjanst: kod,
          url: o.url,
          contract,
          budgetMs: o.budget,
          timeoutMs: o.answerTimeout,
          ...(o.persona.length ? { personas: o.persona } : {}),
          now: () => new Date(klocka),
          traffic,
          signal,
          ...(o.timeout !== undefined ? { runTimeoutMs: o.timeout } : {}),
          onExchange: (e) => out.progress(`[${e.done}/${e.total}] ${e.name} → ${e.status} (${e.ms} ms)`),
        });
        return {
          report,
          evidence: {
            suite: "producer",
            contractVersion: contract,
            clock: klocka.toISOString(),
            options: {
              bastjanst: kod,
              contract,
              budgetMs: o.budget,
              answerTimeoutMs: o.answerTimeout,
              ...(o.persona.length ? { personas: o.persona } : {}),
              ...(o.timeout !== undefined ? { timeoutMs: o.timeout } : {}),
            },
            systemUnderTest: { role: "producer", name: BASTJANST_PROVIDER[kod], url: o.url },
            results: producerResults(kod, report),
          },
        };
      });
    },
  );

  addCommon(
    certify
      .command("consumer")
      .description(
        "Certify a verksamhetssystem: --pact FILE verifies its pact against the reference SSBT; --record checks every request it sends; --write-pacts DIR writes the reference pacts",
      )
      .option("--pact <file>", "the vendor's Pact file to verify against the reference SSBT")
      .option("--record", "run the simulator and report every request that breaks a field rule")
      .option(
        "--session",
        "a certification session: a checklist your verksamhetssystem must perform against the simulator, ticked live",
      )
      .option(
        "--write-pacts <dir>",
        "write the reference pacts (verksamhetssystem → SSBT → bastjänster) and exit",
      )
      .option(
        "--name <system>",
        "the verksamhetssystem's name in the evidence (--record, --session)",
        VERKSAMHETSSYSTEM,
      )
      .option(
        "--port <port>",
        "TCP port for --record / --session (0 = any free port)",
        int("--port", 0),
        8080,
      )
      .option("--host <host>", "interface to bind for --record / --session", "127.0.0.1")
      .option("--seed <n>", "seed of the simulators", int("--seed", 0))
      .option(
        "--clock <iso>",
        "the simulated clock (default: the pacts' reference clock for --pact, now for --record)",
        clock,
      )
      .option("--max-requests <n>", "--record: stop after this many requests", int("--max-requests", 1))
      .option(
        "--duration <seconds>",
        "--record / --session: stop after this long (90, 90s, 2m)",
        duration("--duration", "s"),
      ),
  ).action(
    async (
      o: CommonFlags & {
        pact?: string;
        record?: boolean;
        session?: boolean;
        writePacts?: string;
        name: string;
        port: number;
        host: string;
        seed?: number;
        clock?: Date;
        maxRequests?: number;
        duration?: number;
      },
    ) => {
      const modes = [o.pact, o.record, o.session, o.writePacts].filter(Boolean).length;
      if (modes !== 1) {
        console.error(
          "Error: pass exactly one of --pact FILE, --record, --session or --write-pacts DIR. Run `ssbtek-harness certify consumer --help` for usage.",
        );
        process.exit(EXIT.usage);
      }
      if (o.writePacts) {
        try {
          checkOutDir(o.writePacts);
          const { skrivReferensPacter } = await import("../suites/consumer/referens-pacter.js");
          const pacts = await skrivReferensPacter({ dir: o.writePacts });
          if (o.json) process.stdout.write(`${JSON.stringify(pacts, null, 2)}\n`);
          else
            for (const p of pacts)
              console.log(
                `${p.fil}  (${p.consumer} → ${p.provider}, ${p.interaktioner.length} interactions)`,
              );
          return;
        } catch (e) {
          fail(e);
        }
      }
      const at = o.clock;
      if (o.pact) {
        const pact = o.pact;
        return certifyRun(o, reportName("certify consumer pact"), async ({ out, dir }) => {
          out.line(`certify consumer: verifying ${pact} against the reference SSBT…`);
          // Loaded only here: the Pact verifier is a heavy native package the other commands never need.
          const { certifyConsumerPact } = await import("../suites/consumer/certify-consumer-pact.js");
          const verifierLog = join(dir, "pact-verifier.log");
          const report = await certifyConsumerPact({
            pact,
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
            ...(at ? { now: () => new Date(at) } : {}),
            verifierLog,
          });
          out.line(`The verifier's own output: ${verifierLog}`);
          const extra = (report.extra ?? {}) as { consumer?: string; provider?: string };
          const consumer = extra.consumer ?? "(unnamed consumer)";
          const provider = extra.provider ?? SSBT;
          return {
            report,
            evidence: {
              suite: "consumer-pact",
              clock: (at ?? new Date(report.startedAt)).toISOString(),
              options: { pact, ...(o.seed !== undefined ? { seed: o.seed } : {}) },
              systemUnderTest: { role: "consumer", name: consumer },
              results: [{ consumer, provider, verdict: report.passed ? "passed" : "failed" }],
            },
          };
        });
      }
      if (o.session)
        return certifyRun(o, reportName("certify consumer session"), async ({ out, traffic, signal }) => {
          const s = await startConsumerSession({
            port: o.port,
            host: o.host,
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
            ...(at ? { now: () => new Date(at) } : {}),
            ...(o.duration !== undefined ? { durationS: o.duration / 1000 } : {}),
            traffic,
            onItem: (item, all) =>
              out.line(`  ✓ [${all.filter((i) => i.done).length}/${all.length}] ${item.id}: ${item.text}`),
            onCase: (c) => {
              if (c.status !== "fail") return;
              out.line(`  ✗ ${c.name}: the request is not valid, it performs no item`);
              for (const f of c.findings.slice(0, 3)) out.line(`      ${f.rule}: ${f.message}`);
            },
          });
          signal.addEventListener("abort", () => void s.stop(String(signal.reason)), { once: true });
          if (o.timeout !== undefined)
            setTimeout(() => void s.stop(`--timeout ${o.timeout} ms`), o.timeout).unref();
          out.line(`certify consumer --session: point your verksamhetssystem at ${s.ssbtek} and perform:`);
          for (const i of s.checklist) out.line(`  ☐ ${i.id}: ${i.text}`);
          out.line("The session ends when every item is done validly, or on Ctrl+C / SIGTERM / --duration.");
          const report = await s.done;
          return {
            report,
            evidence: {
              suite: "consumer-session",
              clock: (at ?? new Date(report.startedAt)).toISOString(),
              options: {
                port: o.port,
                ...(o.seed !== undefined ? { seed: o.seed } : {}),
                ...(o.duration !== undefined ? { durationMs: o.duration } : {}),
              },
              systemUnderTest: { role: "consumer", name: o.name, url: s.ssbtek },
              results: [{ consumer: o.name, provider: SSBT, verdict: report.passed ? "passed" : "failed" }],
            },
          };
        });
      return certifyRun(o, reportName("certify consumer record"), async ({ out, traffic, signal }) => {
        const rec = await startConsumerRecording({
          port: o.port,
          host: o.host,
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
          ...(at ? { now: () => new Date(at) } : {}),
          ...(o.maxRequests !== undefined ? { maxRequests: o.maxRequests } : {}),
          ...(o.duration !== undefined ? { durationS: o.duration / 1000 } : {}),
          traffic,
          onCase: (c) => {
            out.line(`  ${caseLine(c)}`);
            for (const f of c.findings.slice(0, 3)) out.line(`      ${f.rule}: ${f.message}`);
          },
        });
        // A stop signal ends the recording normally: the report covers what was recorded.
        signal.addEventListener("abort", () => void rec.stop(String(signal.reason)), { once: true });
        if (o.timeout !== undefined)
          setTimeout(() => void rec.stop(`--timeout ${o.timeout} ms`), o.timeout).unref();
        out.line(`certify consumer --record: point your verksamhetssystem at ${rec.ssbtek}`);
        const limits = [
          o.maxRequests !== undefined ? `${o.maxRequests} requests` : "",
          o.duration !== undefined ? `${o.duration / 1000} s` : "",
        ].filter(Boolean);
        out.line(`Recording until ${limits.length ? `${limits.join(" or ")}, or ` : ""}Ctrl+C / SIGTERM…`);
        const report = await rec.done;
        return {
          report,
          evidence: {
            suite: "consumer-record",
            clock: (at ?? new Date(report.startedAt)).toISOString(),
            options: {
              port: o.port,
              ...(o.seed !== undefined ? { seed: o.seed } : {}),
              ...(o.maxRequests !== undefined ? { maxRequests: o.maxRequests } : {}),
              ...(o.duration !== undefined ? { durationMs: o.duration } : {}),
            },
            systemUnderTest: { role: "consumer", name: o.name, url: rec.ssbtek },
            results: [{ consumer: o.name, provider: SSBT, verdict: report.passed ? "passed" : "failed" }],
          },
        };
      });
    },
  );

  certify
    .command("verify")
    .description("Check an evidence bundle: the signature over evidence.json and the digest of every file")
    .argument("<dir>", "the --out folder of a certify run")
    .option(
      "--public-key <file>",
      "the signer's public key (PEM); without it the key in evidence.json is used",
    )
    .option("--json", "print the result as JSON on stdout")
    .action((dir: string, o: { publicKey?: string; json?: boolean }) => {
      try {
        let publicKey: string | undefined;
        if (o.publicKey) {
          try {
            publicKey = readFileSync(o.publicKey, "utf8");
          } catch (e) {
            throw new HarnessError(
              "BAD_OPTION",
              `Cannot read --public-key ${o.publicKey}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass the signer's PEM public key.`,
            );
          }
        }
        const v = verifyEvidence(dir, publicKey !== undefined ? { publicKey } : {});
        const e = v.evidence;
        if (o.json)
          process.stdout.write(
            `${JSON.stringify(
              {
                ok: v.ok,
                problems: v.problems,
                keyFingerprint: v.keyFingerprint,
                ...(e
                  ? {
                      verdict: e.verdict,
                      command: e.command,
                      systemUnderTest: e.systemUnderTest,
                      results: e.results,
                    }
                  : {}),
              },
              null,
              2,
            )}\n`,
          );
        else if (v.ok) {
          console.log(
            `VERIFIED: ${dir} — signature by ${v.keyFingerprint} holds, ${Object.keys(e!.files).length} files intact.`,
          );
          console.log(
            `  ${e!.command} of ${e!.systemUnderTest.name}: ${e!.verdict.toUpperCase()} (${e!.endedAt}, contract ${e!.contract.version})`,
          );
          if (!publicKey)
            console.log(
              "  Checked with the key evidence.json names: pass --public-key with the signer's key to know who signed it.",
            );
        } else {
          console.log(`ALTERED: ${dir} — ${v.problems.length} problem(s):`);
          for (const p of v.problems) console.log(`  ✗ ${p}`);
        }
        process.exitCode = v.ok ? EXIT.passed : EXIT.failed;
      } catch (e) {
        fail(e);
      }
    });

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
          const sida = (version?: string, xsd?: string, openapi?: string) => ({
            ...(version ? { version } : {}),
            ...(xsd ? { xsd } : {}),
            ...(openapi ? { openapi } : {}),
          });
          const r = certifyCompat({
            from: sida(o.from, o.fromXsd, o.fromOpenapi),
            to: sida(o.to, o.toXsd, o.toOpenapi),
          });
          console.log(o.json ? JSON.stringify(r, null, 2) : formatCompat(r));
          if (o.out) {
            const w = writeReports(
              compatCertifyReport(r, startedAt, performance.now() - t0),
              checkOutDir(o.out),
              reportName("certify compat"),
            );
            if (!o.json) console.log(`Reports: ${w.html}\n         ${w.junit}\n         ${w.json}`);
          }
          process.exitCode = r.brytandeForKonsumenter ? EXIT.failed : EXIT.passed;
        } catch (e) {
          fail(e);
        }
      },
    );

  certify
    .command("gate")
    .description(
      "can-i-deploy: verify every evidence bundle and print the consumers × providers matrix for a contract version; exit 0 only when every required integration is verified and passed",
    )
    .requiredOption("--contract <version>", "the contract version to release: v10, v11 or utkast")
    .requiredOption(
      "--evidence <dir...>",
      "evidence bundles (the --out folders of certify runs), or folders holding them",
    )
    .option("--policy <file>", "JSON release policy: required integrations, consumers, trusted keys")
    .option("--json", "print the result as JSON (Pact Broker can-i-deploy shape)")
    .action((o: { contract: string; evidence: string[]; policy?: string; json?: boolean }) => {
      try {
        const r = canIDeploy({
          contract: o.contract,
          evidence: o.evidence,
          ...(o.policy ? { policy: readPolicy(o.policy) } : {}),
        });
        console.log(o.json ? JSON.stringify(brokerJson(r), null, 2) : formatGate(r));
        process.exitCode = r.deployable ? EXIT.passed : EXIT.failed;
      } catch (e) {
        fail(e);
      }
    });
}
