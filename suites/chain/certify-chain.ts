import { maskera } from "../../contract/personidentitet.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type SsbtFraga,
  type Tidsperiod,
} from "../../contract/ssbt/model.js";
import { lefiFragaBase64 } from "../../simulators/fk/index.js";
import type { SimulateOptions } from "../../simulators/options.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { startSimulator } from "../../simulators/server.js";
import { hamtaOverHttp } from "./client.js";

/** Per persona: what each section held. */
export interface ChainRad {
  personaId: string;
  /** Masked personidentitet. */
  person: string;
  status: number;
  ms: number;
  /** "data" | "BT:<felkod>" | "SSBT:<felkod>" | "saknas" per bastjänst. */
  sektioner: Record<BastjanstKod, string>;
  problem: string[];
}

export interface ChainReport {
  seed: number;
  tidsperiod: Tidsperiod;
  rader: ChainRad[];
  passed: boolean;
}

/** A period every bastjänst accepts at `now`: the last 60 days. */
export function standardPeriod(now: Date): Tidsperiod {
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return { fromDatum: d(new Date(now.getTime() - 60 * 86_400_000)), tomDatum: d(now) };
}

/** A composite question for one person with all seven bastjänster included. */
export function fullFraga(personidentitet: string, period: Tidsperiod, arende: string): SsbtFraga {
  return {
    generellaFrageparametrar: {
      korrelationsid: `certify-${arende}`,
      fraganSkallInkluderasISvaret: false,
      ingivare: {
        organisationsnummer: "162129999991",
        namn: "Certifieringskommunen",
        handlaggare: "certify",
      },
      personidentitet,
      arendeidentitet: arende,
      tidsperiod: period,
      personuppgiftsbitrade: [],
      syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
      lagtext: "11 kap. 11 a § socialtjänstlagen (2001:453)",
    },
    specifikaFrageparametrar: {
      AF: { inkludera: true },
      CSN: { inkludera: true },
      FK: {
        inkludera: true,
        fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefiFragaBase64(personidentitet, period) },
      },
      SKV: { inkludera: true },
      SO: { inkludera: true },
      TNS: { inkludera: true },
      MIV: { inkludera: true },
    },
  };
}

/**
 * Certifies the whole chain end to end on the embedded simulators: starts them on a real HTTP
 * server, asks about every persona with all seven bastjänster included, and checks that every
 * answer is a contract-valid composite answer with exactly the seven sections and no section
 * failed by the composite service itself.
 *
 * @example
 * const report = await certifyChain({ seed: 1 }); report.passed
 */
export async function certifyChain(
  options: SimulateOptions = {},
  progress: (rad: ChainRad) => void = () => {},
): Promise<ChainReport> {
  const sim = await startSimulator({ ...options, port: options.port ?? 0 });
  try {
    const now = sim.chain.context.now();
    const period = standardPeriod(now);
    const rader: ChainRad[] = [];
    for (const [i, p] of PERSONAS.entries()) {
      const arende = `CERT-${String(i + 1).padStart(3, "0")}`;
      const r = await hamtaOverHttp(sim.ssbtek, fullFraga(p.personidentitet, period, arende));
      const sektioner = {} as Record<BastjanstKod, string>;
      const problem: string[] = [];
      if (!r.ok) problem.push(`no answer: HTTP ${r.status} ${r.fault?.felkod ?? ""} ${r.message}`.trim());
      for (const kod of BASTJANSTER) {
        const s = r.ok ? r.svar.svarsdata[kod] : undefined;
        if (!s) {
          sektioner[kod] = "saknas";
          if (r.ok) problem.push(`${kod}: section missing`);
        } else if ("error" in s) {
          sektioner[kod] = `${s.error.kalla}:${s.error.felkod}`;
          if (s.error.kalla === "SSBT") problem.push(`${kod}: composite service failed (${s.error.felkod})`);
        } else sektioner[kod] = "data";
      }
      if (r.ok && r.svar.korrelationsid !== `certify-${arende}`) problem.push("korrelationsid not echoed");
      const rad: ChainRad = {
        personaId: p.id,
        person: maskera(p.personidentitet),
        status: r.status,
        ms: Math.round(r.ms),
        sektioner,
        problem,
      };
      rader.push(rad);
      progress(rad);
    }
    return {
      seed: sim.chain.context.seed,
      tidsperiod: period,
      rader,
      passed: rader.every((r) => r.problem.length === 0),
    };
  } finally {
    await sim.close();
  }
}

/** The report as a fixed-width table for the terminal. */
export function formatChainTable(report: ChainReport): string {
  const head = ["persona", "person", "ms", ...BASTJANSTER];
  const rows = report.rader.map((r) => [
    r.personaId,
    r.person,
    String(r.ms),
    ...BASTJANSTER.map((k) => r.sektioner[k]),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  const problems = report.rader.flatMap((r) => r.problem.map((p) => `  ${r.personaId} (${r.person}): ${p}`));
  out.push("");
  out.push(
    report.passed
      ? `PASSED: ${report.rader.length} personas, every answer contract-valid with all seven sections (seed ${report.seed}, period ${report.tidsperiod.fromDatum}..${report.tidsperiod.tomDatum}).`
      : `FAILED: ${problems.length} problem(s):\n${problems.join("\n")}`,
  );
  return out.join("\n");
}
