import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genereradeIdentiteter } from "../../bench/bench.js";
import { soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { fullFraga } from "../../suites/chain/certify-chain.js";
import { TEST_NOW, TEST_PERIOD } from "../../test/support/context.js";
import { PERSONAS } from "../population/population.js";
import { type RunningSimulator, startSimulator } from "../server.js";

const now = () => new Date(TEST_NOW);

/**
 * In-process, SSBT's clients and the simulators hand each other the trees (and LEFI values) they
 * serialise instead of parsing them back. That must never change an answer: the same chain with
 * every bastjänst reached over real HTTP (nothing handed over, every document parsed from the wire)
 * gives the same composite answer, byte for byte.
 */
describe("in-process hand-over of parsed documents", () => {
  let direkt: RunningSimulator;
  let overHttp: RunningSimulator;

  beforeAll(async () => {
    direkt = await startSimulator({ port: 0, seed: 1, now });
    const ups = (await (await fetch(`${direkt.url}/__admin/upstreams`)).json()) as Record<string, string>;
    overHttp = await startSimulator({ port: 0, seed: 1, now, upstreams: ups });
  });
  afterAll(async () => {
    await Promise.all([direkt?.close(), overHttp?.close()]);
  });

  const identiteter = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(40, 3)];

  it.each([
    "v10",
    "v11",
  ] as KontraktVersion[])("gives the same %s answers as parsing every document from the wire", async (version) => {
    for (const [i, pid] of identiteter.entries()) {
      const body = soapEnvelope(encodeFraga(fullFraga(pid, TEST_PERIOD, `HAND-${i}`), version));
      const ask = async (sim: RunningSimulator) => {
        const r = await fetch(`${sim.url}/ssbtek/${version}`, {
          method: "POST",
          headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
          body,
        });
        return `${r.status} ${await r.text()}`;
      };
      const [a, b] = [await ask(direkt), await ask(overHttp)];
      expect(a.startsWith("200 "), `${version} #${i}`).toBe(true);
      expect(a, `${version} identity #${i}`).toBe(b);
    }
  });
});
