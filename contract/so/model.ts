/**
 * The a-kassor's INT014 service (UnemploymentBenefitPaymentService, namespace
 * `http://INT014.UBPService.Schemas`, elementFormDefault qualified) as TypeScript types. Field
 * names follow the XSD so code and contract read the same. Dates are `xsd:date` strings as sent
 * (`YYYY-MM-DD`, optionally with a time zone); decimals are kept as their lexical string so an
 * amount like `1250.50` survives a round trip unchanged.
 */

/** The echo of the question: the request's fields, repeated first in the answer. */
export interface SoFrageparametrar {
  /** The municipality's organisationsnummer (SSBT's `ingivare/organisationsnummer`). */
  OrganisationsnummerIngivare: string;
  NamnIngivare: string;
  /** The caseworker's account name (SSBT's `ingivare/handlaggare`). */
  KontonamnHandlaggare: string;
  /** The municipality's case reference (SSBT's `arendeidentitet`). */
  Referensnummer: string;
  From: string;
  Tom: string;
  Syfte: string;
  /** The legal ground (SSBT's `lagtext`). */
  Paragraf: string;
  /** Personuppgiftsbiträden: all organisationsnummer first, then all names (two parallel lists). */
  OrganisationsnummerPersonuppgiftsbitrade: string[];
  NamnPersonuppgiftsbitrade: string[];
  /** Personnummer or samordningsnummer, 12 digits (XSD pattern `[0-9]{12}`). */
  IdentificationNumber: string;
}

/** `GetUnemploymentBenefitPaymentRequest`. */
export type GetUnemploymentBenefitPaymentRequest = SoFrageparametrar;

/** One payment (`Utbetalningar`): decimals as lexical strings, e.g. "3672.00". */
export interface Utbetalning {
  Utbetalningsdatum: string;
  NettoEfterSkatt: string;
  NettoEfterAvdrag: string;
  Ersattningsdagar: string;
  AvserFrom: string;
  AvserTom: string;
}

/** One suspension period (`Avstangningar`). */
export interface Avstangning {
  AvstangdFrom: string;
  AvstangdTom: string;
}

/** `AnsoktOmErsattning`: the application for compensation. */
export interface AnsoktOmErsattning {
  /** Date of the decision on the right to compensation; `null` = xsi:nil (no decision yet). */
  BeslutOmRattTillErsattning: string | null;
  AnsokanOmUtbetalningInlamnad: boolean;
}

/** One `Arbetsloshetsersattning`: what one a-kassa answered. */
export interface Arbetsloshetsersattning {
  /** The answering a-kassa's name. */
  SvarandeOrganisation: string;
  /** The a-kassa's answer status (free text in the XSD; codes in fixtures/kodverk/so.json). */
  StatusSvarandeOrganisation: string;
  Utbetalningar: Utbetalning[];
  Avstangningar: Avstangning[];
  AnsoktOmErsattning?: AnsoktOmErsattning;
}

/** `GetUnemploymentBenefitPaymentResponse` (type `GetUnemploymentBenefitPaymentResponseType`). */
export interface GetUnemploymentBenefitPaymentResponse extends SoFrageparametrar {
  ArbetsloshetsersattningLista: Arbetsloshetsersattning[];
}

/**
 * The fault detail of our INT014 model. The published XSD defines no fault, so this shape is
 * ours: `UBPServiceFault` in the INT014 namespace with one `Felkod` and one or more
 * `Felmeddelande`, carried in the SOAP 1.1 Fault's `detail`.
 */
export interface SoFault {
  Felkod: string;
  Felmeddelande: string[];
}
