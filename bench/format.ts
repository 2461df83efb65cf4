import { type BenchResult, mb, type ServerFigures } from "./bench.js";

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${mb(Math.abs(bytes))}`;

function row(label: string, f: ServerFigures): string[] {
  return [
    label,
    String(f.requests),
    f.answersPerS.toFixed(0),
    ms(f.latency.p50),
    ms(f.latency.p99),
    ms(f.latency.max),
    String(f.errors),
    `${f.cpuMicrosPerAnswer.toFixed(0)} µs`,
    mb(f.rss.at(-1)?.rss ?? Number.NaN),
  ];
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * The result as Markdown tables (ready to paste into docs/performance.md): the servers side by
 * side, then every target with its figure and verdict.
 *
 * @example
 * console.log(formatBench(await runBench(resolveBenchOptions())));
 */
export function formatBench(r: BenchResult): string {
  const o = r.options;
  const c = r.composite;
  const out: string[] = [];
  out.push(
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), node ${r.machine.node}, ${r.machine.platform}; ` +
      `load average ${r.machine.loadavgStart.map((l) => l.toFixed(1)).join(" ")} at start, ` +
      `${r.machine.loadavgEnd.map((l) => l.toFixed(1)).join(" ")} at end.`,
  );
  out.push(
    `Load: ${o.connections} keep-alive connections, ${o.warmup} warm-up per server; ours ${o.requests} composite requests ` +
      `rotating over ${c.identities.personas} personas + ${c.identities.generated} generated identities (all seven bastjänster, ` +
      `avg request ${c.bytes.oursRequestAvg} B, avg answer ${c.bytes.oursAnswerAvg} B); WireMock ${o.peerRequests} requests ` +
      `(½ before, ½ after ours) on one stub: ${c.stub} (request ${c.bytes.wiremockRequest} B, answer ${c.bytes.wiremockAnswer} B).`,
  );
  out.push("");
  const head = [
    "server",
    "requests",
    "answers/s",
    "p50",
    "p99",
    "max",
    "errors",
    "server CPU/answer",
    "RSS end",
  ];
  const rows = [row("ours: composite", c.ours), row("WireMock 3: static stub", c.wiremock)];
  if (r.lefi) rows.push(row("ours: LEFI endpoint", r.lefi.ours), row("Prism: LEFI v9 spec", r.lefi.prism));
  out.push(table(head, rows));
  out.push("");
  out.push(
    `WireMock ran ${c.wiremockRates.before.toFixed(0)} answers/s before ours and ${c.wiremockRates.after.toFixed(0)} after.` +
      (r.lefiSkipped ? ` LEFI comparison SKIPPED: ${r.lefiSkipped}.` : ""),
  );
  out.push("");
  out.push(
    table(
      ["target", "figure", "target", "verdict"],
      r.targets.map((t) => [t.name, t.value, t.target, t.pass ? "PASS" : "FAIL"]),
    ),
  );
  out.push("");
  const v = c.ours.rssVerdict;
  out.push(
    `RSS of ours: ${mb(v.baseline)} after warm-up* → ${mb(v.end)} at the end* (max ${mb(v.max)}, slope ${signedMb(v.slopePer10k)} / 10k requests, ` +
      `heap after GC ${signedMb(v.heapSlopePer10k)} / 10k). * median of the first / last three samples.`,
  );
  out.push(
    `RSS series ours (MiB, every ${o.sampleEvery} requests): ${c.ours.rss.map((s) => mb(s.rss).replace(" MiB", "")).join(", ")}`,
  );
  const samples = [
    ...c.ours.errorSamples.map((e) => `ours: ${e}`),
    ...c.wiremock.errorSamples.map((e) => `WireMock: ${e}`),
    ...(r.lefi
      ? [
          ...r.lefi.ours.errorSamples.map((e) => `ours LEFI: ${e}`),
          ...r.lefi.prism.errorSamples.map((e) => `Prism: ${e}`),
        ]
      : []),
  ];
  if (samples.length) out.push(`Errors, e.g.: ${samples.join("; ")}`);
  for (const p of r.peerWarmupErrors) out.push(`Note (not judged): ${p}.`);
  out.push("");
  out.push(r.pass ? "PASS: every target holds." : `FAIL: ${r.failures.join("; ")}.`);
  return out.join("\n");
}
