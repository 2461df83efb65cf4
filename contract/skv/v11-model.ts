/**
 * Skatteverket's bastjänst for ssbt/11 as TypeScript types: our model of the service behind the
 * municipality's reconstructed v11 Skatteverket blocks (NOT an official schema).
 *
 * The transport is unchanged from ssbt/10: the same ZgBsBeskattningWS SOAP operation
 * (`BeskattningsuppgifterRequest`/`Response`, faults with `skv:Exception`), whose `forfragan` and
 * `svar` strings carry JSON documents instead of XML ones. That keeps one endpoint per authority
 * (so `--upstream SKV=…` works for both versions) and keeps every message valid against the
 * official WS schema, which ssbt/11 ships unchanged.
 *
 * - The question ({@link FragaSkatteuppgifterV11}) names the income years (`inkomstar`) and the
 *   blocks wanted.
 * - The answer ({@link SvarSkatteuppgifterV11}) holds one part per asked block: its own JSON
 *   document (`data`) or its own error (`fel`). SSBT passes each document on base64-encoded, as
 *   `SkatteverketDelSvar/data` of the composite answer.
 * - A failure of the whole question (bad identity, unauthorised ingivare, unreadable question,
 *   maintenance) stays a SOAP Fault with `MeddelandeKod`, as in v10.
 *
 * JSON keys are camelCase Swedish, amounts whole kronor, dates `YYYY-MM-DD`, months `YYYY-MM`.
 */

import type { SKV11_BLOCK } from "../ssbt/codec.js";

/** A block of the ssbt/11 Skatteverket question and answer, in schema order. */
export type SkvBlock = (typeof SKV11_BLOCK)[number];

/** The document version carried in both documents. */
export const SKV_V11_VERSION = 11;

/** Most distinct income years one v11 question may name. */
export const MAX_INKOMSTAR_V11 = 20;

// ---------------------------------------------------------------------------------------------
// Code lists (labels in Swedish; the keys are what the documents carry)
// ---------------------------------------------------------------------------------------------

/** `foretag[].foretagsform`: the legal form of a business the person runs in their own name. */
export const FORETAGSFORM = {
  EF: "Enskild näringsidkare",
} as const;
export type Foretagsform = keyof typeof FORETAGSFORM;

/** `foretag[].fskatt.status`: the business's approval for F-skatt. */
export const FSKATT_STATUS = {
  F: "Godkänd för F-skatt",
  FA: "Godkänd för FA-skatt (F-skatt i näringsverksamheten, A-skatt på lön)",
  EJ: "Inte godkänd för F-skatt (återkallad eller aldrig beviljad)",
} as const;
export type FskattStatus = keyof typeof FSKATT_STATUS;

/** `transaktioner[].transaktionstyp` on the skattekonto. */
export const TRANSAKTIONSTYP = {
  PRELIMINARSKATT: "Debiterad preliminärskatt (F-skatt)",
  INBETALNING: "Inbetalning till skattekontot",
  SLUTLIG_SKATT: "Slutlig skatt enligt beslut (debet vid kvarskatt, kredit vid överskjutande skatt)",
  UTBETALNING: "Utbetalning av överskott till kontohavaren",
  KOSTNADSRANTA: "Kostnadsränta på underskott",
} as const;
export type Transaktionstyp = keyof typeof TRANSAKTIONSTYP;

/** `beskattningar[].resultat.typ`: what the decided tax means for the person. */
export const RESULTATTYP = {
  ATERBETALNING: "Överskjutande skatt: pengar tillbaka",
  KVARSKATT: "Kvarskatt: skatt att betala",
  NOLL: "Varken överskjutande skatt eller kvarskatt",
} as const;
export type Resultattyp = keyof typeof RESULTATTYP;

/** `bilagor[].blankett`: the income tax return's attachments we model, and their fields. */
export const BLANKETT = {
  NE: {
    benamning: "Inkomst av aktiv näringsverksamhet, enskild näringsidkare",
    falt: ["intakter", "kostnader", "overskott"],
  },
  K4: { benamning: "Försäljning av värdepapper", falt: ["forsaljningspris", "omkostnadsbelopp", "vinst"] },
  K6: {
    benamning: "Försäljning av privatbostadsrätt",
    falt: ["forsaljningspris", "inkopspris", "vinst", "skattepliktigVinst"],
  },
} as const;
export type Blankett = keyof typeof BLANKETT;

/**
 * `fel.kod` of a part error: Skatteverket's MeddelandeKod range (9071000–9071999), per part.
 * 9071004 keeps its v10 meaning; 9071005 is new with v11 (the year has ended but its final tax
 * is not decided yet).
 */
export const DELFELKOD = {
  /** An asked year has not started/ended as the block needs, or is older than is given out. */
  felaktigtInkomstar: 9071004,
  /** The income year has ended but its final tax (slutlig skatt) is not decided yet. */
  ejBeslutad: 9071005,
} as const;

// ---------------------------------------------------------------------------------------------
// The question (inside `forfragan`)
// ---------------------------------------------------------------------------------------------

