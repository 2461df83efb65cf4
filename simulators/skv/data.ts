import { svenskTid } from "../../contract/kalender.js";
import type {
  FragaBeskattningsuppgifter,
  Inkomstuppgift,
  Kapitaluppgift,
  Personuppgift,
  SvarBeskattningsuppgifter,
} from "../../contract/skv/model.js";
import type { SimulatorContext } from "../context.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import type { Arsuppgift, Beskattningsstatus, SkvFakta } from "./model.js";

/** The codes of kodverk `SKV.StatusPersonuppgiftKod` (fixtures/kodverk/skv.json). */
export const STATUSKOD = {
  /** Uppgifter lämnade (no remark), as in Skatteverket's published sample. */
  uppgifterLamnade: "999",
  ejTraff: "010",
  ejTaxerad: "020",
  /** Skyddade personuppgifter: the data is given, the names are not. */
  skyddadePersonuppgifter: "030",
  avliden: "040",
  avregistrerad: "050",
  begransatSkattskyldig: "060",
} as const;

/** The main `StatusPersonuppgiftKod` of each status (ssbt/11 parts carry it too). */
export const STATUSKOD_FOR: Readonly<Record<Beskattningsstatus, string>> = {
  taxerad: STATUSKOD.uppgifterLamnade,
  "ej-taxerad": STATUSKOD.ejTaxerad,
  "begransat-skattskyldig": STATUSKOD.begransatSkattskyldig,
  avliden: STATUSKOD.avliden,
  avregistrerad: STATUSKOD.avregistrerad,
};

const ar = (
  lon: number,
  pension: number,
  naring: number,
  intakter: number,
  utgifter: number,
  sink = 0,
): Arsuppgift => ({
  lon,
  pension,
  naring,
  sink,
  kapital: { intakter, utgifter },
});

/**
 * Skatteverket's facts for every named persona whose `kallor` includes SKV, coherent with the
 * persona's story (fixtures/personas/personas.json). `ar[0]` is the latest ended income year at
 * the clock's date (the year before the clock's year), `ar[1]` the year before that.
 */
