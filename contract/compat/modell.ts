import { AF_UTKAST_XSD, AF_XSD, buildAfUtkastXsd, buildAfXsd } from "../af/schema.js";
import { HarnessError } from "../errors.js";
import { NS } from "../namespaces.js";
import { KONTRAKT_VERSIONER, type KontraktVersion } from "../ssbt/model.js";
import { buildSchemaXsd } from "../ssbt/wsdl.js";
import type { KontraktBeskrivning } from "./schema.js";
import { lasXsd, type SchemaText } from "./xsd.js";

/**
 * The schema documents of a contract version, generated from our model: the composite schema
 * (with AF's answer typed), our ers_stod v2 and, for `utkast`, AF's draft extension. Keyed by
 * file name, so libxml2 can resolve the imports (`xmllint-wasm` preload).
 *
 * @example
 * Object.keys(schemaDokument("utkast")) // ["ssbt.xsd", "ers_stod.xsd", "ers_stod_utkast.xsd"]
 */
export function schemaDokument(version: KontraktVersion): Record<string, string> {
  const docs: Record<string, string> = {
    "ssbt.xsd": buildSchemaXsd(version, { afTypad: true, afSchemaLocation: AF_XSD }),
    [AF_XSD]: buildAfXsd(),
  };
  if (version === "utkast") docs[AF_UTKAST_XSD] = buildAfUtkastXsd();
  return docs;
}

/** Composite namespaces each version's service also answers in (the draft keeps ssbt/11 clients). */
const ACCEPTERAR: Record<KontraktVersion, string[]> = { v10: [], v11: [], utkast: [NS.ssbt11] };

/**
 * A contract version the harness speaks, described from our model (the same generator as the
 * WSDL): the composite contract and AF's own; the other bastjänster's payloads are the
 * authorities' schemas (compare them with `--from-xsd`/`--to-xsd`).
 *
 * @example
 * kontraktFranModell("v11").delar.map((d) => d.grupp) // ["AF", "SSBT"]
 */
export function kontraktFranModell(version: string): KontraktBeskrivning {
  if (!(KONTRAKT_VERSIONER as readonly string[]).includes(version))
    throw new HarnessError(
      "COMPAT_BAD_INPUT",
      `Unknown contract version "${version}": the harness knows ${KONTRAKT_VERSIONER.join(", ")}. Pass one of them, or files with --from-xsd/--to-xsd.`,
    );
  const v = version as KontraktVersion;
  const docs: SchemaText[] = Object.entries(schemaDokument(v)).map(([namn, text]) => ({ namn, text }));
  return {
    namn: v,
    delar: lasXsd(docs, `model ${v}`),
    accepterar: ACCEPTERAR[v],
    // Where the draft's AF extension travels: ers_stod v2's own xs:any extension points.
    placering: { UtokadSvar: "SvarMeddelande/Svar/*", UtokadFraga: "FragaMeddelande/*" },
  };
}
