import { type DestinationStream, type Logger, pino } from "pino";
import { HarnessError } from "../../contract/errors.js";
import { kortMaskerad, maskera, maskeraText } from "../../contract/maskering.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { beskrivning } from "../../fixtures/kodverk/index.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import { iKontraktsordning } from "../metrics/recorder.js";
import { SERVICENIVAER } from "../metrics/service-levels.js";
import { maskeraDjupt } from "./mask.js";

/** Log levels, most severe first. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The events of the event log (field `event` of every line). */
export const LOGG_HANDELSER = {
  /** User activity: a question was answered (who asked, about whom — masked —, what, how it went). */
  fragaBesvarad: "fraga.besvarad",
  /** A request was rejected with a SOAP Fault. */
  fragaAvvisad: "fraga.avvisad",
  /** Deviation: one bastjänst gave an error section (kalla BT or SSBT). */
  bastjanstFel: "bastjanst.fel",
  /** Incident: two or more bastjänster failed in one answer ("tillgänglig med störning"). */
  tjanstStorning: "tjanst.storning",
  /** A `testaBastjanstInformation` connection test (level debug). */
  anslutningstest: "anslutningstest",
  serverStart: "server.start",
  serverStop: "server.stop",
} as const;

/** A line sink: anything with `write(line)`. Default: standard output. */
export type LogDestination = DestinationStream;

/** Options of {@link createEventLog}. All optional. */
export interface EventLogOptions {
  /** Lowest level written. Default "info". */
  level?: LogLevel;
  /** Where JSON lines go. Default: standard output (synchronous, so nothing is lost at shutdown). */
  destination?: LogDestination;
  /** Clock of the `time` field. Default: real time. */
  now?: () => Date;
}

/** An exchange as the log reads it; `felmeddelande` is used when the handler provides it. */
export type LoggatUtfall = SsbtUtfall & { felmeddelande?: string };

const MAX_TEXT = 200;

/** Free text from a consumer: masked, then bounded (so a cut never leaves half a personnummer). */
const text = (s: string | undefined): string | undefined =>
  s === undefined ? undefined : kortMaskerad(s, MAX_TEXT);

const roundMs = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));

/**
 * The last layer, on the finished line: every JSON string literal is read back (escapes undone, so
 * `\u0031` or an escaped line break cannot hide digits), masked, and written again only if
 * something was masked; bare numbers likewise.
 */
function maskeraRad(line: string): string {
  return line
    .replace(/"(?:[^"\\]|\\.)*"/g, (lit) => {
      let value: string;
      try {
        value = JSON.parse(lit) as string;
      } catch {
        return maskeraText(lit);
      }
      const masked = maskeraText(value);
      return masked === value ? lit : JSON.stringify(masked);
    })
    .replace(/(?<=[:[,])(-?\d[\d.eE+-]{9,})(?=[,}\]])/g, (n) => {
      const m = maskeraText(n);
      return m === n ? n : JSON.stringify(m);
    });
}

/**
 * Checks a log level given as text (e.g. from `--log-level`).
 *
 * @example
 * parseLogLevel("debug") // "debug"
 */
export function parseLogLevel(level: string): LogLevel {
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new HarnessError("BAD_OPTION", `Unknown log level "${level}": use one of ${LOG_LEVELS.join(", ")}.`);
}

/**
 * The structured event log of the composite service: JSON lines (pino) of user activity,
 * deviations and errors. Never holds or writes answer data; every personidentitet is masked
 * with `maskera`, every free text goes through `maskeraText` (contract/maskering.ts, the project's
 * one masking), and three more layers (a pino
 * `logMethod` hook for messages, `formatters.log` for every field at any depth, `streamWrite`
 * for the finished line) mask anything personnummer-like that still got in.
 *
 * @example
 * const log = createEventLog({ level: "info" });
 * const sim = await startSimulator({ port: 0 }, { onUtfall: (u) => log.observe(u) });
 */
export class EventLog {
  /** The underlying pino logger (masking included), for other components' events. */
  readonly logger: Logger;

  constructor(options: EventLogOptions = {}) {
    const level = parseLogLevel(options.level ?? "info");
    const now = options.now ?? (() => new Date());
    const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
    this.logger = pino(
      {
        level,
        base: { tjanst: "ssbtek-harness" },
        timestamp: () => `,"time":${JSON.stringify(now().toISOString())}`,
        formatters: {
          level: (label) => ({ level: label }),
          bindings: (b) => maskeraDjupt(b),
          log: (o) => maskeraDjupt(o),
        },
        hooks: {
          logMethod(args, method) {
            const masked = args.map((a) => (typeof a === "string" ? maskeraText(a) : a));
            method.apply(this, masked as Parameters<typeof method>);
          },
          streamWrite: maskeraRad,
        },
      },
      destination,
    );
  }