export const FAKTA: Readonly<Record<string, SkvFakta>> = {
  // Summer jobs while studying; no capital income.
  "student-bostadsbidrag": { status: "taxerad", ar: [ar(48_600, 0, 0, 0, 0), ar(41_200, 0, 0, 0, 0)] },
  // Full-time warehouse job until the notice in 2026; a little interest on savings.
  "arbetslos-akassa": { status: "taxerad", ar: [ar(356_400, 0, 0, 1_240, 0), ar(342_000, 0, 0, 860, 0)] },
  // Activity support (365 kr/day, five days a week) the whole latest year; part of a year's work before.
  "aktivitetsstod-program": { status: "taxerad", ar: [ar(94_900, 0, 0, 0, 0), ar(214_300, 0, 0, 120, 0)] },
  // Pension 9 850 kr/month (housing supplement is tax free); interest on a savings account.
  "pensionar-bostadstillagg": {
    status: "taxerad",
    ar: [ar(0, 118_200, 0, 3_412, 0), ar(0, 114_600, 0, 2_980, 0)],
  },
  // Salary and parental benefit (child allowance and maintenance support are tax free).
  "foralder-barnfamilj": { status: "taxerad", ar: [ar(298_500, 0, 0, 214, 0), ar(312_000, 0, 0, 0, 0)] },
  // Part-time job; interest on the car loan gives a capital deficit.
  bilagare: { status: "taxerad", ar: [ar(186_200, 0, 0, 85, 6_240), ar(192_400, 0, 0, 40, 7_110)] },
  // Enskild näringsverksamhet (carpentry) with F-skatt; capital income 48 200 kr.
  foretagare: {
    status: "taxerad",
    ar: [ar(0, 0, 312_000, 48_200, 0), ar(0, 0, 287_500, 41_700, 0)],
    foretag: { firma: "Eklunds Snickeri", fSkatt: true, registrerad: "2009-04-01" },
  },
  // Salary and sickness benefit.
  "csn-ingen-post-sjukpenning": { status: "taxerad", ar: [ar(318_600, 0, 0, 0, 0), ar(305_100, 0, 0, 0, 0)] },
  // Seasonal worker, begränsat skattskyldig: only income taxed with SINK.
  "samordningsnummer-sasongsarbetare": {
    status: "begransat-skattskyldig",
    ar: [ar(0, 0, 0, 0, 0, 168_000), ar(0, 0, 0, 0, 0, 154_000)],
  },
  // High income before the career change; fund dividends, mortgage interest gives a deficit.
  omstallningsstudiestod: {
    status: "taxerad",
    ar: [ar(612_400, 0, 0, 14_300, 22_800), ar(598_000, 0, 0, 12_900, 19_400)],
  },
  // Survivor's and old-age pension; sold the tenant-owned flat in the latest year
  // (gain 620 000 kr, taxable 22/30 = 454 667 kr, plus 1 980 kr interest).
  efterlevande: { status: "taxerad", ar: [ar(0, 172_800, 0, 456_647, 0), ar(0, 168_400, 0, 2_104, 0)] },
  // Salary, then unemployment benefit from Kommunals a-kassa; some capital income.
  "hela-kedjan": {
    status: "taxerad",
    ar: [ar(264_800, 0, 0, 6_820, 1_200), ar(401_300, 0, 0, 5_930, 1_450)],
  },
  // Artificial: every field and, through extra records, every status code.
  kodtackning: {
    status: "taxerad",
    ar: [
      ar(210_000, 36_000, 54_000, 12_345, 11_679, 95_000),
      ar(180_000, 30_000, 41_000, 500, 4_500, 88_000),
    ],
    tackningskoder: [
      STATUSKOD.ejTraff,
      STATUSKOD.ejTaxerad,
      STATUSKOD.skyddadePersonuppgifter,
      STATUSKOD.avliden,
      STATUSKOD.avregistrerad,
      STATUSKOD.begransatSkattskyldig,
    ],
  },
  // Sickness compensation (förtidspension) and guarantee pension; protected identity.
  "sekretess-pensionar": { status: "taxerad", ar: [ar(0, 134_400, 0, 312, 0), ar(0, 131_900, 0, 290, 0)] },
  // Recognised refugee who came in November 2025: no income in Sweden before 2026.
  "flykting-hemutrustningslan": { status: "ej-taxerad", ar: [] },
  // Emigrated to Norway in 2023 and avregistrerad from folkbokföringen.
  "utvandrad-aterkommen": { status: "avregistrerad", ar: [] },
  // Died this autumn.
  "avliden-make": { status: "avliden", ar: [] },
  // Her taxation is being moved between tax offices: the service answers 9071500 for her.
  "skv-omprovning-tekniskt-fel": {
    status: "taxerad",
    ar: [ar(338_400, 0, 0, 420, 0), ar(329_700, 0, 0, 310, 0)],
    fel: "tekniskt-fel",
  },
};

/**
 * Facts for a generated person (only called when `persona.kallor` includes SKV). Seeded by
 * `hashSeed(seed, "skv", personidentitet)`; the age is taken at `senasteInkomstar`.
 *
 * @example
 * genereraFakta(persona, 42, 2025).status // "taxerad"
 */
export function genereraFakta(persona: Persona, seed: number, senasteInkomstar: number): SkvFakta {
  const rng = new Rng(hashSeed(seed, "skv", persona.personidentitet));
  const alder = senasteInkomstar - Number(persona.personidentitet.slice(0, 4));
  if (alder < 16 || rng.chance(0.05)) return { status: "ej-taxerad", ar: [] };
  if (persona.typ === "samordningsnummer" && rng.chance(0.5)) {
    const sink = rng.int(40, 220) * 1_000;
    return {
      status: "begransat-skattskyldig",
      ar: [ar(0, 0, 0, 0, 0, sink), ar(0, 0, 0, 0, 0, Math.round(sink * 0.9))],
    };
  }
  const pensionar = alder >= 66;
  const lon = pensionar
    ? rng.chance(0.1)
      ? rng.int(5, 60) * 1_000
      : 0
    : rng.chance(0.9)
      ? rng.int(30, 620) * 1_000 + rng.int(0, 999)
      : 0;
  const pension = pensionar ? rng.int(90, 320) * 600 : 0;
  const naring = !pensionar && rng.chance(0.08) ? rng.int(40, 450) * 1_000 : 0;
  const intakter = rng.chance(0.6) ? rng.int(0, 25_000) : 0;
  const utgifter = rng.chance(0.35) ? rng.int(1_000, 40_000) : 0;
  const forra = (x: number) => Math.round(x * (0.85 + rng.next() * 0.2));
  return {
    status: "taxerad",
    ar: [
      ar(lon, pension, naring, intakter, utgifter),
      ar(forra(lon), forra(pension), forra(naring), forra(intakter), forra(utgifter)),
    ],
  };
}

