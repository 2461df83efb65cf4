/**
 * Runs the field-rule properties with fast-check and reports what failed: the seed, the shrunk
 * counterexample (masked), the findings and the exact command that replays it. This is the
 * library entry the `certify` commands call; tests call it too.
 */
import fc from "fast-check";
import { maskeraVarde } from "../../contract/faltregler/engine.js";
import type { Finding } from "../../contract/faltregler/model.js";
import { maskeraText } from "../../contract/personidentitet.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { serializeXml } from "../../contract/xml/serialize.js";
import { EGENSKAPER, type Egenskap, skapaMiljo } from "./egenskaper.js";
import { STANDARD_NU } from "./fraga.js";

/** Options of {@link runFieldRuleChecks}. All optional. */
export interface FieldRuleOptions {
  /** fast-check seed. Default 1 (same seed, same questions, same answers). */
  seed?: number;
  /** Runs per property. Default: each property's own (25–60). */
  numRuns?: number;
  /** fast-check replay path of a counterexample (from a report), to replay exactly that case. */
  path?: string;
  /** Seed of the simulated chain. Default 1. */
  simulatorSeed?: number;
  /** The clock of the checks. Default 2026-11-20T10:00:00+01:00, so a seed replays on any day. */
  now?: Date;
  /** Only the properties with these names (default all). */
  egenskaper?: readonly string[];
  /** The command that replays one property. Default `FC_SEED=… FC_PATH=… npx vitest run suites/field-rules -t "<name>"`. */
  replayKommando?: (namn: string, seed: number, path?: string) => string;
}

/** A finding of a property, with everything needed to replay it. */
export interface FieldRuleFinding extends Finding {
  egenskap: string;
  seed: number;
  /** fast-check's path to the shrunk counterexample. */
  counterexamplePath?: string;
  replay: string;
}

/** The outcome of one property. */
export interface EgenskapResultat {
  namn: string;
  ok: boolean;
  seed: number;
  numRuns: number;
  ms: number;
  /** The shrunk counterexample as JSON, personal values masked. */
  counterexample?: string;
  counterexamplePath?: string;
  findings: FieldRuleFinding[];
  replay: string;
  /** A readable summary: what failed, the counterexample, how to replay. */
  message: string;
}

/** The outcome of all properties. */
export interface FieldRuleReport {
  ok: boolean;
  seed: number;
  resultat: EgenskapResultat[];
  findings: FieldRuleFinding[];
}

/**
 * The default replay command: the test of the same name with the seed and path in the environment.
 *
 * @example
 * vitestReplay("demo", 7, "3:0") // 'FC_SEED=7 FC_PATH=3:0 npx vitest run suites/field-rules -t "demo"'
 */
export function vitestReplay(namn: string, seed: number, path?: string): string {
  return `FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ""} npx vitest run suites/field-rules -t "${namn}"`;
}

function isXml(v: unknown): v is XmlElement {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "element";
}

/**
 * JSON of a counterexample with XML trees serialized and every personnummer-like value masked.
 *
 * @example
 * maskeratMotexempel({ personidentitet: "199608239829" }) // '{\n  "personidentitet": "19960823-****"\n}'
 */
export function maskeratMotexempel(v: unknown): string {
  const json = JSON.stringify(
    v,
    (key, value: unknown) => {
      if (isXml(value)) return serializeXml(value);
      if (typeof value === "string" && (key === "personidentitet" || key === "personnummer"))
        return maskeraVarde(value, true);
      if (typeof value === "string" && key === "lefiJsonFraga")
        return maskeraText(Buffer.from(value, "base64").toString("utf8"));
      return value;
    },
    2,
  );
  return maskeraText(json ?? "undefined");
}

/**
 * Runs one property and reports it (see {@link runFieldRuleChecks}).
 *
 * @example
 * const r = await korEgenskap(SEKTIONER, { seed: 7, numRuns: 10 }); r.ok
 */
export async function korEgenskap<T>(e: Egenskap<T>, o: FieldRuleOptions = {}): Promise<EgenskapResultat> {
  const seed = o.seed ?? 1;
  const now = o.now ?? new Date(STANDARD_NU);
  const numRuns = o.numRuns ?? e.numRuns;
  const replayOf = o.replayKommando ?? vitestReplay;
  const miljo = skapaMiljo(o.simulatorSeed ?? 1, now);
  let sista: { input: T; findings: Finding[] } | undefined;
  const t0 = performance.now();
  const details = await fc.check(
    fc.asyncProperty(e.arbitrary(now), async (input) => {
      const findings = await e.kontrollera(miljo, input);
      if (findings.length > 0) sista = { input, findings };
      return findings.length === 0;
    }),
    { seed, numRuns, ...(o.path ? { path: o.path } : {}) },
  );
  const ms = Math.round(performance.now() - t0);
  const replay = replayOf(e.namn, seed);
  if (!details.failed)
    return {
      namn: e.namn,
      ok: true,
      seed,
      numRuns,
      ms,
      findings: [],
      replay,
      message: `OK: ${e.namn} (${numRuns} runs, seed ${seed}, ${ms} ms)`,
    };
  const path = details.counterexamplePath ?? undefined;
  const exakt = replayOf(e.namn, seed, path);
  const input = details.counterexample?.[0] as T | undefined;
  const counterexample = input === undefined ? undefined : maskeratMotexempel(e.visa(input));
  const findings: FieldRuleFinding[] = (sista?.findings ?? []).map((f) => ({
    ...f,
    ...(f.value !== undefined ? { value: maskeraText(f.value) } : {}),
    message: maskeraText(f.message),
    egenskap: e.namn,
    seed,
    ...(path ? { counterexamplePath: path } : {}),
    replay: exakt,
  }));
  const fel = details.errorInstance
    ? `\nError: ${maskeraText(String((details.errorInstance as Error).message ?? details.errorInstance))}`
    : "";
  const message = [
    `FAILED: ${e.namn}`,
    `seed ${seed}, path ${path ?? "-"}, after ${details.numRuns} runs and ${details.numShrinks} shrinks`,
    ...findings.map(
      (f) => `  ${f.rule} at ${f.path}${f.value !== undefined ? ` = "${f.value}"` : ""}: ${f.message}`,
    ),
    `Counterexample (masked):\n${counterexample ?? "(none)"}${fel}`,
    `Replay: ${exakt}`,
  ].join("\n");
  return {
    namn: e.namn,
    ok: false,
    seed,
    numRuns,
    ms,
    ...(counterexample ? { counterexample } : {}),
    ...(path ? { counterexamplePath: path } : {}),
    findings,
    replay: exakt,
    message,
  };
}

/**
 * Runs the field-rule properties (see `egenskaper.ts`) against the in-process simulated chain
 * and returns the findings. Never throws for a failing property: the failure is in the report.
 *
 * @example
 * const report = await runFieldRuleChecks({ seed: 42, numRuns: 20 });
 * if (!report.ok) for (const r of report.resultat) console.log(r.message);
 */
export async function runFieldRuleChecks(options: FieldRuleOptions = {}): Promise<FieldRuleReport> {
  const valda = EGENSKAPER.filter((e) => !options.egenskaper || options.egenskaper.includes(e.namn));
  const resultat: EgenskapResultat[] = [];
  for (const e of valda) resultat.push(await korEgenskap(e as Egenskap<unknown>, options));
  return {
    ok: resultat.every((r) => r.ok),
    seed: options.seed ?? 1,
    resultat,
    findings: resultat.flatMap((r) => r.findings),
  };
}
