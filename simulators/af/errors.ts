import { encodeAfFel } from "../../contract/af/codec.js";
import { maskeraText } from "../../contract/personidentitet.js";
import type { SoapFault } from "../../contract/soap/envelope.js";
import { beskrivning } from "../../fixtures/kodverk/index.js";

/**
 * Arbetsförmedlingen's error behaviour, in three layers:
 *
 * 1. Inside a normal answer, `StatusSokandeinformationKod` (kodverk AF.StatusSokandeinformationKod):
 *    0 normal, 1 not registered at AF / not found, 2 sekretessmarkering (no names), 3 invalid
 *    personnummer/samordningsnummer (checksum or date), 4 technical error, partial answer.
 * 2. Inside `ArbetssokandeInfo`, `AktivitetsRapportMeddelande` (kodverk AF.AktivitetsRapportMeddelande):
 *    200 submitted (a date follows), 500 not in ALF, 501 not submitted, 502 technical error in ALF.
 * 3. A request that is not a usable SOAP message or breaks ers_stod.xsd gets a SOAP 1.1 Fault
 *    (HTTP 500) with one of {@link AF_FELKOD} in its detail.
 */

/** Schemaversion AF writes in every `Svar` (as in the published sample answers). */
export const SCHEMAVERSION = "4.0";

/** StatusSokandeinformationKod values. */
export const STATUSKOD = {
  normal: 0,
  ejInskriven: 1,
  sekretess: 2,
  ogiltigIdentitet: 3,
  teknisktFel: 4,
} as const;

/**
 * The StatusSokandeinformationKodText of a status code (the kodverk label is the text AF sends).
 *
 * @example
 * statustext(0) // "Frågan har behandlats normalt och ett giltigt svar har returnerats."
 */
export function statustext(kod: number): string {
  const t = beskrivning("AF.StatusSokandeinformationKod", String(kod));
  if (t === undefined) throw new Error(`AF.StatusSokandeinformationKod has no code ${kod}`);
  return t;
}

/** Felkoder in the detail of AF's SOAP Faults (our model: the XSD declares no fault). */
export const AF_FELKOD = {
  /** The Body is not a valid `FragaMeddelande` (wrong element, order, missing field, bad value). */
  schemafel: "SCHEMAFEL",
  /** Not XML, a DOCTYPE, not a SOAP 1.1 envelope, or an unknown operation. */
  ogiltigtMeddelande: "OGILTIGT_MEDDELANDE",
  /** `From` is after `Tom`. */
  ogiltigTidsperiod: "OGILTIG_TIDSPERIOD",
  /** The bastjänst failed. */
  teknisktFel: "TEKNISKT_FEL",
} as const;

export type AfFelkod = (typeof AF_FELKOD)[keyof typeof AF_FELKOD];

/**
 * AF's SOAP Fault. The message is masked: a personnummer never leaves in an error text.
 *
 * @example
 * afFault(AF_FELKOD.schemafel, "/FragaMeddelande/Fraga/LagParagraf: required element LagParagraf is missing")
 */
export function afFault(felkod: AfFelkod, meddelande: string): SoapFault {
  const text = maskeraText(meddelande);
  const server = felkod === AF_FELKOD.teknisktFel;
  return {
    faultcode: server ? "Server" : "Client",
    faultstring: server
      ? "Tekniskt fel i Arbetsförmedlingens tjänst. Försök igen senare."
      : `Felaktig fråga: ${text}`,
    detail: encodeAfFel({ Felkod: felkod, Felmeddelande: text }),
  };
}

/** Felkoder SSBT's client gives in a `kalla: "BT"` section error when AF's answer is unusable. */
export const KLIENT_FELKOD = {
  /** Not XML, not SOAP, or not a schema-valid `SvarMeddelande`. */
  malformed: "MALFORMED",
  /** The answer is about another person than the one asked about. */
  felPerson: "SVAR_AVSER_ANNAN_PERSON",
  /** The body could not be read at all. */
  olasbart: "OLASBART_SVAR",
} as const;
