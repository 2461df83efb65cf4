import { HarnessError } from "../../contract/errors.js";
import { citat, kortMaskerad } from "../../contract/maskering.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { isKnownTimeZone, minutesOfDay } from "./calendar.js";
import type { LatencyParams } from "./lognormal.js";
import {
  OUTSIDE_HOURS_POLICIES,
  type Outage,
  type OutsideHoursPolicy,
  type TimingConfig,
  type TimingOverrides,
} from "./profiles.js";

type Obj = Record<string, unknown>;

const bad = (field: string, message: string): HarnessError => {
  const f = kortMaskerad(field, 60);
  return new HarnessError("BAD_TIMING", `${f}: ${message}`, { field: f });
};

/** Largest latency parameter (median, p95): ten minutes — finite, and far above any deadline. */
const MAX_LATENCY_MS = 600_000;
/** Largest slow-down factor (month end, outside hours). */
const MAX_FACTOR = 1_000;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function object(v: unknown, field: string, allowed: readonly string[]): Obj {
  if (!isObj(v)) throw bad(field, `expected an object, got ${citat(v)}.`);
  for (const k of Object.keys(v))
    if (!allowed.includes(k)) throw bad(`${field}.${k}`, `unknown field; allowed: ${allowed.join(", ")}.`);
  return v;
}

function number(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max)
    throw bad(field, `expected a number in [${min}, ${max}], got ${citat(v)}.`);
  return v;
}

/**
 * Parses an ISO 8601 date-time that carries an offset (or Z) and names a real date; returns the
 * instant. `field` names the value in the error.
 *
 * @example
 * parseInstant("2026-11-27T10:00:00+01:00", "clock") // 2026-11-27T09:00:00.000Z
 * parseInstant("2026-02-30T10:00:00+01:00", "clock") // throws "clock: not a real date-time …"
 */
export function parseInstant(v: unknown, field: string): Date {
  if (typeof v !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v))
    throw bad(
      field,
      `expected an ISO 8601 date-time with offset such as "2026-11-27T10:00:00+01:00", got ${citat(v)}.`,
    );
  const [y, m, day] = v.slice(0, 10).split("-").map(Number) as [number, number, number];
  const hour = Number(v.slice(11, 13));
  const realDay = m >= 1 && m <= 12 && day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = new Date(v);
  if (!realDay || hour > 23 || Number.isNaN(d.getTime())) throw bad(field, `not a real date-time: "${v}".`);
  return d;
}

function kodOf(v: unknown, field: string, koder: readonly string[]): BastjanstKod {
  const k = typeof v === "string" ? v.toUpperCase() : "";
  if (!koder.includes(k)) throw bad(field, `unknown bastjänst ${citat(v)}: use one of ${koder.join(", ")}.`);
  return k as BastjanstKod;
}

function latency(
  v: unknown,
  field: string,
  koder: readonly string[],
): Partial<Record<BastjanstKod, Partial<LatencyParams>>> {
  if (!isObj(v)) throw bad(field, `expected an object keyed by bastjänst (e.g. {"FK": {"medianMs": 2000}}).`);
  const out: Partial<Record<BastjanstKod, Partial<LatencyParams>>> = {};
  for (const [k, x] of Object.entries(v)) {
    const kod = kodOf(k, `${field}.${k}`, koder);
    const o = object(x, `${field}.${k}`, ["medianMs", "p95Ms"]);
    const l: Partial<LatencyParams> = {};
    if (o.medianMs !== undefined)
      l.medianMs = number(o.medianMs, `${field}.${k}.medianMs`, 0, MAX_LATENCY_MS);
    if (o.p95Ms !== undefined) l.p95Ms = number(o.p95Ms, `${field}.${k}.p95Ms`, 0, MAX_LATENCY_MS);
    if (l.medianMs !== undefined && l.p95Ms !== undefined && l.p95Ms < l.medianMs)
      throw bad(`${field}.${k}.p95Ms`, `p95 (${l.p95Ms} ms) is below the median (${l.medianMs} ms).`);
    out[kod] = l;
  }
  return out;
}

/**
 * Reads one outage window `{ kod?, from, tom, reason? }`.
 *
 * @example
 * parseOutage({ kod: "MIV", from: "2026-11-27T08:00:00+01:00", tom: "2026-11-27T12:00:00+01:00" }, "outages[0]")
 */
export function parseOutage(v: unknown, field: string, koder: readonly string[] = BASTJANSTER): Outage {
  const o = object(v, field, ["kod", "from", "tom", "reason"]);
  const from = parseInstant(o.from, `${field}.from`);
  const tom = parseInstant(o.tom, `${field}.tom`);
  if (tom.getTime() <= from.getTime())
    throw bad(`${field}.tom`, `ends (${o.tom}) before or when it starts (${o.from}).`);
  const out: Outage = { from: o.from as string, tom: o.tom as string };
  if (o.kod !== undefined) out.kod = kodOf(o.kod, `${field}.kod`, koder);
  if (o.reason !== undefined) {
    if (typeof o.reason !== "string") throw bad(`${field}.reason`, "expected a string.");
    out.reason = o.reason;
  }
  return out;
}

