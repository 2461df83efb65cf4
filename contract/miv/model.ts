/**
 * Migrationsverket's own SSBTEK message model (namespace `http://schema.migrationsverket.se/ssbtek/1/`),
 * written from the facts of its schema `SSBTEKWebService_schema1.xsd`. Type names follow the schema's
 * complex types so code and contract read the same.
 *
 * The schema has no `elementFormDefault`: only the global elements (`findByPersonnummer`,
 * `findByPersonnummerResponse`, `SSBTEKSoapException`) are in the namespace; every local element
 * (`query`, `response`, `svar`, …) is unqualified.
 *
 * Dates are `xs:date` strings as sent; Migrationsverket writes them with a time zone
 * (`1998-05-12+02:00`), so a reader must not assume plain `YYYY-MM-DD`.
 */

/** `fkQueryIngivare`: who asks. Only `handlaggare` is required. */
export interface FkQueryIngivare {
  handlaggare: string;
  namn?: string;
  organisationsnummer?: string;
}

/** `fkQuery`: the question. Migrationsverket takes no period: it answers with what it knows today. */
export interface FkQuery {
  korrelationsid?: string;
  /** `xs:string` in the schema; Migrationsverket itself requires 12 digits with a valid check digit. */
  personnummer: string;
  ingivare: FkQueryIngivare;
}

/** `findByPersonnummer`: the request Body element. */
export interface FindByPersonnummer {
  query: FkQuery;
}

/** `giltighetstid`: the one enumeration of the schema. */
export const GILTIGHETSTIDER = ["PERMANENT", "TIDBEGRANSAT"] as const;
export type Giltighetstid = (typeof GILTIGHETSTIDER)[number];

/** `fkSvar`: one decision. Every field is optional in the schema. */
export interface FkSvar {
  anledning?: string;
  anledningNamn?: string;
  ansokningsdatum?: string;
  arendeTyp?: string;
  arendeTypNamn?: string;
  beslutsKod?: string;
  beslutsKodNamn?: string;
  beslutsTyp?: string;
  beslutsTypNamn?: string;
  beslutsdatum?: string;
  fromDatum?: string;
  giltighetstid?: Giltighetstid;
  tomDatum?: string;
}

/** `fkResponse`: what Migrationsverket knows about the person. Only `correlationid` is required. */
export interface FkResponse {
  /** The asker's correlation id, echoed. */
  korrelationsid?: string;
  /** Migrationsverket's own id of this answer. */
  correlationid: string;
  efternamn?: string;
  fornamn?: string;
  hemland?: string;
  inresedatum?: string;
  personnummer?: string;
  /**
   * `svarCollection`: absent when the element is absent; an empty list for `<svarCollection/>`.
   * A `null` entry is a `<svar xsi:nil="true"/>` (the element is nillable).
   */
  svarCollection?: (FkSvar | null)[];
}

/** `findByPersonnummerResponse`: the answer Body element. `response` may be absent. */
export interface FindByPersonnummerResponse {
  response?: FkResponse;
}

/** `fkServiceFault` (element `SSBTEKSoapException`): the detail of Migrationsverket's SOAP Fault. */
export interface FkServiceFault {
  faultCode?: string;
  faultString?: string;
}
