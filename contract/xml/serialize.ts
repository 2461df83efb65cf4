import { BegransatMinne } from "../minne.js";
import type { XmlElement } from "./node.js";

/** Options for {@link serializeXml}. */
export interface SerializeOptions {
  /** Preferred prefix per namespace URI; unknown namespaces get ns1, ns2, … in order of appearance. */
  prefixes?: Readonly<Record<string, string>>;
  /** Emit `<?xml version="1.0" encoding="UTF-8"?>` first. Default false. */
  declaration?: boolean;
  /** Namespaces to declare on the root even if no element uses them (QName values in WSDL/XSD). */
  alwaysDeclare?: readonly string[];
}

// Most text needs no escaping: one test is much cheaper than four replaces (serialization is hot).
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>\r"\n\t]/;

const ENTITET: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#13;",
  '"': "&quot;",
  "\n": "&#10;",
  "\t": "&#9;",
};
const entitet = (c: string): string => ENTITET[c] as string;
const TEXT_SPECIAL_ALL = /[&<>\r]/g;
const ATTR_SPECIAL_ALL = /[&<>\r"\n\t]/g;

/**
 * Long texts (base64 documents of several kB: CSN's and LEFI's answers) are searched with
 * `indexOf`, which scans many characters at a time — 15–20× faster than a regex test over 5 kB;
 * for short texts the one regex test is cheaper than four calls.
 */
const LONG_TEXT = 64;

/** How many texts {@link rememberEscaped} keeps (a composite answer carries one or two documents). */
const REMEMBERED_ESCAPES = 4;
const rememberedTexts: string[] = new Array<string>(REMEMBERED_ESCAPES).fill("");
const rememberedEscapes: string[] = new Array<string>(REMEMBERED_ESCAPES).fill("");
let nextRemembered = 0;

/**
 * Remembers the escaped form of a document carried as text, made by its writer piece by piece
 * while it wrote the document (Skatteverket's svar): {@link escapeText} then answers that very
 * text from memory instead of searching and rebuilding several kB — about a sixth of writing a
 * composite answer. `escaped` must equal what escapeText would give (the writer's tests compare).
 * Only the last few texts are kept, so nothing stays alive for long. Returns `text`.
 *
 * @example
 * const doc = rememberEscaped("<a>1</a>", "&lt;a&gt;1&lt;/a&gt;");
 * escapeText(doc) // "&lt;a&gt;1&lt;/a&gt;", from memory
 */
export function rememberEscaped(text: string, escaped: string): string {
  rememberedTexts[nextRemembered] = text;
  rememberedEscapes[nextRemembered] = escaped;
  nextRemembered = (nextRemembered + 1) % REMEMBERED_ESCAPES;
  return text;
}

// One pass over a short text; a long one (an embedded document, e.g. Skatteverket's svar, escaped
// whole) is searched per character and each one it holds replaced by a split and join: a third
// cheaper than a callback per match (measured on the composite answer's texts).
export function escapeText(s: string): string {
  if (s.length < LONG_TEXT) return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_ALL, entitet) : s;
  for (let i = 0; i < REMEMBERED_ESCAPES; i++)
    if (rememberedTexts[i] === s) return rememberedEscapes[i] as string;
  let out = s;
  // "&" first: the entities written for the others must not be escaped again.
  if (out.indexOf("&") >= 0) out = out.split("&").join("&amp;");
  if (out.indexOf("<") >= 0) out = out.split("<").join("&lt;");
  if (out.indexOf(">") >= 0) out = out.split(">").join("&gt;");
  if (out.indexOf("\r") >= 0) out = out.split("\r").join("&#13;");
  return out;
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(ATTR_SPECIAL_ALL, entitet);
}

