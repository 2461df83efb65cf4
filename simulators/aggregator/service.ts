import { ssbtNamespace } from "../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import type {
  BastjanstKod,
  KontraktVersion,
  Sektion,
  SsbtError,
  SsbtFraga,
  SsbtSvar,
  SsbtTestSvar,
} from "../../contract/ssbt/model.js";
import type { SsbtSektion } from "../../contract/ssbt/sektion.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { Transport } from "../adapters/transport.js";
import type { BastjanstSimulator, BastjanstSvar, KontraktInfo } from "../bastjanst.js";
import { type SimOutcome, type SimResponse, writtenFrom } from "../endpoint.js";

/** One bastjänst as the composite service sees it: how to talk to it, where, and over what. */
export interface Upstream {
  simulator: BastjanstSimulator;
  /** Absolute URL of its endpoint (the simulator's, or a real authority's). */
  endpoint: string;
  transport: Transport;
  /** True when this is a real upstream given with --upstream. */
  real: boolean;
}

/** What happened for one bastjänst in one composite answer (for metrics and logs; no personal data). */
export interface DelUtfall {
  kod: BastjanstKod;
  ms: number;
  /** "data", "BT" (the bastjänst answered with an error) or "SSBT" (we failed: timeout, unreachable …). */
  utfall: "data" | "BT" | "SSBT";
  felkod?: string;
}

export interface KompositOptions {
  /** Every bastjänst of the contract, by kod, in contract order (the order the answer's sections take). */
  upstreams: Readonly<Record<BastjanstKod, Upstream>>;
  /** Per-bastjänst deadline in ms; a later answer becomes `error kalla=SSBT`. */
  deadlineMs: (kod: BastjanstKod) => number;
  /** Clock for durations (performance.now by default). */
  monotonic?: () => number;
}

function ssbtError(felkod: string, ...felmeddelande: string[]): SsbtError {
  return { kalla: "SSBT", felkod, felmeddelande };
}

class DeadlineExceeded extends Error {}

/** What a call past its deadline settles with (one instance: it never leaves this module). */
const FORSENT = new DeadlineExceeded();

const decoder = new TextDecoder();

/** The headers of an in-process answer, read as fetch's `Headers.get` reads them. */
class Rubriker {
  constructor(private readonly h: Readonly<Record<string, string>>) {}

  get(name: string): string | null {
    return this.h[name.toLowerCase()] ?? null;
  }
}

/**
 * A plain response as the clients read it (the subset of fetch's `Response` they use). The body's
 * text is read only when a client asks for it: an in-process SOAP answer hands over its tree.
 * A class, not an object literal: its methods are shared, not two closures per answer.
 */
class InProcessSvar implements BastjanstSvar {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText = "";
  readonly parsedXml: XmlElement | undefined;
  readonly parsedJson: unknown;

  constructor(private readonly r: SimResponse) {
    this.status = r.status;
    this.ok = r.status >= 200 && r.status < 300;
    const tree = writtenFrom(r);
    // What the bastjänst built, when it is still exactly what the body says (nothing cut it since).
    if (tree || (r.parsedJson === undefined && r.parsedXml === undefined)) {
      this.parsedXml = tree;
      this.parsedJson = undefined;
    } else {
      const text = this.body();
      this.parsedXml = r.parsedXml?.text === text ? r.parsedXml.value : undefined;
      this.parsedJson = r.parsedJson?.text === text ? r.parsedJson.value : undefined;
    }
  }

  get headers(): Rubriker {
    return new Rubriker(this.r.headers);
  }

  text(): Promise<string> {
    return Promise.resolve(this.body());
  }

  private body(): string {
    const b = this.r.body;
    return typeof b === "string" ? b : decoder.decode(b);
  }
}

