import { HarnessError } from "../../contract/errors.js";

/** Wall-clock facts of one instant in one time zone. */
export interface LocalTime {
  year: number;
  /** 1–12. */
  month: number;
  /** Day of month, 1–31. */
  day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  /** Number of days in this month (28–31). */
  daysInMonth: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        weekday: "short",
        hour: "numeric",
        minute: "numeric",
        hourCycle: "h23",
      });
    } catch {
      throw new HarnessError(
        "BAD_TIMING",
        `Unknown time zone "${timeZone}": use an IANA name such as Europe/Stockholm.`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * True when `timeZone` is an IANA time zone this runtime knows.
 *
 * @example
 * isKnownTimeZone("Europe/Stockholm") // true
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock time of `instant` in `timeZone` (DST handled by the runtime's tz data).
 *
 * @example
 * localTime(new Date("2026-11-27T10:00:00+01:00"), "Europe/Stockholm") // { weekday: 5, hour: 10, day: 27, … }
 */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  return {
    year,
    month,
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? 0,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/**
 * Minutes since local midnight of a "HH:MM" string, or undefined when it is not one.
 *
 * @example
 * minutesOfDay("08:30") // 510
 */
export function minutesOfDay(hhmm: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : undefined;
}
