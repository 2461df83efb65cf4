import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import { HarnessError } from "../contract/errors.js";
import { SSBT_FELKOD } from "../contract/ssbt/felkoder.js";
import type { BastjanstKod, KontraktVersion } from "../contract/ssbt/model.js";
import {
  type ConnectionState,
  REQUEST_TIMEOUT_MS,
  serveEndpoint,
  tooManyConnections,
  type WireExchange,
} from "./adapters/node-http.js";
import { adminGuard, guardOperatorPaths, isLoopback, LOOPBACK_NAMES } from "./admin/guard.js";
import { admissionControl, overloadFault, ssbtWireFault } from "./admission.js";
import type { SsbtUtfall } from "./aggregator/handlers.js";
import { type Chain, type ChainHooks, createChain } from "./chain.js";
import { konsolensToken } from "./console/token.js";
import { type SimRequest, underPath } from "./endpoint.js";
import { resolveOptions, type SimulateOptions } from "./options.js";

export {
  CONNECTION_CHECK_MS,
  type ConnectionState,
  connectionLimits,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_CONNECTIONS,
  MAX_HEADER_BYTES,
  REQUEST_TIMEOUT_MS,
} from "./adapters/node-http.js";

/** Default drain on stop: longer than the 12 s service level, so every answer in progress goes out. */
export const DEFAULT_DRAIN_MS = 15_000;

/** One composite request as delivered on the wire: arrival to last byte sent. */
export interface Leverans {
  ms: number;
  status: number;
  /** The whole answer was sent (false: the connection closed first). */
  completed: boolean;
  /** Refused as overloaded (503 SSBT-3001): at admission, or on a connection beyond the soft limit. */
  refused: boolean;
}

/** What a caller plugs into a served chain: the chain's hooks plus wire-level delivery. */
export interface SimulatorHooks extends ChainHooks {
  /** Every composite request once its answer is sent (or its connection closed). */
  onLeverans?: (l: Leverans) => void;
}

/** How a stop went. */
export interface StopResult {
  /** Every request in progress got its answer within the drain limit. */
  drained: boolean;
  /** Requests still open when the drain limit cut them off. */
  cutOff: number;
}

/** A running simulated chain on a real HTTP server. */
export interface RunningSimulator {
  /** Base URL, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** The composite service endpoint, e.g. "http://127.0.0.1:8080/ssbtek". */
  ssbtek: string;
  /** Endpoint per bastjänst (as listed by GET /__admin/upstreams). */
  upstreams: Record<BastjanstKod, string>;
  chain: Chain;
  /** The admin API: on or off, and the token it requires (generated when bound beyond loopback). */
  admin: { enabled: boolean; token?: string; tokenGenerated: boolean };
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Open connections and the connection limits (soft: beyond, one 503 and close; hard: dropped). */
  connections(): ConnectionState;
  /**
   * Stops accepting connections, lets the requests in progress finish (at most `drainMs`, default
   * {@link DEFAULT_DRAIN_MS}; answers go out with `Connection: close`), then closes what is left.
   */
  close(o?: { drainMs?: number }): Promise<StopResult>;
}

function adminHostNames(bound: string, extra: readonly string[]): Set<string> {
  const hosts = new Set<string>([...LOOPBACK_NAMES, ...extra]);
  const b = bound.toLowerCase().replace(/^\[|\]$/g, "");
  if (b === "0.0.0.0" || b === "::" || b === "") {
    // Bound to every interface: any of the machine's own addresses and its name.
    hosts.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) hosts.add(a.address.toLowerCase());
  } else hosts.add(b);
  return hosts;
}

/**
 * Starts the whole simulated chain on a real HTTP server: the composite service at `/ssbtek`
 * (WSDL at `/ssbtek?wsdl`), every bastjänst at its own endpoint, and the admin API behind
 * {@link adminGuard}. Composite requests pass admission control (a bounded number in progress, a
 * bounded wait, then a fast 503 SOAP Fault SSBT-3001); connections are bounded and slow senders
 * cut off.
 *
 * @example
 * const sim = await startSimulator({ port: 0, seed: 7 });
 * // … POST SOAP to sim.ssbtek …
 * await sim.close();
 */
