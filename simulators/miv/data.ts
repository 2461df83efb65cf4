import {
  dagarMellan,
  laggTillManader,
  plusDagar,
  svenskDag,
  svenskTidszon,
} from "../../contract/kalender.js";
import type { FkQuery, FkResponse, FkSvar } from "../../contract/miv/model.js";
import { fodelsedatum } from "../../contract/personidentitet.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import mivKodverk from "../../fixtures/kodverk/miv.json" with { type: "json" };
import type { SimulatorContext } from "../context.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import type { Anledning, ArendeTyp, Dag, MivBeslut, MivFakta } from "./model.js";

// ---------------------------------------------------------------- days

/**
 * A date as Migrationsverket writes it: `xs:date` with the Swedish offset of that day, as in the
 * sample answers (`1998-05-12+02:00`).
 *
 * @example
 * mivDatum("2025-08-20") // "2025-08-20+02:00"
 */
export function mivDatum(dag: string): string {
  return `${dag}${svenskTidszon(dag)}`;
}

/**
 * The day the answer is given for: the end of the asked period, but never after today (a decision
 * not yet made cannot be told).
 *
 * @example
 * referensdag({ fromDatum: "2026-09-21", tomDatum: "2026-12-31" }, new Date("2026-11-20T10:00:00+01:00")) // "2026-11-20"
 */
export function referensdag(period: Tidsperiod, now: Date): string {
  const tom = dateOnly(period.tomDatum);
  const idag = svenskDag(now);
  // ISO days sort as strings: the earlier of the two.
  return tom < idag ? tom : idag;
}

function jamfor(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function losDag(dag: Dag, ref: string): string {
  return typeof dag === "string" ? dag : plusDagar(ref, -dag.dagarFore);
}

// ---------------------------------------------------------------- code labels

interface KodverkFil {
  kodverk: { id: string; koder: { kod: string; beskrivning: string }[] }[];
}

/**
 * The Swedish label of a code in `fixtures/kodverk/miv.json`: what Migrationsverket sends in the
 * matching `…Namn` element. Throws for an unknown code (a bug in our data, never silent).
 *
 * @example
 * mivKodNamn("MIV.BeslutsKod", "BEV") // "ANSÖKAN BEVILJAS"
 */
export function mivKodNamn(kodverkId: string, kod: string): string {
  const k = (mivKodverk as KodverkFil).kodverk.find((x) => x.id === kodverkId);
  const namn = k?.koder.find((x) => x.kod === kod)?.beskrivning;
  if (namn === undefined) throw new Error(`No code ${kod} in kodverk ${kodverkId}`);
  return namn;
}

// ---------------------------------------------------------------- named personas

const sasong = (ar: number): MivBeslut => ({
  arendeTyp: "AT",
  beslutsKod: "BEV",
  beslutsTyp: "AT",
  anledning: "SASONG",
  ansokningsdatum: `${ar}-01-15`,
  beslutsdatum: `${ar}-03-10`,
  giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: `${ar}-04-01`, tomDatum: `${ar}-10-31` },
});

