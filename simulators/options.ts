import { HarnessError } from "../contract/errors.js";
import { parseHttpUrl } from "../contract/http-url.js";
import { type BastjanstKod, KONTRAKT_VERSIONER, type KontraktVersion } from "../contract/ssbt/model.js";
import { type AdmissionLimits, resolveAdmission } from "./admission.js";
import type { BastjanstSimulator } from "./bastjanst.js";
import { type Dialekt, parseDialekt } from "./dialekt.js";
import { type FaultMap, parseFaults } from "./faults/fault.js";
import { loadScenario, parseScenario, type Scenario } from "./faults/scenario.js";
import { REGISTRERADE } from "./registry.js";
import { checkTiming, parseOutsideHoursPolicy, parseTimingOverrides } from "./timing/overrides.js";
import {
  mergeTiming,
  type OutsideHoursPolicy,
  TIMING_PROFILES,
  type TimingConfig,
  type TimingOverrides,
  type TimingProfile,
  timingProfile,
} from "./timing/profiles.js";

/**
 * Options of the simulated chain. All optional; {@link resolveOptions} fills in the defaults.
 */
export interface SimulateOptions {
  /** TCP port. Default 8080; 0 picks a free port. */
  port?: number;
  /** Interface to bind. Default "127.0.0.1". */
  host?: string;
  /** Seed of the population and every simulator. Default 1. */
  seed?: number;
  /** Compresses every simulated delay: 0 = none, 1 = real time. Default 0. */
  timeScale?: number;
  /** Contract served at `/ssbtek`. Default "v10". Both are always served at `/ssbtek/v10` and `/ssbtek/v11`. */
  contract?: KontraktVersion;
  /**
   * How the simulated bastjänster shape their answers: "strict" (as the official schemas say) or
   * "observed" (the shapes real producers are known to send; see docs/dialects.md). Default "strict".
   */
  dialect?: Dialekt;
  /** Real bastjänst endpoints to call instead of the simulators, e.g. `{ CSN: "https://…" }`. */
  upstreams?: Partial<Record<BastjanstKod, string>>;
  /**
   * Deadline of the composite service for every bastjänst, in simulated ms. Default 10 000: fits
   * the 12 s SLA with 2 s left to compile and send the answer.
   */
  deadlineMs?: number;
  /** Per-bastjänst deadlines overriding `deadlineMs`, e.g. `{ FK: 11_000 }`. */
  deadlines?: Partial<Record<BastjanstKod, number>>;
  /** The simulated clock. Default: the scenario's `clock` (frozen), else real time. */
  now?: () => Date;
  /**
   * Timing defaults: "fast" (no delays, always open, no background errors) or "realistic"
   * (documented latencies, month-end peak, background errors). Default: the scenario's profile,
   * else "fast". The `simulate` command defaults to "realistic".
   */
  profile?: TimingProfile;
  /** Overrides of the profile's timing (applied after the scenario's). */
  timing?: TimingOverrides;
  /** What a bastjänst does outside opening hours (Mon–Fri 08–17): answer, slow or unavailable. */
  outsideHours?: OutsideHoursPolicy;
  /**
   * Injected faults: `{ MIV: "down", CSN: "slow:15s" }`, `["MIV=down"]` or parsed {@link FaultMap}.
   * Added to the scenario's faults (these win for the same bastjänst).
   */
  faults?: FaultMap | Record<string, string> | readonly string[];
  /** A scenario file path, or a parsed scenario: clock, personas, faults, timing. */
  scenario?: string | Scenario;
  /** Largest accepted request body in bytes. Default 5 MiB. */
  maxBodyBytes?: number;
  /** Serve the admin API (and web console). Default true; `--no-admin` turns them off. */
  admin?: boolean;
  /**
   * Token the admin API requires (`Authorization: Bearer <token>`). Default: none on a loopback
   * host; on any other host one is generated at start (and printed by `simulate`).
   */
  adminToken?: string;
  /** More host names the admin API answers to (a DNS name of the test machine). Default none. */
  adminHosts?: readonly string[];
  /** Composite requests handled at once. Default 1 024 (`simulate`: 128). */
  maxInFlight?: number;
  /** Composite requests that may wait for a place. Default 100 000 (`simulate`: 128). */
  maxWaiting?: number;
  /** Longest wait for a place, in ms; then 503 SSBT-3001. Default 60 000 (`simulate`: 250). */
  maxWaitMs?: number;
  /** Event-loop lag in ms above which new composite requests are refused (CPU saturated). Default 0 (off); `simulate` uses 150. */
  maxLagMs?: number;
  /** Most simultaneous connections. Default 768. */
  maxConnections?: number;
  /** Time a client has to send its request headers (slowloris defence), in ms. Default 10 000. */
  headersTimeoutMs?: number;
  /**
   * The simulated bastjänster, in contract order: their endpoints, sections of the composite
   * contract, timing and deadlines. Default: the registry (simulators/registry.ts). A test passes
   * the seven and a throw-away eighth.
   */
  bastjanster?: readonly BastjanstSimulator[];
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  timeScale: number;
  contract: KontraktVersion;
  dialect: Dialekt;
  upstreams: Partial<Record<BastjanstKod, string>>;
  deadlineMs: number;
  /** Deadline per bastjänst in simulated ms. */
  deadlines: Record<BastjanstKod, number>;
  now: () => Date;
  maxBodyBytes: number;
  profile: TimingProfile;
  /** Startup timing: profile ⊕ scenario ⊕ `timing` ⊕ `outsideHours`. */
  timing: TimingConfig;
  /** Startup faults: scenario ⊕ `faults`. */
  faults: FaultMap;
  scenario?: Scenario;
  admin: { enabled: boolean; token?: string; hosts: readonly string[] };
  admission: AdmissionLimits;
  maxConnections: number;
  headersTimeoutMs: number;
  /** The simulated bastjänster, in contract order. */
  bastjanster: readonly BastjanstSimulator[];
}

