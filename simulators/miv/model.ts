/**
 * What Migrationsverket knows about a person: entries into Sweden and decisions on applications.
 * Domain, not protocol: the answer (`fkResponse`) is built from these facts by `data.ts`.
 * The codes are those of `fixtures/kodverk/miv.json`; the labels (`…Namn`) come from there too.
 */

/** `MIV.ArendeTyp`: what kind of case the decision was made in. */
export type ArendeTyp = "ASYL" | "UAT" | "UT" | "AT" | "FUT" | "VID";

/** `MIV.BeslutsKod`: the outcome. */
export type BeslutsKod = "BEV" | "AVS" | "AVV" | "AVSK";

/** `MIV.BeslutsTyp`: what was decided. */
export type BeslutsTyp = "PUT" | "TUT" | "AT" | "AT-UND" | "UTV";

/** `MIV.Anledning`: the ground of the application or decision. */
export type Anledning =
  | "FLYKT"
  | "ALTSKYDD"
  | "MASSFLYKT"
  | "KVOT"
  | "ANK"
  | "ARB"
  | "SASONG"
  | "STUD"
  | "ASYLSOK"
  | "EJSKYDD";

/**
 * A day in a person's history: an absolute date (`YYYY-MM-DD`), or a number of days before the
 * reference day (the end of the asked period, never later than today). Relative days let a
 * persona's story say "decided during the asked period" whatever period is asked.
 */
export type Dag = string | { dagarFore: number };

/** How long a granted permit is valid. A permanent permit has no end day. */
export type Giltighet =
  | { giltighetstid: "PERMANENT"; fromDatum: Dag }
  | { giltighetstid: "TIDBEGRANSAT"; fromDatum: Dag; tomDatum: Dag }
  /** In force from a day with no end fixed yet (e.g. AT-UND while the asylum case is open). */
  | { fromDatum: Dag };

/** One decision on file. Invariant: ansokningsdatum ≤ beslutsdatum ≤ fromDatum ≤ tomDatum. */
export interface MivBeslut {
  arendeTyp: ArendeTyp;
  beslutsKod: BeslutsKod;
  beslutsTyp: BeslutsTyp;
  anledning?: Anledning;
  ansokningsdatum: Dag;
  beslutsdatum: Dag;
  /** Only for decisions that grant something. */
  giltighet?: Giltighet;
}

/** Migrationsverket's facts about one person. */
export interface MivFakta {
  /** Country of origin as Migrationsverket writes it (Swedish name, upper case). */
  hemland: string;
  /** Known entries into Sweden; the answer gives the latest one on or before the reference day. */
  inresor: readonly Dag[];
  beslut: readonly MivBeslut[];
  /**
   * The register also holds an empty decision record, sent as `<svar xsi:nil="true"/>` (the
   * element is nillable). Only for the kodtackning persona, to exercise consumers' parsers.
   */
  tomPost?: boolean;
}
