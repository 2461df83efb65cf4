import { describe, expect, it } from "vitest";
import { decodeXmlBytes } from "./decode.js";

const DOC = '<?xml version="1.0" encoding="UTF-8"?><a>Hälsingborg</a>';
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe("decodeXmlBytes", () => {
  it("decodes UTF-8 with and without a BOM, and drops the BOM", () => {
    expect(decodeXmlBytes(Buffer.from(DOC))).toBe(DOC);
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DOC)]))).toBe(DOC);
  });

  it("decodes UTF-16 (LE and BE) with a BOM when the declaration says UTF-16", () => {
    const doc = DOC.replace("UTF-8", "UTF-16");
    expect(decodeXmlBytes(utf16le(doc))).toBe(doc);
    expect(decodeXmlBytes(utf16be(doc), "utf-16")).toBe(doc);
  });

  it("refuses invalid and overlong UTF-8 instead of replacing it with U+FFFD", () => {
    expect(() => decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]))).toThrow(
      /not valid UTF-8/,
    );
    expect(() => decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xc0, 0xbc, 0x3c, 0x2f, 0x61, 0x3e]))).toThrow(
      /not valid UTF-8/,
    );
  });

  it("refuses a declaration, BOM or charset that disagrees with the bytes", () => {
    expect(() => decodeXmlBytes(Buffer.from(DOC.replace("UTF-8", "UTF-16")))).toThrow(
      /says encoding="UTF-16"/,
    );
    expect(() => decodeXmlBytes(Buffer.from(DOC.replace("UTF-8", "ISO-8859-1")))).toThrow(/ISO-8859-1/);
    expect(() => decodeXmlBytes(utf16le(DOC))).toThrow(/says encoding="UTF-8" but the body is UTF-16LE/);
    expect(() => decodeXmlBytes(Buffer.from(DOC), "utf-16")).toThrow(/charset=utf-16 but the body is UTF-8/);
    expect(() => decodeXmlBytes(Buffer.from(DOC, "utf16le"))).toThrow(/UTF-16 without a byte order mark/);
  });

  it("raises a HarnessError with code XML_ENCODING", () => {
    try {
      decodeXmlBytes(Buffer.from([0xff, 0x41]));
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe("XML_ENCODING");
    }
  });
});
