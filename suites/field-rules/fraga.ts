/**
 * Arbitraries for composite questions, derived from the `ssbt-fraga` field-rule table: valid
 * questions (every rule kept), and questions with one rule broken, tagged with the rule, the path
 * and what the composite service must do about it.
 */
import fc from "fast-check";
import { evaluate, regelId } from "../../contract/faltregler/engine.js";
import type {
  Faltregel,
  Faltregeltabell,
  JsonValue,
  Korsregel,
  VidBrott,
} from "../../contract/faltregler/model.js";
import { commonPrefix, type Nod, parentPath, segments, step } from "../../contract/faltregler/navigering.js";
import { hamtaTabell } from "../../contract/faltregler/tabeller.js";
import { laggTillManader, plusDagar, svenskDag } from "../../contract/kalender.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type SsbtFraga,
  type Tidsperiod,
} from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { PERSONAS } from "../../simulators/population/population.js";
import { type Andring, andraBase64Json, andraXml, lasXml } from "./andra.js";
import { giltigtVarde, ogiltigaAlternativ } from "./varden.js";

/** The fixed clock of the field-rule checks (a Friday in month-end peak): same seed, same questions. */
export const STANDARD_NU = "2026-11-20T10:00:00+01:00";

/** Options of the question arbitraries. All optional. */
export interface FrageOptions {
  /** The clock the questions are made for (CSN's date window). Default {@link STANDARD_NU}. */
  now?: Date;
  /** The LEFI aktör asked as. Default "026-51" (known to the simulated LEFI). */
  aktorsid?: string;
  /** Include every bastjänst (default: a random subset). */
  allaInkluderade?: boolean;
}

/** A question with one table rule broken. */
export interface OgiltigFraga {
  /** The valid question it was made from. */
  fraga: SsbtFraga;
  /** The broken question (`hamtaBastjanstInformation`). */
  xml: XmlElement;
  /** The id of the broken rule, as the engine reports it. */
  regel: string;
  /** The concrete path the engine (and a fault) names. */
  path: string;
  /** What the composite service must do. */
  vidBrott: VidBrott;
  /** The value put in, or undefined when the field was removed (personal values are masked in reports). */
  varde?: string;
}

const FRAGA = "ssbt-fraga";
const PAYLOAD = new Set(["base64Json", "base64Xml", "xmlString"]);

function tabell(): Faltregeltabell {
  return hamtaTabell(FRAGA);
}

function rader(path: string): Faltregel[] {
  return tabell().falt.filter((r) => r.path === path);
}

function rad(id: string): Faltregel {
  const r = tabell().falt.find((x) => x.id === id);
  if (!r) throw new Error(`ssbt-fraga has no row ${id}`);
  return r;
}

function korsregel(id: string): Korsregel {
  const k = tabell().korsregler.find((x) => x.id === id);
  if (!k) throw new Error(`ssbt-fraga has no cross-field rule ${id}`);
  return k;
}

/** All rows at a path merged into one: every length bound, check digit and enumeration kept. */
function sammanslagen(path: string): Faltregel {
  const rs = rader(path);
  const first = rs[0];
  if (!first) throw new Error(`ssbt-fraga has no field ${path}`);
  const m: Faltregel = { ...first };
  for (const r of rs.slice(1)) {
    if (r.minLength !== undefined) m.minLength = Math.max(m.minLength ?? 0, r.minLength);
    if (r.maxLength !== undefined)
      m.maxLength = Math.min(m.maxLength ?? Number.POSITIVE_INFINITY, r.maxLength);
    if (r.kontrollsiffra) m.kontrollsiffra = true;
    if (r.varden) m.varden = r.varden;
    if (r.format && !m.format) m.format = r.format;
  }
  return m;
}

function varde(path: string): fc.Arbitrary<string> {
  const a = giltigtVarde(sammanslagen(path));
  if (!a) throw new Error(`No value arbitrary for ${path}`);
  return a;
}

const G = "/hamtaBastjanstInformation/generellaFrageparametrar";

