/**
 * `certify consumer --session`: a consumer certification session in the ITB model. The simulated
 * chain runs on a real port and the vendor's verksamhetssystem must perform a scripted set of
 * interactions against it — a connection test, a question per kind of person, per-bastjänst
 * periods, the echo flag, and questions that meet each kind of section error (the session injects
 * the fault while it answers them). Every request is checked against the field rules; an item is
 * ticked when a request performs it validly. The session passes when every item was ticked.
 */
import { HarnessError } from "../../contract/errors.js";
import { maskera } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { decodeFraga, decodeSvar, ssbtNamespace } from "../../contract/ssbt/codec.js";
import type { BastjanstKod, KontraktVersion, SsbtFraga, SsbtSvar } from "../../contract/ssbt/model.js";
import type { TrafficLog } from "../../reports/evidence/har.js";
import { buildReport, type CertifyCase, type CertifyReport, caseFrom } from "../../reports/model.js";
import { bodyText, type SimOutcome } from "../../simulators/endpoint.js";
import { type FaultMap, parseFault } from "../../simulators/faults/fault.js";
import type { SimulateOptions } from "../../simulators/options.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { startSimulator } from "../../simulators/server.js";
import { granskaUtbyte } from "./certify-consumer-record.js";

/** One thing the verksamhetssystem must do. */
export interface SessionItem {
  id: string;
  /** What to do, for the checklist. */
  text: string;
  /** The persona (id from `ssbtek-harness personas`) the item must ask about, when it names one. */
  persona?: string;
}

/** A checklist item and whether (and by which request) it was done. */
export interface SessionItemState extends SessionItem {
  done: boolean;
  /** The number of the request that did it. */
  by?: number;
}

interface ItemDef extends SessionItem {
  /** Does this valid exchange perform the item? */
  matches(x: Exchange): boolean;
}

/** One request to the composite service, read. */
interface Exchange {
  operation: string;
  fraga?: SsbtFraga;
  svar?: SsbtSvar;
  /** The request is valid: no field-rule finding and no SOAP Fault. */
  valid: boolean;
}

/** The section errors a session provokes: which fault on which bastjänst, and what the answer must hold. */
const FEL: readonly {
  id: string;
  kod: BastjanstKod;
  fault: string;
  kalla: "BT" | "SSBT";
  felkod?: string;
  text: string;
}[] = [
  {
    id: "fel:BT",
    kod: "AF",
    fault: "error:502",
    kalla: "BT",
    text: "an error from the bastjänst itself (AF answers HTTP 502 → kalla BT)",
  },
  {
    id: "fel:SSBT-2001",
    kod: "CSN",
    fault: "slow:15s",
    kalla: "SSBT",
    felkod: "SSBT-2001",
    text: "a bastjänst that does not answer in time (CSN → SSBT-2001)",
  },
  {
    id: "fel:SSBT-2002",
    kod: "MIV",
    fault: "down",
    kalla: "SSBT",
    felkod: "SSBT-2002",
    text: "an unreachable bastjänst (MIV → SSBT-2002)",
  },
  {
    id: "fel:SSBT-2004",
    kod: "SO",
    fault: "closed",
    kalla: "SSBT",
    felkod: "SSBT-2004",
    text: "a closed bastjänst (SO → SSBT-2004)",
  },
];

/** Bastjänster whose question carries a period of its own. */
const EGEN_PERIOD = ["AF", "CSN", "SO", "TNS"] as const;

/** The personas the error items are asked about: one per item, each with data at the failing bastjänst. */
function felPersonas(): Map<string, (typeof FEL)[number]> {
  const used = new Set<string>();
  const out = new Map<string, (typeof FEL)[number]>();
  for (const f of FEL) {
    const p = PERSONAS.find(
      (x) =>
        x.kallor.includes(f.kod) &&
        !x.sekretess &&
        x.typ === "personnummer" &&
        !used.has(x.id) &&
        x.id !== "arbetslos-akassa",
    );
    if (!p) throw new HarnessError("INTERNAL", `No persona with data at ${f.kod} for the session's ${f.id}.`);
    used.add(p.id);
    out.set(p.personidentitet, f);
  }
  return out;
}

const sektionFel = (svar: SsbtSvar | undefined, kod: BastjanstKod) => {
  const s = svar?.svarsdata[kod];
  return s && "error" in s ? s.error : undefined;
};

/**
 * The session's checklist: what a verksamhetssystem must do, with how each is recognised.
 *
 * @example
 * sessionChecklist().map((i) => i.id) // ["anslutning", "persona:personnummer", …, "fel:SSBT-2004"]
 */
export function sessionChecklist(): SessionItem[] {
  return checklist().map(({ id, text, persona }) => ({ id, text, ...(persona ? { persona } : {}) }));
}

