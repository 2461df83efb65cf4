import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.js";
import { stackspar } from "./checks.js";
import { envelope, testaPayload } from "./envelopes.js";
import type { FallKontext, FallResultat } from "./model.js";
import { runRobustness } from "./runner.js";

/**
 * Deliberately weak SSBT servers: each answers the connection test correctly (so the run can
 * go on) and gets everything else wrong in its own way. The runner must fail them all.
 */
type Svaghet = "stacktrace" | "allt-200" | "hanger" | "ekar-ra" | "hamtar-entiteter" | "laser-allt";

const TESTA = envelope(testaPayload({ ns: NS.ssbt10 } as FallKontext));
const TESTA_SVAR =
  `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>` +
  `<ssbt:testaBastjanstInformationResponse xmlns:ssbt="${NS.ssbt10}"/></soap:Body></soap:Envelope>`;

const servers: Server[] = [];

async function svagServer(svaghet: Svaghet): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (body === TESTA) {
        res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8" }).end(TESTA_SVAR);
        return;
      }
      switch (svaghet) {
        case "stacktrace":
          res
            .writeHead(500, { "Content-Type": "text/plain" })
            .end(
              "TypeError: Cannot read properties of undefined (reading 'Body')\n    at parse (/srv/app/soap.js:41:17)\n",
            );
          return;
        case "allt-200":
          res.writeHead(200, { "Content-Type": "text/xml" }).end("<ok/>");
          return;
        case "hanger":
          return; // never answers
        case "ekar-ra": {
          // Reflects korrelationsid unescaped into the body and into a header.
          const k = /korrelationsid>([^<]*)</.exec(body)?.[1] ?? "";
          const raw = k.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
          res.setHeader("X-Korrelationsid", encodeURIComponent(raw).replace(/%0D%0A/gi, ""));
          res.writeHead(200, { "Content-Type": "text/xml" }).end(`<svar>${raw}</svar>`);
          return;
        }
        case "hamtar-entiteter": {
          // Resolves SYSTEM identifiers like a naive DTD-processing parser, then faults politely.
          const system = /SYSTEM "(http:[^"]+)"/.exec(body)?.[1];
          if (system) await fetch(system).catch(() => undefined);
          res
            .writeHead(500, { "Content-Type": "text/xml" })
            .end(
              `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode>` +
                "<faultstring>nej</faultstring></soap:Fault></soap:Body></soap:Envelope>",
            );
          return;
        }
        case "laser-allt":
          // Reads any body whole before refusing it.
          res.writeHead(413, { "Content-Type": "text/plain" }).end("too large");
          return;
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ssbtek`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const fallet = (fall: FallResultat[], id: string) => fall.find((f) => f.id === id)!;

describe("runRobustness bites", () => {
  it("fails a server that answers hostile input with a stack trace", async () => {
    const r = await runRobustness({
      url: await svagServer("stacktrace"),
      only: ["xxe-file", "deep-nesting", "missing-body"],
    });
    expect(r.passed).toBe(false);
    expect(r.underkanda).toBe(3);
    expect(fallet(r.fall, "xxe-file").reason).toMatch(/leaks an internal error \(JavaScript stack frame\)/);
    expect(r.vidLiv).toBe(true);
  });

  it("fails a server that answers 200 to everything", async () => {
    const r = await runRobustness({
      url: await svagServer("allt-200"),
      only: [
        "billion-laughs",
        "soap12-envelope",
        "must-understand",
        "personidentitet-letters",
        "cdata-personidentitet",
      ],
    });
    expect(r.fall.every((f) => !f.passed)).toBe(true);
    expect(fallet(r.fall, "billion-laughs").reason).toBe("expected HTTP 4xx or a SOAP Fault, got 200");
    expect(fallet(r.fall, "must-understand").reason).toBe("expected HTTP 500, got 200");
    // Legal input needs a real answer, not just any 200.
    expect(fallet(r.fall, "cdata-personidentitet").reason).toMatch(/not a SOAP 1.1 envelope/);
  });

  it("fails a server that hangs, within the timeout", async () => {
    const t0 = performance.now();
    const r = await runRobustness({
      url: await svagServer("hanger"),
      only: ["truncated-envelope"],
      timeoutMs: 400,
    });
    expect(r.passed).toBe(false);
    expect(fallet(r.fall, "truncated-envelope").reason).toMatch(
      /no HTTP answer \(no complete answer within 400 ms\)/,
    );
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it("fails a server that echoes injected text unescaped and reflects it into a header", async () => {
    const r = await runRobustness({
      url: await svagServer("ekar-ra"),
      only: ["injection-script-korrelationsid", "injection-crlf-korrelationsid"],
    });
    expect(fallet(r.fall, "injection-script-korrelationsid").reason).toBe(
      'the answer contains "<script>" unescaped',
    );
    expect(fallet(r.fall, "injection-crlf-korrelationsid").reason).toMatch(
      /is reflected into a response header/,
    );
  });

  it("fails a server that fetches external entities, even when it faults politely", async () => {
    const r = await runRobustness({
      url: await svagServer("hamtar-entiteter"),
      only: ["xxe-http", "xxe-file"],
    });
    expect(fallet(r.fall, "xxe-http").reason).toMatch(/contacted an address named inside the request/);
    expect(fallet(r.fall, "xxe-file").passed).toBe(true);
  });

  it("fails a server that reads a 20 MB body whole before refusing it", async () => {
    const r = await runRobustness({ url: await svagServer("laser-allt"), only: ["body-20mb-chunked"] });
    expect(fallet(r.fall, "body-20mb-chunked").reason).toBe(
      "the server read the whole 20 MB body before answering",
    );
  });

  it("refuses bad options with a clear error", async () => {
    await expect(runRobustness({ url: "ftp://x/ssbtek" })).rejects.toThrow(/must be http\(s\)/);
    await expect(runRobustness({ url: "inte en url" })).rejects.toThrow(/Invalid URL "inte en url"/);
    await expect(runRobustness({ profil: "soap" })).rejects.toThrow(/needs the bastjänst's URL/);
    await expect(runRobustness({ url: "http://127.0.0.1:1/ssbtek", timeoutMs: 0 })).rejects.toThrow(
      /Invalid timeout/,
    );
  });
});

describe("stackspar", () => {
  it("recognises stack traces of the common platforms and leaves a clean fault alone", () => {
    expect(stackspar("Error: x\n    at Object.<anonymous> (/app/a.js:3:9)")).toBe("JavaScript stack frame");
    expect(stackspar("at se.fk.ssbt.Parser.parse(Parser.java:42)")).toBe("Java stack frame");
    expect(stackspar("java.lang.NullPointerException")).toBe("Java exception");
    expect(stackspar("   at Ssbt.Api.Parse(String s) in C:\\src\\Api.cs:line 17")).toBe(".NET stack frame");
    expect(stackspar('Traceback (most recent call last):\n  File "a.py"')).toBe("Python traceback");
    expect(stackspar("XML is not well-formed: 1:7: malformed character entity.")).toBeUndefined();
  });
});