/**
 * A period every bastjänst accepts at `now`: inside CSN's window (`CSN.tidsperiod.fonster`) and
 * shorter than LEFI's limit (`FK.tidsperiod.maxTvaAr`), from ≤ tom.
 *
 * @example
 * fc.sample(giltigPeriod(new Date("2026-11-20T10:00:00+01:00")), 1) // [{ fromDatum: "2026-10-02", tomDatum: "2026-11-30" }]
 */
export function giltigPeriod(now: Date): fc.Arbitrary<Tidsperiod> {
  const fonster = korsregel("CSN.tidsperiod.fonster").params as {
    bakatManader: number;
    framatManader: number;
  };
  const ar = (korsregel("FK.tidsperiod.maxTvaAr").params as { ar: number }).ar;
  const idag = svenskDag(now);
  const tidigast = laggTillManader(idag, -fonster.bakatManader);
  const senast = laggTillManader(idag, fonster.framatManader);
  const dagar = Math.round((Date.parse(senast) - Date.parse(tidigast)) / 86_400_000);
  return fc.tuple(fc.integer({ min: 0, max: dagar }), fc.integer({ min: 0, max: dagar })).map(([a, b]) => {
    const from = plusDagar(tidigast, Math.min(a, b));
    let tom = plusDagar(tidigast, Math.max(a, b));
    const grans = plusDagar(laggTillManader(from, ar * 12), -1);
    if (tom > grans) tom = grans;
    return { fromDatum: from, tomDatum: tom };
  });
}

/**
 * A valid ssbt/11 composite question: {@link giltigSsbtFraga} plus, when SKV is included and
 * mostly, Skatteverket's `fraga` of the `ssbt-v11-fraga` table: one to three distinct income years
 * from eight years back to next year (so that the blocks' own errors 9071004 and 9071005 occur)
 * and any choice of the table's blocks.
 *
 * @example
 * fc.sample(giltigSsbtFragaV11(), 1)[0].specifikaFrageparametrar.SKV.fraga?.ar // [2025, 2019]
 */
export function giltigSsbtFragaV11(options: FrageOptions = {}): fc.Arbitrary<SsbtFraga> {
  const now = options.now ?? new Date(STANDARD_NU);
  const iAr = Number(svenskDag(now).slice(0, 4));
  const skv = "/hamtaBastjanstInformation/specifikaFrageparametrar/SKV/fraga/";
  const block = hamtaTabell("ssbt-v11-fraga")
    .falt.filter((r) => r.path.startsWith(skv) && r.typ === "boolean")
    .map((r) => r.path.slice(skv.length));
  const skvFraga = fc.record({
    ar: fc.uniqueArray(fc.integer({ min: iAr - 8, max: iAr + 1 }), { minLength: 1, maxLength: 3 }),
    block: fc
      .tuple(...block.map(() => fc.boolean()))
      .map((v) => Object.fromEntries(block.map((b, i) => [b, v[i]!]))),
  });
  return fc
    .tuple(giltigSsbtFraga(options), fc.option(skvFraga, { nil: undefined, freq: 4 }))
    .map(([fraga, f]) => {
      if (f && fraga.specifikaFrageparametrar.SKV.inkludera)
        fraga.specifikaFrageparametrar.SKV = { inkludera: true, fraga: f };
      return fraga;
    });
}

function koder(rowId: string): string[] {
  const r = rad(rowId);
  return r.kodverk ? kodverk(r.kodverk).koder.map((k) => k.kod) : (r.varden ?? []);
}

/** The LEFI JSON question: the person, the period and at least one förmånsgrupp (codes from the table's kodverk). */
function lefiFraga(personidentitet: string, period: Tidsperiod): fc.Arbitrary<string> {
  const lista = (id: string, min: number) => fc.subarray(koder(id), { minLength: min });
  return fc
    .record({
      formansinformation: lista("FK.lefi.formansinformation", 1),
      ansprak: lista("FK.lefi.ansprak", 0),
      beslut: lista("FK.lefi.beslut", 0),
      preliminaraUtbetalningar: lista("FK.lefi.preliminaraUtbetalningar", 0),
      utbetalningar: lista("FK.lefi.utbetalningar", 0),
      ovrigInformation: lista("FK.lefi.ovrigInformation", 0),
    })
    .map((listor) => {
      const q: { [k: string]: JsonValue } = {
        personnummer: personidentitet,
        period: { from: period.fromDatum, tom: period.tomDatum },
      };
      for (const [k, v] of Object.entries(listor)) if (v.length > 0) q[k] = v;
      return Buffer.from(JSON.stringify(q), "utf8").toString("base64");
    });
}

