import { kortMaskerad } from "../../contract/maskering.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import type { DelUtfall } from "../aggregator/service.js";
import { BoundedCounter } from "./bounded-counter.js";
import { DurationHistogram, type DurationStats } from "./histogram.js";
import { SERVICENIVAER } from "./service-levels.js";
import { formatSummary } from "./summary.js";

type Operation = SsbtUtfall["operation"];

/** A felkod as counted: masked and short (an upstream may send anything as its code). */
const felkodNyckel = (felkod: string): string => kortMaskerad(felkod, 40);

/** Per-bastjänst aggregates. */
export interface BastjanstMatning {
  anrop: number;
  data: number;
  BT: number;
  SSBT: number;
  /** Share of calls that gave data (null before the first call). */
  andelData: number | null;
  felPerFelkod: Record<string, number>;
  svarstid: DurationStats;
}

/**
 * What `GET /__admin/metrics` returns: aggregates only — counts, histograms, felkoder. No value of
 * any request (korrelationsid, arendeidentitet, personidentitet, ingivare) is kept.
 */
export interface MetricsSnapshot {
  /** When counting started (creation or last reset). */
  sedan: string;
  tidpunkt: string;
  servicenivaer: typeof SERVICENIVAER;
  utbyten: { antal: number; perOperation: Record<Operation, number> };
  /** Delivery precision: questions (everything but connection tests) answered without a SOAP Fault. */
  leveransprecision: {
    fragor: number;
    besvarade: number;
    avvisade: number;
    andelBesvarade: number | null;
    malUppfyllt: boolean | null;
    avvisadePerFelkod: Record<string, number>;
  };
  /** Response time of answered `hamtaBastjanstInformation` questions. */
  svarstid: DurationStats & {
    inom7s: number;
    inom12s: number;
    andelInom7s: number | null;
    andelInom12s: number | null;
    mal7sUppfyllt: boolean | null;
    mal12sUppfyllt: boolean | null;
  };
  /** Per answered question: how many bastjänster failed (error section, kalla BT or SSBT). */
  tillganglighet: {
    svar: number;
    /** No bastjänst failed: "tillgänglig". */
    tillganglig: number;
    /** Exactly one failed: available, one section missing. */
    medEttFel: number;
    /** Two or more failed: "tillgänglig med störning" (an incident in the agreement). */
    medStorning: number;
    andelTillganglig: number | null;
    andelMedStorning: number | null;
  };
  anslutningstester: { antal: number; medFel: number };
  /**
   * Every composite request on the wire, from arrival to the last byte sent (the queue included):
   * how many came, were answered in full, were refused as overloaded (503 SSBT-3001), or were cut
   * off (the connection closed before the whole answer was sent).
   */
  leverans: {
    mottagna: number;
    fullstandiga: number;
    avvisadeOverbelastning: number;
    avbrutna: number;
    tid: DurationStats;
  };
  /**
   * Per bastjänst: the contract's seven always (in contract order), then any other authority the
   * chain was built with (an eighth registered by a library user), in the order first called.
   */
  bastjanster: Record<BastjanstKod, BastjanstMatning> & Record<string, BastjanstMatning>;
}

/** Options of {@link SlaRecorder}. */
export interface SlaRecorderOptions {
  /** Clock of `sedan` and `tidpunkt`. Default: real time. */
  now?: () => Date;
}

/** Memory held by a recorder: constant once created (what the privacy rules require). */
export interface RecorderStorlek {
  histogramFack: number;
  felkoder: number;
}

class Bastjanst {
  anrop = 0;
  data = 0;
  BT = 0;
  SSBT = 0;
  readonly fel = new BoundedCounter();
  readonly tider = new DurationHistogram();

  record(d: DelUtfall): void {
    this.anrop += 1;
    this[d.utfall] += 1;
    if (d.utfall !== "data") this.fel.add(felkodNyckel(d.felkod ?? "okänd"));
    this.tider.record(d.ms);
  }

  toJSON(): BastjanstMatning {
    return {
      anrop: this.anrop,
      data: this.data,
      BT: this.BT,
      SSBT: this.SSBT,
      andelData: andel(this.data, this.anrop),
      felPerFelkod: this.fel.toJSON(),
      svarstid: this.tider.stats(),
    };
  }

  reset(): void {
    this.anrop = 0;
    this.data = 0;
    this.BT = 0;
    this.SSBT = 0;
    this.fel.clear();
    this.tider.reset();
  }
}

function andel(del: number, av: number): number | null {
  return av === 0 ? null : Math.round((del / av) * 10_000) / 10_000;
}

