import { INGA_ATTR, INGA_BARN, type XmlAttr, type XmlElement, type XmlNode } from "./node.js";
import type { XmlLimits } from "./parse.js";

/**
 * A fast path for {@link parseXml}: a single-pass reader for the plain XML our contracts consist
 * of (an optional XML declaration, elements, attributes, text, the five predefined entities and
 * character references). It gives up (returns undefined) on anything else or anything doubtful —
 * DOCTYPE, comments, CDATA, processing instructions, carriage returns, non-ASCII names, characters
 * outside the Basic Multilingual Plane, unbound prefixes, a limit reached, any error — and then
 * saxes parses the document as before, so every refusal and its message stay saxes's own. When it
 * does return a tree, it is the tree saxes would have produced (checked by differential tests).
 *
 * Why: every composite answer parses about sixteen documents (the question, and each bastjänst's
 * request and answer), and saxes's character-by-character state machine was the largest single
 * cost of the chain.
 *
 * @example
 * parseXmlFast('<a xmlns="urn:x"><b>1</b></a>')?.ns // "urn:x"
 * parseXmlFast("<!DOCTYPE a><a/>") // undefined (saxes decides)
 */
export function parseXmlFast(text: string, limits: XmlLimits = {}): XmlElement | undefined {
  const root = readPlain(text, limits);
  // A document given up on may leave children on the shared stack: let them go.
  if (root === undefined) OPEN.kids.fill(undefined);
  return root;
}

function readPlain(text: string, limits: XmlLimits): XmlElement | undefined {
  // Only characters XML 1.0 allows literally and that need no line-end or surrogate handling.
  if (SUSPECT_CHAR.test(text)) return undefined;
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 200_000;
  const maxAttributes = limits.maxAttributes ?? 256;
  const n = text.length;
  let i = 0;
  if (text.startsWith("<?")) {
    DECLARATION.lastIndex = 0;
    const m = DECLARATION.exec(text);
    if (m?.[2] !== "1.0") return undefined;
    i = m[0].length;
  }

  const { qnames, nss, locals, attrLists, kids, scopes } = OPEN;
  let depth = 0;
  let scope: ReadonlyMap<string, string> = ROOT_SCOPE;
  let root: XmlElement | undefined;
  let elements = 0;

  while (i < n) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (depth > 0) {
        const t = decodeText(text, i, end);
        if (t === undefined) return undefined;
        addChild(kids, depth, { kind: "text", text: t });
      } else if (!WHITESPACE_ONLY.test(text.slice(i, end))) return undefined;
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === SLASH) {
      // End tag.
      if (depth === 0) return undefined;
      const top = --depth;
      const qname = qnames[top] as string;
      // A slice compared is cheaper than startsWith at a position (measured).
      if (text.slice(lt + 2, lt + 2 + qname.length) !== qname) return undefined;
      let j = lt + 2 + qname.length;
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== GT) return undefined;
      i = j + 1;
      const done: XmlElement = {
        kind: "element",
        ns: nss[top] as string,
        local: locals[top] as string,
        attrs: attrLists[top] as readonly XmlAttr[],
        children: kids[top] ?? INGA_BARN,
      };
      kids[top] = undefined;
      if (depth > 0) {
        addChild(kids, depth, done);
        scope = scopes[depth - 1] as ReadonlyMap<string, string>;
      } else {
        root = done;
        scope = ROOT_SCOPE;
      }
      continue;
    }
    // Start tag. Anything else after "<" ("!", "?") is left to saxes; so is a second root.
    if (root) return undefined;
    let j = nameEnd(text, lt + 1);
    if (j < 0) return undefined;
    const qname = text.slice(lt + 1, j);
    if (++elements > maxElements || depth + 1 > maxDepth) return undefined;
    // Attribute names and values in order, while the tag is read (most tags have none).
    let raw: string[] | undefined;
    let declared: Map<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      const spaced = isSpace(text.charCodeAt(j));
      while (isSpace(text.charCodeAt(j))) j++;
      const ch = text.charCodeAt(j);
      if (ch === GT) {
        j++;
        break;
      }
      if (ch === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) return undefined;
        j += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) return undefined;
      const anStart = j;
      j = nameEnd(text, j);
      if (j < 0) return undefined;
      const aq = text.slice(anStart, j);
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return undefined;
      j++;
      while (isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== QUOT && quote !== APOS) return undefined;
      const close = text.indexOf(quote === QUOT ? '"' : "'", j + 1);
      if (close < 0) return undefined;
      const value = decodeAttr(text, j + 1, close);
      if (value === undefined) return undefined;
      j = close + 1;
      raw ??= [];
      if (raw.length / 2 + 1 > maxAttributes) return undefined;
      for (let k = 0; k < raw.length; k += 2) if (raw[k] === aq) return undefined;
      if (aq === "xmlns" || aq.startsWith("xmlns:")) {
        const prefix = aq === "xmlns" ? "" : aq.slice(6);
        if (!bindable(prefix, value)) return undefined;
        declared ??= new Map(scope);
        declared.set(prefix, value);
      }
      raw.push(aq, value);
    }
    const elScope = declared ?? scope;
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    // An unbound prefix is an error; the xml prefix on an element is legal but rare: saxes decides both.
    const ns = elScope.get(prefix);
    if ((ns === undefined && prefix !== "") || prefix === "xml") return undefined;
    const attrs = raw === undefined ? INGA_ATTR : resolveAttributes(raw, elScope);
    if (attrs === undefined) return undefined;
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    if (selfClosing) {
      const done: XmlElement = { kind: "element", ns: ns ?? "", local, attrs, children: INGA_BARN };
      if (depth > 0) addChild(kids, depth, done);
      else root = done;
    } else {
      qnames[depth] = qname;
      nss[depth] = ns ?? "";
      locals[depth] = local;
      attrLists[depth] = attrs;
      kids[depth] = undefined;
      scopes[depth] = elScope;
      depth++;
      scope = elScope;
    }
    i = j;
  }
  if (depth > 0 || !root) return undefined;
  return root;
}

