import { plusDagar, svenskDag } from "../../contract/kalender.js";
import { kontrollsiffra } from "../../contract/personidentitet.js";
import {
  type Beskattningsbilaga,
  BLANKETT,
  type ForetagV11,
  type Individuppgift,
  type Resultattyp,
  type SkattekontoTransaktion,
  type SlutligSkatt,
  type Transaktionstyp,
} from "../../contract/skv/v11-model.js";
import type { SimulatorContext } from "../context.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { arsuppgift, FAKTA, STATUSKOD, STATUSKOD_FOR, skvFakta } from "./data.js";
import type { Arsuppgift, SkvFakta } from "./model.js";
import type { ForetagFakta, SkvFaktaV11, Utbetalare, Utbetalning } from "./v11-model.js";

// ---------------------------------------------------------------------------------------------
// Payers
// ---------------------------------------------------------------------------------------------

/** Försäkringskassan files individuppgifter for the benefits it pays. */
export const FORSAKRINGSKASSAN: Utbetalare = {
  organisationsnummer: "162021005521",
  namn: "Försäkringskassan",
};
/** Pensionsmyndigheten files individuppgifter for the pensions it pays. */
export const PENSIONSMYNDIGHETEN: Utbetalare = {
  organisationsnummer: "162021006073",
  namn: "Pensionsmyndigheten",
};

/**
 * A fictitious payer: `prefix` gives the legal form (55990 aktiebolag, 80200 förening), `nr` four
 * digits; the check digit is computed so the number is well-formed but belongs to nobody real.
 */
function fiktiv(prefix: "55990" | "80200", nr: string, namn: string): Utbetalare {
  const nio = `${prefix}${nr}`;
  return { organisationsnummer: `16${nio}${kontrollsiffra(nio)}`, namn };
}

const lon = (utbetalare: Utbetalare, andel = 1, manader?: readonly number[]): Utbetalning =>
  manader ? { utbetalare, slag: "lon", andel, manader } : { utbetalare, slag: "lon", andel };
const pension = (utbetalare: Utbetalare, andel = 1): Utbetalning => ({ utbetalare, slag: "pension", andel });
const ALLA_AR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** Employers of generated persons (fictitious). */
const ARBETSGIVARE_GENERERADE: readonly Utbetalare[] = [
  fiktiv("55990", "0201", "Norrlandsbageriet AB"),
  fiktiv("55990", "0202", "Mälardalens Montage AB"),
  fiktiv("55990", "0203", "Vårdcentralen Linden AB"),
  fiktiv("55990", "0204", "Kustens Transport AB"),
  fiktiv("55990", "0205", "Skolmåltider i Syd AB"),
  fiktiv("55990", "0206", "Datakonsulterna Väst AB"),
];

const BRANSCHER: readonly { namn: string; sni: string }[] = [
  { namn: "Bygg", sni: "41200" },
  { namn: "Städ", sni: "81210" },
  { namn: "Konsult", sni: "70220" },
  { namn: "Åkeri", sni: "49410" },
  { namn: "Frisör", sni: "96021" },
];

// ---------------------------------------------------------------------------------------------
// Facts of the named personas
// ---------------------------------------------------------------------------------------------

const TACKNING = fiktiv("55990", "0110", "Täckningsgraden AB");
const NORRLAGER = fiktiv("55990", "0102", "Norrlager Logistik AB");
const STADBOLAGET = fiktiv("55990", "0108", "Städbolaget Ren & Fin AB");
const KOMMUNALS_AKASSA = fiktiv("80200", "0109", "Kommunals a-kassa");
const eklund = FAKTA.foretagare?.foretag;

/**
 * ssbt/11 facts for every named persona whose `kallor` includes SKV, coherent with the v10 facts
 * (same income per year) and the persona's story: who pays the income, businesses, sales.
 */
