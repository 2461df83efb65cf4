/**
 * The traffic of a certify run as a HAR 1.2 file (opens in any browser's devtools, Network tab →
 * Import HAR), masked: every personnummer-like value in a URL, header or body — also inside a
 * base64-carried document — keeps its birth date and loses the rest (`19960823-****`).
 */
import { maskeraPersonnummerLika } from "../../simulators/logging/mask.js";

/** One request and its answer (or why there was none), as a certify suite saw it. */
export interface TrafficExchange {
  /** When the request was sent. */
  startedAt: Date;
  method: string;
  url: string;
  requestHeaders?: Readonly<Record<string, string>> | Headers;
  requestBody?: string;
  /** Absent when no answer came (timeout, refused connection). */
  status?: number;
  responseHeaders?: Readonly<Record<string, string>> | Headers;
  responseBody?: string;
  /** Why there was no answer, e.g. "no complete answer within 12000 ms". */
  error?: string;
  /** Wall time to the complete answer, ms. */
  ms: number;
}

interface HarHeader {
  name: string;
  value: string;
}

/** A long base64 run: a document carried as text (SKV's, AF's payloads). */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;

function maskeraBase64(run: string): string {
  if (run.length % 4 !== 0) return run;
  const bytes = Buffer.from(run, "base64");
  const text = bytes.toString("utf8");
  // Only a text document is opened; binary stays as it is.
  if (
    text.includes("\uFFFD") ||
    [...text].some((c) => c.charCodeAt(0) < 9 || (c.charCodeAt(0) > 13 && c.charCodeAt(0) < 32))
  )
    return run;
  const masked = maskeraPersonnummerLika(text);
  return masked === text ? run : Buffer.from(masked, "utf8").toString("base64");
}

/**
 * Masks a text of the traffic: personnummer-like values in any spelling, also inside base64.
 *
 * @example
 * maskeraTrafik("<pnr>199608239829</pnr>") // "<pnr>19960823-****</pnr>"
 */
export function maskeraTrafik(text: string): string {
  return maskeraPersonnummerLika(text.replace(BASE64_RUN, maskeraBase64));
}

function headers(h: Readonly<Record<string, string>> | Headers | undefined): HarHeader[] {
  if (!h) return [];
  const entries: [string, string][] = [];
  if (h instanceof Headers)
    h.forEach((value, name) => {
      entries.push([name, value]);
    });
  else entries.push(...Object.entries(h));
  return entries.map(([name, value]) => ({ name, value: maskeraTrafik(value) }));
}

const mediaTyp = (h: HarHeader[]) => h.find((x) => x.name.toLowerCase() === "content-type")?.value ?? "";

/**
 * Collects a run's exchanges and writes them as HAR. Bodies are masked as they are added, so
 * nothing unmasked is kept in memory longer than the exchange itself.
 *
 * @example
 * const log = new TrafficLog();
 * log.add({ startedAt: new Date(), method: "POST", url, requestBody: xml, status: 200, responseBody: svar, ms: 41 });
 * writeFileSync("traffic.har", log.toHarText("0.1.0"));
 */
export class TrafficLog {
  private readonly entries: unknown[] = [];

  /** How many exchanges were recorded. */
  get size(): number {
    return this.entries.length;
  }

  /** Records one exchange (masked). */
  add(x: TrafficExchange): void {
    const reqHeaders = headers(x.requestHeaders);
    const resHeaders = headers(x.responseHeaders);
    const url = maskeraTrafik(x.url);
    const query: HarHeader[] = [];
    try {
      new URL(url).searchParams.forEach((value, name) => {
        query.push({ name, value });
      });
    } catch {
      // not a URL: no query string
    }
    const reqBody = x.requestBody !== undefined ? maskeraTrafik(x.requestBody) : undefined;
    const resBody = x.responseBody !== undefined ? maskeraTrafik(x.responseBody) : "";
    const ms = Math.max(0, Math.round(x.ms));
    this.entries.push({
      startedDateTime: x.startedAt.toISOString(),
      time: ms,
      request: {
        method: x.method,
        url,
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: reqHeaders,
        queryString: query,
        ...(reqBody !== undefined ? { postData: { mimeType: mediaTyp(reqHeaders), text: reqBody } } : {}),
        headersSize: -1,
        bodySize: reqBody !== undefined ? Buffer.byteLength(reqBody) : 0,
      },
      response: {
        // HAR marks "no response" with status 0 (what browsers write for a failed request).
        status: x.status ?? 0,
        statusText: x.status === undefined ? maskeraTrafik(x.error ?? "no response") : "",
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: resHeaders,
        content: { size: Buffer.byteLength(resBody), mimeType: mediaTyp(resHeaders), text: resBody },
        redirectURL: "",
        headersSize: -1,
        bodySize: x.status === undefined ? -1 : Buffer.byteLength(resBody),
        ...(x.error ? { _error: maskeraTrafik(x.error) } : {}),
      },
      cache: {},
      timings: { send: 0, wait: ms, receive: 0 },
    });
  }

  /**
   * The HAR 1.2 document.
   *
   * @example
   * JSON.parse(log.toHarText("0.1.0")).log.entries.length
   */
  toHarText(toolVersion: string): string {
    const har = {
      log: {
        version: "1.2",
        creator: { name: "ssbtek-harness", version: toolVersion },
        pages: [],
        entries: this.entries,
      },
    };
    return `${JSON.stringify(har, null, 2)}\n`;
  }
}