/**
 * A valid composite question (v10): every field and cross-field rule of `ssbt-fraga` kept, for a
 * named persona with a valid identity or a generated person, a period inside every bastjänst's
 * limits, any subset of bastjänster (optionally each with its own period).
 *
 * @example
 * fc.assert(fc.property(giltigSsbtFraga(), (f) => evaluate("ssbt-fraga", encodeFraga(f), { now }).length === 0), { seed: 1 })
 */
export function giltigSsbtFraga(options: FrageOptions = {}): fc.Arbitrary<SsbtFraga> {
  const now = options.now ?? new Date(STANDARD_NU);
  const aktorsid = options.aktorsid ?? "026-51";
  const personas = PERSONAS.filter((p) => p.giltig).map((p) => p.personidentitet);
  const egenPeriod = fc.option(giltigPeriod(now), { nil: undefined, freq: 3 });
  const bitrade = fc.record({
    ordningsnummer: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    organisationsnummer: varde(`${G}/personuppgiftsbitrade[]/organisationsnummer`),
    namn: varde(`${G}/personuppgiftsbitrade[]/namn`),
  });
  return fc
    .record({
      personidentitet: fc.oneof(fc.constantFrom(...personas), varde(`${G}/personidentitet`)),
      tidsperiod: giltigPeriod(now),
      frageTidpunkt: fc.option(varde(`${G}/frageTidpunkt`), { nil: undefined }),
      korrelationsid: fc.option(fc.oneof(fc.uuid(), varde(`${G}/korrelationsid`)), { nil: undefined }),
      fraganSkallInkluderasISvaret: fc.boolean(),
      organisationsnummer: varde(`${G}/ingivare/organisationsnummer`),
      namn: varde(`${G}/ingivare/namn`),
      handlaggare: varde(`${G}/ingivare/handlaggare`),
      arendeidentitet: varde(`${G}/arendeidentitet`),
      personuppgiftsbitrade: fc.array(bitrade, { maxLength: 2 }),
      syfte: fc.oneof(fc.constant("Beslut om eller kontroll av ekonomiskt bistånd"), varde(`${G}/syfte`)),
      lagtext: fc.oneof(fc.constant("11 kap. 11 a § socialtjänstlagen (2001:453)"), varde(`${G}/lagtext`)),
      inkludera: options.allaInkluderade
        ? fc.constant(BASTJANSTER.map(() => true))
        : fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      perioder: fc.tuple(egenPeriod, egenPeriod, egenPeriod, egenPeriod),
      version: fc.option(fc.constantFrom(...koder("FK.version.varden")), { nil: undefined }),
    })
    .chain((r) =>
      lefiFraga(r.personidentitet, r.tidsperiod).map((lefiJsonFraga) => {
        const [af, csn, fk, skv, so, tns, miv] = r.inkludera as [
          boolean,
          boolean,
          boolean,
          boolean,
          boolean,
          boolean,
          boolean,
        ];
        const med = (inkludera: boolean, tidsperiod: Tidsperiod | undefined) =>
          inkludera && tidsperiod ? { inkludera, tidsperiod } : { inkludera };
        const fraga: SsbtFraga = {
          generellaFrageparametrar: {
            fraganSkallInkluderasISvaret: r.fraganSkallInkluderasISvaret,
            ingivare: {
              organisationsnummer: r.organisationsnummer,
              namn: r.namn,
              handlaggare: r.handlaggare,
            },
            personidentitet: r.personidentitet,
            arendeidentitet: r.arendeidentitet,
            tidsperiod: r.tidsperiod,
            personuppgiftsbitrade: r.personuppgiftsbitrade.map((b) =>
              b.ordningsnummer === undefined
                ? { organisationsnummer: b.organisationsnummer, namn: b.namn }
                : {
                    ordningsnummer: b.ordningsnummer,
                    organisationsnummer: b.organisationsnummer,
                    namn: b.namn,
                  },
            ),
            syfte: r.syfte,
            lagtext: r.lagtext,
          },
          specifikaFrageparametrar: {
            AF: med(af, r.perioder[0]),
            CSN: med(csn, r.perioder[1]),
            FK: fk
              ? {
                  inkludera: true,
                  fraga:
                    r.version === undefined
                      ? { aktorsid, lefiJsonFraga }
                      : { version: r.version, aktorsid, lefiJsonFraga },
                }
              : { inkludera: false },
            SKV: { inkludera: skv },
            SO: med(so, r.perioder[2]),
            TNS: med(tns, r.perioder[3]),
            MIV: { inkludera: miv },
          },
        };
        const g = fraga.generellaFrageparametrar;
        if (r.frageTidpunkt !== undefined) g.frageTidpunkt = r.frageTidpunkt;
        if (r.korrelationsid !== undefined) g.korrelationsid = r.korrelationsid;
        return fraga;
      }),
    );
}

