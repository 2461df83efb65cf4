import {
  type DelGrupp,
  forekomst,
  type KontraktBeskrivning,
  type KontraktDel,
  type Nod,
  type Riktning,
  vardeText,
} from "./schema.js";

/** For one side of the contract: the change keeps it working (additive) or does not (breaking). */
export type Klass = "additiv" | "brytande";

/** What changed at one place. */
export type AndringsTyp =
  | "namespace"
  | "del-tillagd"
  | "del-borttagen"
  | "tillagd"
  | "borttagen"
  | "min"
  | "max"
  | "typ"
  | "enumeration-tillagd"
  | "enumeration-borttagen"
  | "pattern"
  | "langd"
  | "intervall";

/** One change between two contracts, classified for consumers and for producers. */
export interface Andring {
  /** The contract it belongs to: `SSBT` (composite) or a bastjänst kod. */
  grupp: DelGrupp;
  /** Namespace of the part (the new one when both exist). */
  namespace: string;
  typ: AndringsTyp;
  /** Path from the root element, e.g. `hamtaBastjanstInformationResponse/svarsdata/SKV/foretagsinformation`. */
  path: string;
  riktning: Riktning;
  fran?: string;
  till?: string;
  /** For a consumer built against the old contract talking to a producer of the new one. */
  konsument: Klass;
  /** For a producer built against the old contract serving consumers of the new one. */
  producent: Klass;
  /** Breaks a strict consumer (one that validates every answer against its schema, e.g. zeep strict). */
  striktKlient: boolean;
  /** One line in English saying what changed and why it is classified so. */
  beskrivning: string;
}

/** Counts per contract part. */
export interface DelSammanfattning {
  grupp: DelGrupp;
  namespace: string;
  andringar: number;
  brytandeForKonsumenter: number;
  brytandeForProducenter: number;
}

/** The outcome of a comparison. */
export interface CompatResultat {
  fran: string;
  till: string;
  andringar: Andring[];
  /** True when some change breaks consumers (exit 1). */
  brytandeForKonsumenter: boolean;
  brytandeForProducenter: boolean;
  brytandeForStriktaKlienter: boolean;
  /** Per contract part: counts. */
  sammanfattning: DelSammanfattning[];
}

const INF = Number.POSITIVE_INFINITY;
const B: Klass = "brytande";
const A: Klass = "additiv";

interface Klassning {
  konsument: Klass;
  producent: Klass;
  striktKlient: boolean;
}

/**
 * Request side: consumers write, producers read. Answer side: producers write, consumers read.
 * `vidgar` = the new contract admits more values/occurrences than the old; `smalnar` = fewer.
 */
function riktat(riktning: Riktning, vidgar: boolean): Klassning {
  // Admitting more in a question breaks old readers (producers); fewer breaks old writers (consumers).
  if (riktning === "fraga")
    return vidgar
      ? { konsument: A, producent: B, striktKlient: false }
      : { konsument: B, producent: A, striktKlient: true };
  return vidgar
    ? { konsument: B, producent: A, striktKlient: true }
    : { konsument: A, producent: B, striktKlient: false };
}

const bada: Klassning = { konsument: B, producent: B, striktKlient: true };

/** Does a wildcard node admit an element of namespace `ns` in a part of namespace `delNs`? */
function tacker(w: Nod, ns: string, delNs: string): boolean {
  const spec = (w.wildcard ?? "##any").split(" ")[0] ?? "##any";
  if (spec === "##any") return true;
  if (spec === "##other") return ns !== delNs && ns !== "";
  return spec.split(/\s+/).includes(ns) || (spec === "##targetNamespace" && ns === delNs);
}