/** A typed outcome SSBT reports itself (kalla SSBT), or undefined for an answer its client reads. */
function simuleradSektion(o: SimOutcome): Sektion | undefined {
  if (o.kind === "timeout") return { error: ssbtError(SSBT_FELKOD.TIMEOUT, ...o.rader) };
  if (o.kind === "closed") return { error: ssbtError(SSBT_FELKOD.STANGD, ...o.rader) };
  return undefined;
}

/**
 * One call to a bastjänst in one answer, settled once: by its result, its failure, or its
 * deadline (then its signal — made only when the work asks for it: a wait, a fetch — aborts).
 */
class Anrop<T> {
  private ac: AbortController | undefined;
  private passerad = false;
  avgjord = false;

  constructor(
    readonly i: number,
    /** When the call's deadline passes (performance.now()). */
    readonly at: number,
    private readonly omgang: Omgang<T>,
  ) {}

  readonly signal = (): AbortSignal => {
    if (!this.ac) {
      this.ac = new AbortController();
      if (this.passerad) this.ac.abort();
    }
    return this.ac.signal;
  };

  readonly lyckades = (x: T): void => this.omgang.avgor(this, x, undefined);
  readonly misslyckades = (e: unknown): void => this.omgang.avgor(this, undefined, e);

  passera(): void {
    this.passerad = true;
    this.ac?.abort();
  }
}

/**
 * The calls of one composite answer and their deadlines. Each call's result (or failure, or
 * `FORSENT` at its deadline) goes once to `klar(i, …)`; `alla` resolves when every call has
 * settled. A single timer is set for the earliest deadline still pending (a timer per call was a
 * visible share of the CPU; an in-process call answers before any timer could fire), and a call
 * costs one record, not a promise of its own racing a deadline.
 */
class Omgang<T> {
  private readonly vantande: Anrop<T>[] = [];
  private kvar: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private allaKlara: (() => void) | undefined;
  /** Resolves when every call has settled. */
  readonly alla: Promise<void>;

  constructor(
    antal: number,
    private readonly klar: (i: number, x: T | undefined, fel: unknown) => void,
  ) {
    this.kvar = antal;
    this.alla =
      antal === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            this.allaKlara = resolve;
          });
  }

  /** Call `i` settled before it was started (a check SSBT makes itself, a failure to start it). */
  genast(i: number, x: T | undefined, fel: unknown): void {
    this.klar(i, x, fel);
    this.rakna();
  }

  /** Starts call `i`: `work` within `ms`. A synchronous throw is a failure like a rejection. */
  inom(i: number, work: (signal: () => AbortSignal) => Promise<T>, ms: number): void {
    const a = new Anrop(i, performance.now() + ms, this);
    let p: Promise<T>;
    try {
      p = work(a.signal);
    } catch (e) {
      this.genast(i, undefined, e);
      return;
    }
    this.vantande.push(a);
    this.stall(a.at);
    p.then(a.lyckades, a.misslyckades);
  }

  /** A call's result, failure or deadline: the first one counts. */
  avgor(a: Anrop<T>, x: T | undefined, fel: unknown): void {
    if (a.avgjord) return;
    a.avgjord = true;
    const k = this.vantande.indexOf(a);
    if (k >= 0) this.vantande.splice(k, 1);
    if (this.vantande.length === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
    }
    this.klar(a.i, x, fel);
    this.rakna();
  }

  private rakna(): void {
    if (--this.kvar === 0) this.allaKlara?.();
  }

  private stall(at: number): void {
    if (at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.passera(), Math.max(0, Math.ceil(at - performance.now())));
  }

  private passera(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    // Node's timers count whole milliseconds on their own clock: a call due within 1 ms is due.
    const nu = performance.now() + 1;
    let nasta = Number.POSITIVE_INFINITY;
    for (const a of [...this.vantande]) {
      if (a.at <= nu) {
        a.passera();
        this.avgor(a, undefined, FORSENT);
      } else nasta = Math.min(nasta, a.at);
    }
    if (nasta < Number.POSITIVE_INFINITY && this.vantande.length > 0) this.stall(nasta);
  }
}

