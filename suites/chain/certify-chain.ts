import { standardPeriod } from "../../contract/kalender.js";
import { maskera } from "../../contract/personidentitet.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type SsbtFraga,
  type Tidsperiod,
} from "../../contract/ssbt/model.js";
import type { TrafficLog } from "../../reports/evidence/har.js";
import type { EvidencePair } from "../../reports/evidence/model.js";
import {
  buildReport,
  type CertifyCase,
  type CertifyFigure,
  type CertifyFinding,
  type CertifyGrid,
  type CertifyReport,
  type CertifySuite,
  caseFrom,
} from "../../reports/model.js";
import type { BastjanstSimulator } from "../../simulators/bastjanst.js";
import { type Fault, type FaultMap, formatFault, parseFault } from "../../simulators/faults/fault.js";
import type { MetricsSnapshot } from "../../simulators/metrics/recorder.js";
import { SlaRecorder } from "../../simulators/metrics/recorder.js";
import { SERVICENIVAER } from "../../simulators/metrics/service-levels.js";
import type { SimulateOptions } from "../../simulators/options.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { hashSeed, Rng } from "../../simulators/population/rng.js";
import { startSimulator } from "../../simulators/server.js";
import { type SektionUtfall, sektionerAv } from "../consumer/ssbt-svar.js";
import { BASTJANST_PROVIDER, SSBT, VERKSAMHETSSYSTEM } from "../pact/names.js";
import { referensFraga } from "../pact/referens.js";
import { runSignal, stopReason } from "../run-control.js";
import { hamtaOverHttp, type SsbtAnrop } from "./client.js";

/** Per persona: what each section held. */
export interface ChainRad {
  personaId: string;
  /** Masked personidentitet. */
  person: string;
  status: number;
  ms: number;
  /** "data" | "BT:<felkod>" | "SSBT:<felkod>" | "saknas" per bastjänst. */
  sektioner: Record<BastjanstKod, string>;
  /** What is wrong, one line each (the messages of `fynd`). */
  problem: string[];
  /** What is wrong, as findings with rule ids. */
  fynd: CertifyFinding[];
}

/** One sampled fault subset: which bastjänster were made to fail how, and what the answer held. */
export interface StorningsRad {
  /** 1-based number of the subset. */
  nr: number;
  personaId: string;
  person: string;
  /** The injected fault per failing bastjänst, as spec text (`down`, `slow:15s`, …). */
  fel: Partial<Record<BastjanstKod, string>>;
  status: number;
  ms: number;
  sektioner: Record<BastjanstKod, string>;
  problem: string[];
  fynd: CertifyFinding[];
}

/** The service-level figures of the run, from the composite service's metrics recorder. */
export interface ChainSla {
  /** Answered questions: p50/p90/max response time in ms and the shares within 7 s and 12 s. */
  svarstid: {
    antal: number;
    p50?: number;
    p90?: number;
    max?: number;
    andelInom7s: number | null;
    andelInom12s: number | null;
  };
  /** Share of questions answered without a SOAP Fault. */
  andelBesvarade: number | null;
  /** Answers with two or more failed sections ("tillgänglig med störning"): the injected subsets make some. */
  medStorning: number;
  /** The agreement's targets, met or not (null = no data). */
  mal: { inom7s: boolean | null; inom12s: boolean | null; leveransprecision: boolean | null };
  /** The recorder's snapshot without its traces. */
  matningar: MetricsSnapshot;
}

export interface ChainReport {
  seed: number;
  /** ISO time of the simulated clock when the run started (a replay passes it as --clock). */
  klocka: string;
  /** How many fault subsets were asked for. */
  faultSubsets: number;
  /** The run's overall time limit, when it had one. */
  runTimeoutMs?: number;
  /** Set when the run was stopped before it finished (the abort reason): the report is partial. */
  interrupted?: string;
  tidsperiod: Tidsperiod;
  rader: ChainRad[];
  /** The sampled fault subsets (empty when `faultSubsets` is 0). */
  storningar: StorningsRad[];
  sla: ChainSla;
  passed: boolean;
}

