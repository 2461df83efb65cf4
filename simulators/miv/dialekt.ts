import type { XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test07_getFinancialAid_miv/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * Migrationsverket as seen in production: its one unusual shape, dates with a time zone, is what
 * the strict simulator already sends (xs:date allows it; see `mivDatum` in data.ts), so the
 * observed dialect adds nothing.
 */
export const mivObserverat: ObserveradDialekt = {
  kod: "MIV",
  former: [],
  ejAtergivna: [
    {
      beskrivning:
        "Every date with Sweden's UTC offset of that day (`<beslutsdatum>1998-05-12+02:00</beslutsdatum>`).",
      sedd: SEDD,
      varfor:
        "Not an observed-only form: both dialects send it (xs:date allows a zone), because the strict simulator was modelled on these answers.",
    },
    {
      beskrivning: "`korrelationsid` and `correlationid` carry the same value.",
      sedd: SEDD,
      varfor:
        "The reference stub's placeholder; Migrationsverket's correlationid is its own id of each call (issue 7: one per call), korrelationsid echoes the question's.",
    },
  ],
  tillampa: (svar: XmlElement): XmlElement => svar,
};
