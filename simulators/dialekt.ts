/**
 * Dialects of the simulated bastjänster. `strict` (the default) answers exactly as the official
 * schemas describe; `observed` answers in the shapes real producers are known to send — found in
 * the reference client traffic — so a vendor can test that its parser copes with production, not
 * only with the schema. Each authority folder owns its observed variant in `dialekt.ts` (the same
 * shape in every folder): the list of observed forms as data, and the function that turns a strict
 * answer into an observed one. docs/dialects.md and the tests are derived from those lists.
 */
import { HarnessError } from "../contract/errors.js";
import { svenskTidszon } from "../contract/kalender.js";
import type { BastjanstKod } from "../contract/ssbt/model.js";
import type { XmlElement, XmlNode } from "../contract/xml/node.js";

/** The dialects, default first. */
export const DIALEKTER = ["strict", "observed"] as const;

/** `strict`: as the official schemas say. `observed`: as real producers are seen to answer. */
export type Dialekt = (typeof DIALEKTER)[number];

/**
 * Checks a dialect name, with a message that says what to do.
 *
 * @example
 * parseDialekt("observed") // "observed"
 * parseDialekt("loose") // throws BAD_OPTION: Unknown dialect "loose": pass --dialect strict or observed.
 */
export function parseDialekt(v: unknown): Dialekt {
  if (typeof v === "string" && (DIALEKTER as readonly string[]).includes(v)) return v as Dialekt;
  throw new HarnessError(
    "BAD_OPTION",
    `Unknown dialect "${String(v).slice(0, 40)}": pass --dialect ${DIALEKTER.join(" or ")}.`,
  );
}

/**
 * One shape a real producer sends that our strict simulator does not: what it is, where it was
 * seen, and what the official schema says about it.
 */
export interface ObserveradForm {
  /** Stable id, `<KOD>.<shape>`, e.g. "AF.datum-med-tidszon". */
  id: string;
  /** What the producer does, in one or two sentences (English, for docs/dialects.md). */
  beskrivning: string;
  /** Where it was seen: file(s) below `ssbtek-v10/client-traffic/` of the reference set. */
  sedd: readonly string[];
  /** A short snippet of the shape as seen (a few characters, never a whole answer). */
  exempel: string;
  /**
   * Recognises the shape in an answer as serialised (the SOAP Body payload, CSN's document): how a
   * test, or a vendor, tells an observed answer from a strict one.
   */
  kannetecken: RegExp;
  /**
   * Whether the authority's official schema allows it: `allowed` (valid, only unusual),
   * `violates` (the answer no longer validates) or `unverifiable` (the governing schema is not
   * published, e.g. CSN's Sambruk import).
   */
  schema: "allowed" | "violates" | "unverifiable";
  /**
   * The libxml2 messages the deviation causes when the answer is validated against the official
   * schema (only for `violates`): each error of an observed answer must match one of these.
   */
  schemafel?: readonly RegExp[];
  /** Why it matters to a parser, and what the composite service does with it (passes it on or not). */
  sammansatt: string;
}

/** A shape in the reference traffic that the observed dialect does NOT reproduce, and why. */
export interface EjAtergiven {
  beskrivning: string;
  sedd: readonly string[];
  varfor: string;
}

/** An authority's observed dialect: its forms as data and the function that applies them. */
export interface ObserveradDialekt {
  kod: BastjanstKod;
  former: readonly ObserveradForm[];
  ejAtergivna: readonly EjAtergiven[];
  /**
   * Turns the strict answer payload (the SOAP Body element) into the observed one. Pure and
   * deterministic: the same strict answer gives the same observed bytes. Identity for an
   * authority without observed forms.
   */
  tillampa(svar: XmlElement): XmlElement;
}

/**
 * A copy of `e` where `f` rewrites any element (deepest first). Elements `f` leaves alone are
 * rebuilt only when a descendant changed.
 *
 * @example
 * skrivOm(svar, (x) => (x.local === "From" ? { ...x, children: [...] } : x))
 */
export function skrivOm(e: XmlElement, f: (e: XmlElement) => XmlElement): XmlElement {
  let changed = false;
  const children: XmlNode[] = e.children.map((c) => {
    if (c.kind !== "element") return c;
    const n = skrivOm(c, f);
    if (n !== c) changed = true;
    return n;
  });
  return f(changed ? { ...e, children } : e);
}

/**
 * A leaf whose text is an `xsd:date` without a time zone, written with Sweden's offset on that
 * day (`2016-11-18` → `2016-11-18+01:00`): what a producer serialising a zoned calendar sends.
 * Anything else is returned as is.
 */
export function medTidszon(e: XmlElement): XmlElement {
  if (e.children.length !== 1) return e;
  const t = e.children[0]!;
  if (t.kind !== "text" || !/^\d{4}-\d{2}-\d{2}$/.test(t.text)) return e;
  return { ...e, children: [{ kind: "text", text: `${t.text}${svenskTidszon(t.text)}` }] };
}

/** Where the observed shapes were found, relative to the reference folder. */
export const REFERENS_TRAFIK = "ssbtek-v10/client-traffic";

/** The line of docs/dialects.md after which the page is written from the data. */
export const DIALEKT_DOK_MARKOR =
  "<!-- GENERATED by `npm run docs:dialects` from simulators/*/dialekt.ts: do not edit below. -->";

const cell = (s: string) => s.replace(/\|/g, "\\|");
const filer = (sedd: readonly string[]) => sedd.map((s) => `\`${s}\``).join(", ");

/**
 * The section of docs/dialects.md for one authority, written from its data: a table of the
 * observed forms, then the shapes seen but not reproduced. The docs test checks the page carries
 * exactly this text, so the page cannot drift from the code.
 *
 * @example
 * dialektDokumentation(SIMULATORER.AF.dialekt!, "Arbetsförmedlingen") // "## AF (Arbetsförmedlingen)\n\n| form | …"
 */
export function dialektDokumentation(d: ObserveradDialekt, namn: string): string {
  const rader = [`## ${d.kod} (${namn})`, ""];
  if (d.former.length === 0) rader.push("No observed form: the strict answer is what production sends.");
  else {
    rader.push(
      "| form | what the producer sends | seen in | example | official schema | SSBT and the consumer |",
      "|---|---|---|---|---|---|",
    );
    for (const f of d.former)
      rader.push(
        `| \`${f.id}\` | ${cell(f.beskrivning)} | ${filer(f.sedd)} | \`${cell(f.exempel)}\` | **${f.schema}** | ${cell(f.sammansatt)} |`,
      );
  }
  if (d.ejAtergivna.length > 0) {
    rader.push("", "Also in the reference traffic, and why the observed dialect does not add it:", "");
    for (const e of d.ejAtergivna) rader.push(`- ${e.beskrivning} (${filer(e.sedd)}). ${e.varfor}`);
  }
  return `${rader.join("\n")}\n`;
}
