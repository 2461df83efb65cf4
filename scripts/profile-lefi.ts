// Measures CPU per LEFI answer in-process (the FK endpoint behind the timing and fault layer, no
// sockets), over the benchmark's LEFI load: node --import tsx scripts/profile-lefi.ts [N] [profile.cpuprofile]
import { genereradeIdentiteter } from "../bench/bench.js";
import { encodeLefiFraga } from "../contract/fk/codec.js";
import { lefiFraga } from "../simulators/aggregator/klienter/fk.js";
import { createChain } from "../simulators/chain.js";
import { simRequest } from "../simulators/endpoint.js";
import { resolveOptions } from "../simulators/options.js";
import { PERSONAS } from "../simulators/population/population.js";
import { matAnrop } from "./profil.js";

const n = Number(process.argv[2] ?? 10000);
const now = new Date("2026-12-02T10:00:00+01:00");
const chain = createChain(resolveOptions({ seed: 1, now: () => now }), "http://127.0.0.1:1");
const identities = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(1000, 1)];
const path = "/fk/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga";
const bodies = identities.map((pid) =>
  encodeLefiFraga(lefiFraga(pid, { fromDatum: "2026-10-01", tomDatum: "2026-11-30" })),
);
const send = async (i: number) => {
  const out = await chain.endpoint(
    simRequest(
      "POST",
      path,
      { "content-type": "application/json", accept: "application/json" },
      bodies[i % bodies.length]!,
    ),
  );
  if (out?.kind !== "response" || out.status !== 200)
    throw new Error(`bad ${JSON.stringify(out).slice(0, 300)}`);
};
await matAnrop("LEFI answers", n, 2000, send, process.argv[3]);
