import { describe, expect, it } from "vitest";
import { HarnessError } from "../errors.js";
import { NS } from "../namespaces.js";
import { parseSoapEnvelope, soapFaultcodeFor } from "./envelope.js";
import { readSoapRequest, soapHttpStatus } from "./http-binding.js";

const env = (body: string, header?: string) =>
  `<s:Envelope xmlns:s="${NS.soap}">${header === undefined ? "" : `<s:Header>${header}</s:Header>`}<s:Body>${body}</s:Body></s:Envelope>`;
const OP = '<x:op xmlns:x="urn:x"/>';
const block = (attrs: string) => `<h:Security xmlns:h="urn:h" ${attrs}/>`;

function felAv(fn: () => unknown): HarnessError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HarnessError) return e;
    throw e;
  }
  throw new Error("expected a HarnessError");
}

describe("parseSoapEnvelope: SOAP 1.1 processing rules", () => {
  it("refuses a mustUnderstand header block meant for us with faultcode MustUnderstand", () => {
    const e = felAv(() => parseSoapEnvelope(env(OP, block('s:mustUnderstand="1"'))));
    expect(e.code).toBe("SOAP_MUST_UNDERSTAND");
    expect(soapFaultcodeFor(e)).toBe("MustUnderstand");
    expect(e.message).toMatch(/\{urn:h\}Security has mustUnderstand="1"/);
    expect(() =>
      parseSoapEnvelope(
        env(OP, block('s:mustUnderstand="1" s:actor="http://schemas.xmlsoap.org/soap/actor/next"')),
      ),
    ).toThrow(/mustUnderstand/);
  });

  it("ignores optional blocks, blocks for another actor, and blocks the receiver understands", () => {
    expect(parseSoapEnvelope(env(OP, block('s:mustUnderstand="0"'))).body.local).toBe("op");
    expect(
      parseSoapEnvelope(env(OP, block('s:mustUnderstand="1" s:actor="urn:someone-else"'))).body.local,
    ).toBe("op");
    const understands = (b: { ns: string; local: string }) => b.ns === "urn:h" && b.local === "Security";
    expect(parseSoapEnvelope(env(OP, block('s:mustUnderstand="1"')), { understands }).body.local).toBe("op");
    expect(() => parseSoapEnvelope(env(OP, block('s:mustUnderstand="ja"')))).toThrow(/must be "0" or "1"/);
  });

  it("answers a foreign Envelope namespace with VersionMismatch, other errors as Client", () => {
    const v = felAv(() =>
      parseSoapEnvelope(`<e:Envelope xmlns:e="${NS.soap12}"><e:Body>${OP}</e:Body></e:Envelope>`),
    );
    expect([v.code, soapFaultcodeFor(v)]).toEqual(["SOAP_VERSION_MISMATCH", "VersionMismatch"]);
    expect(soapFaultcodeFor(felAv(() => parseSoapEnvelope(env(""))))).toBe("Client");
    expect(soapFaultcodeFor(new Error("bug"))).toBe("Server");
  });

  it("refuses processing instructions (SOAP 1.1 §3)", () => {
    expect(() => parseSoapEnvelope(`<?xml version="1.0"?><?pi x?>${env(OP)}`)).toThrow(
      /processing instructions/,
    );
  });
});

const req = (
  body: BodyInit,
  headers: Record<string, string> = { "Content-Type": "text/xml; charset=utf-8" },
) => new Request("http://x/ssbtek", { method: "POST", headers, body });

describe("readSoapRequest", () => {
  it("reads UTF-8 SOAP with text/xml, application/xml or no Content-Type", async () => {
    expect(await readSoapRequest(req(env(OP)))).toBe(env(OP));
    expect(await readSoapRequest(req(env(OP), { "Content-Type": "application/xml" }))).toBe(env(OP));
    // A string body would get text/plain from fetch's Request; bytes get no Content-Type at all.
    expect(await readSoapRequest(req(new TextEncoder().encode(env(OP)), {}))).toBe(env(OP));
  });

  it("refuses other media types and charsets with 415", async () => {
    for (const ct of [
      "application/soap+xml",
      "application/json",
      "text/html",
      "multipart/related; boundary=b",
      "text/xml; charset=iso-8859-1",
    ]) {
      const e = await readSoapRequest(req(env(OP), { "Content-Type": ct })).catch((x: unknown) => x);
      expect(soapHttpStatus(e), ct).toBe(415);
    }
  });

  it("refuses a body over the limit with 413, also when no length is declared", async () => {
    const big = "x".repeat(2_000);
    const e1 = await readSoapRequest(req(big), 1_000).catch((x: unknown) => x);
    expect([(e1 as HarnessError).code, soapHttpStatus(e1)]).toEqual(["BODY_TOO_LARGE", 413]);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(300));
        c.close();
      },
    });
    const e2 = await readSoapRequest(
      new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit),
      1_000,
    ).catch((x: unknown) => x);
    expect(soapHttpStatus(e2)).toBe(413);
  });

  it("refuses bytes that are not UTF-8 as a SOAP Fault (500)", async () => {
    const e = await readSoapRequest(req(new Uint8Array([0x3c, 0xc3, 0x28]))).catch((x: unknown) => x);
    expect([(e as HarnessError).code, soapHttpStatus(e)]).toEqual(["XML_ENCODING", 500]);
  });
});
