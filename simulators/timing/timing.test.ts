import { describe, expect, it } from "vitest";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { hashSeed, Rng } from "../population/rng.js";
import { localTime } from "./calendar.js";
import { drawLatencyMs, lognormalParams } from "./lognormal.js";
import { activeOutage, decideTiming, isOpen, monthEndFactor } from "./model.js";
import { checkTiming, parseTimingOverrides } from "./overrides.js";
import { mergeTiming, REALISTIC_LATENCY, type TimingConfig, timingProfile } from "./profiles.js";

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

/** Thursday 2026-11-12 10:00 Stockholm: open, no month-end peak. */
const MID_MONTH = new Date("2026-11-12T10:00:00+01:00");
/** Friday 2026-11-27 10:00 Stockholm: open, month-end peak. */
const MONTH_END = new Date("2026-11-27T10:00:00+01:00");

function draws(c: TimingConfig, kod: BastjanstKod, now: Date, n: number, seed = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = decideTiming(c, kod, now, 1e9, new Rng(hashSeed(seed, kod, String(i))));
    if (d.kind !== "answer") throw new Error(`unexpected ${d.kind}`);
    out.push(d.delayMs);
  }
  return out.sort((a, b) => a - b);
}

const noBackground = (p: "realistic" | "fast") =>
  mergeTiming(timingProfile(p), { errorRate: 0, timeoutRate: 0 });

describe("log-normal latency", () => {
  it("derives mu and sigma from median and p95", () => {
    const { mu, sigma } = lognormalParams({ medianMs: 1000, p95Ms: 3000 });
    expect(Math.exp(mu)).toBeCloseTo(1000, 6);
    expect(Math.exp(mu + 1.6448536 * sigma)).toBeCloseTo(3000, 2);
    expect(lognormalParams({ medianMs: 500, p95Ms: 500 }).sigma).toBe(0);
  });

  it.each(
    BASTJANSTER,
  )("%s: median and p95 over 20 000 seeded draws are as documented (within 6 percent)", (kod) => {
    const s = draws(noBackground("realistic"), kod, MID_MONTH, 20_000);
    const { medianMs, p95Ms } = REALISTIC_LATENCY[kod];
    expect(quantile(s, 0.5) / medianMs).toBeGreaterThan(0.94);
    expect(quantile(s, 0.5) / medianMs).toBeLessThan(1.06);
    expect(quantile(s, 0.95) / p95Ms).toBeGreaterThan(0.94);
    expect(quantile(s, 0.95) / p95Ms).toBeLessThan(1.06);
  });

  it("LEFI (FK) is the slowest bastjänst", () => {
    for (const kod of BASTJANSTER) {
      if (kod === "FK") continue;
      expect(REALISTIC_LATENCY.FK.medianMs).toBeGreaterThan(REALISTIC_LATENCY[kod].medianMs);
      expect(REALISTIC_LATENCY.FK.p95Ms).toBeGreaterThan(REALISTIC_LATENCY[kod].p95Ms);
    }
  });

  it("is deterministic: same seed and key, same draws; another seed, other draws", () => {
    const a = draws(noBackground("realistic"), "CSN", MID_MONTH, 50, 7);
    expect(draws(noBackground("realistic"), "CSN", MID_MONTH, 50, 7)).toEqual(a);
    expect(draws(noBackground("realistic"), "CSN", MID_MONTH, 50, 8)).not.toEqual(a);
  });

  it("a median of 0 means no delay and still consumes the stream identically", () => {
    const r1 = new Rng(5);
    const r2 = new Rng(5);
    expect(drawLatencyMs(r1, { medianMs: 0, p95Ms: 0 })).toBe(0);
    drawLatencyMs(r2, { medianMs: 100, p95Ms: 300 });
    expect(r1.next()).toBe(r2.next());
  });
});

