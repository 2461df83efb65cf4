import { HarnessError } from "../../contract/errors.js";
import {
  dagnummerAv,
  datumAv,
  mandagFore as kalenderMandagFore,
  laggTillManader,
  svenskDag,
  utbetalningsdag,
  veckodagAv,
} from "../../contract/kalender.js";
import { fodelsedatum } from "../../contract/personidentitet.js";
import type {
  Arbetsloshetsersattning,
  Avstangning,
  GetUnemploymentBenefitPaymentRequest,
  GetUnemploymentBenefitPaymentResponse,
  Utbetalning,
} from "../../contract/so/model.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import type { SimulatorContext } from "../context.js";
import { berattelseperiod } from "../population/historia.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import {
  AKASSOR,
  type AkassaUppgift,
  type Datumregel,
  type Ersattning,
  type SoFakta,
  STATUS,
  type StatusSvarandeOrganisation,
} from "./model.js";

/** Most ersättningsdagar in one ersättningsperiod (the a-kassa rules' 300 days). */
export const MAX_ERSATTNINGSDAGAR = 300;

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC) so arithmetic never meets a time zone.

const DAG_MS = 86_400_000;

function dag(iso: string): number {
  const n = dagnummerAv(iso);
  if (!Number.isNaN(n)) return n;
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new HarnessError("SO_DATUM", `Not a date: ${iso.slice(0, 20)}`);
  // setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t.getTime() / DAG_MS);
}

function iso(d: number): string {
  return datumAv(d);
}

/** The Monday on or before a day number (the shared calendar's rule). */
function mandagFore(d: number): number {
  return dag(kalenderMandagFore(iso(d)));
}

/**
 * Today's date in Sweden for the simulated clock: the shared {@link svenskDag}.
 *
 * @example
 * idag(new Date("2026-11-20T23:30:00Z")) // "2026-11-21"
 */
export const idag = svenskDag;

/**
 * The asked period as day numbers; `slut` is its last day that has already happened. `berattelse`
 * is the story period (the clock's month and the two before, up to today) that relative dates
 * count from, so a fact has the same date whatever period is asked.
 */
interface Fonster {
  from: number;
  tom: number;
  slut: number;
  berattelse: { from: number; slut: number };
}

function losDatum(r: Datumregel, f: Fonster): number {
  if (typeof r === "string") return dag(r);
  const b = f.berattelse;
  const x = b.from + Math.round(r.andel * Math.max(0, b.slut - b.from));
  const m = mandagFore(x);
  const tidigast = mandagFore(dag(r.tidigast) + 6);
  return Math.max(m < b.from ? m + 7 : m, tidigast);
}

function kronor(n: number): string {
  return `${n}.00`;
}

// ---------------------------------------------------------------------------------------------
// The named personas whose kallor include SO. Stories in fixtures/personas/personas.json.

/** flera-akassor: the change from Byggnads to Unionens, halfway through the story period. */
const BYTE_AV_AKASSA: Datumregel = { andel: 0.5, tidigast: "2026-03-02" };

/**
 * The a-kassor's facts per named persona id. Every named persona whose `kallor` includes "SO"
 * has an entry (checked by the tests).
 */
