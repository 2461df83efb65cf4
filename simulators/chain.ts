import type { HttpHandler } from "msw";
import type { BastjanstKod, SpecifikaFrageparametrar, SsbtFraga } from "../contract/ssbt/model.js";
import { fromMswHandlers, mswHandler } from "./adapters/msw.js";
import { fetchTransport, inProcessTransport } from "./adapters/transport.js";
import { adminHandlers } from "./admin/handlers.js";
import { type SsbtUtfall, ssbtEndpoint } from "./aggregator/handlers.js";
import { KompositTjanst, type Upstream } from "./aggregator/service.js";
import type { BastjanstSimulator } from "./bastjanst.js";
import type { SimulatorContext } from "./context.js";
import { type Endpoint, type SimRequest, underPath } from "./endpoint.js";
import { SimulationControl } from "./faults/control.js";
import { withTimingAndFaults } from "./faults/layer.js";
import type { Scenario } from "./faults/scenario.js";
import type { ResolvedOptions } from "./options.js";
import { Population } from "./population/population.js";
import { REGISTRERADE } from "./registry.js";

/** A decorator of an endpoint (recording, inspection): gets the endpoint it wraps. */
export type Decorator = (next: Endpoint) => Endpoint;

/** The whole simulated chain, ready to be served (on the wire or in-process). */
export interface Chain {
  context: SimulatorContext;
  komposit: KompositTjanst;
  /** The timing and fault layer's live state (what the admin API changes). */
  control: SimulationControl;
  /**
   * The whole chain as one endpoint: the composite service, the seven bastjänster (each behind
   * the timing and fault layer) and the admin API, routed by path.
   */
  endpoint: Endpoint;
  /** The same chain as msw handlers (the msw adapter around {@link Chain.endpoint}). */
  handlers: HttpHandler[];
  /** Endpoint URL per bastjänst (simulated or real), on the chain's current origin. */
  readonly upstreams: Record<BastjanstKod, string>;
  /** The origin the chain is served on (WSDL address, upstream URLs), e.g. once the port is known. */
  setOrigin(origin: string): void;
  /** Wraps the composite service's endpoint (e.g. a recorder of every exchange). */
  useComposite(decorator: Decorator): void;
  /** The scenario the chain was started with, if any. */
  scenario?: Scenario;
}

/**
 * The admin API's paths: `/__admin/faults`, `/__admin/metrics`, … (one lower-case segment); and
 * the web console's: `/__console`, `/__console/console.js`, `/__console/events`,
 * `/__console/api/utbyten/12` (lower-case segments, a file name, or a number).
 */
const ADMIN_PATH = /^\/__admin\/[a-z]+$|^\/__console(?:\/(?:[a-z]+(?:\.[a-z]+)?|\d{1,12}))*\/?$/;

/**
 * The connection-test question: a person nobody knows, last month, every bastjänst asked with
 * its default question part (`fragaparametrar`).
 */
export function pingFraga(now: Date, bastjanster: readonly BastjanstSimulator[] = REGISTRERADE): SsbtFraga {
  const tom = new Date(now.getTime());
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const d = (x: Date) => x.toISOString().slice(0, 10);
  const personidentitet = "196507309901";
  const period = { fromDatum: d(from), tomDatum: d(tom) };
  return {
    generellaFrageparametrar: {
      fraganSkallInkluderasISvaret: false,
      ingivare: {
        organisationsnummer: "162129999991",
        namn: "SSBTEK anslutningstest",
        handlaggare: "ssbt-ping",
      },
      personidentitet,
      arendeidentitet: "ANSLUTNINGSTEST",
      tidsperiod: period,
      personuppgiftsbitrade: [],
      syfte: "Anslutningstest",
      lagtext: "Anslutningstest",
    },
    specifikaFrageparametrar: Object.fromEntries(
      bastjanster.map((s) => [s.kod, s.fragaparametrar?.(personidentitet, period) ?? { inkludera: true }]),
    ) as SpecifikaFrageparametrar,
  };
}

