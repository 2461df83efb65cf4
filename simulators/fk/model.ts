import type {
  LefiArbetsstalle,
  LefiFkFormanGruppKod,
  LefiPmFormanBeslutadErsattningTypKod,
  LefiPmFormanBeslutadErsattningUnderlag,
  LefiPmFormanBeslutatBeloppFrekvensKod,
  LefiPmFormanBeslutStatusKod,
  LefiPmFormanBeslutUtfallKod,
  LefiPmFormanGruppKod,
  LefiPmFormanUtbetalningAvdragTypKod,
  LefiPmFormanUtbetalningBeloppTypKod,
  LefiPmUtbetalningFormanKod,
  LefiTillstandKod,
  LefiUtlamnareKod,
} from "../../contract/fk/model.js";
import type { Betalare } from "../../contract/kalender.js";

/**
 * What Försäkringskassan and Pensionsmyndigheten know about one person, in domain terms. The
 * LEFI answer (ärenden, beslut, utbetalningar in the asked period) is built from these facts in
 * `data.ts`; nothing here is protocol.
 */

/**
 * A date in the facts: a fixed date (`YYYY-MM-DD`), or a date relative to the story period (the
 * clock's month and the two before, `berattelseperiod` of simulators/population/historia.ts),
 * because the stories say "sedan terminsstart" or "del av perioden" rather than a calendar date.
 * Never relative to the asked period: a person has one history for a given clock.
 */
export type FaktaDatum =
  | string
  /** Day `dag` of the month that lies `manader` months before the month the story period starts in. */
  | { readonly manaderForePeriod: number; readonly dag: number }
  /** `dagar` days after the first day of the story period. */
  | { readonly dagarEfterPeriodstart: number };

/** An address as FK's person register holds it. */
export interface FkAdress {
  utdelningsadress: string[];
  postnummer: string;
  postort: string;
  /** Adressroll: 1 folkbokföringsadress, 2 särskild adress, 3 utlandsadress. */
  roll: 1 | 2 | 3;
  land?: { kod: string; namn: string };
}

/** Generell personinformation (FK:GEPI). */
export interface FkPersonuppgifter {
  /** LEFI civilstånd: 0 okänd, 1 ogift, 2 gift, 3 reg. partnerskap, 4 efterlevande partner, 5 skild, 6 skild partner, 7 änka/änkeman. */
  civilstand: number;
  adresser: FkAdress[];
  /** Läns- och kommunkod of the folkbokföring. */
  folkbokford: { lan: string; kommun: string };
  medborgarskap: { landkod: string; landnamn: string; datum?: string }[];
  /** Where the person works, as FK's register holds it (sjukpenning: the employer who reported). */
  arbetsstallen?: LefiArbetsstalle[];
  /** Persons FK counts as belonging together with the person (a sambo, a spouse). */
  samhorig?: FkBarn[];
}

/** A child of the person (barnbidrag, underhållsstöd, föräldrapenning). */
export interface FkBarn {
  fornamn: string;
  efternamn: string;
  fodelsedatum: string;
  /** Födelsenummer (three digits, test series 980–999); the check digit is computed. */
  fodelsenummer: string;
}

/** The Försäkringskassan benefits the simulator knows how to tell as LEFI ärenden. */
export type FkFormanTyp =
  | "bostadsbidrag"
  | "barnbidrag"
  | "underhallsstod"
  | "foraldrapenning"
  | "aktivitetsstod"
  | "etableringsersattning"
  | "sjukpenning"
  | "sjukersattning"
  | "aktivitetsersattning"
  | "bostadstillagg"
  /** Paid like the others; the ärende itself is told by the persona's story (`berattelser.ts`). */
  | "berattelse";

/** An amount paid together with the main benefit (flerbarnstillägg, etableringstillägg). */
export interface FkTillagg {
  /** FK's own förmånskod for the delförmån, e.g. "FBT". */
  forman: string;
  beskrivning: string;
  /** Kronor per month. */
  belopp: number;
  skatteprocent: number;
}

/** What a housing decision was computed on (bostadsbidrag, bostadstillägg), kronor. */
export interface FkBostadsunderlag {
  /** Bostadsbidrag: the monthly housing cost and the part of it that counts. */
  totalBostadskostnad?: number;
  reduceradBostadskostnad?: number;
  /** Bostadsbidrag: yearly incomes counted (the applicant's, then a medsökande's). */
  inkomster?: number[];
  /** Indexes into {@link FkFakta.barn}: living at home, visiting (umgänge), alternating. */
  hemmavarandeBarn?: number[];
  tidvisboendeBarn?: number[];
  vaxelvisboendeBarn?: number[];
  /** Bostadstillägg: the yearly housing cost, and the net cost for bostadstillägg and for försörjningsstöd. */
  arsbruttokostnad?: number;
  bostadstillaggsnettokostnad?: number;
  forsorjningsstodsarsnettokostnad?: number;
}

