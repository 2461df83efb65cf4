import { evaluateTabell } from "../../contract/faltregler/index.js";
import type { Faltregeltabell } from "../../contract/faltregler/model.js";
import { NS } from "../../contract/namespaces.js";
import { findChild, type XmlElement } from "../../contract/xml/node.js";
import afUtkastSvar from "../../fixtures/faltregler/utkast/af-utkast-svar.json" with { type: "json" };
import type { CertifyFinding } from "../../reports/model.js";

/** The draft's field-rule table for AF's extension (fixtures/faltregler/utkast/af-utkast-svar.json). */
export const AF_UTKAST_TABELL = afUtkastSvar as Faltregeltabell;

/**
 * What a producer of the draft contract `utkast` owes beyond ers_stod v2: AF, asked with
 * `afu:UtokadFraga`, answers a registered person (an answer with `ArbetssokandeInfo`) with
 * `afu:UtokadSvar` at the end of `Svar`, and that extension keeps the draft's field rules.
 *
 * @example
 * utkastFynd(svarMeddelande, new Date()) // [] for our simulator
 */
export function utkastFynd(m: XmlElement, now: Date): CertifyFinding[] {
  const svar = findChild(m, NS.af, "Svar");
  if (!svar) return [];
  const ext = findChild(svar, NS.afUtkast, "UtokadSvar");
  if (!ext) {
    if (!findChild(svar, NS.af, "ArbetssokandeInfo")) return [];
    return [
      {
        rule: "AF.utkast.UtokadSvar",
        path: "/SvarMeddelande/Svar/UtokadSvar",
        message:
          "The draft contract utkast asks AF with UtokadFraga: a registered person's answer must end with afu:UtokadSvar (withdrawals, programme, provider, reports, planning meeting, deregistration).",
      },
    ];
  }
  return evaluateTabell(AF_UTKAST_TABELL, ext, { now }).map((f) => ({
    ...f,
    path: `/SvarMeddelande/Svar${f.path ?? ""}`,
  }));
}