describe("month-end peak", () => {
  const c = timingProfile("realistic");

  it.each([
    ["2026-11-19T23:59:00+01:00", 1],
    ["2026-11-20T00:00:00+01:00", 1.4],
    ["2026-11-19T23:30:00Z", 1.4], // already the 20th in Stockholm
    ["2026-11-30T23:59:00+01:00", 1.4],
    ["2026-12-01T00:00:00+01:00", 1],
    ["2027-02-28T12:00:00+01:00", 1.4],
  ])("at %s the multiplier is %s", (iso, factor) => {
    expect(monthEndFactor(new Date(iso), c)).toBe(factor);
  });

  it("multiplies every draw by the factor (same streams, peak vs. mid-month)", () => {
    const mid = draws(noBackground("realistic"), "SO", MID_MONTH, 200);
    const peak = draws(noBackground("realistic"), "SO", new Date("2026-11-26T10:00:00+01:00"), 200);
    for (const [i, m] of mid.entries()) expect(Math.abs(peak[i]! - m * 1.4)).toBeLessThanOrEqual(1);
    expect(quantile(draws(noBackground("realistic"), "SO", MONTH_END, 5000), 0.5)).toBeGreaterThan(
      REALISTIC_LATENCY.SO.medianMs * 1.3,
    );
  });

  it("fromDay later than the month's last day means no peak that month", () => {
    const late = mergeTiming(c, { monthEnd: { fromDay: 31 } });
    expect(monthEndFactor(new Date("2026-11-30T12:00:00+01:00"), late)).toBe(1);
  });
});

describe("opening hours (Mon–Fri 08–17 Europe/Stockholm)", () => {
  const hours = timingProfile("realistic").openingHours;

  it.each([
    ["2026-11-23T08:00:00+01:00", true, "Monday 08:00"],
    ["2026-11-23T07:59:00+01:00", false, "Monday 07:59"],
    ["2026-11-27T16:59:00+01:00", true, "Friday 16:59"],
    ["2026-11-27T17:00:00+01:00", false, "Friday 17:00"],
    ["2026-11-28T10:00:00+01:00", false, "Saturday"],
    ["2026-11-29T10:00:00+01:00", false, "Sunday"],
    ["2026-06-15T06:30:00Z", true, "summer time: 08:30 local"],
    ["2026-06-15T15:30:00Z", false, "summer time: 17:30 local"],
  ])("%s open=%s (%s)", (iso, open) => {
    expect(isOpen(new Date(iso), hours)).toBe(open);
  });

  it("knows local wall-clock facts", () => {
    expect(localTime(new Date("2026-11-27T10:00:00+01:00"), "Europe/Stockholm")).toMatchObject({
      weekday: 5,
      day: 27,
      hour: 10,
      daysInMonth: 30,
    });
  });

  const saturday = new Date("2026-11-28T10:00:00+01:00");
  const rng = () => new Rng(hashSeed(1, "AF", "x"));

  it("policy answer: answers as usual outside opening hours", () => {
    const c = mergeTiming(noBackground("realistic"), {
      openingHours: { outside: "answer" },
      monthEnd: { factor: 1 },
    });
    const d = decideTiming(c, "AF", saturday, 1e9, rng());
    expect(d).toEqual(decideTiming(c, "AF", MID_MONTH, 1e9, rng()));
  });

  it("policy slow: the same draw times slowFactor", () => {
    const base = mergeTiming(noBackground("realistic"), { monthEnd: { factor: 1 } });
    const slow = mergeTiming(base, { openingHours: { outside: "slow", slowFactor: 3 } });
    const normal = decideTiming(base, "AF", MID_MONTH, 1e9, rng());
    const d = decideTiming(slow, "AF", saturday, 1e9, rng());
    expect(d.kind).toBe("answer");
    if (d.kind === "answer" && normal.kind === "answer")
      expect(Math.abs(d.delayMs - normal.delayMs * 3)).toBeLessThanOrEqual(1);
    expect(decideTiming(slow, "AF", MID_MONTH, 1e9, rng())).toEqual(normal); // inside hours: unchanged
  });

  it("policy unavailable: closed outside, open inside", () => {
    const c = mergeTiming(noBackground("fast"), { openingHours: { outside: "unavailable" } });
    const d = decideTiming(c, "MIV", saturday, 10_000, rng());
    expect(d.kind).toBe("closed");
    if (d.kind === "closed") expect(d.reason).toContain("utanför öppettiderna");
    expect(decideTiming(c, "MIV", MID_MONTH, 10_000, rng()).kind).toBe("answer");
  });
});

