/**
 * What the contract declares, from our own contract model (never from the official files at run
 * time): the composite schema's answer nodes from the model that generates our WSDL
 * (`kontraktFranModell`), each authority's answer elements and attributes from its field-rule
 * table (`fixtures/faltregler`), the LEFI object schemas and properties reachable from
 * `LefiExternFormansinformationSvar` from the LEFI table, and the answer codes of
 * `fixtures/kodverk`. `test/coverage-model.test.ts` checks this model against the official files.
 */
import { kontraktFranModell } from "../../contract/compat/modell.js";
import type { Faltregeltabell } from "../../contract/faltregler/model.js";
import { hamtaTabell } from "../../contract/faltregler/tabeller.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { KODVERK } from "../../fixtures/kodverk/index.js";

/** The contract versions a coverage report is made for. */
export const COVERAGE_CONTRACTS = ["v10", "v11"] as const;
export type CoverageContract = (typeof COVERAGE_CONTRACTS)[number];

/** The answer nodes one XML schema declares: root-relative paths of local names, attributes as `@name`. */
export interface DeclaredSchema {
  /** `SSBT`, `AF`, `CSN`, `SKV`, `SO`, `TNS`, `MIV`. */
  id: string;
  titel: string;
  /** Where a measured answer's node path starts being this schema's (see {@link declaredModel}). */
  anchor: AnchorSpec;
  /** Paths without `[]`, in model order, unique. */
  paths: string[];
}

/**
 * How a schema's nodes are found in the composite answer: `root` — the path starts at one of
 * these root elements wherever it appears (the composite's own answers and faults); `section` —
 * below this path of the composite answer (an authority's section `data`, payloads opened).
 */
export type AnchorSpec =
  | { kind: "root"; roots: string[] }
  /** `as`: the element at `under` stands for this root (a section's `data` typed as the authority's root). */
  | { kind: "section"; under: string; as?: string };

/** The LEFI part of the model: object schemas, their properties, and where each table path belongs. */
export interface DeclaredLefi {
  anchor: AnchorSpec;
  /** Object schema names, the root `LefiExternFormansinformationSvar` first. */
  schemas: string[];
  /** `Schema.property`, unique. */
  properties: string[];
  /** Table path (no `[]`, no leading `/`) → the object schema of the node (complex rows). */
  schemaAt: Map<string, string>;
  /** Table path → `Schema.property` of the node. */
  propertyAt: Map<string, string>;
}

/** One answer code of the kodverk. */
export interface DeclaredKod {
  kodverk: string;
  kod: string;
  falt: string[];
  /** False for a code no request can provoke (kept in the denominator, marked in the report). */
  utlosbar: boolean;
}

export interface DeclaredModel {
  contract: CoverageContract;
  schemas: DeclaredSchema[];
  lefi: DeclaredLefi;
  koder: DeclaredKod[];
  /** Schemas of the other version that this version does not carry, with why. */
  ejMed: { id: string; varfor: string }[];
}

const TITLAR: Record<string, string> = {
  "af-svar": "AF ers_stod v2 (SvarMeddelande)",
  "csn-svar": "CSN kommunfråga v4.0 (CSNSvar)",
  "skv-svar": "SKV beskattning (BeskattningsuppgifterResponse)",
  "so-svar": "SO INT014 (GetUnemploymentBenefitPaymentResponse)",
  "tns-svar": "TNS hamtauppgifter 1.0 (HamtaUppgifterResponse)",
  "miv-svar": "MIV SSBTEK 1 (findByPersonnummerResponse)",
};

