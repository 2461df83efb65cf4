import { kodverk } from "../../fixtures/kodverk/index.js";
import { HarnessError } from "../errors.js";
import { maskera, maskeraPersonnummerLika } from "../personidentitet.js";
import { parseSoapEnvelope } from "../soap/envelope.js";
import type { BastjanstKod } from "../ssbt/model.js";
import type { XmlElement } from "../xml/node.js";
import { parseXml } from "../xml/parse.js";
import { KORSREGLER, nodText } from "./korsregler.js";
import type {
  EvaluationContext,
  Faltregel,
  Faltregeltabell,
  Finding,
  JsonValue,
  Korsregel,
} from "./model.js";
import {
  childNames,
  commonPrefix,
  count,
  type Nod,
  parentPath,
  type Segment,
  segments,
  step,
} from "./navigering.js";
import { hamtaTabell } from "./tabeller.js";
import { harKorrektKontrollsiffra, jsonTypfel, trimsWhitespace, typfel } from "./typer.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const PAYLOAD = new Set(["base64Xml", "base64Json", "xmlString"]);
const MAX_VARDE = 80;

/** A message to evaluate: an XML tree or text (a SOAP envelope is unwrapped), or JSON (value or text). */
export type Meddelande = XmlElement | string | JsonValue;

/**
 * The rule id reported for a broken aspect of a row: `<id>.<aspekt>`, or the id itself when it
 * already names that aspect (`CSN.arendeidentitet.maxLength`).
 *
 * @example
 * regelId({ id: "SSBT.personidentitet", … }, "typ") // "SSBT.personidentitet.typ"
 */
export function regelId(row: Pick<Faltregel, "id">, aspekt: string): string {
  return row.id.endsWith(`.${aspekt}`) ? row.id : `${row.id}.${aspekt}`;
}

/**
 * Masks a value for a finding: personidentitet-like values keep only the birth date; long values are cut.
 *
 * @example
 * maskeraVarde("199608239829", false) // "19960823-****"
 */
export function maskeraVarde(value: string, personlig: boolean): string {
  const t = value.trim();
  if (personlig) return maskera(t);
  // The one rule of every report: personnummer-like values masked, an organisationsnummer kept.
  const m = maskeraPersonnummerLika(value);
  return m.length > MAX_VARDE ? `${m.slice(0, MAX_VARDE)}…` : m;
}

function isXmlElement(m: unknown): m is XmlElement {
  return typeof m === "object" && m !== null && (m as { kind?: unknown }).kind === "element" && "local" in m;
}

/** Parses XML text; a SOAP envelope gives its Body's child. */
function xmlRoot(text: string): XmlElement {
  const root = parseXml(text);
  return root.local === "Envelope" ? parseSoapEnvelope(text).body : root;
}

/** What the engine needs to know about a table's shape, computed once per table. */
interface TabellIndex {
  /** The first row of each path (it alone checks the path's cardinality). */
  forsta: Map<string, Faltregel>;
  /** The payload row (path continues inside) of a path. */
  payload: Map<string, Faltregel>;
  /** The child segments each path has rows for. */
  barn: Map<string, Pick<Segment, "name" | "attribute">[]>;
  /** The paths whose unknown children are reported. */
  stangda: string[];
}

const index = new WeakMap<Faltregeltabell, TabellIndex>();

function indexFor(t: Faltregeltabell): TabellIndex {
  let i = index.get(t);
  if (i) return i;
  i = { forsta: new Map(), payload: new Map(), barn: new Map(), stangda: [] };
  for (const row of t.falt) {
    if (!i.forsta.has(row.path)) i.forsta.set(row.path, row);
    if (PAYLOAD.has(row.typ) && !row.meddelande && !i.payload.has(row.path)) i.payload.set(row.path, row);
    const p = parentPath(row.path);
    const seg = segments(row.path).at(-1)!;
    const list = i.barn.get(p) ?? [];
    if (!list.some((x) => x.name === seg.name && x.attribute === seg.attribute)) list.push(seg);
    i.barn.set(p, list);
  }
  if (t.format === "xml") {
    i.barn.set("", [{ name: t.rot ?? "", attribute: false }]);
    if (!t.rotOppen) i.stangda.push(`/${t.rot}`);
  } else i.stangda.push("");
  for (const row of t.falt)
    if ((row.typ === "complex" || (PAYLOAD.has(row.typ) && !row.meddelande)) && !row.oppen)
      i.stangda.push(row.path);
  index.set(t, i);
  return i;
}

