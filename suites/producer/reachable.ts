import { connect } from "node:net";
import { HarnessError } from "../../contract/errors.js";

/**
 * Fails fast, with one clear message, when nothing accepts a TCP connection at the URL's host and
 * port (refused, unknown host, unroutable): a run would otherwise report the same network error for
 * every case. A server that accepts but never answers is the run's business (timing, --timeout).
 *
 * @example
 * await checkReachable("http://127.0.0.1:8080/tns/hamtauppgifter/v1"); // throws UNREACHABLE when nothing listens
 */
export async function checkReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const why = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host, port });
    const done = (reason: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no TCP connection within ${timeoutMs} ms`), timeoutMs);
    socket.once("connect", () => done(undefined));
    socket.once("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
  if (why)
    throw new HarnessError(
      "UNREACHABLE",
      `Nothing answers at ${u.host} (${why}): start the system under test, or pass --url with the endpoint it listens on.`,
    );
}