/**
 * Validates timing overrides (scenario `timing`, `PUT /__admin/timing`, the `timing` option).
 * Unknown fields and bad values fail with the field's path and what to write instead.
 *
 * @example
 * parseTimingOverrides({ monthEnd: { factor: 2 } }) // { monthEnd: { factor: 2 } }
 * parseTimingOverrides({ errorRate: 2 }) // throws "timing.errorRate: expected a number in [0, 1], got 2."
 */
export function parseTimingOverrides(
  v: unknown,
  field = "timing",
  koder: readonly string[] = BASTJANSTER,
): TimingOverrides {
  const o = object(v, field, ["latency", "monthEnd", "openingHours", "outages", "errorRate", "timeoutRate"]);
  const out: TimingOverrides = {};
  if (o.latency !== undefined) out.latency = latency(o.latency, `${field}.latency`, koder);
  if (o.monthEnd !== undefined) {
    const m = object(o.monthEnd, `${field}.monthEnd`, ["fromDay", "factor"]);
    out.monthEnd = {};
    if (m.fromDay !== undefined) {
      const d = number(m.fromDay, `${field}.monthEnd.fromDay`, 1, 31);
      if (!Number.isInteger(d))
        throw bad(`${field}.monthEnd.fromDay`, `expected a whole day of month, got ${d}.`);
      out.monthEnd.fromDay = d;
    }
    if (m.factor !== undefined)
      out.monthEnd.factor = number(m.factor, `${field}.monthEnd.factor`, 0, MAX_FACTOR);
  }
  if (o.openingHours !== undefined) {
    const f = `${field}.openingHours`;
    const h = object(o.openingHours, f, ["days", "from", "to", "timeZone", "outside", "slowFactor"]);
    const oh: TimingOverrides["openingHours"] = {};
    if (h.days !== undefined) {
      if (!Array.isArray(h.days) || h.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
        throw bad(
          `${f}.days`,
          `expected ISO weekdays 1 (Monday) … 7 (Sunday), e.g. [1,2,3,4,5], got ${citat(h.days)}.`,
        );
      oh.days = [...(h.days as number[])];
    }
    for (const k of ["from", "to"] as const) {
      const x = h[k];
      if (x === undefined) continue;
      if (typeof x !== "string" || minutesOfDay(x) === undefined)
        throw bad(`${f}.${k}`, `expected "HH:MM" (00:00–24:00), got ${citat(x)}.`);
      oh[k] = x;
    }
    if (h.timeZone !== undefined) {
      if (typeof h.timeZone !== "string" || !isKnownTimeZone(h.timeZone))
        throw bad(
          `${f}.timeZone`,
          `unknown time zone ${citat(h.timeZone)}: use an IANA name such as Europe/Stockholm.`,
        );
      oh.timeZone = h.timeZone;
    }
    if (h.outside !== undefined) oh.outside = parseOutsideHoursPolicy(h.outside, `${f}.outside`);
    if (h.slowFactor !== undefined) oh.slowFactor = number(h.slowFactor, `${f}.slowFactor`, 1, MAX_FACTOR);
    out.openingHours = oh;
  }
  if (o.outages !== undefined) {
    if (!Array.isArray(o.outages))
      throw bad(`${field}.outages`, "expected a list of {kod?, from, tom, reason?}.");
    out.outages = o.outages.map((x, i) => parseOutage(x, `${field}.outages[${i}]`, koder));
  }
  if (o.errorRate !== undefined) out.errorRate = number(o.errorRate, `${field}.errorRate`, 0, 1);
  if (o.timeoutRate !== undefined) out.timeoutRate = number(o.timeoutRate, `${field}.timeoutRate`, 0, 1);
  return out;
}

/**
 * Reads an opening-hours policy.
 *
 * @example
 * parseOutsideHoursPolicy("unavailable", "--outside-hours") // "unavailable"
 */
export function parseOutsideHoursPolicy(v: unknown, field: string): OutsideHoursPolicy {
  if (typeof v !== "string" || !(OUTSIDE_HOURS_POLICIES as readonly string[]).includes(v))
    throw bad(field, `unknown policy ${citat(v)}: use one of ${OUTSIDE_HOURS_POLICIES.join(", ")}.`);
  return v as OutsideHoursPolicy;
}

/**
 * Checks a complete (merged) config for contradictions a partial override cannot see, e.g. an
 * overridden median above the profile's p95, or opening hours that close before they open.
 *
 * @example
 * checkTiming(timingProfile("realistic")) // ok, returns nothing
 */
export function checkTiming(c: TimingConfig, field = "timing"): void {
  for (const kod of BASTJANSTER) {
    const l = c.latency[kod];
    if (l.p95Ms < l.medianMs)
      throw bad(
        `${field}.latency.${kod}`,
        `p95 (${l.p95Ms} ms) is below the median (${l.medianMs} ms); give both.`,
      );
    if (l.medianMs === 0 && l.p95Ms > 0)
      throw bad(`${field}.latency.${kod}`, "a median of 0 means no delay; p95 must be 0 too.");
  }
  const from = minutesOfDay(c.openingHours.from) ?? 0;
  const to = minutesOfDay(c.openingHours.to) ?? 0;
  if (to <= from)
    throw bad(
      `${field}.openingHours`,
      `closes (${c.openingHours.to}) before it opens (${c.openingHours.from}).`,
    );
}
