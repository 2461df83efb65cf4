import { maskera, maskeraText } from "../../../contract/personidentitet.js";
import { decodeSvarV11, encodeDelDokument, encodeFragaV11 } from "../../../contract/skv/v11-codec.js";
import {
  type FragaSkatteuppgifterV11,
  MAX_INKOMSTAR_V11,
  SKV_V11_VERSION,
  type SkvBlock,
  type SvarSkatteuppgifterV11,
} from "../../../contract/skv/v11-model.js";
import { encodeSsbtError, SKV11_BLOCK } from "../../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../../contract/ssbt/felkoder.js";
import { periodFor, type Sektion, type SsbtError, type SsbtFraga } from "../../../contract/ssbt/model.js";
import { el } from "../../../contract/xml/node.js";
import type { KontraktInfo } from "../../bastjanst.js";

/**
 * The blocks SSBT asks for when an ssbt/11 question includes SKV without a `fraga`: the decided
 * tax, i.e. what ssbt/10 gave.
 */
export const STANDARDBLOCK_V11: readonly SkvBlock[] = ["skatteuppgifter"];

/**
 * The income years SSBT asks Skatteverket for under ssbt/11: the asked `ar` (each once, in the
 * asked order), or without a `fraga` the two years before the period as in v10.
 *
 * @example
 * inkomstarV11(fraga) // [2025, 2024]
 */
export function inkomstarV11(fraga: SsbtFraga): number[] {
  const f = fraga.specifikaFrageparametrar.SKV.fraga;
  if (f) return [...new Set(f.ar)];
  const senaste = Number(periodFor(fraga, "SKV").fromDatum.slice(0, 4)) - 1;
  return [senaste, senaste - 1];
}

/** The blocks asked for (true booleans), in schema order. */
export function blockV11(fraga: SsbtFraga): SkvBlock[] {
  const f = fraga.specifikaFrageparametrar.SKV.fraga;
  if (!f) return [...STANDARDBLOCK_V11];
  return SKV11_BLOCK.filter((b) => f.block[b] === true);
}

/**
 * Maps an ssbt/11 composite question to Skatteverket's v11 question document: the same
 * ingivare, ärende, syfte, lagtext, processors, person and SKV period as v10, plus the asked
 * years and blocks.
 *
 * @example
 * fragaTillSkvV11(fraga).block // ["foretagsinformation", "skattekonto"]
 */
export function fragaTillSkvV11(fraga: SsbtFraga): FragaSkatteuppgifterV11 {
  const g = fraga.generellaFrageparametrar;
  const period = periodFor(fraga, "SKV");
  return {
    version: SKV_V11_VERSION,
    ingivare: {
      organisationsnummer: g.ingivare.organisationsnummer,
      namn: g.ingivare.namn,
      handlaggare: g.ingivare.handlaggare,
    },
    personuppgiftsbitraden: g.personuppgiftsbitrade.map((p) =>
      p.ordningsnummer === undefined
        ? { organisationsnummer: p.organisationsnummer, namn: p.namn }
        : { ordningsnummer: p.ordningsnummer, organisationsnummer: p.organisationsnummer, namn: p.namn },
    ),
    referensnummer: g.arendeidentitet,
    syfte: g.syfte,
    lagrum: g.lagtext,
    personidentitet: g.personidentitet,
    frageperiod: { fromDatum: period.fromDatum.slice(0, 10), tomDatum: period.tomDatum.slice(0, 10) },
    inkomstar: inkomstarV11(fraga),
    block: blockV11(fraga),
  };
}

/** The v11 question document as the `forfragan` string. */
export function forfraganV11(fraga: SsbtFraga): string {
  return encodeFragaV11(fragaTillSkvV11(fraga));
}

/**
 * SSBT's own check before calling Skatteverket under ssbt/11: the schema lets `ar` repeat without
 * bound, Skatteverket takes at most {@link MAX_INKOMSTAR_V11} distinct years (SSBT-2003).
 *
 * @example
 * skvForkontrollV11(fraga) // undefined, or { kalla: "SSBT", felkod: "SSBT-2003", … }
 */
