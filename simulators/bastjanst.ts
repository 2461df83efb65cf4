import type { Faltregeltabell } from "../contract/faltregler/model.js";
import type {
  BastjanstKod,
  Kalla,
  KontraktVersion,
  Sektion,
  SsbtError,
  SsbtFraga,
  Tidsperiod,
} from "../contract/ssbt/model.js";
import type { Specifika, SsbtSektion } from "../contract/ssbt/sektion.js";
import type { XmlElement } from "../contract/xml/node.js";
import type { Kodverk } from "../fixtures/kodverk/model.js";
import type { SimulatorContext } from "./context.js";
import type { ObserveradDialekt } from "./dialekt.js";
import { type Endpoint, type LazyText, type Parsed, type SimResponse, TreeBody } from "./endpoint.js";
import type { LatencyParams } from "./timing/lognormal.js";

/** What the composite service needs to know about the contract it is answering in. */
export interface KontraktInfo {
  version: KontraktVersion;
  /** ssbt namespace URI of that version (CSN/FK data children live in it). */
  ns: string;
}

/** The HTTP request SSBT sends a bastjänst, as plain data (any transport can carry it). */
export interface Begaran {
  readonly method: string;
  /** Absolute URL of the bastjänst endpoint (simulated or real), with any sub-path. */
  readonly url: string;
  /** Header names as sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The SOAP Body payload serialised into `body`, for an in-process call (see `SimRequest.parsedXml`). */
  readonly parsedXml?: Parsed<XmlElement>;
  /** The JSON value serialised into `body`, for an in-process call (see `SimRequest.parsedJson`). */
  readonly parsedJson?: Parsed<unknown>;
}

/**
 * A SOAP request SSBT built as a tree: its body is the envelope, written when first read (the
 * in-process transport hands the tree over and never reads it).
 *
 * @example
 * const b = new TreeBegaran(url, headers, new LazyText(payload, (p) => soapEnvelope(p)));
 * b.body // the envelope's text, written now
 */
export class TreeBegaran extends TreeBody implements Begaran {
  readonly method = "POST";

  constructor(
    readonly url: string,
    readonly headers: Readonly<Record<string, string>>,
    parsedXml: LazyText<XmlElement>,
  ) {
    super(parsedXml);
  }
}

/**
 * A bastjänst's HTTP answer as SSBT's clients read it: the part of fetch's `Response` they use,
 * so a real `Response` is one too (real upstreams, tests) and the in-process call builds a cheap one.
 */
export interface BastjanstSvar {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /**
   * In-process only (see `SimResponse.parsedXml`/`parsedJson`): the answer as the bastjänst built it — the
   * same document as `text()`. A client reads it instead of parsing the text.
   */
  readonly parsedXml?: XmlElement;
  readonly parsedJson?: unknown;
}

/**
 * How SSBT talks to one bastjänst in the bastjänst's own protocol: build the request from the
 * composite question, read the answer back into a section of the composite answer. The clients
 * live next to the composite service (`simulators/aggregator/klienter/`).
 */
export interface BastjanstKlient {
  /**
   * Checks SSBT makes itself before calling (e.g. an unknown LEFI version): an error here becomes
   * the section's `error` with `kalla: "SSBT"` and the bastjänst is not called. Optional.
   */
  forkontroll?(fraga: SsbtFraga, kontrakt: KontraktInfo): SsbtError | undefined;
  /**
   * The HTTP request SSBT sends for one composite question. `endpoint` is the absolute URL of
   * the bastjänst endpoint (simulated or real).
   */
  begaran(fraga: SsbtFraga, endpoint: string, kontrakt: KontraktInfo): Begaran;
  /**
   * Reads the bastjänst's HTTP answer into a section: `data` (children of `<data>`) or an
   * `error` with `kalla: "BT"` and the bastjänst's own felkod. Must not throw on a bad answer:
   * a malformed answer becomes an error section too.
   */
  tolka(svar: BastjanstSvar, fraga: SsbtFraga, kontrakt: KontraktInfo): Promise<Sektion>;
}

