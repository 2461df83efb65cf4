import { post } from "./envelopes.js";
import type { FallKontext, RobusthetsFall } from "./model.js";

/** Cases for a JSON bastjänst (LEFI): the body must be refused with a 4xx, never a crash. */

const JSON_MT = { "Content-Type": "application/json" };

/** A LEFI-shaped question for the context's person, as text. */
function fraga(ctx: FallKontext, personnummer: string = ctx.personidentitet): string {
  return JSON.stringify({
    personnummer,
    period: { from: ctx.period.fromDatum, tom: ctx.period.tomDatum },
    formansinformation: ["FK:BOB"],
  });
}

export const JSON_FALL: readonly RobusthetsFall[] = [
  {
    id: "json-not-json",
    kategori: "json",
    beskrivning: { sv: "XML skickat som application/json", en: "XML sent as application/json" },
    motivering: "Not JSON: 400 from the parser, not a 500 from the code behind it.",
    profiler: ["json"],
    begaran: () => post(`<?xml version="1.0"?><fraga/>`, JSON_MT),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "json-deep-nesting",
    kategori: "json",
    beskrivning: { sv: "JSON nästlad 100 000 nivåer", en: "JSON nested 100 000 levels" },
    motivering: "Recursive validators overflow the stack on it; must be a 4xx.",
    profiler: ["json"],
    begaran: () => post(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`, JSON_MT),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "json-invalid-utf8",
    kategori: "json",
    beskrivning: { sv: "Ogiltiga UTF-8-byte i en JSON-sträng", en: "Invalid UTF-8 bytes in a JSON string" },
    motivering: "RFC 8259 §8.1: JSON is UTF-8; replacing bad bytes would change the question.",
    profiler: ["json"],
    begaran: (ctx) => {
      const [fore, efter] = fraga(ctx, "@@BAD@@").split("@@BAD@@");
      return post(
        Buffer.concat([Buffer.from(fore!), Buffer.from([0x31, 0xc3, 0x28, 0x39]), Buffer.from(efter!)]),
        JSON_MT,
      );
    },
    forvantan: { typ: "avvisas" },
  },
  {
    id: "json-truncated",
    kategori: "json",
    beskrivning: { sv: "Avklippt JSON", en: "Truncated JSON" },
    motivering: "A dropped connection: not JSON, 400.",
    profiler: ["json"],
    begaran: (ctx) => {
      const t = fraga(ctx);
      return post(t.slice(0, Math.floor(t.length / 2)), JSON_MT);
    },
    forvantan: { typ: "avvisas" },
  },
];
