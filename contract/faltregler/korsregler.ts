import { HarnessError } from "../errors.js";
import { laggTillManader, svenskDag } from "../kalender.js";
import { BASTJANSTER, type BastjanstKod, periodFor, type SsbtFraga, type Tidsperiod } from "../ssbt/model.js";
import { textOf } from "../xml/node.js";
import type { EvaluationContext, Korsregel } from "./model.js";
import type { Nod } from "./navigering.js";
import { kalenderdag } from "./typer.js";

/** One run of a cross-field rule: the rule, the instance it runs on, the nodes of each path. */
export interface KorsregelInstans {
  regel: Korsregel;
  /** The node of the paths' longest common prefix this run is about. */
  instans: Nod;
  /** Per path (same order as `regel.paths`), the nodes found below the instance. */
  noder: Nod[][];
  context: EvaluationContext;
}

/** One broken cross-field rule: where, the value (unmasked; the engine masks), and why. */
export interface Brott {
  path: string;
  value?: string;
  message: string;
}

/** A cross-field rule implementation, looked up by the table's `regel` name. */
export type KorsregelImpl = (i: KorsregelInstans) => Brott[];

/**
 * The text of a leaf node (trimmed), or undefined for a complex node.
 *
 * @example
 * nodText({ kind: "attribut", value: " 200 ", path: "/a/@k" }) // "200"
 */
export function nodText(n: Nod | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === "attribut") return n.value.trim();
  if (n.kind === "element") return textOf(n.el).trim();
  if (n.kind === "json") {
    const v = n.value;
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
  }
  return undefined;
}

function fragan(i: KorsregelInstans): SsbtFraga {
  const f = i.context.fraga;
  if (!f)
    throw new HarnessError(
      "FALTREGEL_KONTEXT",
      `Cross-field rule ${i.regel.id} (${i.regel.regel}) needs the question: pass context.fraga to evaluate().`,
      { rule: i.regel.id },
    );
  return f;
}

