export type { XmlAttr, XmlContent, XmlElement, XmlNode, XmlText } from "./node.js";
export { attr, childElements, el, findChild, leaf, textOf } from "./node.js";
export { parseXml, type XmlLimits } from "./parse.js";
export { leafText, requiredAttr, SequenceReader } from "./reader.js";
export { escapeAttr, escapeText, type SerializeOptions, serializeXml } from "./serialize.js";
