/**
 * Skatteverket's bastjänst "Beskattningsuppgifter enligt SFS 2008:975" (ZgBsBeskattningWS) as
 * TypeScript types.
 *
 * Two layers:
 * - the SOAP payloads of the official schema (namespace `http://beskattningws.ws.service.bs.zg.rsv.se/`,
 *   no `elementFormDefault`, so every local element is unqualified): `BeskattningsuppgifterRequest`
 *   carries `forfragan`, `BeskattningsuppgifterResponse` carries `svar`, both an XML document as a
 *   string; faults carry `Exception` (`FaultTYPE`);
 * - the two documents inside those strings, in Skatteverket's "standardiserad information" style
 *   (instans namespace as default, `besko:` for taxation components, `folko:` for population
 *   registration components). The answer follows the published sample; the question and the
 *   blocks beyond `Kapitaluppgift` are our own model of the facts.
 *
 * Property names follow the element names so code and contract read the same.
 */

/** Namespaces of the documents carried as strings in `forfragan` and `svar`. */
export const SKV_DOKUMENT_NS = {
  /** Instans namespace of the question and answer documents (written as the default namespace). */
  instans: "http://xmls.skatteverket.se/se/skatteverket/zg/instans/standardiseradInformation/1.0",
  /** Taxation components: taxeringsår, amounts. */
  besko: "http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForBeskattning/1.0",
  /** Population registration components: identity, names. */
  folko: "http://xmls.skatteverket.se/se/skatteverket/zg/komponent/infoForFolkbokforing/1.0",
} as const;

/** Root element of the question document inside `forfragan`. */
export const FRAGA_ROT = "FragaBeskattningsuppgifterEnligtSFS2008-975";
/** Root element of the answer document inside `svar`. */
export const SVAR_ROT = "SvarBeskattningsuppgifterEnligtSFS2008-975";

// ---------------------------------------------------------------------------------------------
// SOAP payloads (official schema ZgBsBeskattningWSService_schema.xsd)
// ---------------------------------------------------------------------------------------------

/** `BeskattningsuppgifterRequest` (`BeskattningsuppgifterRequestTYPE`). */
export interface BeskattningsuppgifterRequest {
  /** The question document ({@link FragaBeskattningsuppgifter}) serialized as a string. */
  forfragan: string;
}

/** `BeskattningsuppgifterResponse` (`BeskattningsuppgifterResponseTYPE`). */
export interface BeskattningsuppgifterResponse {
  /** The answer document ({@link SvarBeskattningsuppgifter}) serialized as a string. */
  svar: string;
}

/** `Exception` (`FaultTYPE`): the detail of Skatteverket's SOAP Fault. Every field is optional. */
export interface SkvException {
  /** 9071000–9071999 (`MeddelandeKodTYPE`). */
  MeddelandeKod?: number;
  /** 1–300 characters. */
  MeddelandeText?: string;
  /** 1–100 characters. */
  Systemversion?: string;
}

/** Bounds of `MeddelandeKodTYPE`. */
export const MEDDELANDEKOD_MIN = 9071000;
export const MEDDELANDEKOD_MAX = 9071999;
/** Bounds of `MeddelandeTextTYPE` / `SystemversionTYPE`. */
export const MEDDELANDETEXT_MAX = 300;
export const SYSTEMVERSION_MAX = 100;

// ---------------------------------------------------------------------------------------------
// The question document (inside `forfragan`)
// ---------------------------------------------------------------------------------------------

/** Who asks: the social committee and its caseworker. */
export interface IngivareSkv {
  /** 12 digits; Skatteverket answers only an organisationsnummer of pattern `\d{4}[2-9]\d{7}`. */
  OrganisationsnummerIngivare: string;
  NamnIngivare: string;
  Handlaggare: string;
}

/** A processor acting for the ingivare. */
export interface PersonuppgiftsbitradeSkv {
  Ordningsnummer?: number;
  Organisationsnummer: string;
  Namn: string;
}

