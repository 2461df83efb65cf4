import { connect } from "node:net";

/**
 * Sends raw bytes to a server and returns what came back (status line first), or "closed" when
 * the connection ended without a byte, "timeout" after `ms`.
 *
 * @example
 * await rawHttp(url, "CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n") // "HTTP/1.1 405 Method Not Allowed…"
 */
export function rawHttp(url: string, text: string, ms = 5_000): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve) => {
    let out = "";
    const s = connect(Number(u.port), u.hostname, () => s.write(text));
    const t = setTimeout(() => {
      s.destroy();
      resolve(out || "timeout");
    }, ms);
    s.on("data", (d) => {
      out += d;
    });
    s.on("close", () => {
      clearTimeout(t);
      resolve(out || "closed");
    });
    s.on("error", () => undefined);
  });
}
