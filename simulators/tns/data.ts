import { dagarMellan, laggTillManader, plusDagar, svenskDag } from "../../contract/kalender.js";
import { fodelsedatum } from "../../contract/personidentitet.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";
import type { Fordon, HamtaUppgifterResponse } from "../../contract/tns/model.js";
import type { SimulatorContext } from "../context.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { felresultat } from "./errors.js";
import type { Fordonsinnehav, Fordonsslag, TnsFakta } from "./model.js";

/**
 * The vehicles of every named persona whose `kallor` includes TNS, from the persona's story.
 * Ownership dates are absolute (a car bought in 2016 is owned in any later period).
 */
export const FAKTA: Readonly<Record<string, TnsFakta>> = {
  bilagare: {
    fordon: [
      fordon("TST101", "VOLVO", "V70", "PERSONBIL", 2012, "2016-04-08"),
      fordon("TST102", "YAMAHA", "MT-07", "MOTORCYKEL", 2019, "2019-05-17"),
    ],
  },
  foretagare: {
    fordon: [
      fordon("TST201", "SCANIA", "R450", "LASTBIL", 2017, "2017-03-14"),
      fordon("TST202", "KILAFORS", "KAT 3-36", "SLÄPVAGN", 2018, "2018-06-01"),
    ],
  },
  "sjukersattning-bil": { fordon: [fordon("TST301", "SAAB", "9-5", "PERSONBIL", 2004, "2011-03-02")] },
  "hela-kedjan": { fordon: [fordon("TST401", "TOYOTA", "COROLLA", "PERSONBIL", 2015, "2018-09-20")] },
  "sekretess-pensionar": {
    fordon: [fordon("TST501", "VOLKSWAGEN", "GOLF", "PERSONBIL", 2010, "2014-06-11")],
  },
  // One vehicle of every fordonsslag (TNS.Fordonsslag), plus a car sold long before any test period.
  kodtackning: {
    fordon: [
      fordon("TST901", "KIA", "CEED", "PERSONBIL", 2018, "2018-08-15"),
      fordon("TST902", "VOLKSWAGEN", "TRANSPORTER", "LASTBIL", 2016, "2020-02-03"),
      fordon("TST903", "MERCEDES-BENZ", "SPRINTER 516 CDI", "BUSS", 2015, "2021-04-12"),
      fordon("TST904", "HONDA", "CBF600", "MOTORCYKEL", 2008, "2015-07-01"),
      fordon("TST905", "PIAGGIO", "ZIP", "MOPED", 2012, "2012-05-20"),
      fordon("TST906", "MASSEY FERGUSON", "MF 135", "TRAKTOR", 1972, "2019-09-09"),
      fordon("TST907", "AVANT", "528", "MOTORREDSKAP", 2017, "2020-10-01"),
      fordon("TST908", "HÄGGLUNDS", "BV206", "TERRÄNGVAGN", 1985, "2021-01-15"),
      fordon("TST909", "LYNX", "59 RANGER", "TERRÄNGSKOTER", 2019, "2019-12-01"),
      fordon("TST910", "CAN-AM", "OUTLANDER 570", "TERRÄNGHJULING", 2020, "2020-05-05"),
      fordon("TST911", "BRENDERUP", "1205S", "SLÄPVAGN", 2011, "2014-03-22"),
      fordon("TST912", "FORD", "FOCUS", "PERSONBIL", 2005, "2013-05-02", "2019-06-30"),
    ],
  },
  // Nedlagd mjölkgård i fjällen: gårdens fordon, sonens moped och den gamla skolbussen (gårdsbutik).
  "lantbrukare-fordon": {
    fordon: [
      fordon("TST601", "VALTRA", "N121", "TRAKTOR", 2008, "2008-05-16"),
      fordon("TST602", "SKI-DOO", "SKANDIC SWT 600", "TERRÄNGSKOTER", 2016, "2016-12-02"),
      fordon("TST603", "POLARIS", "SPORTSMAN 570", "TERRÄNGHJULING", 2019, "2019-06-14"),
      fordon("TST604", "GIANT", "G2200", "MOTORREDSKAP", 2017, "2018-03-09"),
      fordon("TST605", "HÄGGLUNDS", "BV206", "TERRÄNGVAGN", 1983, "2012-09-21"),
      fordon("TST606", "DERBI", "SENDA X-TREME 50", "MOPED", 2022, "2023-05-05"),
      fordon("TST607", "VOLVO", "B12B", "BUSS", 2003, "2017-08-30"),
    ],
  },
  // The register post is being corrected: Transportstyrelsen answers FEL 9001 for him.
  "tns-registerfel": { fordon: [], fel: 9001 },
  // Bought a used car; the change of owner is reported but not registered yet (TNS answers OK with a note).
  "tns-agarbyte-pagar": {
    fordon: [fordon("TST621", "TOYOTA", "COROLLA", "PERSONBIL", 2012, "2019-04-02")],
    anmarkning: 2001,
  },
};

