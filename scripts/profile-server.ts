// Profiles the composite service over HTTP (node:http server in this process, load from a child
// process so it does not share the profiled thread): the CPU of everything around the chain.
// node --import tsx scripts/profile-server.ts [N] [profile.cpuprofile]   (LEFI=1: the LEFI endpoint)
// DIST=1: the built server (dist/, as `npx ssbtek-harness` runs it; `npm run build` first), so node
// flags given to this script (e.g. --max-semi-space-size=8) are measured on the code that ships.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type * as Server from "../simulators/server.js";

const n = Number(process.argv[2] ?? 6000);
const profil = process.argv[3];
if (process.argv[4] === "--load") {
  const { runLoad } = await import("../bench/load.js");
  const { genereradeIdentiteter, REQUEST_HEADERS } = await import("../bench/bench.js");
  const { soapEnvelope } = await import("../contract/soap/envelope.js");
  const { encodeFraga } = await import("../contract/ssbt/codec.js");
  const { PERSONAS } = await import("../simulators/population/population.js");
  const { fullFraga } = await import("../suites/chain/certify-chain.js");
  const ids = [...PERSONAS.map((p) => p.personidentitet), ...genereradeIdentiteter(1000, 1)];
  const { encodeLefiFraga } = await import("../contract/fk/codec.js");
  const { lefiFraga } = await import("../simulators/aggregator/klienter/fk.js");
  const period = { fromDatum: "2026-10-01", tomDatum: "2026-11-30" };
  const lefi = process.env.LEFI === "1";
  const bodies = ids.map((pid, i) =>
    Buffer.from(
      lefi
        ? encodeLefiFraga(lefiFraga(pid, period))
        : soapEnvelope(encodeFraga(fullFraga(pid, period, `A-${i}`))),
    ),
  );
  const url = process.env.URL as string;
  const load = (requests: number) =>
    runLoad({
      url,
      body: bodies,
      headers: lefi ? { "Content-Type": "application/json", Accept: "application/json" } : REQUEST_HEADERS,
      connections: 32,
      requests,
      check: (a) => (a.status === 200 ? undefined : `HTTP ${a.status}`),
    });
  await load(3000);
  process.send?.("warm");
  await new Promise((r) => process.once("message", r));
  const r = await load(n);
  process.send?.({ ms: r.elapsedMs, errors: r.errors, samples: r.errorSamples });
  process.exit(0);
}
const { startSimulator }: typeof Server =
  process.env.DIST === "1"
    ? await import(new URL("../dist/simulators/server.js", import.meta.url).href)
    : await import("../simulators/server.js");
const sim = await startSimulator({ port: 0, seed: 1, profile: "fast", timeScale: 0 });
const child = fork(new URL(import.meta.url), [String(n), "", "--load"], {
  execArgv: ["--import", "tsx"],
  env: {
    ...process.env,
    URL:
      process.env.LEFI === "1"
        ? `${sim.url}/fk/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga`
        : `${sim.url}/ssbtek`,
  },
});
await new Promise((r) => child.once("message", r));
const session = profil ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
const c0 = process.cpuUsage();
const rss: number[] = [];
const sampler = setInterval(() => rss.push(process.memoryUsage.rss() / 2 ** 20), 500);
child.send("go");
const res = (await new Promise((r) => child.once("message", r))) as {
  ms: number;
  errors: number;
  samples: string[];
};
if (res.errors) console.log(res.samples);
const c = process.cpuUsage(c0);
clearInterval(sampler);
rss.sort((a, b) => a - b);
console.log(
  `${n} answers over HTTP: ${(n / (res.ms / 1000)).toFixed(0)}/s, ${((c.user + c.system) / 1000 / n).toFixed(3)} ms server CPU per answer, ${res.errors} errors, RSS median ${(rss[rss.length >> 1] ?? 0).toFixed(0)} max ${(rss.at(-1) ?? 0).toFixed(0)} MiB`,
);
if (session && profil) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(profil, JSON.stringify(profile));
}
await sim.close?.();
process.exit(0);