function uppfyllt(share: number | null, target: number): boolean | null {
  return share === null ? null : share >= target;
}

/** A kod's place in the contract; an authority outside the seven comes after them. */
const plats = (kod: string): number => {
  const i = (BASTJANSTER as readonly string[]).indexOf(kod);
  return i < 0 ? BASTJANSTER.length : i;
};

/**
 * The parts in contract order (AF, CSN, FK, SKV, SO, TNS, MIV; others after, as they came), not in
 * the order they finished.
 *
 * @example
 * iKontraktsordning(utfall.delar).map((d) => d.kod) // ["AF", "CSN", …]
 */
export function iKontraktsordning(delar: readonly DelUtfall[]): DelUtfall[] {
  return [...delar].sort((a, b) => plats(a.kod) - plats(b.kod));
}

/**
 * The service-level recorder of the composite service: fed one {@link SsbtUtfall} per SOAP
 * exchange, it keeps aggregates only — counts, fixed-bucket duration histograms, per-bastjänst
 * outcomes. Nothing of the question or the answer is kept, so memory stays constant however long the simulator runs.
 *
 * @example
 * const metrics = new SlaRecorder({ now: () => new Date() });
 * const sim = await startSimulator({ port: 0 }, { onUtfall: (u) => metrics.observe(u) });
 * // … traffic …
 * metrics.toJSON().svarstid.p90
 */
export class SlaRecorder {
  private readonly now: () => Date;
  private sedan: Date;
  private readonly perOperation: Record<Operation, number> = {
    hamtaBastjanstInformation: 0,
    testaBastjanstInformation: 0,
    okand: 0,
  };
  private fragor = 0;
  private besvarade = 0;
  private readonly avvisade = new BoundedCounter();
  private readonly svarstid = new DurationHistogram();
  private inom7s = 0;
  private inom12s = 0;
  private svar = 0;
  private tillganglig = 0;
  private medEttFel = 0;
  private medStorning = 0;
  private anslutningstester = 0;
  private anslutningstesterMedFel = 0;
  /** Keyed by kod: the seven from the start; an authority outside the contract's seven when first
   * called (the chain's upstreams are configured, not read from requests: bounded). */
  private readonly bastjanster = new Map<string, Bastjanst>();
  private mottagna = 0;
  private fullstandiga = 0;
  private overbelastning = 0;
  private avbrutna = 0;
  private readonly leveranstid = new DurationHistogram();

  constructor(options: SlaRecorderOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.sedan = this.now();
    for (const k of BASTJANSTER) this.bastjanster.set(k, new Bastjanst());
  }

  /**
   * Records one exchange. Reads only operation, status, felkod, durations and outcomes — never a
   * value of the question.
   *
   * @example
   * metrics.observe({ operation: "hamtaBastjanstInformation", version: "v10", status: 200, ms: 850, delar: [] });
   */
  observe(u: SsbtUtfall): void {
    const op: Operation = u.operation in this.perOperation ? u.operation : "okand";
    this.perOperation[op] += 1;
    const fault = u.felkod !== undefined;
    if (u.operation === "testaBastjanstInformation") {
      this.anslutningstester += 1;
      if (fault) this.anslutningstesterMedFel += 1;
    } else {
      this.fragor += 1;
      if (fault) this.avvisade.add(felkodNyckel(u.felkod ?? ""));
      else this.besvarade += 1;
    }
    if (u.operation === "hamtaBastjanstInformation" && !fault) {
      if (u.ms !== undefined) this.svarstidFor(u.ms);
      this.svar += 1;
      const fel = u.delar.filter((d) => d.utfall !== "data").length;
      if (fel === 0) this.tillganglig += 1;
      else if (fel >= SERVICENIVAER.storningVidAntalFel) this.medStorning += 1;
      else this.medEttFel += 1;
    }
    for (const d of u.delar) {
      let b = this.bastjanster.get(d.kod);
      if (b === undefined) {
        b = new Bastjanst();
        this.bastjanster.set(d.kod, b);
      }
      b.record(d);
    }
  }

  private svarstidFor(ms: number): void {
    this.svarstid.record(ms);
    if (ms <= SERVICENIVAER.svarstidInomMs) this.inom7s += 1;
    if (ms <= SERVICENIVAER.svarstidSenastMs) this.inom12s += 1;
  }

