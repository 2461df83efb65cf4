import { type Andring, type CompatResultat, jamforKontrakt } from "../../contract/compat/diff.js";
import { kontraktFranFiler } from "../../contract/compat/filer.js";
import { kontraktFranModell } from "../../contract/compat/modell.js";
import type { KontraktBeskrivning } from "../../contract/compat/schema.js";
import { HarnessError } from "../../contract/errors.js";
import { buildReport, type CertifyReport, type CertifySuite } from "../../reports/model.js";

/** One side of the comparison: a version the harness knows, or files. */
export interface CompatSida {
  /** `v10`, `v11`, `utkast`. */
  version?: string;
  /** An XSD/WSDL file (imports followed) or a contract folder. */
  xsd?: string;
  /** An OpenAPI document (LEFI). */
  openapi?: string;
}

export interface CompatOptions {
  from: CompatSida;
  to: CompatSida;
}

function kontrakt(s: CompatSida, flagga: "from" | "to"): KontraktBeskrivning {
  const filer = Boolean(s.xsd || s.openapi);
  if (Boolean(s.version) === filer)
    throw new HarnessError(
      "COMPAT_BAD_INPUT",
      `Pass either --${flagga} VERSION or --${flagga}-xsd/--${flagga}-openapi FILE (exactly one kind).`,
    );
  if (s.version) return kontraktFranModell(s.version);
  return kontraktFranFiler({
    ...(s.xsd ? { xsd: s.xsd } : {}),
    ...(s.openapi ? { openapi: s.openapi } : {}),
  });
}

/**
 * Compares two contracts (versions of our model, or files) and classifies every change.
 *
 * @example
 * const r = certifyCompat({ from: { version: "v11" }, to: { version: "utkast" } });
 * r.brytandeForKonsumenter // false
 */
export function certifyCompat(o: CompatOptions): CompatResultat {
  return jamforKontrakt(kontrakt(o.from, "from"), kontrakt(o.to, "to"));
}

const kort = (k: string) => (k === "brytande" ? "BREAKING" : "additive");

function rad(a: Andring): string {
  const vad = a.path || "(namespace)";
  const detalj = [a.fran !== undefined ? `from ${a.fran}` : "", a.till !== undefined ? `to ${a.till}` : ""]
    .filter(Boolean)
    .join(" ");
  return `  ${a.riktning === "fraga" ? "Q" : "A"} ${a.typ.padEnd(21)} consumers ${kort(a.konsument).padEnd(8)} producers ${kort(a.producent).padEnd(8)} strict ${a.striktKlient ? "breaks" : "ok    "}  ${vad}${detalj && a.typ !== "tillagd" ? `  (${detalj})` : ""}\n      ${a.beskrivning}`;
}

/**
 * The comparison as text: a verdict line, then the changes per contract part.
 *
 * @example
 * console.log(formatCompat(certifyCompat({ from: { version: "v10" }, to: { version: "v11" } })));
 */
export function formatCompat(r: CompatResultat): string {
  const lines: string[] = [];
  const verdict = r.brytandeForKonsumenter
    ? "BREAKING for consumers"
    : r.andringar.length
      ? "ADDITIVE for consumers"
      : "NO CHANGES";
  lines.push(
    `certify compat ${r.fran} → ${r.till}: ${verdict}` +
      ` (${r.andringar.length} change(s); producers: ${r.brytandeForProducenter ? "breaking" : "additive"}; strict clients: ${r.brytandeForStriktaKlienter ? "break" : "ok"})`,
  );
  for (const s of r.sammanfattning) {
    const mine = r.andringar.filter((a) => a.namespace === s.namespace);
    if (mine.length === 0) continue;
    lines.push(
      ``,
      `${s.grupp}  ${s.namespace}: ${mine.length} change(s), ${s.brytandeForKonsumenter} breaking consumers, ${s.brytandeForProducenter} breaking producers`,
    );
    for (const a of mine) lines.push(rad(a));
  }
  const orörda = r.sammanfattning.filter((s) => s.andringar === 0).map((s) => s.grupp);
  if (orörda.length)
    lines.push(``, `Unchanged: ${[...new Set(orörda)].join(", ")} (${orörda.length} namespace(s)).`);
  lines.push(
    ``,
    `Q = question (consumer → producer), A = answer. Exit 1 when a change breaks consumers, 0 when additive only.`,
  );
  return lines.join("\n");
}

/**
 * The comparison as a certify report: one suite per contract part, one case per change (failed
 * when it breaks consumers), so `--out` gets the same JSON/JUnit/HTML as every certify command.
 */
export function compatCertifyReport(r: CompatResultat, startedAt: Date, durationMs: number): CertifyReport {
  const suites: CertifySuite[] = r.sammanfattning.map((s) => ({
    name: `${s.grupp} ${s.namespace}`,
    properties: { grupp: s.grupp, namespace: s.namespace },
    cases: r.andringar
      .filter((a) => a.namespace === s.namespace)
      .map((a) => ({
        name: `${a.typ} ${a.path || "(namespace)"}`,
        status: a.konsument === "brytande" ? ("fail" as const) : ("pass" as const),
        durationMs: 0,
        findings:
          a.konsument === "brytande"
            ? [{ rule: `compat.${a.typ}`, ...(a.path ? { path: a.path } : {}), message: a.beskrivning }]
            : [],
        details: {
          riktning: a.riktning,
          konsument: a.konsument,
          producent: a.producent,
          striktKlient: a.striktKlient ? "bryts" : "ok",
          ...(a.fran !== undefined ? { fran: a.fran } : {}),
          ...(a.till !== undefined ? { till: a.till } : {}),
        },
      })),
  }));
  const report = buildReport({
    command: "certify compat",
    target: `${r.fran} → ${r.till}`,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    suites,
    extra: { compat: r },
  });
  // A comparison with no change at all passes (buildReport wants at least one case).
  return r.brytandeForKonsumenter ? report : { ...report, passed: true };
}
