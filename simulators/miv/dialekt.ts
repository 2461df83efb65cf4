import type { XmlElement } from "../../contract/xml/node.js";
import { medTidszon, type ObserveradDialekt, skrivOm } from "../dialekt.js";

/** The xs:date leaves of `fkResponse` and `fkSvar`. */
const DATUM = new Set(["inresedatum", "ansokningsdatum", "beslutsdatum", "fromDatum", "tomDatum"]);

const SEDD = ["test07_getFinancialAid_miv/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * Migrationsverket as seen in production: every date with a time zone.
 *
 * @example
 * mivObserverat.tillampa(encodeFindByPersonnummerResponse({ response })) // …<beslutsdatum>1998-05-12+02:00…
 */
export const mivObserverat: ObserveradDialekt = {
  kod: "MIV",
  former: [
    {
      id: "MIV.datum-med-tidszon",
      beskrivning:
        "Every xs:date of the answer (inresedatum, ansokningsdatum, beslutsdatum, fromDatum, tomDatum) carries Sweden's UTC offset of that day: +01:00 in winter, +02:00 in summer.",
      sedd: SEDD,
      exempel: "<beslutsdatum>1998-05-12+02:00</beslutsdatum>",
      schema: "allowed",
      sammansatt:
        "A parser that expects `YYYY-MM-DD` fails; one that converts to an instant may move the day. SSBT passes the dates on unchanged.",
    },
  ],
  ejAtergivna: [],
  tillampa: (svar: XmlElement): XmlElement => skrivOm(svar, (e) => (DATUM.has(e.local) ? medTidszon(e) : e)),
};