/** One benefit at Försäkringskassan: the decision and how it is paid. */
export interface FkForman {
  typ: FkFormanTyp;
  /** The LEFI förmånsgrupp a question must name to see it. */
  grupp: LefiFkFormanGruppKod;
  /** FK's own förmånskod and name, as in `forman` of the beslut, e.g. BOB "Bostadsbidrag". */
  forman: { id: string; beskrivning: string };
  delforman?: { id: string; beskrivning: string };
  /** The application arrived. */
  startades: FaktaDatum;
  /** The decision was made (before the first payment). */
  beslutad: FaktaDatum;
  /** Granted from; `tom` absent = until further notice. */
  fran: FaktaDatum;
  tom?: FaktaDatum;
  /** Kronor per month (`per: "manad"`) or per compensated day (`per: "dag"`). Always whole kronor. */
  belopp: number;
  per: "manad" | "dag";
  /** For day amounts: 5 = weekdays (programs), 7 = every calendar day (sjukpenning, föräldrapenning). */
  dagarPerVecka?: 5 | 7;
  /** Who pays, i.e. which payment-day rule of contract/kalender.ts applies (FK, FK_BARNBIDRAG, …). */
  betalare: Betalare;
  /** Preliminary tax in percent of the gross amount; 0 for tax-free benefits. */
  skatteprocent: number;
  /** Indexes into {@link FkFakta.barn} of the children the benefit concerns. */
  barn?: number[];
  tillagg?: FkTillagg[];
  /** Aktivitetsstöd: åtgärdstyp (LEFI code list). */
  atgardstyp?: number;
  /** Arbetsmarknadspolitiskt program the person is anvisad to (LEFI program code). */
  program?: number;
  /** Omfattning as täljare/nämnare, e.g. [1, 1] for hel. */
  omfattning?: [number, number];
  /** LEFI periodicitet of the decided amount (0 ingen, 1 månadsvis, 2 kvartalsvis, 3 halvårsvis, 4 årsvis); 1 when absent. */
  periodicitet?: number;
  /** Bostadsbidrag, bostadstillägg: what the decision was computed on. */
  underlag?: FkBostadsunderlag;
  /** Bostadsbidrag, bostadstillägg: a spouse or sambo who applied too (index into {@link FkPersonuppgifter.samhorig}). */
  medsokande?: number[];
  /**
   * Underhållsstöd stepped by the child's age: from the month after the child turns `fran` the
   * monthly amount per child is `belopp` (the law's 0–10, 11–14 and 15+ steps). Replaces `belopp`.
   */
  aldersstegar?: { fran: number; belopp: number }[];
  /** LEFI underhållsstöd ersättning per child (1 helt, 2 reducerat, 6 utfyllnad växelvis boende …); 1 when absent. */
  ersattningPerBarn?: number[];
  /** Deductions from each payment in a span (LEFI avdragstyp: INF utmätning, KVI kvittning, SOC …), kronor. */
  avdrag?: { typ: string; belopp: number; fran?: FaktaDatum; tom?: FaktaDatum }[];
  /** LEFI utbetalningstyp when not the usual (1 månad, 2 daglig): 0 lokal, 3 retro, 4 presumtiv. */
  utbetalningstyp?: number;
  /** The paying company (LEFI Utbetalning.Foretag): 1001 Försäkringskassan (default), 1003 Pensionsmyndigheten. */
  foretag?: number;
}

/** One Pensionsmyndigheten benefit: the claim, the decision and what it pays per month. */
export interface PmForman {
  grupp: LefiPmFormanGruppKod;
  ansprakid: string;
  ankomstdatum: FaktaDatum;
  beslutsid: string;
  beslutsdatum: FaktaDatum;
  status: LefiPmFormanBeslutStatusKod;
  utfall: LefiPmFormanBeslutUtfallKod;
  /** Granted from (the claimed period starts here too). */
  fran: FaktaDatum;
  /** What the decision grants, per month; empty for an avslag. */
  ersattningar: PmErsattning[];
  /** Allmän pension: the civil status used. */
  civilstand?: "OGIFT" | "GIFT";
  /** Bostadstillägg: monthly housing cost (gross) in the decision. */
  bostadskostnad?: number;
  /** Efterlevandeförmåner: the deceased. */
  avliden?: { personnummer: string; fodelsedatum: string; dodsfallsdatum: FaktaDatum };
  /** Efterlevandeförmåner: the other survivors entitled (the children's personnummer). */
  ovrigaBerattigade?: string[];
  /** Bostadstillägg: the spouse who applied too (personnummer) and the net cost for äldreförsörjningsstöd. */
  medsokande?: string;
  bostadskostnadNettoAfs?: number;
  /** A claimed period that ends (a time-limited omställningspension). */
  tom?: FaktaDatum;
}