/** Migrationsverket's facts per named persona id: every persona whose `kallor` includes MIV. */
export const FAKTA: Readonly<Record<string, MivFakta>> = {
  // Alternativ skyddsstatus gives 13 months; the extension gives two more years.
  "nyanland-etablering": {
    hemland: "SYRIEN",
    inresor: ["2025-02-10"],
    beslut: [
      {
        arendeTyp: "ASYL",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "ALTSKYDD",
        ansokningsdatum: "2025-02-11",
        beslutsdatum: "2025-08-20",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2025-08-20", tomDatum: "2026-09-19" },
      },
      {
        arendeTyp: "FUT",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "ALTSKYDD",
        ansokningsdatum: "2026-07-28",
        beslutsdatum: "2026-09-08",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2026-09-20", tomDatum: "2028-09-19" },
      },
    ],
  },
  // A season (April–October) per year; each season starts with a new entry.
  "samordningsnummer-sasongsarbetare": {
    hemland: "BELARUS",
    inresor: ["2024-03-30", "2025-03-29", "2026-03-28"],
    beslut: [sasong(2024), sasong(2025), sasong(2026)],
  },
  // A quota refugee is granted the permit abroad, before entering Sweden.
  "hemutrustningslan-put": {
    hemland: "ERITREA",
    inresor: ["2024-12-01"],
    beslut: [
      {
        arendeTyp: "VID",
        beslutsKod: "BEV",
        beslutsTyp: "PUT",
        anledning: "KVOT",
        ansokningsdatum: "2024-06-10",
        beslutsdatum: "2024-11-04",
        giltighet: { giltighetstid: "PERMANENT", fromDatum: "2024-11-04" },
      },
    ],
  },
  // The rejection falls in the asked period; the work-permit exemption ends when it gains legal force.
  "miv-avslag": {
    hemland: "ETIOPIEN",
    inresor: [{ dagarFore: 430 }],
    beslut: [
      {
        arendeTyp: "ASYL",
        beslutsKod: "BEV",
        beslutsTyp: "AT-UND",
        anledning: "ASYLSOK",
        ansokningsdatum: { dagarFore: 429 },
        beslutsdatum: { dagarFore: 400 },
        giltighet: {
          giltighetstid: "TIDBEGRANSAT",
          fromDatum: { dagarFore: 400 },
          tomDatum: { dagarFore: -9 },
        },
      },
      {
        arendeTyp: "ASYL",
        beslutsKod: "AVS",
        beslutsTyp: "UTV",
        anledning: "EJSKYDD",
        ansokningsdatum: { dagarFore: 429 },
        beslutsdatum: { dagarFore: 12 },
      },
    ],
  },
  // Same decision as the reference client's sample answer: PUT on family ties in 1998.
  "hela-kedjan": {
    hemland: "USA",
    inresor: ["1997-08-20"],
    beslut: [
      {
        arendeTyp: "UAT",
        beslutsKod: "BEV",
        beslutsTyp: "PUT",
        anledning: "ANK",
        ansokningsdatum: "1997-09-12",
        beslutsdatum: "1998-05-12",
        giltighet: { giltighetstid: "PERMANENT", fromDatum: "1998-05-12" },
      },
    ],
  },
  // Not a realistic story: every code of fixtures/kodverk/miv.json at least once, plus a nil record.
  kodtackning: {
    hemland: "STATSLÖS",
    inresor: ["2015-09-01", "2019-01-20"],
    tomPost: true,
    beslut: [
      {
        arendeTyp: "ASYL",
        beslutsKod: "BEV",
        beslutsTyp: "AT-UND",
        anledning: "ASYLSOK",
        ansokningsdatum: "2015-09-02",
        beslutsdatum: "2015-10-15",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2015-10-15", tomDatum: "2016-07-07" },
      },
      {
        arendeTyp: "ASYL",
        beslutsKod: "AVS",
        beslutsTyp: "UTV",
        anledning: "EJSKYDD",
        ansokningsdatum: "2015-09-02",
        beslutsdatum: "2016-06-09",
      },
      {
        arendeTyp: "UT",
        beslutsKod: "AVV",
        beslutsTyp: "TUT",
        anledning: "MASSFLYKT",
        ansokningsdatum: "2016-08-01",
        beslutsdatum: "2016-08-22",
      },
      {
        arendeTyp: "AT",
        beslutsKod: "BEV",
        beslutsTyp: "AT",
        anledning: "ARB",
        ansokningsdatum: "2016-09-01",
        beslutsdatum: "2016-11-10",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2016-12-01", tomDatum: "2018-11-30" },
      },
      {
        arendeTyp: "AT",
        beslutsKod: "BEV",
        beslutsTyp: "AT",
        anledning: "SASONG",
        ansokningsdatum: "2019-01-10",
        beslutsdatum: "2019-03-05",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2019-04-01", tomDatum: "2019-10-31" },
      },
      {
        arendeTyp: "UAT",
        beslutsKod: "AVSK",
        beslutsTyp: "TUT",
        anledning: "STUD",
        ansokningsdatum: "2019-11-04",
        beslutsdatum: "2020-01-15",
      },
      {
        arendeTyp: "VID",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "KVOT",
        ansokningsdatum: "2020-03-02",
        beslutsdatum: "2020-06-16",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2020-06-16", tomDatum: "2023-06-15" },
      },
      {
        arendeTyp: "ASYL",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "FLYKT",
        ansokningsdatum: "2020-09-01",
        beslutsdatum: "2021-02-10",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2021-02-10", tomDatum: "2024-02-09" },
      },
      {
        arendeTyp: "FUT",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "ALTSKYDD",
        ansokningsdatum: "2023-12-01",
        beslutsdatum: "2024-01-25",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2024-02-10", tomDatum: "2026-02-09" },
      },
      {
        arendeTyp: "UAT",
        beslutsKod: "BEV",
        beslutsTyp: "PUT",
        anledning: "ANK",
        ansokningsdatum: "2025-10-01",
        beslutsdatum: "2026-01-20",
        giltighet: { giltighetstid: "PERMANENT", fromDatum: "2026-01-20" },
      },
    ],
  },
  // Flykting: asylärendet beviljat med flyktingstatus och TUT i tre år.
  "flykting-hemutrustningslan": {
    hemland: "SYRIEN",
    inresor: ["2025-11-04"],
    beslut: [
      {
        arendeTyp: "ASYL",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "FLYKT",
        ansokningsdatum: "2025-11-05",
        beslutsdatum: "2026-06-18",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2026-06-18", tomDatum: "2029-06-17" },
      },
    ],
  },
  // Massflyktsdirektivet: asylansökan avskriven när uppehållstillståndet enligt direktivet beviljades.
  "ukraina-massflykt": {
    hemland: "UKRAINA",
    inresor: ["2025-03-02"],
    beslut: [
      {
        arendeTyp: "ASYL",
        beslutsKod: "AVSK",
        beslutsTyp: "TUT",
        anledning: "ASYLSOK",
        ansokningsdatum: "2025-03-03",
        beslutsdatum: "2025-04-10",
      },
      {
        arendeTyp: "UT",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "MASSFLYKT",
        ansokningsdatum: "2025-03-03",
        beslutsdatum: "2025-04-10",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2025-04-10", tomDatum: "2027-03-04" },
      },
    ],
  },
  // Studier 2021–2023; arbetstillstånd: den första ansökan avvisad, den andra beviljad.
  "arbetstillstand-avvisat": {
    hemland: "INDIEN",
    inresor: ["2021-08-16", "2025-05-28"],
    beslut: [
      // Masterstudier i Uppsala 2021–2023 (uppehållstillstånd för studier); reste hem efter examen.
      {
        arendeTyp: "UT",
        beslutsKod: "BEV",
        beslutsTyp: "TUT",
        anledning: "STUD",
        ansokningsdatum: "2021-04-12",
        beslutsdatum: "2021-06-03",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2021-08-16", tomDatum: "2023-06-30" },
      },
      {
        arendeTyp: "AT",
        beslutsKod: "AVV",
        beslutsTyp: "AT",
        anledning: "ARB",
        ansokningsdatum: "2025-01-15",
        beslutsdatum: "2025-02-20",
      },
      {
        arendeTyp: "AT",
        beslutsKod: "BEV",
        beslutsTyp: "AT",
        anledning: "ARB",
        ansokningsdatum: "2025-03-10",
        beslutsdatum: "2025-05-05",
        giltighet: { giltighetstid: "TIDBEGRANSAT", fromDatum: "2025-06-01", tomDatum: "2027-05-31" },
      },
    ],
  },
};

