import { type BenchResult, mb, type ServerFigures } from "./bench.js";

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${mb(Math.abs(bytes))}`;

function row(f: ServerFigures): string[] {
  return [
    f.kind,
    String(f.requests),
    f.answersPerS.toFixed(0),
    ms(f.latency.p50),
    ms(f.latency.p99),
    ms(f.latency.max),
    String(f.errors),
    `${f.cpuMicrosPerAnswer.toFixed(0)} µs`,
  ];
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * The result as Markdown tables (ready to paste into docs/performance.md) plus the verdict.
 *
 * @example
 * console.log(formatBench(await runBench(resolveBenchOptions())));
 */
export function formatBench(r: BenchResult): string {
  const o = r.options;
  const out: string[] = [];
  out.push(
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), node ${r.machine.node}, ${r.machine.platform}; ` +
      `load average ${r.machine.loadavgStart.map((l) => l.toFixed(1)).join(" ")} at start, ` +
      `${r.machine.loadavgEnd.map((l) => l.toFixed(1)).join(" ")} at end.`,
  );
  out.push(
    `Load: ${o.connections} keep-alive connections, ${o.warmup} warm-up + ${o.requests} measured requests per server, ` +
      `sequence bare ½ → ours → bare ½, RSS sampled every ${o.sampleEvery}; request ${r.bytes.request} bytes, answer ${r.bytes.answer} bytes.`,
  );
  out.push("");
  out.push(
    table(
      ["server", "requests", "answers/s", "p50", "p99", "max", "errors", "server CPU/answer"],
      [row(r.ours), row(r.bare)],
    ),
  );
  out.push("");
  out.push(
    `Ratio ours/bare: ${r.ratio.toFixed(3)} (target ≥ ${o.minRatio}); bare ran ${r.bareRates.before.toFixed(0)} answers/s ` +
      `before ours and ${r.bareRates.after.toFixed(0)} after. Server CPU per answer ours/bare: ` +
      `${(r.ours.cpuMicrosPerAnswer / r.bare.cpuMicrosPerAnswer).toFixed(1)}×.`,
  );
  out.push("");
  const series = (f: ServerFigures) => f.rss.map((s) => mb(s.rss).replace(" MiB", "")).join(", ");
  const heap = (f: ServerFigures) => f.rss.map((s) => mb(s.heapAfterGc).replace(" MiB", "")).join(", ");
  const v = (f: ServerFigures) => f.rssVerdict;
  out.push(
    table(
      [
        "server",
        "RSS after warm-up*",
        "end*",
        "max",
        "growth",
        "slope / 10k req",
        "heap after GC slope / 10k req",
      ],
      [r.ours, r.bare].map((f) => [
        f.kind,
        mb(v(f).baseline),
        mb(v(f).end),
        mb(v(f).max),
        `${(v(f).growth * 100).toFixed(1)} %`,
        signedMb(v(f).slopePer10k),
        signedMb(v(f).heapSlopePer10k),
      ]),
    ),
  );
  out.push("");
  out.push("* median of the first / last three samples (one sample swings ±10 % as V8 sizes its heap).");
  out.push(`RSS series ours (MiB, every ${o.sampleEvery} requests): ${series(r.ours)}`);
  out.push(`RSS series bare (MiB, every ${o.sampleEvery} requests): ${series(r.bare)}`);
  out.push(`Heap after GC ours (MiB): ${heap(r.ours)}`);
  const samples = [
    ...r.ours.errorSamples.map((e) => `ours: ${e}`),
    ...r.bare.errorSamples.map((e) => `bare: ${e}`),
  ];
  if (samples.length) out.push(`Errors, e.g.: ${samples.join("; ")}`);
  out.push("");
  out.push(
    r.pass ? "PASS: zero errors, ratio at or above target, RSS flat." : `FAIL: ${r.failures.join("; ")}.`,
  );
  return out.join("\n");
}