/** A CDATA section; a "]]>" inside is split over two sections, as XML requires. */
function cdataSection(s: string): string {
  return `<![CDATA[${s.indexOf("]]>") < 0 ? s : s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** An element's tag texts under one prefix, e.g. "<p:a", "<p:a>", "<p:a/>" and "</p:a>". */
interface Tag {
  readonly open: string;
  readonly start: string;
  readonly empty: string;
  readonly end: string;
}

// Joined, not concatenated: a remembered text is one flat string, not a rope every answer walks.
function tag(qname: string): Tag {
  return {
    open: ["<", qname].join(""),
    start: ["<", qname, ">"].join(""),
    empty: ["<", qname, "/>"].join(""),
    end: ["</", qname, ">"].join(""),
  };
}

/**
 * Tag texts by prefix ("" for none) and local name, remembered across serializations: the same few
 * hundred names are written for every answer, and building each tag anew cost several temporary
 * strings per element.
 */
const TAGS = new BegransatMinne<string, BegransatMinne<string, Tag>>(
  64,
  (prefix) => new BegransatMinne(4096, (local) => tag(prefix ? [prefix, ":", local].join("") : local)),
);

/** Namespace declarations (` xmlns:p="uri"`) by prefix and namespace, remembered like {@link TAGS}. */
const DECLARATIONS = new BegransatMinne<string, BegransatMinne<string, string>>(
  64,
  (prefix) => new BegransatMinne(256, (ns) => [" xmlns:", prefix, '="', escapeAttr(ns), '"'].join("")),
);

/**
 * One serialization's state. Every namespace gets its prefix when first met (document order: an
 * element, then its attributes, then its children); the root's start tag declares them all.
 */
class Writer {
  // String concatenation (V8 ropes) beats an array of parts joined at the end on this hot path
  // (measured again: a join copies every embedded document that a rope only links to).
  out = "";
  decls = "";
  private readonly prefixOf = new Map<string, string>();
  private readonly used = new Set<string>();
  private n = 0;
  /** The namespace of the last tag written, and its tags (a prefix never changes in one serialization). */
  private senasteNs: string | undefined;
  private senasteTaggar: BegransatMinne<string, Tag> | undefined;

  constructor(private readonly preferred: Readonly<Record<string, string>> | undefined) {}

  has(ns: string): boolean {
    return this.prefixOf.has(ns);
  }

  declare(ns: string): string {
    let p = this.preferred?.[ns];
    if (!p || this.used.has(p)) {
      do p = `ns${++this.n}`;
      while (this.used.has(p));
    }
    this.prefixOf.set(ns, p);
    this.used.add(p);
    this.decls += DECLARATIONS.hamta(p).hamta(ns);
    return p;
  }

  tag(ns: string, local: string): Tag {
    // Siblings and children mostly share their namespace: its tags are looked up once per run of it.
    if (ns !== this.senasteNs) {
      this.senasteNs = ns;
      this.senasteTaggar = TAGS.hamta(ns ? (this.prefixOf.get(ns) ?? this.declare(ns)) : "");
    }
    return (this.senasteTaggar as BegransatMinne<string, Tag>).hamta(local);
  }

  attributes(node: XmlElement): string {
    let out = "";
    const { attrs } = node;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i] as XmlElement["attrs"][number];
      const name = a.ns ? `${this.prefixOf.get(a.ns) ?? this.declare(a.ns)}:${a.local}` : a.local;
      out += ` ${name}="${escapeAttr(a.value)}"`;
    }
    return out;
  }

  content(node: XmlElement): void {
    const { children } = node;
    for (let i = 0; i < children.length; i++) {
      const c = children[i] as XmlElement["children"][number];
      if (c.kind === "text") {
        this.out += c.cdata === true ? cdataSection(c.text) : escapeText(c.text);
        continue;
      }
      const t = this.tag(c.ns, c.local);
      const empty = c.children.length === 0;
      if (c.attrs.length === 0) this.out += empty ? t.empty : t.start;
      else {
        const attrs = this.attributes(c);
        this.out += `${t.open}${attrs}${empty ? "/>" : ">"}`;
      }
      if (!empty) {
        this.content(c);
        this.out += t.end;
      }
    }
  }
}

/**
 * Serializes a tree to a string, deterministically: every namespace is declared once on the
 * root, with a prefix (never a default namespace, so unqualified children stay unqualified).
 *
 * @example
 * serializeXml(el("urn:x", "a", ["1"]), { prefixes: { "urn:x": "x" } }) // '<x:a xmlns:x="urn:x">1</x:a>'
 */
export function serializeXml(root: XmlElement, options: SerializeOptions = {}): string {
  const w = new Writer(options.prefixes);
  const t = w.tag(root.ns, root.local);
  const rootAttrs = w.attributes(root);
  w.content(root);
  for (const ns of options.alwaysDeclare ?? []) if (!w.has(ns)) w.declare(ns);
  const start = `${options.declaration ? '<?xml version="1.0" encoding="UTF-8"?>' : ""}${t.open}${w.decls}${rootAttrs}`;
  return root.children.length === 0 ? `${start}/>` : `${start}>${w.out}${t.end}`;
}
