import type { ContractViolation } from "../../contract/errors.js";
import { maskeraText } from "../../contract/personidentitet.js";
import { encodeFault } from "../../contract/so/codec.js";
import type { SoapFault } from "../../contract/soap/envelope.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import { STATUS, type StatusSvarandeOrganisation } from "./model.js";

/**
 * The a-kassor's error behaviour, in two layers (our model; the published INT014 XSD has no
 * fault):
 *
 * 1. The whole question is refused with a SOAP 1.1 Fault (HTTP 500) carrying `UBPServiceFault`
 *    (`Felkod`, `Felmeddelande`+): a message that is not SOAP/XML or names another operation, a
 *    request breaking the XSD, an IdentificationNumber that is not a personnummer or
 *    samordningsnummer, a period ending before it starts, or our own failure.
 * 2. One a-kassa cannot answer: the answer still comes, and that a-kassa is listed with a
 *    "Tekniskt fel" status and no payments (a partial answer, see {@link AKASSA_FELSTATUS}).
 */
export const SO_FELKODER = {
  OGILTIG_BEGARAN: {
    faultcode: "Client",
    text: "Begäran är inte ett SOAP 1.1-anrop till GetUnemploymentBenefitPayment",
  },
  SCHEMAFEL: {
    faultcode: "Client",
    text: "Begäran följer inte INT014-schemat (UnemploymentBenefitPaymentService.xsd)",
  },
  OGILTIGT_IDENTIFIKATIONSNUMMER: {
    faultcode: "Client",
    text: "IdentificationNumber är inte ett personnummer eller samordningsnummer (12 siffror)",
  },
  OGILTIG_PERIOD: { faultcode: "Client", text: "Perioden är ogiltig: From är senare än Tom" },
  TEKNISKT_FEL: { faultcode: "Server", text: "Tekniskt fel i Sveriges a-kassors tjänst, försök igen senare" },
} as const satisfies Record<string, { faultcode: "Client" | "Server"; text: string }>;

export type SoFelkod = keyof typeof SO_FELKODER;

/** The statuses that mean an a-kassa could not answer (listed without payments). */
export const AKASSA_FELSTATUS: readonly StatusSvarandeOrganisation[] = [
  STATUS.svaradeInte,
  STATUS.ogiltigtSvar,
];

/**
 * The SOAP Fault for one of our fault codes. Every message is passed through `maskeraText`, so
 * a personnummer never leaves in clear.
 *
 * @example
 * soFault("OGILTIG_PERIOD", "From 2026-12-01 är senare än Tom 2026-11-01.")
 */
export function soFault(felkod: SoFelkod, ...detaljer: string[]): SoapFault {
  const { faultcode, text } = SO_FELKODER[felkod];
  const meddelanden = [text, ...detaljer].map(maskeraText);
  return {
    faultcode,
    faultstring: meddelanden.join(": "),
    detail: encodeFault({ Felkod: felkod, Felmeddelande: meddelanden }),
  };
}

/**
 * The fault for a request that breaks the XSD: a bad IdentificationNumber gets its own code,
 * anything else is SCHEMAFEL with the path of the first breach.
 *
 * @example
 * faultForViolation(new ContractViolation("xml.required", "/GetUnemploymentBenefitPaymentRequest/Tom", "missing"))
 */
export function faultForViolation(e: ContractViolation): SoapFault {
  if (e.path.endsWith("/IdentificationNumber")) return soFault("OGILTIGT_IDENTIFIKATIONSNUMMER", e.message);
  return soFault("SCHEMAFEL", e.message);
}

/**
 * The fault for a period that ends before it starts, or undefined when the period is usable.
 *
 * @example
 * kontrolleraPeriod("2026-12-01", "2026-11-01")?.faultcode // "Client"
 */
export function kontrolleraPeriod(from: string, tom: string): SoapFault | undefined {
  if (dateOnly(from) <= dateOnly(tom)) return undefined;
  return soFault("OGILTIG_PERIOD", `From ${dateOnly(from)} är senare än Tom ${dateOnly(tom)}.`);
}

/**
 * The fault for anything that is not a usable request (not XML, DOCTYPE, not SOAP 1.1, another
 * operation): used as the `badRequest` of the SOAP endpoint.
 *
 * @example
 * ogiltigBegaran("XML is not well-formed: …").detail // <so:UBPServiceFault>…
 */
export function ogiltigBegaran(message: string): SoapFault {
  return soFault("OGILTIG_BEGARAN", message);
}
