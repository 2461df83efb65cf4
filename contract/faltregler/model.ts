/**
 * The field-rule tables (fältregeltabeller) as TypeScript types. The tables themselves are data in
 * `fixtures/faltregler/*.json`, one file per message; `docs/faltregler/` is generated from them.
 *
 * Paths address XML by local names from the message root (namespaces ignored), attributes as
 * `@name`, and JSON by keys. `[]` marks a repeated element or a JSON array:
 * `/hamtaBastjanstInformation/generellaFrageparametrar/personuppgiftsbitrade[]/organisationsnummer`.
 * A field whose `typ` is a payload (`base64Xml`, `base64Json`, `xmlString`) is decoded, and the
 * path goes on inside it (an XML payload continues with its root's local name, a JSON payload
 * with its keys), unless the row names another table in `meddelande`: then the payload is
 * evaluated as its own message by that table.
 */

/** The value types a field can have. */
export const FALT_TYPER = [
  /** Any text (XML) or a JSON string. */
  "string",
  /** `xsd:date` (YYYY-MM-DD, optional time zone, a real day); in JSON a string of that form. */
  "date",
  /** `xsd:dateTime` with a real day and time. */
  "dateTime",
  /** A date written `YYYYMMDD` (CSN), a real day. */
  "datum8",
  /** `xsd:int` (32 bits); in JSON an integer number. */
  "int",
  /** `xsd:short`. */
  "short",
  /** `xsd:long` / any integer; in JSON an integer number. */
  "long",
  /** `xsd:decimal`; in JSON any number. */
  "decimal",
  /** `xsd:boolean` (true/false/1/0); in JSON a boolean. */
  "boolean",
  /** `xsd:base64Binary`. */
  "base64",
  /** 12 digits YYYYMMDDNNNC (personnummer or samordningsnummer), whitespace collapsed as `xsd:token`. */
  "personidentitet",
  /** 12 digits matching `\d{4}[2-9]\d{7}`, whitespace collapsed as `xsd:token`. */
  "organisationsnummer",
  /** An element with child elements (XML) or a JSON object. Only its cardinality is checked. */
  "complex",
  /** An element that must be empty (no text, no children), e.g. `<AF inkludera="false"/>`. */
  "empty",
  /** base64 of an XML document; the path continues inside it (or `meddelande` evaluates it). */
  "base64Xml",
  /** base64 of a JSON document; the path continues inside it (or `meddelande` evaluates it). */
  "base64Json",
  /** An XML document carried as text; the path continues inside it (or `meddelande` evaluates it). */
  "xmlString",
  /** An element whose children are another table's message (`meddelande`), e.g. a section's `data`. */
  "xml",
] as const;

export type FaltTyp = (typeof FALT_TYPER)[number];

/** What the composite service does when a request breaks the rule. */
export type VidBrott =
  /**
   * The whole request is rejected with a SOAP Fault with felkod `fault` (`SSBT_FELKOD`), or
   * `saknas` when the field is missing (a missing element is a schema error).
   */
  | { fault: string; saknas?: string }
  /** Only the named bastjänst's section becomes an `error` with this kalla (and felkod, when known). */
  | { bastjanst: string; kalla: "SSBT" | "BT"; felkod?: string };

/** One row of a table: one field (or one extra rule on a field). */
export interface Faltregel {
  /**
   * The field id (`SSBT.personidentitet`) or, for a row that carries exactly one rule, the rule
   * id (`CSN.arendeidentitet.maxLength`). A broken aspect is reported as `<id>.<aspekt>`
   * (`SSBT.personidentitet.typ`), or as the id itself when the id already ends with the aspect.
   */
  id: string;
  path: string;
  typ: FaltTyp;
  /** A regular expression the whole value must match (anchored by the engine). */
  format?: string;
  /** Least occurrences per parent. */
  min: number;
  /** Most occurrences per parent. */
  max: number | "unbounded";
  /** Id of a kodverk in fixtures/kodverk whose codes are the allowed values. */
  kodverk?: string;
  /** Allowed values listed in the contract itself (an XSD enumeration). */
  varden?: string[];
  minLength?: number;
  maxLength?: number;
  /** Inclusive bounds of a number. */
  minVarde?: number;
  maxVarde?: number;
  /** The element may be `xsi:nil="true"` (then it is empty and its type is not checked). */
  nillable?: boolean;
  /** The value must be a checksum-valid personnummer or samordningsnummer. */
  kontrollsiffra?: boolean;
  /** A complex field that allows elements or keys the table does not list (`xs:any`). */
  oppen?: boolean;
  /** For payload types: the table that evaluates the payload as its own message. */
  meddelande?: string;
  /** The row applies only when the question includes this bastjänst (request-side rules). */
  bastjanst?: string;
  /** Request tables: the composite service's reaction to a broken value. */
  vidBrott?: VidBrott;
  /** Swedish description. */
  beskrivning: string;
  /** Where the rule comes from (XSD, DOMAIN.md, CSN's description …). */
  kalla: string;
}