/** A deduction PM makes from every payment in a span (utmätning, the municipality's claim …). */
export interface PmAvdrag {
  typ: LefiPmFormanUtbetalningAvdragTypKod;
  /** Kronor per payment. */
  belopp: number;
  fran: FaktaDatum;
  tom?: FaktaDatum;
}

/** One kind of compensation inside a PM decision and how it shows on the payment. */
export interface PmErsattning {
  typ: LefiPmFormanBeslutadErsattningTypKod;
  /** Kronor per month. */
  belopp: number;
  utbetalningsforman: LefiPmUtbetalningFormanKod;
  beloppstyp: LefiPmFormanUtbetalningBeloppTypKod;
  /** True for tax-free amounts (bostadstillägg). */
  skattefri?: boolean;
  /**
   * Yearly recalculated amounts (PM recalculates pensions every January): kronor per month per
   * year, e.g. { "2025": 9120, "2026": 9380 }. A year not listed keeps the latest listed before
   * it, years before the first keep `belopp`. Each listed year after the decision is its own
   * omräkningsbeslut, made in December before.
   */
  arsbelopp?: Readonly<Record<string, number>>;
  /** How often the decided amount is given; MANAD when absent. */
  frekvens?: LefiPmFormanBeslutatBeloppFrekvensKod;
  /** What PM computed the amount on (garantipension's 40-delar, tilläggspension's poäng, samordning …). */
  underlag?: LefiPmFormanBeslutadErsattningUnderlag;
}

/** What Pensionsmyndigheten knows about the person. */
export interface PmFakta {
  formaner: PmForman[];
  skatteprocent: number;
  /** Levnadsintyg status (LEFI code list); 24 = not sent, not living abroad. */
  levnadsintygsstatus?: number;
  /** Income pension account value (kronor) for PM:PBH. */
  inkomstpensionskonto?: number;
  premiepensionskonto?: number;
  /** Pensionsgrundande inkomst per year for PM:PU. */
  pensionsgrundandeInkomst?: Record<string, number>;
  /** Deductions from the payments besides the preliminary tax. */
  avdrag?: PmAvdrag[];
  /**
   * Särskild inkomstskatt (SINK) while the person lived abroad: up to `tom` PM withholds
   * `procent` as PM:SS instead of the preliminary tax.
   */
  sink?: { procent: number; tom: FaktaDatum };
}

/** Everything FK and PM hold about one person. */
export interface FkFakta {
  person: FkPersonuppgifter;
  barn?: FkBarn[];
  formaner: FkForman[];
  pension?: PmFakta;
  /** Sjukpenninggrundande inkomst (kronor per year), for FK:SGI. */
  sgi?: {
    arsinkomst: number;
    faststalld: FaktaDatum;
    /** LEFI SGI typ (0 A- eller B-inkomst, 1 studietid, 2 värnplikt, 3 livränta); 0 when absent. */
    typ?: number;
    /** Yearly income from the person's own business (B-inkomst), kronor. */
    verksamhet?: number;
    /** Karensdagar, and the working time the SGI rests on (days a year, hours a week). */
    karens?: number;
    dagar?: number;
    timmar?: number;
  };
  /** Aviseringar om studiemedel from CSN (typ: LEFI code list), for FK:STAV. */
  studiemedelsaviseringar?: { typ: number; fran: FaktaDatum; tom: FaktaDatum }[];
  /** Programdagar förbrukade i jobb- och utvecklingsgarantin, for FK:PJOB. */
  programjobdagar?: number;
  /** The state of each utlämnare when the question arrives; OK when absent. */
  tillstand?: Partial<Record<LefiUtlamnareKod, LefiTillstandKod>>;
  /**
   * Groups (förmånsgrupper or övrig-information types) of an utlämnare that is OK whose fetch
   * fails inside it: asked for, they are reported as avvikelse INTERNT_FEL.
   */
  interntFel?: readonly string[];
  /**
   * Skatteregistreringsnummer (TIN) abroad, for a person who pays särskild inkomstskatt (SINK)
   * and works in another country (FK:SKUP). Absent: FK holds no skatteuppgift.
   */
  skatteredovisningsnummer?: string;
  /** The kodtackning persona: on top of its facts, every code of fixtures/kodverk/lefi.json. */
  kodtackning?: boolean;
}
