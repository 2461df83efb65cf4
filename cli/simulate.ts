import { HarnessError, isHarnessError } from "../contract/errors.js";
import { BASTJANSTER, type BastjanstKod } from "../contract/ssbt/model.js";
import { isLoopback } from "../simulators/admin/guard.js";
import { createKonsol } from "../simulators/console/index.js";
import {
  type FaultMap,
  formatFaults,
  parseDuration,
  parseFaultAssignment,
} from "../simulators/faults/fault.js";
import type { LogLevel } from "../simulators/logging/event-log.js";
import { createObservability } from "../simulators/observability.js";
import type { SimulateOptions } from "../simulators/options.js";
import { type RunningSimulator, type StopResult, startSimulator } from "../simulators/server.js";

/** Parses repeatable `KOD=URL` flags into an upstream map. */
export function parseUpstreams(values: readonly string[]): Partial<Record<BastjanstKod, string>> {
  const out: Partial<Record<BastjanstKod, string>> = {};
  for (const v of values) {
    const i = v.indexOf("=");
    const kod = v.slice(0, i).toUpperCase();
    if (i < 1 || !(BASTJANSTER as readonly string[]).includes(kod))
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid --upstream "${v}": use KOD=URL with KOD one of ${BASTJANSTER.join(", ")}.`,
      );
    if (out[kod as BastjanstKod] !== undefined)
      throw new HarnessError("BAD_OPTION", `--upstream ${kod} is given twice; give one URL per bastjänst.`);
    out[kod as BastjanstKod] = v.slice(i + 1);
  }
  return out;
}

/**
 * Parses repeatable `--fault KOD=FAULT` flags (`MIV=down`, `CSN=slow:15s`, `AF=error:502`,
 * `FK=malformed`, `SKV=fault`, `SO=closed`).
 *
 * @example
 * parseFaultFlags(["MIV=down"]) // { MIV: { kind: "down" } }
 */
export function parseFaultFlags(values: readonly string[]): FaultMap {
  const out: FaultMap = {};
  for (const v of values) {
    try {
      const [kod, fault] = parseFaultAssignment(v);
      if (out[kod])
        throw new HarnessError("BAD_FAULT", `${kod} is given twice; give one --fault per bastjänst.`);
      out[kod] = fault;
    } catch (e) {
      if (isHarnessError(e)) throw new HarnessError("BAD_OPTION", `Invalid --fault "${v}": ${e.message}`);
      throw e;
    }
  }
  return out;
}

/**
 * Parses repeatable `--deadline` flags: a plain duration sets every bastjänst (`10s`, `8000`),
 * `KOD=duration` one of them (`FK=11s`).
 *
 * @example
 * parseDeadlines(["8s", "FK=11s"]) // { deadlineMs: 8000, deadlines: { FK: 11000 } }
 */
export function parseDeadlines(values: readonly string[]): Pick<SimulateOptions, "deadlineMs" | "deadlines"> {
  const out: { deadlineMs?: number; deadlines: Partial<Record<BastjanstKod, number>> } = { deadlines: {} };
  for (const v of values) {
    const i = v.indexOf("=");
    const kod = i < 0 ? undefined : v.slice(0, i).toUpperCase();
    if (kod !== undefined && !(BASTJANSTER as readonly string[]).includes(kod))
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid --deadline "${v}": use a duration (10s) or KOD=duration with KOD one of ${BASTJANSTER.join(", ")}.`,
      );
    const ms = parseDuration(i < 0 ? v : v.slice(i + 1), { bareMs: true });
    if (ms === undefined || ms <= 0)
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid --deadline "${v}": give a duration > 0 such as 10s, 8000 (ms) or FK=11s.`,
      );
    if (kod === undefined) out.deadlineMs = ms;
    else out.deadlines[kod as BastjanstKod] = ms;
  }
  return out.deadlineMs === undefined
    ? { deadlines: out.deadlines }
    : { deadlineMs: out.deadlineMs, deadlines: out.deadlines };
}

/** A `simulate` run: the server, and how to stop it (printing the service-level summary). */
export interface SimulateRun {
  sim: RunningSimulator;
  /** Drains (at most `drainMs`), prints the summary, closes. Idempotent. */
  stop(o?: { drainMs?: number }): Promise<StopResult>;
}

/**
 * Starts the simulator with SLA metrics and the event log, and prints its endpoints (`print`) and
 * anything the operator must act on — the admin token, an exposed interface — (`warn`, stderr).
 * The caller decides when to stop it; stopping drains, then prints the service-level summary.
 */
export async function runSimulate(
  options: SimulateOptions,
  print: (line: string) => void,
  logging: { logLevel?: LogLevel } = {},
  warn: (line: string) => void = print,
): Promise<SimulateRun> {
  const obs = createObservability(logging.logLevel ? { logLevel: logging.logLevel } : {});
  const konsol = createKonsol();
  const sim = await startSimulator(options, {
    onUtfall: (u, request) => {
      obs.onUtfall(u);
      konsol.onUtfall(u, request);
    },
    onLeverans: obs.onLeverans,
    adminHandlers: () => [...obs.adminHandlers(), ...konsol.adminHandlers()],
    bastjanst: konsol.bastjanst,
  });
  konsol.anslut(sim.chain, { ssbtek: sim.ssbtek });
  obs.log.serverStart({ url: sim.url });
  print(`SSBTEK simulator listening on ${sim.url}`);
  print(`  composite service (SOAP 1.1): ${sim.ssbtek}   WSDL: ${sim.ssbtek}?wsdl`);
  print(
    `  per version:                  ${sim.url}/ssbtek/v10   ${sim.url}/ssbtek/v11   ${sim.url}/ssbtek/utkast (draft)`,
  );
  for (const kod of BASTJANSTER) print(`  ${kod.padEnd(4)} ${sim.upstreams[kod]}`);
  const c = sim.chain.control;
  print(`  timing: profile ${c.profile}, time scale ${c.timeScale}, clock ${c.now().toISOString()}`);
  const faults = Object.entries(formatFaults(c.faults())).map(([k, f]) => `${k}=${f}`);
  if (faults.length) print(`  faults: ${faults.join(" ")}`);
  if (sim.chain.context.dialekt === "observed")
    print("  dialect: observed (the shapes real producers send, see docs/dialects.md)");
  const scenario = sim.chain.scenario;
  if (scenario)
    print(
      `  scenario: ${scenario.source}${scenario.description ? ` — ${scenario.description}` : ""}${scenario.personas?.length ? ` (personas: ${scenario.personas.join(", ")})` : ""}`,
    );
  if (sim.admin.enabled) {
    print(
      `  admin: ${sim.url}/__admin/upstreams  ${sim.url}/__admin/faults  ${sim.url}/__admin/timing  POST ${sim.url}/__admin/reset`,
    );
    print(`  metrics: ${sim.url}/__admin/metrics  (?format=text)`);
    print(
      `  web console: ${sim.url}/__console${sim.admin.token !== undefined ? "?token=<token> (the token goes into a cookie)" : ""}`,
    );
    if (sim.admin.token !== undefined)
      print("  admin API requires a token: send Authorization: Bearer <token> (see docs/operating.md)");
  } else print("  admin API: off (--no-admin)");
  if (!isLoopback(options.host ?? "127.0.0.1"))
    warn(
      `Warning: listening on ${options.host}, reachable from other machines. The composite service and bastjänster are open to anyone who can reach the port; ${sim.admin.enabled ? "the admin API requires the token" : "the admin API is off"}. See docs/operating.md.`,
    );
  if (sim.admin.tokenGenerated) warn(`Admin token (generated for this run): ${sim.admin.token}`);
  print("Press Ctrl+C to stop.");
  let stopped: Promise<StopResult> | undefined;
  return {
    sim,
    stop: (o = {}) =>
      (stopped ??= (async () => {
        const r = await sim.close(o);
        print(obs.summary());
        if (!r.drained) print(`  ${r.cutOff} request(s) still open at the drain limit were cut off.`);
        obs.close({ ...(r.drained ? {} : { avbrutna: String(r.cutOff) }) });
        return r;
      })()),
  };
}
