/**
 * Skatteverket's further facts about a person for ssbt/11, on top of the v10 facts
 * ({@link SkvFakta}: status and income per year). Domain, not protocol: the part documents are
 * built from these in `v11-data.ts`.
 */

import type { FskattStatus } from "../../contract/skv/v11-model.js";

/** Who pays the person (an employer, or a public payer) and files individuppgifter for it. */
export interface Utbetalare {
  /** 12 digits, pattern `\d{4}[2-9]\d{7}`. */
  organisationsnummer: string;
  namn: string;
}

/**
 * One stream of reported income: which of the year's income (`lon`, `pension` or `sink`) this
 * payer pays, its share of that income, and in which months (1–12; default all year).
 */
export interface Utbetalning {
  utbetalare: Utbetalare;
  slag: "lon" | "pension" | "sink";
  /** Share of the year's income of this kind (the payers of one kind add up to 1). */
  andel: number;
  manader?: readonly number[];
}

/** A business registered in the person's name (enskild näringsidkare). */
export interface ForetagFakta {
  firma: string;
  fskatt: FskattStatus;
  registrerad: string;
  avregistrerad?: string;
  moms: boolean;
  arbetsgivare: boolean;
  /** SNI 2007. */
  sni: string;
}

/** A sale reported on an attachment: K4 (securities) or K6 (privatbostadsrätt). */
export interface Forsaljning {
  /** Income year index as in {@link SkvFakta.ar}: 0 = the latest ended income year. */
  index: number;
  blankett: "K4" | "K6";
  forsaljningspris: number;
  /** Purchase price (K6) or omkostnadsbelopp (K4). */
  anskaffning: number;
}

/**
 * A payment stream of the current, not yet ended, year when it differs from the latest year's
 * pattern (a job lost, a benefit started): a fixed monthly amount from month `fran` to `till`.
 */
export interface InnevarandeUtbetalning {
  utbetalare: Utbetalare;
  /** First month (1–12). */
  fran: number;
  /** Last month (1–12); absent = still paying. */
  till?: number;
  perManad: number;
  /** Withholding rate of this payer. */
  skattesats: number;
}

/** Skatteverket's ssbt/11 facts about one person. */
export interface SkvFaktaV11 {
  utbetalningar: readonly Utbetalning[];
  foretag: readonly ForetagFakta[];
  /** Capital gains included in that year's capital income (no tax withheld on them). */
  forsaljningar: readonly Forsaljning[];
  /** Withholding rate on salary per income year index (default 0.30; the last entry repeats). */
  skattesatsLon?: readonly number[];
  /** Kvarskatt is left unpaid (debt and kostnadsränta on the skattekonto). */
  obetaldKvarskatt?: boolean;
  /** The current year's payments, when the story changed them (else the latest year's pattern). */
  innevarandeAr?: readonly InnevarandeUtbetalning[];
}
