import { SaxesParser } from "saxes";
import { HarnessError } from "../errors.js";
import { parseXmlFast } from "./fast-parse.js";
import type { XmlElement, XmlNode } from "./node.js";

/** Limits that keep hostile input cheap to reject. */
export interface XmlLimits {
  /** Deepest element nesting accepted. Default 64. */
  maxDepth?: number;
  /** Most elements accepted in one document. Default 200 000. */
  maxElements?: number;
  /**
   * Most attributes (namespace declarations included) on one element. Default 256: no contract
   * needs more than a handful, and an attribute flood is refused while the tag is still being read.
   */
  maxAttributes?: number;
  /** Refuse processing instructions (SOAP 1.1 §3 forbids them in a message). Default false. */
  refuseProcessingInstructions?: boolean;
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
 * are understood. Plain documents take a fast path ({@link parseXmlFast}); everything else, and
 * every refusal, goes through saxes ({@link parseXmlWithSaxes}).
 *
 * @example
 * const root = parseXml('<a xmlns="urn:x"><b>1</b></a>'); // root.ns === "urn:x"
 */
export function parseXml(text: string, limits: XmlLimits = {}): XmlElement {
  return parseXmlFast(text, limits) ?? parseXmlWithSaxes(text, limits);
}

/**
 * {@link parseXml} on saxes alone: the reference the fast path is tested against.
 *
 * @example
 * parseXmlWithSaxes("<a/>").local // "a"
 */
export function parseXmlWithSaxes(text: string, limits: XmlLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 64;
  const maxElements = limits.maxElements ?? 200_000;
  const maxAttributes = limits.maxAttributes ?? 256;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let attributes = 0;
  let failure: HarnessError | undefined;

  const fail = (code: string, message: string): never => {
    throw new HarnessError(code, message);
  };

  parser.on("doctype", () =>
    fail("XML_DTD_FORBIDDEN", "XML must not contain a DOCTYPE (DTDs and entities are refused)."),
  );
  // XML 1.1 admits control characters (&#1;) that our XML 1.0 contracts and serializer cannot carry.
  parser.on("xmldecl", (d) => {
    if (d.version !== undefined && d.version !== "1.0")
      fail("XML_VERSION", `XML version ${d.version} is not accepted: send an XML 1.0 document.`);
  });
  parser.on("processinginstruction", (pi) => {
    if (limits.refuseProcessingInstructions)
      fail(
        "XML_PROCESSING_INSTRUCTION",
        `XML must not contain processing instructions (found <?${pi.target.slice(0, 40)} …?>).`,
      );
  });
  // Counted as each attribute is read, so a flood is refused before the whole tag is buffered.
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > maxAttributes)
      fail("XML_TOO_LARGE", `An XML element has more than ${maxAttributes} attributes.`);
  });
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
    // Kept as CDATA so a document passed on (SKV's svar) keeps the producer's lexical form.
    if (top) top.children.push({ kind: "text", text: t, cdata: true });
  });
  parser.on("closetag", () => {
    const b = stack.pop();
    if (!b) return;
    const done: XmlElement = {
      kind: "element",
      ns: b.ns,
      local: b.local,
      attrs: b.attrs,
      children: b.children,
    };
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
