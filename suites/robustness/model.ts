import type { KontraktVersion, Tidsperiod } from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { Begaran, RawSvar } from "./http-raw.js";

/**
 * What kind of endpoint a run targets: the composite service (`ssbt`, every case), a SOAP 1.1
 * bastjänst (`soap`, the transport and envelope cases) or LEFI's JSON API (`json`, transport cases).
 */
export type Malprofil = "ssbt" | "soap" | "json";

/** The group a case belongs to (the catalogue table in docs/robustness.md is ordered by it). */
export type Kategori = "xml" | "kodning" | "soap" | "http" | "schema" | "injektion" | "json";

/** Everything a case needs to build its request. */
export interface FallKontext {
  /** The endpoint under test. */
  url: URL;
  profil: Malprofil;
  version: KontraktVersion;
  /** ssbt namespace of `version`. */
  ns: string;
  /** A test identity that is schema-valid (default: the persona asked by every bastjänst). */
  personidentitet: string;
  /** A period every bastjänst accepts: the last 30 days. */
  period: Tidsperiod;
  /**
   * A local listener that must never be contacted (`http://127.0.0.1:<port>/…`): XXE and JNDI
   * cases point at it, so a server that fetches external resources is caught in the act.
   */
  kanarie: string;
}

/**
 * What a case accepts as the right behaviour.
 * - `avvisas`: refused: HTTP 4xx, or (SOAP targets) a SOAP 1.1 Fault envelope with HTTP 500;
 *   `status` narrows the accepted codes, `faultcode` demands a SOAP faultcode (local part).
 * - `svar`: legal (if nasty) input: HTTP 200 with the operation's answer; `kontroll` checks it.
 * - `svar-eller-avvisas`: both are defensible (documented per case); a crash is not.
 */
export type Forvantan =
  | { typ: "avvisas"; status?: readonly number[]; faultcode?: string }
  | { typ: "svar"; kontroll?: (answer: XmlElement, ctx: FallKontext) => string | undefined }
  | { typ: "svar-eller-avvisas"; kontroll?: (answer: XmlElement, ctx: FallKontext) => string | undefined };

/** One hostile (or legal-but-nasty) input with the behaviour it must get. */
export interface RobusthetsFall {
  /** Stable kebab-case id, e.g. "xxe-file"; `--only` and reports use it. */
  id: string;
  kategori: Kategori;
  beskrivning: { sv: string; en: string };
  /** Why this is the right expectation (the docs table shows it). */
  motivering: string;
  /** Targets the case applies to. */
  profiler: readonly Malprofil[];
  begaran(ctx: FallKontext): Begaran;
  forvantan: Forvantan;
  /** Longest acceptable time to the complete answer. Default 2 000 ms. */
  maxMs?: number;
  /** Text that must not appear in the answer body: an unescaped echo, a leaked file. */
  forbjudet?: (ctx: FallKontext) => readonly string[];
  /** Text that must not appear in any response header (reflection, CRLF injection). */
  ejIHuvud?: readonly string[];
  /** A further check on the raw answer; returns the reason it fails. */
  kontroll?: (svar: RawSvar, ctx: FallKontext) => string | undefined;
  /**
   * A normal connection test sent `efterMs` after this case starts, while it is still in
   * flight: it must be answered correctly within `maxMs` (the case must not block others).
   */
  samtidigt?: { efterMs: number; maxMs: number };
}

/** The outcome of one case: JSON-serializable, for reports and a future `certify robustness`. */
export interface FallResultat {
  id: string;
  kategori: Kategori;
  beskrivning: { sv: string; en: string };
  passed: boolean;
  /** HTTP status, or null when the connection closed without one. */
  status: number | null;
  /** Time to the complete answer, ms. */
  ms: number;
  /** Why the case failed (absent when it passed). */
  reason?: string;
}

/** The outcome of a whole run. */
export interface RobusthetsRapport {
  url: string;
  profil: Malprofil;
  version: KontraktVersion;
  passed: boolean;
  /** Cases run, passed, failed. */
  antal: number;
  godkanda: number;
  underkanda: number;
  /** The server still answered a connection test after the last case. */
  vidLiv: boolean;
  ms: number;
  fall: FallResultat[];
}
