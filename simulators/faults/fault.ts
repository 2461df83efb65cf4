import { HarnessError } from "../../contract/errors.js";
import { citat, kortMaskerad } from "../../contract/maskering.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";

/**
 * One injected fault of one bastjänst. It replaces the timing model for that bastjänst until
 * cleared.
 */
export type Fault =
  /** Connection refused / dropped: the composite service reports SSBT-2002. */
  | { kind: "down" }
  /** Answers after `ms` simulated ms; at or above the deadline the composite reports SSBT-2001. */
  | { kind: "slow"; ms: number }
  /** HTTP `status` with an HTML body: an error section kalla=BT. */
  | { kind: "error"; status: number }
  /** The real answer, truncated: an error section kalla=BT (the answer cannot be read). */
  | { kind: "malformed" }
  /** A SOAP 1.1 Fault, HTTP 500 (FK: LEFI's own `LefiFelsvar`, HTTP 500): an error section kalla=BT. */
  | { kind: "fault" }
  /** Closed (like a planned outage): HTTP 503; the composite service reports SSBT-2004. */
  | { kind: "closed" };

export type FaultKind = Fault["kind"];

/** Injected faults by bastjänst. */
export type FaultMap = Partial<Record<BastjanstKod, Fault>>;

const KINDS =
  "down, slow:<duration> (e.g. slow:15s), error:<HTTP status 400–599> (e.g. error:502), malformed, fault, closed";

const badFault = (message: string, field?: string): HarnessError => {
  const f = field === undefined ? undefined : kortMaskerad(field, 60);
  return new HarnessError("BAD_FAULT", f ? `${f}: ${message}` : message, f ? { field: f } : {});
};

/** Longest duration anywhere (a fault's delay, a deadline, a drain): one hour. */
export const MAX_DURATION_MS = 3_600_000;

/**
 * Parses a duration: "15s", "1500ms", "1.5s", "2m". With `bareMs`, a plain number is ms.
 * Undefined for anything else, and for more than {@link MAX_DURATION_MS} (so every duration is
 * finite and bounded).
 *
 * @example
 * parseDuration("15s") // 15000
 * parseDuration("800", { bareMs: true }) // 800
 */
export function parseDuration(text: string, o: { bareMs?: boolean } = {}): number | undefined {
  const m = /^(\d{1,10}(?:\.\d{1,6})?)(ms|s|m)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!m[2] && !o.bareMs) return undefined;
  const ms = Math.round(!m[2] || m[2] === "ms" ? n : m[2] === "s" ? n * 1000 : n * 60_000);
  return Number.isFinite(ms) && ms <= MAX_DURATION_MS ? ms : undefined;
}

/** A duration as the shortest exact text: "15s", "1500ms", "2m". */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/**
 * Parses the fault part of a spec: `down`, `slow:15s`, `error:502`, `malformed`, `fault`, `closed`.
 *
 * @example
 * parseFault("slow:15s") // { kind: "slow", ms: 15000 }
 * parseFault("error:99") // throws: error:99: the HTTP status must be 400–599 …
 */
export function parseFault(spec: string, field?: string): Fault {
  const s = spec.trim().toLowerCase();
  const [kind, arg, ...rest] = s.split(":");
  const noArg = (k: "down" | "malformed" | "fault" | "closed"): Fault => {
    if (arg !== undefined)
      throw badFault(`${citat(spec)}: ${k} takes no argument. Fault kinds: ${KINDS}.`, field);
    return { kind: k };
  };
  if (rest.length > 0) throw badFault(`${citat(spec)} has too many ":" parts. Fault kinds: ${KINDS}.`, field);
  switch (kind) {
    case "down":
    case "malformed":
    case "fault":
    case "closed":
      return noArg(kind);
    case "slow": {
      const ms = arg === undefined ? undefined : parseDuration(arg);
      if (ms === undefined)
        throw badFault(
          `${citat(spec)}: slow needs a duration with a unit up to 1h (60m), e.g. slow:15s or slow:800ms.`,
          field,
        );
      return { kind: "slow", ms };
    }
    case "error": {
      const status = Number(arg);
      if (arg === undefined || !/^\d{3}$/.test(arg) || status < 400 || status > 599)
        throw badFault(`${citat(spec)}: the HTTP status must be 400–599, e.g. error:502.`, field);
      return { kind: "error", status };
    }
    default:
      throw badFault(`unknown fault kind ${citat(spec)}: use ${KINDS}.`, field);
  }
}

/**
 * A fault as its spec text (the inverse of {@link parseFault}).
 *
 * @example
 * formatFault({ kind: "slow", ms: 15000 }) // "slow:15s"
 */