function checklist(): ItemDef[] {
  const pid = (x: Exchange) => x.fraga?.generellaFrageparametrar.personidentitet;
  const persona = (x: Exchange) => PERSONAS.find((p) => p.personidentitet === pid(x));
  const hamta = (x: Exchange) => x.operation === "hamtaBastjanstInformation" && x.svar !== undefined;
  const fel = felPersonas();
  const items: ItemDef[] = [
    {
      id: "anslutning",
      text: "a connection test: testaBastjanstInformation",
      matches: (x) => x.operation === "testaBastjanstInformation",
    },
    {
      id: "persona:personnummer",
      text: "a question about a person with data (e.g. arbetslos-akassa, 199608239829)",
      matches: (x) => hamta(x) && persona(x)?.id === "arbetslos-akassa",
    },
    {
      id: "persona:samordningsnummer",
      text: "a question about a samordningsnummer (e.g. samordningsnummer-sasongsarbetare)",
      matches: (x) => hamta(x) && persona(x)?.typ === "samordningsnummer",
    },
    {
      id: "persona:ej-traff",
      text: "a question about a person no bastjänst knows (ej-traff)",
      matches: (x) => hamta(x) && persona(x)?.kallor.length === 0,
    },
    {
      id: "persona:skyddad-identitet",
      text: "a question about a person with skyddad identitet (skyddad-identitet or sekretess-pensionar)",
      matches: (x) => hamta(x) && persona(x)?.sekretess === true,
    },
    ...EGEN_PERIOD.map(
      (kod): ItemDef => ({
        id: `period:${kod}`,
        text: `a question with a period of its own for ${kod} (specifikaFrageparametrar/${kod}/tidsperiod)`,
        matches: (x) =>
          hamta(x) &&
          x.fraga?.specifikaFrageparametrar[kod].inkludera === true &&
          x.fraga.specifikaFrageparametrar[kod].tidsperiod !== undefined,
      }),
    ),
    {
      id: "eko",
      text: "a question asking for itself in the answer (fraganSkallInkluderasISvaret = true)",
      matches: (x) => hamta(x) && x.fraga?.generellaFrageparametrar.fraganSkallInkluderasISvaret === true,
    },
    ...[...fel.entries()].map(
      ([pnr, f]): ItemDef => ({
        id: f.id,
        persona: PERSONAS.find((p) => p.personidentitet === pnr)!.id,
        text: `${f.text}: ask about ${PERSONAS.find((p) => p.personidentitet === pnr)!.id} (${maskera(pnr)}) with ${f.kod} included`,
        matches: (x) => {
          const e = hamta(x) && pid(x) === pnr ? sektionFel(x.svar, f.kod) : undefined;
          return e !== undefined && e.kalla === f.kalla && (f.felkod === undefined || e.felkod === f.felkod);
        },
      }),
    ),
  ];
  return items;
}

/** Options of {@link startConsumerSession}: the simulator's options plus when to give up. */
export interface SessionOptions extends SimulateOptions {
  /** Give up after this many seconds. Default: no limit (stop with {@link ConsumerSession.stop}). */
  durationS?: number;
  /** Called when an item is ticked (live checklist). */
  onItem?: (item: SessionItemState, checklist: readonly SessionItemState[]) => void;
  /** Called for every request as soon as it is answered. */
  onCase?: (c: CertifyCase) => void;
  /** Records every exchange (masked) for the run's HAR file. */
  traffic?: TrafficLog;
}

/** A running session. */
export interface ConsumerSession {
  url: string;
  /** Where the verksamhetssystem must send its requests. */
  ssbtek: string;
  checklist: readonly SessionItemState[];
  /** Settles with the report once every item is done, the duration is over, or `stop()`. */
  done: Promise<CertifyReport>;
  stop(reason?: string): Promise<CertifyReport>;
}

function versionAv(ns: string): KontraktVersion {
  return ns === ssbtNamespace("v11") ? "v11" : "v10";
}

function lasUtbyte(
  reqText: string,
  resText: string | undefined,
): Pick<Exchange, "operation" | "fraga" | "svar"> {
  let operation = "(not a SOAP message)";
  let fraga: SsbtFraga | undefined;
  let svar: SsbtSvar | undefined;
  try {
    const body = parseSoapEnvelope(reqText).body;
    operation = body.local;
    if (operation === "hamtaBastjanstInformation") fraga = decodeFraga(body, versionAv(body.ns));
  } catch {
    // an unreadable question performs no item; the field rules say what is wrong with it
  }
  try {
    if (resText !== undefined) {
      const body = parseSoapEnvelope(resText).body;
      if (!readSoapFault(body) && body.local === "hamtaBastjanstInformationResponse")
        svar = decodeSvar(body, versionAv(body.ns));
    }
  } catch {
    // no readable answer: the item is not done
  }
  return { operation, ...(fraga ? { fraga } : {}), ...(svar ? { svar } : {}) };
}

