import type { XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test03_getFinancialAid_fk/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * LEFI (Försäkringskassan and Pensionsmyndigheten) as seen in production: the reference answer is
 * compact JSON with empty lists left out, which is what the strict answer already sends.
 */
export const fkObserverat: ObserveradDialekt = {
  kod: "FK",
  former: [],
  ejAtergivna: [
    {
      beskrivning: "`utlamnare` lists only FK although the question asks for PM groups (PM:AP).",
      sedd: SEDD,
      varfor:
        'LEFI lists every utlämnare the question concerns, with its tillstand; an absent PM is a test stub\'s shortcut, not a shape (a consumer must not read it as "PM has nothing").',
    },
  ],
  tillampa: (svar: XmlElement): XmlElement => svar,
};
