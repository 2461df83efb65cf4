import type { BastjanstKod } from "../../contract/ssbt/model.js";

/** A person in the synthetic population: a named persona or a generated one. */
export interface Persona {
  /** Stable id, kebab-case (named personas) or `genererad-<masked>` (generated). */
  id: string;
  /** 12 digits, personnummer or samordningsnummer. Never a real person. */
  personidentitet: string;
  typ: "personnummer" | "samordningsnummer";
  fornamn: string;
  efternamn: string;
  kon: "K" | "M";
  /** The person's story across the authorities, in Swedish. */
  berattelse: string;
  /** The bastjänster that hold data about the person. */
  kallor: readonly BastjanstKod[];
  /** Sekretessmarkering / skyddad identitet: no names are given out. */
  sekretess: boolean;
  /** True for persons generated from an unknown personidentitet. */
  genererad: boolean;
  /** True when the check digit is right (the reference client's 199001011234 is not). */
  giltig: boolean;
}