function forælder(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

class Jamforare {
  readonly andringar: Andring[] = [];

  constructor(
    private readonly fran: KontraktDel,
    private readonly till: KontraktDel,
    private readonly nsMap: (ns: string) => string,
  ) {}

  private push(
    typ: AndringsTyp,
    n: Nod,
    k: Klassning,
    beskrivning: string,
    fran?: string,
    till?: string,
  ): void {
    this.andringar.push({
      grupp: this.till.grupp,
      namespace: this.till.namespace,
      typ,
      path: n.path,
      riktning: n.riktning,
      ...(fran !== undefined ? { fran } : {}),
      ...(till !== undefined ? { till } : {}),
      ...k,
      beskrivning,
    });
  }

  kor(): void {
    const { noder: gamla } = this.fran;
    const { noder: nya } = this.till;
    for (const [path, n] of nya) {
      const g = gamla.get(path);
      if (!g) {
        if (nya.has(forælder(path)) && !gamla.has(forælder(path)) && forælder(path) !== "") continue;
        this.tillagd(n);
      } else this.jamfor(g, n);
    }
    for (const [path, g] of gamla) {
      if (nya.has(path)) continue;
      if (gamla.has(forælder(path)) && !nya.has(forælder(path)) && forælder(path) !== "") continue;
      this.borttagen(g);
    }
  }

  private antalUnder(noder: Map<string, Nod>, path: string): number {
    let n = 0;
    for (const k of noder.keys()) if (k.startsWith(`${path}/`)) n++;
    return n;
  }

  private tillagd(n: Nod): void {
    const under = this.antalUnder(this.till.noder, n.path);
    const vad = `${n.slag === "attribut" ? "attribute" : n.slag === "any" ? "wildcard" : "element"} ${n.path.split("/").pop()} (${forekomst(n)}${under ? `, ${under} node(s) inside` : ""})`;
    if (n.slag === "any") {
      const k =
        n.riktning === "fraga"
          ? { konsument: A, producent: B, striktKlient: false }
          : { konsument: A, producent: A, striktKlient: false };
      this.push(
        "tillagd",
        n,
        k,
        `New ${vad}: ${n.riktning === "fraga" ? "producers must accept anything there" : "consumers may receive anything there"}.`,
      );
      return;
    }
    if (n.riktning === "fraga") {
      const k: Klassning = n.min > 0 ? bada : { konsument: A, producent: B, striktKlient: false };
      this.push(
        "tillagd",
        n,
        k,
        n.min > 0
          ? `New required ${vad} in the question: existing consumers do not send it.`
          : `New optional ${vad} in the question: existing consumers need not send it; producers must understand it.`,
      );
      return;
    }
    const wild = [...this.fran.noder.values()].find(
      (w) => w.slag === "any" && w.path === `${forælder(n.path)}/*` && tacker(w, n.ns, this.fran.namespace),
    );
    const k: Klassning = {
      konsument: A,
      producent: n.min > 0 ? B : A,
      striktKlient: !wild,
    };
    this.push(
      "tillagd",
      n,
      k,
      `New ${n.min > 0 ? "required" : "optional"} ${vad} in the answer: lenient consumers ignore it; ${
        wild
          ? "strict consumers accept it too (the old schema's wildcard admits it)"
          : "strict consumers (schema-validating, e.g. zeep strict) reject it"
      }${n.min > 0 ? "; existing producers do not send it" : ""}.`,
    );
  }

  private borttagen(g: Nod): void {
    const vad = `${g.slag === "attribut" ? "attribute" : g.slag === "any" ? "wildcard" : "element"} ${g.path.split("/").pop()} (${forekomst(g)})`;
    if (g.riktning === "fraga") {
      const k: Klassning = { konsument: B, producent: g.min > 0 ? B : A, striktKlient: true };
      this.push(
        "borttagen",
        g,
        k,
        `Removed ${vad} from the question: existing consumers that send it are refused.`,
      );
      return;
    }
    this.push(
      "borttagen",
      g,
      bada,
      `Removed ${vad} from the answer: existing consumers that read it lose it; existing producers still send it.`,
    );
  }

  private jamfor(g: Nod, n: Nod): void {
    if (g.ns !== "" && n.ns !== "" && this.nsMap(g.ns) !== n.ns)
      this.push("namespace", n, bada, `Element namespace changed.`, g.ns, n.ns);
    if (g.min !== n.min) {
      const k = riktat(n.riktning, n.min < g.min);
      this.push(
        "min",
        n,
        k,
        n.min > g.min
          ? `Now required (minOccurs ${g.min} → ${n.min}).`
          : `Now optional (minOccurs ${g.min} → ${n.min}): ${n.riktning === "svar" ? "consumers can no longer rely on it" : "producers can no longer rely on it"}.`,
        forekomst(g),
        forekomst(n),
      );
    }
    if (g.max !== n.max) {
      const k = riktat(n.riktning, n.max > g.max);
      this.push("max", n, k, `maxOccurs ${fmtMax(g.max)} → ${fmtMax(n.max)}.`, forekomst(g), forekomst(n));
    }
    const gt = g.referens ?? g.varde?.bas ?? (g.varde ? "" : "complex");
    const nt = n.referens ?? n.varde?.bas ?? (n.varde ? "" : "complex");
    if (this.nsMap(gt) !== nt && gt.replace(/\{[^}]*\}/, "") !== nt.replace(/\{[^}]*\}/, "")) {
      this.push("typ", n, bada, `Type changed: ${gt} → ${nt}.`, gt, nt);
      return;
    }
    if (g.referens && n.referens && this.nsMap(g.referens) !== n.referens && g.referens !== n.referens)
      this.push("typ", n, bada, `Type changed: ${g.referens} → ${n.referens}.`, g.referens, n.referens);
    const gv = g.varde;
    const nv = n.varde;
    if (!gv || !nv) return;
    const ge = new Set(gv.enumeration ?? []);
    const ne = new Set(nv.enumeration ?? []);
    if (gv.enumeration || nv.enumeration) {
      const tillagda = [...ne].filter((v) => !ge.has(v));
      const borttagna = [...ge].filter((v) => !ne.has(v));
      // No enumeration at all admits every value.
      if (!nv.enumeration && gv.enumeration)
        this.push(
          "enumeration-tillagd",
          n,
          riktat(n.riktning, true),
          `Enumeration lifted: any value allowed.`,
          vardeText(gv),
          vardeText(nv),
        );
      else if (nv.enumeration && !gv.enumeration)
        this.push(
          "enumeration-borttagen",
          n,
          riktat(n.riktning, false),
          `Values restricted to ${[...ne].join(", ")}.`,
          vardeText(gv),
          vardeText(nv),
        );
      else {
        if (tillagda.length)
          this.push(
            "enumeration-tillagd",
            n,
            riktat(n.riktning, true),
            `New value(s) ${tillagda.join(", ")}.`,
            undefined,
            tillagda.join(", "),
          );
        if (borttagna.length)
          this.push(
            "enumeration-borttagen",
            n,
            riktat(n.riktning, false),
            `Value(s) ${borttagna.join(", ")} removed.`,
            borttagna.join(", "),
          );
      }
    }
    const gp = (gv.pattern ?? []).join(" & ");
    const np = (nv.pattern ?? []).join(" & ");
    if (gp !== np) {
      const k = !np ? riktat(n.riktning, true) : !gp ? riktat(n.riktning, false) : bada;
      this.push("pattern", n, k, `Pattern changed.`, gp || "(none)", np || "(none)");
    }
    for (const f of ["length", "minLength", "maxLength"] as const) {
      const a = gv[f];
      const b = nv[f];
      if (a === b) continue;
      const vidgar =
        f === "maxLength"
          ? b === undefined || (a !== undefined && b > a)
          : f === "minLength"
            ? b === undefined || (a !== undefined && b < a)
            : b === undefined;
      const k = f === "length" && a !== undefined && b !== undefined ? bada : riktat(n.riktning, vidgar);
      this.push(
        "langd",
        n,
        k,
        `${f} ${a ?? "none"} → ${b ?? "none"}.`,
        String(a ?? "none"),
        String(b ?? "none"),
      );
    }
    for (const f of ["minInclusive", "maxInclusive"] as const) {
      const a = gv[f];
      const b = nv[f];
      if (a === b) continue;
      const vidgar =
        b === undefined ||
        (a !== undefined && (f === "maxInclusive" ? Number(b) > Number(a) : Number(b) < Number(a)));
      this.push(
        "intervall",
        n,
        riktat(n.riktning, vidgar),
        `${f} ${a ?? "none"} → ${b ?? "none"}.`,
        a ?? "none",
        b ?? "none",
      );
    }
    if ((gv.format ?? "") !== (nv.format ?? ""))
      this.push(
        "typ",
        n,
        bada,
        `Format ${gv.format ?? "none"} → ${nv.format ?? "none"}.`,
        gv.format,
        nv.format,
      );
  }
}

