import type { SsbtUtfall } from "../aggregator/handlers.js";
import { DurationHistogram } from "../metrics/histogram.js";
import { SERVICENIVAER } from "../metrics/service-levels.js";

/** One time slot of the service-level series. */
export interface Servicenivapunkt {
  /** ISO instant the slot starts. */
  fran: string;
  /** Answered `hamtaBastjanstInformation` questions in the slot. */
  svar: number;
  p50: number | null;
  p90: number | null;
  max: number | null;
  /** Questions (everything but connection tests) and how many were answered without a SOAP Fault. */
  fragor: number;
  besvarade: number;
  /** Answers where two or more bastjänster could not answer: "tillgänglig med störning". */
  medStorning: number;
}

/** The series as `GET /__console/api/servicenivaer` serves it. */
export interface ServicenivaserieJson {
  slotMs: number;
  servicenivaer: typeof SERVICENIVAER;
  punkter: Servicenivapunkt[];
}

interface Slot {
  start: number;
  tider: DurationHistogram;
  fragor: number;
  besvarade: number;
  medStorning: number;
}

/** Options of {@link Servicenivaserie}. */
export interface SerieOptions {
  /** Real time, ms. */
  klocka: () => number;
  /** Width of a slot. Default 10 s. */
  slotMs?: number;
  /** Slots kept (oldest dropped). Default 90 (15 minutes of 10 s). */
  antal?: number;
}

/**
 * p50/p90/max of the composite service's response time, the share answered and the answers "med
 * störning", per time slot — a fixed number of slots, each a fixed-bucket histogram: constant memory.
 *
 * @example
 * const serie = new Servicenivaserie({ klocka: Date.now });
 * serie.observe(utfall);
 * serie.toJSON().punkter.at(-1)?.p90
 */
export class Servicenivaserie {
  private readonly slots: Slot[] = [];
  private readonly slotMs: number;
  private readonly antal: number;

  constructor(private readonly o: SerieOptions) {
    this.slotMs = o.slotMs ?? 10_000;
    this.antal = o.antal ?? 90;
  }

  private slot(): Slot {
    const start = Math.floor(this.o.klocka() / this.slotMs) * this.slotMs;
    const sista = this.slots[this.slots.length - 1];
    if (sista && sista.start === start) return sista;
    const ny: Slot = { start, tider: new DurationHistogram(), fragor: 0, besvarade: 0, medStorning: 0 };
    this.slots.push(ny);
    while (this.slots.length > this.antal) this.slots.shift();
    return ny;
  }

  /** Counts one exchange (the same rules as the metrics recorder). */
  observe(u: SsbtUtfall): void {
    if (u.operation === "testaBastjanstInformation") return;
    const s = this.slot();
    s.fragor += 1;
    if (u.felkod !== undefined) return;
    s.besvarade += 1;
    if (u.operation !== "hamtaBastjanstInformation") return;
    s.tider.record(u.ms ?? 0);
    if (u.delar.filter((d) => d.utfall !== "data").length >= SERVICENIVAER.storningVidAntalFel)
      s.medStorning += 1;
  }

  /** Forgets every slot. */
  clear(): void {
    this.slots.length = 0;
  }

  toJSON(): ServicenivaserieJson {
    return {
      slotMs: this.slotMs,
      servicenivaer: SERVICENIVAER,
      punkter: this.slots.map((s) => ({
        fran: new Date(s.start).toISOString(),
        svar: s.tider.count,
        p50: s.tider.percentile(0.5) ?? null,
        p90: s.tider.percentile(0.9) ?? null,
        max: s.tider.max ?? null,
        fragor: s.fragor,
        besvarade: s.besvarade,
        medStorning: s.medStorning,
      })),
    };
  }
}