/**
 * Fills in defaults and checks every option, with a message that says what to do.
 *
 * @example
 * resolveOptions({ port: 0, seed: 7 }).contract // "v10"
 */
export function resolveOptions(o: SimulateOptions = {}): ResolvedOptions {
  const port = o.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HarnessError("BAD_OPTION", `Invalid port ${port}: pass --port with a number 0-65535.`);
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed))
    throw new HarnessError("BAD_OPTION", `Invalid seed ${seed}: pass --seed with an integer.`);
  const timeScale = o.timeScale ?? 0;
  if (!(timeScale >= 0) || !Number.isFinite(timeScale))
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid time scale ${timeScale}: pass --time-scale with a number ≥ 0 (0 = no delays, 1 = real time).`,
    );
  const contract = o.contract ?? "v10";
  if (!KONTRAKT_VERSIONER.includes(contract))
    throw new HarnessError(
      "BAD_OPTION",
      `Unknown contract ${String(contract)}: pass --contract ${KONTRAKT_VERSIONER.join(", ")}.`,
    );
  const bastjanster = o.bastjanster ?? REGISTRERADE;
  const koder: readonly string[] = bastjanster.map((s) => s.kod);
  const dialect = parseDialekt(o.dialect ?? "strict");
  const upstreams = o.upstreams ?? {};
  for (const [kod, url] of Object.entries(upstreams)) {
    if (!koder.includes(kod))
      throw new HarnessError(
        "BAD_OPTION",
        `Unknown bastjänst ${kod} in --upstream: use one of ${koder.join(", ")}.`,
      );
    parseHttpUrl(
      url as string,
      `Upstream URL for ${kod}`,
      `Invalid upstream URL for ${kod}: "${url}". Pass --upstream ${kod}=https://host/path.`,
    );
  }
  const deadlineMs = o.deadlineMs ?? 10_000;
  if (!(deadlineMs > 0) || !Number.isFinite(deadlineMs))
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid deadline ${deadlineMs} ms: pass --deadline with a duration > 0, e.g. 10s.`,
    );
  const deadlines = {} as Record<BastjanstKod, number>;
  for (const [kod, ms] of Object.entries(o.deadlines ?? {})) {
    if (!koder.includes(kod))
      throw new HarnessError(
        "BAD_OPTION",
        `Unknown bastjänst ${kod} in --deadline: use one of ${koder.join(", ")}.`,
      );
    if (!(typeof ms === "number" && ms > 0 && Number.isFinite(ms)))
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid deadline ${ms} ms for ${kod}: pass --deadline ${kod}=<duration > 0>, e.g. ${kod}=8s.`,
      );
  }
  for (const { kod } of bastjanster) deadlines[kod] = o.deadlines?.[kod] ?? deadlineMs;

  const scenario =
    typeof o.scenario === "string"
      ? loadScenario(o.scenario)
      : o.scenario
        ? parseScenarioAgain(o.scenario)
        : undefined;
  const profile = o.profile ?? scenario?.profile ?? "fast";
  if (!(TIMING_PROFILES as readonly string[]).includes(profile))
    throw new HarnessError(
      "BAD_OPTION",
      `Unknown profile ${String(profile)}: pass --profile ${TIMING_PROFILES.join(" or ")}.`,
    );
  let timing = mergeTiming(timingProfile(profile, bastjanster), scenario?.timing);
  if (o.timing) timing = mergeTiming(timing, parseTimingOverrides(o.timing, "timing", koder));
  if (o.outsideHours !== undefined)
    timing = mergeTiming(timing, {
      openingHours: { outside: parseOutsideHoursPolicy(o.outsideHours, "--outside-hours") },
    });
  checkTiming(timing);
  const faults: FaultMap = {
    ...scenario?.faults,
    ...(o.faults ? parseFaults(o.faults, "faults", koder) : {}),
  };
  for (const { kod } of bastjanster)
    if (faults[kod] && upstreams[kod])
      throw new HarnessError(
        "BAD_OPTION",
        `Cannot inject a fault into ${kod}: it is a real upstream (--upstream ${kod}=…). Faults apply to simulated bastjänster only.`,
      );
  if (o.adminToken !== undefined && !/^[\x21-\x7e]{16,200}$/.test(o.adminToken))
    throw new HarnessError(
      "BAD_OPTION",
      "Invalid --admin-token: use 16–200 printable characters without spaces (e.g. from `openssl rand -hex 24`).",
    );
  const adminHosts = (o.adminHosts ?? []).map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, ""),
  );
  for (const h of adminHosts)
    if (!/^[a-z0-9.:-]{1,253}$/.test(h))
      throw new HarnessError(
        "BAD_OPTION",
        `Invalid --admin-host "${h.slice(0, 40)}": give a host name or address.`,
      );
  const maxConnections = o.maxConnections ?? 768;
  if (!Number.isInteger(maxConnections) || maxConnections < 16 || maxConnections > 100_000)
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid --max-connections ${maxConnections}: give an integer 16–100000.`,
    );
  const headersTimeoutMs = o.headersTimeoutMs ?? 10_000;
  if (!Number.isInteger(headersTimeoutMs) || headersTimeoutMs < 500 || headersTimeoutMs > 120_000)
    throw new HarnessError(
      "BAD_OPTION",
      `Invalid headers timeout ${headersTimeoutMs} ms: give 500–120000 ms.`,
    );
  const admission = resolveAdmission({
    ...(o.maxInFlight !== undefined ? { maxInFlight: o.maxInFlight } : {}),
    ...(o.maxWaiting !== undefined ? { maxWaiting: o.maxWaiting } : {}),
    ...(o.maxWaitMs !== undefined ? { maxWaitMs: o.maxWaitMs } : {}),
    ...(o.maxLagMs !== undefined ? { maxLagMs: o.maxLagMs } : {}),
  });
  const clock = scenario?.clock ? new Date(scenario.clock) : undefined;
  const now = o.now ?? (clock ? () => new Date(clock) : () => new Date());
  return {
    port,
    host: o.host ?? "127.0.0.1",
    seed,
    timeScale,
    contract,
    dialect,
    upstreams,
    deadlineMs,
    deadlines,
    now,
    maxBodyBytes: o.maxBodyBytes ?? 5 * 1024 * 1024,
    profile,
    timing,
    faults,
    ...(scenario ? { scenario } : {}),
    admin: {
      enabled: o.admin ?? true,
      ...(o.adminToken !== undefined ? { token: o.adminToken } : {}),
      hosts: adminHosts,
    },
    admission,
    maxConnections,
    headersTimeoutMs,
    bastjanster,
  };
}

/** A scenario given as an object is validated like a file (its faults may still be text). */
function parseScenarioAgain(s: Scenario): Scenario {
  const { source, ...rest } = s;
  return parseScenario(rest, source);
}
