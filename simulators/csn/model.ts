/**
 * What CSN knows about a person, as domain facts (not protocol): the person's study-support
 * cases (ärenden) per stödform, when they run, at what pace and with which amounts. Times are
 * described relative to the story period where the persona's story says so ("beviljat per
 * termin som täcker frågeperioden"), or fixed where the story gives a date.
 */

/** The five blocks of a CSN person (`Studiestodstypforteckning`). */
export type Stodslag =
  | "studiemedel"
  | "studiehjalp"
  | "hemutrustningslan"
  | "studiestartsstod"
  | "omstallningsstudiestod";

/** Every stödslag, in the order of the answer. */
export const STODSLAG: readonly Stodslag[] = [
  "studiemedel",
  "studiehjalp",
  "hemutrustningslan",
  "studiestartsstod",
  "omstallningsstudiestod",
];

/** `csngem:status` of an ärende ("          " = no status given). */
export type ArendeStatus =
  | "BESLUTAT"
  | "BESLUTAD"
  | "INITIERAT"
  | "INITIERAD"
  | "AVSLUTAT"
  | "AVSLUTAD"
  | "          ";

/** `csngem:takt`: study pace in percent of full time. */
export type Takt = 0 | 20 | 40 | 50 | 60 | 75 | 100;

/**
 * When an ärende runs. Dates are `YYYY-MM-DD`; relative ones count from the story period
 * (`berattelseperiod` of simulators/population/historia.ts: the clock's month and the two
 * before), so an ärende has the same dates whatever period is asked about.
 */
export type Tidsplan =
  /** University terms (HT from ISO week 35, VT from week 3, 20 weeks each) overlapping the asked period. */
  | { typ: "terminer" }
  /** School years (September–June) overlapping the asked period, within the given first/last year. */
  | { typ: "lasar"; forstaLasar: number; sistaLasar: number }
  /** A course that began `veckorFore` weeks before the story period and ends `veckorEfter` weeks after it. */
  | { typ: "kring"; veckorFore: number; veckorEfter: number }
  /** Studies applied for `veckorSokta` weeks from `veckorFore` weeks before the story period, broken off after `veckorStuderade`. */
  | { typ: "avbruten"; veckorFore: number; veckorStuderade: number; veckorSokta: number }
  /** Fixed dates from the story. */
  | { typ: "fast"; start: string; slut: string }
  /** One payment on a fixed date (hemutrustningslån). */
  | { typ: "engang"; utbetdatum: string }
  /** One payment `dagarFore` days before the clock's date (moved to a bank day; kodtäckning). */
  | { typ: "engang-nyligen"; dagarFore: number }
  /** Applied for, not yet decided: a course starting `veckorEfter` weeks after the story period, `veckor` long. */
  | { typ: "ansokan"; veckorEfter: number; veckor: number };

/** One amount type of an ärende, per unit (per week; per month for studiehjälp; the whole loan for HUT). */
export interface BeloppFakta {
  beloppstyp: string;
  belopp: number;
}

/** One ärende (or, for `terminer`/`lasar`, one ärende per term or school year). */
export interface ArendeFakta {
  /** Local name, so that another ärende can point at it with {@link relaterat}. */
  id?: string;
  stodslag: Stodslag;
  /** `csngem:stodform`, e.g. "GRUND", "SH", "HUT". */
  stodform: string;
  /** `csngem:klartext`; "{lasar}" becomes the school year, e.g. "2026/27". */
  klartext: string;
  /** Fixed status; default BESLUTAT while running and AVSLUTAT once ended (BESLUTAD for HUT). */
  status?: ArendeStatus;
  /** `id` of the ärende that holds this one together (relarende), e.g. SB under SH. */
  relaterat?: string;
  tid: Tidsplan;
  takt?: Takt;
  /** Whether a loan was applied for (`soktlan` "J"). Absent for studiehjälp (no soktlan). */
  soktLan?: boolean;
  belopp: BeloppFakta[];
  /** False when another ärende makes the payments (SB, INACK … under SH). Default true. */
  utbetalas?: boolean;
  /** The ärende's latest payment due by today is reported as "Planerad" (kodtäckning). */
  sistaUtbetalningPlanerad?: boolean;
  /** Co-borrower of a hemutrustningslån (test personnummer, 12 digits). */
  medlanare?: string;
}

/** CSN's facts about one person. */
export interface CsnFakta {
  arenden: ArendeFakta[];
}