export const FAKTA_V11: Readonly<Record<string, SkvFaktaV11>> = {
  // Summer job June–August.
  "student-bostadsbidrag": {
    utbetalningar: [lon(fiktiv("55990", "0101", "Sommarcaféet Norrmalm AB"), 1, [6, 7, 8])],
    foretag: [],
    forsaljningar: [],
  },
  // Laid off in February 2026; IF Metalls a-kassa pays from March (1 020 kr/dag, 28 % tax, as the a-kassa says).
  "arbetslos-akassa": {
    utbetalningar: [lon(NORRLAGER)],
    foretag: [],
    forsaljningar: [],
    innevarandeAr: [
      { utbetalare: NORRLAGER, fran: 1, till: 2, perManad: 29_700, skattesats: 0.3 },
      {
        utbetalare: fiktiv("80200", "0111", "IF Metalls a-kassa"),
        fran: 3,
        perManad: 22_100,
        skattesats: 0.28,
      },
    ],
  },
  // Aktivitetsstöd is paid by Försäkringskassan.
  "aktivitetsstod-program": { utbetalningar: [lon(FORSAKRINGSKASSAN)], foretag: [], forsaljningar: [] },
  "pensionar-bostadstillagg": {
    utbetalningar: [pension(PENSIONSMYNDIGHETEN)],
    foretag: [],
    forsaljningar: [],
  },
  // Salary and föräldrapenning.
  "foralder-barnfamilj": {
    utbetalningar: [lon(fiktiv("55990", "0103", "Omsorgshuset Mitt AB"), 0.75), lon(FORSAKRINGSKASSAN, 0.25)],
    foretag: [],
    forsaljningar: [],
  },
  bilagare: {
    utbetalningar: [lon(fiktiv("55990", "0104", "Bygghandeln i Norr AB"))],
    foretag: [],
    forsaljningar: [],
  },
  // The carpentry business with F-skatt; no salary.
  foretagare: {
    utbetalningar: [],
    foretag: [
      {
        firma: eklund?.firma ?? "Eklunds Snickeri",
        fskatt: "F",
        registrerad: eklund?.registrerad ?? "2009-04-01",
        moms: true,
        arbetsgivare: false,
        sni: "43320",
      },
    ],
    forsaljningar: [],
  },
  // Salary and sjukpenning.
  "csn-ingen-post-sjukpenning": {
    utbetalningar: [lon(fiktiv("55990", "0105", "Kontorsservice Syd AB"), 0.7), lon(FORSAKRINGSKASSAN, 0.3)],
    foretag: [],
    forsaljningar: [],
  },
  // SINK income April–October.
  "samordningsnummer-sasongsarbetare": {
    utbetalningar: [
      {
        utbetalare: fiktiv("55990", "0106", "Bärgårdens Plantage AB"),
        slag: "sink",
        andel: 1,
        manader: [4, 5, 6, 7, 8, 9, 10],
      },
    ],
    foretag: [],
    forsaljningar: [],
  },
  omstallningsstudiestod: {
    utbetalningar: [lon(fiktiv("55990", "0107", "Industriautomation Sverige AB"))],
    foretag: [],
    forsaljningar: [],
  },
  // Pension, and the sale of the tenant-owned flat in the latest year (gain 620 000 kr, 22/30 taxable).
  efterlevande: {
    utbetalningar: [pension(PENSIONSMYNDIGHETEN)],
    foretag: [],
    forsaljningar: [{ index: 0, blankett: "K6", forsaljningspris: 2_350_000, anskaffning: 1_730_000 }],
  },
  // Salary, then unemployment benefit from Kommunals a-kassa; in 2026 part-time work and a-kassa
  // three days a week from January (940 kr/dag, 31 % tax, as the a-kassa says).
  "hela-kedjan": {
    utbetalningar: [lon(STADBOLAGET, 0.6), lon(KOMMUNALS_AKASSA, 0.4)],
    foretag: [],
    forsaljningar: [],
    innevarandeAr: [
      { utbetalare: STADBOLAGET, fran: 1, perManad: 9_000, skattesats: 0.3 },
      { utbetalare: KOMMUNALS_AKASSA, fran: 1, perManad: 12_220, skattesats: 0.31 },
    ],
  },
  // Artificial: every code of the v11 code lists, both results, an unpaid kvarskatt.
  kodtackning: {
    utbetalningar: [
      lon(TACKNING, 0.8),
      lon(FORSAKRINGSKASSAN, 0.2),
      pension(PENSIONSMYNDIGHETEN),
      { utbetalare: TACKNING, slag: "sink", andel: 1, manader: [5, 6, 7, 8] },
    ],
    foretag: [
      {
        firma: "Täckning Bygg",
        fskatt: "F",
        registrerad: "2018-01-15",
        moms: true,
        arbetsgivare: true,
        sni: "41200",
      },
      {
        firma: "Täckning Konsult",
        fskatt: "FA",
        registrerad: "2012-06-01",
        avregistrerad: "2017-12-31",
        moms: false,
        arbetsgivare: false,
        sni: "70220",
      },
      {
        firma: "Täckning Städ",
        fskatt: "EJ",
        registrerad: "2005-03-01",
        avregistrerad: "2008-06-30",
        moms: false,
        arbetsgivare: false,
        sni: "81210",
      },
    ],
    forsaljningar: [
      { index: 0, blankett: "K6", forsaljningspris: 1_000_000, anskaffning: 990_000 },
      { index: 1, blankett: "K4", forsaljningspris: 10_300, anskaffning: 10_000 },
    ],
    skattesatsLon: [0.3, 0.12, 0.45],
    obetaldKvarskatt: true,
  },
  // Sickness compensation from FK, guarantee pension from PM.
  "sekretess-pensionar": {
    utbetalningar: [pension(FORSAKRINGSKASSAN, 0.8), pension(PENSIONSMYNDIGHETEN, 0.2)],
    foretag: [],
    forsaljningar: [],
  },
  // Came in November 2025: nothing taxed in Sweden yet.
  "flykting-hemutrustningslan": { utbetalningar: [], foretag: [], forsaljningar: [] },
  // Avregistrerad (emigrated) and deceased: Skatteverket gives out nothing more.
  "utvandrad-aterkommen": { utbetalningar: [], foretag: [], forsaljningar: [] },
  "avliden-make": { utbetalningar: [], foretag: [], forsaljningar: [] },
  // Never given out (9071500 while her taxation moves), but coherent with v10 all the same.
  "skv-omprovning-tekniskt-fel": {
    utbetalningar: [lon(fiktiv("55990", "0112", "Vårdboendet Solgläntan AB"))],
    foretag: [],
    forsaljningar: [],
  },
};

