import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { isHarnessError } from "../../contract/errors.js";
import { formatFault } from "../../simulators/faults/fault.js";
import { parseTillstand } from "../pact/states.js";

/** Options of {@link startaTillstandsServer}. */
export interface TillstandsOptions {
  /**
   * The admin token the simulator requires (`simulate --admin-token`, or the one it generated and
   * printed when bound to a non-loopback address): sent as `Authorization: Bearer <token>`.
   */
  adminToken?: string;
}

/** The provider-state endpoint the Pact verifier calls before (setup) and after (teardown) each interaction. */
export interface TillstandsServer {
  /** URL to give the verifier as `providerStatesSetupUrl`. */
  url: string;
  /** Every state that could not be set up, with the reason (an unknown state, an admin API that said no). */
  fel: string[];
  close(): Promise<void>;
}

async function las(req: IncomingMessage): Promise<string> {
  const delar: Buffer[] = [];
  for await (const d of req) delar.push(d as Buffer);
  return Buffer.concat(delar).toString("utf8");
}

/** An answer of the admin API as text for a message (its `message` field when it has one). */
async function adminText(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === "string") return j.message;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 200);
}

/**
 * Starts the provider-state endpoint (on 127.0.0.1, a free port) for one verification. For each
 * state of the grammar (suites/pact/states.ts):
 *
 * - `persona <id>` / `personidentitet med fel kontrollsiffra`: checked, nothing to set up;
 * - `fault KOD=fel`: added to the injected faults with `GET` + `PUT {adminUrl}/faults`;
 * - anything else: answered 400 and recorded in `fel`, so the interaction fails.
 *
 * After an interaction that injected faults, teardown sends `POST {adminUrl}/reset` (back to the
 * startup faults and timing). A provider without the admin API can be verified on persona states.
 * A simulator whose admin API needs a token (`--admin-token`, or any non-loopback `--host`) gets it
 * from `o.adminToken`; a 401/403 from its guard fails the state with what to pass.
 *
 * @example
 * const states = await startaTillstandsServer("http://127.0.0.1:8080/__admin");
 * // new Verifier({ providerStatesSetupUrl: states.url, providerStatesSetupTeardown: true, … })
 */
export async function startaTillstandsServer(
  adminUrl: string,
  o: TillstandsOptions = {},
): Promise<TillstandsServer> {
  const fel: string[] = [];
  let harFaults = false;
  const admin = adminUrl.replace(/\/+$/, "");
  const auth: Record<string, string> = o.adminToken ? { Authorization: `Bearer ${o.adminToken}` } : {};
  // The admin API takes changes as JSON only (simulators/admin/guard.ts).
  const JSON_HEADERS = { ...auth, "Content-Type": "application/json" };
  /** Why the admin API said no, with what to do when it is the guard (401/403). */
  const nej = async (anrop: string, res: Response): Promise<string> => {
    const text = await adminText(res);
    if (res.status === 401)
      return `${anrop} answered HTTP 401 (${text}): the simulator's admin API requires a token — pass ${o.adminToken ? "the right" : "its"} admin token (adminToken; the one given to \`simulate --admin-token\` or printed at its start)`;
    if (res.status === 403)
      return `${anrop} answered HTTP 403 (${text}): the admin API refused this host — reach it by the bound address, a loopback name or one given with \`simulate --admin-host\``;
    if (res.status === 404)
      return `${anrop} answered HTTP 404: the admin API is off (\`simulate --no-admin\`) or not at ${admin}`;
    return `${anrop} answered HTTP ${res.status}: ${text}`;
  };

  const setup = async (namn: string): Promise<string | undefined> => {
    // pact_ffi calls the endpoint with an empty state for an interaction that has none.
    if (namn.trim() === "") return undefined;
    let t: ReturnType<typeof parseTillstand>;
    try {
      t = parseTillstand(namn);
    } catch (e) {
      return isHarnessError(e) ? e.message : `Provider state "${namn}" could not be read.`;
    }
    if (t.typ !== "fault") return undefined;
    const varfor = (vad: string) =>
      `Cannot set up provider state "${namn}": ${vad}. Fault states need the simulator's admin API at ${admin} (ssbtek-harness simulate); pass adminUrl if it is elsewhere.`;
    try {
      // The first fault of an interaction starts from the startup faults (a skipped teardown leaves nothing behind).
      if (!harFaults) {
        const reset = await fetch(`${admin}/reset`, { method: "POST", headers: JSON_HEADERS });
        if (!reset.ok) return varfor(await nej(`POST ${admin}/reset`, reset));
      }
      const nu = await fetch(`${admin}/faults`, { headers: auth });
      if (!nu.ok) return varfor(await nej(`GET ${admin}/faults`, nu));
      const faults = { ...((await nu.json()) as Record<string, string>), [t.kod]: formatFault(t.fault) };
      const put = await fetch(`${admin}/faults`, {
        method: "PUT",
        headers: JSON_HEADERS,
        body: JSON.stringify(faults),
      });
      if (!put.ok) return varfor(await nej(`PUT ${admin}/faults`, put));
      harFaults = true;
      return undefined;
    } catch (e) {
      return varfor(`the admin API could not be reached (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  const teardown = async (): Promise<void> => {
    if (!harFaults) return;
    harFaults = false;
    const res = await fetch(`${admin}/reset`, { method: "POST", headers: JSON_HEADERS }).catch(
      () => undefined,
    );
    if (!res?.ok) fel.push(`Could not reset the provider after an interaction: POST ${admin}/reset failed.`);
  };

  const server = createServer(async (req, res) => {
    const svara = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const body = JSON.parse((await las(req)) || "{}") as { state?: unknown; action?: unknown };
      const namn = typeof body.state === "string" ? body.state : "";
      if (body.action === "teardown") {
        await teardown();
        svara(200, {});
        return;
      }
      const problem = await setup(namn);
      if (problem) {
        fel.push(problem);
        // The verifier skips teardown after a failed setup: undo what this interaction set up so far.
        await teardown();
        svara(400, { error: problem });
        return;
      }
      svara(200, {});
    } catch {
      fel.push("The verifier sent a provider-state request that is not JSON.");
      svara(400, { error: "Expected a JSON body {state, action, params}." });
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/provider-states`,
    fel,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
