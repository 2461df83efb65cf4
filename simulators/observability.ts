import { type HttpHandler, HttpResponse, http } from "msw";
import type { SsbtUtfall } from "./aggregator/handlers.js";
import { createEventLog, type EventLog, type LogDestination, type LogLevel } from "./logging/event-log.js";
import { SlaRecorder } from "./metrics/recorder.js";
import type { Leverans } from "./server.js";

/** Options of {@link createObservability}. All optional. */
export interface ObservabilityOptions {
  /** Lowest event-log level. Default "info". */
  logLevel?: LogLevel;
  /** Where event-log JSON lines go. Default: standard output. */
  logDestination?: LogDestination;
  /** The simulator's clock (trace and log times). Default: real time. */
  now?: () => Date;
}

/** Service-level metrics and the event log of one running chain. */
export interface Observability {
  /** Pass as `startSimulator(options, { onUtfall })`: feeds metrics and log, never throws. */
  onUtfall: (u: SsbtUtfall) => void;
  /** Pass as `startSimulator(options, { onLeverans })`: wire-level delivery and refusals. */
  onLeverans: (l: Leverans) => void;
  metrics: SlaRecorder;
  log: EventLog;
  /**
   * `GET /__admin/metrics` (JSON; `?format=text` for the summary) and `DELETE /__admin/metrics`
   * (reset the counters and traces).
   */
  adminHandlers(): HttpHandler[];
  /** The service-level summary, as printed on shutdown. */
  summary(): string;
  /** Logs `server.stop` with the headline numbers and flushes the log. Idempotent. */
  close(info?: Record<string, string>): void;
}

/**
 * Wires service-level metrics and privacy-safe logging to the composite service. Nothing of a
 * question or an answer is kept: the metrics hold aggregates only,
 * and the log writes masked lines to its destination (never to a file of its own).
 *
 * @example
 * const obs = createObservability({ logLevel: "info", now: options.now });
 * const sim = await startSimulator({ port: 0 }, { onUtfall: obs.onUtfall });
 * obs.log.serverStart({ url: sim.url });
 * // … on shutdown:
 * console.log(obs.summary());
 * obs.close();
 * await sim.close();
 */
export function createObservability(options: ObservabilityOptions = {}): Observability {
  const now = options.now ?? (() => new Date());
  const metrics = new SlaRecorder({ now });
  const log = createEventLog({
    now,
    ...(options.logLevel !== undefined ? { level: options.logLevel } : {}),
    ...(options.logDestination !== undefined ? { destination: options.logDestination } : {}),
  });
  let closed = false;
  return {
    metrics,
    log,
    onUtfall: (u) => {
      // The hook runs inside the request handler: a failure here must never change the answer.
      try {
        metrics.observe(u);
      } catch {
        // Metrics are best effort.
      }
      log.observe(u);
    },
    onLeverans: (l) => {
      try {
        metrics.observeLeverans(l);
      } catch {
        // Metrics are best effort.
      }
    },
    adminHandlers: () => [
      http.get("*/__admin/metrics", ({ request }) => {
        const format = new URL(request.url).searchParams.get("format");
        if (format === "text")
          return new HttpResponse(`${metrics.summary()}\n`, {
            headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
          });
        if (format !== null && format !== "json")
          return HttpResponse.json(
            {
              error: "BAD_FORMAT",
              message: `Unknown format "${format}": use ?format=json (default) or ?format=text.`,
            },
            { status: 400 },
          );
        return HttpResponse.json(metrics.toJSON(), { headers: { "Cache-Control": "no-store" } });
      }),
      http.delete("*/__admin/metrics", () => {
        metrics.reset();
        return new HttpResponse(null, { status: 204 });
      }),
    ],
    summary: () => metrics.summary(),
    close: (info = {}) => {
      if (closed) return;
      closed = true;
      const m = metrics.toJSON();
      log.serverStop({
        ...info,
        fragor: m.leveransprecision.fragor,
        andelBesvarade: m.leveransprecision.andelBesvarade,
        svarstidP90: m.svarstid.p90,
        andelInom7s: m.svarstid.andelInom7s,
        medStorning: m.tillganglighet.medStorning,
      });
    },
  };
}
