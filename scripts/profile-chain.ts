// Measures CPU per composite answer in-process (no sockets), over the benchmark's load (every persona
// and 1 000 generated identities): node --import tsx scripts/profile-chain.ts [N] [profile.cpuprofile]
// With a file name, the measured answers (not the warm-up) are profiled into it.
import { genereradeIdentiteter } from "../bench/bench.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { createChain } from "../simulators/chain.js";
import { simRequest } from "../simulators/endpoint.js";
import { resolveOptions } from "../simulators/options.js";
import { PERSONAS } from "../simulators/population/population.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { matAnrop } from "./profil.js";

const n = Number(process.argv[2] ?? 2000);
const now = new Date("2026-12-02T10:00:00+01:00");
const chain = createChain(resolveOptions({ seed: 1, now: () => now }), "http://127.0.0.1:1");
const identities = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(1000, 1)];
const bodies = identities.map((pid, i) =>
  new TextEncoder().encode(
    soapEnvelope(encodeFraga(fullFraga(pid, { fromDatum: "2026-10-01", tomDatum: "2026-11-30" }, `A-${i}`))),
  ),
);
const send = async (i: number) => {
  const out = await chain.endpoint(
    simRequest("POST", "/ssbtek", { "content-type": "text/xml; charset=utf-8" }, bodies[i % bodies.length]!),
  );
  if (out?.kind !== "response" || out.status !== 200)
    throw new Error(`bad ${JSON.stringify(out).slice(0, 300)}`);
};
await matAnrop("answers", n, 1100, send, process.argv[3]);