/**
 * Starts a consumer certification session: the simulated chain on a real HTTP server, a checklist
 * of interactions the verksamhetssystem must perform, each request checked against the field rules
 * and ticked off the list when it performs an item validly. For the error items the session
 * injects the fault itself while it answers a question about that item's persona.
 *
 * @example
 * const s = await startConsumerSession({ port: 8080, onItem: (i) => console.log(`✓ ${i.text}`) });
 * // point the verksamhetssystem at s.ssbtek and work through s.checklist …
 * const report = await s.done; // passed when every item was done validly
 */
export async function startConsumerSession(o: SessionOptions = {}): Promise<ConsumerSession> {
  const { durationS, onItem, onCase, traffic, ...simulate } = o;
  if (durationS !== undefined && !(durationS > 0 && Number.isFinite(durationS)))
    throw new HarnessError("BAD_OPTION", `Invalid --duration ${durationS}: pass a number of seconds > 0.`);
  const defs = checklist();
  const fel = felPersonas();
  const sim = await startSimulator({ timeScale: 0, ...simulate });
  const startedAt = new Date();
  const t0 = performance.now();
  const state: SessionItemState[] = defs.map(({ id, text, persona }) => ({
    id,
    text,
    ...(persona ? { persona } : {}),
    done: false,
  }));
  const cases: CertifyCase[] = [];
  let n = 0;
  let stopped: Promise<CertifyReport> | undefined;
  let settle: (r: CertifyReport) => void = () => {};
  const done = new Promise<CertifyReport>((r) => {
    settle = r;
  });

  const stop = (reason = "stopped"): Promise<CertifyReport> => {
    stopped ??= (async () => {
      clearTimeout(timer);
      await sim.close();
      const items = state.map((s) =>
        caseFrom(
          `${s.id}: ${s.text}`,
          0,
          s.done
            ? []
            : [
                {
                  rule: "SESSION.ej-utford",
                  message: `Not done validly before the session ended (${reason}): ${s.text}.`,
                },
              ],
          s.done ? { by: `request #${s.by}` } : undefined,
        ),
      );
      const report = buildReport({
        command: "certify consumer",
        target: `session ${sim.ssbtek}`,
        startedAt: startedAt.toISOString(),
        durationMs: performance.now() - t0,
        seed: sim.chain.context.seed,
        suites: [
          {
            name: "checklist",
            properties: { url: sim.ssbtek, stopped: reason },
            cases: items.map((c) => ({ ...c, untimed: true })),
          },
          { name: "requests", cases },
        ],
        extra: {
          requests: cases.length,
          stopped: reason,
          items: state.filter((s) => s.done).length,
          of: state.length,
        },
      });
      settle(report);
      return report;
    })();
    return stopped;
  };
  const timer =
    durationS !== undefined
      ? setTimeout(() => void stop(`after ${durationS} s`), durationS * 1000)
      : undefined;

  sim.chain.useComposite((next) => async (request) => {
    if (stopped || request.method !== "POST") return next(request);
    const nr = ++n;
    const text = bodyText(request);
    const t = performance.now();
    const startad = new Date();
    // The error items: the session makes the bastjänst fail while it answers that persona's question.
    const pnr = /personidentitet>\s*(\d{12})\s*</.exec(text)?.[1];
    const f = pnr ? fel.get(pnr) : undefined;
    let res: SimOutcome | undefined;
    if (f) {
      const faults: FaultMap = { [f.kod]: parseFault(f.fault) };
      sim.chain.control.setFaults(faults);
      try {
        res = await next(request);
      } finally {
        sim.chain.control.clearFaults();
      }
    } else res = await next(request);
    if (!res) return res;
    const { svarText, fynd } = granskaUtbyte({ sim, request, text, res, startad, t0: t, traffic });
    const x = lasUtbyte(text, svarText);
    const exchange: Exchange = { ...x, valid: fynd.length === 0 };
    const ticked: string[] = [];
    if (exchange.valid)
      for (const [i, d] of defs.entries())
        if (!state[i]!.done && d.matches(exchange)) {
          state[i] = { ...state[i]!, done: true, by: nr };
          ticked.push(d.id);
          onItem?.(state[i]!, state);
        }
    const who = x.fraga ? ` (${maskera(x.fraga.generellaFrageparametrar.personidentitet)})` : "";
    const c = caseFrom(`#${nr} ${x.operation}${who}`, performance.now() - t, fynd, {
      status: res.kind === "response" ? String(res.status) : res.kind,
      ...(ticked.length ? { ticked: ticked.join(", ") } : {}),
    });
    cases.push(c);
    onCase?.(c);
    if (state.every((s) => s.done)) setTimeout(() => void stop("every item done"), 100);
    return res;
  });

  return {
    url: sim.url,
    ssbtek: sim.ssbtek,
    get checklist() {
      return state;
    },
    done,
    stop,
  };
}
