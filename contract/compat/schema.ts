/**
 * A contract as a comparable description: one `KontraktDel` per namespace (the composite's
 * schema, each authority's schema, the LEFI JSON schemas), each flattened into the paths a
 * message can take from its root elements. Built from XSD text (ours, generated from the model,
 * or the official files) and from OpenAPI documents; compared by `diff.ts`.
 */

/** Who sends a message: the question goes from consumer to producer, the answer back. */
export type Riktning = "fraga" | "svar";

/** Which contract a namespace belongs to: the composite (`SSBT`) or a bastjänst. */
export type DelGrupp = "SSBT" | "AF" | "CSN" | "FK" | "SKV" | "SO" | "TNS" | "MIV" | "ANNAN";

/** The restrictions of a simple value: base type and facets. */
export interface Varde {
  /** The built-in base type, e.g. `xsd:string`, `xsd:date`, `json:integer`. */
  bas: string;
  /** The named type, `{ns}local`, when the value has one. */
  namn?: string;
  pattern?: string[];
  enumeration?: string[];
  minLength?: number;
  maxLength?: number;
  length?: number;
  minInclusive?: string;
  maxInclusive?: string;
  /** JSON `format` (date, date-time, …). */
  format?: string;
}

/** One place in a message: an element, an attribute, a wildcard or a JSON property. */
export interface Nod {
  /** Root-relative path of local names, e.g. `hamtaBastjanstInformationResponse/svarsdata/SKV/data`. */
  path: string;
  slag: "element" | "attribut" | "any" | "egenskap";
  riktning: Riktning;
  /** Namespace of the element (qualified) or "" (unqualified, attributes). */
  ns: string;
  /** Effective minimum: 0 when the node sits in a choice or an optional group. */
  min: number;
  /** Effective maximum (Infinity = unbounded). */
  max: number;
  /** The value type of a leaf, or undefined for a structure. */
  varde?: Varde;
  /** `{ns}local` of a complex type in ANOTHER namespace: described in that namespace's part. */
  referens?: string;
  /** Wildcards: the namespaces they admit (`##any`, `##other`, or a list). */
  wildcard?: string;
}

/** The flattened description of one namespace of a contract. */
export interface KontraktDel {
  grupp: DelGrupp;
  namespace: string;
  /** Where it came from (file or "model"). */
  kalla: string;
  /** Root elements with the direction of their message. */
  rotter: Record<string, Riktning>;
  noder: Map<string, Nod>;
}

/** A whole contract: every namespace part, plus the namespaces its composite service still answers in. */
export interface KontraktBeskrivning {
  /** A name for reports: `v10`, `v11`, `utkast`, or a file path. */
  namn: string;
  delar: KontraktDel[];
  /**
   * Composite namespaces the service accepts and answers in besides its own (a draft built on
   * ssbt/11 that still answers ssbt/11 requests as ssbt/11): a namespace change is then not
   * breaking for the consumers of those namespaces.
   */
  accepterar: string[];
  /**
   * Where a root element of an extension namespace is carried in another part: root name →
   * path of the wildcard (`SvarMeddelande/Svar/*`). Known for our model; guessed for files.
   */
  placering?: Record<string, string>;
}

const GRUPPER: readonly [RegExp, DelGrupp][] = [
  [/schema\.forsakringskassan\.se\/integration\/ssbt\//, "SSBT"],
  [/arbetsformedlingen\.se/, "AF"],
  [/csn\.se|\/csn\//i, "CSN"],
  [/lefi|forsakringskassan\.se\/schema\/lefi/i, "FK"],
  [/rsv\.se|skatteverket/i, "SKV"],
  [/UBPService|akassor/i, "SO"],
  [/transportstyrelsen/, "TNS"],
  [/migrationsverket/, "MIV"],
];

/**
 * The contract a namespace belongs to, from its URI.
 *
 * @example
 * gruppFor("http://api.arbetsformedlingen.se/arbetssokande/ersattningsstod/v2") // "AF"
 */
export function gruppFor(ns: string): DelGrupp {
  return GRUPPER.find(([re]) => re.test(ns))?.[1] ?? "ANNAN";
}

/**
 * The direction of a root element's message, from its name: answers, responses and faults go
 * to the consumer, everything else is a question.
 *
 * @example
 * riktningFor("hamtaBastjanstInformationResponse") // "svar"
 */
export function riktningFor(namn: string): Riktning {
  return /response|svar|fault|resultat/i.test(namn) ? "svar" : "fraga";
}

/** `{ns}local`. */
export const qn = (ns: string, local: string): string => `{${ns}}${local}`;

/** Readable `min..max` of a node. */
export function forekomst(n: Pick<Nod, "min" | "max">): string {
  return `${n.min}..${n.max === Number.POSITIVE_INFINITY ? "*" : n.max}`;
}

/** One line description of a value type, e.g. `xsd:token pattern [0-9]{12}`. */
export function vardeText(v: Varde | undefined): string {
  if (!v) return "";
  const f: string[] = [v.bas];
  if (v.format) f.push(`format ${v.format}`);
  if (v.length !== undefined) f.push(`length ${v.length}`);
  if (v.minLength !== undefined) f.push(`minLength ${v.minLength}`);
  if (v.maxLength !== undefined) f.push(`maxLength ${v.maxLength}`);
  if (v.minInclusive !== undefined) f.push(`min ${v.minInclusive}`);
  if (v.maxInclusive !== undefined) f.push(`max ${v.maxInclusive}`);
  for (const p of v.pattern ?? []) f.push(`pattern ${p}`);
  if (v.enumeration) f.push(`enum ${v.enumeration.join("|")}`);
  return f.join(" ");
}
