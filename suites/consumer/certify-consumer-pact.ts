/**
 * `certify consumer --pact FILE`: a vendor's own consumer contract (a Pact file written by its
 * verksamhetssystem's tests) verified against the reference SSBT — the embedded simulator,
 * started for the run with the pacts' reference seed and clock. Every interaction is a case.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { HarnessError } from "../../contract/errors.js";
import { buildReport, type CertifyCase, type CertifyReport, caseFrom } from "../../reports/model.js";
import { startSimulator } from "../../simulators/server.js";
import { kodForProvider, SSBT } from "../pact/names.js";
import { REFERENS_KLOCKA, REFERENS_SEED } from "../pact/referens.js";
import { verifyProvider } from "../producer/verify.js";
import { verifyProviderIsolated } from "../producer/verify-isolated.js";

/** Options of {@link certifyConsumerPact}. */
export interface CertifyConsumerPactOptions {
  /** The vendor's pact file (Pact JSON, provider `ssbtek-ssbt` or one of `ssbtek-<bastjänst>`). */
  pact: string;
  /** Seed of the reference chain. Default the pacts' reference seed (1). */
  seed?: number;
  /** Clock of the reference chain. Default the pacts' reference clock (2026-11-20 10:00, frozen). */
  now?: () => Date;
  /** Pact verifier log level. Default "warn". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error";
  /**
   * Where the verifier's own output goes (it runs in a child process then). Default: none — the
   * verifier runs in this process and prints to its stdout.
   */
  verifierLog?: string;
}

function deltagare(fil: string): { consumer: string; provider: string } {
  if (!existsSync(fil) || !statSync(fil).isFile())
    throw new HarnessError(
      "BAD_OPTION",
      `Pact file ${fil} does not exist. Pass --pact with the path of your Pact JSON file.`,
    );
  let json: { consumer?: { name?: unknown }; provider?: { name?: unknown } };
  try {
    json = JSON.parse(readFileSync(fil, "utf8")) as typeof json;
  } catch {
    throw new HarnessError(
      "BAD_PACT",
      `${fil} is not JSON: pass a Pact file written by your consumer tests.`,
    );
  }
  if (typeof json.provider?.name !== "string")
    throw new HarnessError("BAD_PACT", `${fil} is not a pact file: it has no provider.name.`);
  return {
    consumer: typeof json.consumer?.name === "string" ? json.consumer.name : "(unnamed consumer)",
    provider: json.provider.name,
  };
}

/**
 * Verifies a vendor's pact against the reference SSBT (or, for a pact with one of our
 * bastjänster, against that simulated bastjänst) and reports every interaction. Never throws for
 * a failing verification; throws a HarnessError for a missing or unreadable file or a provider
 * the harness does not simulate.
 *
 * @example
 * const report = await certifyConsumerPact({ pact: "pacts/kommunsystem-ssbtek-ssbt.json" });
 * report.passed
 */
export async function certifyConsumerPact(o: CertifyConsumerPactOptions): Promise<CertifyReport> {
  const fil = resolve(o.pact);
  const { consumer, provider } = deltagare(fil);
  const kod = kodForProvider(provider);
  if (provider !== SSBT && !kod)
    throw new HarnessError(
      "UNKNOWN_PROVIDER",
      `${fil} is a pact with provider "${provider}", which the harness does not simulate: name the provider ${SSBT} (the composite service) or ssbtek-<bastjänst>.`,
    );
  const klocka = o.now ?? (() => new Date(REFERENS_KLOCKA));
  const startedAt = new Date();
  const t0 = performance.now();
  const seed = o.seed ?? REFERENS_SEED;
  const sim = await startSimulator({ port: 0, seed, now: klocka, profile: "fast", timeScale: 0 });
  try {
    const url = kod ? sim.upstreams[kod] : sim.ssbtek;
    const v = { pactFiles: [fil], provider, providerBaseUrl: url, logLevel: o.logLevel ?? "warn" } as const;
    const r = o.verifierLog ? await verifyProviderIsolated(v, o.verifierLog) : await verifyProvider(v);
    // The verifier reports no time per interaction: the cases say so rather than "0 ms".
    const cases: CertifyCase[] = r.interaktioner.map((i) => ({
      ...caseFrom(
        i.beskrivning || "(interaction)",
        0,
        i.ok ? [] : [{ rule: "PACT.interaktion", message: i.fel ?? "failed" }],
      ),
      untimed: true,
    }));
    if (r.tillstandsfel.length > 0)
      cases.push({
        ...caseFrom(
          "provider states",
          0,
          r.tillstandsfel.map((f) => ({ rule: "PACT.tillstand", message: f })),
        ),
        untimed: true,
      });
    return buildReport({
      command: "certify consumer",
      target: `pact ${fil} → ${provider}`,
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - t0,
      seed,
      suites: [{ name: `pact ${provider}`, properties: { pact: fil, provider, providerUrl: url }, cases }],
      extra: {
        verifierMs: Math.round(r.ms),
        consumer,
        provider,
        ...(o.verifierLog ? { verifierLog: o.verifierLog } : {}),
      },
      replay: `npx ssbtek-harness certify consumer --pact ${fil} --seed ${seed} --clock ${klocka().toISOString()}`,
    });
  } finally {
    await sim.close();
  }
}
