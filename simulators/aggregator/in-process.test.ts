import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genereradeIdentiteter } from "../../bench/bench.js";
import { parseSoapEnvelope, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { el, type XmlElement } from "../../contract/xml/node.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { TEST_NOW, TEST_PERIOD } from "../../test/support/context.js";
import { TreeBegaran } from "../bastjanst.js";
import { createChain } from "../chain.js";
import {
  bodyText,
  LazyText,
  type SimOutcome,
  type SimRequest,
  simRequest,
  TreeResponse,
  writtenFrom,
} from "../endpoint.js";
import { resolveOptions } from "../options.js";
import { PERSONAS } from "../population/population.js";
import { type RunningSimulator, startSimulator } from "../server.js";

const now = () => new Date(TEST_NOW);

/**
 * In-process, SSBT's clients and the simulators hand each other the trees (and LEFI values) they
 * serialise instead of parsing them back. That must never change an answer: the same chain with
 * every bastjänst reached over real HTTP (nothing handed over, every document parsed from the wire)
 * gives the same composite answer, byte for byte.
 */
describe("in-process hand-over of parsed documents", () => {
  let direkt: RunningSimulator;
  let overHttp: RunningSimulator;

  beforeAll(async () => {
    direkt = await startSimulator({ port: 0, seed: 1, now });
    const ups = (await (await fetch(`${direkt.url}/__admin/upstreams`)).json()) as Record<string, string>;
    overHttp = await startSimulator({ port: 0, seed: 1, now, upstreams: ups });
  });
  afterAll(async () => {
    await Promise.all([direkt?.close(), overHttp?.close()]);
  });

  const identiteter = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(40, 3)];

  it.each([
    "v10",
    "v11",
  ] as KontraktVersion[])("gives the same %s answers as parsing every document from the wire", async (version) => {
    for (const [i, pid] of identiteter.entries()) {
      const body = soapEnvelope(encodeFraga(fullFraga(pid, TEST_PERIOD, `HAND-${i}`), version));
      const ask = async (sim: RunningSimulator) => {
        const r = await fetch(`${sim.url}/ssbtek/${version}`, {
          method: "POST",
          headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
          body,
        });
        return `${r.status} ${await r.text()}`;
      };
      const [a, b] = [await ask(direkt), await ask(overHttp)];
      expect(a.startsWith("200 "), `${version} #${i}`).toBe(true);
      expect(a, `${version} identity #${i}`).toBe(b);
    }
  });
});

/**
 * In-process, a SOAP request or answer is a tree whose envelope is written only when something
 * reads the body: the composite answer needs none of those texts, and whoever does read one (the
 * wire, a fault cutting the answer, a recording) gets exactly the bytes an eager write gave.
 */
describe("in-process SOAP texts written only when read", () => {
  const sett: { kod: string; request: SimRequest; svar: SimOutcome | undefined }[] = [];
  const chain = createChain(resolveOptions({ seed: 1, now }), "http://127.0.0.1:1", {
    bastjanst: (kod) => (next) => async (request) => {
      const svar = await next(request);
      sett.push({ kod, request, svar });
      return svar;
    },
  });
  const fraga = (pid: string) => soapEnvelope(encodeFraga(fullFraga(pid, TEST_PERIOD, "LAT-1"), "v10"));
  const ask = async (pid: string) => {
    const out = await chain.endpoint(
      simRequest("POST", "/ssbtek", { "content-type": "text/xml; charset=utf-8" }, fraga(pid)),
    );
    if (out?.kind !== "response") throw new Error("no answer");
    return typeof out.body === "string" ? out.body : new TextDecoder().decode(out.body);
  };

  it("answers without writing any of the six SOAP bastjänster's request or answer texts", async () => {
    sett.length = 0;
    const svar = await ask(PERSONAS[0]!.personidentitet);
    expect(svar).toContain("hamtaBastjanstInformationResponse");
    const soap = sett.filter((s) => s.request.parsedXml instanceof LazyText);
    expect(soap.map((s) => s.kod).sort()).toEqual(["AF", "CSN", "MIV", "SKV", "SO", "TNS"]);
    for (const s of soap) {
      expect((s.request.parsedXml as LazyText<XmlElement>).isWritten, `${s.kod} request`).toBe(false);
      expect(s.svar).toBeInstanceOf(TreeResponse);
      expect((s.svar as TreeResponse).parsedXml.isWritten, `${s.kod} answer`).toBe(false);
    }
  });

  it("writes a text when read, once: the envelope of the same tree; the composite answer is unchanged", async () => {
    sett.length = 0;
    const pid = PERSONAS[1]!.personidentitet;
    const forst = await ask(pid);
    for (const s of sett.filter((x) => x.svar instanceof TreeResponse)) {
      const svar = s.svar as TreeResponse;
      const text = svar.body;
      expect(svar.parsedXml.isWritten).toBe(true);
      expect(svar.body).toBe(text);
      const payload = parseSoapEnvelope(text).body;
      expect([payload.ns, payload.local]).toEqual([svar.parsedXml.value.ns, svar.parsedXml.value.local]);
      expect(parseSoapEnvelope(bodyText(s.request)).body.local).toBe(s.request.parsedXml!.value.local);
      expect(writtenFrom(s.request)).toBe(s.request.parsedXml!.value);
    }
    // Byte for byte, the written texts are those of the wire: see "in-process hand-over" above.
    expect(await ask(pid)).toBe(forst);
  });

  it("parses a request whose body is text, even when it carries another document's tree", async () => {
    const own = new LazyText(el("urn:x", "Annat"), (p) => soapEnvelope(p));
    const r = simRequest("POST", "/x", {}, "<inte-soap/>", undefined, own);
    expect(writtenFrom(r)).toBeUndefined();
    expect(writtenFrom({ ...r, body: "<a/>" } as SimRequest)).toBeUndefined();
    expect(writtenFrom(simRequest("POST", "/x", {}, own))).toBe(own.value);
  });

  it("shows a tree-built answer or request with its body in JSON (a log, a report), never its tree", () => {
    const doc = () => new LazyText(el("urn:x", "Svar", ["å"]), (p) => soapEnvelope(p));
    const svar = JSON.parse(JSON.stringify(new TreeResponse(200, { "content-type": "text/xml" }, doc())));
    expect(svar).toEqual({
      kind: "response",
      status: 200,
      headers: { "content-type": "text/xml" },
      body: soapEnvelope(el("urn:x", "Svar", ["å"])),
    });
    const begaran = JSON.parse(JSON.stringify(new TreeBegaran("http://h/x", { a: "b" }, doc())));
    expect(Object.keys(begaran).sort()).toEqual(["body", "headers", "method", "url"]);
    expect(begaran.body).toContain(":Svar>å</");
  });
});
