import { HarnessError } from "../contract/errors.js";
import { BASTJANSTER, type BastjanstKod, type KontraktVersion } from "../contract/ssbt/model.js";

/**
 * Options of the simulated chain. All optional; {@link resolveOptions} fills in the defaults.
 */
export interface SimulateOptions {
  /** TCP port. Default 8080; 0 picks a free port. */
  port?: number;
  /** Interface to bind. Default "127.0.0.1". */
  host?: string;
  /** Seed of the population and every simulator. Default 1. */
  seed?: number;
  /** Compresses every simulated delay: 0 = none, 1 = real time. Default 0. */
  timeScale?: number;
  /** Contract served at `/ssbtek`. Default "v10". Both are always served at `/ssbtek/v10` and `/ssbtek/v11`. */
  contract?: KontraktVersion;
  /** Real bastjänst endpoints to call instead of the simulators, e.g. `{ CSN: "https://…" }`. */
  upstreams?: Partial<Record<BastjanstKod, string>>;
  /** Per-bastjänst deadline of the composite service in ms. Default 10 000 (fits the 12 s SLA). */
  deadlineMs?: number;
  /** The simulated clock. Default: real time. */
  now?: () => Date;
  /** Largest accepted request body in bytes. Default 5 MiB. */
  maxBodyBytes?: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  timeScale: number;
  contract: KontraktVersion;
  upstreams: Partial<Record<BastjanstKod, string>>;
  deadlineMs: number;
  now: () => Date;
  maxBodyBytes: number;
}

/**
 * Fills in defaults and checks every option, with a message that says what to do.
 *
 * @example
 * resolveOptions({ port: 0, seed: 7 }).contract // "v10"
 */
export function resolveOptions(o: SimulateOptions = {}): ResolvedOptions {
  const port = o.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HarnessError("BAD_OPTION", `Invalid port ${port}: pass --port with a number 0-65535.`);
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed)) throw new HarnessError("BAD_OPTION", `Invalid seed ${seed}: pass --seed with an integer.`);
  const timeScale = o.timeScale ?? 0;
  if (!(timeScale >= 0) || !Number.isFinite(timeScale))
    throw new HarnessError("BAD_OPTION", `Invalid time scale ${timeScale}: pass --time-scale with a number ≥ 0 (0 = no delays, 1 = real time).`);
  const contract = o.contract ?? "v10";
  if (contract !== "v10" && contract !== "v11")
    throw new HarnessError("BAD_OPTION", `Unknown contract ${String(contract)}: pass --contract v10 or v11.`);
  const upstreams = o.upstreams ?? {};
  for (const [kod, url] of Object.entries(upstreams)) {
    if (!(BASTJANSTER as readonly string[]).includes(kod))
      throw new HarnessError("BAD_OPTION", `Unknown bastjänst ${kod} in --upstream: use one of ${BASTJANSTER.join(", ")}.`);
    let u: URL;
    try {
      u = new URL(url as string);
    } catch {
      throw new HarnessError("BAD_OPTION", `Invalid upstream URL for ${kod}: "${url}". Pass --upstream ${kod}=https://host/path.`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw new HarnessError("BAD_OPTION", `Upstream URL for ${kod} must be http(s), not ${u.protocol}`);
  }
  const deadlineMs = o.deadlineMs ?? 10_000;
  if (!(deadlineMs > 0)) throw new HarnessError("BAD_OPTION", `Invalid deadline ${deadlineMs} ms: must be > 0.`);
  return {
    port,
    host: o.host ?? "127.0.0.1",
    seed,
    timeScale,
    contract,
    upstreams,
    deadlineMs,
    now: o.now ?? (() => new Date()),
    maxBodyBytes: o.maxBodyBytes ?? 5 * 1024 * 1024,
  };
}
