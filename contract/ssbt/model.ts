/**
 * The SSBTEK composite contract (ssbt/10, with the ssbt/11 Skatteverket extension) as TypeScript
 * types. Names follow the XSD so code and contract read the same. Dates are `YYYY-MM-DD` strings
 * (an `xsd:date` may carry a time zone; we keep what was sent).
 */

import type { BastjanstKod, SpecifikaFrageparametrar } from "./sektioner.js";

// The bastjänster are the sections of the contract (contract/ssbt/sektioner.ts), listed once there.
export { BASTJANSTER, type BastjanstKod, type SpecifikaFrageparametrar } from "./sektioner.js";

/**
 * Contract versions this project speaks. `utkast` is the draft built on ssbt/11 (own namespace,
 * AF's answer extended with the information-needs report's fields); see docs/release-gating.md.
 */
export type KontraktVersion = "v10" | "v11" | "utkast";

/** Every contract version, oldest first. */
export const KONTRAKT_VERSIONER: readonly KontraktVersion[] = ["v10", "v11", "utkast"];

/**
 * True for versions whose Skatteverket part is the ssbt/11 one (question `fraga`, answer blocks).
 *
 * @example
 * harSkvV11("utkast") // true
 */
export function harSkvV11(version: KontraktVersion): boolean {
  return version !== "v10";
}

export interface Tidsperiod {
  fromDatum: string;
  tomDatum: string;
}

export interface Ingivare {
  /** 12 digits, pattern `\d{4}[2-9]\d{7}`. */
  organisationsnummer: string;
  namn: string;
  handlaggare: string;
}

export interface Personuppgiftsbitrade {
  ordningsnummer?: number;
  organisationsnummer: string;
  namn: string;
}

export interface GenerellaFrageparametrar {
  frageTidpunkt?: string;
  korrelationsid?: string;
  fraganSkallInkluderasISvaret: boolean;
  ingivare: Ingivare;
  /** 12 digits: personnummer or samordningsnummer. */
  personidentitet: string;
  arendeidentitet: string;
  tidsperiod: Tidsperiod;
  personuppgiftsbitrade: Personuppgiftsbitrade[];
  syfte: string;
  lagtext: string;
}

/** The FK (LEFI) question carried inside the composite question. */
export interface ForsakringskassanFraga {
  /** LEFI API version, e.g. "v9". Absent means v9. */
  version?: string;
  aktorsid: string;
  /** Base64 of the LEFI JSON query, exactly as sent. */
  lefiJsonFraga: string;
}

/** ssbt/11 Skatteverket question: which income years and which blocks. */
export interface SkatteverketFragaV11 {
  ar: number[];
  /** Block name → wanted. Names as in the v11 schema. */
  block: Record<string, boolean>;
}

export interface MedTidsperiod {
  inkludera: boolean;
  tidsperiod?: Tidsperiod;
}

/** `hamtaBastjanstInformation`: one composite question. */
export interface SsbtFraga {
  generellaFrageparametrar: GenerellaFrageparametrar;
  specifikaFrageparametrar: SpecifikaFrageparametrar;
}

/** Where an error in a section comes from: the composite service itself or the bastjänst. */
export type Kalla = "SSBT" | "BT";

export interface SsbtError {
  kalla: Kalla;
  felkod: string;
  felmeddelande: string[];
}

/**
 * One section of the answer. `data` holds the children of `<data>` as XML trees (built by the
 * bastjänst client), `error` a section error.
 */
export type Sektion =
  | { data: import("../xml/node.js").XmlElement[] }
  | { error: SsbtError }
  /** A section whose content is not data|error (ssbt/11 SKV: one part per block): its children as-is. */
  | { delar: import("../xml/node.js").XmlElement[] };

/** `hamtaBastjanstInformationResponse`. */
export interface SsbtSvar {
  fraga?: SsbtFraga;
  frageTidpunkt?: string;
  korrelationsid?: string;
  svarsdata: Partial<Record<BastjanstKod, Sektion>>;
}

/** `hamtaBastjanstInformationFault` / `testaBastjanstInformationFault`. */
export interface SsbtFault {
  felkod: string;
  felmeddelande: string[];
}

/** One line of `testaBastjanstInformationResponse`. */
export interface TestSvar {
  anropad: boolean;
  error?: SsbtError;
}

export type SsbtTestSvar = Partial<Record<BastjanstKod, TestSvar>>;

/**
 * The period that applies to one bastjänst: its own `tidsperiod` when given, else the general one.
 *
 * @example
 * periodFor(fraga, "CSN") // { fromDatum: "2026-01-01", tomDatum: "2026-06-30" }
 */
export function periodFor(fraga: SsbtFraga, kod: BastjanstKod): Tidsperiod {
  const s = fraga.specifikaFrageparametrar[kod] as { tidsperiod?: Tidsperiod };
  return s.tidsperiod ?? fraga.generellaFrageparametrar.tidsperiod;
}

/** True when the section is an error section. */
export function arFel(s: Sektion): s is { error: SsbtError } {
  return "error" in s;
}
