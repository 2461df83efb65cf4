import { tillV3 } from "../../contract/csn/v3.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { ObserveradDialekt } from "../dialekt.js";

const SEDD = ["test01_getFinancialAid_csn/response.xml", "test08_getFinancialAid_allAgencies/response.xml"];

/**
 * CSN as seen in production: the answer in the schema 3.0 layout (contract/csn/v3.ts).
 *
 * @example
 * csnObserverat.tillampa(encodeCsnSvar(svar)).ns // "http://schema.csn.se/v3.0/kommunfraga"
 */
export const csnObserverat: ObserveradDialekt = {
  kod: "CSN",
  former: [
    {
      id: "CSN.schema-3.0",
      beskrivning:
        'The answer uses the schema 3.0 layout: `schemaVersion="3.0"`, the `http://schema.csn.se/v3.0/…` namespaces, no omställningsstudiestöd (no `omstallningsstudiestod` in Studiestodstypforteckning, no `Omstallningsstudiestod` block), although the question asked for 4.0.',
      sedd: SEDD,
      exempel: '<CSNSvar schemaVersion="3.0"',
      kannetecken: /"http:\/\/schema\.csn\.se\/v3\.0\/kommunfraga"/,
      schema: "violates",
      // The v3.0 root is unknown to the 4.0 schema; read with the 4.0 namespaces, only the missing
      // omställningsstudiestöd remains.
      schemafel: [
        /No matching global declaration available for the validation root/,
        /Missing child element\(s\)\. Expected is \( \{http:\/\/schema\.csn\.se\/v4\.0\/(?:csntyper\}omstallningsstudiestod|person\}Omstallningsstudiestod) \)/,
      ],
      sammansatt:
        "A consumer that binds the 4.0 namespaces finds no answer at all; a person's omställningsstudiestöd is not shown. SSBT reads the 3.0 layout and passes the document on in it (the reference composite answer's base64 carries 3.0), so the composite CSN section differs from the strict one exactly here.",
    },
    {
      id: "CSN.tom-fragaeko",
      beskrivning: "`GemensamtFragaEkbistand` is sent empty instead of echoing the question.",
      sedd: SEDD,
      exempel: "<GemensamtFragaEkbistand/>",
      kannetecken: /<(?:\w+:)?GemensamtFragaEkbistand\/>/,
      schema: "unverifiable",
      sammansatt:
        "Its type is Sambruk's SBNUppgEkBistandBegar, which is not published (the reference set has a stand-in): whether empty is allowed cannot be checked, and it comes only with the 3.0 layout, whose root already fails. A consumer that reads the echoed period or ärende from it finds nothing.",
    },
  ],
  ejAtergivna: [
    {
      beskrivning:
        '`personnummer="9001011234"` with a wrong check digit, `Status` of ten spaces, `sekretess` of two.',
      sedd: SEDD,
      varfor:
        "The reference person's test number; the blank-padded codes are what the strict 4.0 answer already sends (csntyper allows them).",
    },
  ],
  // Only CSN's answer document; a fault or anything else stays as it is.
  tillampa: (e: XmlElement): XmlElement => (e.local === "CSNSvar" ? tillV3(e) : e),
};
