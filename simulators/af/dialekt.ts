import { NS } from "../../contract/namespaces.js";
import { textOf, type XmlElement } from "../../contract/xml/node.js";
import { beskrivning } from "../../fixtures/kodverk/index.js";
import { medTidszon, type ObserveradDialekt, skrivOm } from "../dialekt.js";

/** The xs:date leaves of AF's `Svar` (the echoed `Fraga` keeps the question's own dates). */
const SVAR_DATUM = new Set([
  "ArbetssokandeRegistrerad",
  "ArbetssokandeAvaktualiserad",
  "SenasteAktivitetsRapportDatum",
  "BeslutFrom",
  "BeslutTom",
]);

const SEDD = ["test02_getFinancialAid_af/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

function observeratSvar(svar: XmlElement): XmlElement {
  return skrivOm(svar, (e) => {
    if (e.ns !== NS.af) return e;
    if (SVAR_DATUM.has(e.local)) return medTidszon(e);
    if (e.local === "ArbetssokandeSKAT") {
      const text = beskrivning("AF.ArbetssokandeSKAT", textOf(e).trim());
      return text === undefined ? e : { ...e, children: [{ kind: "text", text }] };
    }
    return e;
  });
}

/**
 * Arbetsförmedlingen as seen in production: dates of the answer with a time zone, the
 * sökandekategori as its name instead of its code.
 *
 * @example
 * afObserverat.tillampa(encodeSvarMeddelande(svar)) // …<ArbetssokandeRegistrerad>2016-11-18+01:00…
 */
export const afObserverat: ObserveradDialekt = {
  kod: "AF",
  former: [
    {
      id: "AF.datum-med-tidszon",
      beskrivning:
        "Every xs:date of `Svar` (ArbetssokandeRegistrerad, ArbetssokandeAvaktualiserad, SenasteAktivitetsRapportDatum, BeslutFrom, BeslutTom) carries Sweden's UTC offset of that day.",
      sedd: SEDD,
      exempel: "<er:ArbetssokandeRegistrerad>2016-11-18+01:00</er:ArbetssokandeRegistrerad>",
      kannetecken:
        /(?:ArbetssokandeRegistrerad|ArbetssokandeAvaktualiserad|SenasteAktivitetsRapportDatum|BeslutFrom|BeslutTom)>\d{4}-\d{2}-\d{2}[+-]\d{2}:\d{2}</,
      schema: "allowed",
      sammansatt:
        "A parser that reads the date with a `YYYY-MM-DD` pattern or `LocalDate.parse` fails. SSBT passes AF's dates on unchanged (the reference composite answer carries them), so the consumer sees the zone.",
    },
    {
      id: "AF.sokandekategori-som-text",
      beskrivning:
        "`ArbetssokandeSKAT` carries the sökandekategori's name (e.g. `Öppet arbetslös`) instead of its code (`11`).",
      sedd: SEDD,
      exempel: "<er:ArbetssokandeSKAT>Anställd</er:ArbetssokandeSKAT>",
      kannetecken: /ArbetssokandeSKAT>[^<0-9]/,
      schema: "allowed",
      sammansatt:
        "xs:normalizedString, so the schema allows any text; a consumer that maps the code through kodverk AF.ArbetssokandeSKAT finds no code (the field-rule kodverk check reports it). SSBT passes the text on unchanged.",
    },
  ],
  ejAtergivna: [
    {
      beskrivning:
        "`data` holds `er:Svar` alone: no echoed `Fraga`, no `LagParagraf` in `Svar`; `Referensnummer` `AID00000001` and the reference person's names.",
      sedd: SEDD,
      varfor:
        "The reference README says the AF sample does not validate and shows what a lenient client tolerates, not what a producer may send.",
    },
  ],
  tillampa(m: XmlElement): XmlElement {
    return {
      ...m,
      children: m.children.map((c) => (c.kind === "element" && c.local === "Svar" ? observeratSvar(c) : c)),
    };
  },
};
