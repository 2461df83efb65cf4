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

const decoder = new TextDecoder();

/**
 * A plain response as the clients read it (the subset of fetch's `Response` they use). The body's
 * text is read only when a client asks for it: an in-process SOAP answer hands over its tree.
 */
function svarAv(r: SimResponse): BastjanstSvar {
  const svar: BastjanstSvar = {
    status: r.status,
    ok: r.status >= 200 && r.status < 300,
    statusText: "",
    headers: { get: (name) => r.headers[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(typeof r.body === "string" ? r.body : decoder.decode(r.body)),
  };
  const tree = writtenFrom(r);
  if (tree) return { ...svar, parsedXml: tree };
  // What the bastjänst built, when it is still exactly what the body says (nothing cut it since).
  if (r.parsedJson === undefined && r.parsedXml === undefined) return svar;
  const text = typeof r.body === "string" ? r.body : decoder.decode(r.body);
  return {
    ...svar,
    ...(r.parsedXml?.text === text ? { parsedXml: r.parsedXml.value } : {}),
    ...(r.parsedJson?.text === text ? { parsedJson: r.parsedJson.value } : {}),
  };
}

/** A typed outcome SSBT reports itself (kalla SSBT), or undefined for an answer its client reads. */
function simuleradSektion(o: SimOutcome): Sektion | undefined {
  if (o.kind === "timeout") return { error: ssbtError(SSBT_FELKOD.TIMEOUT, ...o.rader) };
  if (o.kind === "closed") return { error: ssbtError(SSBT_FELKOD.STANGD, ...o.rader) };
  return undefined;
}

interface Vantande {
  /** When the call's deadline passes (performance.now()). */
  readonly at: number;
  readonly expire: () => void;
}

/**
 * The deadlines of one composite answer's calls, kept by a single timer set for the earliest one
 * still pending (a timer per bastjänst call was a visible share of the CPU; an in-process call
 * answers before any timer could fire). A call past its deadline rejects with DeadlineExceeded,
 * and its signal — made only when the work asks for it (a wait, a fetch) — aborts.
 */
class Tidsgranser {
  private readonly vantande = new Set<Vantande>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  inom<T>(work: (signal: () => AbortSignal) => Promise<T>, ms: number): Promise<T> {
    let ac: AbortController | undefined;
    let passerad = false;
    const signal = () => {
      if (!ac) {
        ac = new AbortController();
        if (passerad) ac.abort();
      }
      return ac.signal;
    };
    const at = performance.now() + ms;
    return new Promise<T>((resolve, reject) => {
      const p = work(signal);
      const v: Vantande = {
        at,
        expire: () => {
          passerad = true;
          ac?.abort();
          reject(new DeadlineExceeded());
        },
      };
      this.vantande.add(v);
      this.stall(at);
      p.then(
        (x) => {
          this.klar(v);
          resolve(x);
        },
        (e: unknown) => {
          this.klar(v);
          reject(e);
        },
      );
    });
  }

  private stall(at: number): void {
    if (at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.passera(), Math.max(0, Math.ceil(at - performance.now())));
  }

  private klar(v: Vantande): void {
    if (!this.vantande.delete(v) || this.vantande.size > 0 || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private passera(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    // Node's timers count whole milliseconds on their own clock: a call due within 1 ms is due.
    const nu = performance.now() + 1;
    let nasta = Number.POSITIVE_INFINITY;
    for (const v of [...this.vantande]) {
      if (v.at <= nu) {
        this.vantande.delete(v);
        v.expire();
      } else nasta = Math.min(nasta, v.at);
    }
    if (nasta < Number.POSITIVE_INFINITY) this.stall(nasta);
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
    const granser = new Tidsgranser();
    const sektioner = await Promise.all(
      inkluderade.map(async ({ simulator: { kod } }) => {
        const t0 = this.now();
        const sektion = await this.delfraga(kod, fraga, kontrakt, granser);
        const ms = this.now() - t0;
        if ("error" in sektion)
          utfall.push({ kod, ms, utfall: sektion.error.kalla, felkod: sektion.error.felkod });
        else utfall.push({ kod, ms, utfall: "data" });
        return [kod, sektion] as const;
      }),
    );
    const g = fraga.generellaFrageparametrar;
    const svar: SsbtSvar = { svarsdata: Object.fromEntries(sektioner) };
    if (g.fraganSkallInkluderasISvaret) svar.fraga = fraga;
    if (g.frageTidpunkt !== undefined) svar.frageTidpunkt = g.frageTidpunkt;
    if (g.korrelationsid !== undefined) svar.korrelationsid = g.korrelationsid;
    return svar;
  }

  private async delfraga(
    kod: BastjanstKod,
    fraga: SsbtFraga,
    kontrakt: KontraktInfo,
    granser: Tidsgranser,
  ): Promise<Sektion> {
    const up = this.options.upstreams[kod];
    const klient = up.simulator.klient;
    const fore = klient.forkontroll?.(fraga, kontrakt);
    if (fore) return { error: fore };
    const deadline = this.options.deadlineMs(kod);
    try {
      return await granser.inom(async (signal) => {
        const outcome = await up.transport(klient.begaran(fraga, up.endpoint, kontrakt), signal);
        if (outcome.kind === "response") return klient.tolka(svarAv(outcome), fraga, kontrakt);
        return (
          simuleradSektion(outcome) ?? {
            error: ssbtError(SSBT_FELKOD.EJ_NABAR, `${up.simulator.namn} kunde inte nås.`),
          }
        );
      }, deadline);
    } catch (e) {
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
  }

  /**
   * Answers `testaBastjanstInformation`: every bastjänst is called with a connection test (a
   * question about a person nobody knows); `anropad` is true for each one called, `error` says
   * which could not be reached in time.
   */
  async testa(version: KontraktVersion, pingFraga: SsbtFraga): Promise<SsbtTestSvar> {
    const kontrakt: KontraktInfo = { version, ns: ssbtNamespace(version) };
    const granser = new Tidsgranser();
    const rader = await Promise.all(
      this.ordning.map(async (up) => {
        const kod = up.simulator.kod;
        const deadline = this.options.deadlineMs(kod);
        try {
          const status = await granser.inom(async (signal) => {
            const outcome = await up.transport(
              up.simulator.klient.begaran(pingFraga, up.endpoint, kontrakt),
              signal,
            );
            // A simulated timeout / closure is what HTTP 504 / 503 say on the wire.
            if (outcome.kind === "timeout") return 504;
            if (outcome.kind === "closed") return 503;
            return outcome.kind === "response" ? outcome.status : 502;
          }, deadline);
          // 500 is a SOAP Fault: the service is there and answered. 503/504 say what went wrong.
          if (status > 500) {
            const felkod =
              status === 504
                ? SSBT_FELKOD.TIMEOUT
                : status === 503
                  ? SSBT_FELKOD.STANGD
                  : SSBT_FELKOD.EJ_NABAR;
            return [
              kod,
              { anropad: true, error: ssbtError(felkod, `HTTP ${status} från ${up.simulator.namn}.`) },
            ] as const;
          }
          return [kod, { anropad: true }] as const;
        } catch (e) {
          const felkod = e instanceof DeadlineExceeded ? SSBT_FELKOD.TIMEOUT : SSBT_FELKOD.EJ_NABAR;
          return [
            kod,
            {
              anropad: true,
              error: ssbtError(felkod, `${up.simulator.namn} svarade inte på anslutningstest.`),
            },
          ] as const;
        }
      }),
    );
    return Object.fromEntries(rader);
  }
}
