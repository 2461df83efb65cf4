import { generateKeyPairSync } from "node:crypto";
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyEvidence, writeEvidence } from "./bundle.js";
import { canonicalJson, contractDigest, kodverkDigest, populationDigest, sha256 } from "./digest.js";
import { maskeraTrafik, TrafficLog } from "./har.js";
import { defaultKeyDir, loadSigningKey, USER_KEY_FILE } from "./keys.js";
import type { EvidenceMeta } from "./model.js";

const root = mkdtempSync(join(tmpdir(), "ssbtek-evidence-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => mkdtempSync(join(root, `b${n++}-`));

const meta: EvidenceMeta = {
  command: "certify producer",
  suite: "producer",
  contractVersion: "v10",
  seed: 1,
  clock: "2026-11-20T09:00:00.000Z",
  options: { bastjanst: "TNS", budgetMs: 7000 },
  systemUnderTest: { role: "producer", name: "ssbtek-tns", url: "http://127.0.0.1:1/tns" },
  results: [{ consumer: "ssbtek-ssbt", provider: "ssbtek-tns", verdict: "passed" }],
  verdict: "passed",
  startedAt: "2026-11-20T09:00:00.000Z",
  endedAt: "2026-11-20T09:00:05.000Z",
};

/** A bundle with two reports, signed by a fresh per-user key in its own config folder. */
function bundle() {
  const dir = fresh();
  const keyDir = join(fresh(), "ssbtek-harness");
  writeFileSync(join(dir, "report.json"), '{"passed":true}\n');
  writeFileSync(join(dir, "report.html"), "<!doctype html><p>ok</p>\n");
  const key = loadSigningKey({ keyDir });
  const w = writeEvidence(dir, meta, { key });
  return { dir, key, keyDir, w };
}

describe("evidence bundle", () => {
  it("digests every other file, embeds the public key and verifies", () => {
    const { dir, key, w } = bundle();
    const e = JSON.parse(readFileSync(w.json, "utf8"));
    expect(e.format).toBe("ssbtek-harness/evidence/1");
    expect(Object.keys(e.files)).toEqual(["certificate.html", "report.html", "report.json"]);
    expect(e.files["report.json"]).toBe(sha256('{"passed":true}\n'));
    expect(e.contract).toEqual({ version: "v10", digest: contractDigest("v10") });
    expect(e.kodverkDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(e.keyFingerprint).toBe(key.fingerprint);
    expect(statSync(w.sig).size).toBe(64);
    const v = verifyEvidence(dir, { publicKey: key.publicKeyPem });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.evidence?.results).toEqual(meta.results);
    expect(readFileSync(w.certificate, "utf8")).toContain(key.fingerprint);
  });

  it("finds an edited report, a missing one, an added file, an edited evidence.json and a foreign key", () => {
    const edited = bundle();
    writeFileSync(join(edited.dir, "report.json"), '{"passed":false}\n');
    expect(verifyEvidence(edited.dir).problems).toEqual([expect.stringMatching(/^report\.json was altered/)]);

    const missing = bundle();
    unlinkSync(join(missing.dir, "report.html"));
    expect(verifyEvidence(missing.dir).problems).toEqual(["report.html is missing."]);

    const extra = bundle();
    writeFileSync(join(extra.dir, "late.txt"), "x");
    expect(verifyEvidence(extra.dir).problems).toEqual([expect.stringMatching(/^late\.txt is not part/)]);

    const forged = bundle();
    const text = readFileSync(forged.w.json, "utf8").replace('"verdict": "passed"', '"verdict": "failed"');
    writeFileSync(forged.w.json, text);
    expect(verifyEvidence(forged.dir).problems).toEqual([
      expect.stringMatching(/signature .* does not match/),
    ]);

    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    const v = verifyEvidence(bundle().dir, { publicKey: other });
    expect(v.ok).toBe(false);
    expect(v.problems.join("\n")).toMatch(/not by the expected key/);

    const unsigned = bundle();
    unlinkSync(unsigned.w.sig);
    expect(verifyEvidence(unsigned.dir).problems).toEqual(["evidence.sig is missing."]);

    const truncatedSig = bundle();
    appendFileSync(truncatedSig.w.sig, "x");
    expect(verifyEvidence(truncatedSig.dir).ok).toBe(false);
  });

  it("says evidence.json is missing, and refuses a path that is no folder", () => {
    expect(verifyEvidence(fresh())).toEqual({ ok: false, problems: ["evidence.json is missing."] });
    expect(() => verifyEvidence(join(root, "nope"))).toThrow(/is not a folder/);
    expect(() => verifyEvidence(bundle().dir, { publicKey: "not a key" })).toThrow(/not a public key/);
  });

  it("creates the per-user key once (mode 0600) and reuses it; refuses a key that is no Ed25519 PEM", () => {
    const keyDir = join(fresh(), "ssbtek-harness");
    const a = loadSigningKey({ keyDir });
    const b = loadSigningKey({ keyDir });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(statSync(join(keyDir, USER_KEY_FILE)).mode & 0o777).toBe(0o600);
    const rsa = join(fresh(), "rsa.pem");
    writeFileSync(
      rsa,
      generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }),
    );
    expect(() => loadSigningKey({ keyFile: rsa, keyDir })).toThrow(
      /rsa key: evidence is signed with Ed25519/,
    );
    expect(() => loadSigningKey({ keyFile: join(root, "none.pem"), keyDir })).toThrow(/ENOENT/);
    const given = join(fresh(), "k.pem");
    writeFileSync(given, readFileSync(join(keyDir, USER_KEY_FILE)));
    expect(loadSigningKey({ keyFile: given, keyDir: "/nonexistent" }).fingerprint).toBe(a.fingerprint);
  });

  it("puts the key under $XDG_CONFIG_HOME, else ~/.config", () => {
    expect(defaultKeyDir({ XDG_CONFIG_HOME: "/x" }, "/home/u")).toBe("/x/ssbtek-harness");
    expect(defaultKeyDir({ XDG_CONFIG_HOME: " " }, "/home/u")).toBe("/home/u/.config/ssbtek-harness");
  });

  it("digests are canonical and stable", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(contractDigest("v10")).not.toBe(contractDigest("v11"));
    expect(kodverkDigest()).toBe(kodverkDigest());
    expect(populationDigest()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("HAR", () => {
  it("masks personidentitet in every spelling, also inside base64, and keeps organisationsnummer", () => {
    const inner = Buffer.from("<svar><pnr>199608239829</pnr><orgnr>162129999991</orgnr></svar>").toString(
      "base64",
    );
    const log = new TrafficLog();
    log.add({
      startedAt: new Date("2026-11-20T09:00:00Z"),
      method: "POST",
      url: "http://127.0.0.1:1/ssbtek?pnr=9608239829",
      requestHeaders: { "Content-Type": "text/xml" },
      requestBody: "<a>19960823-9829</a><b>960823-9829</b>",
      status: 200,
      responseHeaders: new Headers({ "content-type": "text/xml" }),
      responseBody: `<svar>${inner}</svar>`,
      ms: 12.4,
    });
    log.add({ startedAt: new Date(0), method: "POST", url: "http://x/", error: "no answer", ms: 12000 });
    const text = log.toHarText("9.9.9");
    expect(text).not.toMatch(/9829/);
    const har = JSON.parse(text);
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries).toHaveLength(2);
    expect(har.log.entries[0].request.postData.text).toBe("<a>19960823-****</a><b>960823-****</b>");
    const svar = Buffer.from(har.log.entries[0].response.content.text.slice(6, -7), "base64").toString();
    expect(svar).toBe("<svar><pnr>19960823-****</pnr><orgnr>162129999991</orgnr></svar>");
    expect(har.log.entries[1].response.status).toBe(0);
    expect(maskeraTrafik("id 199608239829")).toBe("id 19960823-****");
  });
});
