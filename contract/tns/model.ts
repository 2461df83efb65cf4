/**
 * Transportstyrelsen's own SSBTEK contract (HamtaUppgifterResponder 1.0, fordon 1.0, person 1.0) as
 * TypeScript types. Names follow the XSD. All three schemas are `elementFormDefault="qualified"`:
 * every element lives in its type's namespace (`tns` for the responder, `fordon` for vehicles,
 * `per` for the identity).
 *
 * The schemas define no fault element: logical errors travel as `resultat` FEL with
 * `felresultat`, a request that breaks the schema gets a plain SOAP 1.1 Fault.
 */
import type { XmlElement } from "../xml/node.js";

/** `per:IdentifikationType`: the person, split into century and ten digits. */
export interface Identifikation {
  /** `per:SekelType`: "19" or "20". */
  sekel: string;
  /** `per:PersonnummerType`: ten digits ÅÅMMDDNNNK, no hyphen. */
  personnummer: string;
  /** Trailing `xs:any namespace="##other"` elements, kept as trees. */
  tillagg: XmlElement[];
}

/** `tns:HamtaUppgifter` (`tns:HamtaUppgifterType`): the question. */
export interface HamtaUppgifter {
  identifikation: Identifikation;
  /** Trailing `xs:any namespace="##other"` elements (lax), kept as trees. */
  tillagg: XmlElement[];
}

/** `tns:ResultatTypEnum`. */
export const RESULTAT = ["OK", "FEL"] as const;
export type Resultat = (typeof RESULTAT)[number];

/** `frdn:FordonType`: one vehicle. Every field is an `xs:string` in the schema. */
export interface Fordon {
  regnr: string;
  fabrikat: string;
  /** Fordonsår, e.g. "2012" (a string in the schema). */
  fordonsar: string;
  /** Fordonsslag, e.g. "PERSONBIL" (free string in the schema; our kodverk TNS.Fordonsslag). */
  fordonsslag: string;
  handelsbeteckning: string;
  tillagg: XmlElement[];
}

/** `frdn:FordonsinnehavType`: the vehicles (may be an empty list). */
export interface Fordonsinnehav {
  fordon: Fordon[];
  tillagg: XmlElement[];
}

/** `tns:FelresultatType`. */
export interface Felresultat {
  /** `xs:int`. */
  felkod: number;
  feltext: string;
  tillagg: XmlElement[];
}

/** `tns:HamtaUppgifterResponse` (`tns:HamtaUppgifterResponseType`): the answer. */
export interface HamtaUppgifterResponse {
  resultat: Resultat;
  fordonsinnehav?: Fordonsinnehav;
  felresultat: Felresultat[];
  tillagg: XmlElement[];
}