/** A rule across fields, implemented in code by name (see `contract/faltregler/korsregler.ts`). */
export interface Korsregel {
  id: string;
  /** Name of the implementation, e.g. `fromDatumLeTomDatum`. */
  regel: string;
  /**
   * Absolute paths of the fields involved. The rule runs once per instance of their longest
   * common prefix (so a rule on `…/Utbetalningar[]/AvserFrom` and `…/Utbetalningar[]/AvserTom`
   * runs once per payment).
   */
  paths: string[];
  params?: Record<string, unknown>;
  bastjanst?: string;
  vidBrott?: VidBrott;
  beskrivning: string;
  kalla: string;
}

/** One table: the fields and cross-field rules of one message. */
export interface Faltregeltabell {
  /** File name without `.json`, e.g. `csn-svar`. */
  id: string;
  titel: string;
  format: "xml" | "json";
  /** Local name of the root element (XML); absent for JSON. */
  rot?: string;
  beskrivning: string;
  kalla: string;
  /**
   * Rule id reported for an element or key the table does not list (XML or JSON), or absent
   * when the contract allows anything extra (`xs:any`).
   */
  okantFalt?: string;
  /** The root element allows elements the table does not list (`xs:any` at the root's end). */
  rotOppen?: boolean;
  /**
   * Path template of the `inkludera` attribute of a bastjänst in this message (`{kod}` is
   * replaced), for rows with `bastjanst`. Only the ssbt question has one.
   */
  inkluderadVia?: string;
  /**
   * The table this one is derived from (the same message in the previous contract version), when
   * it was written as changes to it (see {@link HarleddFaltregeltabell}); absent for a table
   * written out in full.
   */
  grund?: string;
  falt: Faltregel[];
  korsregler: Korsregel[];
}

/**
 * A table written as the changes from another table (`grund`): the same message in the next
 * contract version (ssbt/11's question and answer are ssbt/10's except Skatteverket). It is
 * resolved into a full {@link Faltregeltabell} when loaded, so that a rule added to the base
 * reaches every version:
 * - the base's rows and cross-field rules, in order, except those whose id is in `utan`;
 * - a row (or cross-field rule) of this table with a base id replaces that one in place; a row
 *   with a new id goes right after the row listed before it here (at the end when it is first);
 * - `kallaErsatt` rewrites the citations of inherited rows (`ssbt/10 XSD` → `ssbt/11 XSD`);
 * - the table's own keys (`id`, `titel`, `kalla` …) are its own; absent ones are the base's.
 */
export interface HarleddFaltregeltabell extends Partial<Omit<Faltregeltabell, "grund">> {
  id: string;
  grund: string;
  /** Ids of the base's rows and cross-field rules that this version does not have. */
  utan?: string[];
  /** Substring → replacement in the `kalla` of every inherited row and cross-field rule. */
  kallaErsatt?: Record<string, string>;
  falt: Faltregel[];
  korsregler: Korsregel[];
}

/** One broken rule in one message. */
export interface Finding {
  /** The rule id, e.g. `CSN.arendeidentitet.maxLength`. */
  rule: string;
  /** The concrete path, 1-based indices: `/…/personuppgiftsbitrade[2]/organisationsnummer`. */
  path: string;
  /** The value found (masked when it is or looks like a personidentitet), or undefined when missing. */
  value?: string;
  message: string;
}

/** What the rules may need besides the message. */
export interface EvaluationContext {
  /** The clock (CSN's date window is relative to today). */
  now: Date;
  /**
   * The composite question the message answers (answer tables: the asked period and person,
   * the included sections). Rules that need it throw a HarnessError when it is missing.
   */
  fraga?: import("../ssbt/model.js").SsbtFraga;
}

/** A parsed JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