describe("planned outages", () => {
  const outages = [
    {
      kod: "MIV" as const,
      from: "2026-11-27T08:00:00+01:00",
      tom: "2026-11-27T12:00:00+01:00",
      reason: "release",
    },
    { from: "2026-11-28T18:00:00+01:00", tom: "2026-11-28T20:00:00+01:00" },
  ];
  const c = mergeTiming(timingProfile("fast"), { outages });

  it("closes one bastjänst inside its window (from inclusive, tom exclusive)", () => {
    expect(activeOutage(new Date("2026-11-27T08:00:00+01:00"), "MIV", outages)).toBeDefined();
    expect(activeOutage(new Date("2026-11-27T12:00:00+01:00"), "MIV", outages)).toBeUndefined();
    expect(activeOutage(new Date("2026-11-27T09:00:00+01:00"), "AF", outages)).toBeUndefined();
    const d = decideTiming(c, "MIV", new Date("2026-11-27T11:00:00+01:00"), 10_000, new Rng(1));
    expect(d).toMatchObject({ kind: "closed", retryAfterS: 3600 });
    if (d.kind === "closed") expect(d.reason).toContain("release");
  });

  it("a window without kod closes every bastjänst", () => {
    for (const kod of BASTJANSTER)
      expect(decideTiming(c, kod, new Date("2026-11-28T19:00:00+01:00"), 10_000, new Rng(1)).kind).toBe(
        "closed",
      );
  });
});

describe("background errors, timeouts and the deadline", () => {
  it("the fast profile never delays, never fails", () => {
    for (let i = 0; i < 300; i++)
      for (const kod of BASTJANSTER)
        expect(
          decideTiming(timingProfile("fast"), kod, MONTH_END, 10, new Rng(hashSeed(3, kod, String(i)))),
        ).toEqual({
          kind: "answer",
          delayMs: 0,
        });
  });

  it("errorRate and timeoutRate are probabilities per request", () => {
    const c = mergeTiming(timingProfile("fast"), { errorRate: 0.1, timeoutRate: 0.05 });
    const kinds = { answer: 0, error: 0, timeout: 0, closed: 0 };
    for (let i = 0; i < 20_000; i++)
      kinds[decideTiming(c, "AF", MID_MONTH, 10_000, new Rng(hashSeed(9, String(i)))).kind]++;
    expect(kinds.error / 20_000).toBeCloseTo(0.1, 1);
    expect(kinds.timeout / 20_000).toBeGreaterThan(0.035); // 5 % of the 90 % without error
    expect(kinds.timeout / 20_000).toBeLessThan(0.055);
    expect(decideTiming(mergeTiming(c, { errorRate: 1 }), "AF", MID_MONTH, 10_000, new Rng(1))).toMatchObject(
      { kind: "error", status: 500 },
    );
    expect(
      decideTiming(mergeTiming(c, { errorRate: 0, timeoutRate: 1 }), "AF", MID_MONTH, 10_000, new Rng(1)),
    ).toMatchObject({
      kind: "timeout",
      delayMs: 10_000,
    });
  });

  it("a latency at or above the deadline is a timeout", () => {
    const c = mergeTiming(noBackground("realistic"), {
      latency: { FK: { medianMs: 20_000, p95Ms: 20_000 } },
    });
    expect(decideTiming(c, "FK", MID_MONTH, 10_000, new Rng(1))).toMatchObject({
      kind: "timeout",
      delayMs: 20_000,
    });
    expect(decideTiming(c, "FK", MID_MONTH, 30_000, new Rng(1))).toEqual({ kind: "answer", delayMs: 20_000 });
  });

  it("realistic: FK times out at 10 s for about 0.3 % mid-month and about 1.3 % at month end (plus 0.2 % background)", () => {
    const rate = (now: Date) => {
      let t = 0;
      for (let i = 0; i < 10_000; i++)
        if (
          decideTiming(timingProfile("realistic"), "FK", now, 10_000, new Rng(hashSeed(4, String(i))))
            .kind === "timeout"
        )
          t++;
      return t / 10_000;
    };
    expect(rate(MID_MONTH)).toBeLessThan(0.012);
    expect(rate(MONTH_END)).toBeGreaterThan(rate(MID_MONTH));
    expect(rate(MONTH_END)).toBeLessThan(0.03);
  });
});

