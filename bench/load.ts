import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";

/** One HTTP answer as the load generator saw it. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Says what is wrong with an answer, or undefined when it is the expected one. */
export type AnswerCheck = (answer: Answer) => string | undefined;

export interface LoadOptions {
  /** Absolute http URL to POST to. */
  url: string;
  /** The request body, or bodies sent in turn (request i sends `bodies[i % length]`). */
  body: Buffer | readonly Buffer[];
  /** Request headers (Content-Length is added). */
  headers: Readonly<Record<string, string>>;
  /** Concurrent keep-alive connections, each with one request in flight. */
  connections: number;
  /** Requests to send in all. */
  requests: number;
  /** Stop issuing new requests after this many ms (the ones in flight finish). */
  maxMs?: number;
  /** Per-request timeout in ms: a request without an answer by then counts as an error. */
  timeoutMs?: number;
  check: AnswerCheck;
  /** A keep-alive agent to use (and keep) instead of a fresh one per run. */
  agent?: Agent;
}

export interface LoadResult {
  /** Requests that got an answer or failed (= latencies recorded). */
  completed: number;
  errors: number;
  /** Up to five distinct error descriptions, to say what went wrong. */
  errorSamples: string[];
  /** Wall time from the first request sent to the last answer read, in ms. */
  elapsedMs: number;
  /** Latency of each completed request in ms, in completion order (length ≥ completed). */
  latencies: Float64Array;
  /** True when `maxMs` cut the run short. */
  timedOut: boolean;
}

function send(agent: Agent, url: URL, body: Buffer, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Closed-loop load: `connections` workers, each on its own keep-alive connection, send the same
 * request again as soon as the previous answer is read, until `requests` are done (or `maxMs`
 * passed). Every answer goes through `check` (after its latency is taken); a network error, a
 * non-accepted answer or a timeout is an error. The agent is private to the run and destroyed
 * after it, so no idle connection outlives a run (a server's keep-alive timeout could otherwise
 * reset one under the next run and show up as a spurious error).
 *
 * @example
 * const r = await runLoad({ url: "http://127.0.0.1:8080/ssbtek", body, headers, connections: 32,
 *   requests: 10_000, check: (a) => (a.status === 200 ? undefined : `HTTP ${a.status}`) });
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  const bodies: readonly Buffer[] = Buffer.isBuffer(o.body) ? [o.body] : o.body;
  if (bodies.length === 0) throw new RangeError("runLoad needs at least one request body.");
  const headers = bodies.map((b) => ({ ...o.headers, "Content-Length": String(b.length) }));
  const agent =
    o.agent ?? new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const latencies = new Float64Array(o.requests);
  const errorSamples = new Set<string>();
  const timeoutMs = o.timeoutMs ?? 30_000;
  let issued = 0;
  let completed = 0;
  let errors = 0;
  let timedOut = false;
  const t0 = performance.now();
  const fail = (why: string) => {
    errors++;
    if (errorSamples.size < 5) errorSamples.add(why);
  };
  const worker = async () => {
    while (issued < o.requests) {
      if (o.maxMs !== undefined && performance.now() - t0 >= o.maxMs) {
        timedOut = true;
        return;
      }
      const i = issued++ % bodies.length;
      const start = performance.now();
      // An answer's latency ends when it has arrived: checking it is the harness's work, not the server's.
      let answer: Answer | undefined;
      try {
        answer = await send(agent, url, bodies[i]!, headers[i]!, timeoutMs);
      } catch (e) {
        fail(`network: ${(e as Error).message}`);
      }
      latencies[completed++] = performance.now() - start;
      if (answer) {
        const wrong = o.check(answer);
        if (wrong) fail(wrong);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.connections, o.requests)) }, worker));
  } finally {
    if (!o.agent) agent.destroy();
  }
  return {
    completed,
    errors,
    errorSamples: [...errorSamples],
    elapsedMs: performance.now() - t0,
    latencies,
    timedOut,
  };
}