export const FAKTA: Readonly<Record<string, SoFakta>> = {
  // Oskar Bergström: IF Metall, 1 020 kr/dag, five days a week, 28 % tax → 3 672 kr a week.
  "arbetslos-akassa": {
    akassor: [
      {
        akassa: "IF Metalls a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: "2026-03-09",
          dagpenningBrutto: 1020,
          skattesats: 28,
          avdragPerUtbetalning: 0,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 1,
        },
        avstangningar: [],
        ansokan: { beslut: "2026-03-13", utbetalningInlamnad: true },
      },
    ],
  },
  // Linnea Wikström: no aktivitetsrapport (AF 501), so Unionens a-kassa stops paying and
  // suspends her halfway through the story period; the payments before it remain.
  "af-501-ej-inlamnad": {
    akassor: [
      {
        akassa: "Unionens a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: "2026-05-04",
          till: { andel: 0.5, tidigast: "2026-06-01" },
          dagpenningBrutto: 1150,
          skattesats: 30,
          avdragPerUtbetalning: 0,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 2,
        },
        avstangningar: [{ fran: { andel: 0.5, tidigast: "2026-06-01" }, veckor: 2 }],
        ansokan: { beslut: "2026-05-08", utbetalningInlamnad: true },
      },
      // Member while she worked at a bank, until 2025: nothing to report.
      {
        akassa: "Finans- och försäkringsbranschens a-kassa",
        status: STATUS.ingenUppgift,
        avstangningar: [],
      },
    ],
  },
  // Peter Johansson: applied to Akademikernas a-kassa, no decision yet, nothing paid.
  "akassa-ansokan-pagar": {
    akassor: [
      {
        akassa: "Akademikernas a-kassa",
        status: STATUS.ok,
        avstangningar: [],
        ansokan: { beslut: null, utbetalningInlamnad: true },
      },
      // Member while he taught at an upper secondary school, until 2025: nothing to report.
      { akassa: "Lärarnas a-kassa", status: STATUS.ingenUppgift, avstangningar: [] },
    ],
  },
  // Fredrik Lind: Byggnads a-kassa until he moves to Unionens a-kassa halfway through the story
  // period; Unionens takes over the case and sets off an earlier overpayment (300 kr a payment).
  "flera-akassor": {
    akassor: [
      {
        akassa: "Byggnads a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: "2026-02-02",
          till: BYTE_AV_AKASSA,
          dagpenningBrutto: 1080,
          skattesats: 29,
          avdragPerUtbetalning: 0,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 1,
        },
        avstangningar: [],
        ansokan: { beslut: "2026-01-30", utbetalningInlamnad: true },
      },
      {
        akassa: "Unionens a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: BYTE_AV_AKASSA,
          dagpenningBrutto: 1080,
          skattesats: 29,
          avdragPerUtbetalning: 300,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 1,
        },
        avstangningar: [],
        ansokan: { beslut: BYTE_AV_AKASSA, utbetalningInlamnad: true },
      },
    ],
  },
  // Anders Karlsson: part-time unemployed (three days a week) in Kommunals a-kassa, with
  // utmätning by Kronofogden taken from every payment.
  "hela-kedjan": {
    akassor: [
      {
        akassa: "Kommunals a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: "2026-01-12",
          dagpenningBrutto: 940,
          skattesats: 31,
          avdragPerUtbetalning: 450,
          dagarPerVecka: 3,
          veckorPerUtbetalning: 1,
        },
        avstangningar: [],
        ansokan: { beslut: "2026-01-09", utbetalningInlamnad: true },
      },
      // Member while he painted houses, until 2019: nothing to report.
      { akassa: "Målarnas a-kassa", status: STATUS.ingenUppgift, avstangningar: [] },
    ],
  },
  // Testa Allakoder: every a-kassa and every status, for vendors' parser tests.
  kodtackning: { akassor: kodtackning() },
  // Johan Eriksson: Handels, full time, paid every other week; the daily amount steps down after
  // 100 and 200 compensated days (the a-kassa rules' avtrappning) until the 300 days are used.
  "akassa-avtrappning": {
    akassor: [
      {
        akassa: "Handelsanställdas a-kassa",
        status: STATUS.ok,
        ersattning: {
          fran: "2026-01-05",
          dagpenningBrutto: 1200,
          nedtrappning: [
            { efterDagar: 100, dagpenningBrutto: 1050 },
            { efterDagar: 200, dagpenningBrutto: 975 },
          ],
          skattesats: 30,
          avdragPerUtbetalning: 0,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 2,
        },
        avstangningar: [],
        ansokan: { beslut: "2026-01-09", utbetalningInlamnad: true },
      },
      // Member while he worked at a sawmill, until 2019: nothing to report.
      { akassa: "GS a-kassa", status: STATUS.ingenUppgift, avstangningar: [] },
    ],
  },
  // Fatima Ali: Hotell- och restaurang does not answer (a partial answer); Livsmedelsarbetarnas
  // a-kassa knows her as a new member with nothing to report.
  "akassa-tekniskt-fel": {
    akassor: [
      { akassa: "Hotell- och restauranganställdas a-kassa", status: STATUS.svaradeInte, avstangningar: [] },
      { akassa: "Livsmedelsarbetarnas a-kassa", status: STATUS.ingenUppgift, avstangningar: [] },
      // Her a-kassa while she cleaned offices (2024–2025) answers, but not readably.
      { akassa: "Fastighets a-kassa", status: STATUS.ogiltigtSvar, avstangningar: [] },
    ],
  },
  // Emil Forsberg (af-500-ej-i-alf): applied to Alfa-kassan; it waits for his activity reports
  // (he is not in ALF), so no decision yet and nothing paid.
  "af-500-ej-i-alf": {
    akassor: [
      {
        akassa: "Alfa-kassan",
        status: STATUS.ok,
        avstangningar: [],
        ansokan: { beslut: null, utbetalningInlamnad: true },
      },
    ],
  },
  // Camilla, the retraining electrician (omstallningsstudiestod): still a member of Elektrikernas
  // a-kassa while she studies with omställningsstudiestöd, no compensation to report.
  omstallningsstudiestod: {
    akassor: [{ akassa: "Elektrikernas a-kassa", status: STATUS.ingenUppgift, avstangningar: [] }],
  },
  // Ahmed, the komvux student (studiestartsstod): a member of Sveriges Arbetares a-kassa since his
  // last job, no compensation while he studies.
  studiestartsstod: {
    akassor: [{ akassa: "Sveriges Arbetares a-kassa", status: STATUS.ingenUppgift, avstangningar: [] }],
  },
  // Mohammed Yusuf: his membership moves from Transportarbetarnas a-kassa to Alfa-kassan; until it
  // is done the service answers TEKNISKT_FEL for him.
  "akassa-flytt-tekniskt-fel": {
    akassor: [
      { akassa: "Transportarbetarnas a-kassa", status: STATUS.ingenUppgift, avstangningar: [] },
      { akassa: "Alfa-kassan", status: STATUS.ingenUppgift, avstangningar: [] },
    ],
    fel: "TEKNISKT_FEL",
  },
};

