import { createServer, type Server, type Socket } from "node:net";

/** A local listener that counts connections: anything reaching it was fetched by the server under test. */
export interface Kanarie {
  /** Base URL, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Connections so far. */
  traffar(): number;
  close(): Promise<void>;
}

/**
 * Starts the canary on a free loopback port. Every connection gets a bare 404 and is closed, so
 * a server that does fetch from it is not left hanging (the count is all that matters).
 *
 * @example
 * const k = await startKanarie(); // … run a case pointing an entity at k.url …; k.traffar() === 0
 */
export async function startKanarie(): Promise<Kanarie> {
  let n = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((socket) => {
    n++;
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    traffar: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A fetching client may keep its half of the connection open: do not wait for it.
        for (const socket of open) socket.destroy();
      }),
  };
}