/**
 * ssbt/11 facts for a generated person, from its v10 facts: an employer for salary,
 * Pensionsmyndigheten for pension, a season employer for SINK income, a business with F-skatt
 * for business income. Seeded by `hashSeed(seed, "skv-v11", personidentitet)`.
 *
 * @example
 * genereraFaktaV11(persona, fakta, 42).utbetalningar[0]?.utbetalare.namn
 */
export function genereraFaktaV11(persona: Persona, fakta: SkvFakta, seed: number): SkvFaktaV11 {
  const rng = new Rng(hashSeed(seed, "skv-v11", persona.personidentitet));
  const a = fakta.ar[0];
  if (!a) return { utbetalningar: [], foretag: [], forsaljningar: [] };
  const utbetalningar: Utbetalning[] = [];
  if (a.lon > 0) {
    const arbetsgivare = rng.pick(ARBETSGIVARE_GENERERADE);
    if (rng.chance(0.25)) utbetalningar.push(lon(arbetsgivare, 0.7), lon(FORSAKRINGSKASSAN, 0.3));
    else utbetalningar.push(lon(arbetsgivare));
  }
  if (a.pension > 0) utbetalningar.push(pension(PENSIONSMYNDIGHETEN));
  if (a.sink > 0) {
    const start = rng.int(3, 6);
    const manader = ALLA_AR.filter((m) => m >= start && m < start + 6);
    utbetalningar.push({ utbetalare: rng.pick(ARBETSGIVARE_GENERERADE), slag: "sink", andel: 1, manader });
  }
  const foretag: ForetagFakta[] = [];
  if (a.naring > 0) {
    const bransch = rng.pick(BRANSCHER);
    foretag.push({
      firma: `${persona.efternamn}s ${bransch.namn}`,
      fskatt: a.lon > 0 ? "FA" : "F",
      registrerad: `${rng.int(2005, 2020)}-${String(rng.int(1, 12)).padStart(2, "0")}-01`,
      moms: rng.chance(0.8),
      arbetsgivare: rng.chance(0.2),
      sni: bransch.sni,
    });
  }
  return { utbetalningar, foretag, forsaljningar: [] };
}

// ---------------------------------------------------------------------------------------------
// One person as Skatteverket sees it at `now`
// ---------------------------------------------------------------------------------------------

