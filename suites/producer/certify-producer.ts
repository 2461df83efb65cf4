/**
 * `certify producer`: certifies one authority's bastjänst at its own endpoint, in its own
 * protocol, the way SSBT calls it. For every persona SSBT's own request is sent (the simulator's
 * `klient.begaran`), and the answer is checked by suite:
 * - **schema**: HTTP 200 with the protocol's media type, a SOAP 1.1 answer (not a fault) or LEFI
 *   JSON, strictly decoded with OUR codec (our model of the official schema), and readable by
 *   SSBT's client (`klient.tolka`);
 * - **field rules**: the authority's field-rule table (contract/faltregler `evaluate`);
 * - **code lists**: every coded value is in fixtures/kodverk;
 * - **dates**: every date is a real calendar date;
 * - **timing budget**: every answer within the budget (default 7 s, the SLA's 90 % figure);
 * - **error behaviour**: malformed requests get the authority's fault or a 4xx, at once.
 */

import { ContractViolation, HarnessError, isHarnessError } from "../../contract/errors.js";
import { evaluateTabell } from "../../contract/faltregler/engine.js";
import { parseHttpUrl } from "../../contract/http-url.js";
import { standardPeriod } from "../../contract/kalender.js";
import { maskera, maskeraText } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { ssbtNamespace } from "../../contract/ssbt/codec.js";
import type { BastjanstKod, KontraktVersion, Sektion, SsbtFraga } from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import type { TrafficLog } from "../../reports/evidence/har.js";
import type { EvidencePair } from "../../reports/evidence/model.js";
import {
  buildReport,
  type CertifyCase,
  type CertifyFinding,
  type CertifyReport,
  type CertifySuite,
  caseFrom,
  skippedCase,
} from "../../reports/model.js";
import { fetchRequest } from "../../simulators/adapters/transport.js";
import type { BastjanstSimulator, KontraktInfo } from "../../simulators/bastjanst.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { REGISTRERADE } from "../../simulators/registry.js";
import { FAKTA as SKV_FAKTA } from "../../simulators/skv/data.js";
import { FAKTA as SO_FAKTA } from "../../simulators/so/data.js";
import { fullFraga } from "../chain/certify-chain.js";
import { BASTJANST_PROVIDER, SSBT } from "../pact/names.js";
import { runSignal } from "../run-control.js";
import {
  datumFynd,
  felhanteringsFynd,
  kodverkFynd,
  lov,
  skicka,
  type Utbyte,
} from "./certify-producer-kontroller.js";
import {
  felaktigaBegaranden,
  type ProducentProtokoll,
  producentProtokoll,
} from "./certify-producer-protokoll.js";
import { checkReachable } from "./reachable.js";
import { utkastFynd } from "./utkast.js";

/** Options of {@link certifyProducer}. `bastjanst` and `url` are required. */
export interface CertifyProducerOptions {
  /** The bastjänst: AF, CSN, FK, SKV, SO, TNS or MIV (any case), or another of `bastjanster`. */
  bastjanst: string;
  /**
   * The bastjänster the suite knows (their protocol, SSBT's client, field rules, kodverk). Default:
   * the registry; a test passes a list with a throw-away eighth authority.
   */
  bastjanster?: readonly BastjanstSimulator[];
  /** Its endpoint as `GET /__admin/upstreams` lists it (FK: the LEFI base URL). */
  url: string;
  /** Longest acceptable time to a complete answer, ms. Default 7 000 (the SLA: 90 % within 7 s). */
  budgetMs?: number;
  /** An answer not complete after this many ms is a hang and is given up. Default 12 000 (the SLA's hard limit). */
  timeoutMs?: number;
  /** The clock the asked period is taken from (the last two calendar months). Default: real time. */
  now?: () => Date;
  /** Only these personas (ids from `ssbtek-harness personas`). Default: every persona. */
  personas?: readonly string[];
  /** Called when a suite is complete (progress output). */
  onSuite?: (suite: CertifySuite) => void;
  /** Called after each exchange with the producer: `done` of `total` (progress output). */
  onExchange?: (e: { done: number; total: number; name: string; status: string; ms: number }) => void;
  /** Records every exchange (masked) for the run's HAR file. */
  traffic?: TrafficLog;
  /** Stops the run early (Ctrl+C): the report then holds what was done. */
  signal?: AbortSignal;
  /** Stops the whole run after this many ms (the CLI's --timeout); the report then holds what was done. */
  runTimeoutMs?: number;
  /** Skip the connectivity pre-check (a TCP connect to the URL's host and port). Default false. */
  skipPrecheck?: boolean;
  /**
   * The contract SSBT asks in (default v10). `utkast` asks AF for the draft's extension and adds
   * the suite "draft extension (utkast)".
   */
  contract?: KontraktVersion;
}