export async function startSimulator(
  o: SimulateOptions = {},
  hooks: SimulatorHooks = {},
): Promise<RunningSimulator> {
  const options = resolveOptions(o);
  // The question each answer came from, until its last byte is sent (then the hooks see the wire
  // time). A Map emptied by the exchange, not a WeakMap: V8's scavenges keep a WeakMap's values
  // alive while its table is old, so every question was promoted and only a full GC freed it
  // (3.6× the promoted bytes, 2.7× the mark-compacts under load).
  const pending = new Map<SimRequest, SsbtUtfall>();
  const chain = createChain(options, `http://${options.host}:${options.port}`, {
    ...(hooks.adminHandlers ? { adminHandlers: hooks.adminHandlers } : {}),
    ...(hooks.bastjanst ? { bastjanst: hooks.bastjanst } : {}),
    onUtfall: (u, request) => pending.set(request, u),
  });
  const versionOfPath = (path: string): KontraktVersion =>
    path === "/ssbtek/v11" ? "v11" : path === "/ssbtek/v10" ? "v10" : options.contract;
  const versionOf = (r: SimRequest): KontraktVersion => versionOfPath(r.path);
  const admission = admissionControl(options.admission, versionOf);
  chain.useComposite(admission.decorator);
  const token =
    options.admin.token ??
    (options.admin.enabled && !isLoopback(options.host) ? randomBytes(24).toString("base64url") : undefined);
  const policy = {
    enabled: options.admin.enabled,
    ...(token !== undefined ? { token } : {}),
    hosts: adminHostNames(options.host, options.admin.hosts),
    port: options.port,
  };
  let closing = false;
  const onExchange = (e: WireExchange) => {
    if (!underPath(e.path, "/ssbtek")) return;
    const u = e.request ? pending.get(e.request) : undefined;
    if (u && e.request) pending.delete(e.request);
    if (u && e.request) hooks.onUtfall?.({ ...u, ms: e.ms }, e.request);
    hooks.onLeverans?.({
      ms: e.ms,
      status: e.status,
      completed: e.completed,
      refused: e.overCapacity === true || (e.request !== undefined && admission.refused(e.request)),
    });
  };
  const guard = adminGuard(policy);
  // The console's page load and scripts carry the token as a cookie (or ?token= once): see konsolensToken.
  const server = serveEndpoint(
    guardOperatorPaths(chain.endpoint, (r) => guard(konsolensToken(r))),
    {
      maxBodyBytes: options.maxBodyBytes,
      maxConnections: options.maxConnections,
      headersTimeoutMs: options.headersTimeoutMs,
      requestTimeoutMs: Math.max(options.headersTimeoutMs, REQUEST_TIMEOUT_MS),
      onExchange,
      closing: () => closing,
      // Beyond the soft connection limit: the composite service's own overload refusal; the
      // operator's surfaces (/__admin, /__console) are still served, so the operator can look.
      refuseEarly: (method, path) =>
        method === "POST" && admission.saturated() && underPath(path, "/ssbtek")
          ? overloadFault(versionOfPath(path))
          : undefined,
      overCapacity: (path) =>
        underPath(path, "/__admin") || underPath(path, "/__console")
          ? undefined
          : underPath(path, "/ssbtek")
            ? overloadFault(versionOfPath(path))
            : tooManyConnections(),
      badPath: (path) =>
        path.startsWith("/ssbtek")
          ? ssbtWireFault(
              options.contract,
              SSBT_FELKOD.OGILTIGT_MEDDELANDE,
              "Sökvägen har felaktig procentkodning: varje % måste inleda en UTF-8-kodning som %C3%A5.",
              400,
            )
          : undefined,
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE")
        reject(
          new HarnessError(
            "PORT_IN_USE",
            `Failed to start simulator: port ${options.port} is in use. Pass --port or free the port.`,
          ),
        );
      else if (e.code === "EACCES")
        reject(
          new HarnessError(
            "PORT_DENIED",
            `Failed to start simulator: no permission to bind port ${options.port}. Use a port above 1024.`,
          ),
        );
      else
        reject(
          new HarnessError(
            "LISTEN_FAILED",
            `Failed to start simulator on ${options.host}:${options.port}: ${e.message}`,
          ),
        );
    });
    // A deep accept queue: under a burst of new connections the kernel must not drop SYNs (the
    // client would retry after 1 s, 3 s, 7 s — a wait no server-side metric can see).
    server.listen({ port: options.port, host: options.host, backlog: 4096 }, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  policy.port = addr.port;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const origin = `http://${host}:${addr.port}`;
  chain.setOrigin(origin);
  let stopped: Promise<StopResult> | undefined;
  const close = (c: { drainMs?: number } = {}): Promise<StopResult> => {
    stopped ??= new Promise<StopResult>((resolve) => {
      closing = true;
      admission.stop();
      const drainMs = c.drainMs ?? DEFAULT_DRAIN_MS;
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const started = Date.now();
      const poll = setInterval(() => {
        // Keep-alive connections that went idle after their last answer.
        server.closeIdleConnections();
        const open = server.inFlight();
        if (open > 0 && Date.now() - started < drainMs) return;
        clearInterval(poll);
        server.closeAllConnections();
        void closed.then(() => resolve({ drained: open === 0, cutOff: open }));
      }, 20);
    });
    return stopped;
  };
  return {
    url: origin,
    ssbtek: `${origin}/ssbtek`,
    upstreams: chain.upstreams,
    chain,
    admin: {
      enabled: options.admin.enabled,
      ...(token !== undefined ? { token } : {}),
      tokenGenerated: token !== undefined && options.admin.token === undefined,
    },
    inFlight: () => server.inFlight(),
    connections: () => server.connectionState(),
    close,
  };
}