describe("timing overrides", () => {
  it("accepts every documented field", () => {
    const o = parseTimingOverrides({
      latency: { FK: { medianMs: 2000, p95Ms: 6000 }, tns: { medianMs: 100 } },
      monthEnd: { fromDay: 22, factor: 2 },
      openingHours: {
        days: [1, 2, 3, 4, 5],
        from: "07:00",
        to: "18:00",
        timeZone: "Europe/Stockholm",
        outside: "slow",
        slowFactor: 2,
      },
      outages: [{ kod: "MIV", from: "2026-11-27T08:00:00+01:00", tom: "2026-11-27T12:00:00+01:00" }],
      errorRate: 0.01,
      timeoutRate: 0,
    });
    const c = mergeTiming(timingProfile("realistic"), o);
    checkTiming(c);
    expect(c.latency.TNS).toEqual({ medianMs: 100, p95Ms: 333 }); // keeps the profile's p95/median ratio
    expect(c.monthEnd).toEqual({ fromDay: 22, factor: 2 });
  });

  it.each([
    [{ errorRate: 2 }, "timing.errorRate: expected a number in [0, 1], got 2."],
    [{ latency: { XYZ: { medianMs: 1 } } }, 'timing.latency.XYZ: unknown bastjänst "XYZ"'],
    [
      { latency: { FK: { median: 1 } } },
      "timing.latency.FK.median: unknown field; allowed: medianMs, p95Ms.",
    ],
    [
      { latency: { FK: { medianMs: 500, p95Ms: 100 } } },
      "timing.latency.FK.p95Ms: p95 (100 ms) is below the median (500 ms).",
    ],
    [{ monthEnd: { fromDay: 0 } }, "timing.monthEnd.fromDay: expected a number in [1, 31]"],
    [
      { openingHours: { outside: "never" } },
      'timing.openingHours.outside: unknown policy "never": use one of answer, slow, unavailable.',
    ],
    [{ openingHours: { from: "8" } }, 'timing.openingHours.from: expected "HH:MM"'],
    [
      { openingHours: { timeZone: "Mars/Olympus" } },
      'timing.openingHours.timeZone: unknown time zone "Mars/Olympus"',
    ],
    [{ openingHours: { days: [0] } }, "timing.openingHours.days: expected ISO weekdays"],
    [
      { outages: [{ from: "2026-11-27", tom: "2026-11-28" }] },
      "timing.outages[0].from: expected an ISO 8601 date-time with offset",
    ],
    [
      { outages: [{ from: "2026-11-27T12:00:00Z", tom: "2026-11-27T11:00:00Z" }] },
      "timing.outages[0].tom: ends",
    ],
    [{ peak: 2 }, "timing.peak: unknown field"],
  ])("rejects %j with a message naming the field", (o, message) => {
    expect(() => parseTimingOverrides(o)).toThrow(message);
  });

  it("checks the merged config", () => {
    expect(() =>
      checkTiming(
        mergeTiming(timingProfile("realistic"), { latency: { AF: { medianMs: 500, p95Ms: 400 } } }),
      ),
    ).toThrow("below the median");
    expect(() =>
      checkTiming(mergeTiming(timingProfile("fast"), { openingHours: { from: "17:00", to: "08:00" } })),
    ).toThrow("closes (08:00) before it opens (17:00)");
  });
});
