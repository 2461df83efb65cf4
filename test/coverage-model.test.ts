import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { kontraktFranFiler } from "../contract/compat/filer.js";
import type { KontraktDel, Nod } from "../contract/compat/schema.js";
import { hamtaTabell } from "../contract/faltregler/tabeller.js";
import { declaredModel } from "../suites/contract-coverage/model.js";
import { REFERENCE_DIR, REFERENCE_MISSING, readReference, referencePath } from "./support/reference.js";

/**
 * The coverage report counts what OUR contract model declares (suites/contract-coverage/model.ts):
 * the composite model, the field-rule tables and the LEFI table. This test keeps that model from
 * drifting away from the official files: every answer element and attribute of every official
 * schema, and every LEFI object schema and property reachable from LefiExternFormansinformationSvar,
 * is in the model, and the model declares nothing the official files do not — except, listed
 * here, what lies inside a payload the XSD types as a plain string.
 */

/** Rows of our tables that no XSD declares, with why (they are counted all the same). */
const UTANFOR_XSD: Record<string, { prefix: string; varfor: string }[]> = {
  "csn-svar": [
    {
      prefix: "CSNSvar/GemensamtFragaEkbistand/",
      varfor:
        "Sambruk's SBNUppgEkBistandBegar is imported but not shipped: the fields come from CSN's schema description",
    },
  ],
  "skv-svar": [
    {
      prefix: "BeskattningsuppgifterResponse/svar/",
      varfor:
        "svar is an xs:string carrying Skatteverket's XML document, described in Skatteverket's documentation",
    },
  ],
};

const strip = (p: string) => p.replace(/\[\d+\]$/, "");

/**
 * The answer nodes below a root element of an official part, expanded through references into the
 * other parts (a referenced element or a type rooted in its own part). Unresolvable references
 * (a schema that is not shipped) are returned separately.
 */
function expand(delar: readonly KontraktDel[], start: KontraktDel, root: string) {
  const paths = new Set<string>();
  const unresolved: string[] = [];
  const walk = (del: KontraktDel, from: string, as: string, depth: number) => {
    for (const n of del.noder.values()) {
      const p = strip(n.path);
      if (p !== from && !p.startsWith(`${from}/`)) continue;
      if (n.slag === "any" || n.slag === "egenskap") continue;
      const rel = as + p.slice(from.length);
      paths.add(rel);
      if (n.referens && depth < 10) follow(n, rel, depth);
    }
  };
  const follow = (n: Nod, at: string, depth: number) => {
    const m = /^\{([^}]*)\}(.+)$/.exec(n.referens!);
    const target = m && delar.find((d) => d.namespace === m[1] && [...d.noder.keys()].includes(m[2]!));
    if (!m || !target) unresolved.push(`${at} → ${n.referens}`);
    else walk(target, m[2]!, at, depth + 1);
  };
  walk(start, root, root, 0);
  return { paths, unresolved };
}

