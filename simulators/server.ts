import type { AddressInfo } from "node:net";
import { HarnessError } from "../contract/errors.js";
import type { BastjanstKod } from "../contract/ssbt/model.js";
import { serveEndpoint } from "./adapters/node-http.js";
import { type Chain, type ChainHooks, createChain } from "./chain.js";
import { resolveOptions, type SimulateOptions } from "./options.js";

export { HEADERS_TIMEOUT_MS, MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS } from "./adapters/node-http.js";

/** A running simulated chain on a real HTTP server. */
export interface RunningSimulator {
  /** Base URL, e.g. "http://127.0.0.1:8080". */
  url: string;
  /** The composite service endpoint, e.g. "http://127.0.0.1:8080/ssbtek". */
  ssbtek: string;
  /** Endpoint per bastjänst (as listed by GET /__admin/upstreams). */
  upstreams: Record<BastjanstKod, string>;
  chain: Chain;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * Starts the whole simulated chain on a real HTTP server: the composite service at `/ssbtek`
 * (WSDL at `/ssbtek?wsdl`), every bastjänst at its own endpoint, and the admin API.
 *
 * @example
 * const sim = await startSimulator({ port: 0, seed: 7 });
 * // … POST SOAP to sim.ssbtek …
 * await sim.close();
 */
export async function startSimulator(
  o: SimulateOptions = {},
  hooks: ChainHooks = {},
): Promise<RunningSimulator> {
  const options = resolveOptions(o);
  const chain = createChain(options, `http://${options.host}:${options.port}`, hooks);
  const server = serveEndpoint((request) => chain.endpoint(request), { maxBodyBytes: options.maxBodyBytes });
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
    server.listen(options.port, options.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const origin = `http://${host}:${addr.port}`;
  chain.setOrigin(origin);
  return {
    url: origin,
    ssbtek: `${origin}/ssbtek`,
    upstreams: chain.upstreams,
    chain,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