/** Where a table path is in a question: concrete paths, and for paths inside the LEFI payload the split. */
interface Plats {
  path: string;
  /** For a field inside a base64 JSON payload: the payload element and the path inside it. */
  payload?: { xmlPath: string; jsonPath: string };
}

/** Every place of a table path in the question XML (following the base64 JSON payload). */
function platser(xml: XmlElement, tablePath: string): Plats[] {
  const t = tabell();
  let current: { nod: Nod; payload?: { xmlPath: string } }[] = [
    { nod: { kind: "dokument", root: xml, path: "" } },
  ];
  let pattern = "";
  for (const seg of segments(tablePath)) {
    const payloadRow = t.falt.find((r) => r.path === pattern && PAYLOAD.has(r.typ) && !r.meddelande);
    const next: typeof current = [];
    for (const c of current) {
      let nod = c.nod;
      let payload = c.payload;
      if (payloadRow && nod.kind === "element") {
        try {
          const text = nod.el.children.map((x) => (x.kind === "text" ? x.text : "")).join("");
          nod = {
            kind: "json",
            value: JSON.parse(Buffer.from(text, "base64").toString("utf8")) as JsonValue,
            path: "",
          };
          payload = { xmlPath: c.nod.path };
        } catch {
          continue;
        }
      }
      for (const n of step(nod, seg)) next.push(payload ? { nod: n, payload } : { nod: n });
    }
    current = next;
    pattern = `${pattern}/${seg.attribute ? "@" : ""}${seg.name}${seg.repeated ? "[]" : ""}`;
  }
  return current.map((c) =>
    c.payload
      ? {
          path: `${c.payload.xmlPath}${c.nod.path}`,
          payload: { xmlPath: c.payload.xmlPath, jsonPath: c.nod.path },
        }
      : { path: c.nod.path },
  );
}

function andra(xml: XmlElement, plats: Plats, andring: Andring): XmlElement {
  return plats.payload
    ? andraBase64Json(xml, plats.payload.xmlPath, plats.payload.jsonPath, andring)
    : andraXml(xml, plats.path, andring);
}

function last(xml: XmlElement, plats: Plats): string | undefined {
  if (!plats.payload) return lasXml(xml, plats.path);
  const text = lasXml(xml, plats.payload.xmlPath);
  if (text === undefined) return undefined;
  let v: JsonValue = JSON.parse(Buffer.from(text, "base64").toString("utf8")) as JsonValue;
  for (const s of plats.payload.jsonPath.split("/").filter(Boolean)) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(s)!;
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    v = v[m[1]!] ?? null;
    if (m[2] !== undefined) v = Array.isArray(v) ? (v[Number(m[2]) - 1] ?? null) : null;
  }
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

type Kandidat = fc.Arbitrary<Omit<OgiltigFraga, "fraga">>;

