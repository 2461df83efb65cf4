import { HttpResponse, http, type HttpHandler } from "msw";
import { BASTJANSTER, type BastjanstKod, type SsbtFraga } from "../contract/ssbt/model.js";
import { type SsbtUtfall, ssbtHandlers } from "./aggregator/handlers.js";
import { KompositTjanst, type Upstream } from "./aggregator/service.js";
import { fetchTransport, inProcessTransport } from "./aggregator/transport.js";
import type { SimulatorContext } from "./context.js";
import type { ResolvedOptions } from "./options.js";
import { Population } from "./population/population.js";
import { SIMULATORER } from "./registry.js";

/** The whole simulated chain, ready to be served (on the wire or in-process). */
export interface Chain {
  context: SimulatorContext;
  komposit: KompositTjanst;
  /** Every handler: composite service, the seven bastjänster, admin API. */
  handlers: HttpHandler[];
  /** Endpoint URL per bastjänst (simulated or real). */
  upstreams: Record<BastjanstKod, string>;
}

/** The connection-test question: a person nobody knows, last month. */
export function pingFraga(now: Date): SsbtFraga {
  const tom = new Date(now.getTime());
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return {
    generellaFrageparametrar: {
      fraganSkallInkluderasISvaret: false,
      ingivare: { organisationsnummer: "162129999991", namn: "SSBTEK anslutningstest", handlaggare: "ssbt-ping" },
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
            JSON.stringify({ personnummer: "196507309901", period: { from: d(from), tom: d(tom) }, formansinformation: ["FK:BOB"] }),
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

/**
 * Assembles the chain: population, the seven simulators, the composite service calling each
 * bastjänst through its own endpoint (in-process unless a real upstream is given), and the admin API.
 *
 * @example
 * const chain = createChain(resolveOptions({ seed: 7 }), "http://127.0.0.1:8080");
 */
export function createChain(
  options: ResolvedOptions,
  baseUrl: string,
  hooks: { onUtfall?: (u: SsbtUtfall) => void } = {},
): Chain {
  const context: SimulatorContext = { seed: options.seed, population: new Population(options.seed), now: options.now };
  const simHandlers = BASTJANSTER.flatMap((k) => SIMULATORER[k].handlers(context));
  const inProcess = inProcessTransport(simHandlers);
  const upstreamMap = {} as Record<BastjanstKod, Upstream>;
  const urls = {} as Record<BastjanstKod, string>;
  for (const kod of BASTJANSTER) {
    const simulator = SIMULATORER[kod];
    const real = options.upstreams[kod];
    upstreamMap[kod] = real
      ? { simulator, endpoint: real, transport: fetchTransport, real: true }
      : { simulator, endpoint: `${baseUrl}${simulator.path}`, transport: inProcess, real: false };
    urls[kod] = upstreamMap[kod].endpoint;
  }
  const komposit = new KompositTjanst({ upstreams: upstreamMap, deadlineMs: () => options.deadlineMs });
  const admin = [http.get("*/__admin/upstreams", () => HttpResponse.json(urls))];
  const handlers = [
    ...ssbtHandlers({
      komposit,
      defaultVersion: options.contract,
      pingFraga: () => pingFraga(options.now()),
      ...(hooks.onUtfall ? { onUtfall: hooks.onUtfall } : {}),
    }),
    ...simHandlers,
    ...admin,
  ];
  return { context, komposit, handlers, upstreams: urls };
}
