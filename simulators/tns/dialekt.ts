import type { XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test06_getFinancialAid_tns/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * Transportstyrelsen as seen in production: the reference answer has the strict shape (resultat,
 * fordonsinnehav, fordon in the fordon namespace). What it shows besides is listed in `ejAtergivna`.
 */
export const tnsObserverat: ObserveradDialekt = {
  kod: "TNS",
  former: [],
  ejAtergivna: [
    {
      beskrivning: "`fabrikat` in mixed case (`Volvo`) next to upper case (`HONDA`).",
      sedd: SEDD,
      varfor:
        "Casing of hand-written test data with no rule behind it; our fabrikat follow the vehicle register's upper case. xs:string either way.",
    },
  ],
  tillampa: (svar: XmlElement): XmlElement => svar,
};
