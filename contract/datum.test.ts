import { describe, expect, it } from "vitest";
import { laggTillManader, plusDagar, svenskDag } from "./datum.js";

describe("svenskDag", () => {
  it("is the Swedish calendar day, not the UTC one", () => {
    expect(svenskDag(new Date("2026-11-20T10:00:00+01:00"))).toBe("2026-11-20");
    expect(svenskDag(new Date("2026-11-20T22:59:59Z"))).toBe("2026-11-20");
    expect(svenskDag(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21"); // 00:30 in Stockholm
    expect(svenskDag(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });

  it("follows summer time: midnight is 22:00 UTC in summer, 23:00 UTC in winter", () => {
    expect(svenskDag(new Date("2026-07-01T21:59:59Z"))).toBe("2026-07-01");
    expect(svenskDag(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
    // The night of the switch to summer time (29 March 2026, 02:00 → 03:00 local).
    expect(svenskDag(new Date("2026-03-28T22:59:59Z"))).toBe("2026-03-28");
    expect(svenskDag(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(svenskDag(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(svenskDag(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    // The night back to winter time (25 October 2026, 03:00 → 02:00 local).
    expect(svenskDag(new Date("2026-10-24T21:59:59Z"))).toBe("2026-10-24");
    expect(svenskDag(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(svenskDag(new Date("2026-10-25T22:59:59Z"))).toBe("2026-10-25");
    expect(svenskDag(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("always has the shape YYYY-MM-DD", () => {
    for (const t of ["2026-01-05T12:00:00Z", "1999-09-09T09:09:09Z", "2100-02-28T23:30:00Z"])
      expect(svenskDag(new Date(t))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("laggTillManader", () => {
  it("clamps to the last day of the target month", () => {
    expect(laggTillManader("2026-12-31", 2)).toBe("2027-02-28");
    expect(laggTillManader("2027-12-31", 2)).toBe("2028-02-29");
    expect(laggTillManader("2026-03-31", 1)).toBe("2026-04-30");
    expect(laggTillManader("2026-05-31", -3)).toBe("2026-02-28");
  });

  it("crosses year boundaries both ways and keeps the day when it exists", () => {
    expect(laggTillManader("2026-11-20", -2)).toBe("2026-09-20");
    expect(laggTillManader("2026-01-15", -1)).toBe("2025-12-15");
    expect(laggTillManader("2026-11-20", 1)).toBe("2026-12-20");
    expect(laggTillManader("2026-11-20", 14)).toBe("2028-01-20");
    expect(laggTillManader("2026-11-20", -24)).toBe("2024-11-20");
    expect(laggTillManader("2026-11-20", 0)).toBe("2026-11-20");
  });

  it("pads small years to four digits", () => {
    expect(laggTillManader("0099-12-15", 1)).toBe("0100-01-15");
  });
});

describe("plusDagar", () => {
  it("adds and subtracts days across months, years and leap days", () => {
    expect(plusDagar("2026-12-31", 1)).toBe("2027-01-01");
    expect(plusDagar("2028-02-28", 1)).toBe("2028-02-29");
    expect(plusDagar("2026-02-28", 1)).toBe("2026-03-01");
    expect(plusDagar("2026-03-01", -1)).toBe("2026-02-28");
    expect(plusDagar("2026-11-20", -365)).toBe("2025-11-20");
    expect(plusDagar("2026-11-20", 0)).toBe("2026-11-20");
  });

  it("is not moved by the DST switch (no time of day)", () => {
    expect(plusDagar("2026-03-28", 1)).toBe("2026-03-29");
    expect(plusDagar("2026-03-29", 1)).toBe("2026-03-30");
    expect(plusDagar("2026-10-25", 1)).toBe("2026-10-26");
  });
});