/** Ways to break one row at each place it has in the question. */
function radKandidater(xml: XmlElement, row: Faltregel, vidBrott: VidBrott): Kandidat[] {
  const egenAspekt = ["maxLength", "minLength", "kontrollsiffra", "varden", "kodverk", "format"].find((a) =>
    row.id.endsWith(`.${a}`),
  );
  const upprepad = segments(row.path).at(-1)!.repeated;
  const alternativ = ogiltigaAlternativ(row).filter(
    (a) => (egenAspekt === undefined || a.aspekt === egenAspekt) && !(a.aspekt === "min" && upprepad),
  );
  const platserna = platser(xml, row.path);
  if (alternativ.length === 0 || platserna.length === 0) return [];
  // One candidate per row, whatever the number of places: every rule is broken about as often.
  return [
    fc.tuple(fc.constantFrom(...platserna), fc.oneof(...alternativ.map((a) => a.arb))).map(([plats, o]) => {
      const broken = andra(xml, plats, o.varde === undefined ? { taBort: true } : { satt: o.varde });
      const b: Omit<OgiltigFraga, "fraga"> = {
        xml: broken,
        regel: regelId(row, o.aspekt),
        path: plats.path,
        vidBrott,
      };
      if (o.aspekt === "min" && "fault" in vidBrott)
        b.vidBrott = { fault: vidBrott.saknas ?? vidBrott.fault };
      if (o.varde !== undefined) b.varde = o.varde;
      return b;
    }),
  ];
}

/** Ways to break a cross-field rule in the question (the rule kinds the request table uses). */
function korsKandidater(xml: XmlElement, k: Korsregel, now: Date, vidBrott: VidBrott): Kandidat[] {
  const gemensam = commonPrefix(k.paths);
  const prefix = k.paths.includes(gemensam) ? parentPath(gemensam) : gemensam;
  const out: Kandidat[] = [];
  const inom = (p: string, i: Plats) => {
    return platser(xml, p).filter((x) => x.path.startsWith(i.path));
  };
  for (const instans of platser(xml, prefix)) {
    const per = k.paths.map((p) => inom(p, instans));
    const bryt = (andringar: [Plats, Andring][], path: string): Omit<OgiltigFraga, "fraga"> => {
      let x = xml;
      for (const [p, a] of andringar) x = andra(x, p, a);
      return { xml: x, regel: k.id, path, vidBrott };
    };
    if (k.regel === "fromDatumLeTomDatum" || k.regel === "maxPeriodlangd") {
      const from = per[0]?.[0];
      const tom = per[1]?.[0];
      if (!from || !tom) continue;
      const f = last(xml, from)!;
      const t = last(xml, tom)!;
      if (k.regel === "fromDatumLeTomDatum")
        out.push(
          fc
            .integer({ min: 1, max: 400 })
            .map((d) => bryt([[from, { satt: plusDagar(t.slice(0, 10), d) }]], instans.path)),
        );
      else {
        const ar = (k.params as { ar: number }).ar;
        out.push(
          fc
            .integer({ min: 0, max: 300 })
            .map((d) =>
              bryt([[tom, { satt: plusDagar(laggTillManader(f.slice(0, 10), ar * 12), d) }]], from.path),
            ),
        );
      }
    } else if (k.regel === "datumfonster") {
      const p = k.params as { bakatManader: number; framatManader: number };
      const par = [0, 2].map((i) => [per[i]?.[0], per[i + 1]?.[0]] as const).find(([a, b]) => a && b);
      if (!par) continue;
      const [from, tom] = par as [Plats, Plats];
      const idag = svenskDag(now);
      out.push(
        fc
          .integer({ min: 1, max: 365 })
          .map((d) =>
            bryt([[from, { satt: plusDagar(laggTillManader(idag, -p.bakatManader), -d) }]], from.path),
          ),
        fc
          .integer({ min: 1, max: 365 })
          .map((d) =>
            bryt([[tom, { satt: plusDagar(laggTillManader(idag, p.framatManader), d) }]], tom.path),
          ),
      );
    } else if (k.regel === "minstEnAv") {
      const finns = per.flatMap((ps, i) => (ps.length > 0 ? [[i, ps[0]!] as const] : []));
      if (finns.length === 0) continue;
      out.push(
        fc.constant(
          bryt(
            finns.map(([, p]) => {
              const arrayPath = p.path.replace(/\[\d+\]$/, "");
              const payload = p.payload
                ? { xmlPath: p.payload.xmlPath, jsonPath: p.payload.jsonPath.replace(/\[\d+\]$/, "") }
                : undefined;
              return [payload ? { path: arrayPath, payload } : { path: arrayPath }, { taBort: true }] as [
                Plats,
                Andring,
              ];
            }),
            instans.path,
          ),
        ),
      );
    } else if (k.regel === "kravsVidVarde") {
      const p = k.params as { varden: string[]; nar: string };
      const villkor = per[0]?.[0];
      const falt = per[1]?.[0];
      if (!villkor || !falt || p.nar !== "finns" || !p.varden.includes(last(xml, villkor) ?? "")) continue;
      out.push(fc.constant(bryt([[falt, { taBort: true }]], instans.path)));
    }
  }
  return out.length > 1 ? [fc.oneof(...out)] : out;
}