/**
 * `FragaBeskattningsuppgifterEnligtSFS2008-975`, element order:
 * Ingivare, PersonuppgiftsbitradeLista?, Referensnummer, Syfte, Lagrum,
 * folko:IdentitetsbeteckningFysiskPerson, Frageperiod, InkomstarLista (1–3 besko:Inkomstar).
 */
export interface FragaBeskattningsuppgifter {
  Ingivare: IngivareSkv;
  /** Empty list = element left out. */
  PersonuppgiftsbitradeLista: PersonuppgiftsbitradeSkv[];
  /** The ärende's reference (SSBT's `arendeidentitet`). */
  Referensnummer: string;
  Syfte: string;
  /** The legal ground (SSBT's `lagtext`). */
  Lagrum: string;
  /** 12 digits: personnummer or samordningsnummer. */
  IdentitetsbeteckningFysiskPerson: string;
  /** The period the social committee asks about (`FromDatum`, `TomDatum`, xsd:date). */
  Frageperiod: { FromDatum: string; TomDatum: string };
  /** Income years asked for, latest first (1–3). */
  Inkomstar: number[];
}

/** Most income years one question may ask for. */
export const MAX_INKOMSTAR = 3;

// ---------------------------------------------------------------------------------------------
// The answer document (inside `svar`)
// ---------------------------------------------------------------------------------------------

/**
 * Capital income for one taxeringsår (element order: Taxeringsar, SummaIntakterPaKapital,
 * OverskottPaKapital, UnderskottPaKapital?). Taxeringsår = inkomstår + 1, the year the final tax
 * for the income year is decided. Amounts are whole kronor.
 */
export interface Kapitaluppgift {
  Taxeringsar: number;
  SummaIntakterPaKapital: number;
  OverskottPaKapital: number;
  /** Only when expenses (e.g. loan interest) exceed the income. */
  UnderskottPaKapital?: number;
}

/**
 * Earned income for one taxeringsår (our model, after the income tax return's boxes).
 * Element order: Taxeringsar, LonFormanerSjukpenning?, AllmanPensionOchTjanstepension?,
 * OverskottAvAktivNaringsverksamhet?, InkomstSarskildInkomstskatt?, FaststalldForvarvsinkomst?.
 */
export interface Inkomstuppgift {
  Taxeringsar: number;
  /** Box 1.1: salary, benefits, sickness and unemployment benefit etc. */
  LonFormanerSjukpenning?: number;
  /** Box 1.3: public and occupational pension. */
  AllmanPensionOchTjanstepension?: number;
  /** Surplus of active business (NE). */
  OverskottAvAktivNaringsverksamhet?: number;
  /** Income taxed with särskild inkomstskatt för utomlands bosatta (SINK). */
  InkomstSarskildInkomstskatt?: number;
  /** Fastställd förvärvsinkomst (employment + active business), for ordinarily taxed persons. */
  FaststalldForvarvsinkomst?: number;
}

/**
 * One `Personuppgift` (element order: folko:IdentitetsbeteckningFysiskPerson, folko:Fornamn?,
 * folko:Efternamn?, StatusPersonuppgiftKod, Kapitaluppgift*, Inkomstuppgift*).
 */
export interface Personuppgift {
  IdentitetsbeteckningFysiskPerson: string;
  Fornamn?: string;
  Efternamn?: string;
  /** Code of kodverk `SKV.StatusPersonuppgiftKod`. */
  StatusPersonuppgiftKod: string;
  Kapitaluppgift: Kapitaluppgift[];
  Inkomstuppgift: Inkomstuppgift[];
}

/** `SvarBeskattningsuppgifterEnligtSFS2008-975`: `PersonuppgiftLista` with one or more `Personuppgift`. */
export interface SvarBeskattningsuppgifter {
  PersonuppgiftLista: Personuppgift[];
}
