import { encodeSsbtekSoapException } from "../../contract/miv/codec.js";
import type { FkQuery } from "../../contract/miv/model.js";
import {
  arGiltigPersonidentitet,
  harRimligtDatum,
  maskera,
  maskeraText,
} from "../../contract/personidentitet.js";
import type { SoapFault } from "../../contract/soap/envelope.js";

/**
 * Migrationsverket's fault codes, sent in `SSBTEKSoapException/faultCode` of a SOAP Fault (HTTP 500).
 * The schema defines the fault element but not the codes: this list is our model of them.
 */
export const MIV_FELKODER = {
  /** The personnummer is not 12 digits, has no real birth date, or a wrong check digit. */
  "MIV-001": "Ogiltigt personnummer",
  /** The request is not a usable SOAP message or breaks the schema. */
  "MIV-002": "Felaktig fråga",
  /** `ingivare/handlaggare` is blank: every lookup must name the caseworker (behandlingshistorik). */
  "MIV-003": "Handläggare saknas",
  /** Migrationsverket failed to answer. */
  "MIV-500": "Tekniskt fel",
} as const;

export type MivFelkod = keyof typeof MIV_FELKODER;

/**
 * Migrationsverket's SOAP Fault for a code: `faultcode` Client (the asker's fault) or Server (500),
 * `faultstring` "<rubrik>: <detalj>", and the same code and text in the `SSBTEKSoapException` detail.
 * Personnummer in the text are masked.
 *
 * @example
 * mivFault("MIV-001", "kontrollsiffran stämmer inte för 19900101-****.")
 */
export function mivFault(felkod: MivFelkod, detalj?: string): SoapFault {
  const rubrik = MIV_FELKODER[felkod];
  const faultString = maskeraText(detalj ? `${rubrik}: ${detalj}` : `${rubrik}.`);
  return {
    faultcode: felkod === "MIV-500" ? "Server" : "Client",
    faultstring: faultString,
    detail: encodeSsbtekSoapException({ faultCode: felkod, faultString }),
  };
}

/**
 * Migrationsverket's own checks of a schema-valid question, in the order it makes them: the
 * personnummer (format, birth date, check digit), then the caseworker. Undefined when the question
 * may be answered.
 *
 * @example
 * kontrolleraFraga({ personnummer: "199001011234", ingivare: { handlaggare: "x" } }) // MIV-001 fault
 */
export function kontrolleraFraga(query: FkQuery): SoapFault | undefined {
  const pnr = query.personnummer;
  if (!/^\d{12}$/.test(pnr))
    return mivFault("MIV-001", "personnumret ska anges med 12 siffror (ÅÅÅÅMMDDNNNK) utan bindestreck.");
  if (!harRimligtDatum(pnr)) return mivFault("MIV-001", `${maskera(pnr)} har inget giltigt födelsedatum.`);
  if (!arGiltigPersonidentitet(pnr))
    return mivFault("MIV-001", `kontrollsiffran stämmer inte för ${maskera(pnr)}.`);
  if (query.ingivare.handlaggare.trim() === "")
    return mivFault("MIV-003", "ingivare/handlaggare måste ange vem som gör uppslaget.");
  return undefined;
}
