import { BASTJANSTER, type BastjanstKod } from "../contract/ssbt/model.js";
import { HarnessError } from "../contract/errors.js";
import type { SimulateOptions } from "../simulators/options.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";

/** Parses repeatable `KOD=URL` flags into an upstream map. */
export function parseUpstreams(values: readonly string[]): Partial<Record<BastjanstKod, string>> {
  const out: Partial<Record<BastjanstKod, string>> = {};
  for (const v of values) {
    const i = v.indexOf("=");
    const kod = v.slice(0, i).toUpperCase();
    if (i < 1 || !(BASTJANSTER as readonly string[]).includes(kod))
      throw new HarnessError("BAD_OPTION", `Invalid --upstream "${v}": use KOD=URL with KOD one of ${BASTJANSTER.join(", ")}.`);
    out[kod as BastjanstKod] = v.slice(i + 1);
  }
  return out;
}

/** Starts the simulator and prints its endpoints. The caller decides when to close it. */
export async function runSimulate(options: SimulateOptions, print: (line: string) => void): Promise<RunningSimulator> {
  const sim = await startSimulator(options);
  print(`SSBTEK simulator listening on ${sim.url}`);
  print(`  composite service (SOAP 1.1): ${sim.ssbtek}   WSDL: ${sim.ssbtek}?wsdl`);
  print(`  per version:                  ${sim.url}/ssbtek/v10   ${sim.url}/ssbtek/v11`);
  for (const kod of BASTJANSTER) print(`  ${kod.padEnd(4)} ${sim.upstreams[kod]}`);
  print(`  admin: ${sim.url}/__admin/upstreams`);
  print("Press Ctrl+C to stop.");
  return sim;
}
