import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arBankdag,
  type Betalare,
  bankdagPaEllerEfter,
  bankdagPaEllerFore,
  bankfriaDagar,
  dagarFranTill,
  dagarIManad,
  dagarMellan,
  dagIManad,
  laggTillManader,
  mandagFore,
  paskdagen,
  plusDagar,
  sondagEfter,
  svenskDag,
  svenskTid,
  UTBETALNINGSREGLER,
  utbetalningsdag,
  veckodag,
} from "./kalender.js";

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

describe("bank days", () => {
  it("knows the Easter-based holidays (computus)", () => {
    expect(paskdagen(2025)).toBe("2025-04-20");
    expect(paskdagen(2026)).toBe("2026-04-05");
    expect(paskdagen(2027)).toBe("2027-03-28");
    expect(paskdagen(2038)).toBe("2038-04-25");
    expect(paskdagen(2285)).toBe("2285-03-22");
    expect(arBankdag("2025-04-18")).toBe(false); // långfredagen
    expect(arBankdag("2025-04-21")).toBe(false); // annandag påsk
    expect(arBankdag("2027-03-26")).toBe(false); // långfredagen 2027
    expect(arBankdag("2027-03-29")).toBe(false); // annandag påsk 2027
    expect(arBankdag("2027-05-06")).toBe(false); // Kristi himmelsfärdsdag 2027
    expect(arBankdag("2027-03-25")).toBe(true); // skärtorsdagen is a bank day
  });

  it("closes on the fixed holidays and the evenings banks keep closed", () => {
    expect(arBankdag("2026-12-25")).toBe(false);
    expect(arBankdag("2026-12-24")).toBe(false);
    expect(arBankdag("2026-12-31")).toBe(false);
    expect(arBankdag("2026-06-19")).toBe(false); // midsommarafton
    expect(arBankdag("2026-06-05")).toBe(true);
    expect(arBankdag("2027-01-06")).toBe(false);
    expect(arBankdag("2026-05-01")).toBe(false);
    expect(bankfriaDagar(2026).get("2026-06-19")).toBe("midsommarafton");
    expect(arBankdag("2026-11-21")).toBe(false); // a Saturday
    expect(arBankdag("2026-11-23")).toBe(true);
  });

  it("moves a payment to the bank day before", () => {
    expect(bankdagPaEllerFore("2026-12-25")).toBe("2026-12-23");
    expect(bankdagPaEllerFore("2027-01-01")).toBe("2026-12-30");
    expect(bankdagPaEllerEfter("2026-12-24")).toBe("2026-12-28");
    expect(utbetalningsdag("FK", "2026-12-01")).toBe("2026-12-23");
    expect(utbetalningsdag("PM", "2025-04-03")).toBe("2025-04-17");
    expect(utbetalningsdag("PM", "2026-06-30")).toBe("2026-06-18");
    expect(utbetalningsdag("CSN", "2026-10-01")).toBe("2026-10-23");
    expect(utbetalningsdag("FK_BARNBIDRAG", "2026-12-09")).toBe("2026-12-18");
    expect(utbetalningsdag("AKASSA", "2026-11-18")).toBe("2026-11-24");
    // Tuesday 2029-12-25 is juldagen and the Monday julafton: paid after the week, on the 27th.
    expect(utbetalningsdag("AKASSA", "2029-12-20")).toBe("2029-12-27");
    // Tuesday 2029-05-01 is första maj: paid on Monday 30 April.
    expect(utbetalningsdag("AKASSA", "2029-04-26")).toBe("2029-04-30");
  });

  it("never pays on a non-bank day, for every payer over ten years", () => {
    for (let d = "2020-01-01"; d < "2030-12-31"; d = plusDagar(d, 7))
      for (const b of Object.keys(UTBETALNINGSREGLER) as Betalare[]) {
        const u = utbetalningsdag(b, d);
        expect(arBankdag(u), `${b} ${d} → ${u}`).toBe(true);
      }
  });

  it("has one weekday convention: ISO 1 = Monday … 7 = Sunday", () => {
    expect(veckodag("2026-11-23")).toBe(1);
    expect(veckodag("2026-11-22")).toBe(7);
    expect(mandagFore("2026-11-22")).toBe("2026-11-16");
    expect(sondagEfter("2026-11-22")).toBe("2026-11-22");
    expect(dagarMellan("2026-12-31", "2027-01-02")).toBe(2);
    expect(dagIManad("2026-02-03", 31)).toBe("2026-02-28");
  });
});

describe("svenskTid", () => {
  it("gives the Swedish day, ISO weekday and hour", () => {
    expect(svenskTid(new Date("2026-11-22T01:30:00Z"))).toEqual({
      dag: "2026-11-22",
      ar: 2026,
      veckodag: 7,
      timme: 2,
    });
    expect(svenskTid(new Date("2026-12-31T23:30:00Z"))).toEqual({
      dag: "2027-01-01",
      ar: 2027,
      veckodag: 5,
      timme: 0,
    });
  });
});

// The day arithmetic is integer arithmetic on the digits (it runs for every payment of every
// answer); Date's proleptic Gregorian UTC calendar is the oracle it must agree with everywhere.
describe("day arithmetic agrees with Date", () => {
  const DAG = 86_400_000;
  const dag = fc
    .integer({ min: -25_000, max: 60_000 })
    .map((n) => new Date(n * DAG).toISOString().slice(0, 10));
  const viaDate = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAG).toISOString().slice(0, 10);

  it("plusDagar, veckodag, dagarMellan, dagarIManad, laggTillManader", () => {
    fc.assert(
      fc.property(
        dag,
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -40, max: 40 }),
        (iso, n, man) => {
          expect(plusDagar(iso, n)).toBe(viaDate(iso, n));
          const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
          expect(veckodag(iso)).toBe(d === 0 ? 7 : d);
          expect(dagarMellan(iso, viaDate(iso, n))).toBe(n);
          const [y, m, dd] = iso.split("-").map(Number) as [number, number, number];
          expect(dagarIManad(iso)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
          const idx = y * 12 + (m - 1) + man;
          const ny = Math.floor(idx / 12);
          const nm = (idx % 12) + 1;
          const dim = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
          expect(laggTillManader(iso, man)).toBe(
            `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(dd, dim)).padStart(2, "0")}`,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("dagarFranTill: every day, or Monday–Friday, from and to both included", () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: -1, max: 70 }), fc.boolean(), (fran, n, vardagar) => {
        const till = viaDate(fran, n);
        const want: string[] = [];
        for (let i = 0; i <= n; i++) {
          const d = viaDate(fran, i);
          const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
          if (!vardagar || (wd >= 1 && wd <= 5)) want.push(d);
        }
        expect(dagarFranTill(fran, till, vardagar)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it("svenskDag changes at Swedish midnight, also right after a remembered minute", () => {
    expect(svenskDag(new Date("2026-11-20T22:59:59Z"))).toBe("2026-11-20");
    expect(svenskDag(new Date("2026-11-20T23:00:00Z"))).toBe("2026-11-21");
    expect(svenskDag(new Date("2026-11-20T23:00:30Z"))).toBe("2026-11-21");
    expect(svenskDag(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    expect(svenskDag(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });

  it("a day outside the fast path behaves as Date does", () => {
    expect(plusDagar("2026-02-30", 1)).toBe(viaDate("2026-02-30", 1));
    expect(() => plusDagar("not a day", 1)).toThrow(RangeError);
  });
});