// ---------------------------------------------------------------- generated persons

const HEMLAND = [
  "SYRIEN",
  "AFGHANISTAN",
  "ERITREA",
  "SOMALIA",
  "IRAK",
  "IRAN",
  "UKRAINA",
  "INDIEN",
  "THAILAND",
  "KINA",
  "TURKIET",
  "COLOMBIA",
] as const;

/** A granted time-limited permit of `manader` months from `fran`. */
function tidsbegransad(
  fran: string,
  manader: number,
): { giltighetstid: "TIDBEGRANSAT"; fromDatum: string; tomDatum: string } {
  const slut = plusDagar(laggTillManader(fran, manader), -1);
  return { giltighetstid: "TIDBEGRANSAT", fromDatum: fran, tomDatum: slut };
}

/**
 * Facts for a generated person holding MIV data: one plausible history (permanent permit,
 * time-limited permit, work permit or open asylum case), all of it on or before today.
 * Seeded by `hashSeed(ctx.seed, "miv", personidentitet)`. Undefined when the person was born too
 * recently to have a history.
 *
 * @example
 * genereraFakta(ctx, ctx.population.hitta("198001019876")!)?.hemland
 */
export function genereraFakta(ctx: SimulatorContext, persona: Persona): MivFakta | undefined {
  const rng = new Rng(hashSeed(ctx.seed, "miv", persona.personidentitet));
  const idag = svenskDag(ctx.now());
  const fodd = fodelsedatum(persona.personidentitet);
  const hemland = rng.pick(HEMLAND);
  const scenario = rng.pick(["PUT", "TUT", "AT", "ASYL"] as const);
  // An open asylum case is recent; a permit may be decades old.
  const bakat = scenario === "ASYL" ? 700 : 9000;
  const tidigast = [plusDagar(fodd, 1), plusDagar(idag, -bakat)].sort()[1]!;
  const senast = plusDagar(idag, -60);
  if (tidigast > senast) return undefined;
  const spann = dagarMellan(tidigast, senast);
  const inresa = plusDagar(tidigast, rng.int(0, spann));
  const ansokan = plusDagar(inresa, rng.int(0, 10));
  const beslutad = [plusDagar(ansokan, rng.int(30, 240)), idag].sort()[0]!;

  const beslut: MivBeslut[] = [];
  if (scenario === "PUT") {
    const anledning = rng.pick<Anledning>(["ANK", "ARB", "FLYKT"]);
    beslut.push({
      arendeTyp: anledning === "FLYKT" ? "ASYL" : "UAT",
      beslutsKod: "BEV",
      beslutsTyp: "PUT",
      anledning,
      ansokningsdatum: ansokan,
      beslutsdatum: beslutad,
      giltighet: { giltighetstid: "PERMANENT", fromDatum: beslutad },
    });
  } else if (scenario === "TUT") {
    const [anledning, arendeTyp, manader] = rng.pick<[Anledning, ArendeTyp, number]>([
      ["FLYKT", "ASYL", 36],
      ["ALTSKYDD", "ASYL", 13],
      ["MASSFLYKT", "UT", 12],
      ["STUD", "UAT", 12],
    ]);
    const giltighet = tidsbegransad(beslutad, manader);
    beslut.push({
      arendeTyp,
      beslutsKod: "BEV",
      beslutsTyp: "TUT",
      anledning,
      ansokningsdatum: ansokan,
      beslutsdatum: beslutad,
      giltighet,
    });
    // An expired permit was usually extended: the extension is applied for before the old one ends.
    const gammalTom = giltighet.tomDatum;
    const forlangningAnsokan = plusDagar(gammalTom, -rng.int(20, 60));
    const forlangningBeslut = plusDagar(forlangningAnsokan, rng.int(14, 50));
    if (forlangningBeslut <= idag && forlangningAnsokan > beslutad) {
      const beviljad = rng.chance(0.85);
      // The new permit follows on the old one, or starts on the decision day if that came later.
      const nyFran = [plusDagar(gammalTom, 1), forlangningBeslut].sort()[1]!;
      beslut.push({
        arendeTyp: "FUT",
        beslutsKod: beviljad ? "BEV" : "AVS",
        beslutsTyp: "TUT",
        anledning,
        ansokningsdatum: forlangningAnsokan,
        beslutsdatum: forlangningBeslut,
        ...(beviljad ? { giltighet: tidsbegransad(nyFran, 24) } : {}),
      });
    }
  } else if (scenario === "AT") {
    const manader = rng.pick([12, 24]);
    beslut.push({
      arendeTyp: "AT",
      beslutsKod: "BEV",
      beslutsTyp: "AT",
      anledning: "ARB",
      ansokningsdatum: ansokan,
      beslutsdatum: beslutad,
      giltighet: tidsbegransad(beslutad, manader),
    });
  } else {
    beslut.push({
      arendeTyp: "ASYL",
      beslutsKod: "BEV",
      beslutsTyp: "AT-UND",
      anledning: "ASYLSOK",
      ansokningsdatum: ansokan,
      beslutsdatum: beslutad,
      giltighet: { fromDatum: beslutad },
    });
  }
  return { hemland, inresor: [inresa], beslut };
}