/** Everything the part documents are built from: facts, the clock and the status code. */
export interface SkvPersonV11 {
  personidentitet: string;
  /** Undefined when Skatteverket holds nothing about the person (statuskod 010). */
  fakta?: SkvFakta;
  v11: SkvFaktaV11;
  statuskod: string;
  /** Today in Swedish time, `YYYY-MM-DD`. */
  idag: string;
  /** The latest ended income year (index 0 of the facts). */
  senaste: number;
}

/** The calendar day of `now` in Swedish time: the shared {@link svenskDag}. */
export const svenskDatum = svenskDag;

const TOM: SkvFaktaV11 = { utbetalningar: [], foretag: [], forsaljningar: [] };

/**
 * Skatteverket's view of one person for ssbt/11 at `ctx.now()`: the v10 facts anchored on the
 * latest ended income year, the v11 facts and the status code every part carries.
 *
 * @example
 * skvPersonV11("197109149885", ctx.population.hitta("197109149885"), ctx).v11.foretag[0]?.firma // "Eklunds Snickeri"
 */
export function skvPersonV11(
  personidentitet: string,
  persona: Persona | undefined,
  ctx: SimulatorContext,
): SkvPersonV11 {
  const idag = svenskDag(ctx.now());
  const senaste = Number(idag.slice(0, 4)) - 1;
  // The person's whole history (and the years computed from it, see arsberakning) once a day.
  if (persona?.kallor.includes("SKV"))
    return minnas(persona, "SKV.v11", ctx.seed, idag, () => skvPerson(personidentitet, persona, ctx, idag));
  return { personidentitet, idag, senaste, v11: TOM, statuskod: STATUSKOD.ejTraff };
}

function skvPerson(
  personidentitet: string,
  persona: Persona,
  ctx: SimulatorContext,
  idag: string,
): SkvPersonV11 {
  const senaste = Number(idag.slice(0, 4)) - 1;
  const fakta = skvFakta(persona, ctx, senaste);
  const base = { personidentitet, idag, senaste };
  if (!fakta) return { ...base, v11: TOM, statuskod: STATUSKOD.ejTraff };
  const v11 = persona.genererad ? genereraFaktaV11(persona, fakta, ctx.seed) : (FAKTA_V11[persona.id] ?? TOM);
  const statuskod = persona.sekretess ? STATUSKOD.skyddadePersonuppgifter : STATUSKOD_FOR[fakta.status];
  return { ...base, fakta, v11, statuskod };
}

// ---------------------------------------------------------------------------------------------
// The tax model of one income year (simplified, documented, deterministic)
// ---------------------------------------------------------------------------------------------

/** Model rates. Simplified: one municipal rate, a flat basic allowance, no job tax credit. */
export const SKATTEMODELL = {
  kommunalskatt: 0.32,
  grundavdrag: 40_000,
  skiktgrans: 625_800,
  statligSkatt: 0.2,
  kapitalskatt: 0.3,
  sink: 0.25,
  avdragPension: 0.26,
  avdragLon: 0.3,
  fskatt: 0.28,
  kostnadsranta: 0.0625,
} as const;

/** Everything Skatteverket knows about one income year of one person. */
export interface Arsberakning {
  inkomstar: number;
  uppgift: Arsuppgift;
  /** Every monthly individuppgift of the year (not cut by today). */
  rader: Individuppgift[];
  /** Debited F-skatt per month of the calendar year (0 without F-skatt). */
  fskattPerManad: number;
  beskattning: SlutligSkatt;
  /** Kvarskatt due date (kvarskatt only). */
  forfallodag?: string;
  /** Payout date of överskjutande skatt (återbetalning only). */
  utbetalningsdag?: string;
}

const manad = (ar: number, m: number) => `${ar}-${String(m).padStart(2, "0")}`;

const dagar = plusDagar;

