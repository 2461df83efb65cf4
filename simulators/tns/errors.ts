/**
 * Transportstyrelsen's own error behaviour in the SSBTEK service.
 *
 * - A question that breaks HamtaUppgifterResponder_1.0.xsd (or is not a SOAP 1.1 message at all)
 *   gets a SOAP 1.1 Fault, faultcode `soap:Client`, sent with HTTP 500. The schema has no fault
 *   element, so the fault carries no detail.
 * - A schema-valid question that cannot be answered gets HTTP 200 with `resultat` FEL and one
 *   `felresultat` per problem (felkod `xs:int`, feltext in Swedish). The codes are our model of the
 *   register's codes; the list with labels is TNS.Felkod in fixtures/kodverk/tns.json.
 * - An answer can be OK and still carry a `felresultat` (the schema: "Ev. fel som uppstått"): 2001
 *   when a change of owner is reported but not yet registered, so the vehicles may be incomplete.
 * - A person the register does not know is NOT an error: `resultat` OK with an empty
 *   `fordonsinnehav` (the schema documents it as "kan vara tom lista").
 */
import {
  fodelsedatum,
  harRimligtDatum,
  kontrollsiffra,
  maskeraText,
} from "../../contract/personidentitet.js";
import type { SoapFault } from "../../contract/soap/envelope.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";
import type { Felresultat } from "../../contract/tns/model.js";

/** Our felkod list (TNS.Felkod). */
export const TNS_FELKOD = {
  /** Check digit does not match (the reference client's 199001011234). */
  ogiltigKontrollsiffra: 1001,
  /** The first six digits (after undoing samordningsnummer +60) are not a calendar date. */
  ogiltigtFodelsedatum: 1002,
  /** Sekel + personnummer give a birth date after today. */
  framtidaFodelsedatum: 1003,
  /** The forwarded tidsperiod ends before it starts. */
  ogiltigTidsperiod: 1004,
  /**
   * Not an error of the question: `resultat` OK with the vehicles, plus this note — a change of
   * owner is reported but not yet registered, so the list may be incomplete.
   */
  agarbyteEjRegistrerat: 2001,
  /** The vehicle register could not be read. */
  teknisktFel: 9001,
} as const;
export type TnsFelkod = (typeof TNS_FELKOD)[keyof typeof TNS_FELKOD];

/** The feltext per felkod: the same Swedish labels as the kodverk. */
export const TNS_FELTEXT: Readonly<Record<TnsFelkod, string>> = {
  1001: "Ogiltigt personnummer: kontrollsiffran stämmer inte.",
  1002: "Ogiltigt personnummer: födelsedatumet finns inte.",
  1003: "Ogiltigt personnummer: sekel och personnummer ger ett födelsedatum i framtiden.",
  1004: "Ogiltig tidsperiod: fromDatum är senare än tomDatum.",
  2001: "Fordonsinnehavet kan vara ofullständigt: ett anmält ägarbyte är ännu inte registrerat.",
  9001: "Tekniskt fel: vägtrafikregistret kunde inte läsas. Försök igen senare.",
};

/**
 * The reserved test identity for which the simulated register always fails with a technical
 * error (9001): no persona's story has one, and a technical error must never happen by chance.
 * Checksum-valid, in the reserved test series, not a named persona.
 */
export const TEKNISKT_FEL_PERSONIDENTITET = "195505059807";

/**
 * One question (12-digit identity, optionally a period) per felkod that makes the simulator answer
 * with it, for coverage checks that go beyond the named personas.
 */
export const TNS_FELUTLOSARE: readonly {
  felkod: Exclude<TnsFelkod, 2001>;
  personidentitet: string;
  tidsperiod?: Tidsperiod;
}[] = [
  { felkod: 1001, personidentitet: "199001011234" },
  { felkod: 1002, personidentitet: "199013011235" },
  { felkod: 1003, personidentitet: "209901019803" },
  {
    felkod: 1004,
    personidentitet: "197802279872",
    tidsperiod: { fromDatum: "2026-11-20", tomDatum: "2026-09-21" },
  },
  { felkod: 9001, personidentitet: TEKNISKT_FEL_PERSONIDENTITET },
];

/**
 * A felresultat for one of our codes, with its Swedish feltext.
 *
 * @example
 * felresultat(TNS_FELKOD.teknisktFel) // { felkod: 9001, feltext: "Tekniskt fel: …", tillagg: [] }
 */
export function felresultat(felkod: TnsFelkod): Felresultat {
  return { felkod, feltext: TNS_FELTEXT[felkod], tillagg: [] };
}

/**
 * The logical errors of a schema-valid question, in felkod order; empty when the register can
 * be asked. `idag` is the simulated today (YYYY-MM-DD).
 *
 * @example
 * kontrolleraFraga("199001011234", undefined, "2026-11-20") // [{ felkod: 1001, … }]
 */
export function kontrolleraFraga(
  personidentitet: string,
  period: Tidsperiod | undefined,
  idag: string,
): Felresultat[] {
  const fel: Felresultat[] = [];
  if (kontrollsiffra(personidentitet.slice(2, 11)) !== Number(personidentitet[11]))
    fel.push(felresultat(TNS_FELKOD.ogiltigKontrollsiffra));
  if (!harRimligtDatum(personidentitet)) fel.push(felresultat(TNS_FELKOD.ogiltigtFodelsedatum));
  else if (fodelsedatum(personidentitet) > idag) fel.push(felresultat(TNS_FELKOD.framtidaFodelsedatum));
  if (period && period.fromDatum > period.tomDatum) fel.push(felresultat(TNS_FELKOD.ogiltigTidsperiod));
  if (fel.length === 0 && personidentitet === TEKNISKT_FEL_PERSONIDENTITET)
    fel.push(felresultat(TNS_FELKOD.teknisktFel));
  return fel;
}

/**
 * The SOAP Fault for a question that is not a usable SOAP message or breaks the schema.
 * Personnummer-like digit runs in the reason are masked.
 *
 * @example
 * felaktigFraga("/HamtaUppgifter/identifikation: required element identifikation is missing")
 */
export function felaktigFraga(message: string): SoapFault {
  return {
    faultcode: "Client",
    faultstring: `Transportstyrelsen: felaktig fråga till HamtaUppgifter. ${maskeraText(message)}`,
  };
}
