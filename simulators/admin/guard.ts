import { timingSafeEqual } from "node:crypto";
import { type Endpoint, jsonResponse, type SimRequest, type SimResponse } from "../endpoint.js";

/**
 * Path prefixes that are operator surfaces, not part of the simulated chain: the admin API and the
 * web console. Case-sensitive: `/__ADMIN/…` is not one of them (and is no endpoint either).
 */
export const GUARDED_PREFIXES = ["/__admin", "/__console"] as const;

/**
 * Whether a path is under one of {@link GUARDED_PREFIXES} (exactly, case-sensitive).
 *
 * @example
 * isGuardedPath("/__admin/faults") // true
 * isGuardedPath("/ssbtek/__admin/faults") // false: that is the composite service's path
 */
export function isGuardedPath(path: string): boolean {
  return GUARDED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/** Who may use the operator surfaces of a running simulator. */
export interface AdminPolicy {
  /** False with `--no-admin`: every guarded path answers 404. */
  enabled: boolean;
  /** When set, every guarded request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Host names (lower case, IPv6 without brackets) a `Host` or `Origin` header may name. */
  hosts: ReadonlySet<string>;
  /** The port the server listens on (a `Host` header naming another port is refused). */
  port: number;
}

/** Host names that always mean "this machine". */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/**
 * Whether a bind address or host name is loopback (127.0.0.0/8, ::1, localhost).
 *
 * @example
 * isLoopback("127.0.0.1") // true
 * isLoopback("0.0.0.0") // false
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** `host[:port]` of a Host header or an origin's authority, or undefined when malformed. */
function parseAuthority(value: string): { host: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  const host = (m[1] as string).toLowerCase().replace(/^\[|\]$/g, "");
  return m[2] === undefined ? { host } : { host, port: Number(m[2]) };
}

function allowedAuthority(value: string, policy: AdminPolicy, defaultPort: number): boolean {
  const a = parseAuthority(value);
  if (!a) return false;
  const nameOk = policy.hosts.has(a.host) || isLoopback(a.host);
  return nameOk && (a.port ?? defaultPort) === policy.port;
}

function refuse(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  const r = jsonResponse(status, { error, message });
  return { ...r, headers: { ...r.headers, "cache-control": "no-store", ...headers } };
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * The one guard in front of every operator surface (the admin API, the web console). Returns the
 * refusal to send, or `undefined` when the request may go on. In order:
 *
 * 1. `--no-admin`: 404.
 * 2. `Host` must name the bound address (or, bound to all interfaces, one of the machine's
 *    addresses or names), a loopback name, or an `--admin-host`, with the listening port: else
 *    403 — a DNS-rebinding page in a browser cannot reach the API under its own name.
 * 3. With a token (always when bound to a non-loopback address): `Authorization: Bearer <token>`,
 *    else 401.
 * 4. State-changing calls (anything but GET/HEAD): an `Origin` header, when sent, must be an
 *    allowed host (else 403: no cross-site form or fetch), and the body must be declared
 *    `Content-Type: application/json` (else 415: a browser cannot send that cross-site without a
 *    preflight, which nothing here answers).
 *
 * A web console mounted at `/__console` calls the same function first, so it gets the same rules.
 *
 * @example
 * const guard = adminGuard({ enabled: true, hosts: new Set(["127.0.0.1"]), port: 8080 });
 * const refusal = guard(request);
 * if (refusal) return refusal;
 */
export function adminGuard(policy: AdminPolicy): (request: SimRequest) => SimResponse | undefined {
  return (request) => {
    if (!policy.enabled)
      return refuse(
        404,
        "ADMIN_DISABLED",
        "The admin API and console are turned off (--no-admin). Restart without --no-admin to use them.",
      );
    const host = request.headers.host;
    if (host === undefined || !allowedAuthority(host, policy, 80))
      return refuse(
        403,
        "HOST_NOT_ALLOWED",
        "The Host header does not name this simulator. Use the address it printed at start, or add the name with --admin-host.",
      );
    if (policy.token !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
      if (!m || !tokenMatches(m[1] as string, policy.token))
        return refuse(
          401,
          "TOKEN_REQUIRED",
          "The admin API needs the token printed at start: send Authorization: Bearer <token>.",
          { "www-authenticate": 'Bearer realm="ssbtek-harness admin"' },
        );
    }
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined) {
        const m = /^https?:\/\/(.+)$/i.exec(origin.trim());
        const defaultPort = origin.toLowerCase().startsWith("https:") ? 443 : 80;
        if (!m || !allowedAuthority(m[1] as string, policy, defaultPort))
          return refuse(
            403,
            "FOREIGN_ORIGIN",
            "Changes from another origin are refused. Call the admin API from a script or the console on this host.",
          );
      }
      if (request.headers["sec-fetch-site"] === "cross-site")
        return refuse(403, "FOREIGN_ORIGIN", "Cross-site changes are refused.");
      const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json")
        return refuse(
          415,
          "JSON_REQUIRED",
          "Changes need Content-Type: application/json (an empty body is fine for POST /__admin/reset and DELETE).",
        );
    }
    return undefined;
  };
}

/**
 * Puts {@link adminGuard} in front of an endpoint for the guarded paths only; the composite
 * service and the bastjänster stay open, as the real ones are to connected parties.
 *
 * @example
 * const served = guardOperatorPaths(chain.endpoint, adminGuard(policy));
 */
export function guardOperatorPaths(
  endpoint: Endpoint,
  guard: (request: SimRequest) => SimResponse | undefined,
): Endpoint {
  return (request) => {
    if (isGuardedPath(request.path)) {
      const refusal = guard(request);
      if (refusal) return refusal;
    }
    return endpoint(request);
  };
}
