/** Messages between the benchmark (parent) and a server under test (child process, over IPC). */

/** What the child serves: the simulated chain, or a bare node:http server with a fixed answer. */
export type ServerKind = "ours" | "bare";

/** Parent → child. */
export type ToServer =
  | {
      type: "start";
      kind: "ours";
      seed: number;
    }
  | {
      type: "start";
      kind: "bare";
      /** The fixed answer, base64. */
      body: string;
      status: number;
      /** Answer headers besides Content-Length (node:http adds Date, Connection, Keep-Alive). */
      headers: Record<string, string>;
    }
  | { type: "sample" };

/** Child → parent. */
export type FromServer =
  | { type: "ready"; url: string; path: string }
  | { type: "sample"; rss: number; heapAfterGc: number; cpuMicros: number }
  | { type: "error"; message: string };

/** True for a well-formed message from a server child (IPC carries anything). */
export function isFromServer(m: unknown): m is FromServer {
  if (typeof m !== "object" || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return t === "ready" || t === "sample" || t === "error";
}