/** A bastjänst's own protocol, as the producer suite and the pacts see it. */
export interface Protokoll {
  format: "soap" | "json";
  /** Local name of the answer element in the SOAP Body (SOAP only). */
  svarElement?: string;
  /** Media type the answer must have (`text/xml` for SOAP 1.1, `application/json` for LEFI). */
  mediaTyp: string;
  /**
   * OUR strict decoder of an answer (our model of the official schema): the SOAP Body payload,
   * or the LEFI JSON text. Throws (a ContractViolation naming the path) on a schema breach.
   */
  avkoda(svar: XmlElement | string): void;
}

/** How the harness's pact SSBT → this bastjänst is written (suites/consumer/bastjanst-pacts.ts). */
export interface PactUppgifter {
  /** A named persona the bastjänst holds data about: the pact's "a person it knows". */
  persona: string;
  /** Answer paths held exactly (the codes SSBT's client reads): XML local-name paths, or JSON key paths. */
  exakt: readonly string[];
  /**
   * What SSBT makes of the bastjänst's answer about an identity with a wrong check digit: `data`
   * (it answers with a status in its data) or its own error.
   */
  felKontrollsiffra: "data" | { kalla: Kalla; felkod: string };
}

/**
 * One simulated bastjänst: everything the rest of the harness needs to know about it. Every
 * folder under `simulators/` exports one of these from its `index.ts`; `simulators/registry.ts`
 * lists them, and every table of "the seven" (timing, pacts, producer suite, field rules) is
 * derived from that list.
 */
export interface BastjanstSimulator {
  kod: BastjanstKod;
  /**
   * Its section of the composite contract (`contract/ssbt/sektioner.ts` for the seven): how its
   * question part is read and written and what the WSDL declares for it. `sektion.kod` is `kod`.
   */
  sektion: SsbtSektion;
  /** The authority's name, e.g. "Arbetsförmedlingen". */
  namn: string;
  /**
   * Path of the authority's own endpoint, absolute from the server root, e.g. "/af/ersattningsstod/v2".
   * The endpoint answers there and below it, on any origin.
   */
  path: string;
  /** The endpoint: the one definition of the simulated bastjänst, served by every adapter. */
  endpoint(ctx: SimulatorContext): Endpoint;
  /** SSBT's side of the calls. */
  klient: BastjanstKlient;
  protokoll: Protokoll;
  /** Pact participant name of the bastjänst as provider, e.g. "ssbtek-af". */
  pactProvider: string;
  /** How the pact SSBT → this bastjänst is written. */
  pact: PactUppgifter;
  /**
   * The question part a municipality sends to ask this bastjänst about a person and a period
   * (`specifikaFrageparametrar/<KOD>`, `inkludera` true), e.g. FK's LEFI question. Default
   * `{ inkludera: true }`. Used by the reference questions of the pacts, certify and the
   * connection test.
   */
  fragaparametrar?(personidentitet: string, period: Tidsperiod): Specifika;
  /** Realistic latency (the `realistic` timing profile); see docs/timing-and-faults.md. */
  latens: LatencyParams;
  /** The kodverk file of the authority: `fixtures/kodverk/<kodverk>.json`. */
  kodverk: string;
  /** The field-rule table of its answer: `fixtures/faltregler/<tabell>.json`. */
  faltregler: string;
  /**
   * The authority's own answer to a technical failure (an injected `fault`), when it is not a
   * SOAP 1.1 Server fault — LEFI's error format for FK.
   */
  tekniskFel?(text: string, now: Date): SimResponse;
  /**
   * The authority's tables when they are not among the project's fixtures (a test's throw-away
   * authority): its field-rule table and its kodverk, used instead of looking up `faltregler` in
   * contract/faltregler/tabeller.ts and `kodverk` in fixtures/kodverk/index.ts.
   */
  tabeller?: { faltregler: Faltregeltabell; kodverk: readonly Kodverk[] };
  /**
   * The authority's observed dialect (`--dialect observed`): the shapes its real producer is known
   * to send, as data, and how its answer is turned into them. Lives in the folder's `dialekt.ts`.
   */
  dialekt?: ObserveradDialekt;
}
