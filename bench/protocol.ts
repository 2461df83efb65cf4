/** Messages between the benchmark (parent) and a server under test (child process, over IPC). */

/** What a server under test is: the simulated chain (a child of ours), or a peer (WireMock, Prism). */
export type ServerKind = "ours" | "wiremock" | "prism";

/** Parent → child. */
export type ToServer =
  | {
      type: "start";
      kind: "ours";
      seed: number;
      /** The chain's frozen clock (ISO date-time). */
      clock: string;
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