/**
 * The composite service (SSBT): splits one question, calls every included bastjänst in parallel
 * through its own endpoint, waits (each within its deadline), and compiles one answer. A failing
 * bastjänst becomes that section's `error`; nothing else fails the whole answer.
 *
 * @example
 * const svar = await new KompositTjanst(options).hamta(fraga, "v10");
 */
export class KompositTjanst {
  private readonly now: () => number;
  /** The upstreams in contract order, listed once (a question only filters them). */
  private readonly ordning: readonly Upstream[];
  /** The contract's sections, in contract order: what the codec reads and writes for this service. */
  readonly sektioner: readonly SsbtSektion[];

  constructor(private readonly options: KompositOptions) {
    this.now = options.monotonic ?? (() => performance.now());
    this.ordning = Object.values(options.upstreams);
    this.sektioner = this.ordning.map((u) => u.simulator.sektion);
  }

  /**
   * Answers `hamtaBastjanstInformation`. `utfall` receives one entry per called bastjänst. `ns`
   * is the namespace the answer is written in (default: the version's own; the draft answers
   * ssbt/11 questions in ssbt/11).
   */
  async hamta(
    fraga: SsbtFraga,
    version: KontraktVersion,
    utfall: DelUtfall[] = [],
    ns: string = ssbtNamespace(version),
  ): Promise<SsbtSvar> {
    const kontrakt: KontraktInfo = { version, ns };
    const specifika = fraga.specifikaFrageparametrar as unknown as Readonly<
      Record<string, { inkludera: boolean }>
    >;
    const inkluderade = this.ordning.filter((u) => specifika[u.simulator.kod]?.inkludera);
    const sektioner: Sektion[] = new Array(inkluderade.length);
    const t0: number[] = new Array(inkluderade.length);
    const deadlines: number[] = new Array(inkluderade.length);
    const omgang = new Omgang<Sektion>(inkluderade.length, (i, sektion, fel) => {
      const up = inkluderade[i] as Upstream;
      const s = sektion ?? this.felsektion(up, deadlines[i] as number, fel);
      const kod = up.simulator.kod;
      const ms = this.now() - (t0[i] as number);
      if ("error" in s) utfall.push({ kod, ms, utfall: s.error.kalla, felkod: s.error.felkod });
      else utfall.push({ kod, ms, utfall: "data" });
      sektioner[i] = s;
    });
    // A check that throws fails the whole answer, as it always did — once every call has started.
    let kast: { fel: unknown } | undefined;
    for (let i = 0; i < inkluderade.length; i++) {
      const up = inkluderade[i] as Upstream;
      t0[i] = this.now();
      const klient = up.simulator.klient;
      let fore: SsbtError | undefined;
      try {
        fore = klient.forkontroll?.(fraga, kontrakt);
        if (!fore) deadlines[i] = this.options.deadlineMs(up.simulator.kod);
      } catch (e) {
        kast ??= { fel: e };
        continue;
      }
      if (fore) omgang.genast(i, { error: fore }, undefined);
      else omgang.inom(i, (signal) => this.anropa(up, fraga, kontrakt, signal), deadlines[i] as number);
    }
    if (kast) throw kast.fel;
    await omgang.alla;
    const svarsdata: Partial<Record<BastjanstKod, Sektion>> = {};
    for (let i = 0; i < inkluderade.length; i++)
      svarsdata[(inkluderade[i] as Upstream).simulator.kod] = sektioner[i] as Sektion;
    const g = fraga.generellaFrageparametrar;
    const svar: SsbtSvar = { svarsdata };
    if (g.fraganSkallInkluderasISvaret) svar.fraga = fraga;
    if (g.frageTidpunkt !== undefined) svar.frageTidpunkt = g.frageTidpunkt;
    if (g.korrelationsid !== undefined) svar.korrelationsid = g.korrelationsid;
    return svar;
  }