/** The first day of the month after `datum`. */
function forstaNastaManad(datum: string): string {
  return `${dagar(`${datum.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
}

/** Splits `total` into `n` whole parts; the last takes the rounding remainder. */
function dela(total: number, andelar: readonly number[]): number[] {
  const out = andelar.map((a) => Math.round(total * a));
  if (out.length > 0) out[out.length - 1] = total - out.slice(0, -1).reduce((s, x) => s + x, 0);
  return out;
}

function aktivFskatt(v11: SkvFaktaV11, ar: number): boolean {
  return v11.foretag.some(
    (f) =>
      f.fskatt !== "EJ" &&
      f.registrerad.slice(0, 4) <= String(ar) &&
      (!f.avregistrerad || f.avregistrerad.slice(0, 4) > String(ar)),
  );
}

function skattepliktigVinst(blankett: "K4" | "K6", vinst: number): number {
  // Privatbostadsrätt: 22/30 of the gain is taxed; securities: all of it.
  return blankett === "K6" ? Math.round((vinst * 22) / 30) : vinst;
}

/**
 * The income year `ar` of a person: monthly individuppgifter per payer, debited F-skatt, and the
 * decided tax with its result. Undefined when Skatteverket has no income facts for the year.
 *
 * @example
 * arsberakning(person, 2025)?.beskattning.resultat // { typ: "ATERBETALNING", belopp: 1204 }
 */
export function arsberakning(person: SkvPersonV11, ar: number): Arsberakning | undefined {
  if (!person.fakta) return undefined;
  let perAr = berakningar.get(person);
  if (!perAr) {
    perAr = new Map();
    berakningar.set(person, perAr);
  }
  if (perAr.has(ar)) return perAr.get(ar);
  const b = beraknaAr(person, person.fakta, ar);
  perAr.set(ar, b);
  return b;
}

// Each year's computation, held by the person object (itself kept for a day, see skvPersonV11): v10
// asks for the decision days, v11 for the rows, the taxes and the skattekonto of the same years.
const berakningar = new WeakMap<SkvPersonV11, Map<number, Arsberakning | undefined>>();

function beraknaAr(person: SkvPersonV11, fakta: SkvFakta, ar: number): Arsberakning | undefined {
  const { v11 } = person;
  const index = person.senaste - ar;
  const a = arsuppgift(fakta, index);
  if (!a) return undefined;
  const M = SKATTEMODELL;
  const satsLon =
    v11.skattesatsLon?.[Math.min(Math.max(index, 0), v11.skattesatsLon.length - 1)] ?? M.avdragLon;
  const sats = { lon: satsLon, pension: M.avdragPension, sink: M.sink } as const;

  const rader: Individuppgift[] = [];
  const innevarande = ar === person.senaste + 1 ? v11.innevarandeAr : undefined;
  for (const u of innevarande ?? [])
    for (const m of ALLA_AR.filter((x) => x >= u.fran && x <= (u.till ?? 12)))
      rader.push({
        redovisningsperiod: manad(ar, m),
        utbetalare: { ...u.utbetalare },
        kontantErsattning: u.perManad,
        skattepliktigaFormaner: 0,
        avdragenSkatt: Math.round(u.perManad * u.skattesats),
      });
  for (const slag of innevarande ? [] : (["lon", "pension", "sink"] as const)) {
    const betalare = v11.utbetalningar.filter((u) => u.slag === slag);
    const belopp = dela(
      a[slag],
      betalare.map((u) => u.andel),
    );
    betalare.forEach((u, i) => {
      const manader = u.manader ?? ALLA_AR;
      const perManad = dela(
        belopp[i]!,
        manader.map(() => 1 / manader.length),
      );
      manader.forEach((m, j) => {
        const kontant = perManad[j]!;
        if (kontant <= 0) return;
        rader.push({
          redovisningsperiod: manad(ar, m),
          utbetalare: { ...u.utbetalare },
          kontantErsattning: kontant,
          skattepliktigaFormaner: 0,
          avdragenSkatt: Math.round(kontant * sats[slag]),
        });
      });
    });
  }
  rader.sort((x, y) => x.redovisningsperiod.localeCompare(y.redovisningsperiod));

  const fskattPerManad = aktivFskatt(v11, ar) && a.naring > 0 ? Math.round((a.naring * M.fskatt) / 12) : 0;
  const forvarvsinkomst = a.lon + a.pension + a.naring;
  const beskattningsbar = Math.max(
    0,
    Math.floor((forvarvsinkomst - Math.min(forvarvsinkomst, M.grundavdrag)) / 100) * 100,
  );
  const netto = a.kapital.intakter - a.kapital.utgifter;
  const inkomstskatt = Math.max(
    0,
    Math.round(beskattningsbar * M.kommunalskatt) +
      Math.round(Math.max(0, beskattningsbar - M.skiktgrans) * M.statligSkatt) +
      (netto > 0 ? Math.round(netto * M.kapitalskatt) : 0) -
      (netto < 0 ? Math.round(Math.min(-netto, 100_000) * M.kapitalskatt) : 0),
  );
  const vinster = v11.forsaljningar
    .filter((f) => f.index === index)
    .reduce((s, f) => s + skattepliktigVinst(f.blankett, f.forsaljningspris - f.anskaffning), 0);
  const avdragen = rader.reduce((s, r) => s + r.avdragenSkatt, 0);
  const kapitalAvdrag = Math.round(Math.max(0, a.kapital.intakter - vinster) * M.kapitalskatt);
  const begransad = fakta.status === "begransat-skattskyldig";
  const preliminarSkatt = avdragen + kapitalAvdrag + 12 * fskattPerManad;
  // SINK is final at source: what was withheld is the tax.
  const slutligSkatt = begransad ? preliminarSkatt : inkomstskatt + Math.round(a.sink * M.sink);
  const diff = preliminarSkatt - slutligSkatt;
  const typ: Resultattyp = diff > 0 ? "ATERBETALNING" : diff < 0 ? "KVARSKATT" : "NOLL";
  const beslutsdatum = begransad
    ? `${ar}-03-15`
    : a.naring > 0
      ? `${ar + 1}-12-15`
      : typ === "ATERBETALNING"
        ? `${ar + 1}-06-09`
        : `${ar + 1}-08-25`;
  const out: Arsberakning = {
    inkomstar: ar,
    uppgift: a,
    rader,
    fskattPerManad,
    beskattning: {
      inkomstar: ar,
      beslutsdatum,
      faststalldForvarvsinkomst: forvarvsinkomst,
      overskottAvKapital: Math.max(0, netto),
      underskottAvKapital: Math.max(0, -netto),
      inkomstSarskildInkomstskatt: a.sink,
      slutligSkatt,
      preliminarSkatt,
      resultat: { typ, belopp: Math.abs(diff) },
    },
  };
  if (typ === "KVARSKATT")
    out.forfallodag = beslutsdatum <= `${ar + 1}-08-31` ? `${ar + 1}-11-12` : `${ar + 2}-03-12`;
  if (typ === "ATERBETALNING") out.utbetalningsdag = dagar(beslutsdatum, 3);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The part documents' content
// ---------------------------------------------------------------------------------------------

/** Block foretagsinformation: the person's businesses (an enskild firma's number is the personnummer). */
export function foretagFor(person: SkvPersonV11): ForetagV11[] {
  return person.v11.foretag.map((f) => {
    const out: ForetagV11 = {
      organisationsnummer: person.personidentitet,
      foretagsform: "EF",
      firma: f.firma,
      registreringsdatum: f.registrerad,
      fskatt: f.fskatt === "EJ" ? { status: "EJ" } : { status: f.fskatt, fromDatum: f.registrerad },
      momsregistrerad: f.moms,
      arbetsgivarregistrerad: f.arbetsgivare,
      sniKod: f.sni,
    };
    if (f.avregistrerad) out.avregistreringsdatum = f.avregistrerad;
    return out;
  });
}

/**
 * Block individuppgifter for the asked years: the months whose declaration was due (the 12th of
 * the following month) by today.
 */
export function individuppgifterFor(person: SkvPersonV11, ar: readonly number[]): Individuppgift[] {
  return ar.flatMap((y) =>
    (arsberakning(person, y)?.rader ?? []).filter((r) => {
      const [yy, mm] = r.redovisningsperiod.split("-").map(Number) as [number, number];
      const due = mm === 12 ? `${yy + 1}-01-12` : `${yy}-${String(mm + 1).padStart(2, "0")}-12`;
      return due <= person.idag;
    }),
  );
}

/** How many calendar years of history the skattekonto is built from (its balance included). */
const KONTO_AR = 8;

function transaktion(
  datum: string,
  typ: Transaktionstyp,
  text: string,
  belopp: number,
): SkattekontoTransaktion {
  return { transaktionsdatum: datum, transaktionstyp: typ, text, belopp };
}

/**
 * The skattekonto until today: monthly F-skatt and its payments, each decided tax (credited and
 * paid out, or debited and paid on the due date, or left unpaid with monthly kostnadsränta).
 * Sorted by date; the balance is the sum of everything.
 *
 * @example
 * const { saldo, transaktioner } = skattekonto(person)
 */
export function skattekonto(person: SkvPersonV11): {
  saldo: number;
  transaktioner: SkattekontoTransaktion[];
} {
  const ut: SkattekontoTransaktion[] = [];
  if (!person.fakta || person.fakta.status === "begransat-skattskyldig")
    return { saldo: 0, transaktioner: [] };
  const iAr = person.senaste + 1;
  for (let ar = iAr - KONTO_AR; ar <= iAr; ar++) {
    const b = arsberakning(person, ar);
    if (b && b.fskattPerManad > 0)
      for (const m of ALLA_AR) {
        ut.push(transaktion(`${manad(ar, m)}-09`, "INBETALNING", "Inbetalning", b.fskattPerManad));
        ut.push(
          transaktion(
            `${manad(ar, m)}-12`,
            "PRELIMINARSKATT",
            `Debiterad preliminärskatt ${manad(ar, m)}`,
            -b.fskattPerManad,
          ),
        );
      }
    const beslut = b && ar < iAr ? b : undefined;
    if (!beslut) continue;
    const { resultat, beslutsdatum } = beslut.beskattning;
    const text = `Slutlig skatt inkomstår ${ar}`;
    if (resultat.typ === "ATERBETALNING") {
      ut.push(transaktion(beslutsdatum, "SLUTLIG_SKATT", text, resultat.belopp));
      ut.push(transaktion(beslut.utbetalningsdag!, "UTBETALNING", "Utbetalning", -resultat.belopp));
    } else if (resultat.typ === "KVARSKATT") {
      ut.push(transaktion(beslutsdatum, "SLUTLIG_SKATT", text, -resultat.belopp));
      const forfallodag = beslut.forfallodag!;
      if (!person.v11.obetaldKvarskatt)
        ut.push(transaktion(forfallodag, "INBETALNING", "Inbetalning", resultat.belopp));
      else {
        // Interest on the unpaid amount, booked on the first of every following month.
        const ranta = Math.max(1, Math.round((resultat.belopp * SKATTEMODELL.kostnadsranta) / 12));
        for (let d = forstaNastaManad(forfallodag); d <= person.idag; d = forstaNastaManad(d))
          ut.push(transaktion(d, "KOSTNADSRANTA", "Kostnadsränta", -ranta));
      }
    }
  }
  const transaktioner = ut
    .filter((t) => t.transaktionsdatum <= person.idag)
    .sort((x, y) => x.transaktionsdatum.localeCompare(y.transaktionsdatum));
  return { saldo: transaktioner.reduce((s, t) => s + t.belopp, 0), transaktioner };
}

/** The attachments of one decided income year: NE for business income, K4/K6 for sales. */
export function bilagorFor(person: SkvPersonV11, ar: number): Beskattningsbilaga[] {
  const b = arsberakning(person, ar);
  if (!b) return [];
  const out: Beskattningsbilaga[] = [];
  const naring = b.uppgift.naring;
  if (naring > 0) {
    // A craft business turns over about 2.5 times its surplus (our model).
    const intakter = Math.round(naring * 2.5);
    out.push({
      inkomstar: ar,
      blankett: "NE",
      benamning: BLANKETT.NE.benamning,
      belopp: { intakter, kostnader: intakter - naring, overskott: naring },
    });
  }
  for (const f of person.v11.forsaljningar.filter((x) => x.index === person.senaste - ar)) {
    const vinst = f.forsaljningspris - f.anskaffning;
    out.push(
      f.blankett === "K6"
        ? {
            inkomstar: ar,
            blankett: "K6",
            benamning: BLANKETT.K6.benamning,
            belopp: {
              forsaljningspris: f.forsaljningspris,
              inkopspris: f.anskaffning,
              vinst,
              skattepliktigVinst: skattepliktigVinst("K6", vinst),
            },
          }
        : {
            inkomstar: ar,
            blankett: "K4",
            benamning: BLANKETT.K4.benamning,
            belopp: { forsaljningspris: f.forsaljningspris, omkostnadsbelopp: f.anskaffning, vinst },
          },
    );
  }
  return out;
}
