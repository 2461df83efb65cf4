import { HarnessError } from "../errors.js";
import { NS } from "../namespaces.js";
import { childElements, type XmlElement } from "../xml/node.js";
import { parseXml } from "../xml/parse.js";
import {
  type DelGrupp,
  gruppFor,
  type KontraktDel,
  type Nod,
  qn,
  type Riktning,
  riktningFor,
  type Varde,
} from "./schema.js";

const X = NS.xsd;

/** One schema document as text, with a name for messages (a file path, or "model"). */
export interface SchemaText {
  namn: string;
  text: string;
}

interface Ctx {
  tns: string;
  prefixes: Map<string, string>;
  qualified: boolean;
  dokument: string;
}

interface Dekl {
  e: XmlElement;
  ctx: Ctx;
}

interface Register {
  element: Map<string, Dekl>;
  typer: Map<string, Dekl>;
  grupper: Map<string, Dekl>;
  attributGrupper: Map<string, Dekl>;
  attribut: Map<string, Dekl>;
  namespaces: Set<string>;
}

const attr = (e: XmlElement, name: string): string | undefined =>
  e.attrs.find((a) => a.ns === "" && a.local === name)?.value;

const xs = (e: XmlElement, local?: string): XmlElement[] =>
  childElements(e).filter((c) => c.ns === X && (local === undefined || c.local === local));

/** Namespace declarations of a document: XSD QName values (`type="ssbt:Error"`) need them. */
function prefixer(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [, p, uri] of text.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g))
    if (!m.has(p ?? "")) m.set(p ?? "", uri ?? "");
  return m;
}

function resolveQName(v: string, ctx: Ctx): string {
  const i = v.indexOf(":");
  const prefix = i < 0 ? "" : v.slice(0, i);
  const local = i < 0 ? v : v.slice(i + 1);
  const ns = ctx.prefixes.get(prefix);
  if (ns === undefined) {
    if (prefix === "") return qn(ctx.tns, local);
    throw new HarnessError(
      "COMPAT_BAD_SCHEMA",
      `${ctx.dokument}: the prefix "${prefix}" of "${v}" is not declared. Check the schema file.`,
    );
  }
  return qn(ns, local);
}

function schemaElements(root: XmlElement): XmlElement[] {
  if (root.ns === X && root.local === "schema") return [root];
  if (root.ns === NS.wsdl && root.local === "definitions")
    return childElements(root)
      .filter((c) => c.ns === NS.wsdl && c.local === "types")
      .flatMap((t) => xs(t, "schema"));
  throw new HarnessError(
    "COMPAT_BAD_SCHEMA",
    `Not an XML Schema or WSDL document: the root element is {${root.ns}}${root.local}. Pass .xsd or .wsdl files.`,
  );
}

function registrera(docs: readonly SchemaText[]): Register {
  const r: Register = {
    element: new Map(),
    typer: new Map(),
    grupper: new Map(),
    attributGrupper: new Map(),
    attribut: new Map(),
    namespaces: new Set(),
  };
  for (const d of docs) {
    let root: XmlElement;
    try {
      root = parseXml(d.text, { maxDepth: 200 });
    } catch (e) {
      throw new HarnessError(
        "COMPAT_BAD_SCHEMA",
        `${d.namn} is not well-formed XML: ${(e as Error).message}. Pass XSD or WSDL files.`,
      );
    }
    const prefixes = prefixer(d.text);
    for (const s of schemaElements(root)) {
      const tns = attr(s, "targetNamespace") ?? "";
      const ctx: Ctx = {
        tns,
        prefixes,
        qualified: attr(s, "elementFormDefault") === "qualified",
        dokument: d.namn,
      };
      r.namespaces.add(tns);
      for (const c of xs(s)) {
        const name = attr(c, "name");
        if (!name) continue;
        const key = qn(tns, name);
        const map =
          c.local === "element"
            ? r.element
            : c.local === "complexType" || c.local === "simpleType"
              ? r.typer
              : c.local === "group"
                ? r.grupper
                : c.local === "attributeGroup"
                  ? r.attributGrupper
                  : c.local === "attribute"
                    ? r.attribut
                    : undefined;
        map?.set(key, { e: c, ctx });
      }
    }
  }
  return r;
}

