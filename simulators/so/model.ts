/**
 * What the a-kassor know about a person: domain, not protocol. One {@link AkassaUppgift} per
 * a-kassa that knows the person; the INT014 answer is these facts seen through an asked period.
 */

/**
 * The a-kassor that answer through Sveriges a-kassor's INT014 service (`SvarandeOrganisation`),
 * in alphabetical order. Real names only; the same list is the kodverk `SO.SvarandeOrganisation`.
 */
export const AKASSOR = [
  "Akademikernas a-kassa",
  "Alfa-kassan",
  "Byggnads a-kassa",
  "Elektrikernas a-kassa",
  "Fastighets a-kassa",
  "Finans- och försäkringsbranschens a-kassa",
  "GS a-kassa",
  "Handelsanställdas a-kassa",
  "Hotell- och restauranganställdas a-kassa",
  "IF Metalls a-kassa",
  "Kommunals a-kassa",
  "Livsmedelsarbetarnas a-kassa",
  "Lärarnas a-kassa",
  "Målarnas a-kassa",
  "Sveriges Arbetares a-kassa",
  "Transportarbetarnas a-kassa",
  "Unionens a-kassa",
] as const;
export type AkassaNamn = (typeof AKASSOR)[number];

/**
 * `StatusSvarandeOrganisation` in our model (the XSD leaves it free text). The two "Tekniskt fel"
 * statuses mean the a-kassa could not answer: it is listed without payments (a partial answer).
 */
export const STATUS = {
  ok: "OK",
  ingenUppgift: "Ingen uppgift",
  svaradeInte: "Tekniskt fel – a-kassan svarade inte",
  ogiltigtSvar: "Tekniskt fel – ogiltigt svar från a-kassan",
} as const;
export type StatusSvarandeOrganisation = (typeof STATUS)[keyof typeof STATUS];

/**
 * A date in a fact: a fixed date (`YYYY-MM-DD`), or a point inside the story period (the clock's
 * month and the two before, up to today: `berattelseperiod` of simulators/population/historia.ts;
 * `andel` 0..1 of the way from its start to today, moved to that week's Monday) for stories that
 * say "recently", e.g. a change of a-kassa. Never relative to the asked period: the date is the
 * same in every answer given on one clock. `tidigast` keeps such a point after the story's own
 * start.
 */
export type Datumregel = string | { andel: number; tidigast: string };

/** The right to compensation and how it is paid. Amounts are whole kronor. */
export interface Ersattning {
  /** First day with compensation (a Monday). */
  fran: Datumregel;
  /** First day no longer paid by this a-kassa (a change of a-kassa, a stop); absent = ongoing. */
  till?: Datumregel;
  /** Dagpenning före skatt per ersättningsdag (from the first day). */
  dagpenningBrutto: number;
  /**
   * Avtrappning: from the day after `efterDagar` compensated days the daily amount is
   * `dagpenningBrutto` of the step (ascending `efterDagar`). Absent: the same amount throughout.
   */
  nedtrappning?: readonly { efterDagar: number; dagpenningBrutto: number }[];
  /** Skatteavdrag in percent of the gross amount (rounded down to whole kronor). */
  skattesats: number;
  /** Deductions after tax per payment (utmätning, kvittning av återkrav), kronor. */
  avdragPerUtbetalning: number;
  /** Compensated days per week: 5 when fully unemployed, fewer when part-time unemployed. */
  dagarPerVecka: number;
  /** Weeks per kassakort and payment. */
  veckorPerUtbetalning: 1 | 2;
}

/** A suspension (avstängning) from compensation. */
export interface Avstangningsregel {
  fran: Datumregel;
  /** Length in whole weeks, Monday to Sunday. */
  veckor: number;
}

/** The application for compensation. */
export interface Ansokan {
  /** Date of the decision on the right to compensation; `null` while no decision is made. */
  beslut: Datumregel | null;
  utbetalningInlamnad: boolean;
}

/** What one a-kassa knows about the person. */
export interface AkassaUppgift {
  akassa: AkassaNamn;
  status: StatusSvarandeOrganisation;
  ersattning?: Ersattning;
  avstangningar: Avstangningsregel[];
  ansokan?: Ansokan;
}

/** Everything the a-kassor know about one person. */
export interface SoFakta {
  akassor: AkassaUppgift[];
  /**
   * Sveriges a-kassors service cannot answer for this person at all (the story's reason): the
   * question gets the SOAP Fault TEKNISKT_FEL instead of an answer.
   */
  fel?: "TEKNISKT_FEL";
}