  /**
   * Logs one exchange: `fraga.besvarad` or `fraga.avvisad`, one `bastjanst.fel` per error
   * section, `tjanst.storning` when two or more failed, `anslutningstest` for a connection test.
   * Never throws (a logging failure must not fail an answer).
   *
   * @example
   * log.observe(utfall);
   */
  observe(u: LoggatUtfall): void {
    try {
      this.logga(u);
    } catch {
      // The answer has been built; a broken log line must not change it.
    }
  }

  private logga(u: LoggatUtfall): void {
    const g = u.fraga?.generellaFrageparametrar;
    const bas = {
      operation: u.operation,
      version: u.version,
      status: u.status,
      ms: roundMs(u.ms),
      korrelationsid: text(g?.korrelationsid),
    };
    if (u.operation === "testaBastjanstInformation") {
      this.logger.debug(
        { event: LOGG_HANDELSER.anslutningstest, ...bas, felkod: text(u.felkod) },
        "connection test answered",
      );
      return;
    }
    const anvandare = g
      ? {
          ingivare: {
            organisationsnummer: text(g.ingivare.organisationsnummer),
            namn: text(g.ingivare.namn),
            handlaggare: text(g.ingivare.handlaggare),
          },
          personuppgiftsbitrade: g.personuppgiftsbitrade
            .slice(0, 10)
            .map((p) => ({ organisationsnummer: text(p.organisationsnummer), namn: text(p.namn) })),
          arendeidentitet: text(g.arendeidentitet),
          personidentitet: maskera(g.personidentitet),
          tidsperiod: { fromDatum: text(g.tidsperiod.fromDatum), tomDatum: text(g.tidsperiod.tomDatum) },
        }
      : {};
    if (u.felkod !== undefined) {
      const felmeddelande = text(u.felmeddelande ?? beskrivning("SSBT.Felkod", u.felkod) ?? "SOAP Fault");
      const line = {
        event: LOGG_HANDELSER.fragaAvvisad,
        ...bas,
        ...anvandare,
        felkod: text(u.felkod),
        felmeddelande,
      };
      if (u.felkod === SSBT_FELKOD.INTERNT_FEL) this.logger.error(line, "question rejected: internal error");
      else this.logger.warn(line, "question rejected with a SOAP Fault");
      return;
    }
    const inkluderade: BastjanstKod[] = u.fraga
      ? BASTJANSTER.filter((k) => u.fraga?.specifikaFrageparametrar[k].inkludera)
      : u.delar.map((d) => d.kod);
    const delar = iKontraktsordning(u.delar);
    const utfall: Partial<Record<BastjanstKod, string>> = {};
    for (const d of delar)
      utfall[d.kod] = d.utfall === "data" ? "data" : `${d.utfall}:${text(d.felkod) ?? "?"}`;
    const felade = delar.filter((d) => d.utfall !== "data");
    this.logger.info(
      {
        event: LOGG_HANDELSER.fragaBesvarad,
        ...bas,
        ...anvandare,
        bastjanster: inkluderade,
        utfall,
        delar: delar.map((d) => ({ kod: d.kod, utfall: d.utfall, ms: roundMs(d.ms) })),
        antalFel: felade.length,
      },
      "question answered",
    );
    for (const d of felade)
      this.logger.warn(
        {
          event: LOGG_HANDELSER.bastjanstFel,
          kod: d.kod,
          kalla: d.utfall,
          felkod: text(d.felkod),
          ms: roundMs(d.ms),
          korrelationsid: bas.korrelationsid,
        },
        `${d.kod} gave an error section (kalla ${d.utfall})`,
      );
    if (felade.length >= SERVICENIVAER.storningVidAntalFel)
      this.logger.error(
        {
          event: LOGG_HANDELSER.tjanstStorning,
          antalFel: felade.length,
          bastjanster: felade.map((d) => d.kod),
          korrelationsid: bas.korrelationsid,
        },
        `${felade.length} bastjänster failed in one answer: service available with disturbance (incident)`,
      );
  }

  /**
   * Logs `server.start`.
   *
   * @example
   * log.serverStart({ url: sim.url });
   */
  serverStart(info: Record<string, string | number | boolean>): void {
    this.logger.info({ event: LOGG_HANDELSER.serverStart, ...info }, "simulator started");
  }

  /**
   * Logs `server.stop` (with whatever aggregates the caller adds) and flushes.
   *
   * @example
   * log.serverStop({ orsak: "SIGINT" });
   */
  serverStop(info: Record<string, unknown> = {}): void {
    this.logger.info({ event: LOGG_HANDELSER.serverStop, ...info }, "simulator stopped");
    this.flush();
  }

  /** Writes out anything buffered (a no-op for synchronous destinations). */
  flush(): void {
    try {
      this.logger.flush();
    } catch {
      // Destinations without flush support.
    }
  }
}

/**
 * Creates the event log.
 *
 * @example
 * const lines: string[] = [];
 * const log = createEventLog({ level: "debug", destination: { write: (l) => void lines.push(l) } });
 */
export function createEventLog(options: EventLogOptions = {}): EventLog {
  return new EventLog(options);
}
