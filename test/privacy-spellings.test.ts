import { describe, expect, it } from "vitest";
import { standardPeriod } from "../contract/kalender.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { createObservability } from "../simulators/observability.js";
import { PERSONAS } from "../simulators/population/population.js";
import { startSimulator } from "../simulators/server.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { hamtaOverHttp } from "../suites/chain/client.js";
import { postSoap } from "./support/answers.js";
import { memoryDestination } from "./support/privacy.js";

const skyddad = PERSONAS.find((p) => p.id === "skyddad-identitet") ?? PERSONAS[0]!;
const PID = skyddad.personidentitet;
const fw = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
/** The spellings the issue found logged as typed, and a few more. */
const SPELLINGS = [
  `${PID.slice(0, 8)} ${PID.slice(8)}`,
  `${PID.slice(0, 8)}_${PID.slice(8)}`,
  `${PID.slice(0, 8)}/${PID.slice(8)}`,
  `${PID.slice(0, 8)}.${PID.slice(8)}`,
  `${PID.slice(0, 4)}-${PID.slice(4, 6)}-${PID.slice(6, 8)}-${PID.slice(8)}`,
  `${PID.slice(0, 8)}–${PID.slice(8)}`,
  [...PID].join(" "),
  fw(PID),
  `${PID.slice(2, 8)}\n    ${PID.slice(8)}`,
];

/** Every decimal digit of a text as ASCII (full-width too). */
const digits = (s: string) =>
  [...s]
    .map((c) => {
      const cp = c.codePointAt(0) as number;
      return cp >= 0xff10 && cp <= 0xff19 ? String(cp - 0xff10) : /\d/.test(c) ? c : "";
    })
    .join("");

describe("a personnummer typed into free-text fields, in any spelling, is masked in the log and absent from the metrics", () => {
  it.each(SPELLINGS.map((s, i) => [i, s] as const))("spelling %i", async (_i, spelling) => {
    const dest = memoryDestination();
    const obs = createObservability({ logLevel: "debug", logDestination: dest });
    const sim = await startSimulator(
      { port: 0, seed: 1 },
      { onUtfall: obs.onUtfall, onLeverans: obs.onLeverans, adminHandlers: obs.adminHandlers },
    );
    try {
      const f = fullFraga(PERSONAS[0]!.personidentitet, standardPeriod(sim.chain.context.now()), spelling);
      f.generellaFrageparametrar.korrelationsid = `korr ${spelling}`;
      f.generellaFrageparametrar.ingivare.handlaggare = `hl ${spelling}`;
      const r = await hamtaOverHttp(sim.ssbtek, f);
      expect(r.status).toBe(200);
      // A refused question whose personidentitet is written this way: the fault must not echo it.
      const bad = fullFraga(PERSONAS[0]!.personidentitet, standardPeriod(sim.chain.context.now()), "X");
      bad.generellaFrageparametrar.personidentitet = spelling;
      const fault = await postSoap(sim.ssbtek, soapEnvelope(encodeFraga(bad)));
      expect(fault.status).toBeGreaterThanOrEqual(400);
      expect(digits(fault.text)).not.toContain(PID.slice(2));

      const metrics = await (await fetch(`${sim.url}/__admin/metrics`)).text();
      const text = await (await fetch(`${sim.url}/__admin/metrics?format=text`)).text();
      await sim.close({ drainMs: 0 });
      obs.close();
      const log = dest.lines.join("");
      expect(log).toContain("fraga.besvarad");
      for (const out of [log, metrics, text, obs.summary()]) {
        expect(out).not.toContain(spelling);
        for (const line of out.split("\n")) expect(digits(line)).not.toContain(PID.slice(2));
      }
      expect(metrics).not.toContain("korr");
      expect(log).toContain(`${PID.slice(2, 8)}-****`.slice(-10));
    } finally {
      await sim.close({ drainMs: 0 });
    }
  });
});