class Utvardering {
  readonly findings: Finding[] = [];
  private readonly cache = new Map<string, Nod[]>();
  private readonly decoded = new Map<string, Nod | null>();
  private readonly forsta: Map<string, Faltregel>;
  private readonly payload: Map<string, Faltregel>;
  private readonly index: TabellIndex;

  constructor(
    private readonly tabell: Faltregeltabell,
    private readonly start: Nod,
    private readonly context: EvaluationContext,
    private readonly tabeller: (id: string) => Faltregeltabell,
  ) {
    this.index = indexFor(tabell);
    this.forsta = this.index.forsta;
    this.payload = this.index.payload;
  }

  private add(
    rule: string,
    path: string,
    value: string | undefined,
    message: string,
    personlig = false,
  ): void {
    const f: Finding = { rule, path, message };
    if (value !== undefined) f.value = maskeraVarde(value, personlig);
    this.findings.push(f);
  }

  /** A payload node decoded (document or JSON), the node itself when it is no payload, null when unreadable. */
  private genom(pattern: string, nod: Nod): Nod | null {
    const row = this.payload.get(pattern);
    if (!row) return nod;
    if (this.decoded.has(nod.path)) return this.decoded.get(nod.path)!;
    const d = dekoda(row, nod);
    this.decoded.set(nod.path, d);
    return d;
  }

  /** Every node of a table path below `from` (whose table path is `fromPattern`). */
  below(from: Nod, fromPattern: string, pattern: string): Nod[] {
    const segs = segments(pattern).slice(segments(fromPattern).length);
    let current: Nod[] = [from];
    let p = fromPattern;
    for (const seg of segs) {
      const next: Nod[] = [];
      for (const n of current) {
        const g = this.genom(p, n);
        if (g) next.push(...step(g, seg));
      }
      p = `${p}/${seg.attribute ? "@" : ""}${seg.name}${seg.repeated ? "[]" : ""}`;
      current = next;
    }
    return current;
  }

  resolve(pattern: string): Nod[] {
    let r = this.cache.get(pattern);
    if (!r) {
      if (pattern === "") r = [this.start];
      else {
        const pp = parentPath(pattern);
        const seg = segments(pattern).at(-1)!;
        r = [];
        for (const n of this.resolve(pp)) {
          const g = this.genom(pp, n);
          if (g) r.push(...step(g, seg));
        }
      }
      this.cache.set(pattern, r);
    }
    return r;
  }

  private inkluderad(kod: string): boolean {
    if (this.tabell.inkluderadVia) {
      const n = this.resolve(this.tabell.inkluderadVia.replace("{kod}", kod))[0];
      const v = nodText(n);
      return v === "true" || v === "1";
    }
    const f = this.context.fraga;
    if (!f)
      throw new HarnessError(
        "FALTREGEL_KONTEXT",
        `Table ${this.tabell.id} has rules for ${kod} only: pass context.fraga so the engine knows whether ${kod} is included.`,
      );
    return f.specifikaFrageparametrar[kod as BastjanstKod]?.inkludera === true;
  }

  private galler(r: { bastjanst?: string }): boolean {
    return r.bastjanst === undefined || this.inkluderad(r.bastjanst);
  }

  run(): void {
    const t = this.tabell;
    if (t.format === "xml") {
      const roots = this.resolve(`/${t.rot}`);
      if (roots.length === 0) {
        const s = this.start;
        const found = s.kind === "dokument" ? s.root.local : "?";
        this.add(`${t.id}.rot`, s.path || "/", found, `the root element must be ${t.rot}, not ${found}`);
        return;
      }
    }
    for (const row of t.falt) if (this.galler(row)) this.rad(row);
    if (t.okantFalt) this.okanda(t.okantFalt);
    for (const k of t.korsregler) if (this.galler(k)) this.korsregel(k);
  }

