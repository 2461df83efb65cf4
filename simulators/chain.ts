import type { HttpHandler } from "msw";
import { BASTJANSTER, type BastjanstKod, type SsbtFraga } from "../contract/ssbt/model.js";
import { adminHandlers } from "./admin/handlers.js";
import { type SsbtUtfall, ssbtHandlers } from "./aggregator/handlers.js";
import { KompositTjanst, type Upstream } from "./aggregator/service.js";
import { fetchTransport, inProcessTransport } from "./aggregator/transport.js";
import type { SimulatorContext } from "./context.js";
import { SimulationControl } from "./faults/control.js";
import { faultLayer, withSimulatedOutcomes } from "./faults/layer.js";
import type { Scenario } from "./faults/scenario.js";
import type { ResolvedOptions } from "./options.js";
import { Population } from "./population/population.js";
import { SIMULATORER } from "./registry.js";

/** The whole simulated chain, ready to be served (on the wire or in-process). */
export interface Chain {
  context: SimulatorContext;
  komposit: KompositTjanst;
  /** The timing and fault layer's live state (what the admin API changes). */
  control: SimulationControl;
  /** Every handler: composite service, the seven bastjänster (behind the timing/fault layer), admin API. */
  handlers: HttpHandler[];
  /** Endpoint URL per bastjänst (simulated or real). */
  upstreams: Record<BastjanstKod, string>;
  /** The scenario the chain was started with, if any. */
  scenario?: Scenario;
}

/** The connection-test question: a person nobody knows, last month. */
export function pingFraga(now: Date): SsbtFraga {
  const tom = new Date(now.getTime());
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return {
    generellaFrageparametrar: {
      fraganSkallInkluderasISvaret: false,
      ingivare: {
        organisationsnummer: "162129999991",
        namn: "SSBTEK anslutningstest",
        handlaggare: "ssbt-ping",
      },
      personidentitet: "196507309901",
      arendeidentitet: "ANSLUTNINGSTEST",
      tidsperiod: { fromDatum: d(from), tomDatum: d(tom) },
      personuppgiftsbitrade: [],
      syfte: "Anslutningstest",
      lagtext: "Anslutningstest",
    },
    specifikaFrageparametrar: {
      AF: { inkludera: true },
      CSN: { inkludera: true },
      FK: {
        inkludera: true,
        fraga: {
          version: "v9",
          aktorsid: "026-51",
          lefiJsonFraga: Buffer.from(
            JSON.stringify({
              personnummer: "196507309901",
              period: { from: d(from), tom: d(tom) },
              formansinformation: ["FK:BOB"],
            }),
          ).toString("base64"),
        },
      },
      SKV: { inkludera: true },
      SO: { inkludera: true },
      TNS: { inkludera: true },
      MIV: { inkludera: true },
    },
  };
}

/** What a caller plugs into the chain: an observer of every exchange and extra admin endpoints. */
export interface ChainHooks {
  onUtfall?: (u: SsbtUtfall) => void;
  /** Extra admin endpoints, e.g. the metrics of simulators/observability.ts. */
  adminHandlers?: () => HttpHandler[];
}

/**
 * Assembles the chain: population, the seven simulators each behind the timing and fault layer
 * (so the same delays and faults apply in-process and on the wire), the composite service calling
 * each bastjänst through its own endpoint (in-process unless a real upstream is given), and the
 * admin API.
 *
 * @example
 * const chain = createChain(resolveOptions({ seed: 7 }), "http://127.0.0.1:8080");
 */
export function createChain(options: ResolvedOptions, baseUrl: string, hooks: ChainHooks = {}): Chain {
  const context: SimulatorContext = {
    seed: options.seed,
    population: new Population(options.seed),
    now: options.now,
  };
  const control = new SimulationControl({
    seed: options.seed,
    now: options.now,
    timeScale: options.timeScale,
    profile: options.profile,
    timing: options.timing,
    faults: options.faults,
    deadlineMs: options.deadlines,
    realUpstreams: BASTJANSTER.filter((k) => options.upstreams[k]),
  });
  const simHandlers = BASTJANSTER.flatMap((k) => {
    const own = SIMULATORER[k].handlers(context);
    return [...faultLayer(SIMULATORER[k], own, control), ...own];
  });
  const inProcess = inProcessTransport(simHandlers);
  const upstreamMap = {} as Record<BastjanstKod, Upstream>;
  const urls = {} as Record<BastjanstKod, string>;
  for (const kod of BASTJANSTER) {
    const simulator = SIMULATORER[kod];
    const real = options.upstreams[kod];
    upstreamMap[kod] = real
      ? { simulator, endpoint: real, transport: fetchTransport, real: true }
      : {
          simulator: withSimulatedOutcomes(simulator, control),
          endpoint: `${baseUrl}${simulator.path}`,
          transport: inProcess,
          real: false,
        };
    urls[kod] = upstreamMap[kod].endpoint;
  }
  // The layer compares simulated delays with the deadline itself (a simulated timeout answers
  // after at most deadline × timeScale); this real-time timer is the safety net for real
  // upstreams and for real compute time, stretched when simulated time runs slower than real.
  const realDeadline = (kod: BastjanstKod) => options.deadlines[kod] * Math.max(1, options.timeScale);
  const komposit = new KompositTjanst({ upstreams: upstreamMap, deadlineMs: realDeadline });
  const admin = adminHandlers({
    control,
    upstreams: urls,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  const handlers = [
    ...ssbtHandlers({
      komposit,
      defaultVersion: options.contract,
      pingFraga: () => pingFraga(options.now()),
      ...(hooks.onUtfall ? { onUtfall: hooks.onUtfall } : {}),
    }),
    ...simHandlers,
    ...admin,
    ...(hooks.adminHandlers?.() ?? []),
  ];
  return {
    context,
    komposit,
    control,
    handlers,
    upstreams: urls,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  };
}
