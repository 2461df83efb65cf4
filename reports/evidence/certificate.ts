import { escapeAttr, escapeText } from "../../contract/xml/serialize.js";
import { xmlSafe } from "../junit.js";
import type { Evidence } from "./model.js";

const h = (s: string) => escapeText(xmlSafe(s));
const a = (s: string) => escapeAttr(xmlSafe(s));

const ROLL: Record<Evidence["systemUnderTest"]["role"], string> = {
  consumer: "Consumer (verksamhetssystem)",
  producer: "Producer (bastjänst)",
  chain: "Composite chain",
};

/**
 * An ITB-style conformance certificate as one HTML page (no scripts, no network): who was
 * tested, what, against which contract, the verdict, the date and the signing key's
 * fingerprint. It is one of the files evidence.json digests, so it cannot be edited unnoticed.
 *
 * @example
 * writeFileSync("certificate.html", formatCertificate(evidenceWithoutFiles));
 */
export function formatCertificate(e: Omit<Evidence, "files">): string {
  const passed = e.verdict === "passed";
  const rows = (pairs: [string, string][]) =>
    pairs.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td></tr>`).join("");
  const results = e.results
    .map(
      (r) =>
        `<tr class="${a(r.verdict)}"><td>${h(r.consumer)}</td><td>${h(r.provider)}</td><td>${h(r.verdict.toUpperCase())}</td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance certificate — ${h(e.systemUnderTest.name)} — ${h(e.verdict)}</title>
<style>
body{font-family:Georgia,serif;max-width:52em;margin:2em auto;color:#222}
.seal{border:4px double ${passed ? "#1a7f37" : "#b42318"};padding:1.5em 2em}
h1{margin:0 0 .2em;font-size:1.6em}.verdict{font-size:2em;font-weight:bold;color:${passed ? "#1a7f37" : "#b42318"}}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top}
th[scope=row]{width:14em;color:#555;font-weight:normal}code,td{word-break:break-all}
tr.failed td:last-child{color:#b42318;font-weight:bold}tr.passed td:last-child{color:#1a7f37}
.fine{font-size:.85em;color:#555}
</style></head><body><div class="seal">
<h1>Conformance certificate</h1>
<p>SSBTEK — Sammansatt bastjänst ekonomiskt bistånd, contract ${h(e.contract.version)}</p>
<p class="verdict" id="verdict">${passed ? "CONFORMANT" : "NOT CONFORMANT"}${e.interrupted ? ` (run interrupted: ${h(e.interrupted)})` : ""}</p>
<table>${rows([
    ["System under test", `${e.systemUnderTest.name} — ${ROLL[e.systemUnderTest.role]}`],
    ...(e.systemUnderTest.url ? ([["Endpoint", e.systemUnderTest.url]] as [string, string][]) : []),
    ["Certification", `${e.command} (${e.suite})`],
    ["Contract", `ssbt ${e.contract.version}, ${e.contract.digest}`],
    ["Kodverk", e.kodverkDigest],
    ["Population", e.populationDigest],
    ["Seed / clock", `${e.seed ?? "–"} / ${e.clock}`],
    ["Run", `${e.startedAt} – ${e.endedAt}`],
    ["Issued by", `${e.tool.name} ${e.tool.version}`],
    ["Signing key", e.keyFingerprint],
  ])}</table>
<h2>Verified pairs</h2>
<table><thead><tr><th>consumer</th><th>provider</th><th>verdict</th></tr></thead><tbody>${results}</tbody></table>
<p class="fine">This certificate is part of a signed evidence bundle: evidence.json lists a SHA-256 digest of this
file and of every report beside it, and evidence.sig is an Ed25519 signature over evidence.json by the key above.
Check it with <code>ssbtek-harness certify verify &lt;folder&gt; --public-key &lt;signer.pem&gt;</code>.</p>
</div></body></html>
`;
}
