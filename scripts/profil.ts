import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * The profiling scripts' shared measurement: `warmup` calls of `send` (not measured), then `n`
 * measured calls; prints wall and CPU per call and RSS, and, given a file name, writes a CPU
 * profile of the measured calls only.
 *
 * @example
 * await matAnrop("answers", 4000, 1100, send, "/tmp/p.cpuprofile");
 */
export async function matAnrop(
  vad: string,
  n: number,
  warmup: number,
  send: (i: number) => Promise<void>,
  profil: string | undefined,
): Promise<void> {
  for (let i = 0; i < warmup; i++) await send(i);
  const session = profil ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await send(i);
  const c = process.cpuUsage(c0);
  console.log(
    `${n} ${vad}: ${((performance.now() - t0) / n).toFixed(3)} ms wall, ${((c.user + c.system) / 1000 / n).toFixed(3)} ms CPU each; rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB`,
  );
  if (session && profil) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(profil, JSON.stringify(profile));
  }
}
