import { describe, expect, it } from "vitest";
import { NS } from "../../../contract/namespaces.js";
import { parseSoapEnvelope, soapEnvelope } from "../../../contract/soap/envelope.js";
import { el, type XmlElement } from "../../../contract/xml/node.js";
import { fetchRequest } from "../../adapters/transport.js";
import { bastjanstFel, soapBegaran, svarstext } from "./soap.js";

describe("soapBegaran", () => {
  it("POSTs a SOAP 1.1 envelope with the payload as the Body child and an empty SOAPAction", async () => {
    const payload = el("urn:test", "Fraga", ["1"]);
    const r = fetchRequest(soapBegaran("http://bt.test/x", payload));
    expect(r.method).toBe("POST");
    expect(r.url).toBe("http://bt.test/x");
    expect(r.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(r.headers.get("soapaction")).toBe('""');
    const xml = await r.text();
    expect(xml).toBe(soapEnvelope(payload));
    expect(parseSoapEnvelope(xml).body).toMatchObject({ ns: "urn:test", local: "Fraga" });
  });

  it("writes the envelope with the given prefixes (CSN's own)", async () => {
    const prefixes = { [NS.soap]: "soapenv", "urn:test": "t" };
    const xml = await fetchRequest(
      soapBegaran("http://bt.test/x", el("urn:test", "Fraga", ["1"]), prefixes),
    ).text();
    expect(xml).toContain("<soapenv:Envelope");
    expect(xml).toContain("<t:Fraga>1</t:Fraga>");
  });
});

describe("bastjanstFel", () => {
  it("is a BT error section with every message masked, in order", () => {
    expect(bastjanstFel("MALFORMED", "om 199608239829", "och 960823-9829", "inget")).toEqual({
      error: {
        kalla: "BT",
        felkod: "MALFORMED",
        felmeddelande: ["om 19960823-****", "och 960823-****", "inget"],
      },
    });
  });
});

describe("svarstext", () => {
  const svar = (parsedXml?: XmlElement) => ({
    status: 200,
    ok: true,
    statusText: "",
    headers: { get: () => null },
    text: () => Promise.reject(new Error("text read")),
    ...(parsedXml ? { parsedXml } : {}),
  });

  it("does not read the text of an answer handed over as a tree, and reads it otherwise", async () => {
    await expect(svarstext(svar(el("urn:x", "Svar")))).resolves.toBe("");
    await expect(svarstext(svar())).rejects.toThrow("text read");
  });
});