/**
 * Migrationsverket's facts about a person: the named persona's {@link FAKTA}, generated facts for a
 * generated person, or undefined when MIV is not in the person's `kallor` (MIV does not know them).
 *
 * @example
 * mivFakta(ctx, ctx.population.medId("hela-kedjan"))?.hemland // "USA"
 */
export function mivFakta(ctx: SimulatorContext, persona: Persona | undefined): MivFakta | undefined {
  if (!persona?.kallor.includes("MIV")) return undefined;
  if (persona.genererad)
    return minnas(persona, "MIV", ctx.seed, svenskDag(ctx.now()), () => genereraFakta(ctx, persona));
  return FAKTA[persona.id];
}

// ---------------------------------------------------------------- the answer

/** Two lower-case hex digits per byte value. */
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/**
 * Eight lower-case hex digits of an unsigned 32-bit integer, as `n.toString(16).padStart(8, "0")`
 * (which takes V8's slow path for numbers above 2^31: one such call cost more than the rest of
 * the id).
 */
function hex8(n: number): string {
  return (
    HEX_BYTE[n >>> 24]! + HEX_BYTE[(n >>> 16) & 0xff]! + HEX_BYTE[(n >>> 8) & 0xff]! + HEX_BYTE[n & 0xff]!
  );
}