export function skvForkontrollV11(fraga: SsbtFraga): SsbtError | undefined {
  const antal = inkomstarV11(fraga).length;
  if (antal <= MAX_INKOMSTAR_V11) return undefined;
  return {
    kalla: "SSBT",
    felkod: SSBT_FELKOD.FELAKTIG_DELFRAGA,
    felmeddelande: [
      `Frågan till Skatteverket kan inte bildas: ${antal} olika år är fler än de ${MAX_INKOMSTAR_V11} som tas emot.`,
    ],
  };
}

function btFel(felkod: string, text: string): SsbtError {
  return { kalla: "BT", felkod, felmeddelande: [maskeraText(text).slice(0, 500)] };
}

/** The identities an answer names: the answer's own and every part document's. */
function identiteter(svar: SvarSkatteuppgifterV11): string[] {
  const ids = [svar.personidentitet];
  for (const b of SKV11_BLOCK) {
    const d = svar.delar[b];
    if (d && "data" in d) ids.push(d.data.personidentitet);
  }
  return ids;
}

/**
 * Reads Skatteverket's v11 answer document (the `svar` string) into the ssbt/11 SKV section: one
 * `ssbt:<block>` per asked block, in schema order, holding `data` (base64 of the part's JSON
 * document) or `error` (kalla BT, felkod = the part's MeddelandeKod). Never throws:
 * - a document that is not a valid v11 answer (e.g. a v10 XML document) → `error` MALFORMED;
 * - an answer about another person → `error` FEL_PERSON;
 * - a part for a block that was not asked → `error` MALFORMED;
 * - an asked block missing from the answer → that part's `error` DEL_SAKNAS.
 * A failure of the whole call is a plain `{ error }` section, which the composite answer writes
 * as the overall `SKV/error` of the v11 schema.
 *
 * @example
 * tolkaSvarV11(dokument, fraga, { version: "v11", ns: NS.ssbt11 }) // { delar: [<ssbt:skattekonto>…] }
 */
export function tolkaSvarV11(dokument: string, fraga: SsbtFraga, kontrakt: KontraktInfo): Sektion {
  let svar: SvarSkatteuppgifterV11;
  try {
    svar = decodeSvarV11(dokument);
  } catch (e) {
    const v10 = dokument.trimStart().startsWith("<");
    return {
      error: btFel(
        "MALFORMED",
        v10
          ? "Skatteverket svarade med ett ssbt/10-dokument (XML) på en ssbt/11-fråga."
          : `Skatteverkets v11-svar följer inte modellen: ${(e as Error).message.slice(0, 200)}`,
      ),
    };
  }
  const fragad = fraga.generellaFrageparametrar.personidentitet;
  const annan = identiteter(svar).find((id) => id !== fragad);
  if (annan !== undefined)
    return {
      error: btFel(
        "FEL_PERSON",
        `Skatteverkets svar gäller en annan person (${maskera(annan)}) än den efterfrågade (${maskera(fragad)}).`,
      ),
    };
  const fragade = blockV11(fraga);
  const ofragad = SKV11_BLOCK.find((b) => svar.delar[b] !== undefined && !fragade.includes(b));
  if (ofragad)
    return {
      error: btFel("MALFORMED", `Skatteverket svarade med blocket ${ofragad}, som inte efterfrågades.`),
    };
  const ns = kontrakt.ns;
  const delar = fragade.map((b) => {
    const d = svar.delar[b];
    if (!d)
      return el(ns, b, [
        encodeSsbtError(ns, btFel("DEL_SAKNAS", `Skatteverket lämnade inget svar för ${b}.`)),
      ]);
    if ("fel" in d) return el(ns, b, [encodeSsbtError(ns, btFel(String(d.fel.kod), d.fel.text))]);
    return el(ns, b, [el(ns, "data", [Buffer.from(encodeDelDokument(d.data), "utf8").toString("base64")])]);
  });
  return { delar };
}