export function formatFault(f: Fault): string {
  if (f.kind === "slow") return `slow:${formatDuration(f.ms)}`;
  if (f.kind === "error") return `error:${f.status}`;
  return f.kind;
}

function kodOf(
  text: string,
  spec: string | undefined,
  field: string | undefined,
  koder: readonly string[],
): BastjanstKod {
  const kod = text.trim().toUpperCase();
  if (!koder.includes(kod))
    throw badFault(
      `unknown bastjänst ${citat(text)}${spec ? ` in ${citat(spec)}` : ""}: use one of ${koder.join(", ")}.`,
      field,
    );
  return kod as BastjanstKod;
}

/**
 * Parses one `KOD=FAULT` assignment (the `--fault` flag).
 *
 * @example
 * parseFaultAssignment("MIV=down") // ["MIV", { kind: "down" }]
 */
export function parseFaultAssignment(
  spec: string,
  field?: string,
  koder: readonly string[] = BASTJANSTER,
): [BastjanstKod, Fault] {
  const i = spec.indexOf("=");
  if (i < 1) throw badFault(`${citat(spec)} is not KOD=FAULT, e.g. MIV=down or CSN=slow:15s.`, field);
  return [kodOf(spec.slice(0, i), spec, field, koder), parseFault(spec.slice(i + 1), field)];
}

/**
 * Reads faults in any of the accepted forms: `["MIV=down", "CSN=slow:15s"]`,
 * `{ "MIV": "down", "CSN": "slow:15s" }`, or an already parsed {@link FaultMap}. A bastjänst
 * given twice is an error. `field` names where the input came from, for the message; `koder`
 * are the bastjänster the chain has (default the contract's seven; a library chain may add one).
 *
 * @example
 * parseFaults({ MIV: "down" }) // { MIV: { kind: "down" } }
 * parseFaults(["XYZ=down"]) // throws: unknown bastjänst "XYZ" …
 */
export function parseFaults(
  input: unknown,
  field = "faults",
  koder: readonly string[] = BASTJANSTER,
): FaultMap {
  const out: FaultMap = {};
  const put = (kod: BastjanstKod, f: Fault, where: string) => {
    if (out[kod]) throw badFault(`${kod} is given twice; give one fault per bastjänst.`, where);
    out[kod] = f;
  };
  if (Array.isArray(input)) {
    input.forEach((x, i) => {
      if (typeof x !== "string")
        throw badFault(`expected "KOD=FAULT" strings, got ${citat(x)}.`, `${field}[${i}]`);
      const [kod, f] = parseFaultAssignment(x, `${field}[${i}]`, koder);
      put(kod, f, `${field}[${i}]`);
    });
    return out;
  }
  if (typeof input === "object" && input !== null) {
    for (const [k, v] of Object.entries(input)) {
      const kod = kodOf(k, undefined, `${field}.${k}`, koder);
      if (typeof v === "string") put(kod, parseFault(v, `${field}.${k}`), `${field}.${k}`);
      else if (isFault(v)) put(kod, { ...v }, `${field}.${k}`);
      else
        throw badFault(
          `expected a fault text such as "down" or "slow:15s", got ${citat(v)}.`,
          `${field}.${k}`,
        );
    }
    return out;
  }
  throw badFault(`expected {"MIV": "down", …} or ["MIV=down", …], got ${citat(input)}.`, field);
}

function isFault(v: unknown): v is Fault {
  if (typeof v !== "object" || v === null) return false;
  const f = v as { kind?: unknown; ms?: unknown; status?: unknown };
  if (f.kind === "slow")
    return typeof f.ms === "number" && Number.isInteger(f.ms) && f.ms >= 0 && f.ms <= MAX_DURATION_MS;
  if (f.kind === "error")
    return Number.isInteger(f.status) && (f.status as number) >= 400 && (f.status as number) <= 599;
  return f.kind === "down" || f.kind === "malformed" || f.kind === "fault" || f.kind === "closed";
}

/**
 * A fault map as `{ KOD: "spec" }` in the order of `koder` (for `GET /__admin/faults` and logs).
 *
 * @example
 * formatFaults({ MIV: { kind: "down" } }) // { MIV: "down" }
 */
export function formatFaults(
  m: FaultMap,
  koder: readonly string[] = BASTJANSTER,
): Partial<Record<BastjanstKod, string>> {
  const out: Partial<Record<BastjanstKod, string>> = {};
  for (const kod of koder as readonly BastjanstKod[]) {
    const f = m[kod];
    if (f) out[kod] = formatFault(f);
  }
  return out;
}