function fordon(
  regnr: string,
  fabrikat: string,
  handelsbeteckning: string,
  fordonsslag: Fordonsslag,
  fordonsar: number,
  agareFrom: string,
  agareTom?: string,
): Fordonsinnehav {
  const f: Fordonsinnehav = { regnr, fabrikat, handelsbeteckning, fordonsslag, fordonsar, agareFrom };
  if (agareTom) f.agareTom = agareTom;
  return f;
}

/** Vehicles a generated person may own, with the model years they were sold new. */
const KATALOG: readonly {
  fabrikat: string;
  handelsbeteckning: string;
  fordonsslag: Fordonsslag;
  fran: number;
  till: number;
}[] = [
  { fabrikat: "VOLVO", handelsbeteckning: "V60", fordonsslag: "PERSONBIL", fran: 2011, till: 2025 },
  { fabrikat: "VOLVO", handelsbeteckning: "XC60", fordonsslag: "PERSONBIL", fran: 2009, till: 2025 },
  { fabrikat: "VOLKSWAGEN", handelsbeteckning: "GOLF", fordonsslag: "PERSONBIL", fran: 1998, till: 2025 },
  { fabrikat: "TOYOTA", handelsbeteckning: "YARIS", fordonsslag: "PERSONBIL", fran: 2000, till: 2025 },
  { fabrikat: "SKODA", handelsbeteckning: "OCTAVIA", fordonsslag: "PERSONBIL", fran: 2005, till: 2025 },
  { fabrikat: "FORD", handelsbeteckning: "FOCUS", fordonsslag: "PERSONBIL", fran: 1999, till: 2024 },
  { fabrikat: "KIA", handelsbeteckning: "CEED", fordonsslag: "PERSONBIL", fran: 2007, till: 2025 },
  { fabrikat: "SAAB", handelsbeteckning: "9-3", fordonsslag: "PERSONBIL", fran: 1998, till: 2011 },
  { fabrikat: "TESLA", handelsbeteckning: "MODEL 3", fordonsslag: "PERSONBIL", fran: 2019, till: 2025 },
  { fabrikat: "VOLKSWAGEN", handelsbeteckning: "CADDY", fordonsslag: "LASTBIL", fran: 2004, till: 2025 },
  { fabrikat: "HONDA", handelsbeteckning: "CBF600", fordonsslag: "MOTORCYKEL", fran: 2004, till: 2013 },
  { fabrikat: "PIAGGIO", handelsbeteckning: "ZIP", fordonsslag: "MOPED", fran: 2000, till: 2025 },
  { fabrikat: "BRENDERUP", handelsbeteckning: "1205S", fordonsslag: "SLÄPVAGN", fran: 2000, till: 2025 },
  { fabrikat: "LYNX", handelsbeteckning: "49 RANGER", fordonsslag: "TERRÄNGSKOTER", fran: 2005, till: 2025 },
];

/** Letters for generated regnr; T is left out so they never collide with the named TST plates. */
const BOKSTAVER = "ABCDEFGHJKLMNPRSUWXYZ";

// Day numbers (days since 1970-01-01) through the shared calendar.
const EPOK = "1970-01-01";
const toDays = (iso: string): number => dagarMellan(EPOK, iso);
const fromDays = (days: number): string => plusDagar(EPOK, days);

/**
 * Today in Sweden (YYYY-MM-DD) at the simulated clock: the shared {@link svenskDag}.
 *
 * @example
 * idag(new Date("2026-11-20T10:00:00+01:00")) // "2026-11-20"
 */
export const idag = svenskDag;

/**
 * Vehicles for a generated person, from a seeded stream (`hashSeed(seed, "tns", personidentitet)`):
 * one to three vehicles bought as an adult (from 18), some of them sold since.
 *
 * @example
 * genereraFakta(42, "199501019808", "2026-11-20").fordon.length // 1..3
 */
