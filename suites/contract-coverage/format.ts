import { maskeraText } from "../../contract/personidentitet.js";
import type { CoverageReport } from "./coverage.js";

const procent = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)} %`;

/**
 * The coverage report as text for people: what was asked, one line per schema (exercised/declared,
 * share, threshold, verdict), then what was never exercised. Personal identities cannot occur in it
 * (paths, schema names and codes only) and are masked all the same.
 *
 * @example
 * console.log(formatCoverage(await measureCoverage({ contract: "v11" })));
 */
export function formatCoverage(r: CoverageReport): string {
  const ut: string[] = [];
  ut.push(
    `Contract coverage ${r.contract}: seed ${r.seed}, clock ${r.klocka}, period ${r.tidsperiod.fromDatum} – ${r.tidsperiod.tomDatum}`,
  );
  ut.push(
    `Asked: ${r.personas.asked.length} personas with the question of \`certify chain\` (left out: ${r.personas.excluded.join(", ") || "none"})` +
      (r.edgeCases.length ? `, and ${r.edgeCases.length} edge cases:` : "."),
  );
  for (const k of r.edgeCases) ut.push(`  - ${k}`);
  ut.push("");
  const rader = r.rows.map((x) => [
    x.id,
    x.titel,
    `${x.exercised}/${x.declared}`,
    procent(x.share),
    `≥ ${Math.round(x.threshold * 100)} %`,
    x.met ? "ok" : "BELOW",
  ]);
  const head = ["schema", "", "exercised/declared", "share", "threshold", "verdict"];
  const w = head.map((h, i) => Math.max(h.length, ...rader.map((x) => x[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 || i === 3 ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
      .join("  ")
      .trimEnd();
  ut.push(line(head));
  for (const x of rader) ut.push(line(x));
  for (const n of r.notInVersion) ut.push(`${n.id}: not in ${r.contract} — ${n.varfor}.`);
  ut.push("");
  ut.push(
    r.passed
      ? "Every threshold holds."
      : `Below threshold: ${r.rows
          .filter((x) => !x.met)
          .map((x) => x.id)
          .join(", ")}.`,
  );
  for (const x of r.rows) {
    if (x.neverExercised.length === 0) continue;
    ut.push("", `Never exercised — ${x.id} (${x.neverExercised.length}):`);
    for (const n of x.neverExercised) ut.push(`  ${n}`);
  }
  return maskeraText(`${ut.join("\n")}\n`);
}

/**
 * The report as JSON text (masked like {@link formatCoverage}).
 *
 * @example
 * writeFileSync("coverage.json", coverageJson(report));
 */
export function coverageJson(r: CoverageReport): string {
  return maskeraText(`${JSON.stringify(r, null, 2)}\n`);
}
