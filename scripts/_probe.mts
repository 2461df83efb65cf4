import { testContext, testFraga } from "../test/support/context.js";
import { adaptrar, begaranFor } from "../simulators/conformance.js";
import { SIMULATORER } from "../simulators/registry.js";
const sim = SIMULATORER[process.argv[2] as "MIV"];
const [a] = await adaptrar(sim, { ...testContext(), dialekt: process.argv[4] as "strict" });
const u = await a!.skicka(begaranFor(sim, testFraga(process.argv[3]!)));
console.log(u.body.slice(0, 3000));
process.exit(0);