/** Every a-kassa once; statuses cycle so every status appears; the first two carry the data. */
function kodtackning(): AkassaUppgift[] {
  const cykel: StatusSvarandeOrganisation[] = [
    STATUS.ingenUppgift,
    STATUS.svaradeInte,
    STATUS.ogiltigtSvar,
    STATUS.ok,
  ];
  return AKASSOR.map((akassa, i): AkassaUppgift => {
    if (i === 0)
      return {
        akassa,
        status: STATUS.ok,
        ersattning: {
          fran: "2026-01-05",
          dagpenningBrutto: 1200,
          skattesats: 30,
          avdragPerUtbetalning: 250,
          dagarPerVecka: 5,
          veckorPerUtbetalning: 1,
        },
        avstangningar: [{ fran: { andel: 0.3, tidigast: "2026-01-12" }, veckor: 1 }],
        ansokan: { beslut: "2026-01-02", utbetalningInlamnad: true },
      };
    if (i === 1)
      return {
        akassa,
        status: STATUS.ok,
        avstangningar: [],
        ansokan: { beslut: null, utbetalningInlamnad: false },
      };
    return { akassa, status: cykel[(i - 2) % cykel.length]!, avstangningar: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Generated persons

/**
 * The a-kassa facts of a generated person whose `kallor` include SO: one a-kassa, and either
 * ongoing compensation (started 3–40 weeks before today), a pending application, or membership
 * without any compensation ("Ingen uppgift"). Seeded by `hashSeed(ctx.seed, "so", personidentitet)`.
 *
 * @example
 * genereraFakta(ctx, persona).akassor[0].akassa // e.g. "Kommunals a-kassa"
 */
export function genereraFakta(ctx: SimulatorContext, persona: Persona): SoFakta {
  const rng = new Rng(hashSeed(ctx.seed, "so", persona.personidentitet));
  const akassa = rng.pick(AKASSOR);
  const typ = rng.next();
  if (typ >= 0.8) return { akassor: [{ akassa, status: STATUS.ingenUppgift, avstangningar: [] }] };
  if (typ >= 0.6)
    return {
      akassor: [
        {
          akassa,
          status: STATUS.ok,
          avstangningar: [],
          ansokan: { beslut: null, utbetalningInlamnad: rng.chance(0.7) },
        },
      ],
    };
  const fran = mandagFore(dag(idag(ctx.now())) - 7 * rng.int(3, 40));
  // Compensation needs a working life first: nobody younger than 18 is paid.
  if (iso(fran) < laggTillManader(fodelsedatum(persona.personidentitet), 18 * 12))
    return { akassor: [{ akassa, status: STATUS.ingenUppgift, avstangningar: [] }] };
  const ersattning: Ersattning = {
    fran: iso(fran),
    dagpenningBrutto: rng.int(510, 1200),
    skattesats: rng.int(24, 34),
    avdragPerUtbetalning: rng.chance(0.2) ? 100 * rng.int(1, 8) : 0,
    dagarPerVecka: rng.chance(0.75) ? 5 : rng.int(1, 4),
    veckorPerUtbetalning: rng.chance(0.7) ? 1 : 2,
  };
  return {
    akassor: [
      {
        akassa,
        status: STATUS.ok,
        ersattning,
        avstangningar: [],
        // Decided within the first week, so before the first payment.
        ansokan: { beslut: iso(fran + rng.int(0, 4)), utbetalningInlamnad: true },
      },
    ],
  };
}

/**
 * The a-kassa facts of a person: the named persona's, a generated person's, or undefined when
 * no a-kassa knows the person (not in `kallor`, or no person at all).
 *
 * @example
 * faktaFor(ctx, ctx.population.hitta("199608239829"))?.akassor[0]?.akassa // "IF Metalls a-kassa"
 */
export function faktaFor(ctx: SimulatorContext, persona: Persona | undefined): SoFakta | undefined {
  if (!persona?.kallor.includes("SO")) return undefined;
  if (persona.genererad)
    return minnas(persona, "SO", ctx.seed, idag(ctx.now()), () => genereraFakta(ctx, persona));
  const fakta = FAKTA[persona.id];
  if (!fakta)
    throw new HarnessError(
      "SO_FAKTA_SAKNAS",
      `Named persona ${persona.id} lists SO in kallor but simulators/so/data.ts has no FAKTA for it. Add an entry.`,
    );
  return fakta;
}

// ---------------------------------------------------------------------------------------------
// The answer

function arbetsloshetsersattning(u: AkassaUppgift, f: Fonster, idagDag: number): Arbetsloshetsersattning {
  // An a-kassa that could not answer gives nothing but its status.
  if (u.status === STATUS.svaradeInte || u.status === STATUS.ogiltigtSvar)
    return {
      SvarandeOrganisation: u.akassa,
      StatusSvarandeOrganisation: u.status,
      Utbetalningar: [],
      Avstangningar: [],
    };

  // Each suspension, as far as it falls inside the asked period and has started.
  const avstangda: [number, number][] = [];
  for (const a of u.avstangningar) {
    const from = losDatum(a.fran, f);
    const tom = from + 7 * a.veckor - 1;
    avstangda.push([from, tom]);
  }
  const Avstangningar: Avstangning[] = avstangda
    .filter(([from, tom]) => from <= f.slut && from <= f.tom && tom >= f.from)
    .map(([from, tom]) => ({
      AvstangdFrom: iso(Math.max(from, f.from)),
      AvstangdTom: iso(Math.min(tom, f.tom)),
    }));

  const Utbetalningar = u.ersattning ? utbetalningar(u, u.ersattning, f, idagDag, avstangda) : [];

  const svar: Arbetsloshetsersattning = {
    SvarandeOrganisation: u.akassa,
    StatusSvarandeOrganisation: u.status,
    Utbetalningar,
    Avstangningar,
  };
  if (u.ansokan) {
    const beslut = u.ansokan.beslut === null ? null : losDatum(u.ansokan.beslut, f);
    svar.AnsoktOmErsattning = {
      // A decision dated after today is not made yet.
      BeslutOmRattTillErsattning: beslut === null || beslut > idagDag ? null : iso(beslut),
      AnsokanOmUtbetalningInlamnad: u.ansokan.utbetalningInlamnad,
    };
  }
  return svar;
}

/**
 * Payments of one ersättning: one per kassakort (one or two weeks, Monday to Sunday), paid on
 * the a-kassor's payment day after it (contract/kalender.ts: the Tuesday, moved to a bank day). Walks from the first day so the 300-day limit counts days paid before the
 * period too; reports only payments whose whole kassakort and payment date lie inside the
 * asked period and have happened. Suspended days are not paid.
 */
function utbetalningar(
  u: AkassaUppgift,
  e: Ersattning,
  f: Fonster,
  idagDag: number,
  avstangda: readonly [number, number][],
): Utbetalning[] {
  const ut: Utbetalning[] = [];
  for (const k of historikFor(u, e, f, idagDag, avstangda)) {
    // The walk ends at the end of the asked period (or today): nothing after it is paid yet.
    if (k.fran > f.slut) break;
    if (k.fran >= f.from && k.utbetalningsdag <= f.slut) ut.push(k.utbetalning);
  }
  return ut;
}

/** One kassakort of an ersättning's history: what is paid, and the days that decide who sees it. */
interface Kassakort {
  fran: number;
  utbetalningsdag: number;
  utbetalning: Utbetalning;
}

// An ersättning's history up to today depends on the person's facts and the day alone (the story
// period, today), not on the asked period, which only picks from it: walked once per a-kassa
// entry and day instead of once per question (with a date formatted and parsed per kassakort).
// Shared by that day's answers, so read-only.
const senasteHistorik = new WeakMap<AkassaUppgift, { idag: number; historik: Kassakort[] }>();

function historikFor(
  u: AkassaUppgift,
  e: Ersattning,
  f: Fonster,
  idagDag: number,
  avstangda: readonly [number, number][],
): Kassakort[] {
  const m = senasteHistorik.get(u);
  if (m && m.idag === idagDag) return m.historik;
  const historik = beraknaHistorik(e, f, idagDag, avstangda);
  senasteHistorik.set(u, { idag: idagDag, historik });
  return historik;
}

/** Every kassakort paid from the ersättning's first day up to `idagDag`, in order. */
function beraknaHistorik(
  e: Ersattning,
  f: Fonster,
  idagDag: number,
  avstangda: readonly [number, number][],
): Kassakort[] {
  const start = losDatum(e.fran, f);
  // Last day this a-kassa pays for (the day before a change of a-kassa or a stop).
  const slutHar = e.till === undefined ? Number.POSITIVE_INFINITY : losDatum(e.till, f) - 1;
  const ut: Kassakort[] = [];
  let dagarHittills = 0;
  for (
    let b = start;
    b <= Math.min(slutHar, idagDag) && dagarHittills < MAX_ERSATTNINGSDAGAR;
    b += 7 * e.veckorPerUtbetalning
  ) {
    const avserTom = Math.min(b + 7 * e.veckorPerUtbetalning - 1, slutHar);
    let dagar = 0;
    for (let v = b; v <= avserTom; v += 7) {
      let iVeckan = 0;
      for (let d = v; d <= Math.min(v + 6, avserTom); d++)
        if (veckodagAv(d) <= 5 && !avstangda.some(([from, tom]) => d >= from && d <= tom)) iVeckan++;
      dagar += Math.min(iVeckan, e.dagarPerVecka);
    }
    dagar = Math.min(dagar, MAX_ERSATTNINGSDAGAR - dagarHittills);
    if (dagar <= 0) continue;
    // Each compensated day at the amount of its place in the period (avtrappning).
    let brutto = 0;
    for (let k = dagarHittills + 1; k <= dagarHittills + dagar; k++) brutto += dagpenning(e, k);
    dagarHittills += dagar;
    const utbetalningsdatum = dag(utbetalningsdag("AKASSA", iso(avserTom)));
    const nettoEfterSkatt = brutto - Math.floor((brutto * e.skattesats) / 100);
    const nettoEfterAvdrag = Math.max(0, nettoEfterSkatt - e.avdragPerUtbetalning);
    ut.push({
      fran: b,
      utbetalningsdag: utbetalningsdatum,
      utbetalning: {
        Utbetalningsdatum: iso(utbetalningsdatum),
        NettoEfterSkatt: kronor(nettoEfterSkatt),
        NettoEfterAvdrag: kronor(nettoEfterAvdrag),
        Ersattningsdagar: String(dagar),
        AvserFrom: iso(b),
        AvserTom: iso(avserTom),
      },
    });
  }
  return ut;
}

/** The gross daily amount of the `n`th compensated day (1-based) of an ersättning. */
function dagpenning(e: Ersattning, n: number): number {
  let belopp = e.dagpenningBrutto;
  for (const t of e.nedtrappning ?? []) if (n > t.efterDagar) belopp = t.dagpenningBrutto;
  return belopp;
}

/**
 * Builds the INT014 answer for a question: the question echoed, then one
 * `Arbetsloshetsersattning` per a-kassa that knows the person. No facts (person unknown to the
 * a-kassor) gives the a-kassor' "no data" answer: an empty `ArbetsloshetsersattningLista`. The
 * answer carries no person names, so a sekretessmarkering changes nothing here.
 *
 * @example
 * byggSvar(fraga, faktaFor(ctx, persona), idag(ctx.now())).ArbetsloshetsersattningLista
 */
export function byggSvar(
  fraga: GetUnemploymentBenefitPaymentRequest,
  fakta: SoFakta | undefined,
  idagIso: string,
): GetUnemploymentBenefitPaymentResponse {
  const from = dag(dateOnly(fraga.From));
  const tom = dag(dateOnly(fraga.Tom));
  const idagDag = dag(idagIso);
  const b = berattelseperiod(idagIso);
  const f: Fonster = {
    from,
    tom,
    slut: Math.min(tom, idagDag),
    berattelse: { from: dag(b.fromDatum), slut: dag(b.tomDatum) },
  };
  // The question's fields echoed one by one (its lists shared, read-only): no spread, no copies.
  return {
    OrganisationsnummerIngivare: fraga.OrganisationsnummerIngivare,
    NamnIngivare: fraga.NamnIngivare,
    KontonamnHandlaggare: fraga.KontonamnHandlaggare,
    Referensnummer: fraga.Referensnummer,
    From: fraga.From,
    Tom: fraga.Tom,
    Syfte: fraga.Syfte,
    Paragraf: fraga.Paragraf,
    OrganisationsnummerPersonuppgiftsbitrade: fraga.OrganisationsnummerPersonuppgiftsbitrade,
    NamnPersonuppgiftsbitrade: fraga.NamnPersonuppgiftsbitrade,
    IdentificationNumber: fraga.IdentificationNumber,
    ArbetsloshetsersattningLista: (fakta?.akassor ?? []).map((u) => arbetsloshetsersattning(u, f, idagDag)),
  };
}