/** What a caller plugs into the chain: an observer of every exchange and extra admin endpoints. */
export interface ChainHooks {
  /** Every SOAP exchange (`request` is the plain request it answered). */
  onUtfall?: (u: SsbtUtfall, request: SimRequest) => void;
  /** Extra admin endpoints, e.g. the metrics of simulators/observability.ts. */
  adminHandlers?: () => HttpHandler[];
  /**
   * Wraps each simulated bastjänst's endpoint outside its timing and fault layer (so it sees what
   * the composite service sees), e.g. the web console's recorder.
   */
  bastjanst?: (kod: BastjanstKod) => Decorator;
}

/**
 * Assembles the chain: population, the seven simulators each behind the timing and fault layer
 * (so the same delays and faults apply in-process and on the wire), the composite service calling
 * each bastjänst through its own endpoint (in-process unless a real upstream is given), and the
 * admin API — all one endpoint, which any adapter serves.
 *
 * @example
 * const chain = createChain(resolveOptions({ seed: 7 }), "http://127.0.0.1:8080");
 */
export function createChain(options: ResolvedOptions, baseUrl: string, hooks: ChainHooks = {}): Chain {
  let origin = baseUrl;
  const context: SimulatorContext = {
    seed: options.seed,
    population: new Population(options.seed),
    now: options.now,
    dialekt: options.dialect,
  };
  const control = new SimulationControl({
    seed: options.seed,
    now: options.now,
    timeScale: options.timeScale,
    profile: options.profile,
    timing: options.timing,
    faults: options.faults,
    deadlineMs: options.deadlines,
    realUpstreams: options.bastjanster.map((s) => s.kod).filter((k) => options.upstreams[k]),
    koder: options.bastjanster.map((s) => s.kod),
  });
  const simulated = options.bastjanster.map((sim) => {
    const layered = withTimingAndFaults(sim, sim.endpoint(context), control);
    return { sim, endpoint: hooks.bastjanst ? hooks.bastjanst(sim.kod)(layered) : layered };
  });
  const upstreamMap = {} as Record<BastjanstKod, Upstream>;
  for (const { sim, endpoint } of simulated) {
    const real = options.upstreams[sim.kod];
    upstreamMap[sim.kod] = real
      ? { simulator: sim, endpoint: real, transport: fetchTransport, real: true }
      : {
          simulator: sim,
          endpoint: `${origin}${sim.path}`,
          transport: inProcessTransport(endpoint),
          real: false,
        };
  }
  const upstreams = (): Record<BastjanstKod, string> =>
    Object.fromEntries(simulated.map(({ sim }) => [sim.kod, upstreamMap[sim.kod].endpoint])) as Record<
      BastjanstKod,
      string
    >;
  // The layer compares simulated delays with the deadline itself (a simulated timeout answers
  // after at most deadline × timeScale); this real-time timer is the safety net for real
  // upstreams and for real compute time, stretched when simulated time runs slower than real.
  const realDeadline = (kod: BastjanstKod) => options.deadlines[kod] * Math.max(1, options.timeScale);
  const komposit = new KompositTjanst({ upstreams: upstreamMap, deadlineMs: realDeadline });
  const adminList = adminHandlers({
    control,
    get upstreams() {
      return upstreams();
    },
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
  const admin = fromMswHandlers(() => [...adminList, ...(hooks.adminHandlers?.() ?? [])]);
  let composite: Endpoint = ssbtEndpoint({
    komposit,
    defaultVersion: options.contract,
    pingFraga: () => pingFraga(options.now(), options.bastjanster),
    origin: () => origin,
    ...(hooks.onUtfall ? { onUtfall: hooks.onUtfall } : {}),
  });
  const endpoint: Endpoint = (request) => {
    const { path } = request;
    if (underPath(path, "/ssbtek")) return composite(request);
    for (const s of simulated) if (underPath(path, s.sim.path)) return s.endpoint(request);
    // Exact admin and console paths only, case-sensitive, nothing before or after them.
    return ADMIN_PATH.test(path) ? admin(request) : undefined;
  };
  return {
    context,
    komposit,
    control,
    endpoint,
    handlers: [mswHandler(endpoint)],
    get upstreams() {
      return upstreams();
    },
    setOrigin(o: string) {
      origin = o;
      for (const { sim } of simulated)
        if (!upstreamMap[sim.kod].real) upstreamMap[sim.kod].endpoint = `${origin}${sim.path}`;
    },
    useComposite(decorator: Decorator) {
      composite = decorator(composite);
    },
    ...(options.scenario ? { scenario: options.scenario } : {}),
  };
}