/** Options of {@link certifyChain}: the simulator's options plus the fault sampling. */
export interface CertifyChainOptions extends SimulateOptions {
  /** How many seeded subsets of 1–3 failing bastjänster to inject. Default 5; 0 = none. */
  faultSubsets?: number;
  /** Called after each fault subset (progress output). */
  onStorning?: (rad: StorningsRad) => void;
  /** Records every exchange with the composite service (masked) for the run's HAR file. */
  traffic?: TrafficLog;
  /** Stops the run early (Ctrl+C): the report then holds what was done. */
  signal?: AbortSignal;
  /** Stops the whole run after this many ms (the CLI's --timeout); the report then holds what was done. */
  runTimeoutMs?: number;
}

/** The fault kinds a subset draws from, and the SSBT felkod each must give (undefined = kalla BT). */
const FAULT_KINDS: readonly { spec: string; ssbt?: string }[] = [
  { spec: "down", ssbt: SSBT_FELKOD.EJ_NABAR },
  { spec: "slow:15s", ssbt: SSBT_FELKOD.TIMEOUT },
  { spec: "error:502" },
  { spec: "malformed" },
  { spec: "fault" },
  { spec: "closed", ssbt: SSBT_FELKOD.STANGD },
];

/**
 * A composite question for one person with every bastjänst included (default the registry): the pacts' reference
 * question ({@link referensFraga}) asked by the certifying municipality, under its own ärende and
 * correlation id, without a frageTidpunkt.
 *
 * @example
 * fullFraga("197003039885", standardPeriod(new Date()), "CHAIN-1").generellaFrageparametrar.korrelationsid // "certify-CHAIN-1"
 */
export function fullFraga(
  personidentitet: string,
  period: Tidsperiod,
  arende: string,
  bastjanster?: readonly BastjanstSimulator[],
): SsbtFraga {
  const { generellaFrageparametrar, specifikaFrageparametrar } = referensFraga(personidentitet, {
    period,
    ...(bastjanster ? { bastjanster } : {}),
  });
  const { frageTidpunkt: _, ...generella } = generellaFrageparametrar;
  return {
    generellaFrageparametrar: {
      ...generella,
      korrelationsid: `certify-${arende}`,
      ingivare: {
        organisationsnummer: "162129999991",
        namn: "Certifieringskommunen",
        handlaggare: "certify",
      },
      arendeidentitet: arende,
      tidsperiod: period,
    },
    specifikaFrageparametrar,
  };
}

/** A section as the table shows it; an ssbt/11 SKV section holding only its overall error is that error. */
const sektionText = (u: SektionUtfall | undefined): string =>
  !u ? "saknas" : u === "data" ? "data" : `${u.kalla}:${u.felkod}`;

/** Reads one answer: the section per bastjänst, and what is wrong with the answer as a whole. */
function lasAnrop(
  r: SsbtAnrop,
  korrelationsid: string,
): { sektioner: Record<BastjanstKod, string>; fynd: CertifyFinding[] } {
  const sektioner = {} as Record<BastjanstKod, string>;
  const fynd: CertifyFinding[] = [];
  if (!r.ok)
    fynd.push({
      rule: "CHAIN.svar",
      message: `no answer: HTTP ${r.status} ${r.fault?.felkod ?? ""} ${r.message}`
        .replace(/\s+/g, " ")
        .trim(),
    });
  const utfall = r.ok ? sektionerAv(r.svar) : {};
  for (const kod of BASTJANSTER) {
    sektioner[kod] = sektionText(utfall[kod]);
    if (r.ok && sektioner[kod] === "saknas")
      fynd.push({
        rule: "CHAIN.sektion.saknas",
        path: `/svarsdata/${kod}`,
        message: `${kod}: section missing`,
      });
  }
  if (r.ok && r.svar.korrelationsid !== korrelationsid)
    fynd.push({ rule: "CHAIN.korrelationsid", message: "korrelationsid not echoed" });
  return { sektioner, fynd };
}

