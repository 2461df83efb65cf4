import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { HarnessError } from "../../contract/errors.js";
import { startSimulator } from "../../simulators/server.js";
import { kodForProvider, SSBT } from "../pact/names.js";
import { REFERENS_KLOCKA, REFERENS_SEED } from "../pact/referens.js";
import { type VerifyResult, verifyProvider } from "./verify.js";

/** Options of {@link verifieraMotSimulatorn}. */
export interface VerifieraMotSimulatornOptions {
  /** The folder with the pact files (e.g. what `skrivSsbtPact` and `skrivBastjanstPacter` wrote). */
  pactDir: string;
  /** Pact FFI log level. Default "warn". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error";
}

function providerAv(fil: string): string {
  const p = JSON.parse(readFileSync(fil, "utf8")) as { provider?: { name?: unknown } };
  if (typeof p.provider?.name !== "string")
    throw new HarnessError("BAD_PACT", `${fil} is not a pact file: it has no provider.name.`);
  return p.provider.name;
}

/**
 * Verifies every pact in a folder against the embedded simulators, started for the occasion on
 * a free port with the pacts' reference seed and clock: the pact for `ssbtek-ssbt` against
 * `/ssbtek`, each `ssbtek-<bastjänst>` pact against that bastjänst's endpoint. A pact for a
 * provider the harness does not simulate is an error.
 *
 * @example
 * const results = await verifieraMotSimulatorn({ pactDir: "pacts" });
 * results.every((r) => r.ok)
 */
export async function verifieraMotSimulatorn(o: VerifieraMotSimulatornOptions): Promise<VerifyResult[]> {
  const dir = resolve(o.pactDir);
  if (!existsSync(dir))
    throw new HarnessError("BAD_OPTION", `Pact folder ${dir} does not exist. Write the pacts first.`);
  const filer = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
  if (filer.length === 0)
    throw new HarnessError("BAD_OPTION", `No pact files (*.json) in ${dir}. Write the pacts first.`);
  const klocka = new Date(REFERENS_KLOCKA);
  const sim = await startSimulator({
    port: 0,
    seed: REFERENS_SEED,
    now: () => new Date(klocka),
    profile: "fast",
    timeScale: 0,
  });
  try {
    const resultat: VerifyResult[] = [];
    for (const fil of filer) {
      const provider = providerAv(fil);
      const kod = kodForProvider(provider);
      if (provider !== SSBT && !kod)
        throw new HarnessError(
          "UNKNOWN_PROVIDER",
          `${fil} is a pact with "${provider}", which the harness does not simulate: use ${SSBT} or ssbtek-<bastjänst>, or verify it with verifyProvider against a URL.`,
        );
      const providerBaseUrl = kod ? sim.upstreams[kod] : sim.ssbtek;
      resultat.push(
        await verifyProvider({
          pactFiles: [fil],
          provider,
          providerBaseUrl,
          ...(o.logLevel ? { logLevel: o.logLevel } : {}),
        }),
      );
    }
    return resultat;
  } finally {
    await sim.close();
  }
}