  private rad(row: Faltregel): void {
    const segs = segments(row.path);
    const seg = segs.at(-1)!;
    const pp = parentPath(row.path);
    if (this.forsta.get(row.path) === row) {
      for (const parent of this.resolve(pp)) {
        const g = this.genom(pp, parent);
        if (!g) continue;
        const where = `${g.path}/${seg.attribute ? "@" : ""}${seg.name}`;
        if (g.kind === "json" && typeof g.value === "object" && g.value !== null && !Array.isArray(g.value)) {
          const v = g.value[seg.name];
          if (v !== undefined && v !== null && seg.repeated !== Array.isArray(v)) {
            this.add(
              regelId(row, "typ"),
              where,
              undefined,
              seg.repeated ? "must be an array" : "must not be an array",
            );
            continue;
          }
        }
        const c = count(g, seg);
        if (c < row.min)
          this.add(
            regelId(row, "min"),
            where,
            undefined,
            row.min === 1
              ? `required ${seg.attribute ? "attribute" : "field"} ${seg.name} is missing`
              : `at least ${row.min} ${seg.name} required, found ${c}`,
          );
        if (row.max !== "unbounded" && c > row.max)
          this.add(
            regelId(row, "max"),
            where,
            undefined,
            `at most ${row.max} ${seg.name} allowed, found ${c}`,
          );
      }
    }
    for (const nod of this.resolve(row.path)) this.varde(row, nod);
  }

  private varde(row: Faltregel, nod: Nod): void {
    const personlig = row.typ === "personidentitet" || row.kontrollsiffra === true;
    if (row.typ === "complex" || row.typ === "xml") {
      if (nod.kind === "json") {
        const fel = jsonTypfel("complex", nod.value);
        if (fel) this.add(regelId(row, "typ"), nod.path, undefined, fel);
      }
      if (row.typ === "xml" && row.meddelande && nod.kind === "element") {
        const nested = this.tabeller(row.meddelande);
        const root: XmlElement = { ...nod.el, local: nested.rot ?? nod.el.local };
        this.nested(nested, { kind: "dokument", root, path: parentPath(nod.path) || "", rootPath: nod.path });
      }
      return;
    }
    if (row.typ === "empty") {
      if (
        nod.kind === "element" &&
        (nod.el.children.some((c) => c.kind === "element") || nodText(nod) !== "")
      )
        this.add(regelId(row, "typ"), nod.path, undefined, "must be empty");
      return;
    }
    let raw: string;
    if (nod.kind === "element") {
      if (nod.el.children.some((c) => c.kind === "element")) {
        this.add(regelId(row, "typ"), nod.path, undefined, "must contain text only");
        return;
      }
      const nil = nod.el.attrs.find((a) => a.ns === XSI && a.local === "nil")?.value;
      if (nil === "true" || nil === "1") {
        if (!row.nillable) this.add(regelId(row, "typ"), nod.path, undefined, "must not be nil");
        return;
      }
      raw = nod.el.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
    } else if (nod.kind === "attribut") raw = nod.value;
    else if (nod.kind === "json") {
      const fel = jsonTypfel(row.typ, nod.value);
      if (fel) {
        this.add(regelId(row, "typ"), nod.path, JSON.stringify(nod.value), fel, personlig);
        return;
      }
      raw = String(nod.value);
    } else return;
    const value = trimsWhitespace(row.typ) ? raw.trim() : raw;
    const fel = faltfel(row, value);
    for (const f of fel) this.add(regelId(row, f.aspekt), nod.path, value, f.message, personlig);
    if (fel.length > 0) return;
    if (PAYLOAD.has(row.typ) && row.meddelande) {
      const d = dekoda(row, nod);
      if (d) this.nested(this.tabeller(row.meddelande), d);
    }
  }

  private nested(tabell: Faltregeltabell, start: Nod): void {
    const u = new Utvardering(tabell, start, this.context, this.tabeller);
    u.run();
    this.findings.push(...u.findings);
  }

