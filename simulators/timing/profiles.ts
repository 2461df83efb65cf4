import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { REGISTRERADE, SIMULATORER } from "../registry.js";
import type { LatencyParams } from "./lognormal.js";

/** What a bastjänst does outside opening hours. */
export type OutsideHoursPolicy = "answer" | "slow" | "unavailable";

export const OUTSIDE_HOURS_POLICIES: readonly OutsideHoursPolicy[] = ["answer", "slow", "unavailable"];

/** Named sets of defaults. */
export type TimingProfile = "realistic" | "fast";

export const TIMING_PROFILES: readonly TimingProfile[] = ["realistic", "fast"];

/** A planned outage: one bastjänst (or all, without `kod`) is closed from `from` (inclusive) to `tom` (exclusive). */
export interface Outage {
  kod?: BastjanstKod;
  /** ISO 8601 date-time with offset, e.g. "2026-11-28T18:00:00+01:00". */
  from: string;
  /** ISO 8601 date-time with offset, end of the window (exclusive). */
  tom: string;
  /** Why, shown in the error text (e.g. "release 10.4"). */
  reason?: string;
}

export interface OpeningHours {
  /** ISO weekdays that are open: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Opening time "HH:MM" (inclusive), local time. */
  from: string;
  /** Closing time "HH:MM" (exclusive), local time. */
  to: string;
  /** IANA time zone of the opening hours. */
  timeZone: string;
  /** What happens outside them. */
  outside: OutsideHoursPolicy;
  /** Latency multiplier when `outside` is "slow". */
  slowFactor: number;
}

/** The whole timing model of the simulated chain. */
export interface TimingConfig {
  /** Log-normal latency per bastjänst. */
  latency: Record<BastjanstKod, LatencyParams>;
  /** Month-end peak: from `fromDay` (local) to the last day of the month, latency × `factor`. */
  monthEnd: { fromDay: number; factor: number };
  openingHours: OpeningHours;
  /** Planned outage windows. */
  outages: Outage[];
  /** Probability per request that a bastjänst answers HTTP 500 (0–1). */
  errorRate: number;
  /** Probability per request that a bastjänst does not answer within the deadline (0–1). */
  timeoutRate: number;
}

/** Partial overrides of a {@link TimingConfig}, as in scenario files and `PUT /__admin/timing`. */
export interface TimingOverrides {
  latency?: Partial<Record<BastjanstKod, Partial<LatencyParams>>>;
  monthEnd?: Partial<TimingConfig["monthEnd"]>;
  openingHours?: Partial<OpeningHours>;
  /** Replaces the profile's list. */
  outages?: Outage[];
  errorRate?: number;
  timeoutRate?: number;
}

/**
 * Realistic latencies (ms). Reasons are in docs/timing-and-faults.md; LEFI (FK) is the slowest
 * because it fans out to Försäkringskassan and Pensionsmyndigheten behind one gateway.
 */
export const REALISTIC_LATENCY: Readonly<Record<BastjanstKod, LatencyParams>> = Object.fromEntries(
  BASTJANSTER.map((k) => [k, SIMULATORER[k].latens]),
) as Record<BastjanstKod, LatencyParams>;

const STOCKHOLM_HOURS: OpeningHours = {
  days: [1, 2, 3, 4, 5],
  from: "08:00",
  to: "17:00",
  timeZone: "Europe/Stockholm",
  outside: "answer",
  slowFactor: 2,
};

function perKod(
  bastjanster: readonly BastjanstSimulator[],
  p: (s: BastjanstSimulator) => LatencyParams,
): Record<BastjanstKod, LatencyParams> {
  return Object.fromEntries(bastjanster.map((s) => [s.kod, { ...p(s) }])) as Record<
    BastjanstKod,
    LatencyParams
  >;
}

/**
 * The defaults of a profile, as a fresh object. `realistic`: documented log-normal latencies,
 * month-end peak ×1.4 from the 20th, answering outside opening hours, 0.5 % errors and 0.2 %
 * timeouts. `fast`: no delay, no peak, always open, no background errors — for tests.
 *
 * @example
 * timingProfile("fast").errorRate // 0
 */
export function timingProfile(
  profile: TimingProfile,
  bastjanster: readonly BastjanstSimulator[] = REGISTRERADE,
): TimingConfig {
  if (profile === "fast")
    return {
      latency: perKod(bastjanster, () => ({ medianMs: 0, p95Ms: 0 })),
      monthEnd: { fromDay: 20, factor: 1 },
      openingHours: { ...STOCKHOLM_HOURS, days: [...STOCKHOLM_HOURS.days], outside: "answer" },
      outages: [],
      errorRate: 0,
      timeoutRate: 0,
    };
  return {
    latency: perKod(bastjanster, (s) => s.latens),
    monthEnd: { fromDay: 20, factor: 1.4 },
    openingHours: { ...STOCKHOLM_HOURS, days: [...STOCKHOLM_HOURS.days], outside: "answer" },
    outages: [],
    errorRate: 0.005,
    timeoutRate: 0.002,
  };
}

/**
 * Applies overrides to a config (a new object; the base is not changed). A latency override
 * that only gives `medianMs` keeps the base's p95/median ratio.
 *
 * @example
 * mergeTiming(timingProfile("fast"), { errorRate: 0.1 }).errorRate // 0.1
 */
export function mergeTiming(base: TimingConfig, o: TimingOverrides = {}): TimingConfig {
  const latency = { ...base.latency };
  for (const kod of BASTJANSTER) {
    const l = o.latency?.[kod];
    if (!l) continue;
    const b = base.latency[kod];
    const medianMs = l.medianMs ?? b.medianMs;
    const ratio = b.medianMs > 0 ? b.p95Ms / b.medianMs : 3;
    latency[kod] = { medianMs, p95Ms: l.p95Ms ?? Math.round(medianMs * ratio) };
  }
  return {
    latency,
    monthEnd: { ...base.monthEnd, ...o.monthEnd },
    openingHours: { ...base.openingHours, ...o.openingHours },
    outages: (o.outages ?? base.outages).map((x) => ({ ...x })),
    errorRate: o.errorRate ?? base.errorRate,
    timeoutRate: o.timeoutRate ?? base.timeoutRate,
  };
}
