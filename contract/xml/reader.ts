import { ContractViolation } from "../errors.js";
import { attr, textOf, type XmlElement } from "./node.js";
import { isXsdDate, readDate } from "./xsd-types.js";

/**
 * Reads the children of an element in schema order, the way an `xsd:sequence` is defined:
 * call `one`/`optional`/`many` in order, then `end()`. Anything out of place is a
 * {@link ContractViolation} naming the path.
 *
 * @example
 * const r = new SequenceReader(tidsperiodEl, "/fraga/tidsperiod");
 * const from = r.text(NS, "fromDatum"); const tom = r.text(NS, "tomDatum"); r.end();
 */
export class SequenceReader {
  private readonly items: readonly XmlElement[];
  private pos = 0;

  constructor(
    readonly element: XmlElement,
    readonly path: string,
    /** Namespaces whose elements may be skipped at the end (`xs:any`). */
    private readonly allowTrailingAny = false,
  ) {
    let texts = 0;
    for (const c of element.children) {
      if (c.kind === "element") continue;
      texts++;
      if (c.text.trim() !== "")
        throw new ContractViolation(
          "xml.mixedContent",
          path,
          `unexpected text "${c.text.trim().slice(0, 40)}"`,
        );
    }
    // Most elements hold no whitespace between their children: read the list itself, not a copy.
    this.items =
      texts === 0
        ? (element.children as readonly XmlElement[])
        : element.children.filter((c): c is XmlElement => c.kind === "element");
  }

  private peek(ns: string, local: string): XmlElement | undefined {
    const next = this.items[this.pos];
    return next && next.ns === ns && next.local === local ? next : undefined;
  }

  /** True when the next element is `{ns}local`. */
  has(ns: string, local: string): boolean {
    return this.peek(ns, local) !== undefined;
  }

  /** Exactly one `{ns}local` must come next. */
  one(ns: string, local: string): XmlElement {
    const e = this.peek(ns, local);
    if (!e) {
      const next = this.items[this.pos];
      throw new ContractViolation(
        "xml.required",
        `${this.path}/${local}`,
        next ? `expected element ${local} but found ${next.local}` : `required element ${local} is missing`,
      );
    }
    this.pos++;
    return e;
  }

  /** Zero or one `{ns}local`. */
  optional(ns: string, local: string): XmlElement | undefined {
    const e = this.peek(ns, local);
    if (e) this.pos++;
    return e;
  }

  /** Zero or more `{ns}local`, at least `min`. */
  many(ns: string, local: string, min = 0, max = Number.POSITIVE_INFINITY): XmlElement[] {
    const out: XmlElement[] = [];
    for (let e = this.peek(ns, local); e; e = this.peek(ns, local)) {
      out.push(e);
      this.pos++;
    }
    if (out.length < min)
      throw new ContractViolation(
        "xml.minOccurs",
        `${this.path}/${local}`,
        `at least ${min} ${local} required`,
      );
    if (out.length > max)
      throw new ContractViolation(
        "xml.maxOccurs",
        `${this.path}/${local}`,
        `at most ${max} ${local} allowed`,
      );
    return out;
  }

  /** Text of a required leaf. */
  text(ns: string, local: string): string {
    return this.leaf(this.one(ns, local), local);
  }

  /** Text of an optional leaf. */
  optionalText(ns: string, local: string): string | undefined {
    const e = this.optional(ns, local);
    return e ? this.leaf(e, local) : undefined;
  }

  /**
   * Text of a required leaf holding an `xsd:date`, trimmed ({@link readDate}; the path is written
   * only for a refused date).
   */
  date(ns: string, local: string): string {
    const t = this.text(ns, local).trim();
    return isXsdDate(t) ? t : readDate(t, `${this.path}/${local}`);
  }

  /** {@link leafText}, with the path written only when it is refused (leaves are read by the hundred). */
  private leaf(e: XmlElement, local: string): string {
    for (const c of e.children) if (c.kind === "element") return leafText(e, `${this.path}/${local}`);
    return textOf(e);
  }

  /** Nothing may follow (unless trailing `xs:any` is allowed). */
  end(): void {
    const next = this.items[this.pos];
    if (next && !this.allowTrailingAny)
      throw new ContractViolation(
        "xml.unexpected",
        `${this.path}/${next.local}`,
        `unexpected element ${next.local}`,
      );
  }
}

/** Text of an element that must have no child elements. */
export function leafText(e: XmlElement, path: string): string {
  if (e.children.some((c) => c.kind === "element"))
    throw new ContractViolation("xml.simpleContent", path, "element must contain text only");
  return textOf(e);
}

/** A required attribute. */
export function requiredAttr(e: XmlElement, name: string, path: string): string {
  const v = attr(e, name);
  if (v === undefined)
    throw new ContractViolation("xml.attribute", `${path}/@${name}`, `attribute ${name} is required`);
  return v;
}