/**
 * The seeded fault subsets: each 1–3 distinct bastjänster, each with a fault kind, asked about a
 * persona (chosen by the seed too). Same seed, same subsets.
 *
 * @example
 * faultSubsets(1, 5)[0] // { personaIndex: 27, fel: { CSN: { kind: "down" }, MIV: { kind: "malformed" } } }
 */
export function faultSubsets(seed: number, antal: number): { personaIndex: number; fel: FaultMap }[] {
  const rng = new Rng(hashSeed(seed, "certify-chain", "faults"));
  const out: { personaIndex: number; fel: FaultMap }[] = [];
  for (let i = 0; i < antal; i++) {
    const kvar = [...BASTJANSTER];
    const fel: FaultMap = {};
    for (let n = rng.int(1, 3); n > 0; n--) {
      const kod = kvar.splice(rng.int(0, kvar.length - 1), 1)[0]!;
      fel[kod] = parseFault(rng.pick(FAULT_KINDS).spec);
    }
    out.push({ personaIndex: rng.int(0, PERSONAS.length - 1), fel });
  }
  return out;
}

const ssbtFelkodFor = (f: Fault) => FAULT_KINDS.find((k) => k.spec === formatFault(f))?.ssbt;

function sla(m: MetricsSnapshot): ChainSla {
  return {
    svarstid: {
      antal: m.svarstid.antal,
      ...(m.svarstid.p50 !== undefined ? { p50: Math.round(m.svarstid.p50) } : {}),
      ...(m.svarstid.p90 !== undefined ? { p90: Math.round(m.svarstid.p90) } : {}),
      ...(m.svarstid.max !== undefined ? { max: Math.round(m.svarstid.max) } : {}),
      andelInom7s: m.svarstid.andelInom7s,
      andelInom12s: m.svarstid.andelInom12s,
    },
    andelBesvarade: m.leveransprecision.andelBesvarade,
    medStorning: m.tillganglighet.medStorning,
    mal: {
      inom7s: m.svarstid.mal7sUppfyllt,
      inom12s: m.svarstid.mal12sUppfyllt,
      leveransprecision: m.leveransprecision.malUppfyllt,
    },
    matningar: m,
  };
}

/** Findings of the SLA figures: each target of the agreement that is not met (or has no data). */
export function slaFynd(s: ChainSla): { namn: string; fynd: CertifyFinding[] }[] {
  const pct = (x: number | null) => (x === null ? "no data" : `${(x * 100).toFixed(1)} %`);
  const check = (namn: string, rule: string, ok: boolean | null, text: string) => ({
    namn,
    fynd: ok ? [] : [{ rule, message: ok === null ? `${namn}: no data.` : text }],
  });
  return [
    check(
      "svarstid: at least 90 % within 7 s",
      "SLA.svarstid.7s",
      s.mal.inom7s,
      `only ${pct(s.svarstid.andelInom7s)} of the answers came within 7 s.`,
    ),
    check(
      "svarstid: every answer within 12 s",
      "SLA.svarstid.12s",
      s.mal.inom12s,
      `only ${pct(s.svarstid.andelInom12s)} of the answers came within 12 s.`,
    ),
    check(
      "leveransprecision: at least 95 % answered",
      "SLA.leveransprecision",
      s.mal.leveransprecision,
      `only ${pct(s.andelBesvarade)} of the questions were answered.`,
    ),
  ];
}

/**
 * Certifies the whole chain end to end on the embedded simulators: starts them on a real HTTP
 * server, asks about every persona with all seven bastjänster included (every answer must be a
 * contract-valid composite answer with exactly the seven sections, none failed by the composite
 * service itself), then injects seeded subsets of 1–3 failing bastjänster (each answer must have
 * error sections exactly there — kalla SSBT with the documented felkod for down, slow and closed,
 * kalla BT for an HTTP error, a truncated answer or a fault — and the persona's own outcome
 * everywhere else), and reads the SLA figures off the composite service's metrics recorder.
 *
 * @example
 * const report = await certifyChain({ seed: 1 }); report.passed
 */
