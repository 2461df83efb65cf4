import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBase64 } from "./xsd-types.js";

/** The xsd:base64Binary shape (whitespace removed) as a regex: the reference the quick check must agree with. */
const REFERENS = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe("isBase64", () => {
  it("agrees with the base64 regex on random strings over a tricky alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."AZaz09+/=é -\u0000"), maxLength: 14 }), (s) => {
        expect(isBase64(s)).toBe(REFERENS.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts what Buffer encodes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(isBase64(Buffer.from(bytes).toString("base64"))).toBe(true);
      }),
    );
  });
});