/**
 * Migrationsverket's id of one answer: UUID-shaped, new for every call and never random — drawn
 * from the seed, the whole question (personnummer, korrelationsid, ingivare) and the instant of
 * the call, so the same seed, question and clock give the same bytes while two calls differ.
 *
 * @example
 * correlationid(42, { personnummer: "199203059846", ingivare: { handlaggare: "h" } }, now) // "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx"
 */
export function correlationid(seed: number, fraga: FkQuery, now: Date): string {
  const i = fraga.ingivare;
  // FNV alone leaves neighbouring inputs with similar bits: draw the 128 bits from the seeded PRNG.
  const rng = new Rng(
    hashSeed(
      seed,
      "miv",
      "correlationid",
      fraga.personnummer,
      fraga.korrelationsid ?? "",
      i.organisationsnummer ?? "",
      i.namn ?? "",
      i.handlaggare,
      String(now.getTime()),
    ),
  );
  let hex = "";
  for (let k = 0; k < 4; k++) hex += hex8(Math.floor(rng.next() * 0x1_0000_0000));
  const variant = "89ab"[Number.parseInt(hex[16]!, 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the answer is built from. */
export interface MivSvarIndata {
  /** The asked personnummer (already checked). */
  personnummer: string;
  korrelationsid?: string;
  correlationid: string;
  persona?: Persona;
  fakta?: MivFakta;
  /** The asked period; only its end matters (decisions existing at that day). */
  period: Tidsperiod;
  now: Date;
}

function svarFor(b: MivBeslut, ref: string): FkSvar {
  const s: FkSvar = {};
  if (b.anledning) {
    s.anledning = b.anledning;
    s.anledningNamn = mivKodNamn("MIV.Anledning", b.anledning);
  }
  s.ansokningsdatum = mivDatum(losDag(b.ansokningsdatum, ref));
  s.arendeTyp = b.arendeTyp;
  s.arendeTypNamn = mivKodNamn("MIV.ArendeTyp", b.arendeTyp);
  s.beslutsKod = b.beslutsKod;
  s.beslutsKodNamn = mivKodNamn("MIV.BeslutsKod", b.beslutsKod);
  s.beslutsTyp = b.beslutsTyp;
  s.beslutsTypNamn = mivKodNamn("MIV.BeslutsTyp", b.beslutsTyp);
  s.beslutsdatum = mivDatum(losDag(b.beslutsdatum, ref));
  const g = b.giltighet;
  if (g) {
    s.fromDatum = mivDatum(losDag(g.fromDatum, ref));
    if ("giltighetstid" in g) s.giltighetstid = g.giltighetstid;
    if ("tomDatum" in g) s.tomDatum = mivDatum(losDag(g.tomDatum, ref));
  }
  return s;
}

/**
 * Builds Migrationsverket's answer (`fkResponse`) for one person as of the end of the asked period
 * (never later than today). Pure: depends only on its input.
 *
 * - No facts (MIV not in `kallor`, or no persona): the "no data" answer — correlation ids and the
 *   personnummer, no names and no `svarCollection`.
 * - Facts, but nothing yet on the reference day: treated the same way (the person was unknown then).
 * - Otherwise names (withheld for `sekretess`), hemland, the latest entry and every decision made
 *   on or before the reference day, oldest first.
 *
 * @example
 * byggMivSvar({ personnummer, correlationid: "…", persona, fakta, period: TEST_PERIOD, now: new Date() })
 */
export function byggMivSvar(indata: MivSvarIndata): FkResponse {
  const base: FkResponse = { correlationid: indata.correlationid };
  if (indata.korrelationsid !== undefined) base.korrelationsid = indata.korrelationsid;
  const om = indata.fakta && omPersonen(indata.fakta, indata.persona, referensdag(indata.period, indata.now));
  return { ...base, ...om, personnummer: indata.personnummer };
}

/** What an answer tells about the person: everything but the ids and the personnummer. */
type OmPersonen = Omit<FkResponse, "korrelationsid" | "correlationid" | "personnummer">;

// What an answer tells about a person depends only on the person, their facts and the reference
// day, not on the question: kept per facts object (one per person, seed and day) for its latest
// person and day. Shared by the answers of that day, so read-only.
const senasteOm = new WeakMap<
  MivFakta,
  { persona: Persona | undefined; ref: string; om: OmPersonen | undefined }
>();

function omPersonen(f: MivFakta, persona: Persona | undefined, ref: string): OmPersonen | undefined {
  const m = senasteOm.get(f);
  if (m && m.persona === persona && m.ref === ref) return m.om;
  const om = beraknaOmPersonen(f, persona, ref);
  senasteOm.set(f, { persona, ref, om });
  return om;
}

/** Undefined when nothing is known yet on the reference day (the person was unknown then). */
function beraknaOmPersonen(f: MivFakta, persona: Persona | undefined, ref: string): OmPersonen | undefined {
  const inresor = f.inresor.map((d) => losDag(d, ref)).filter((d) => d <= ref);
  const beslut = f.beslut
    .map((b) => ({
      b,
      beslutsdatum: losDag(b.beslutsdatum, ref),
      ansokningsdatum: losDag(b.ansokningsdatum, ref),
    }))
    .filter((x) => x.beslutsdatum <= ref)
    // ISO days sort as strings (no collation needed).
    .sort((x, y) =>
      x.beslutsdatum === y.beslutsdatum
        ? jamfor(x.ansokningsdatum, y.ansokningsdatum)
        : jamfor(x.beslutsdatum, y.beslutsdatum),
    );
  if (inresor.length === 0 && beslut.length === 0) return undefined;

  const om: OmPersonen = {};
  if (persona && !persona.sekretess) {
    om.efternamn = persona.efternamn;
    om.fornamn = persona.fornamn;
  }
  om.hemland = f.hemland;
  const senaste = inresor.sort().at(-1);
  if (senaste) om.inresedatum = mivDatum(senaste);
  om.svarCollection = beslut.map((x) => svarFor(x.b, ref));
  if (f.tomPost) om.svarCollection.push(null);
  return om;
}
