import { HarnessError } from "../errors.js";

/** The encodings a SOAP message may use (WS-I Basic Profile R1012: UTF-8 or UTF-16). */
export type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be";

const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^utf(\d)/, "utf-$1");
}

function fail(message: string): never {
  throw new HarnessError("XML_ENCODING", message);
}

/** The encoding named by a byte order mark, and the mark's length. */
function sniff(b: Uint8Array): { encoding: XmlEncoding; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  // XML 1.0 §4.3.3: UTF-16 must start with a byte order mark; `<?` in UTF-16 without one is refused
  // rather than guessed, so a mislabelled body never turns into different characters.
  if ((b[0] === 0x3c && b[1] === 0x00) || (b[0] === 0x00 && b[1] === 0x3c))
    fail("The body looks like UTF-16 without a byte order mark: send UTF-8 (or UTF-16 with a BOM).");
  return { encoding: "utf-8", bom: 0 };
}

/**
 * One strict decoder per encoding, made when first needed: a decode without `stream` keeps no
 * state between calls, and making a decoder per document was a visible cost of every request.
 */
const DECODERS = new Map<XmlEncoding, TextDecoder>();

function decoderFor(encoding: XmlEncoding): TextDecoder {
  let d = DECODERS.get(encoding);
  if (!d) {
    d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    DECODERS.set(encoding, d);
  }
  return d;
}

/**
 * Decodes the bytes of an XML document strictly: the byte order mark decides between UTF-8 and
 * UTF-16, invalid byte sequences are refused (never replaced by U+FFFD), and the encoding named in
 * the XML declaration and in the HTTP `charset` parameter must agree with the bytes (XML 1.0
 * §4.3.3 calls a mismatch a fatal error). Throws a HarnessError `XML_ENCODING` saying what to send.
 *
 * @example
 * decodeXmlBytes(new TextEncoder().encode("<a/>")) // "<a/>"
 * decodeXmlBytes(bytes, "utf-8") // charset from the Content-Type header
 */
export function decodeXmlBytes(bytes: Uint8Array, charset?: string): string {
  const { encoding, bom } = sniff(bytes);
  if (charset !== undefined) {
    const c = normalize(charset);
    const agrees = c === encoding || (c === "utf-16" && encoding !== "utf-8");
    if (!agrees)
      fail(
        `Content-Type says charset=${charset.slice(0, 40)} but the body is ${encoding.toUpperCase()}: make them agree (UTF-8 is preferred).`,
      );
  }
  let text: string;
  try {
    text = decoderFor(encoding).decode(bytes.subarray(bom));
  } catch {
    fail(
      `The body is not valid ${encoding.toUpperCase()}: it holds bytes that are no character. Send well-formed UTF-8.`,
    );
  }
  const declared = DECLARED_ENCODING.exec(text)?.[1];
  if (declared !== undefined) {
    const d = normalize(declared);
    const agrees = d === encoding || (d === "utf-16" && encoding !== "utf-8");
    if (!agrees)
      fail(
        `The XML declaration says encoding="${declared.slice(0, 40)}" but the body is ${encoding.toUpperCase()}: ` +
          "declare the encoding the bytes are in (UTF-8 or UTF-16).",
      );
  }
  return text;
}