export async function certifyChain(
  options: CertifyChainOptions = {},
  progress: (rad: ChainRad) => void = () => {},
): Promise<ChainReport> {
  const {
    faultSubsets: antalStorningar = 5,
    onStorning,
    traffic,
    signal: outer,
    runTimeoutMs,
    ...simulate
  } = options;
  const { signal, dispose } = runSignal(outer, runTimeoutMs);
  const fraga = async (url: string, f: SsbtFraga): Promise<SsbtAnrop | undefined> => {
    if (signal?.aborted) return undefined;
    try {
      return await hamtaOverHttp(url, f, simulate.contract ?? "v10", 30_000, {
        ...(traffic ? { traffic } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (signal?.aborted) return undefined;
      throw e;
    }
  };
  const metrics = new SlaRecorder();
  const sim = await startSimulator(
    { ...simulate, port: simulate.port ?? 0 },
    // The recorder must never change an answer: a failure in it is swallowed.
    {
      onUtfall: (u) => {
        try {
          metrics.observe(u);
        } catch {
          // metrics are best effort
        }
      },
    },
  );
  try {
    const now = sim.chain.context.now();
    const period = standardPeriod(now);
    const rader: ChainRad[] = [];
    for (const [i, p] of PERSONAS.entries()) {
      const arende = `CERT-${String(i + 1).padStart(3, "0")}`;
      const r = await fraga(sim.ssbtek, fullFraga(p.personidentitet, period, arende));
      if (!r) break;
      const { sektioner, fynd } = lasAnrop(r, `certify-${arende}`);
      for (const kod of BASTJANSTER)
        if (sektioner[kod].startsWith("SSBT:"))
          fynd.push({
            rule: "CHAIN.sektion.ssbt",
            path: `/svarsdata/${kod}`,
            value: sektioner[kod],
            message: `${kod}: composite service failed (${sektioner[kod].slice(5)})`,
          });
      const rad: ChainRad = {
        personaId: p.id,
        person: maskera(p.personidentitet),
        status: r.status,
        ms: Math.round(r.ms),
        sektioner,
        problem: fynd.map((f) => f.message),
        fynd,
      };
      rader.push(rad);
      progress(rad);
    }

    const storningar: StorningsRad[] = [];
    for (const [i, s] of faultSubsets(sim.chain.context.seed, antalStorningar).entries()) {
      const p = PERSONAS[s.personaIndex]!;
      const bas = rader[s.personaIndex]?.sektioner;
      if (!bas || signal?.aborted) break;
      const arende = `CERT-F${String(i + 1).padStart(2, "0")}`;
      sim.chain.control.setFaults(s.fel);
      let r: SsbtAnrop | undefined;
      try {
        r = await fraga(sim.ssbtek, fullFraga(p.personidentitet, period, arende));
      } finally {
        sim.chain.control.clearFaults();
      }
      if (!r) break;
      const { sektioner, fynd } = lasAnrop(r, `certify-${arende}`);
      for (const kod of BASTJANSTER) {
        const f = s.fel[kod];
        const got = sektioner[kod];
        if (got === "saknas") continue; // reported already
        if (!f) {
          if (got !== bas[kod])
            fynd.push({
              rule: "CHAIN.storning.ovriga",
              path: `/svarsdata/${kod}`,
              value: got,
              message: `${kod} was not made to fail but answered ${got} (without faults: ${bas[kod]}).`,
            });
          continue;
        }
        const ssbt = ssbtFelkodFor(f);
        const want = ssbt ? `SSBT:${ssbt}` : "BT:<felkod>";
        if (ssbt ? got !== want : !got.startsWith("BT:"))
          fynd.push({
            rule: "CHAIN.storning.sektion",
            path: `/svarsdata/${kod}`,
            value: got,
            message: `${kod} was made to fail (${formatFault(f)}) and must give error ${want}, got ${got}.`,
          });
      }
      const rad: StorningsRad = {
        nr: i + 1,
        personaId: p.id,
        person: maskera(p.personidentitet),
        fel: Object.fromEntries(Object.entries(s.fel).map(([k, f]) => [k, formatFault(f)])),
        status: r.status,
        ms: Math.round(r.ms),
        sektioner,
        problem: fynd.map((f) => f.message),
        fynd,
      };
      storningar.push(rad);
      onStorning?.(rad);
    }

    const siffror = sla(metrics.toJSON());
    const interrupted = stopReason(signal);
    return {
      seed: sim.chain.context.seed,
      klocka: now.toISOString(),
      faultSubsets: antalStorningar,
      ...(runTimeoutMs !== undefined ? { runTimeoutMs } : {}),
      ...(interrupted ? { interrupted } : {}),
      tidsperiod: period,
      rader,
      storningar,
      sla: siffror,
      passed:
        !interrupted &&
        rader.every((r) => r.fynd.length === 0) &&
        storningar.every((r) => r.fynd.length === 0) &&
        slaFynd(siffror).every((c) => c.fynd.length === 0),
    };
  } finally {
    dispose();
    await sim.close();
  }
}

const felText = (fel: Partial<Record<BastjanstKod, string>>) =>
  Object.entries(fel)
    .map(([k, f]) => `${k}=${f}`)
    .join(" ");

const pct = (x: number | null) => (x === null ? "no data" : `${(x * 100).toFixed(1)} %`);

/** The findings of one section (by their path) and of the answer as a whole. */
function perSektion(fynd: readonly CertifyFinding[]): {
  svar: CertifyFinding[];
  sektion: Record<string, CertifyFinding[]>;
} {
  const sektion: Record<string, CertifyFinding[]> = {};
  const svar: CertifyFinding[] = [];
  for (const f of fynd) {
    const kod = /^\/svarsdata\/([A-Z]+)/.exec(f.path ?? "")?.[1];
    if (!kod) svar.push(f);
    else {
      sektion[kod] ??= [];
      sektion[kod].push(f);
    }
  }
  return { svar, sektion };
}

/** One case for the answer as a whole and one per section: a CI failure names persona, section and rule. */
function fallPerSektion(
  namn: string,
  persona: string,
  ms: number,
  status: number,
  sektioner: Record<BastjanstKod, string>,
  fynd: readonly CertifyFinding[],
  injicerat: Partial<Record<BastjanstKod, string>> = {},
): CertifyCase[] {
  const { svar, sektion } = perSektion(fynd);
  return [
    { ...caseFrom(`${namn} › svar`, ms, svar, { status: String(status) }), persona },
    ...BASTJANSTER.map((kod) => ({
      ...caseFrom(`${namn} › ${kod}`, 0, sektion[kod] ?? [], {
        sektion: sektioner[kod],
        ...(injicerat[kod] ? { injicerat: injicerat[kod] } : {}),
      }),
      persona,
      untimed: true,
    })),
  ];
}

/**
 * The SLA figures against the agreement's targets (7 s / 12 s / 95 %).
 *
 * @example
 * slaFigurer(report.sla)[0] // { name: "answers within 7 s", target: "≥ 90 %", actual: "100.0 % (p50 …)", met: true }
 */
export function slaFigurer(s: ChainSla): CertifyFigure[] {
  const n = SERVICENIVAER;
  const t = (x?: number) => (x === undefined ? "–" : `${x} ms`);
  return [
    {
      name: `answers within ${n.svarstidInomMs / 1000} s`,
      target: `≥ ${n.andelInom7s * 100} %`,
      actual: `${pct(s.svarstid.andelInom7s)} of ${s.svarstid.antal} (p50 ${t(s.svarstid.p50)}, p90 ${t(s.svarstid.p90)}, max ${t(s.svarstid.max)})`,
      met: s.mal.inom7s,
    },
    {
      name: `answers within ${n.svarstidSenastMs / 1000} s`,
      target: `${n.andelInom12s * 100} %`,
      actual: pct(s.svarstid.andelInom12s),
      met: s.mal.inom12s,
    },
    {
      name: "questions answered (leveransprecision)",
      target: `≥ ${n.andelBesvarade * 100} %`,
      actual: `${pct(s.andelBesvarade)}; ${s.medStorning} answer(s) "med störning"`,
      met: s.mal.leveransprecision,
    },
  ];
}

/** The replay command of a chain run: same seed, clock and fault subsets. */
export function chainReplay(report: ChainReport): string {
  return `npx ssbtek-harness certify chain --seed ${report.seed} --clock ${report.klocka} --fault-subsets ${report.faultSubsets}${
    report.runTimeoutMs !== undefined ? ` --timeout ${report.runTimeoutMs}ms` : ""
  }`;
}

/**
 * The pairs a chain run verified: SSBT as consumer of each bastjänst (failed when a finding names
 * its section) and the verksamhetssystem as consumer of SSBT (the whole verdict).
 *
 * @example
 * chainResults(report)[0] // { consumer: "ssbtek-ssbt", provider: "ssbtek-af", verdict: "passed" }
 */
export function chainResults(report: ChainReport): EvidencePair[] {
  const fynd = [...report.rader, ...report.storningar].flatMap((r) => r.fynd);
  const verdict = (ok: boolean): EvidencePair["verdict"] => (ok ? "passed" : "failed");
  return [
    ...BASTJANSTER.map((kod) => ({
      consumer: SSBT,
      provider: BASTJANST_PROVIDER[kod],
      verdict: verdict(
        !report.interrupted &&
          report.rader.length > 0 &&
          !fynd.some((f) => f.path?.startsWith(`/svarsdata/${kod}`)),
      ),
    })),
    { consumer: VERKSAMHETSSYSTEM, provider: SSBT, verdict: verdict(report.passed) },
  ];
}

/**
 * The chain report as a {@link CertifyReport}: suites "personas" and "fault subsets" with a case
 * per persona (or subset) × section plus one for the answer as a whole, and "SLA" with a case per
 * figure; the persona × bastjänst grids and the SLA figures for the HTML report.
 *
 * @example
 * writeReports(chainCertifyReport(report, startedAt, ms), "reports/out", "certify-chain");
 */
export function chainCertifyReport(report: ChainReport, startedAt: Date, durationMs: number): CertifyReport {
  const replay = chainReplay(report);
  const medReplay = (fynd: readonly CertifyFinding[]) =>
    fynd.map((f) => ({ ...f, seed: report.seed, replay }));
  const felaSektioner = (fynd: readonly CertifyFinding[]) => Object.keys(perSektion(fynd).sektion);
  const suites: CertifySuite[] = [
    {
      name: "personas",
      properties: {
        tidsperiod: `${report.tidsperiod.fromDatum}..${report.tidsperiod.tomDatum}`,
        clock: report.klocka,
      },
      cases: report.rader.flatMap((r) =>
        fallPerSektion(
          `${r.personaId} (${r.person})`,
          r.personaId,
          r.ms,
          r.status,
          r.sektioner,
          medReplay(r.fynd),
        ),
      ),
    },
    {
      name: "fault subsets",
      cases: report.storningar.flatMap((r) =>
        fallPerSektion(
          `#${r.nr} ${felText(r.fel)} — ${r.personaId} (${r.person})`,
          r.personaId,
          r.ms,
          r.status,
          r.sektioner,
          medReplay(r.fynd),
          r.fel,
        ),
      ),
    },
    {
      name: "SLA",
      cases: slaFynd(report.sla).map((c) => ({ ...caseFrom(c.namn, 0, medReplay(c.fynd)), untimed: true })),
    },
  ];
  const grids: CertifyGrid[] = [
    {
      title: "Persona × bastjänst",
      columns: [...BASTJANSTER],
      rows: report.rader.map((r) => ({
        name: `${r.personaId} (${r.person})`,
        cells: { ...r.sektioner },
        failed: felaSektioner(r.fynd),
      })),
    },
  ];
  if (report.storningar.length > 0)
    grids.push({
      title: "Fault subsets × bastjänst (injected fault → section)",
      columns: [...BASTJANSTER],
      rows: report.storningar.map((r) => ({
        name: `#${r.nr} ${r.personaId} (${r.person})`,
        cells: Object.fromEntries(
          BASTJANSTER.map((k) => [k, r.fel[k] ? `${r.fel[k]} → ${r.sektioner[k]}` : r.sektioner[k]]),
        ),
        failed: felaSektioner(r.fynd),
      })),
    });
  return buildReport({
    command: "certify chain",
    target: "embedded composite service and seven simulated bastjänster",
    startedAt: startedAt.toISOString(),
    durationMs,
    seed: report.seed,
    suites,
    extra: { sla: report.sla, clock: report.klocka },
    replay,
    grids,
    figures: slaFigurer(report.sla),
    ...(report.interrupted ? { interrupted: report.interrupted } : {}),
  });
}

/** The report as a fixed-width table for the terminal. */
export function formatChainTable(report: ChainReport): string {
  const tabell = (head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  };
  const out = tabell(
    ["persona", "person", "ms", ...BASTJANSTER],
    report.rader.map((r) => [r.personaId, r.person, String(r.ms), ...BASTJANSTER.map((k) => r.sektioner[k])]),
  );
  if (report.storningar.length > 0) {
    out.push("", "Fault subsets (injected faults → the sections they must fail):");
    out.push(
      ...tabell(
        ["#", "faults", "persona", ...BASTJANSTER],
        report.storningar.map((r) => [
          String(r.nr),
          felText(r.fel),
          r.personaId,
          ...BASTJANSTER.map((k) => r.sektioner[k]),
        ]),
      ),
    );
  }
  const s = report.sla;
  const mal = (x: boolean | null) => (x === null ? "no data" : x ? "met" : "NOT MET");
  out.push(
    "",
    `SLA: ${s.svarstid.antal} answers, p50 ${s.svarstid.p50 ?? "–"} ms, p90 ${s.svarstid.p90 ?? "–"} ms, max ${s.svarstid.max ?? "–"} ms; ` +
      `within 7 s ${pct(s.svarstid.andelInom7s)} (${mal(s.mal.inom7s)}), within 12 s ${pct(s.svarstid.andelInom12s)} (${mal(s.mal.inom12s)}); ` +
      `answered ${pct(s.andelBesvarade)} (${mal(s.mal.leveransprecision)}); ${s.medStorning} answer(s) "med störning".`,
  );
  const problems = [
    ...report.rader.flatMap((r) => r.problem.map((p) => `  ${r.personaId} (${r.person}): ${p}`)),
    ...report.storningar.flatMap((r) =>
      r.problem.map((p) => `  fault subset #${r.nr} (${felText(r.fel)}): ${p}`),
    ),
    ...slaFynd(s).flatMap((c) => c.fynd.map((f) => `  SLA: ${f.message}`)),
  ];
  out.push("");
  out.push(
    report.passed
      ? `PASSED: ${report.rader.length} personas, every answer contract-valid with all seven sections; ${report.storningar.length} fault subsets failed exactly where injected; SLA met (seed ${report.seed}, period ${report.tidsperiod.fromDatum}..${report.tidsperiod.tomDatum}).`
      : report.interrupted
        ? `INTERRUPTED (${report.interrupted}): ${report.rader.length} of ${PERSONAS.length} personas and ${report.storningar.length} of ${report.faultSubsets} fault subsets asked; the report is partial.${problems.length ? `\n${problems.join("\n")}` : ""}`
        : `FAILED: ${problems.length} problem(s):\n${problems.join("\n")}`,
  );
  return out.join("\n");
}
