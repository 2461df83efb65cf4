import { skrivBastjanstPacter } from "./bastjanst-pacts.js";
import { type SkrivenPact, type SkrivPactOptions, skrivSsbtPact } from "./ssbt-pact.js";

/**
 * Writes every reference pact of the chain into `o.dir` (default "pacts"): verksamhetssystem →
 * SSBT, and SSBT → each of the seven bastjänster (see docs/pact.md). What a vendor builds its own
 * consumer tests and provider verification on; `certify consumer --write-pacts DIR` runs this.
 *
 * @example
 * import { skrivReferensPacter } from "ssbtek-harness/pact";
 * const pacts = await skrivReferensPacter({ dir: "pacts" }); // 8 files
 */
export async function skrivReferensPacter(o: SkrivPactOptions = {}): Promise<SkrivenPact[]> {
  return [await skrivSsbtPact(o), ...(await skrivBastjanstPacter(o))];
}