/**
 * The facts of one inkomstår. `index` 0 is the latest ended year at the clock's date; years older
 * than the listed ones are the oldest listed year, 3 % lower per further year.
 */
export function arsuppgift(fakta: SkvFakta, index: number): Arsuppgift | undefined {
  const sista = fakta.ar.length - 1;
  if (sista < 0) return undefined;
  const i = Math.max(0, index);
  const bas = fakta.ar[Math.min(i, sista)]!;
  if (i <= sista) return bas;
  const f = 0.97 ** (i - sista);
  const r = (x: number) => Math.round(x * f);
  return ar(
    r(bas.lon),
    r(bas.pension),
    r(bas.naring),
    r(bas.kapital.intakter),
    r(bas.kapital.utgifter),
    r(bas.sink),
  );
}

/**
 * Skatteverket's facts about the person behind a question: the named persona's facts, generated
 * facts, or undefined when Skatteverket holds nothing (no persona, or SKV not in `kallor`).
 */
export function skvFakta(
  persona: Persona | undefined,
  ctx: SimulatorContext,
  senasteInkomstar: number,
): SkvFakta | undefined {
  if (!persona?.kallor.includes("SKV")) return undefined;
  if (!persona.genererad) return FAKTA[persona.id];
  return minnas(persona, "SKV", ctx.seed, senasteInkomstar, () =>
    genereraFakta(persona, ctx.seed, senasteInkomstar),
  );
}

/**
 * True when the story says Skatteverket's service cannot read the person's data (fact `fel`):
 * every question about them gets 9071500.
 *
 * @example
 * kanInteLasas(ctx.population.medId("skv-omprovning-tekniskt-fel")) // true
 */
export function kanInteLasas(persona: Persona | undefined): boolean {
  return (
    !!persona &&
    !persona.genererad &&
    persona.kallor.includes("SKV") &&
    FAKTA[persona.id]?.fel === "tekniskt-fel"
  );
}

function kapitaluppgift(taxeringsar: number, a: Arsuppgift): Kapitaluppgift {
  const netto = a.kapital.intakter - a.kapital.utgifter;
  const k: Kapitaluppgift = {
    Taxeringsar: taxeringsar,
    SummaIntakterPaKapital: a.kapital.intakter,
    OverskottPaKapital: Math.max(0, netto),
  };
  if (netto < 0) k.UnderskottPaKapital = -netto;
  return k;
}

function inkomstuppgift(taxeringsar: number, a: Arsuppgift): Inkomstuppgift {
  const u: Inkomstuppgift = { Taxeringsar: taxeringsar };
  if (a.lon > 0) u.LonFormanerSjukpenning = a.lon;
  if (a.pension > 0) u.AllmanPensionOchTjanstepension = a.pension;
  if (a.naring > 0) u.OverskottAvAktivNaringsverksamhet = a.naring;
  u.FaststalldForvarvsinkomst = a.lon + a.pension + a.naring;
  return u;
}

