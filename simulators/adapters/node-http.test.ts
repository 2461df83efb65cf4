import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestTarget, requestTargetByUrl as viaUrl } from "./node-http.js";

// Every character the fast path accepts, and the ones that make URL escape or rewrite a target.
const TEGN = [
  ..."abzAZ09-._~!$&()*+,;=:@/?",
  ..."%#'\"<>{}`\\ |^[]",
  "\t",
  "\n",
  "é",
  "%2e",
  "%2F",
  "/.",
  "/..",
  "//",
];

describe("requestTarget", () => {
  it("reads the usual targets as they are", () => {
    expect(requestTarget("/ssbtek")).toEqual({ path: "/ssbtek", query: "" });
    expect(requestTarget("/ssbtek?wsdl")).toEqual({ path: "/ssbtek", query: "wsdl" });
    expect(requestTarget("/__admin/faults?a=1&b=2?c")).toEqual({
      path: "/__admin/faults",
      query: "a=1&b=2?c",
    });
  });

  it("normalises what URL normalises and refuses what is no target", () => {
    expect(requestTarget("/a/../ssbtek")).toEqual({ path: "/ssbtek", query: "" });
    expect(requestTarget("/a/./b")).toEqual({ path: "/a/b", query: "" });
    expect(requestTarget("/a b?c d")).toEqual({ path: "/a%20b", query: "c%20d" });
    expect(requestTarget("/q?it's")).toEqual({ path: "/q", query: "it%27s" });
    expect(requestTarget("/a#frag")).toEqual({ path: "/a", query: "" });
    expect(requestTarget("//other/ssbtek")).toEqual({ path: "/ssbtek", query: "" });
    expect(requestTarget("http://other/x/../ssbtek?y")).toEqual({ path: "/ssbtek", query: "y" });
    expect(requestTarget("*")).toBeUndefined();
  });

  it("gives exactly what URL gives, for any target", () => {
    const target = fc.array(fc.constantFrom(...TEGN), { maxLength: 24 }).map((delar) => `/${delar.join("")}`);
    fc.assert(
      fc.property(target, (t) => {
        expect(requestTarget(t)).toEqual(viaUrl(t));
      }),
      { numRuns: 3000 },
    );
  });
});
