import { HarnessError } from "../../contract/errors.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import { SIMULATORER } from "../../simulators/registry.js";

/** Pact participant name of the reference verksamhetssystem (the consumer of SSBT). */
export const VERKSAMHETSSYSTEM = "verksamhetssystem";

/** Pact participant name of the composite service: provider to verksamhetssystem, consumer of the bastjänster. */
export const SSBT = "ssbtek-ssbt";

/** Path of the composite service on the simulator server: the SSBT pact's paths start with it. */
export const SSBT_PATH = "/ssbtek";

/** Pact participant name of each bastjänst (FK is the LEFI REST API, hence `fk-lefi`). */
export const BASTJANST_PROVIDER: Readonly<Record<BastjanstKod, string>> = Object.fromEntries(
  BASTJANSTER.map((k) => [k, SIMULATORER[k].pactProvider]),
) as Record<BastjanstKod, string>;

/**
 * The bastjänst behind a provider name, or undefined for a name that is not one of ours.
 *
 * @example
 * kodForProvider("ssbtek-fk-lefi") // "FK"
 */
export function kodForProvider(provider: string): BastjanstKod | undefined {
  return BASTJANSTER.find((k) => BASTJANST_PROVIDER[k] === provider);
}

/**
 * The path prefix that the harness's pacts use for a provider's endpoint: `/ssbtek` for SSBT, the
 * simulator's endpoint path for a bastjänst. Verification replaces it with the path of the URL
 * it is given, so the same pact verifies a provider mounted anywhere.
 *
 * @example
 * referensBasPath("ssbtek-af") // "/af/arbetssokande/ersattningsstod/v2"
 * referensBasPath("someone-else") // undefined
 */
export function referensBasPath(provider: string): string | undefined {
  if (provider === SSBT) return SSBT_PATH;
  const kod = kodForProvider(provider);
  return kod ? SIMULATORER[kod].path : undefined;
}

/**
 * The file name a pact between two participants gets (the Pact Broker / pact-js convention).
 *
 * @example
 * pactFilnamn("verksamhetssystem", "ssbtek-ssbt") // "verksamhetssystem-ssbtek-ssbt.json"
 */
export function pactFilnamn(consumer: string, provider: string): string {
  for (const [roll, namn] of [
    ["consumer", consumer],
    ["provider", provider],
  ] as const)
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(namn))
      throw new HarnessError(
        "BAD_PACT_NAME",
        `Invalid pact ${roll} name "${namn}": use letters, digits, ".", "_" or "-" (e.g. "ssbtek-ssbt").`,
      );
  return `${consumer}-${provider}.json`;
}