const OCCURS_CAP = 1_000_000;

function occurs(e: XmlElement): { min: number; max: number } {
  const min = Number(attr(e, "minOccurs") ?? "1");
  const maxS = attr(e, "maxOccurs") ?? "1";
  const max = maxS === "unbounded" ? Number.POSITIVE_INFINITY : Number(maxS);
  return {
    min: Number.isFinite(min) ? min : 1,
    max: Number.isNaN(max) ? 1 : max === Number.POSITIVE_INFINITY ? max : Math.min(max, OCCURS_CAP),
  };
}

const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b);

class Plattare {
  readonly noder = new Map<string, Nod>();

  constructor(
    private readonly r: Register,
    private readonly delNs: string,
  ) {}

  private add(n: Nod): void {
    let path = n.path;
    for (let i = 2; this.noder.has(path); i++) path = `${n.path}[${i}]`;
    this.noder.set(path, { ...n, path });
  }

  /** The value type of a simple type (named or inline), following restriction bases. */
  varde(typ: XmlElement | string, ctx: Ctx, seen = new Set<string>()): Varde {
    if (typeof typ === "string") {
      const [ns, local] = splitQn(typ);
      if (ns === X) return { bas: `xsd:${local}` };
      const d = this.r.typer.get(typ);
      if (d?.e.local !== "simpleType" || seen.has(typ)) return { bas: typ, namn: typ };
      seen.add(typ);
      return { ...this.varde(d.e, d.ctx, seen), namn: typ };
    }
    const restr = xs(typ, "restriction")[0];
    if (!restr) {
      if (xs(typ, "list")[0]) return { bas: "xsd:list" };
      if (xs(typ, "union")[0]) return { bas: "xsd:union" };
      return { bas: "xsd:anySimpleType" };
    }
    const base = attr(restr, "base");
    const inline = xs(restr, "simpleType")[0];
    const v: Varde = base
      ? { ...this.varde(resolveQName(base, ctx), ctx, seen) }
      : inline
        ? this.varde(inline, ctx, seen)
        : { bas: "xsd:anySimpleType" };
    delete v.namn;
    const enums: string[] = [];
    const pats: string[] = [];
    for (const f of xs(restr)) {
      const value = attr(f, "value") ?? "";
      if (f.local === "enumeration") enums.push(value);
      else if (f.local === "pattern") pats.push(value);
      else if (f.local === "length") v.length = Number(value);
      else if (f.local === "minLength") v.minLength = Number(value);
      else if (f.local === "maxLength") v.maxLength = Number(value);
      else if (f.local === "minInclusive") v.minInclusive = value;
      else if (f.local === "maxInclusive") v.maxInclusive = value;
    }
    if (enums.length) v.enumeration = enums;
    // Patterns of a derived type AND with its base's: keep both, in order.
    if (pats.length) v.pattern = [...(v.pattern ?? []), ...pats];
    return v;
  }

  /** Walks one global element of this part's namespace. */
  rot(key: string, riktning: Riktning): void {
    const d = this.r.element.get(key);
    if (!d) return;
    this.element(d.e, d.ctx, "", riktning, 1, 1, [], true);
  }

  /** A named complex type used as a root (namespaces without global elements). */
  rotTyp(key: string, riktning: Riktning): void {
    const d = this.r.typer.get(key);
    if (!d) return;
    const [, local] = splitQn(key);
    this.add({ path: local, slag: "element", riktning, ns: this.delNs, min: 1, max: 1 });
    this.komplex(d.e, d.ctx, local, riktning, 1, [key]);
  }

