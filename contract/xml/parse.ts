import { SaxesParser } from "saxes";
import { HarnessError } from "../errors.js";
import type { XmlElement, XmlNode } from "./node.js";

/** Limits that keep hostile input cheap to reject. */
export interface XmlLimits {
  /** Deepest element nesting accepted. Default 64. */
  maxDepth?: number;
  /** Most elements accepted in one document. Default 200 000. */
  maxElements?: number;
}

interface Building {
  ns: string;
  local: string;
  attrs: { ns: string; local: string; value: string }[];
  children: XmlNode[];
}

/**
 * Parses a namespace-aware XML document into a tree. DTDs are refused outright (no entity
 * expansion, no external entities); only the five predefined entities and character references
 * are understood.
 *
 * @example
 * const root = parseXml('<a xmlns="urn:x"><b>1</b></a>'); // root.ns === "urn:x"
 */
export function parseXml(text: string, limits: XmlLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 200_000;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let failure: HarnessError | undefined;

  const fail = (code: string, message: string): never => {
    throw new HarnessError(code, message);
  };

  parser.on("doctype", () => fail("XML_DTD_FORBIDDEN", "XML must not contain a DOCTYPE (DTDs and entities are refused)."));
  parser.on("error", (err) => {
    failure ??= new HarnessError("XML_MALFORMED", `XML is not well-formed: ${err.message}`);
    throw failure;
  });
  parser.on("opentag", (tag) => {
    count++;
    if (count > maxElements) fail("XML_TOO_LARGE", `XML has more than ${maxElements} elements.`);
    if (stack.length + 1 > maxDepth) fail("XML_TOO_DEEP", `XML nesting is deeper than ${maxDepth} levels.`);
    const attrs: Building["attrs"] = [];
    for (const a of Object.values(tag.attributes)) {
      if (typeof a === "string") continue;
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs.push({ ns: a.uri ?? "", local: a.local ?? a.name, value: a.value });
    }
    stack.push({ ns: tag.uri ?? "", local: tag.local ?? tag.name, attrs, children: [] });
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push({ kind: "text", text: t });
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push({ kind: "text", text: t });
  });
  parser.on("closetag", () => {
    const b = stack.pop();
    if (!b) return;
    const done: XmlElement = { kind: "element", ns: b.ns, local: b.local, attrs: b.attrs, children: b.children };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(done);
    else root = done;
  });

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    throw new HarnessError("XML_MALFORMED", `XML is not well-formed: ${(e as Error).message}`);
  }
  if (!root) throw new HarnessError("XML_MALFORMED", "XML has no root element.");
  return root;
}
