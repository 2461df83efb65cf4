import type { DurationStats } from "./histogram.js";
import type { MetricsSnapshot } from "./recorder.js";

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)} %`);
const ms = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x)} ms`);
const verdict = (ok: boolean | null) => (ok === null ? "no data" : ok ? "met" : "NOT MET");
const tider = (s: DurationStats) => `p50 ${ms(s.p50)}, p90 ${ms(s.p90)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;

/**
 * The service-level summary as plain text for an operator: response times against 7 s / 12 s,
 * delivery precision against 95 %, availability and disturbances, one line per bastjänst. Holds
 * aggregates only.
 *
 * @example
 * console.log(formatSummary(metrics.toJSON()));
 */
export function formatSummary(m: MetricsSnapshot): string {
  const n = m.servicenivaer;
  const s = m.svarstid;
  const l = m.leveransprecision;
  const t = m.tillganglighet;
  const lines = [
    `SSBTEK service levels ${m.sedan} – ${m.tidpunkt}: ${m.utbyten.antal} exchanges ` +
      `(${m.utbyten.perOperation.hamtaBastjanstInformation} hamta, ${m.utbyten.perOperation.testaBastjanstInformation} testa, ${m.utbyten.perOperation.okand} unreadable)`,
    `  Svarstid (${s.antal} answered questions): ${tider(s)}`,
    `    within ${n.svarstidInomMs / 1000} s: ${pct(s.andelInom7s)} (target ≥ ${n.andelInom7s * 100} %) ${verdict(s.mal7sUppfyllt)}; ` +
      `within ${n.svarstidSenastMs / 1000} s: ${pct(s.andelInom12s)} (target ${n.andelInom12s * 100} %) ${verdict(s.mal12sUppfyllt)}`,
    `  Leveransprecision: ${l.besvarade} of ${l.fragor} questions answered = ${pct(l.andelBesvarade)} ` +
      `(target ≥ ${n.andelBesvarade * 100} %) ${verdict(l.malUppfyllt)}` +
      (l.avvisade > 0
        ? `; faults: ${Object.entries(l.avvisadePerFelkod)
            .map(([k, v]) => `${k}×${v}`)
            .join(", ")}`
        : ""),
    `  Tillgänglighet: ${t.tillganglig} answers with every bastjänst (${pct(t.andelTillganglig)}), ${t.medEttFel} with one failed, ` +
      `${t.medStorning} "tillgänglig med störning" (≥ ${n.storningVidAntalFel} failed: ${pct(t.andelMedStorning)})`,
    `  Anslutningstester: ${m.anslutningstester.antal} (${m.anslutningstester.medFel} faulted)`,
    `  On the wire (arrival → last byte sent): ${m.leverans.mottagna} composite requests, ` +
      `${m.leverans.fullstandiga} answered in full, refused as overloaded: ${m.leverans.avvisadeOverbelastning}, ` +
      `cut off: ${m.leverans.avbrutna}; ${tider(m.leverans.tid)}`,
    ...Object.entries(m.bastjanster).map(([k, b]) => {
      return `  ${k.padEnd(4)}${String(b.anrop).padStart(6)} calls: data ${b.data}, BT ${b.BT}, SSBT ${b.SSBT}; ${tider(b.svarstid)}`;
    }),
  ];
  return lines.join("\n");
}