  /**
   * Records one composite request as delivered on the wire (the node:http adapter's arrival to
   * last byte); refusals count as unanswered questions. (A served chain also reports each
   * exchange to {@link observe} with this wire time as `ms`, so the svarstid service level
   * includes the queue and the sending.)
   *
   * @example
   * metrics.observeLeverans({ ms: 12, status: 503, completed: true, refused: true });
   */
  observeLeverans(l: { ms: number; status: number; completed: boolean; refused: boolean }): void {
    this.mottagna += 1;
    if (!l.completed) this.avbrutna += 1;
    else if (l.refused) {
      this.overbelastning += 1;
      this.fragor += 1;
      this.avvisade.add(SSBT_FELKOD.OVERBELASTAD);
    } else this.fullstandiga += 1;
    if (l.completed) this.leveranstid.record(l.ms);
  }

  /**
   * The aggregates, as served by `GET /__admin/metrics`.
   *
   * @example
   * JSON.stringify(metrics) // calls toJSON()
   */
  toJSON(): MetricsSnapshot {
    const n = this.svarstid.count;
    const andelInom7s = andel(this.inom7s, n);
    const andelInom12s = andel(this.inom12s, n);
    const andelBesvarade = andel(this.besvarade, this.fragor);
    return {
      sedan: this.sedan.toISOString(),
      tidpunkt: this.now().toISOString(),
      servicenivaer: SERVICENIVAER,
      utbyten: {
        antal:
          this.perOperation.hamtaBastjanstInformation +
          this.perOperation.testaBastjanstInformation +
          this.perOperation.okand,
        perOperation: { ...this.perOperation },
      },
      leveransprecision: {
        fragor: this.fragor,
        besvarade: this.besvarade,
        avvisade: this.fragor - this.besvarade,
        andelBesvarade,
        malUppfyllt: uppfyllt(andelBesvarade, SERVICENIVAER.andelBesvarade),
        avvisadePerFelkod: this.avvisade.toJSON(),
      },
      svarstid: {
        ...this.svarstid.stats(),
        inom7s: this.inom7s,
        inom12s: this.inom12s,
        andelInom7s,
        andelInom12s,
        mal7sUppfyllt: uppfyllt(andelInom7s, SERVICENIVAER.andelInom7s),
        mal12sUppfyllt: uppfyllt(andelInom12s, SERVICENIVAER.andelInom12s),
      },
      tillganglighet: {
        svar: this.svar,
        tillganglig: this.tillganglig,
        medEttFel: this.medEttFel,
        medStorning: this.medStorning,
        andelTillganglig: andel(this.tillganglig, this.svar),
        andelMedStorning: andel(this.medStorning, this.svar),
      },
      anslutningstester: { antal: this.anslutningstester, medFel: this.anslutningstesterMedFel },
      leverans: {
        mottagna: this.mottagna,
        fullstandiga: this.fullstandiga,
        avvisadeOverbelastning: this.overbelastning,
        avbrutna: this.avbrutna,
        tid: this.leveranstid.stats(),
      },
      bastjanster: Object.fromEntries(
        [...this.bastjanster].map(([k, b]) => [k, b.toJSON()]),
      ) as MetricsSnapshot["bastjanster"],
    };
  }

  /**
   * A human summary for the operator (printed when the simulator stops).
   *
   * @example
   * console.log(metrics.summary());
   */
  summary(): string {
    return formatSummary(this.toJSON());
  }

  /** Memory held: constant whatever the number of exchanges (for the boundedness tests). */
  storlek(): RecorderStorlek {
    return {
      histogramFack:
        this.svarstid.bucketCount +
        [...this.bastjanster.values()].reduce((s, b) => s + b.tider.bucketCount, 0),
      felkoder: this.avvisade.size + [...this.bastjanster.values()].reduce((s, b) => s + b.fel.size, 0),
    };
  }

  /** Forgets everything: counts and histograms; `sedan` becomes now. */
  reset(): void {
    for (const k of Object.keys(this.perOperation) as Operation[]) this.perOperation[k] = 0;
    this.fragor = 0;
    this.besvarade = 0;
    this.avvisade.clear();
    this.svarstid.reset();
    this.inom7s = 0;
    this.inom12s = 0;
    this.svar = 0;
    this.tillganglig = 0;
    this.medEttFel = 0;
    this.medStorning = 0;
    this.anslutningstester = 0;
    this.anslutningstesterMedFel = 0;
    for (const b of this.bastjanster.values()) b.reset();
    this.mottagna = 0;
    this.fullstandiga = 0;
    this.overbelastning = 0;
    this.avbrutna = 0;
    this.leveranstid.reset();
    this.sedan = this.now();
  }
}
