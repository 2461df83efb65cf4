import { HarnessError } from "../../contract/errors.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { hashSeed } from "../population/rng.js";
import { checkTiming } from "../timing/overrides.js";
import {
  mergeTiming,
  type TimingConfig,
  type TimingOverrides,
  type TimingProfile,
} from "../timing/profiles.js";
import type { Fault, FaultMap } from "./fault.js";

/** Most distinct request fingerprints remembered for reproducible draws (least recently used go first). */
export const MAX_COUNTERS = 4096;
/** What the chain starts with; `reset()` goes back to exactly this. */
export interface ControlInit {
  seed: number;
  /** The simulated clock. */
  now: () => Date;
  /** 0 = no real waiting, 1 = real time. */
  timeScale: number;
  profile: TimingProfile;
  timing: TimingConfig;
  faults: FaultMap;
  /** Per-bastjänst deadline of the composite service, in simulated ms. */
  deadlineMs: Readonly<Record<BastjanstKod, number>>;
  /** Bastjänster served by a real upstream (--upstream): nothing can be injected there. */
  realUpstreams?: readonly BastjanstKod[];
  /** The chain's bastjänster, in contract order. Default: the contract's seven. */
  koder?: readonly string[];
}

/**
 * The live, changeable state of the timing and fault layer of one chain: injected faults, the
 * timing config, and the per-request counters that make latency draws reproducible. The admin
 * API changes it; `reset()` returns to the startup state (counters included, so the same
 * request sequence after a reset gives the same delays again).
 *
 * @example
 * const control = new SimulationControl({ seed: 1, now: () => new Date(), timeScale: 0, profile: "fast",
 *   timing: timingProfile("fast"), faults: {}, deadlineMs: { AF: 10_000, … } });
 * control.setFaults({ MIV: { kind: "down" } });
 */
export class SimulationControl {
  private currentFaults: FaultMap;
  private currentTiming: TimingConfig;
  private counters = new Map<string, number>();
  private readonly resetListeners = new Set<() => void>();

  /** How many request fingerprints are remembered (for tests of the bound). */
  get counterCount(): number {
    return this.counters.size;
  }

  constructor(private readonly init: ControlInit) {
    this.checkInjectable(init.faults);
    this.currentFaults = { ...init.faults };
    this.currentTiming = mergeTiming(init.timing);
  }

  /** The chain's bastjänster (what faults and timing may name), in contract order. */
  get koder(): readonly string[] {
    return this.init.koder ?? BASTJANSTER;
  }

  get seed(): number {
    return this.init.seed;
  }

  get timeScale(): number {
    return this.init.timeScale;
  }

  get profile(): TimingProfile {
    return this.init.profile;
  }

  /** The simulated "now". */
  now(): Date {
    return this.init.now();
  }

  /** The composite service's deadline for `kod`, in simulated ms. */
  deadlineMs(kod: BastjanstKod): number {
    return this.init.deadlineMs[kod];
  }

  /** Every injected fault. */
  faults(): FaultMap {
    return { ...this.currentFaults };
  }

  /** The fault injected for `kod`, if any. */
  fault(kod: BastjanstKod): Fault | undefined {
    return this.currentFaults[kod];
  }

  /** Replaces the injected faults. */
  setFaults(m: FaultMap): void {
    this.checkInjectable(m);
    this.currentFaults = { ...m };
  }

  /** Removes every injected fault (the timing model applies again). */
  clearFaults(): void {
    this.currentFaults = {};
  }

  /**
   * Whether the timing in force can only answer `kod` at once (no latency, no background errors
   * or timeouts, no outages, never closed): the `fast` profile. Then no draw can change anything.
   */
  inert(kod: BastjanstKod): boolean {
    const t = this.currentTiming;
    const l = t.latency[kod];
    return (
      l.medianMs === 0 &&
      l.p95Ms === 0 &&
      t.errorRate === 0 &&
      t.timeoutRate === 0 &&
      t.outages.length === 0 &&
      t.openingHours.outside !== "unavailable"
    );
  }

  /** The timing config in force. */
  timing(): TimingConfig {
    return mergeTiming(this.currentTiming);
  }

  /** Sets the timing to the startup config with these overrides applied (PUT semantics). */
  setTiming(o: TimingOverrides): void {
    const next = mergeTiming(this.init.timing, o);
    checkTiming(next);
    this.currentTiming = next;
  }

  /** Back to the startup faults, timing and request counters; then tells every {@link onReset} listener. */
  reset(): void {
    this.currentFaults = { ...this.init.faults };
    this.currentTiming = mergeTiming(this.init.timing);
    this.counters = new Map();
    for (const listener of this.resetListeners) listener();
  }

  /**
   * Calls `listener` after every {@link reset} (what else the chain keeps goes back too, e.g. the
   * web console's ring of exchanges). Returns the unsubscribe function.
   *
   * @example
   * const off = control.onReset(() => ring.clear());
   */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * The seed of one request's random stream: seed + kod + a fingerprint of the request + how
   * many identical requests came before it. Independent of how requests to different
   * bastjänster interleave, so parallel calls stay reproducible.
   */
  requestSeed(kod: BastjanstKod, fingerprint: string): number {
    const key = `${kod}\u0000${fingerprint}`;
    const n = this.counters.get(key) ?? 0;
    // Re-insert so the Map's order is least recently used first, then keep it bounded: real
    // traffic of distinct questions must not grow memory (nor keep traces of old questions).
    this.counters.delete(key);
    this.counters.set(key, n + 1);
    if (this.counters.size > MAX_COUNTERS) this.counters.delete(this.counters.keys().next().value as string);
    return hashSeed(this.init.seed, "timing", kod, fingerprint, String(n));
  }

  private checkInjectable(m: FaultMap): void {
    for (const kod of this.koder as readonly BastjanstKod[])
      if (m[kod] && this.init.realUpstreams?.includes(kod))
        throw new HarnessError(
          "BAD_FAULT",
          `Cannot inject a fault into ${kod}: it is a real upstream (--upstream ${kod}=…). Faults apply to simulated bastjänster only.`,
          { field: `faults.${kod}` },
        );
  }
}
