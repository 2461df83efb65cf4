import { cdata, type XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test04_getFinancialAid_skv/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

const INDRAG = "    ";

/**
 * The answer document indented as Skatteverket writes it: one element per line, four spaces per
 * level, leaf text kept on its element's line. Our documents have no mixed content, so a tag
 * scanner is enough.
 *
 * @example
 * indentera('<?xml version="1.0"?>\n<a><b>1</b></a>') // '<?xml version="1.0"?>\n<a>\n    <b>1</b>\n</a>'
 */
export function indentera(dokument: string): string {
  const decl = /^<\?xml[^>]*\?>\s*/.exec(dokument)?.[0] ?? "";
  let out = decl.trimEnd();
  let djup = 0;
  let foreText = false;
  for (const t of dokument.slice(decl.length).match(/<[^>]+>|[^<]+/g) ?? []) {
    if (!t.startsWith("<")) {
      out += t;
      foreText = true;
      continue;
    }
    if (t.startsWith("</")) {
      djup--;
      out += foreText ? t : `\n${INDRAG.repeat(djup)}${t}`;
    } else {
      out += `${out === "" ? "" : "\n"}${INDRAG.repeat(djup)}${t}`;
      if (!t.endsWith("/>")) djup++;
    }
    foreText = false;
  }
  return out;
}

/**
 * Skatteverket as seen in production: the answer document in `svar` as a CDATA section, indented.
 *
 * @example
 * skvObserverat.tillampa(encodeBeskattningsuppgifterResponse({ svar })) // <svar><![CDATA[<?xml …
 */
export const skvObserverat: ObserveradDialekt = {
  kod: "SKV",
  former: [
    {
      id: "SKV.svar-i-cdata",
      beskrivning:
        "The answer document in `svar` (xs:string) is sent as a CDATA section instead of escaped text.",
      sedd: SEDD,
      exempel: '<svar><![CDATA[<?xml version="1.0" encoding="UTF-8"?>',
      kannetecken: /<svar><!\[CDATA\[/,
      schema: "allowed",
      sammansatt:
        "Same text in the XML infoset; a consumer that reads the raw bytes, or a streaming reader that returns only the first text event, gets nothing or a fragment. SSBT passes the section on as CDATA (the reference composite answer carries it so).",
    },
    {
      id: "SKV.dokument-indenterat",
      beskrivning:
        "The document inside `svar` is indented: one element per line, four spaces per level (whitespace between elements).",
      sedd: SEDD,
      exempel: "<PersonuppgiftLista>\\n        <Personuppgift>",
      kannetecken: /\n {4}<PersonuppgiftLista>/,
      schema: "allowed",
      sammansatt:
        "Whitespace between elements is insignificant in an element-only document; a reader that treats every text node as data sees extra nodes. SSBT passes the document on unchanged.",
    },
  ],
  ejAtergivna: [
    {
      beskrivning:
        "`StatusPersonuppgiftKod` 999 and `Taxeringsar` 2001 for the reference person `Berit Berg`.",
      sedd: SEDD,
      varfor:
        "Values of the municipality's test stub (a person, an old tax year), not a shape a producer is known for.",
    },
  ],
  tillampa(r: XmlElement): XmlElement {
    return {
      ...r,
      children: r.children.map((c) => {
        if (c.kind !== "element" || c.local !== "svar" || c.ns !== "") return c;
        const text = c.children.map((t) => (t.kind === "text" ? t.text : "")).join("");
        return { ...c, children: [cdata(indentera(text))] };
      }),
    };
  },
};