function kandidater(xml: XmlElement, now: Date, slag: "fault" | "bastjanst"): Kandidat[] {
  const t = tabell();
  const valj = (v: VidBrott | undefined): v is VidBrott =>
    v !== undefined && (slag === "fault" ? "fault" in v : "bastjanst" in v);
  const out: Kandidat[] = [];
  for (const row of t.falt)
    if (valj(row.vidBrott) && (slag === "fault") === (row.bastjanst === undefined))
      out.push(...radKandidater(xml, row, row.vidBrott));
  for (const k of t.korsregler) if (valj(k.vidBrott)) out.push(...korsKandidater(xml, k, now, k.vidBrott));
  return out;
}

function medFraga(fraga: SsbtFraga, now: Date, slag: "fault" | "bastjanst"): fc.Arbitrary<OgiltigFraga> {
  const xml = encodeFraga(fraga);
  const k = kandidater(xml, now, slag);
  if (k.length === 0) throw new Error("No rule of ssbt-fraga can be broken in this question.");
  return fc.oneof(...k).map((b) => ({ ...b, fraga }));
}

function brytsFault(o: OgiltigFraga, now: Date): boolean {
  const faultRegler = new Set<string>();
  const t = tabell();
  for (const r of t.falt) if (r.vidBrott && "fault" in r.vidBrott) faultRegler.add(r.id);
  for (const k of t.korsregler) if (k.vidBrott && "fault" in k.vidBrott) faultRegler.add(k.id);
  return evaluate(FRAGA, o.xml, { now }).some((f) =>
    [...faultRegler].some((id) => f.rule === id || f.rule.startsWith(`${id}.`)),
  );
}

/**
 * A question with one rule broken that the composite service must reject as a whole: a bad
 * date, from after tom, an organisationsnummer off the pattern, a personidentitet that is not 12
 * digits, an empty arendeidentitet, a missing element … (every row and rule of `ssbt-fraga` with
 * `vidBrott.fault`). `vidBrott.fault` is the felkod the SOAP Fault must carry.
 *
 * @example
 * fc.sample(ogiltigSsbtFraga(), 1)[0].regel // "SSBT.tidsperiod.fromDatum.typ"
 */
export function ogiltigSsbtFraga(options: FrageOptions = {}): fc.Arbitrary<OgiltigFraga> {
  const now = options.now ?? new Date(STANDARD_NU);
  return giltigSsbtFraga(options).chain((f) => medFraga(f, now, "fault"));
}

/**
 * A question (every bastjänst included) with one bastjänst-named rule broken and nothing the
 * composite service rejects: only that bastjänst's section must become an error
 * (`vidBrott.bastjanst`, `kalla`, `felkod`) — CSN's arendeidentitet of 32+ characters, CSN's date
 * window, LEFI's two-year limit, an unknown LEFI version, a wrong check digit …
 *
 * @example
 * fc.sample(bastjanstregelBrott(), 1)[0].vidBrott // { bastjanst: "CSN", kalla: "BT", felkod: "-1005" }
 */
export function bastjanstregelBrott(options: FrageOptions = {}): fc.Arbitrary<OgiltigFraga> {
  const now = options.now ?? new Date(STANDARD_NU);
  return giltigSsbtFraga({ ...options, allaInkluderade: true })
    .chain((f) => medFraga(f, now, "bastjanst"))
    .filter((o) => !brytsFault(o, now));
}

/**
 * The bastjänster a question includes, in contract order.
 *
 * @example
 * inkluderade(testFraga("199608239829")) // ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"]
 */
export function inkluderade(fraga: SsbtFraga): BastjanstKod[] {
  return BASTJANSTER.filter((k) => fraga.specifikaFrageparametrar[k].inkludera);
}
