import { describe, expect, it } from "vitest";
import { HarnessError } from "./errors.js";
import { parseHttpUrl } from "./http-url.js";

describe("parseHttpUrl", () => {
  it("returns the parsed URL for http and https", () => {
    expect(parseHttpUrl("http://127.0.0.1:8080/ssbtek", "The URL", "bad").pathname).toBe("/ssbtek");
    expect(parseHttpUrl("https://ssbt.test/x?y=1", "The URL", "bad").search).toBe("?y=1");
  });

  it("throws BAD_OPTION with the caller's message for text that is no URL", () => {
    const e = (() => {
      try {
        parseHttpUrl(
          "not a url",
          "The URL",
          'Invalid URL "not a url": pass e.g. http://127.0.0.1:8080/ssbtek.',
        );
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(HarnessError);
    expect(e).toMatchObject({
      code: "BAD_OPTION",
      message: 'Invalid URL "not a url": pass e.g. http://127.0.0.1:8080/ssbtek.',
    });
  });

  it("names the option and the scheme for a URL that is not http(s)", () => {
    expect(() => parseHttpUrl("ftp://csn.test/x", "The --url", "bad")).toThrow(
      "The --url must be http(s), not ftp:",
    );
  });
});
