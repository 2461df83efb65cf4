import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { HarnessError } from "../errors.js";
import { lasOpenApi } from "./openapi.js";
import type { KontraktBeskrivning } from "./schema.js";
import { lasXsd, type SchemaText } from "./xsd.js";

/** Largest schema file read (the official ones are < 30 kB; the LEFI spec < 300 kB). */
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 500;

function lasText(path: string): string {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new HarnessError("COMPAT_BAD_INPUT", `${path} does not exist. Pass an existing file or folder.`);
  }
  if (st.size > MAX_BYTES)
    throw new HarnessError(
      "COMPAT_BAD_INPUT",
      `${path} is larger than ${MAX_BYTES} bytes: not a contract file.`,
    );
  return readFileSync(path, "utf8");
}

function allaFiler(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) allaFiler(p, ext, out);
    else if (ext.test(e.name)) out.push(p);
    if (out.length > MAX_FILES)
      throw new HarnessError(
        "COMPAT_BAD_INPUT",
        `${dir} holds more than ${MAX_FILES} schema files: pass the contract folder itself.`,
      );
  }
  return out;
}

/**
 * The schema documents of a contract given as a file (a WSDL or XSD, with everything it imports
 * or includes, followed relative to it) or a folder (every .xsd and .wsdl below it).
 *
 * @example
 * samlaSchemaFiler("../shared/reference/ssbtek-v11/contract").length // 18
 */
export function samlaSchemaFiler(path: string): SchemaText[] {
  if (!existsSync(path))
    throw new HarnessError(
      "COMPAT_BAD_INPUT",
      `${path} does not exist. Pass an XSD/WSDL file or a contract folder.`,
    );
  const root = resolve(path);
  if (statSync(root).isDirectory()) {
    const filer = allaFiler(root, /\.(xsd|wsdl)$/i);
    if (filer.length === 0)
      throw new HarnessError(
        "COMPAT_BAD_INPUT",
        `${path} holds no .xsd or .wsdl file. Pass a contract folder.`,
      );
    return filer.map((f) => ({ namn: relative(root, f), text: lasText(f) }));
  }
  const seen = new Map<string, SchemaText>();
  const queue = [root];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    const text = lasText(f);
    seen.set(f, { namn: relative(dirname(root), f), text });
    for (const [, loc] of text.matchAll(
      /<(?:\w+:)?(?:import|include)\b[^>]*\bschemaLocation\s*=\s*["']([^"']+)["']/g,
    ))
      if (loc && !/^[a-z]+:/i.test(loc)) queue.push(resolve(dirname(f), loc));
    if (seen.size > MAX_FILES)
      throw new HarnessError("COMPAT_BAD_INPUT", `${path} imports more than ${MAX_FILES} files.`);
  }
  return [...seen.values()];
}

/**
 * A contract read from files: XSD/WSDL (a file or a folder) and optionally an OpenAPI document
 * (LEFI). In a folder, `.yaml`/`.json` files whose text starts an OpenAPI document are read too.
 *
 * @example
 * kontraktFranFiler({ xsd: "../shared/reference/ssbtek-v10/contract" }).delar.length
 */
export function kontraktFranFiler(o: { xsd?: string; openapi?: string; namn?: string }): KontraktBeskrivning {
  if (!o.xsd && !o.openapi)
    throw new HarnessError(
      "COMPAT_BAD_INPUT",
      "Nothing to read: pass an XSD/WSDL file or folder, or an OpenAPI file.",
    );
  const delar = o.xsd ? lasXsd(samlaSchemaFiler(o.xsd), o.xsd) : [];
  const openapi: string[] = [];
  if (o.openapi) openapi.push(o.openapi);
  else if (o.xsd && statSync(o.xsd).isDirectory())
    for (const f of allaFiler(resolve(o.xsd), /\.(ya?ml|json)$/i))
      if (/^\s*["']?openapi["']?\s*:/m.test(lasText(f).slice(0, 2000))) openapi.push(f);
  for (const f of openapi) {
    if (extname(f) === "" && !existsSync(f))
      throw new HarnessError("COMPAT_BAD_INPUT", `${f} does not exist. Pass an OpenAPI file.`);
    delar.push(lasOpenApi(lasText(f), f));
  }
  return { namn: o.namn ?? [o.xsd, o.openapi].filter(Boolean).join(" + "), delar, accepterar: [] };
}