  private okanda(rule: string): void {
    for (const p of this.index.stangda) {
      const known = this.index.barn.get(p) ?? [];
      for (const n of this.resolve(p)) {
        const g = this.genom(p, n);
        if (!g) continue;
        const { elements, attributes } = childNames(g);
        for (const name of new Set(elements))
          if (!known.some((s) => !s.attribute && s.name === name))
            this.add(
              rule,
              `${g.path}/${name}`,
              undefined,
              `${name} is not a field of ${this.tabell.id} at ${p || "/"}`,
            );
        for (const name of new Set(attributes))
          if (!known.some((s) => s.attribute && s.name === name))
            this.add(
              rule,
              `${g.path}/@${name}`,
              undefined,
              `attribute ${name} is not a field of ${this.tabell.id} at ${p || "/"}`,
            );
      }
    }
  }

  private korsregel(k: Korsregel): void {
    const impl = KORSREGLER[k.regel];
    if (!impl)
      throw new HarnessError(
        "FALTREGEL_OKAND_REGEL",
        `Cross-field rule ${k.id} names the unknown implementation "${k.regel}": use one of ${Object.keys(KORSREGLER).join(", ")}.`,
        { rule: k.id },
      );
    // A rule on one field runs on its parent, so that a missing field is seen too.
    const gemensam = commonPrefix(k.paths);
    const prefix = k.paths.includes(gemensam) ? parentPath(gemensam) : gemensam;
    for (const instans of this.resolve(prefix)) {
      const noder = k.paths.map((p) => this.below(instans, prefix, p));
      for (const b of impl({ regel: k, instans, noder, context: this.context })) {
        const f: Finding = { rule: k.id, path: b.path, message: b.message };
        if (b.value !== undefined) f.value = maskeraVarde(b.value, false);
        this.findings.push(f);
      }
    }
  }
}

const regexar = new Map<string, RegExp>();

/** The anchored regular expression of a row's `format`, compiled once. */
function formatRegex(format: string): RegExp {
  let re = regexar.get(format);
  if (!re) {
    re = new RegExp(`^(?:${format})$`, "u");
    regexar.set(format, re);
  }
  return re;
}

/**
 * What is wrong with one leaf value (as text, whitespace already collapsed for non-string
 * types) against its row: each broken aspect with a message. A type error hides the rest.
 *
 * @example
 * faltfel({ id: "X", path: "/a/b", typ: "date", min: 1, max: 1, beskrivning: "", kalla: "" }, "2026-02-30")
 * // [{ aspekt: "typ", message: "is not a real date (YYYY-MM-DD)" }]
 */
export function faltfel(row: Faltregel, value: string): { aspekt: string; message: string }[] {
  const typ = typfel(row.typ, value);
  // A payload that cannot be read is a problem of its content, whatever the outer type says.
  if (typ) return [{ aspekt: PAYLOAD.has(row.typ) ? "innehall" : "typ", message: typ }];
  const out: { aspekt: string; message: string }[] = [];
  if (row.format !== undefined && !formatRegex(row.format).test(value))
    out.push({ aspekt: "format", message: `does not match the format ${row.format}` });
  const len = [...value].length;
  if (row.minLength !== undefined && len < row.minLength)
    out.push({ aspekt: "minLength", message: `must be at least ${row.minLength} characters, was ${len}` });
  if (row.maxLength !== undefined && len > row.maxLength)
    out.push({ aspekt: "maxLength", message: `must be at most ${row.maxLength} characters, was ${len}` });
  if (row.kodverk !== undefined && !kodverk(row.kodverk).koder.some((k) => k.kod === value))
    out.push({ aspekt: "kodverk", message: `is not a code of kodverk ${row.kodverk}` });
  if (row.varden !== undefined && !row.varden.includes(value))
    out.push({
      aspekt: "varden",
      message: `must be one of ${row.varden.map((v) => JSON.stringify(v)).join(", ")}`,
    });
  if (row.minVarde !== undefined && Number(value) < row.minVarde)
    out.push({ aspekt: "minVarde", message: `must be at least ${row.minVarde}` });
  if (row.maxVarde !== undefined && Number(value) > row.maxVarde)
    out.push({ aspekt: "maxVarde", message: `must be at most ${row.maxVarde}` });
  if (row.kontrollsiffra && !harKorrektKontrollsiffra(value))
    out.push({
      aspekt: "kontrollsiffra",
      message: "is not a checksum-valid personnummer or samordningsnummer",
    });
  if (PAYLOAD.has(row.typ) && !dekodaText(row, value))
    out.push({ aspekt: "innehall", message: payloadFel(row) });
  return out;
}

