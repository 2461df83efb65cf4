import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { listFiles, REFERENCE_DIR, REFERENCE_MISSING, referencePath } from "./reference.js";

/** The contract folder schemas are read from unless told otherwise. */
const DEFAULT_CONTRACT = "ssbtek-v10/contract";

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
 *
 * Every call starts a worker thread and a libxml2 instance: for more than a handful of documents
 * use {@link validateManyAgainst}, {@link validateDocuments} or {@link schemaBatch}.
 */
export async function validateAgainst(
  xml: string,
  schema: string,
  contractDir = DEFAULT_CONTRACT,
  overrides: Record<string, string> = {},
): Promise<XsdResult> {
  const [r] = await validateManyAgainst([xml], schema, contractDir, overrides);
  return r!;
}

/**
 * Most documents one libxml2 run validates; larger lists are split. Memory is not the limit: libxml2
 * frees each document before the next, and 2000 composite ssbt/10 answers (18 KB on average, the
 * largest 256 KB) pass in one run within xmllint-wasm's default 32 MiB, in 1.5 s. The split only
 * bounds what one failing run takes down with it.
 */
export const MAX_DOCUMENTS_PER_RUN = 100;

/**
 * Validates several documents against one schema with one libxml2 run per {@link MAX_DOCUMENTS_PER_RUN}
 * documents, so the schemas are parsed once and one worker thread serves them all (one worker per
 * document, hundreds per test file, is slow, and suspected of crashing vitest's fork workers in CI). One result per
 * document, in order; libxml2's messages are attributed to the document they name, with the lines
 * that continue them (a parser error's source excerpt and caret).
 *
 * @example
 * const results = await validateManyAgainst(answers, SSBT11_XSD, "ssbtek-v11/contract");
 */
export async function validateManyAgainst(
  xmls: readonly string[],
  schema: string,
  contractDir = DEFAULT_CONTRACT,
  overrides: Record<string, string> = {},
): Promise<XsdResult[]> {
  const results: XsdResult[] = [];
  for (let i = 0; i < xmls.length; i += MAX_DOCUMENTS_PER_RUN)
    results.push(
      ...(await oneRun(xmls.slice(i, i + MAX_DOCUMENTS_PER_RUN), i, schema, contractDir, overrides)),
    );
  return results;
}