describe.skipIf(!REFERENCE_DIR)(
  "the coverage model against the official contract (../shared/reference)",
  () => {
    for (const version of ["v10", "v11"] as const) {
      const official = () => kontraktFranFiler({ xsd: referencePath(`ssbtek-${version}`, "contract") });
      const model = declaredModel(version);

      it(`${version}: every authority table holds exactly the official answer elements and attributes`, () => {
        const k = official();
        for (const s of model.schemas.filter((x) => x.id !== "SSBT")) {
          const tabell = hamtaTabell(`${s.id.toLowerCase()}-svar`);
          const rot = tabell.rot!;
          const del = k.delar.find((d) => d.rotter[rot] === "svar");
          expect(del, `${s.id}: official root ${rot}`).toBeDefined();
          const { paths, unresolved } = expand(k.delar, del!, rot);
          paths.delete(rot); // the root itself is the composite's section `data`, counted in SSBT
          expect(paths.size, `${s.id}: the official schema was read`).toBeGreaterThan(0);
          const utanfor = UTANFOR_XSD[tabell.id] ?? [];
          const missing = [...paths].filter((p) => !s.paths.includes(p));
          const extra = s.paths.filter((p) => !paths.has(p) && !utanfor.some((u) => p.startsWith(u.prefix)));
          expect(missing, `${s.id}: official answer nodes our model lacks`).toEqual([]);
          expect(extra, `${s.id}: nodes our model declares that the official schema does not`).toEqual([]);
          // Only the known holes: a not-shipped import, nothing else.
          for (const u of unresolved)
            expect(
              utanfor.some((x) => u.startsWith(x.prefix.replace(/\/$/, ""))),
              `${s.id}: unresolved ${u}`,
            ).toBe(true);
        }
      });

      it(`${version}: the composite model declares exactly the official composite answer nodes`, () => {
        const del = official().delar.find((d) => d.grupp === "SSBT")!;
        const officiella = new Set(
          [...del.noder.values()]
            .filter((n) => n.riktning === "svar" && n.slag !== "any")
            .map((n) => strip(n.path)),
        );
        const ssbt = model.schemas.find((s) => s.id === "SSBT")!;
        expect(ssbt.paths.filter((p) => !officiella.has(p))).toEqual([]);
        expect([...officiella].filter((p) => !ssbt.paths.includes(p))).toEqual([]);
      });
    }

    it("LEFI: the model's object schemas and properties are those reachable from LefiExternFormansinformationSvar", () => {
      const doc = parseYaml(
        readReference(
          "ssbtek-v10/contract/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml",
        ),
      ) as { components: { schemas: Record<string, Json> } };
      const schemas = doc.components.schemas;
      const objekt = new Set<string>();
      const egenskaper = new Set<string>();
      const besok = (namn: string) => {
        if (objekt.has(namn)) return;
        const s = schemas[namn];
        if (!s) throw new Error(`no schema ${namn}`);
        const props = allProperties(s, schemas);
        if (props.size === 0) return; // a code, a string: not an object schema
        objekt.add(namn);
        for (const [p, v] of props) {
          egenskaper.add(`${namn}.${p}`);
          for (const r of refs(v)) besok(r);
        }
      };
      besok("LefiExternFormansinformationSvar");
      const m = declaredModel("v10").lefi;
      expect(
        m.schemas.filter((s) => !objekt.has(s)),
        "schemas in our model only",
      ).toEqual([]);
      expect(
        [...objekt].filter((s) => !m.schemas.includes(s)),
        "official schemas our model lacks",
      ).toEqual([]);
      expect(
        m.properties.filter((p) => !egenskaper.has(p)),
        "properties in our model only",
      ).toEqual([]);
      expect(
        [...egenskaper].filter((p) => !m.properties.includes(p)),
        "official properties our model lacks",
      ).toEqual([]);
    });
  },
);

it.runIf(!REFERENCE_DIR)("the coverage model's cross-check against the official files", () => {
  console.warn(`[coverage-model] ${REFERENCE_MISSING}`);
});

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A schema's properties, through allOf and $ref. */
function allProperties(
  s: Json,
  schemas: Record<string, Json>,
  seen = new Set<string>(),
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof s.$ref === "string") {
    const n = s.$ref.replace("#/components/schemas/", "");
    if (seen.has(n)) return out;
    seen.add(n);
    return allProperties(schemas[n] ?? {}, schemas, seen);
  }
  if (Array.isArray(s.allOf))
    for (const p of s.allOf) for (const [k, v] of allProperties(p as Json, schemas, seen)) out.set(k, v);
  if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) out.set(k, v);
  return out;
}

/** Names of the object schemas a property value leads to (through arrays, allOf, oneOf). */
function refs(v: unknown): string[] {
  if (!isObj(v)) return [];
  if (typeof v.$ref === "string") return [v.$ref.replace("#/components/schemas/", "")];
  const out: string[] = [];
  if (v.items) out.push(...refs(v.items));
  for (const k of ["allOf", "oneOf", "anyOf"])
    if (Array.isArray(v[k])) for (const x of v[k] as unknown[]) out.push(...refs(x));
  return out;
}
