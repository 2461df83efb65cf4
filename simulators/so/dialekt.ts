import type { XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test05_getFinancialAid_so/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * The a-kassor as seen in production: nothing a producer may send that our strict answer does
 * not (amounts already carry two decimals, `1250.50`). What the reference shows besides is listed
 * in `ejAtergivna`.
 */
export const soObserverat: ObserveradDialekt = {
  kod: "SO",
  former: [],
  ejAtergivna: [
    {
      beskrivning: "`data` lacks `Syfte` and `Paragraf` (required by INT014).",
      sedd: SEDD,
      varfor:
        "The reference README says the SO sample does not validate and shows what a lenient client tolerates, not what a producer may send.",
    },
    {
      beskrivning: "`StatusSvarandeOrganisation` as free English text (`all clear`).",
      sedd: SEDD,
      varfor: "A value of the municipality's test stub, not a code any a-kassa is known to send.",
    },
  ],
  tillampa: (svar: XmlElement): XmlElement => svar,
};