  private element(
    e: XmlElement,
    ctx: Ctx,
    parent: string,
    riktning: Riktning,
    min: number,
    max: number,
    stack: string[],
    global = false,
  ): void {
    const ref = attr(e, "ref");
    let decl = e;
    let dctx = ctx;
    let ns: string;
    let name: string;
    if (ref) {
      const key = resolveQName(ref, ctx);
      const g = this.r.element.get(key);
      [ns, name] = splitQn(key);
      if (!g) {
        this.add({ path: join(parent, name), slag: "element", riktning, ns, min, max, referens: key });
        return;
      }
      decl = g.e;
      dctx = g.ctx;
    } else {
      name = attr(e, "name") ?? "?";
      const form = attr(e, "form");
      ns = global || form === "qualified" || (form === undefined && ctx.qualified) ? ctx.tns : "";
    }
    const path = join(parent, name);
    const typeAttr = attr(decl, "type");
    const inlineComplex = xs(decl, "complexType")[0];
    const inlineSimple = xs(decl, "simpleType")[0];
    if (inlineSimple) {
      this.add({ path, slag: "element", riktning, ns, min, max, varde: this.varde(inlineSimple, dctx) });
      return;
    }
    if (inlineComplex) {
      this.add({ path, slag: "element", riktning, ns, min, max });
      this.komplex(inlineComplex, dctx, path, riktning, max, stack);
      return;
    }
    if (!typeAttr) {
      this.add({ path, slag: "element", riktning, ns, min, max, varde: { bas: "xsd:anyType" } });
      return;
    }
    const typ = resolveQName(typeAttr, dctx);
    const [tns] = splitQn(typ);
    const td = this.r.typer.get(typ);
    if (tns === X || td?.e.local === "simpleType" || (!td && tns === this.delNs)) {
      this.add({ path, slag: "element", riktning, ns, min, max, varde: this.varde(typ, dctx) });
      return;
    }
    if (tns !== this.delNs || !td) {
      // Another namespace's type: that part describes it.
      this.add({ path, slag: "element", riktning, ns, min, max, referens: typ });
      return;
    }
    if (stack.includes(typ)) {
      this.add({ path, slag: "element", riktning, ns, min, max, referens: `${typ} (recursive)` });
      return;
    }
    this.add({ path, slag: "element", riktning, ns, min, max });
    this.komplex(td.e, td.ctx, path, riktning, max, [...stack, typ]);
  }

  private komplex(
    t: XmlElement,
    ctx: Ctx,
    path: string,
    riktning: Riktning,
    _max: number,
    stack: string[],
  ): void {
    for (const c of xs(t)) {
      if (c.local === "sequence" || c.local === "choice" || c.local === "all" || c.local === "group")
        this.partikel(c, ctx, path, riktning, 1, 1, stack);
      else if (c.local === "attribute" || c.local === "attributeGroup") this.attribut(c, ctx, path, riktning);
      else if (c.local === "anyAttribute")
        this.add({
          path: `${path}/@*`,
          slag: "any",
          riktning,
          ns: "",
          min: 0,
          max: 1,
          wildcard: attr(c, "namespace") ?? "##any",
        });
      else if (c.local === "complexContent" || c.local === "simpleContent") {
        const d = xs(c).find((x) => x.local === "extension" || x.local === "restriction");
        if (!d) continue;
        const base = attr(d, "base");
        if (base) {
          const key = resolveQName(base, ctx);
          const bd = this.r.typer.get(key);
          if (c.local === "simpleContent") {
            const n = this.noder.get(path);
            if (n) this.noder.set(path, { ...n, varde: this.varde(key, ctx) });
          } else if (bd && bd.e.local === "complexType" && d.local === "extension" && !stack.includes(key))
            this.komplex(bd.e, bd.ctx, path, riktning, 1, [...stack, key]);
          else if (splitQn(key)[0] !== X && !bd)
            this.add({
              path: `${path}/^base`,
              slag: "element",
              riktning,
              ns: "",
              min: 1,
              max: 1,
              referens: key,
            });
        }
        this.komplex(d, ctx, path, riktning, 1, stack);
      }
    }
  }

