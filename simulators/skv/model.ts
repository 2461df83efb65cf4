/**
 * What Skatteverket knows about a person, as domain facts (not protocol). The answer document is
 * built from these in `data.ts`. Amounts are whole kronor per inkomstår.
 *
 * v10 gives out taxation data (capital and earned income per taxeringsår). The optional
 * `foretag` block is kept for ssbt/11, where Skatteverket adds company information, the tax
 * account and the decided tax; v10 does not give it out.
 */

/** How the person is taxed, or why there is no taxation to give. */
export type Beskattningsstatus =
  /** Obegränsat skattskyldig with decided final tax for the asked years. */
  | "taxerad"
  /** Known to Skatteverket but no decided final tax for the asked years (no income, too young). */
  | "ej-taxerad"
  /** Begränsat skattskyldig: only särskild inkomstskatt (SINK), no ordinary taxation. */
  | "begransat-skattskyldig"
  | "avliden"
  /** Avregistrerad from folkbokföringen (e.g. emigrated). */
  | "avregistrerad";

/** Capital income of one year: the capital box's income and expenses (interest etc.). */
export interface Kapitalinkomst {
  intakter: number;
  utgifter: number;
}

/** The taxation facts of one inkomstår. */
export interface Arsuppgift {
  /** Salary, benefits, sickness/unemployment benefit, activity support (box 1.1). */
  lon: number;
  /** Public and occupational pension incl. sickness compensation (box 1.3). */
  pension: number;
  /** Surplus of active business (enskild näringsverksamhet). */
  naring: number;
  /** Income taxed with SINK (begränsat skattskyldig only). */
  sink: number;
  kapital: Kapitalinkomst;
}

/** A business the person runs (kept for ssbt/11 `foretagsinformation`; not given out in v10). */
export interface Foretag {
  /** The enskild firma's name. */
  firma: string;
  fSkatt: boolean;
  /** Date the business was registered (YYYY-MM-DD). */
  registrerad: string;
}

/** Skatteverket's facts about one person. */
export interface SkvFakta {
  status: Beskattningsstatus;
  /**
   * Taxation per inkomstår, relative to the asked period: index 0 is the latest income year
   * before the period (the year before the period's start year), index 1 the year before that.
   * Older years are derived from the last entry.
   */
  ar: readonly Arsuppgift[];
  foretag?: Foretag;
  /**
   * Extra `Personuppgift` records with these status codes, added after the real one. Only the
   * artificial code-coverage persona uses this, so parsers can be tested on every status code.
   */
  tackningskoder?: readonly string[];
  /**
   * Skatteverket's service cannot read this person's data (the story's reason): every question
   * about the person is answered with the technical error 9071500, in v10 and v11 alike.
   */
  fel?: "tekniskt-fel";
}
