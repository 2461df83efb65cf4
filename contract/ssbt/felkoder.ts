/**
 * Our model's felkoder for the composite service itself (kalla SSBT and SOAP Faults). The real
 * SSBT does not publish its codes; these are the harness's, listed with labels in
 * fixtures/kodverk/ssbt.json (a test keeps the two equal).
 */
export const SSBT_FELKOD = {
  /** The request is not a valid SOAP 1.1 message (not XML, no Body, SOAP 1.2, DTD …). */
  OGILTIGT_MEDDELANDE: "SSBT-1001",
  /** The request breaks the ssbt schema (unknown/missing/misplaced element, bad type). */
  SCHEMAFEL: "SSBT-1002",
  /** A date that is not a real date, or fromDatum after tomDatum. */
  OGILTIG_TIDSPERIOD: "SSBT-1003",
  /** organisationsnummer does not match \d{4}[2-9]\d{7}. */
  OGILTIGT_ORGANISATIONSNUMMER: "SSBT-1004",
  /** personidentitet is not 12 digits. */
  OGILTIG_PERSONIDENTITET: "SSBT-1005",
  /** Unknown operation or wrong namespace/contract version. */
  OKAND_OPERATION: "SSBT-1006",
  /** The request is too large, too deep or took too long to arrive. */
  FOR_STOR_FRAGA: "SSBT-1007",
  /** Unexpected failure inside the composite service. */
  INTERNT_FEL: "SSBT-1099",
  /** A bastjänst did not answer within its deadline (section error, kalla SSBT). */
  TIMEOUT: "SSBT-2001",
  /** A bastjänst could not be reached (section error, kalla SSBT). */
  EJ_NABAR: "SSBT-2002",
  /** The question for one bastjänst could not be formed (e.g. unknown LEFI version) (kalla SSBT). */
  FELAKTIG_DELFRAGA: "SSBT-2003",
  /** The bastjänst is closed (planned outage or outside opening hours) (kalla SSBT). */
  STANGD: "SSBT-2004",
  /**
   * The composite service is overloaded: too many questions in progress, none could wait for a
   * free place (HTTP 503 SOAP Fault with Retry-After). Ask again in a moment.
   */
  OVERBELASTAD: "SSBT-3001",
} as const;

export type SsbtFelkod = (typeof SSBT_FELKOD)[keyof typeof SSBT_FELKOD];