  private partikel(
    g: XmlElement,
    ctx: Ctx,
    path: string,
    riktning: Riktning,
    pmin: number,
    pmax: number,
    stack: string[],
  ): void {
    const o = occurs(g);
    const min = mul(pmin, o.min);
    const max = mul(pmax, o.max);
    if (g.local === "group") {
      const ref = attr(g, "ref");
      const d = ref ? this.r.grupper.get(resolveQName(ref, ctx)) : undefined;
      if (d) for (const c of xs(d.e)) this.partikel(c, d.ctx, path, riktning, min, max, stack);
      return;
    }
    const iVal = g.local === "choice";
    for (const c of xs(g)) {
      const co = occurs(c);
      const cmin = iVal ? 0 : mul(min, co.min);
      const cmax = mul(max, co.max);
      if (c.local === "element") this.element(c, ctx, path, riktning, cmin, cmax, stack);
      else if (c.local === "any")
        this.add({
          path: `${path}/*`,
          slag: "any",
          riktning,
          ns: "",
          min: cmin,
          max: cmax,
          wildcard: `${attr(c, "namespace") ?? "##any"} ${attr(c, "processContents") ?? "strict"}`,
        });
      else if (c.local === "sequence" || c.local === "choice" || c.local === "all" || c.local === "group")
        this.partikel(c, ctx, path, riktning, iVal ? 0 : min, max, stack);
    }
  }

  private attribut(a: XmlElement, ctx: Ctx, path: string, riktning: Riktning): void {
    if (a.local === "attributeGroup") {
      const ref = attr(a, "ref");
      const d = ref ? this.r.attributGrupper.get(resolveQName(ref, ctx)) : undefined;
      if (d) for (const c of xs(d.e)) this.attribut(c, d.ctx, path, riktning);
      return;
    }
    const ref = attr(a, "ref");
    const name = ref ? splitQn(resolveQName(ref, ctx))[1] : (attr(a, "name") ?? "?");
    const typeAttr = attr(a, "type");
    const inline = xs(a, "simpleType")[0];
    const varde = inline
      ? this.varde(inline, ctx)
      : typeAttr
        ? this.varde(resolveQName(typeAttr, ctx), ctx)
        : { bas: "xsd:anySimpleType" };
    const required = attr(a, "use") === "required";
    this.add({
      path: `${path}/@${name}`,
      slag: "attribut",
      riktning,
      ns: "",
      min: required ? 1 : 0,
      max: 1,
      varde,
    });
  }
}

function splitQn(key: string): [string, string] {
  const i = key.indexOf("}");
  return [key.slice(1, i), key.slice(i + 1)];
}

const join = (parent: string, name: string) => (parent ? `${parent}/${name}` : name);

/**
 * Reads XML Schema / WSDL documents into one flattened part per target namespace. Imports and
 * includes must be among `docs` (see `lasSchemaFiler`); a type from a namespace that is not given
 * is kept as a reference.
 *
 * @example
 * const delar = lasXsd([{ namn: "af.xsd", text }], "model"); // [{ grupp: "AF", noder: … }]
 */
export function lasXsd(
  docs: readonly SchemaText[],
  kalla: string,
  grupp?: (ns: string) => DelGrupp,
): KontraktDel[] {
  const r = registrera(docs);
  const delar: KontraktDel[] = [];
  for (const ns of [...r.namespaces].sort()) {
    const p = new Plattare(r, ns);
    const rotter: Record<string, Riktning> = {};
    const globala = [...r.element.keys()].filter((k) => splitQn(k)[0] === ns);
    if (globala.length > 0)
      for (const k of globala) {
        const local = splitQn(k)[1];
        rotter[local] = riktningFor(local);
        p.rot(k, rotter[local]);
      }
    else
      for (const [k, d] of r.typer) {
        if (splitQn(k)[0] !== ns || d.e.local !== "complexType") continue;
        const local = splitQn(k)[1];
        rotter[local] = riktningFor(local);
        p.rotTyp(k, rotter[local]);
      }
    delar.push({ grupp: (grupp ?? gruppFor)(ns), namespace: ns, kalla, rotter, noder: p.noder });
  }
  return delar;
}