/** The schema suite's and the other suites' view of one persona's exchange. */
interface Utfall {
  namn: string;
  personaId: string;
  fraga: SsbtFraga;
  utbyte: Utbyte;
  /** The answer to check with rules: the SOAP Body payload, or the LEFI JSON text; undefined when unreadable. */
  meddelande?: XmlElement | string;
  schema: CertifyFinding[];
  details: Record<string, string>;
}

const DEFAULT_BUDGET_MS = 7_000;
const DEFAULT_TIMEOUT_MS = 12_000;
/** Felkoder SSBT's clients give an answer they could not use (not the authority's own codes). */
const OLASBAR =
  /^(MALFORMED|OLASBART_SVAR|SVAR_AVSER_ANNAN_PERSON|FEL_PERSON|PERSON_MISMATCH|SOAP_FAULT|FEL|HTTP_.*|SOAP_.*)$/;

/**
 * Resolves and checks the bastjänst kod: unknown input is an error with what to pass instead.
 *
 * @example
 * bastjanstKod("tns") // "TNS"
 */
export function bastjanstKod(
  text: string,
  bastjanster: readonly BastjanstSimulator[] = REGISTRERADE,
): BastjanstKod {
  return bastjanstAv(text, bastjanster).kod;
}

function bastjanstAv(text: string, bastjanster: readonly BastjanstSimulator[]): BastjanstSimulator {
  const kod = text.trim().toUpperCase();
  const sim = bastjanster.find((s) => s.kod === kod);
  if (!sim)
    throw new HarnessError(
      "BAD_OPTION",
      `Unknown bastjänst "${text}": pass --bastjanst with one of ${bastjanster.map((s) => s.kod).join(", ")}.`,
    );
  return sim;
}

function checkUrl(url: string): string {
  parseHttpUrl(
    url,
    "The --url",
    `Invalid --url "${url}": pass the bastjänst's endpoint as GET /__admin/upstreams lists it, e.g. http://127.0.0.1:8080/tns/hamtauppgifter/v1.`,
  );
  return url;
}

/**
 * Personas whose story is an authority's own failure (Skatteverket's 9071500, the a-kassor's
 * TEKNISKT_FEL): our simulator answers them with a fault on purpose, a real producer has no such
 * person, so they are not part of the default set (name them with --persona to send them anyway).
 */
const FEL_BERATTELSER = new Set([
  ...Object.entries(SKV_FAKTA).flatMap(([id, f]) => (f.fel ? [id] : [])),
  ...Object.entries(SO_FAKTA).flatMap(([id, f]) => (f.fel ? [id] : [])),
]);

function valjPersonas(ids: readonly string[] | undefined) {
  if (!ids || ids.length === 0) return PERSONAS.filter((p) => !FEL_BERATTELSER.has(p.id));
  return ids.map((id) => {
    const p = PERSONAS.find((x) => x.id === id);
    if (!p)
      throw new HarnessError(
        "BAD_OPTION",
        `Unknown persona "${id}": pass --persona with an id from \`ssbtek-harness personas\`.`,
      );
    return p;
  });
}