function payloadFel(row: Faltregel): string {
  if (row.typ === "base64Json") return "is not base64 of a JSON document";
  if (row.typ === "base64Xml") return "is not base64 of a well-formed XML document";
  return "is not a well-formed XML document";
}

/** Decodes a payload text into a document (XML) or JSON node at `path`, or null when it cannot be read. */
function dekodaText(row: Faltregel, text: string, path = ""): Nod | null {
  try {
    if (row.typ === "xmlString") return { kind: "dokument", root: parseXml(text), path };
    const bytes = Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
    if (row.typ === "base64Xml") return { kind: "dokument", root: parseXml(bytes), path };
    return { kind: "json", value: JSON.parse(bytes) as JsonValue, path };
  } catch {
    return null;
  }
}

/** Decodes a payload node into a document (XML) or JSON node with the same path, or null. */
function dekoda(row: Faltregel, nod: Nod): Nod | null {
  return dekodaText(row, nodText(nod) ?? "", nod.path);
}

function startNod(tabell: Faltregeltabell, message: Meddelande): Nod | Finding {
  if (tabell.format === "xml") {
    if (isXmlElement(message)) return { kind: "dokument", root: message, path: "" };
    if (typeof message === "string") {
      try {
        return { kind: "dokument", root: xmlRoot(message), path: "" };
      } catch (e) {
        return {
          rule: `${tabell.id}.xml`,
          path: "/",
          message: `the message is not well-formed XML: ${(e as Error).message}`,
        };
      }
    }
    throw new HarnessError(
      "FALTREGEL_MEDDELANDE",
      `Table ${tabell.id} evaluates XML: pass an XmlElement or XML text.`,
    );
  }
  if (isXmlElement(message))
    throw new HarnessError(
      "FALTREGEL_MEDDELANDE",
      `Table ${tabell.id} evaluates JSON: pass a parsed value or JSON text.`,
    );
  if (typeof message === "string") {
    try {
      return { kind: "json", value: JSON.parse(message) as JsonValue, path: "" };
    } catch {
      return { rule: `${tabell.id}.json`, path: "/", message: "the message is not valid JSON" };
    }
  }
  return { kind: "json", value: message, path: "" };
}

/**
 * Evaluates a table that is not (or not yet) in fixtures/faltregler, e.g. in tests. `tabeller`
 * resolves the tables named by `meddelande` (default: the fixtures).
 *
 * @example
 * evaluateTabell(minTabell, "<a><b>x</b></a>", { now: new Date() })
 */
export function evaluateTabell(
  tabell: Faltregeltabell,
  message: Meddelande,
  context: EvaluationContext,
  tabeller: (id: string) => Faltregeltabell = hamtaTabell,
): Finding[] {
  const start = startNod(tabell, message);
  if (!("kind" in start)) return [start];
  const u = new Utvardering(tabell, start, context, tabeller);
  u.run();
  return u.findings;
}

/**
 * Evaluates one message against its field-rule table (fixtures/faltregler/<tableId>.json):
 * every field's cardinality, type, format, length, code list and every cross-field rule.
 * Inner payloads (CSN base64 XML, LEFI base64 JSON, SKV XML text, the sections of the composite
 * answer) are evaluated by their own tables, their findings' paths continuing the outer path.
 * Personal values are masked. Unknown table id or cross-field rule → HarnessError.
 *
 * @example
 * evaluate("ssbt-fraga", encodeFraga(fraga), { now: new Date() })
 * // [{ rule: "CSN.arendeidentitet.maxLength", path: "/hamtaBastjanstInformation/generellaFrageparametrar/arendeidentitet", value: "ARENDE-…", message: "must be at most 31 characters, was 40" }]
 */
export function evaluate(tableId: string, message: Meddelande, context: EvaluationContext): Finding[] {
  return evaluateTabell(hamtaTabell(tableId), message, context);
}