  /** One bastjänst's section: its request, sent over its transport, and its answer read back. */
  private anropa(
    up: Upstream,
    fraga: SsbtFraga,
    kontrakt: KontraktInfo,
    signal: () => AbortSignal,
  ): Promise<Sektion> {
    const klient = up.simulator.klient;
    return up.transport(klient.begaran(fraga, up.endpoint, kontrakt), signal).then((outcome) =>
      outcome.kind === "response"
        ? klient.tolka(new InProcessSvar(outcome), fraga, kontrakt)
        : (simuleradSektion(outcome) ?? {
            error: ssbtError(SSBT_FELKOD.EJ_NABAR, `${up.simulator.namn} kunde inte nås.`),
          }),
    );
  }

  /** The section of a call that failed: past its deadline, or unreachable. */
  private felsektion(up: Upstream, deadline: number, e: unknown): Sektion {
    if (e instanceof DeadlineExceeded)
      return {
        error: ssbtError(
          SSBT_FELKOD.TIMEOUT,
          `${up.simulator.namn} svarade inte inom ${deadline} ms (timeout).`,
        ),
      };
    return {
      error: ssbtError(
        SSBT_FELKOD.EJ_NABAR,
        `${up.simulator.namn} kunde inte nås: ${(e as Error).message ?? "okänt fel"}`.slice(0, 300),
      ),
    };
  }

  /**
   * Answers `testaBastjanstInformation`: every bastjänst is called with a connection test (a
   * question about a person nobody knows); `anropad` is true for each one called, `error` says
   * which could not be reached in time.
   */
  async testa(version: KontraktVersion, pingFraga: SsbtFraga): Promise<SsbtTestSvar> {
    const kontrakt: KontraktInfo = { version, ns: ssbtNamespace(version) };
    const rader: NonNullable<SsbtTestSvar[BastjanstKod]>[] = new Array(this.ordning.length);
    const omgang = new Omgang<number>(this.ordning.length, (i, status, fel) => {
      const up = this.ordning[i] as Upstream;
      if (status === undefined) {
        const felkod = fel instanceof DeadlineExceeded ? SSBT_FELKOD.TIMEOUT : SSBT_FELKOD.EJ_NABAR;
        rader[i] = {
          anropad: true,
          error: ssbtError(felkod, `${up.simulator.namn} svarade inte på anslutningstest.`),
        };
      } else if (status > 500) {
        // 500 is a SOAP Fault: the service is there and answered. 503/504 say what went wrong.
        const felkod =
          status === 504 ? SSBT_FELKOD.TIMEOUT : status === 503 ? SSBT_FELKOD.STANGD : SSBT_FELKOD.EJ_NABAR;
        rader[i] = { anropad: true, error: ssbtError(felkod, `HTTP ${status} från ${up.simulator.namn}.`) };
      } else rader[i] = { anropad: true };
    });
    let kast: { fel: unknown } | undefined;
    this.ordning.forEach((up, i) => {
      let deadline: number;
      try {
        deadline = this.options.deadlineMs(up.simulator.kod);
      } catch (e) {
        kast ??= { fel: e };
        return;
      }
      omgang.inom(
        i,
        (signal) =>
          up
            .transport(up.simulator.klient.begaran(pingFraga, up.endpoint, kontrakt), signal)
            .then((outcome) => {
              // A simulated timeout / closure is what HTTP 504 / 503 say on the wire.
              if (outcome.kind === "timeout") return 504;
              if (outcome.kind === "closed") return 503;
              return outcome.kind === "response" ? outcome.status : 502;
            }),
        deadline,
      );
    });
    if (kast) throw kast.fel;
    await omgang.alla;
    const svar: SsbtTestSvar = {};
    this.ordning.forEach((up, i) => {
      svar[up.simulator.kod] = rader[i];
    });
    return svar;
  }
}