/** `FragaSkatteuppgifterV11`: who asks, about whom, which years and which blocks. */
export interface FragaSkatteuppgifterV11 {
  version: typeof SKV_V11_VERSION;
  ingivare: { organisationsnummer: string; namn: string; handlaggare: string };
  personuppgiftsbitraden: { ordningsnummer?: number; organisationsnummer: string; namn: string }[];
  /** SSBT's `arendeidentitet`. */
  referensnummer: string;
  syfte: string;
  /** SSBT's `lagtext`. */
  lagrum: string;
  /** 12 digits. */
  personidentitet: string;
  frageperiod: { fromDatum: string; tomDatum: string };
  /** Distinct income years (SSBT's `ar`), at least one. */
  inkomstar: number[];
  /** Distinct blocks, in schema order; may be empty (then the answer has no parts). */
  block: SkvBlock[];
}

// ---------------------------------------------------------------------------------------------
// The part documents (each one becomes a base64 `data` of the composite answer)
// ---------------------------------------------------------------------------------------------

/** Fields every part document starts with. */
export interface DelHuvud {
  personidentitet: string;
  /** Kodverk `SKV.StatusPersonuppgiftKod` (999 lämnade, 010 ej träff, 030 skyddade …). */
  statuskod: string;
}

/** A business registered in the person's name. */
export interface ForetagV11 {
  /** For an enskild näringsidkare the organisationsnummer is the personnummer. */
  organisationsnummer: string;
  foretagsform: Foretagsform;
  firma: string;
  registreringsdatum: string;
  avregistreringsdatum?: string;
  fskatt: { status: FskattStatus; fromDatum?: string };
  momsregistrerad: boolean;
  arbetsgivarregistrerad: boolean;
  /** SNI 2007, five digits. */
  sniKod: string;
}

/** Block `foretagsinformation`: registered businesses (not tied to income years). */
export interface Foretagsinformation extends DelHuvud {
  foretag: ForetagV11[];
}

/** One monthly individuppgift in an employer's declaration (arbetsgivardeklaration på individnivå). */
export interface Individuppgift {
  /** `YYYY-MM`. */
  redovisningsperiod: string;
  /** Employer, or a public payer (Försäkringskassan, Pensionsmyndigheten, an a-kassa). */
  utbetalare: { organisationsnummer: string; namn: string };
  /** Ruta 011: kontant bruttolön, ersättning, pension. */
  kontantErsattning: number;
  /** Ruta 012: skattepliktiga förmåner. */
  skattepliktigaFormaner: number;
  /** Ruta 001: avdragen preliminär skatt. */
  avdragenSkatt: number;
}

/** Block `individuppgifter`: the months reported for the asked years. */
export interface Individuppgifter extends DelHuvud {
  inkomstar: number[];
  redovisningar: Individuppgift[];
}

export interface SkattekontoTransaktion {
  transaktionsdatum: string;
  transaktionstyp: Transaktionstyp;
  text: string;
  /** Positive = kredit (in the person's favour), negative = debet. */
  belopp: number;
}

/** Block `skattekonto`: the balance today and the transactions of the asked calendar years. */
export interface Skattekonto extends DelHuvud {
  /** Negative = the person owes Skatteverket. */
  saldo: number;
  saldodatum: string;
  inkomstar: number[];
  transaktioner: SkattekontoTransaktion[];
}

/** The decided final tax of one income year. */
export interface SlutligSkatt {
  inkomstar: number;
  beslutsdatum: string;
  faststalldForvarvsinkomst: number;
  overskottAvKapital: number;
  underskottAvKapital: number;
  /** Income taxed with särskild inkomstskatt för utomlands bosatta (SINK). */
  inkomstSarskildInkomstskatt: number;
  slutligSkatt: number;
  /** Withheld and debited preliminary tax. */
  preliminarSkatt: number;
  resultat: { typ: Resultattyp; belopp: number };
}

/** Block `skatteuppgifter`: decided tax per asked income year. */
export interface Skatteuppgifter extends DelHuvud {
  beskattningar: SlutligSkatt[];
}

export interface Beskattningsbilaga {
  inkomstar: number;
  blankett: Blankett;
  benamning: string;
  /** The attachment's amounts by field (fields per {@link BLANKETT}). Whole kronor. */
  belopp: Record<string, number>;
}

/** Block `beskattningsbilagor`: attachments of the decided taxation per asked income year. */
export interface Beskattningsbilagor extends DelHuvud {
  bilagor: Beskattningsbilaga[];
}

/** The part document of each block. */
export interface DelDokumentFor {
  foretagsinformation: Foretagsinformation;
  individuppgifter: Individuppgifter;
  skattekonto: Skattekonto;
  skatteuppgifter: Skatteuppgifter;
  beskattningsbilagor: Beskattningsbilagor;
}

// ---------------------------------------------------------------------------------------------
// The answer (inside `svar`)
// ---------------------------------------------------------------------------------------------

/** A part that could not be given: MeddelandeKod ({@link DELFELKOD}) and a text. */
export interface DelFel {
  kod: number;
  text: string;
}

/** One part of the answer: its document, or its error. */
export type DelSvar<B extends SkvBlock = SkvBlock> = { data: DelDokumentFor[B] } | { fel: DelFel };

/** `SvarSkatteuppgifterV11`: one part per asked block. */
export interface SvarSkatteuppgifterV11 {
  version: typeof SKV_V11_VERSION;
  personidentitet: string;
  delar: { [B in SkvBlock]?: DelSvar<B> };
}