const fmtMax = (m: number) => (m === INF ? "unbounded" : String(m));

/** Pairs the parts of two contracts: same namespace first, then one-to-one within a group. */
function para(
  a: KontraktDel[],
  b: KontraktDel[],
): { par: [KontraktDel, KontraktDel][]; bara: KontraktDel[]; baraNy: KontraktDel[] } {
  const par: [KontraktDel, KontraktDel][] = [];
  const restA = [...a];
  const restB: KontraktDel[] = [];
  for (const d of b) {
    const i = restA.findIndex((x) => x.namespace === d.namespace);
    if (i >= 0) par.push([restA.splice(i, 1)[0]!, d]);
    else restB.push(d);
  }
  const baraNy: KontraktDel[] = [];
  for (const d of restB) {
    const kand = restA.filter((x) => x.grupp === d.grupp && d.grupp !== "ANNAN");
    const kandNy = restB.filter((x) => x.grupp === d.grupp);
    if (kand.length === 1 && kandNy.length === 1) {
      par.push([kand[0]!, d]);
      restA.splice(restA.indexOf(kand[0]!), 1);
    } else baraNy.push(d);
  }
  return { par, bara: restA, baraNy };
}

/**
 * Compares two contract descriptions part by part (the composite and each bastjänst's own
 * contract), classifying every change for consumers and for producers and for strict clients.
 *
 * @example
 * const r = jamforKontrakt(kontraktFranModell("v10"), kontraktFranModell("v11"));
 * r.brytandeForKonsumenter // true (namespace, SKV blocks)
 */