const kort = (s: string, n = 160) => {
  // Bare ten-digit runs too (TNS sends personnummer without sekel): an excerpt may echo one.
  const t = maskeraText(s.replace(/\s+/g, " ").trim());
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

function schemaFynd(kod: BastjanstKod, e: unknown): CertifyFinding {
  if (e instanceof ContractViolation)
    return { rule: `${kod}.schema.${e.rule}`, path: e.path, message: maskeraText(e.message) };
  if (isHarnessError(e)) return { rule: `${kod}.schema.${e.code}`, message: maskeraText(e.message) };
  return { rule: `${kod}.schema`, message: maskeraText((e as Error).message ?? String(e)) };
}

/** Reads one exchange: the transport, the envelope, the strict decode, and SSBT's own reading. */
async function las(
  sim: BastjanstSimulator,
  p: ProducentProtokoll,
  u: Utbyte,
  fraga: SsbtFraga,
  kontrakt: KontraktInfo,
): Promise<Pick<Utfall, "meddelande" | "schema" | "details">> {
  const kod = sim.kod;
  const schema: CertifyFinding[] = [];
  const details: Record<string, string> = {};
  if (!u.svar) {
    schema.push({ rule: `${kod}.svar.saknas`, message: `A valid question got ${u.meddelande}.` });
    return { schema, details };
  }
  details.status = String(u.status);
  details.ms = String(Math.round(u.ms));
  if (u.status !== 200)
    schema.push({
      rule: `${kod}.http.status`,
      message: `A valid question must get HTTP 200, got ${u.status} (${u.mediaTyp || "no Content-Type"}): ${kort(u.text)}`,
    });
  if (!u.mediaTyp.toLowerCase().startsWith(p.mediaTyp))
    schema.push({
      rule: `${kod}.http.contentType`,
      value: u.mediaTyp,
      message: `The answer must be ${p.mediaTyp}, got ${u.mediaTyp || "no Content-Type"}.`,
    });
  let meddelande: XmlElement | string | undefined;
  if (p.format === "json") {
    try {
      JSON.parse(u.text);
      meddelande = u.status === 200 ? u.text : undefined;
    } catch (e) {
      schema.push({
        rule: `${kod}.json`,
        message: `The answer is not JSON (${(e as Error).message}): ${kort(u.text)}`,
      });
    }
  } else {
    try {
      const body = parseSoapEnvelope(u.text).body;
      const fault = readSoapFault(body);
      if (fault)
        schema.push({
          rule: `${kod}.svar.fault`,
          message: `A valid question got a SOAP Fault: ${maskeraText(`${fault.faultcode}: ${fault.faultstring}`)}`,
        });
      else meddelande = body;
    } catch (e) {
      schema.push({
        rule: `${kod}.soap.envelope`,
        message: `The answer is not a SOAP 1.1 message (${isHarnessError(e) ? e.message : "unreadable"}): ${kort(u.text)}`,
      });
    }
  }
  if (meddelande !== undefined) {
    details.svar = typeof meddelande === "string" ? "LEFI JSON" : meddelande.local;
    try {
      p.avkoda(meddelande);
    } catch (e) {
      schema.push(schemaFynd(kod, e));
    }
  }
  // SSBT's own client must be able to use the answer (never throws; an unusable answer is an error section).
  const sektion: Sektion = await sim.klient.tolka(
    new Response(u.text, { status: u.status, headers: u.mediaTyp ? { "Content-Type": u.mediaTyp } : {} }),
    fraga,
    kontrakt,
  );
  if ("error" in sektion) {
    details.ssbt = `${sektion.error.kalla}:${sektion.error.felkod}`;
    if (sektion.error.kalla === "SSBT" || OLASBAR.test(sektion.error.felkod))
      schema.push({
        rule: `${kod}.tolka`,
        value: sektion.error.felkod,
        message: `SSBT cannot use the answer (${sektion.error.felkod}): ${kort(sektion.error.felmeddelande.join(" "))}`,
      });
  } else details.ssbt = "data";
  return { schema, details, ...(meddelande !== undefined ? { meddelande } : {}) };
}

/**
 * Which of our own simulator's injected background outcomes an answer is (the realistic profile's
 * 0.5 % errors and rare timeouts), or undefined for anything else. Such an answer says nothing about
 * the bastjänst's conformance: the request is sent again (the simulator draws anew per repetition).
 *
 * @example
 * simulatorBakgrund({ svar: true, status: 500, mediaTyp: "text/html", text: "…TNS: bakgrundsfel (errorRate).…", ms: 1 }) // "bakgrundsfel"
 */
export function simulatorBakgrund(u: Utbyte): string | undefined {
  if (!u.svar) return undefined;
  if (u.status === 500 && /bakgrundsfel \(errorRate\)/.test(u.text)) return "bakgrundsfel";
  if (
    u.status === 504 &&
    /bakgrundstimeout \(timeoutRate\)|simulerad svarstid \d+ ms ≥ deadline/.test(u.text)
  )
    return "bakgrundstimeout";
  return undefined;
}

/** Attempts of one request while the answer is the simulator's own background outcome. */
const BAKGRUND_FORSOK = 3;

/**
 * Runs the producer suite against one bastjänst endpoint and returns the report (never throws
 * for a failing producer: the report says what failed; throws a HarnessError for bad options and
 * when nothing listens at the URL).
 *
 * @example
 * const report = await certifyProducer({ bastjanst: "TNS", url: "http://127.0.0.1:8080/tns/hamtauppgifter/v1" });
 * report.passed // true for the embedded simulator
 */
export async function certifyProducer(o: CertifyProducerOptions): Promise<CertifyReport> {
  const sim = bastjanstAv(o.bastjanst, o.bastjanster ?? REGISTRERADE);
  const url = checkUrl(o.url);
  const budgetMs = o.budgetMs ?? DEFAULT_BUDGET_MS;
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (const [name, v] of [
    ["--budget", budgetMs],
    ["--answer-timeout", timeoutMs],
    ["--timeout", o.runTimeoutMs ?? 1],
  ] as const)
    if (!(v > 0) || !Number.isFinite(v))
      throw new HarnessError("BAD_OPTION", `Invalid ${name} ${v} ms: pass a duration > 0, e.g. 7s.`);
  const personas = valjPersonas(o.personas);
  const klocka = (o.now ?? (() => new Date()))();
  const now = () => new Date(klocka);
  if (!o.skipPrecheck) await checkReachable(url, Math.min(timeoutMs, 5_000));
  const { signal, dispose } = runSignal(o.signal, o.runTimeoutMs);
  try {
    return await korProducer(o, sim, url, budgetMs, timeoutMs, personas, klocka, now, signal);
  } finally {
    dispose();
  }
}

async function korProducer(
  o: CertifyProducerOptions,
  sim: BastjanstSimulator,
  url: string,
  budgetMs: number,
  timeoutMs: number,
  personas: ReturnType<typeof valjPersonas>,
  klocka: Date,
  now: () => Date,
  signal: AbortSignal | undefined,
): Promise<CertifyReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const kod = sim.kod;
  const klient = sim.klient;
  const protokoll = producentProtokoll(sim);
  const version = o.contract ?? "v10";
  const kontrakt: KontraktInfo = { version, ns: ssbtNamespace(version) };
  const period = standardPeriod(now());
  const bas = `npx ssbtek-harness certify producer --bastjanst ${kod}${version === "v10" ? "" : ` --contract ${version}`} --url ${url} --clock ${klocka.toISOString()} --budget ${budgetMs}ms --answer-timeout ${timeoutMs}ms${
    o.runTimeoutMs !== undefined ? ` --timeout ${o.runTimeoutMs}ms` : ""
  }`;
  const hela = `${bas}${o.personas?.length ? personas.map((p) => ` --persona ${p.id}`).join("") : ""}`;
  const replay = (personaId?: string) => (personaId ? `${bas} --persona ${personaId}` : hela);
  const suites: CertifySuite[] = [];
  const klar = (s: CertifySuite) => {
    suites.push(s);
    o.onSuite?.(s);
  };
  const properties = { bastjanst: kod, url, budgetMs: String(budgetMs), timeoutMs: String(timeoutMs) };
  const antalFel = protokoll.format === "json" ? 3 : 4;
  const total = personas.length + antalFel;
  let done = 0;

  /** Sends one request (again while our simulator answers with its own background outcome), logged. */
  const utbyt = async (request: Request, namn: string): Promise<{ u: Utbyte; bakgrund?: string }> => {
    let bakgrund: string | undefined;
    for (let forsok = 1; ; forsok++) {
      const kopia = request.clone();
      const body = o.traffic ? await request.clone().text() : undefined;
      const startad = new Date();
      const u = await skicka(kopia, timeoutMs, signal);
      o.traffic?.add({
        startedAt: startad,
        method: request.method,
        url: request.url,
        requestHeaders: request.headers,
        ...(body !== undefined ? { requestBody: body } : {}),
        ...(u.svar
          ? {
              status: u.status,
              responseHeaders: u.mediaTyp ? { "content-type": u.mediaTyp } : {},
              responseBody: u.text,
            }
          : { error: u.meddelande }),
        ms: u.ms,
      });
      const b = simulatorBakgrund(u);
      if (!b || forsok >= BAKGRUND_FORSOK || signal?.aborted) {
        o.onExchange?.({
          done: ++done,
          total,
          name: namn,
          status: u.svar ? `HTTP ${u.status}` : u.meddelande,
          ms: Math.round(u.ms),
        });
        return { u, ...(bakgrund ? { bakgrund } : {}) };
      }
      bakgrund = `${b}, sent again (the simulator's own injected background outcome, attempt ${forsok + 1})`;
    }
  };

  // schema: one exchange per persona, SSBT's own request
  const utfall: Utfall[] = [];
  for (const [i, p] of personas.entries()) {
    if (signal?.aborted) break;
    const fraga = fullFraga(
      p.personidentitet,
      period,
      `CERT-P-${String(i + 1).padStart(3, "0")}`,
      o.bastjanster,
    );
    const namn = `${p.id} (${maskera(p.personidentitet)})`;
    const fore = klient.forkontroll?.(fraga, kontrakt);
    if (fore)
      throw new HarnessError(
        "INTERNAL",
        `The certification question for ${namn} fails SSBT's own check: ${fore.felkod}.`,
      );
    const { u: utbyte, bakgrund } = await utbyt(fetchRequest(klient.begaran(fraga, url, kontrakt)), namn);
    // An exchange cut off by the stop is not a finding about the producer.
    if (signal?.aborted && !utbyte.svar) break;
    const lasning = await las(sim, protokoll, utbyte, fraga, kontrakt);
    if (bakgrund) lasning.details.simulator = bakgrund;
    utfall.push({ namn, personaId: p.id, fraga, utbyte, ...lasning });
  }
  const medReplay = (fynd: readonly CertifyFinding[], personaId: string) =>
    fynd.map((f) => ({ ...f, replay: replay(personaId) }));
  const medPersona = (c: CertifyCase, personaId: string): CertifyCase => ({ ...c, persona: personaId });
  klar({
    name: "schema",
    properties,
    cases: utfall.map((u) =>
      medPersona(caseFrom(u.namn, u.utbyte.ms, medReplay(u.schema, u.personaId), u.details), u.personaId),
    ),
  });

  const perMeddelande = (
    name: string,
    check: (u: Utfall, m: XmlElement | string) => CertifyFinding[],
  ): CertifySuite => ({
    name,
    properties,
    cases: utfall.map((u): CertifyCase => {
      if (u.meddelande === undefined)
        return medPersona(skippedCase(u.namn, "no readable answer (see the schema suite)"), u.personaId);
      const t = performance.now();
      let fynd: CertifyFinding[];
      try {
        fynd = check(u, u.meddelande);
      } catch (e) {
        fynd = [
          {
            rule: `${kod}.${name.replace(/\s+/g, "-")}`,
            message: kort(isHarnessError(e) ? e.message : String(e)),
          },
        ];
      }
      return medPersona(caseFrom(u.namn, performance.now() - t, medReplay(fynd, u.personaId)), u.personaId);
    }),
  });
  klar(
    perMeddelande("field rules", (u, m) =>
      evaluateTabell(protokoll.tabell, m, { now: now(), fraga: u.fraga }).map((f) => ({ ...f })),
    ),
  );
  if (version === "utkast" && kod === "AF")
    klar(
      perMeddelande("draft extension (utkast)", (_u, m) =>
        typeof m === "string" ? [] : utkastFynd(m, now()),
      ),
    );
  klar(perMeddelande("code lists", (_u, m) => kodverkFynd(protokoll.kodverk, lov(m))));
  klar(perMeddelande("dates", (_u, m) => datumFynd(kod, lov(m))));
  klar({
    name: "timing budget",
    properties,
    cases: utfall.map((u) => {
      if (!u.utbyte.svar && u.utbyte.orsak === "natverk")
        return medPersona(skippedCase(u.namn, u.utbyte.meddelande), u.personaId);
      const fynd: CertifyFinding[] = !u.utbyte.svar
        ? [{ rule: `${kod}.svarstid.timeout`, message: `No complete answer within ${timeoutMs} ms.` }]
        : u.utbyte.ms > budgetMs
          ? [
              {
                rule: `${kod}.svarstid.budget`,
                value: `${Math.round(u.utbyte.ms)} ms`,
                message: `The answer took ${Math.round(u.utbyte.ms)} ms, over the budget of ${budgetMs} ms.`,
              },
            ]
          : [];
      return medPersona(
        caseFrom(u.namn, u.utbyte.ms, medReplay(fynd, u.personaId), { ms: String(Math.round(u.utbyte.ms)) }),
        u.personaId,
      );
    }),
  });

  // error behaviour: malformed variants of the first persona's request
  const forsta = utfall[0];
  const felCases: CertifyCase[] = [];
  if (forsta && !signal?.aborted) {
    const giltig = klient.begaran(forsta.fraga, url, kontrakt);
    const grund = { url: giltig.url, headers: new Headers(giltig.headers), body: giltig.body };
    for (const b of felaktigaBegaranden(protokoll.format, grund)) {
      if (signal?.aborted) break;
      const { u, bakgrund } = await utbyt(b.request, `${b.id}: ${b.beskrivning}`);
      if (signal?.aborted && !u.svar) break;
      const fynd = felhanteringsFynd(kod, protokoll.format, b.id, u).map((f) => ({
        ...f,
        replay: replay(forsta.personaId),
      }));
      felCases.push({
        ...caseFrom(`${b.id}: ${b.beskrivning}`, u.ms, fynd, {
          ...(u.svar ? { status: String(u.status) } : { svar: u.meddelande }),
          ...(bakgrund ? { simulator: bakgrund } : {}),
        }),
        persona: forsta.personaId,
      });
    }
  }
  klar({ name: "error behaviour", properties, cases: felCases });

  const interrupted = signal?.aborted
    ? typeof signal.reason === "string"
      ? signal.reason
      : "stopped"
    : undefined;
  return buildReport({
    command: "certify producer",
    target: `${kod} ${url}`,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - t0,
    suites,
    replay: hela,
    replayNarrow: bas,
    extra: { clock: klocka.toISOString(), provider: sim.pactProvider },
    ...(interrupted ? { interrupted } : {}),
  });
}

/**
 * The pair a producer run verified: SSBT as consumer of the bastjänst.
 *
 * @example
 * producerResults("AF", report) // [{ consumer: "ssbtek-ssbt", provider: "ssbtek-af", verdict: "passed" }]
 */
export function producerResults(kod: BastjanstKod, report: CertifyReport): EvidencePair[] {
  return [
    { consumer: SSBT, provider: BASTJANST_PROVIDER[kod], verdict: report.passed ? "passed" : "failed" },
  ];
}