/** The income blocks one status gives out, per asked inkomstår (taxeringsår = inkomstår + 1). */
function block(
  status: Beskattningsstatus | undefined,
  fakta: SkvFakta | undefined,
  inkomstar: readonly { inkomstar: number; index: number }[],
): Pick<Personuppgift, "Kapitaluppgift" | "Inkomstuppgift"> {
  const out: Pick<Personuppgift, "Kapitaluppgift" | "Inkomstuppgift"> = {
    Kapitaluppgift: [],
    Inkomstuppgift: [],
  };
  if (!fakta) return out;
  for (const { inkomstar: y, index } of inkomstar) {
    const a = arsuppgift(fakta, index);
    if (!a) continue;
    if (status === "taxerad") {
      out.Kapitaluppgift.push(kapitaluppgift(y + 1, a));
      out.Inkomstuppgift.push(inkomstuppgift(y + 1, a));
    } else if (status === "begransat-skattskyldig" && a.sink > 0) {
      out.Inkomstuppgift.push({ Taxeringsar: y + 1, InkomstSarskildInkomstskatt: a.sink });
    }
  }
  return out;
}

/** What a coverage record with a given status code stands for. */
const TACKNING: Readonly<Record<string, { status?: Beskattningsstatus; namn: boolean }>> = {
  [STATUSKOD.ejTraff]: { namn: false },
  [STATUSKOD.ejTaxerad]: { status: "ej-taxerad", namn: true },
  [STATUSKOD.skyddadePersonuppgifter]: { status: "taxerad", namn: false },
  [STATUSKOD.avliden]: { status: "avliden", namn: true },
  [STATUSKOD.avregistrerad]: { status: "avregistrerad", namn: true },
  [STATUSKOD.begransatSkattskyldig]: { status: "begransat-skattskyldig", namn: true },
  [STATUSKOD.uppgifterLamnade]: { status: "taxerad", namn: true },
};

/**
 * The latest ended income year at a day: the year before the clock's year. The facts' `ar[0]` is
 * that year whatever period is asked, so v10 and v11 tell the same years the same way.
 *
 * @example
 * senasteInkomstarFor("2026-11-20") // 2025
 */
export function senasteInkomstarFor(idag: string): number {
  return Number(idag.slice(0, 4)) - 1;
}

/**
 * Builds the answer document model for one checked question: pure, depends only on the persona
 * (or none), the asked years, the seed and `now`. Years that have not ended at `now` are never
 * answered (Skatteverket's checks refuse such questions before this); an ended year whose final
 * tax is not decided yet (`beslutad` false: the same decision day v11 reports as 9071005) has no
 * taxation data yet.
 *
 * @example
 * byggSvar(fraga, ctx.population.hitta(fraga.IdentitetsbeteckningFysiskPerson), ctx, (ar) => ar < 2025)
 */
export function byggSvar(
  fraga: Pick<FragaBeskattningsuppgifter, "IdentitetsbeteckningFysiskPerson" | "Inkomstar" | "Frageperiod">,
  persona: Persona | undefined,
  ctx: SimulatorContext,
  beslutad: (inkomstar: number) => boolean,
): SvarBeskattningsuppgifter {
  const id = fraga.IdentitetsbeteckningFysiskPerson;
  const { ar: iAr, dag } = svenskTid(ctx.now());
  const senaste = senasteInkomstarFor(dag);
  const inkomstar = fraga.Inkomstar.filter((y) => y < iAr && beslutad(y)).map((y) => ({
    inkomstar: y,
    index: senaste - y,
  }));
  const fakta = skvFakta(persona, ctx, senaste);

  const post = (
    statuskod: string,
    status: Beskattningsstatus | undefined,
    medNamn: boolean,
  ): Personuppgift => {
    const p: Personuppgift = {
      IdentitetsbeteckningFysiskPerson: id,
      StatusPersonuppgiftKod: statuskod,
      ...block(status, fakta, inkomstar),
    };
    if (medNamn && persona && !persona.sekretess) {
      p.Fornamn = persona.fornamn;
      p.Efternamn = persona.efternamn;
    }
    return p;
  };

  if (!fakta) return { PersonuppgiftLista: [post(STATUSKOD.ejTraff, undefined, false)] };
  const huvudkod = persona?.sekretess ? STATUSKOD.skyddadePersonuppgifter : STATUSKOD_FOR[fakta.status];
  const lista = [post(huvudkod, fakta.status, true)];
  for (const kod of fakta.tackningskoder ?? []) {
    const t = TACKNING[kod];
    if (t) lista.push(post(kod, t.status, t.namn));
  }
  return { PersonuppgiftLista: lista };
}