export function jamforKontrakt(fran: KontraktBeskrivning, till: KontraktBeskrivning): CompatResultat {
  const { par, bara, baraNy } = para(fran.delar, till.delar);
  const andringar: Andring[] = [];
  const nsPar = new Map<string, string>();
  for (const [a, b] of par) if (a.namespace !== b.namespace) nsPar.set(a.namespace, b.namespace);
  const nsMap = (s: string) => {
    let out = s;
    for (const [x, y] of nsPar) out = out.split(x).join(y);
    return out;
  };
  for (const [a, b] of par) {
    if (a.namespace !== b.namespace) {
      const accepterad = till.accepterar.includes(a.namespace);
      andringar.push({
        grupp: b.grupp,
        namespace: b.namespace,
        typ: "namespace",
        path: "",
        riktning: "svar",
        fran: a.namespace,
        till: b.namespace,
        konsument: accepterad ? A : B,
        producent: B,
        striktKlient: !accepterad,
        beskrivning: accepterad
          ? `Namespace ${a.namespace} → ${b.namespace}; the new service still accepts and answers ${a.namespace}, so existing consumers keep theirs.`
          : `Namespace ${a.namespace} → ${b.namespace}: every message of existing consumers is refused.`,
      });
    }
    const j = new Jamforare(a, b, nsMap);
    j.kor();
    andringar.push(...j.andringar);
  }
  const wildcardsFran = fran.delar.flatMap((d) =>
    [...d.noder.values()].filter((n) => n.slag === "any").map((n) => ({ n, d })),
  );
  for (const d of baraNy) {
    for (const [rot, riktning] of Object.entries(d.rotter)) {
      const kandidater = wildcardsFran
        .filter(
          ({ n, d: od }) =>
            od.grupp === d.grupp && n.riktning === riktning && tacker(n, d.namespace, od.namespace),
        )
        .sort((x, y) => x.n.path.length - y.n.path.length);
      const plats = till.placering?.[rot];
      const wild = plats ? kandidater.find(({ n }) => n.path === plats) : kandidater[0];
      const under = [...d.noder.keys()].filter((k) => k.startsWith(`${rot}/`)).length;
      const k: Klassning =
        riktning === "fraga"
          ? { konsument: A, producent: B, striktKlient: false }
          : { konsument: A, producent: A, striktKlient: !wild };
      andringar.push({
        grupp: d.grupp,
        namespace: d.namespace,
        typ: "del-tillagd",
        path: rot,
        riktning,
        till: d.namespace,
        ...k,
        beskrivning: `New ${riktning === "fraga" ? "question" : "answer"} element ${rot} (${under} node(s)) in the new namespace ${d.namespace}${
          wild
            ? `, carried in the existing wildcard ${wild.n.path} (${wild.n.wildcard}): strict consumers validating against the old schema accept it`
            : ""
        }${riktning === "fraga" ? "; producers must understand it" : ""}.`,
      });
      // The additions themselves, one row per child of the new root.
      for (const n of d.noder.values()) {
        if (forælder(n.path) !== rot) continue;
        const inne = [...d.noder.keys()].filter((x) => x.startsWith(`${n.path}/`));
        const barn = inne.filter((x) => forælder(x) === n.path).map((x) => x.split("/").pop());
        andringar.push({
          grupp: d.grupp,
          namespace: d.namespace,
          typ: "tillagd",
          path: n.path,
          riktning,
          till: [forekomst(n), vardeText(n.varde)].filter(Boolean).join(" "),
          ...k,
          beskrivning: `New ${n.min > 0 ? "required" : "optional"} element ${n.path.split("/").pop()} (${forekomst(n)})${
            barn.length ? `: ${barn.join(", ")}` : n.varde ? `: ${vardeText(n.varde)}` : ""
          }.`,
        });
      }
    }
  }
  for (const d of bara)
    andringar.push({
      grupp: d.grupp,
      namespace: d.namespace,
      typ: "del-borttagen",
      path: "",
      riktning: "svar",
      fran: d.namespace,
      ...bada,
      beskrivning: `Namespace ${d.namespace} (${d.noder.size} node(s)) is no longer part of the contract.`,
    });
  const grupper = new Map<string, DelSammanfattning>();
  const tom = (d: KontraktDel): DelSammanfattning => ({
    grupp: d.grupp,
    namespace: d.namespace,
    andringar: 0,
    brytandeForKonsumenter: 0,
    brytandeForProducenter: 0,
  });
  for (const d of till.delar) grupper.set(d.namespace, tom(d));
  for (const d of bara) grupper.set(d.namespace, tom(d));
  for (const a of andringar) {
    const g = grupper.get(a.namespace);
    if (!g) continue;
    g.andringar++;
    if (a.konsument === B) g.brytandeForKonsumenter++;
    if (a.producent === B) g.brytandeForProducenter++;
  }
  return {
    fran: fran.namn,
    till: till.namn,
    andringar,
    brytandeForKonsumenter: andringar.some((a) => a.konsument === B),
    brytandeForProducenter: andringar.some((a) => a.producent === B),
    brytandeForStriktaKlienter: andringar.some((a) => a.striktKlient),
    sammanfattning: [...grupper.values()].sort(
      (x, y) => x.grupp.localeCompare(y.grupp) || x.namespace.localeCompare(y.namespace),
    ),
  };
}