/** One libxml2 run; documents are named by their index in the whole list (`first` + i). */
async function oneRun(
  xmls: readonly string[],
  first: number,
  schema: string,
  contractDir: string,
  overrides: Record<string, string>,
): Promise<XsdResult[]> {
  const files = schemaFiles(contractDir, overrides);
  const main = files.find((f) => f.fileName === schema);
  if (!main) throw new Error(`No schema ${schema} in ${contractDir}`);
  const name = (i: number) => `document-${first + i}.xml`;
  const r = await validateXML({
    xml: xmls.map((contents, i) => ({ fileName: name(i), contents })),
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  // xmllint prints, per document in order, its messages ("document-3.xml:1: …", followed for a parser
  // error by the offending source line and a caret) and then "document-3.xml validates" or
  // "… fails to validate". The parsed r.errors drop the last line of the output: read it whole.
  const own: string[][] = xmls.map(() => []);
  const validates = new Set<number>();
  const unplaced: string[] = [];
  let current: number | undefined;
  for (const line of r.rawOutput.split("\n")) {
    if (line === "") continue;
    const m = /^document-(\d+)\.xml[: ]/.exec(line);
    const i = m ? Number(m[1]) - first : undefined;
    if (i !== undefined && i >= 0 && i < xmls.length) {
      current = i;
      if (line === `${name(i)} validates`) validates.add(i);
      else own[i]!.push(line);
    } else if (current !== undefined) own[current]!.push(line);
    else unplaced.push(line);
  }
  return xmls.map((_, i) => {
    // xmllint's verdict decides, as for a single document (a warning alone does not fail it).
    if (validates.has(i)) return { valid: true, errors: [] };
    // "fails to validate" closes a failing document's messages: not an error of its own.
    const messages = own[i]!.filter((e) => e !== `${name(i)} fails to validate`);
    const errors = [...unplaced, ...(messages.length > 0 ? messages : own[i]!)];
    // xmllint said neither "validates" nor why not (e.g. a run cut short): never a silent pass.
    if (errors.length === 0)
      errors.push(`${name(i)}: libxml2 gave no verdict (output: ${r.rawOutput.slice(-300)})`);
    return { valid: false, errors };
  });
}

/** One document to validate and the schema it must satisfy (arguments as for {@link validateAgainst}). */
export interface XsdDocument {
  xml: string;
  schema: string;
  contractDir?: string;
  overrides?: Record<string, string>;
}

/**
 * Validates documents against their schemas with one libxml2 run per distinct schema (and contract
 * folder and overrides), one after the other. One result per document, in order.
 *
 * @example
 * const [request, answer, section] = await validateDocuments([
 *   { xml: requestXml, schema: SO_XSD },
 *   { xml: answerXml, schema: SO_XSD },
 *   { xml: sectionXml, schema: SSBT10_XSD },
 * ]);
 */
export async function validateDocuments(docs: readonly XsdDocument[]): Promise<XsdResult[]> {
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const key = JSON.stringify([d.schema, d.contractDir ?? DEFAULT_CONTRACT, d.overrides ?? {}]);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const results: XsdResult[] = new Array(docs.length);
  for (const indexes of groups.values()) {
    const first = docs[indexes[0]!]!;
    const r = await validateManyAgainst(
      indexes.map((i) => docs[i]!.xml),
      first.schema,
      first.contractDir,
      first.overrides,
    );
    indexes.forEach((i, j) => {
      results[i] = r[j]!;
    });
  }
  return results;
}

/** What {@link schemaBatch} gives a case's test: its produced value and one result per named document. */
export interface SchemaChecked<T, D extends string> {
  value: T;
  results: Record<D, XsdResult>;
}

/** The schema checks of many cases; see {@link schemaBatch}. */
export interface SchemaBatch<C, T, D extends string> {
  /** Produces and validates every case (once; later calls share the first). For `beforeAll`. */
  run(): Promise<void>;
  /** One case's value and results; rethrows what its `produce` threw. Runs the batch if needed. */
  of(c: C): Promise<SchemaChecked<T, D>>;
}

/**
 * Schema checks for many cases (personas, answers …) with one libxml2 run per schema instead of one
 * per document: `produce` runs for every case first, one case after the other, returning what the
 * case's test asserts and its documents by name; then all documents are validated together
 * ({@link validateDocuments}). Each case keeps its own test: it reads its value and results with
 * `of(case)`, so a failure names the case and the schema error. A case whose `produce` throws fails
 * only its own test. Computed once, on first use; start it in a `beforeAll` with a timeout that
 * fits the whole batch. Without ../shared/reference nothing can be validated: every result is then
 * invalid with {@link REFERENCE_MISSING}, so a test that runs without it skips its schema assertions
 * (never a silent pass).
 *
 * @example
 * const checks = schemaBatch(PERSONAS, async (p) => {
 *   const u = await anropa(testFraga(p.personidentitet));
 *   return { value: u, documents: { answer: { xml: u.bodyXml, schema: TNS_XSD } } };
 * });
 * beforeAll(checks.run, XSD_BATCH_TIMEOUT);
 * it.each(PERSONAS.map((p) => [p.id, p] as const))("%s: the answer validates", async (id, p) => {
 *   const { results } = await checks.of(p);
 *   expect(results.answer.errors, `${id} answer`).toEqual([]);
 * });
 */
export function schemaBatch<C, T, D extends string>(
  cases: readonly C[],
  produce: (c: C) => Promise<{ value: T; documents: Record<D, XsdDocument> }>,
): SchemaBatch<C, T, D> {
  type Outcome = { ok: true; checked: SchemaChecked<T, D> } | { ok: false; error: unknown };
  let all: Promise<Map<C, Outcome>> | undefined;
  const compute = async (): Promise<Map<C, Outcome>> => {
    const produced: ({ value: T; documents: Record<D, XsdDocument> } | { error: unknown })[] = [];
    for (const c of cases) {
      try {
        produced.push(await produce(c));
      } catch (error) {
        produced.push({ error });
      }
    }
    const docs: { at: number; name: D; doc: XsdDocument }[] = [];
    produced.forEach((p, at) => {
      if ("documents" in p)
        for (const [name, doc] of Object.entries(p.documents) as [D, XsdDocument][])
          docs.push({ at, name, doc });
    });
    const results = REFERENCE_DIR
      ? await validateDocuments(docs.map((d) => d.doc))
      : docs.map(() => ({ valid: false, errors: [REFERENCE_MISSING] }));
    const perCase = produced.map(() => ({}) as Record<D, XsdResult>);
    docs.forEach((d, i) => {
      perCase[d.at]![d.name] = results[i]!;
    });
    return new Map(
      cases.map((c, at): [C, Outcome] => {
        const p = produced[at]!;
        return [
          c,
          "error" in p
            ? { ok: false, error: p.error }
            : { ok: true, checked: { value: p.value, results: perCase[at]! } },
        ];
      }),
    );
  };
  const run = () => {
    all ??= compute();
    return all;
  };
  return {
    run: async () => {
      await run();
    },
    of: async (c) => {
      const outcome = (await run()).get(c);
      if (!outcome) throw new Error("schemaBatch: not one of its cases");
      if (!outcome.ok) throw outcome.error;
      return outcome.checked;
    },
  };
}

/** Timeout for a `beforeAll` that runs a {@link schemaBatch}: producing and validating ~50 cases on a busy 2-core CI machine. */
export const XSD_BATCH_TIMEOUT = 120_000;

/** Path of the ssbt/10 XSD inside the v10 contract folder. */
export const SSBT10_XSD = "se/forsakringskassan/schema/integration/ssbt/_10/sammansatt_bastjanst_v10.xsd";
/** Path of the ssbt/11 XSD inside the v11 contract folder. */
export const SSBT11_XSD = "se/forsakringskassan/schema/integration/ssbt/_11/sammansatt_bastjanst_v11.xsd";
