import {
  AF_SVAR,
  decodeAfFel,
  decodeSvarMeddelande,
  encodeFraga,
  encodeFragaMeddelande,
  encodeSvar,
} from "../../../contract/af/codec.js";
import type { AfFraga, AfFragaMeddelande } from "../../../contract/af/model.js";
import { parseSoapEnvelope, readSoapFault } from "../../../contract/soap/envelope.js";
import { periodFor, type Sektion, type SsbtFraga } from "../../../contract/ssbt/model.js";
import { childElements, type XmlElement } from "../../../contract/xml/node.js";
import { KLIENT_FELKOD } from "../../af/errors.js";
import type { BastjanstKlient, BastjanstSvar } from "../../bastjanst.js";
import { bastjanstFel, soapBegaran, svarstext } from "./soap.js";

/**
 * The AF question SSBT derives from the composite question: ingivare and handläggare, the
 * arendeidentitet as Referensnummer, AF's period, syfte, lagtext, the first personuppgiftsbiträde
 * (AF takes one) and the personidentitet. All three blocks of the answer are asked for.
 *
 * @example
 * afFragaMeddelande(testFraga("199608239829")).Fraga.Referensnummer // "ARENDE-2026-0001"
 */
export function afFragaMeddelande(fraga: SsbtFraga): AfFragaMeddelande {
  const g = fraga.generellaFrageparametrar;
  const period = periodFor(fraga, "AF");
  // AF has room for one personuppgiftsbiträde: the first in ordningsnummer order.
  const pub = [...g.personuppgiftsbitrade].sort(
    (a, b) => (a.ordningsnummer ?? Number.MAX_SAFE_INTEGER) - (b.ordningsnummer ?? Number.MAX_SAFE_INTEGER),
  )[0];
  const f: AfFraga = {
    OrganisationsnummerForIngivare: g.ingivare.organisationsnummer,
    NamnPaIngivare: g.ingivare.namn,
    KontonamnForHandlaggare: g.ingivare.handlaggare,
    Referensnummer: g.arendeidentitet,
    From: period.fromDatum,
    Tom: period.tomDatum,
    SyfteMedFraga: g.syfte,
    LagParagraf: g.lagtext,
    IdentitetsbeteckningFysiskPerson: g.personidentitet,
  };
  if (pub) {
    f.OrganisationsnummerForPersonuppgiftsbitrade = pub.organisationsnummer;
    f.NamnPaPersonuppgiftsbitrade = pub.namn;
  }
  return { Inkludera: { ArbetssokandeInfo: true, AkasseInfo: true, BeslutInfo: true }, Fraga: f };
}

function fel(felkod: string, ...meddelanden: (string | undefined)[]): Sektion {
  const felmeddelande = meddelanden.filter((m): m is string => m !== undefined && m.trim() !== "");
  if (felmeddelande.length === 0)
    felmeddelande.push("Arbetsförmedlingen svarade med ett fel utan förklaring.");
  return bastjanstFel(felkod, ...felmeddelande);
}

function meddelande(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads AF's HTTP answer into the AF section of the composite answer. Never throws: a SOAP Fault
 * becomes `felkod` from the fault detail (or `SOAP_CLIENT`/`SOAP_SERVER`), an HTTP error without a
 * fault `HTTP_<status>`, anything that is not a schema-valid `SvarMeddelande` `MALFORMED`.
 */
async function tolka(svar: BastjanstSvar, fraga: SsbtFraga, utkast: boolean): Promise<Sektion> {
  let text: string;
  try {
    text = await svarstext(svar);
  } catch (e) {
    return fel(KLIENT_FELKOD.olasbart, `Svaret från Arbetsförmedlingen kunde inte läsas: ${meddelande(e)}`);
  }
  const httpFel = `HTTP_${svar.status}`;
  let body: XmlElement;
  try {
    body = svar.parsedXml ?? parseSoapEnvelope(text).body;
  } catch (e) {
    const orsak = `Svaret från Arbetsförmedlingen är inte ett SOAP-meddelande: ${meddelande(e)}`;
    return svar.ok
      ? fel(KLIENT_FELKOD.malformed, orsak)
      : fel(httpFel, `Arbetsförmedlingen svarade med HTTP ${svar.status}.`, orsak);
  }

  const fault = readSoapFault(body);
  if (fault) {
    const detalj = decodeAfFel(fault.detail);
    const kod = fault.faultcode.slice(fault.faultcode.indexOf(":") + 1) || "Fault";
    return fel(detalj?.Felkod ?? `SOAP_${kod.toUpperCase()}`, fault.faultstring, detalj?.Felmeddelande);
  }
  if (!svar.ok) return fel(httpFel, `Arbetsförmedlingen svarade med HTTP ${svar.status} utan SOAP Fault.`);

  try {
    // In-process, the simulator's own tree: its model (read-only), and the tree is already the re-encoding.
    const eget = AF_SVAR.modell(body);
    const m = eget ?? decodeSvarMeddelande(body, "/Envelope/Body/SvarMeddelande");
    // Never hand out data about someone else than the person asked about.
    if (m.Svar.IdentitetsbeteckningFysiskPerson !== fraga.generellaFrageparametrar.personidentitet)
      return fel(
        KLIENT_FELKOD.felPerson,
        "Svaret från Arbetsförmedlingen avser en annan person än den som frågan gällde.",
      );
    if (utkast || m.Svar.UtokadSvar === undefined)
      return { data: eget ? childElements(body) : [encodeFraga(m.Fraga), encodeSvar(m.Svar)] };
    // Only the draft carries AF's extension on to the consumer.
    const { UtokadSvar: _utokad, ...utanUtokad } = m.Svar;
    return { data: [encodeFraga(m.Fraga), encodeSvar(utanUtokad)] };
  } catch (e) {
    return fel(
      KLIENT_FELKOD.malformed,
      `Svaret från Arbetsförmedlingen följer inte ers_stod.xsd: ${meddelande(e)}`,
    );
  }
}

/**
 * SSBT's side of AF: the SOAP 1.1 request (Content-Type `text/xml; charset=utf-8`, `SOAPAction: ""`)
 * and the reading of the answer into a section whose `data` is `[af:Fraga, af:Svar]`.
 *
 * @example
 * const svar = await fetch(afKlient.begaran(fraga, "http://localhost:8080/af/arbetssokande/ersattningsstod/v2", kontrakt));
 * const sektion = await afKlient.tolka(svar, fraga, kontrakt);
 */
export const afKlient: BastjanstKlient = {
  begaran(fraga, endpoint, kontrakt) {
    const m = afFragaMeddelande(fraga);
    // The draft asks AF for the information-needs extension; v10/v11 never do.
    if (kontrakt.version === "utkast") m.UtokadFraga = true;
    return soapBegaran(endpoint, encodeFragaMeddelande(m));
  },
  tolka(svar, fraga, kontrakt) {
    return tolka(svar, fraga, kontrakt.version === "utkast").catch((e: unknown) =>
      fel(KLIENT_FELKOD.malformed, `Svaret från Arbetsförmedlingen kunde inte tolkas: ${meddelande(e)}`),
    );
  },
};