export function genereraFakta(seed: number, personidentitet: string, today: string): TnsFakta {
  const rng = new Rng(hashSeed(seed, "tns", personidentitet));
  const fodd = fodelsedatum(personidentitet);
  const forst = toDays(laggTillManader(fodd, 18 * 12));
  const sist = toDays(today);
  if (Number.isNaN(forst) || forst > sist) return { fordon: [] };
  const antal = rng.int(1, 3);
  const fordonLista: Fordonsinnehav[] = [];
  const regnrAnvanda = new Set<string>();
  for (let i = 0; i < antal; i++) {
    const modell = rng.pick(KATALOG);
    const arIdag = Number(today.slice(0, 4));
    const fordonsar = rng.int(modell.fran, Math.max(modell.fran, Math.min(modell.till, arIdag)));
    // Ownership begins when the vehicle exists and the person is an adult, never after today.
    const tidigast = Math.min(sist, Math.max(forst, toDays(`${fordonsar}-01-01`)));
    const agareFrom = rng.int(tidigast, sist);
    let regnr: string;
    do regnr = `TS${rng.pick([...BOKSTAVER])}${String(rng.int(0, 999)).padStart(3, "0")}`;
    while (regnrAnvanda.has(regnr));
    regnrAnvanda.add(regnr);
    const f: Fordonsinnehav = {
      regnr,
      fabrikat: modell.fabrikat,
      handelsbeteckning: modell.handelsbeteckning,
      fordonsslag: modell.fordonsslag,
      fordonsar,
      agareFrom: fromDays(agareFrom),
    };
    if (agareFrom < sist && rng.chance(0.25)) f.agareTom = fromDays(rng.int(agareFrom, sist - 1));
    fordonLista.push(f);
  }
  return { fordon: fordonLista };
}

/**
 * Transportstyrelsen's facts about a person, or undefined when the register holds nothing (no
 * persona, or TNS not in the persona's `kallor`).
 *
 * @example
 * faktaFor(ctx, ctx.population.medId("bilagare"))?.fordon.map((f) => f.regnr) // ["TST101", "TST102"]
 */
export function faktaFor(ctx: SimulatorContext, persona: Persona | undefined): TnsFakta | undefined {
  if (!persona?.kallor.includes("TNS")) return undefined;
  if (persona.genererad) {
    const dag = idag(ctx.now());
    return minnas(persona, "TNS", ctx.seed, dag, () => genereraFakta(ctx.seed, persona.personidentitet, dag));
  }
  const fakta = FAKTA[persona.id];
  // A named persona with TNS in kallor but no facts is a bug in this file, not a bad question.
  if (!fakta) throw new Error(`TNS has no FAKTA for the named persona ${persona.id}.`);
  return fakta;
}

/**
 * True when the ownership overlaps the period (both ends inclusive).
 *
 * @example
 * agdUnderPerioden(FAKTA.bilagare!.fordon[0]!, { fromDatum: "2017-01-01", tomDatum: "2017-12-31" }) // true
 */
export function agdUnderPerioden(f: Fordonsinnehav, period: Tidsperiod): boolean {
  return f.agareFrom <= period.tomDatum && (f.agareTom === undefined || f.agareTom >= period.fromDatum);
}

/**
 * The answer for a person and period: `resultat` OK with the vehicles owned at some time during
 * the period. A person the register does not know gets OK with an empty `fordonsinnehav`; a
 * person whose register post cannot be read (the fact `fel`) gets FEL with that felresultat; one
 * whose change of owner is not yet registered (the fact `anmarkning`) gets OK with a felresultat.
 * Sekretess changes nothing here: the answer carries no names or addresses.
 *
 * @example
 * svarFor(ctx, ctx.population.medId("bilagare"), { fromDatum: "2026-09-21", tomDatum: "2026-11-20" })
 */
export function svarFor(
  ctx: SimulatorContext,
  persona: Persona | undefined,
  period: Tidsperiod,
): HamtaUppgifterResponse {
  const fakta = faktaFor(ctx, persona);
  if (fakta?.fel !== undefined)
    return { resultat: "FEL", felresultat: [felresultat(fakta.fel)], tillagg: [] };
  const fordon: Fordon[] = (fakta?.fordon ?? [])
    .filter((f) => agdUnderPerioden(f, period))
    .map((f) => ({
      regnr: f.regnr,
      fabrikat: f.fabrikat,
      fordonsar: String(f.fordonsar),
      fordonsslag: f.fordonsslag,
      handelsbeteckning: f.handelsbeteckning,
      tillagg: [],
    }));
  const anmarkning = fakta?.anmarkning !== undefined ? [felresultat(fakta.anmarkning)] : [];
  return { resultat: "OK", fordonsinnehav: { fordon, tillagg: [] }, felresultat: anmarkning, tillagg: [] };
}
