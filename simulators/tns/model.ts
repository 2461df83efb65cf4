/**
 * What Transportstyrelsen knows about a person for SSBTEK: the vehicles registered to them in
 * vägtrafikregistret, with the dates ownership began and (for sold vehicles) ended. The dates never
 * leave the simulator: the answer lists the vehicles owned at some time during the asked period.
 */

/**
 * Fordonsslag as Transportstyrelsen writes them in the SSBTEK answer (upper case, as in the
 * reference answer's "PERSONBIL" and "MOTORCYKEL"). Labels in fixtures/kodverk/tns.json.
 */
export const FORDONSSLAG = [
  "PERSONBIL",
  "LASTBIL",
  "BUSS",
  "MOTORCYKEL",
  "MOPED",
  "TRAKTOR",
  "MOTORREDSKAP",
  "TERRÄNGVAGN",
  "TERRÄNGSKOTER",
  "TERRÄNGHJULING",
  "SLÄPVAGN",
] as const;
export type Fordonsslag = (typeof FORDONSSLAG)[number];

/** One vehicle and the person's ownership of it. */
export interface Fordonsinnehav {
  /** Synthetic registration number (TST + three digits for named personas). */
  regnr: string;
  fabrikat: string;
  handelsbeteckning: string;
  fordonsslag: Fordonsslag;
  /** Fordonsår (model year). */
  fordonsar: number;
  /** First day of ownership (YYYY-MM-DD). */
  agareFrom: string;
  /** Last day of ownership when sold or scrapped (YYYY-MM-DD); absent while still owned. */
  agareTom?: string;
}

/** Transportstyrelsen's facts about one person. */
export interface TnsFakta {
  fordon: Fordonsinnehav[];
  /**
   * The register post cannot be read for this person (a correction in progress): the answer is
   * `resultat` FEL with this felresultat instead of the vehicles.
   */
  fel?: 9001;
  /**
   * A change of owner is reported but not yet registered: the answer is `resultat` OK with the
   * vehicles and a felresultat 2001 saying the list may be incomplete.
   */
  anmarkning?: 2001;
}