/** Adds a child to the innermost open element (`depth` > 0). */
function addChild(kids: (XmlNode[] | undefined)[], depth: number, node: XmlNode): void {
  const list = kids[depth - 1];
  if (list) list.push(node);
  else kids[depth - 1] = [node];
}

/**
 * The attributes of a start tag (`raw`: name, value, name, value, …) with their namespaces
 * resolved and namespace declarations left out; undefined when saxes should judge them (an unbound
 * prefix, the same expanded name twice).
 */
function resolveAttributes(
  raw: readonly string[],
  scope: ReadonlyMap<string, string>,
): XmlAttr[] | undefined {
  const attrs: XmlAttr[] = [];
  for (let k = 0; k < raw.length; k += 2) {
    const qname = raw[k] as string;
    const value = raw[k + 1] as string;
    if (qname === "xmlns" || qname.startsWith("xmlns:")) continue;
    const ac = qname.indexOf(":");
    if (ac < 0) {
      attrs.push({ ns: "", local: qname, value });
      continue;
    }
    const ans = scope.get(qname.slice(0, ac));
    if (ans === undefined) return undefined;
    const local = qname.slice(ac + 1);
    for (const a of attrs) if (a.ns === ans && a.local === local) return undefined;
    attrs.push({ ns: ans, local, value });
  }
  return attrs;
}

/**
 * The open elements, as parallel stacks indexed by depth (no frame object per element): the start
 * tag's name (for the end tag), namespace, local name, attributes, children so far (undefined until
 * the first; a literal of one is allocated at its exact size) and prefix → namespace in scope
 * (shared with the parent when the element declares none). Shared by every parse — a parse calls
 * nothing that could start another — so a document costs no stack of its own; an entry is written
 * before it is read.
 */
const OPEN = {
  qnames: [] as string[],
  nss: [] as string[],
  locals: [] as string[],
  attrLists: [] as (readonly XmlAttr[])[],
  kids: [] as (XmlNode[] | undefined)[],
  scopes: [] as ReadonlyMap<string, string>[],
};

const SLASH = 0x2f;
const GT = 0x3e;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([["xml", XML_NS]]);

/** Anything but tab, line feed and U+0020–U+D7FF / U+E000–U+FFFD: let saxes judge it. */
const SUSPECT_CHAR = /[^\t\n\u0020-\uD7FF\uE000-\uFFFD]/;
const WHITESPACE_ONLY = /^[ \t\n]*$/;
/** A-Z, a-z or "_": how an ASCII name (and a name after its prefix's colon) starts. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/** A name start, a digit, "." or "-". */
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

/**
 * Where the name starting at `i` ends — ASCII names only, at most one colon, not starting or
 * ending with it (a colon not followed by a name start ends the name before it) — or -1 when no
 * name starts there. Scanned by hand: a sticky regex allocated a match per tag.
 */
function nameEnd(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return -1;
  let j = i + 1;
  while (isNameChar(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 0x3a && isNameStart(text.charCodeAt(j + 1))) {
    j += 2;
    while (isNameChar(text.charCodeAt(j))) j++;
  }
  return j;
}
const DECLARATION =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])([^"']*)\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\4)?[ \t\n]*\?>/y;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

/** A namespace declaration saxes accepts without comment: no reserved prefix or URI, no empty prefixed one. */
function bindable(prefix: string, uri: string): boolean {
  if (prefix === "xml" || prefix === "xmlns") return false;
  if (uri === XML_NS || uri === XMLNS_NS) return false;
  return prefix === "" || uri !== "";
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

/** Text between markup with entities resolved; undefined when saxes should judge it. */
function decodeText(text: string, from: number, to: number): string | undefined {
  const s = text.slice(from, to);
  if (s.includes("]]>")) return undefined;
  return s.indexOf("&") < 0 ? s : decodeEntities(s);
}

/** An attribute value with entities resolved; undefined when saxes should judge it. */
function decodeAttr(text: string, from: number, to: number): string | undefined {
  const s = text.slice(from, to);
  // "<" is an error; a literal tab or line feed would be normalised to a space by saxes.
  if (/[<\t\n]/.test(s)) return undefined;
  return s.indexOf("&") < 0 ? s : decodeEntities(s);
}

function decodeEntities(s: string): string | undefined {
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) return undefined;
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 0x23) {
      const hex = name.charCodeAt(1) === 0x78;
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
      const code = Number.parseInt(digits, hex ? 16 : 10);
      // Characters XML allows, within the BMP (the rest is left to saxes).
      const ok =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd);
      if (!ok) return undefined;
      ch = String.fromCharCode(code);
    } else ch = ENTITIES[name];
    if (ch === undefined) return undefined;
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}
