import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { listFiles, referencePath } from "./reference.js";

const cache = new Map<string, XMLFileInfo[]>();

/** All .xsd files of a contract folder (e.g. "ssbtek-v10/contract"), as xmllint in-memory files. */
function schemaFiles(contractDir: string, overrides: Record<string, string>): XMLFileInfo[] {
  const key = contractDir + JSON.stringify(overrides);
  let files = cache.get(key);
  if (!files) {
    const root = referencePath(contractDir);
    files = listFiles(root)
      .filter((f) => f.endsWith(".xsd"))
      .map((f) => ({ fileName: f, contents: overrides[f] ?? readFileSync(join(root, f), "utf8") }));
    for (const [f, contents] of Object.entries(overrides))
      if (!files.some((x) => x.fileName === f)) files.push({ fileName: f, contents });
    cache.set(key, files);
  }
  return files;
}

export interface XsdResult {
  valid: boolean;
  errors: string[];
}

/**
 * Validates `xml` with libxml2 (xmllint-wasm) against `schema`, a path inside `contractDir` of the
 * reference folder. All sibling schemas are preloaded so imports resolve. `overrides` replaces or
 * adds schema files (e.g. a permissive stand-in for a missing import).
 */
export async function validateAgainst(
  xml: string,
  schema: string,
  contractDir = "ssbtek-v10/contract",
  overrides: Record<string, string> = {},
): Promise<XsdResult> {
  const files = schemaFiles(contractDir, overrides);
  const main = files.find((f) => f.fileName === schema);
  if (!main) throw new Error(`No schema ${schema} in ${contractDir}`);
  const r = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}

/**
 * Validates several documents in one libxml2 run, so the schemas are parsed once (much faster
 * than one {@link validateAgainst} per document). One result per document, in order.
 *
 * @example
 * const results = await validateManyAgainst(answers, SSBT11_XSD, "ssbtek-v11/contract");
 */
export async function validateManyAgainst(
  xmls: readonly string[],
  schema: string,
  contractDir = "ssbtek-v10/contract",
  overrides: Record<string, string> = {},
): Promise<XsdResult[]> {
  if (xmls.length === 0) return [];
  const files = schemaFiles(contractDir, overrides);
  const main = files.find((f) => f.fileName === schema);
  if (!main) throw new Error(`No schema ${schema} in ${contractDir}`);
  const name = (i: number) => `document-${i}.xml`;
  const r = await validateXML({
    xml: xmls.map((contents, i) => ({ fileName: name(i), contents })),
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  // libxml2 starts every message with the file name ("document-3.xml:1: …", "document-3.xml fails …").
  const of = (e: { rawMessage: string }, i: number) =>
    e.rawMessage.startsWith(`${name(i)}:`) || e.rawMessage.startsWith(`${name(i)} `);
  const unplaced = r.errors.filter((e) => !xmls.some((_, i) => of(e, i))).map((e) => e.rawMessage);
  return xmls.map((_, i) => {
    // A message naming no document cannot be attributed: it counts against every document.
    const errors = [...r.errors.filter((e) => of(e, i)).map((e) => e.rawMessage), ...unplaced];
    return { valid: errors.length === 0, errors };
  });
}

/** Path of the ssbt/10 XSD inside the v10 contract folder. */
export const SSBT10_XSD = "se/forsakringskassan/schema/integration/ssbt/_10/sammansatt_bastjanst_v10.xsd";
/** Path of the ssbt/11 XSD inside the v11 contract folder. */
export const SSBT11_XSD = "se/forsakringskassan/schema/integration/ssbt/_11/sammansatt_bastjanst_v11.xsd";
