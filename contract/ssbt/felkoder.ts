import { ContractViolation, isHarnessError } from "../errors.js";

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

/**
 * What each of the composite service's own felkoder means, in Swedish: the first `felmeddelande`
 * (and the `faultstring`) of its SOAP Faults and section errors. The details that follow name
 * the element or value at fault.
 *
 * @example
 * SSBT_FELTEXT["SSBT-1005"] // "Ogiltig personidentitet: ange 12 siffror (personnummer eller samordningsnummer)."
 */
export const SSBT_FELTEXT: Readonly<Record<SsbtFelkod, string>> = {
  "SSBT-1001": "Ogiltigt meddelande: frågan är inget giltigt SOAP 1.1-meddelande.",
  "SSBT-1002": "Schemafel: frågan följer inte tjänstekontraktets schema.",
  "SSBT-1003":
    "Ogiltig tidsperiod: datumen måste vara riktiga datum och fromDatum får inte vara efter tomDatum.",
  "SSBT-1004": "Ogiltigt organisationsnummer: ange 12 siffror enligt mönstret \\d{4}[2-9]\\d{7}.",
  "SSBT-1005": "Ogiltig personidentitet: ange 12 siffror (personnummer eller samordningsnummer).",
  "SSBT-1006":
    "Okänd operation: använd hamtaBastjanstInformation eller testaBastjanstInformation i tjänstekontraktets namnrymd.",
  "SSBT-1007": "För stor fråga: meddelandet är för stort, för djupt nästlat eller kom för långsamt.",
  "SSBT-1099": "Internt fel i den sammansatta bastjänsten. Försök igen senare.",
  "SSBT-2001": "Bastjänsten svarade inte inom tidsgränsen.",
  "SSBT-2002": "Bastjänsten kunde inte nås.",
  "SSBT-2003": "Delfrågan till bastjänsten kunde inte skapas.",
  "SSBT-2004": "Bastjänsten är stängd.",
  "SSBT-3001": "Tjänsten är överbelastad: för många frågor pågår. Försök igen om en stund.",
};

/** Swedish wording per contract rule (its family before the first dot-separated detail). */
const REGELTEXT: Readonly<Record<string, string>> = {
  "xml.unexpected": "oväntat element på denna plats",
  "xml.required": "obligatoriskt element saknas",
  "xml.minOccurs": "elementet förekommer för få gånger",
  "xml.maxOccurs": "elementet förekommer för många gånger",
  "xml.mixedContent": "otillåtet innehåll (text blandad med element)",
  "xml.simpleContent": "elementet får bara innehålla text",
  "xml.attribute": "otillåtet eller saknat attribut",
  "xsd.date": "inte ett giltigt datum (ÅÅÅÅ-MM-DD)",
  "xsd.dateTime": "inte en giltig tidpunkt (xs:dateTime)",
  "xsd.int": "inte ett giltigt heltal",
  "xsd.decimal": "inte ett giltigt tal",
  "xsd.boolean": "inte true eller false",
  "xsd.base64Binary": "inte giltig base64",
  "xsd.nil": "nil är inte tillåtet här",
  "ssbt.personidentitet.pattern": "personidentitet ska vara exakt 12 siffror (ÅÅÅÅMMDDNNNK)",
  "ssbt.organisationsnummer.pattern":
    "organisationsnummer ska vara 12 siffror enligt mönstret \\d{4}[2-9]\\d{7}",
  "ssbt.tidsperiod.order": "fromDatum är senare än tomDatum",
  "ssbt.operation": "okänd operation",
  "ssbt.nonEmpty": "får inte vara tomt",
  "ssbt.kalla": "okänd källa",
};

/** Swedish wording per error code of the XML and SOAP readers. */
const KODTEXT: Readonly<Record<string, string>> = {
  XML_MALFORMED: "XML-dokumentet är inte välformat",
  XML_ENCODING: "meddelandets teckenkodning går inte att läsa (använd UTF-8)",
  XML_TOO_DEEP: "meddelandet är nästlat djupare än tillåtet",
  XML_TOO_LARGE: "meddelandet har fler element eller attribut än tillåtet",
  BODY_TOO_LARGE: "meddelandet är större än tillåtet",
  SOAP_NOT_ENVELOPE: "rotelementet är inte ett SOAP 1.1-kuvert (soap:Envelope)",
  SOAP_NO_BODY: "SOAP-kuvertet saknar soap:Body",
  SOAP_EMPTY_BODY: "soap:Body är tom",
  SOAP_MUST_UNDERSTAND: 'ett huvudelement med mustUnderstand="1" förstås inte',
  SOAP_CONTENT_TYPE: "fel Content-Type för SOAP 1.1 (använd text/xml; charset=utf-8)",
};

/**
 * What was wrong with a refused question, in Swedish, for the detail line of the composite's
 * SOAP Fault: the path of the element at fault and the rule it breaks. Values are never quoted
 * (they may be a personnummer).
 *
 * @example
 * felbeskrivning(new ContractViolation("xsd.date", "/hamtaBastjanstInformation/x", "…")) // "/hamtaBastjanstInformation/x: inte ett giltigt datum (ÅÅÅÅ-MM-DD)"
 */
export function felbeskrivning(e: unknown): string {
  if (e instanceof ContractViolation) {
    const text = `${e.path}: ${REGELTEXT[e.rule] ?? "bryter mot tjänstekontraktets schema"}`;
    // The element found instead (a name from the question, never a value) says what to fix.
    const funnet = /found (?:element )?([\w.:-]+)/.exec(e.message)?.[1];
    return funnet ? `${text} (fann ${funnet})` : text;
  }
  if (isHarnessError(e)) {
    const text = KODTEXT[e.code];
    if (!text) return "Meddelandet kunde inte läsas.";
    // The XML parser's position (line:column) helps; its English wording is left out.
    const pos = e.code === "XML_MALFORMED" ? /(\d+):(\d+)/.exec(e.message) : null;
    return pos ? `${text} (rad ${pos[1]}, kolumn ${pos[2]}).` : `${text}.`;
  }
  return "";
}
