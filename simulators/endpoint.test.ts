import { describe, expect, it } from "vitest";
import { NS } from "../contract/namespaces.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../contract/soap/envelope.js";
import { el, type XmlElement } from "../contract/xml/node.js";
import { inProcessTransport } from "./adapters/transport.js";
import { arBunden, bunden, Serialiserad, simRequest } from "./endpoint.js";
import { soapEndpoint } from "./soap-endpoint.js";

// In-process, a SOAP request and answer go over as trees; their text is written only when read.
describe("messages bound to their tree", () => {
  it("writes the text once, on first read", () => {
    let skrivningar = 0;
    const doc = new Serialiserad(1, (v) => {
      skrivningar++;
      return `<v>${v}</v>`;
    });
    expect(skrivningar).toBe(0);
    expect(doc.text).toBe("<v>1</v>");
    expect(doc.text).toBe("<v>1</v>");
    expect(skrivningar).toBe(1);
  });

  it("a copy made to change the body is no longer bound", () => {
    const doc = new Serialiserad("x", (v) => v);
    const m = bunden({
      get body() {
        return doc.text;
      },
      parsedXml: doc,
    });
    expect(arBunden(m)).toBe(true);
    const kopia = { ...m, body: "<trasig" };
    expect(arBunden(kopia)).toBe(false);
    expect(arBunden({ ...m })).toBe(false);
    expect(arBunden({})).toBe(false);
  });

  it("a SOAP endpoint answers a bound request without writing it, and its answer's text is the envelope", async () => {
    const fraga = el(NS.tns, "Fraga", ["hej"]);
    let skrivningar = 0;
    const doc = new Serialiserad(fraga, (p) => {
      skrivningar++;
      return soapEnvelope(p);
    });
    const endpoint = soapEndpoint({
      path: "/eko",
      operations: [
        { ns: NS.tns, local: "Fraga", handle: (p: XmlElement) => ({ body: el(NS.tns, "Svar", [p]) }) },
      ],
      badRequest: (m) => ({ faultcode: "Client", faultstring: m }),
    });
    const begaran = bunden({
      method: "POST",
      url: "http://sim/eko",
      headers: { "Content-Type": SOAP11_CONTENT_TYPE },
      get body() {
        return doc.text;
      },
      parsedXml: doc,
    });
    const svar = await inProcessTransport(endpoint)(begaran, () => new AbortController().signal);
    expect(skrivningar).toBe(0);
    if (svar.kind !== "response") throw new Error(svar.kind);
    expect(svar.status).toBe(200);
    expect(svar.parsedXml?.value.local).toBe("Svar");
    expect(svar.body).toBe(soapEnvelope(el(NS.tns, "Svar", [fraga])));

    // The same request as text (nothing bound) gets the same answer.
    const somText = await endpoint(
      simRequest("POST", "/eko", { "content-type": SOAP11_CONTENT_TYPE }, soapEnvelope(fraga)),
    );
    expect(somText?.kind === "response" && somText.body).toBe(svar.body);
  });

  it("a bound request still gets the media-type check", async () => {
    const endpoint = soapEndpoint({
      path: "/eko",
      operations: [{ ns: NS.tns, local: "Fraga", handle: (p: XmlElement) => ({ body: p }) }],
      badRequest: (m) => ({ faultcode: "Client", faultstring: m }),
    });
    const doc = new Serialiserad(el(NS.tns, "Fraga", []), (p) => soapEnvelope(p));
    const ut = await endpoint(
      simRequest("POST", "/eko", { "content-type": "application/soap+xml" }, undefined, undefined, doc),
    );
    expect(ut?.kind === "response" && ut.status).not.toBe(200);
  });
});