/** Table path → model path: no leading `/`, no `[]`. */
export const normalPath = (p: string): string => p.replace(/^\//, "").replaceAll("[]", "");

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** Where each authority table sits in the composite answer, from the composite's own table. */
function sektionAnkare(): Map<string, AnchorSpec> {
  const out = new Map<string, AnchorSpec>();
  for (const r of hamtaTabell("ssbt-svar").falt) {
    if (!r.meddelande || r.meddelande === "ssbt-fraga") continue;
    const under = normalPath(r.path);
    // typ xml: `data` holds the root's content (it is typed as the authority's root element);
    // a payload (base64Xml, base64Json) holds the whole document.
    const rot = r.typ === "xml" ? hamtaTabell(r.meddelande).rot : undefined;
    out.set(r.meddelande, { kind: "section", under, ...(rot ? { as: rot } : {}) });
  }
  return out;
}

function tabellSchema(t: Faltregeltabell, anchor: AnchorSpec): DeclaredSchema {
  return {
    id: t.id.replace(/-svar$/, "").toUpperCase(),
    titel: TITLAR[t.id] ?? t.titel,
    anchor,
    paths: unique(t.falt.map((r) => normalPath(r.path))),
  };
}

const LEFI_ROT = "LefiExternFormansinformationSvar";

function lefiModell(anchor: AnchorSpec): DeclaredLefi {
  const t = hamtaTabell("lefi-svar");
  const schemaAt = new Map<string, string>();
  for (const r of t.falt) {
    if (r.typ !== "complex") continue;
    const m = /, (Lefi\w+)$/.exec(r.kalla);
    if (m) schemaAt.set(normalPath(r.path), m[1]!);
  }
  const propertyAt = new Map<string, string>();
  for (const r of t.falt) {
    const p = normalPath(r.path);
    const i = p.lastIndexOf("/");
    const parent = i < 0 ? "" : p.slice(0, i);
    const schema = parent === "" ? LEFI_ROT : schemaAt.get(parent);
    if (schema) propertyAt.set(p, `${schema}.${p.slice(i + 1)}`);
  }
  return {
    anchor,
    schemas: unique([LEFI_ROT, ...schemaAt.values()]),
    properties: unique([...propertyAt.values()]),
    schemaAt,
    propertyAt,
  };
}

const cache = new Map<CoverageContract, DeclaredModel>();

/**
 * The declared answer model of a contract version (computed once per version).
 *
 * @example
 * declaredModel("v10").schemas.map((s) => s.id) // ["SSBT", "AF", "CSN", "SKV", "SO", "TNS", "MIV"]
 */
export function declaredModel(contract: CoverageContract): DeclaredModel {
  const hit = cache.get(contract);
  if (hit) return hit;
  const ssbtDel = kontraktFranModell(contract as KontraktVersion).delar.find((d) => d.grupp === "SSBT");
  if (!ssbtDel) throw new Error(`the composite model of ${contract} has no SSBT part`);
  const roots = Object.entries(ssbtDel.rotter)
    .filter(([, r]) => r === "svar")
    .map(([n]) => n);
  const ssbt: DeclaredSchema = {
    id: "SSBT",
    titel: `SSBT sammansatt_bastjanst_${contract} (svar och fel)`,
    anchor: { kind: "root", roots },
    paths: unique(
      [...ssbtDel.noder.values()]
        .filter((n) => n.riktning === "svar" && n.slag !== "any")
        .map((n) => n.path.replace(/\[\d+\]$/, "")),
    ),
  };
  const ankare = sektionAnkare();
  const ejMed: DeclaredModel["ejMed"] = [];
  const schemas = [ssbt];
  for (const id of ["af-svar", "csn-svar", "skv-svar", "so-svar", "tns-svar", "miv-svar"]) {
    if (id === "skv-svar" && contract === "v11") {
      ejMed.push({
        id: "SKV",
        varfor:
          "ssbt/11 carries Skatteverket's answer as base64 JSON blocks (SkatteverketSvar), not the XSD's BeskattningsuppgifterResponse; its parts are counted in SSBT",
      });
      continue;
    }
    schemas.push(tabellSchema(hamtaTabell(id), ankare.get(id)!));
  }
  const koder: DeclaredKod[] = KODVERK.filter((k) => k.riktning === "svar").flatMap((k) =>
    k.koder.map((c) => ({ kodverk: k.id, kod: c.kod, falt: k.falt, utlosbar: c.utlosbar !== false })),
  );
  const m: DeclaredModel = {
    contract,
    schemas,
    lefi: lefiModell(ankare.get("lefi-svar")!),
    koder,
    ejMed,
  };
  cache.set(contract, m);
  return m;
}
