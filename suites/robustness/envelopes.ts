import { NS } from "../../contract/namespaces.js";
import { escapeText } from "../../contract/xml/serialize.js";
import type { HttpBegaran, Kropp } from "./http-raw.js";
import type { FallKontext } from "./model.js";

/**
 * Request text built by hand, not by our codec: a hostile case must be able to say exactly the
 * bytes it sends (a raw `<script>`, a comment inside a value, a wrong order), which a serializer
 * would never produce.
 */

/** The SOAP 1.1 envelope namespace. */
export const SOAP11 = NS.soap;

/** XML-escapes text for element content. */
export const xml = escapeText;

/**
 * Wraps a payload in a SOAP 1.1 envelope (prefix `soapenv`), with an optional Header content.
 *
 * @example
 * envelope("<x:ping xmlns:x='urn:x'/>") // '<?xml …?><soapenv:Envelope …><soapenv:Body>…'
 */
export function envelope(payload: string, header?: string): string {
  const h = header === undefined ? "" : `<soapenv:Header>${header}</soapenv:Header>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="${SOAP11}">${h}<soapenv:Body>${payload}</soapenv:Body></soapenv:Envelope>`
  );
}

/** `testaBastjanstInformation` (the connection test) of the context's contract version. */
export function testaPayload(ctx: FallKontext): string {
  return `<ssbt:testaBastjanstInformation xmlns:ssbt="${ctx.ns}"/>`;
}

/**
 * A payload for the target's own protocol that is harmless but plausible: the composite
 * service's connection test for `ssbt`, and an element in an unknown namespace otherwise (a
 * bastjänst must refuse it with its own fault; transport cases do not depend on it).
 */
export function neutralPayload(ctx: FallKontext): string {
  return ctx.profil === "ssbt"
    ? testaPayload(ctx)
    : `<r:robusthetstest xmlns:r="urn:ssbtek-harness:robusthet"/>`;
}

/** Fields of the composite question a case may replace. Values are inserted verbatim (escape with {@link xml}). */
export interface HamtaFalt {
  korrelationsid: string;
  fraganSkallInkluderasISvaret: string;
  organisationsnummer: string;
  namn: string;
  handlaggare: string;
  personidentitet: string;
  arendeidentitet: string;
  fromDatum: string;
  tomDatum: string;
  syfte: string;
  lagtext: string;
}

/** Base64 of a LEFI v9 JSON question for the context's person and period. */
function lefiFraga(ctx: FallKontext): string {
  const q = {
    personnummer: ctx.personidentitet,
    period: { from: ctx.period.fromDatum, tom: ctx.period.tomDatum },
    formansinformation: ["FK:BOB"],
    utbetalningar: ["FK:BOB"],
  };
  return Buffer.from(JSON.stringify(q), "utf8").toString("base64");
}

/**
 * The body of a schema-valid `hamtaBastjanstInformation` with all seven bastjänster included,
 * with any field replaced by raw XML text.
 *
 * @example
 * hamtaPayload(ctx, { korrelationsid: xml("<script>") })
 */
export function hamtaPayload(ctx: FallKontext, over: Partial<HamtaFalt> = {}): string {
  const f: HamtaFalt = {
    korrelationsid: "robusthet-0001",
    fraganSkallInkluderasISvaret: "true",
    organisationsnummer: "162129999991",
    namn: "Robusthetskommunen",
    handlaggare: "robusthet",
    personidentitet: ctx.personidentitet,
    arendeidentitet: "ROBUSTHET-1",
    fromDatum: ctx.period.fromDatum,
    tomDatum: ctx.period.tomDatum,
    syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
    lagtext: "11 kap. 11 a § socialtjänstlagen (2001:453)",
    ...over,
  };
  const s = (n: string) => `<ssbt:${n}>${f[n as keyof HamtaFalt]}</ssbt:${n}>`;
  return (
    `<ssbt:hamtaBastjanstInformation xmlns:ssbt="${ctx.ns}">` +
    `<ssbt:generellaFrageparametrar>${s("korrelationsid")}${s("fraganSkallInkluderasISvaret")}` +
    `<ssbt:ingivare>${s("organisationsnummer")}${s("namn")}${s("handlaggare")}</ssbt:ingivare>` +
    `${s("personidentitet")}${s("arendeidentitet")}` +
    `<ssbt:tidsperiod>${s("fromDatum")}${s("tomDatum")}</ssbt:tidsperiod>${s("syfte")}${s("lagtext")}` +
    `</ssbt:generellaFrageparametrar><ssbt:specifikaFrageparametrar>` +
    `<ssbt:AF inkludera="true"/><ssbt:CSN inkludera="true"/>` +
    `<ssbt:FK inkludera="true"><ssbt:fraga><ssbt:version>v9</ssbt:version><ssbt:aktorsid>026-51</ssbt:aktorsid>` +
    `<ssbt:lefiJsonFraga>${lefiFraga(ctx)}</ssbt:lefiJsonFraga></ssbt:fraga></ssbt:FK>` +
    `<ssbt:SKV inkludera="true"/><ssbt:SO inkludera="true"/><ssbt:TNS inkludera="true"/><ssbt:MIV inkludera="true"/>` +
    `</ssbt:specifikaFrageparametrar></ssbt:hamtaBastjanstInformation>`
  );
}

/** A full SOAP 1.1 request of the composite question (see {@link hamtaPayload}). */
export function hamtaXml(ctx: FallKontext, over: Partial<HamtaFalt> = {}): string {
  return envelope(hamtaPayload(ctx, over));
}

/** SOAP 1.1 over HTTP request headers. */
export function soapHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""', ...extra };
}

/**
 * A payload in which `raw` is the text of one element: the composite question's `korrelationsid`
 * (a free-text field every SSBT reads) for `ssbt`, the neutral element for a bastjänst.
 *
 * @example
 * medText(ctx, "&xxe;") // entity reference where a parser would expand it
 */
export function medText(ctx: FallKontext, raw: string): string {
  return ctx.profil === "ssbt"
    ? hamtaPayload(ctx, { korrelationsid: raw })
    : `<r:robusthetstest xmlns:r="urn:ssbtek-harness:robusthet">${raw}</r:robusthetstest>`;
}

/**
 * A POST of `body` with SOAP 1.1 headers (or the given ones).
 *
 * @example
 * post(hamtaXml(ctx), soapHeaders({ "Content-Type": "application/json" }))
 */
export function post(body: Kropp, headers: Record<string, string> = soapHeaders()): HttpBegaran {
  return { kind: "http", method: "POST", headers, body };
}