function param<T>(i: KorsregelInstans, name: string, check: (v: unknown) => v is T): T {
  const v = i.regel.params?.[name];
  if (!check(v))
    throw new HarnessError(
      "FALTREGEL_PARAM",
      `Cross-field rule ${i.regel.id} (${i.regel.regel}) needs params.${name}: fix fixtures/faltregler.`,
      { rule: i.regel.id },
    );
  return v;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");
const isKod = (v: unknown): v is BastjanstKod =>
  typeof v === "string" && (BASTJANSTER as readonly string[]).includes(v);

/**
 * The period a bastjänst is asked about: its own `tidsperiod` or the general one; for FK the
 * period of the LEFI question inside `lefiJsonFraga` when it can be read.
 *
 * @example
 * fragadPeriod(fraga, "CSN") // { fromDatum: "2026-09-21", tomDatum: "2026-11-20" }
 */
export function fragadPeriod(fraga: SsbtFraga, kod: BastjanstKod): Tidsperiod {
  if (kod === "FK" && fraga.specifikaFrageparametrar.FK.fraga) {
    try {
      const q = JSON.parse(
        Buffer.from(fraga.specifikaFrageparametrar.FK.fraga.lefiJsonFraga, "base64").toString("utf8"),
      ) as {
        period?: { from?: unknown; tom?: unknown };
      };
      if (typeof q.period?.from === "string" && typeof q.period.tom === "string")
        return { fromDatum: q.period.from, tomDatum: q.period.tom };
    } catch {
      // An unreadable LEFI question is FK's own error; fall back to the general period.
    }
  }
  return periodFor(fraga, kod);
}

/** The first (from, tom) pair of paths that is present: `paths` = [from, tom, fallback from, fallback tom, …]. */
function periodPar(i: KorsregelInstans): { from?: Nod; tom?: Nod } {
  for (let p = 0; p + 1 < i.noder.length; p += 2) {
    const from = i.noder[p]![0];
    const tom = i.noder[p + 1]![0];
    if (from || tom) return { from, tom };
  }
  return {};
}

function dag(n: Nod | undefined): string | undefined {
  const t = nodText(n);
  return t === undefined ? undefined : kalenderdag(t);
}

/**
 * `fromDatum ≤ tomDatum` for each (from, tom) pair of paths, reported at the pair's common parent
 * (the `tidsperiod`); an invalid date is the field's own rule.
 */
const fromDatumLeTomDatum: KorsregelImpl = (i) => {
  const out: Brott[] = [];
  for (let p = 0; p + 1 < i.noder.length; p += 2) {
    const fromNod = i.noder[p]![0];
    const tomNod = i.noder[p + 1]![0];
    const from = dag(fromNod);
    const tom = dag(tomNod);
    if (from && tom && from > tom)
      out.push({
        path: i.instans.path,
        value: `${from}..${tom}`,
        message: `from-date ${from} is after to-date ${tom}`,
      });
  }
  return out;
};

/** The period (first present pair) is at most `params.ar` years (tom before from + ar years). */
const maxPeriodlangd: KorsregelImpl = (i) => {
  const ar = param(i, "ar", isNumber);
  const { from, tom } = periodPar(i);
  const f = dag(from);
  const t = dag(tom);
  if (!f || !t || f > t) return [];
  const grans = laggTillManader(f, ar * 12);
  return t >= grans
    ? [{ path: from!.path, value: `${f}..${t}`, message: `the period ${f}..${t} is longer than ${ar} years` }]
    : [];
};

/** The period (first present pair) lies in the window [today − bakatManader, today + framatManader]. */
const datumfonster: KorsregelImpl = (i) => {
  const bakat = param(i, "bakatManader", isNumber);
  const framat = param(i, "framatManader", isNumber);
  const { from, tom } = periodPar(i);
  const idag = svenskDag(i.context.now);
  const tidigast = laggTillManader(idag, -bakat);
  const senast = laggTillManader(idag, framat);
  const out: Brott[] = [];
  const f = dag(from);
  const t = dag(tom);
  if (f && f < tidigast)
    out.push({
      path: from!.path,
      value: f,
      message: `from-date ${f} is more than ${bakat} months before today (${idag})`,
    });
  if (t && t > senast)
    out.push({
      path: tom!.path,
      value: t,
      message: `to-date ${t} is more than ${framat} months after today (${idag})`,
    });
  return out;
};

/**
 * When the value at `paths[0]` is one of `params.varden`, the field at `paths[1]` must be present
 * (`params.nar: "finns"`) or absent (`"saknas"`); otherwise as `params.annars`, when given.
 */
const kravsVidVarde: KorsregelImpl = (i) => {
  const varden = param(i, "varden", isStringArray);
  const nar = param(i, "nar", isString);
  const annars = i.regel.params?.annars;
  const villkor = nodText(i.noder[0]![0]);
  const falt = i.noder[1]!;
  const kravet = villkor !== undefined && varden.includes(villkor) ? nar : annars;
  if (kravet === "finns" && falt.length === 0)
    return [
      {
        path: i.instans.path,
        value: villkor,
        message: `${i.regel.paths[1]} is required when ${i.regel.paths[0]} is ${villkor ?? "absent"}`,
      },
    ];
  if (kravet === "saknas" && falt.length > 0)
    return [
      {
        path: falt[0]!.path,
        value: nodText(falt[0]),
        message: `${i.regel.paths[1]} must be absent when ${i.regel.paths[0]} is ${villkor ?? "absent"}`,
      },
    ];
  return [];
};

/** Exactly one of the paths is present (an `xsd:choice`). */
const exaktEnAv: KorsregelImpl = (i) => {
  const finns = i.noder.filter((n) => n.length > 0).length;
  return finns === 1
    ? []
    : [
        {
          path: i.instans.path,
          message: `exactly one of ${i.regel.paths.map((p) => p.split("/").pop()).join(", ")} must be present, found ${finns}`,
        },
      ];
};

/** At least one of the paths is present (an empty JSON array counts as absent). */
const minstEnAv: KorsregelImpl = (i) =>
  i.noder.some((n) => n.length > 0)
    ? []
    : [
        {
          path: i.instans.path,
          message: `at least one of ${i.regel.paths.map((p) => p.split("/").pop()).join(", ")} must be present`,
        },
      ];

/** Every date at the paths lies inside the period asked of `params.bastjanst` (needs the question). */
const inomFragadPeriod: KorsregelImpl = (i) => {
  const kod = param(i, "bastjanst", isKod);
  const period = fragadPeriod(fragan(i), kod);
  const from = period.fromDatum.slice(0, 10);
  const tom = period.tomDatum.slice(0, 10);
  const out: Brott[] = [];
  for (const noder of i.noder)
    for (const n of noder) {
      const d = dag(n);
      if (d && (d < from || d > tom))
        out.push({ path: n.path, value: d, message: `${d} is outside the asked period ${from}..${tom}` });
    }
  return out;
};

/** The integer at `paths[0]` equals the sum of the integers at the other paths. */
const summa: KorsregelImpl = (i) => {
  const total = i.noder[0]![0];
  const t = nodText(total);
  if (t === undefined || !/^-?\d+$/.test(t)) return [];
  let sum = 0;
  for (const noder of i.noder.slice(1))
    for (const n of noder) {
      const v = nodText(n);
      if (v === undefined || !/^-?\d+$/.test(v)) return [];
      sum += Number(v);
    }
  return Number(t) === sum
    ? []
    : [{ path: total!.path, value: t, message: `total ${t} is not the sum of its parts (${sum})` }];
};

/** The two paths hold the same value (e.g. the echoed question and the answer name the same person). */
const likaVarden: KorsregelImpl = (i) => {
  const a = i.noder[0]![0];
  const b = i.noder[1]![0];
  const va = nodText(a);
  const vb = nodText(b);
  if (va === undefined || vb === undefined || va === vb) return [];
  return [{ path: b!.path, value: vb, message: `${i.regel.paths[1]} differs from ${i.regel.paths[0]}` }];
};

/** The identity at each path is the person asked about (12 digits, or 10 without the century). */
const fragadPerson: KorsregelImpl = (i) => {
  const pid = fragan(i).generellaFrageparametrar.personidentitet;
  const out: Brott[] = [];
  for (const noder of i.noder)
    for (const n of noder) {
      const v = nodText(n)?.replace(/-/g, "");
      if (v !== undefined && v !== (v.length === 10 ? pid.slice(2) : pid))
        out.push({
          path: n.path,
          value: v,
          message: "the answer is about another person than the one asked about",
        });
    }
  return out;
};

/** The sections of `svarsdata` are exactly the included bastjänster, in contract order (needs the question). */
const sektionerEnligtFraga: KorsregelImpl = (i) => {
  const f = fragan(i);
  const vantade = BASTJANSTER.filter((k) => f.specifikaFrageparametrar[k].inkludera);
  const n = i.noder[0]![0];
  if (n?.kind !== "element") return [];
  const fick = n.el.children.flatMap((c) => (c.kind === "element" ? [c.local] : []));
  return fick.join(",") === vantade.join(",")
    ? []
    : [
        {
          path: n.path,
          value: fick.join(",") || "(none)",
          message: `sections ${fick.join(",") || "(none)"} do not match the included bastjänster ${vantade.join(",") || "(none)"}`,
        },
      ];
};

/**
 * The parts of an ssbt/11 `SKV` section (`SkatteverketSvar`): exactly the blocks of `params.block`
 * that the question's `SKV/fraga` asks for (true), or `params.utanFraga` when it has no `fraga`, in
 * the order of `params.block` — or, when the section holds an overall `error`, no part at all
 * (needs the question).
 */
const delarEnligtFraga: KorsregelImpl = (i) => {
  const block = param(i, "block", isStringArray);
  const utanFraga = param(i, "utanFraga", isStringArray);
  const skv = fragan(i).specifikaFrageparametrar.SKV;
  const n = i.noder[0]![0];
  if (n?.kind !== "element") return [];
  const fick = n.el.children.flatMap((c) => (c.kind === "element" ? [c.local] : []));
  const delar = fick.filter((x) => x !== "error");
  const overgripande = fick.includes("error");
  const vantade = overgripande
    ? []
    : skv.fraga
      ? block.filter((b) => skv.fraga!.block[b] === true)
      : utanFraga;
  if (delar.join(",") === vantade.join(",")) return [];
  const lista = (xs: readonly string[]) => xs.join(",") || "(none)";
  return [
    {
      path: n.path,
      value: lista(delar),
      message: overgripande
        ? `parts ${lista(delar)} next to the overall error: a failed Skatteverket call has no parts`
        : `parts ${lista(delar)} do not match the asked blocks ${lista(vantade)}`,
    },
  ];
};

/**
 * ssbt/11 SKV: every year at the paths (a year, or the year of a `YYYY-MM` month or a date) is one
 * of the income years asked of Skatteverket — the question's `SKV/fraga/ar`, or without a `fraga`
 * the `params.utanFragaAr` years before the year the SKV period starts (needs the question).
 */
const inomFragadeAr: KorsregelImpl = (i) => {
  const utan = param(i, "utanFragaAr", isNumber);
  const f = fragan(i);
  const skv = f.specifikaFrageparametrar.SKV;
  const start = Number(periodFor(f, "SKV").fromDatum.slice(0, 4));
  const ar = skv.fraga ? skv.fraga.ar : Array.from({ length: utan }, (_, k) => start - 1 - k);
  const out: Brott[] = [];
  for (const noder of i.noder)
    for (const n of noder) {
      const t = nodText(n);
      const y = t === undefined ? undefined : /^\d{4}/.exec(t)?.[0];
      if (y !== undefined && !ar.includes(Number(y)))
        out.push({
          path: n.path,
          value: t,
          message: `${y} is not one of the asked income years ${ar.join(", ")}`,
        });
    }
  return out;
};

/**
 * The answer echoes the question: `params.falt` `korrelationsid` / `frageTidpunkt` equal the
 * question's (and are absent when it had none); `fraga` is present exactly when
 * `fraganSkallInkluderasISvaret` was true.
 */
const ekarFraga: KorsregelImpl = (i) => {
  const falt = param(i, "falt", isString);
  const g = fragan(i).generellaFrageparametrar;
  const n = i.noder[0]![0];
  if (falt === "fraga") {
    if (g.fraganSkallInkluderasISvaret === (n !== undefined)) return [];
    return [
      {
        path: n?.path ?? i.instans.path,
        message: g.fraganSkallInkluderasISvaret
          ? "the question must be echoed (fraganSkallInkluderasISvaret was true)"
          : "the question must not be echoed (fraganSkallInkluderasISvaret was false)",
      },
    ];
  }
  if (falt !== "korrelationsid" && falt !== "frageTidpunkt")
    throw new HarnessError(
      "FALTREGEL_PARAM",
      `Cross-field rule ${i.regel.id}: params.falt "${falt}" is not echoed.`,
    );
  const vantat = g[falt];
  const fick = nodText(n);
  if (vantat === fick || (vantat !== undefined && fick === vantat.trim())) return [];
  return [
    {
      path: n?.path ?? i.instans.path,
      value: fick,
      message:
        vantat === undefined ? `${falt} was not asked for` : `${falt} must echo the question's "${vantat}"`,
    },
  ];
};

/**
 * Every cross-field rule, by the name the tables use in `regel`. An unknown name is an error
 * when the table is evaluated (never a silent pass).
 */
export const KORSREGLER: Readonly<Record<string, KorsregelImpl>> = {
  fromDatumLeTomDatum,
  maxPeriodlangd,
  datumfonster,
  kravsVidVarde,
  exaktEnAv,
  minstEnAv,
  inomFragadPeriod,
  summa,
  likaVarden,
  fragadPerson,
  sektionerEnligtFraga,
  delarEnligtFraga,
  inomFragadeAr,
  ekarFraga,
};

/** Short Swedish description of each implementation, for the generated docs. */
export const KORSREGEL_BESKRIVNING: Readonly<Record<string, string>> = {
  fromDatumLeTomDatum: "Från-datum är inte senare än till-datum (för varje par av sökvägar).",
  maxPeriodlangd: "Perioden (första paret som finns) är kortare än `params.ar` år.",
  datumfonster:
    "Perioden (första paret som finns) ligger i fönstret dagens datum − `bakatManader` till dagens datum + `framatManader` (svensk tid).",
  kravsVidVarde:
    "När värdet i första sökvägen är ett av `params.varden` ska fältet i andra sökvägen finnas (`nar: finns`) eller saknas (`nar: saknas`); annars enligt `annars`.",
  exaktEnAv: "Exakt en av sökvägarna finns (xsd:choice).",
  minstEnAv: "Minst en av sökvägarna finns (en tom JSON-lista räknas som saknad).",
  inomFragadPeriod:
    "Varje datum ligger inom den period som frågades för bastjänsten `params.bastjanst` (kräver frågan).",
  summa: "Heltalet i första sökvägen är summan av heltalen i de övriga.",
  likaVarden: "De två sökvägarna har samma värde.",
  fragadPerson: "Identiteten är den frågade personens (12 siffror, eller 10 utan sekel; kräver frågan).",
  sektionerEnligtFraga:
    "svarsdata har exakt en sektion per inkluderad bastjänst, i kontraktets ordning (kräver frågan).",
  delarEnligtFraga:
    "ssbt/11 SKV: ett delsvar per block i `params.block` som frågans SKV/fraga efterfrågar (utan fraga `params.utanFraga`), i den ordningen; med ett övergripande error inga delsvar (kräver frågan).",
  inomFragadeAr:
    "ssbt/11 SKV: varje år (eller årtalet i en månad eller ett datum) är ett av de inkomstår som frågades (SKV/fraga/ar, utan fraga `params.utanFragaAr` år före SKV-periodens start; kräver frågan).",
  ekarFraga:
    "Svaret ekar frågans `params.falt` (korrelationsid, frageTidpunkt, eller frågan själv när den begärts).",
};
