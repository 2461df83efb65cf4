/**
 * What the producer suite knows about each bastjänst's own protocol: SOAP 1.1 or LEFI JSON, the
 * answer element, OUR strict decoder of its answer (our model of the official schema: a breach
 * throws a ContractViolation naming the path), its kodverk file, and the malformed requests its
 * endpoint must refuse.
 */
import type { Faltregeltabell } from "../../contract/faltregler/model.js";
import { NS } from "../../contract/namespaces.js";
import { parseSoapEnvelope, soapEnvelope } from "../../contract/soap/envelope.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { Kodverk } from "../../fixtures/kodverk/model.js";
import type { BastjanstSimulator } from "../../simulators/bastjanst.js";
import { faltregeltabellFor, kodverkFor } from "../../simulators/registry.js";

/** One bastjänst's protocol as the producer suite sees it. */
export interface ProducentProtokoll {
  format: "soap" | "json";
  /** The kodverk of the authority (`fixtures/kodverk/<kodverk>.json`). */
  kodverk: readonly Kodverk[];
  /** The field-rule table of its answer (`fixtures/faltregler/<faltregler>.json`). */
  tabell: Faltregeltabell;
  /** Local name of the answer element in the SOAP Body (SOAP only). */
  svarElement?: string;
  /** Media type the answer must have (`text/xml` for SOAP 1.1, `application/json` for LEFI). */
  mediaTyp: string;
  /**
   * Strictly decodes an answer: the SOAP Body payload, or the LEFI JSON text. Throws (a
   * ContractViolation naming the path, or a HarnessError) when it breaks the schema.
   */
  avkoda(svar: XmlElement | string): void;
}

/**
 * A bastjänst's protocol as the producer suite sees it: derived from the authority's descriptor.
 *
 * @example
 * producentProtokoll(SIMULATORER.TNS).avkoda(parseSoapEnvelope(text).body) // throws on a schema breach
 */
export function producentProtokoll(sim: BastjanstSimulator): ProducentProtokoll {
  return { ...sim.protokoll, kodverk: kodverkFor(sim), tabell: faltregeltabellFor(sim) };
}

/** A malformed request the endpoint must refuse with its own fault or a 4xx. */
export interface FelaktigBegaran {
  /** Stable kebab-case id, used in the rule id `<KOD>.felhantering.<id>`. */
  id: string;
  beskrivning: string;
  request: Request;
}

/** The valid request as parts, so a broken variant keeps its URL and headers. */
export interface GiltigBegaran {
  url: string;
  headers: Headers;
  body: string;
}

const variant = (g: GiltigBegaran, body: string): Request =>
  new Request(g.url, { method: "POST", headers: g.headers, body });

function renamed(e: XmlElement, local: string): XmlElement {
  return { ...e, local };
}

/**
 * The malformed variants of a valid request, in the bastjänst's own protocol:
 * - SOAP: not well-formed XML (the request cut in half), the operation element renamed, an
 *   empty SOAP Body, the operation element without children (no person asked about);
 * - LEFI JSON: not JSON (cut in half), `personnummer` missing, `period` of the wrong type.
 *
 * @example
 * felaktigaBegaranden("soap", { url, headers, body }).map((b) => b.id) // ["ej-valformad", "okant-element", …]
 */
export function felaktigaBegaranden(format: "soap" | "json", g: GiltigBegaran): FelaktigBegaran[] {
  const halva = g.body.slice(0, Math.floor(g.body.length / 2));
  if (format === "json") {
    const fraga = JSON.parse(g.body) as Record<string, unknown>;
    const { personnummer: _utan, ...utanPersonnummer } = fraga;
    return [
      { id: "ej-valformad", beskrivning: "the question cut in half (not JSON)", request: variant(g, halva) },
      {
        id: "saknat-falt",
        beskrivning: "the required field personnummer left out",
        request: variant(g, JSON.stringify(utanPersonnummer)),
      },
      {
        id: "fel-typ",
        beskrivning: "period sent as a string instead of an object",
        request: variant(g, JSON.stringify({ ...fraga, period: "2026" })),
      },
    ];
  }
  const payload = parseSoapEnvelope(g.body).body;
  // Every operation needs at least the person asked about, so an empty one breaks every schema.
  const tomOperation: XmlElement = { ...payload, children: [] };
  const tomBody = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap}"><soap:Body/></soap:Envelope>`;
  return [
    {
      id: "ej-valformad",
      beskrivning: "the request cut in half (not well-formed XML)",
      request: variant(g, halva),
    },
    {
      id: "okant-element",
      beskrivning: `the operation element renamed to ${payload.local}Okand`,
      request: variant(g, soapEnvelope(renamed(payload, `${payload.local}Okand`))),
    },
    { id: "tom-body", beskrivning: "an empty SOAP Body", request: variant(g, tomBody) },
    {
      id: "saknat-falt",
      beskrivning: `${payload.local} without any child (the person asked about left out)`,
      request: variant(g, soapEnvelope(tomOperation)),
    },
  ];
}
