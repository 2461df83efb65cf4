import type { BastjanstKod } from "../../contract/ssbt/model.js";
import type { Rng } from "../population/rng.js";
import { type LocalTime, localTime, minutesOfDay } from "./calendar.js";
import { drawLatencyMs } from "./lognormal.js";
import type { OpeningHours, Outage, TimingConfig } from "./profiles.js";

/**
 * What the timing model decides for one request to one bastjänst. Delays are in simulated ms;
 * the layer in `simulators/faults/layer.ts` scales them by the time scale before waiting.
 */
export type TimingDecision =
  /** Answer normally after `delayMs`. */
  | { kind: "answer"; delayMs: number }
  /** No answer within the deadline: the composite service reports SSBT-2001. */
  | { kind: "timeout"; delayMs: number; reason: string }
  /** The bastjänst is closed (planned outage or outside opening hours, policy "unavailable"). */
  | { kind: "closed"; reason: string; retryAfterS?: number }
  /** A background error: the bastjänst answers this HTTP status. */
  | { kind: "error"; status: number; reason: string };

/**
 * True when `now` is inside the opening hours (local time of their time zone).
 *
 * @example
 * isOpen(new Date("2026-11-28T10:00:00+01:00"), timingProfile("fast").openingHours) // false: a Saturday
 */
export function isOpen(now: Date, hours: OpeningHours): boolean {
  return openAt(localTime(now, hours.timeZone), hours);
}

function openAt(t: LocalTime, hours: OpeningHours): boolean {
  const m = t.hour * 60 + t.minute;
  return (
    hours.days.includes(t.weekday) &&
    m >= (minutesOfDay(hours.from) ?? 0) &&
    m < (minutesOfDay(hours.to) ?? 0)
  );
}

/**
 * The month-end multiplier at `now`: `factor` from `fromDay` (local, Stockholm by default) to the
 * last day of the month, else 1. A `fromDay` after the month's last day means no peak that month.
 *
 * @example
 * monthEndFactor(new Date("2026-11-27T10:00:00+01:00"), timingProfile("realistic")) // 1.4
 */
export function monthEndFactor(now: Date, c: TimingConfig): number {
  return factorAt(localTime(now, c.openingHours.timeZone), c);
}

function factorAt(t: LocalTime, c: TimingConfig): number {
  return t.day >= c.monthEnd.fromDay ? c.monthEnd.factor : 1;
}

/**
 * The planned outage covering `kod` at `now` (a window without `kod` covers every bastjänst).
 *
 * @example
 * activeOutage(new Date("2026-11-27T09:00:00+01:00"), "MIV", [{ kod: "MIV", from: "…08:00…", tom: "…12:00…" }])
 */
export function activeOutage(now: Date, kod: BastjanstKod, outages: readonly Outage[]): Outage | undefined {
  const t = now.getTime();
  return outages.find(
    (o) =>
      (o.kod === undefined || o.kod === kod) &&
      new Date(o.from).getTime() <= t &&
      t < new Date(o.tom).getTime(),
  );
}

function describeHours(h: OpeningHours): string {
  const names = ["", "mån", "tis", "ons", "tor", "fre", "lör", "sön"];
  const days = h.days.length ? h.days.map((d) => names[d]).join(",") : "inga dagar";
  return `${days} ${h.from}–${h.to} (${h.timeZone})`;
}

/**
 * Decides one request: closed (outage, or outside opening hours with policy "unavailable"),
 * a background error, a background timeout, or an answer after a log-normal latency multiplied
 * by the month-end peak (and the slow factor outside opening hours). A latency at or above the
 * deadline is a timeout. `rng` is the request's own seeded stream; exactly four numbers are
 * drawn from it whatever the outcome, so the decision depends only on seed, kod, request key,
 * config and clock.
 *
 * @example
 * decideTiming(timingProfile("realistic"), "FK", new Date("2026-11-27T10:00:00+01:00"), 10_000,
 *   new Rng(hashSeed(1, "FK", "key"))) // { kind: "answer", delayMs: 2417 }
 */
export function decideTiming(
  c: TimingConfig,
  kod: BastjanstKod,
  now: Date,
  deadlineMs: number,
  rng: Rng,
): TimingDecision {
  const errorDraw = rng.next();
  const timeoutDraw = rng.next();
  const base = drawLatencyMs(rng, c.latency[kod]);
  const outage = activeOutage(now, kod, c.outages);
  if (outage) {
    const retryAfterS = Math.max(1, Math.ceil((new Date(outage.tom).getTime() - now.getTime()) / 1000));
    return {
      kind: "closed",
      reason: `planerat avbrott ${outage.from} – ${outage.tom}${outage.reason ? ` (${outage.reason})` : ""}`,
      retryAfterS,
    };
  }
  const local = localTime(now, c.openingHours.timeZone);
  const open = openAt(local, c.openingHours);
  if (!open && c.openingHours.outside === "unavailable")
    return { kind: "closed", reason: `utanför öppettiderna ${describeHours(c.openingHours)}` };
  if (errorDraw < c.errorRate) return { kind: "error", status: 500, reason: "bakgrundsfel (errorRate)" };
  if (timeoutDraw < c.timeoutRate)
    return { kind: "timeout", delayMs: deadlineMs, reason: "bakgrundstimeout (timeoutRate)" };
  const slow = !open && c.openingHours.outside === "slow" ? c.openingHours.slowFactor : 1;
  const delayMs = Math.round(base * factorAt(local, c) * slow);
  if (delayMs >= deadlineMs)
    return {
      kind: "timeout",
      delayMs,
      reason: `simulerad svarstid ${delayMs} ms ≥ deadline ${deadlineMs} ms`,
    };
  return { kind: "answer", delayMs };
}
