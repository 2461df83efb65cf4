/**
 * LEFI's data: the facts FK and PM hold about each named persona (and generated persons), and the
 * pure function that turns facts + question + aktör + today into a `LefiExternFormansinformationSvar`.
 * Payments fall inside the asked period and after their decision; made payments are up to today,
 * planned ones (preliminära) within the month after; amounts are whole kronor.
 */

import type {
  LefiBarnbidragBeslut,
  LefiBelopp,
  LefiBokstavskod,
  LefiExternFormanGruppKod,
  LefiExternFormansinformationAvvikelser,
  LefiExternFormansinformationFraga,
  LefiExternFormansinformationSvar,
  LefiExternOvrigInformationTypKod,
  LefiFkFormanGruppKod,
  LefiFormansinformation,
  LefiFranTill,
  LefiPeriod,
  LefiPerson,
  LefiPersoninformation,
  LefiPmCivilstandKod,
  LefiPmFormanAnsprak,
  LefiPmFormanBeslut,
  LefiPmFormanBeslutadErsattningTypKod,
  LefiPmFormanBeslutatBeloppFrekvensKod,
  LefiPmFormanBeslutStatusKod,
  LefiPmFormanBeslutTillagg,
  LefiPmFormanBeslutUtfallKod,
  LefiPmFormanGruppKod,
  LefiPmFormanSamordningTypKod,
  LefiPmFormanUtbetalning,
  LefiPmFormanUtbetalningAvdragTypKod,
  LefiPmFormanUtbetalningBeloppTypKod,
  LefiPmFormanUtbetalningRad,
  LefiPmLevnadsintygStatusKod,
  LefiPmOvrigInformation,
  LefiPmOvrigInformationTypKod,
  LefiPmPensionKontoHandelseTypKod,
  LefiPmPensionKontoTransaktionTypKod,
  LefiPmPensionKontoTypKod,
  LefiPmUtbetalningFormanKod,
  LefiSifferkod,
  LefiTillstandKod,
  LefiUtbetalningDetalj,
  LefiUtbetalningUppgift,
  LefiUtlamnareKod,
} from "../../contract/fk/model.js";
import { LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER } from "../../contract/fk/model.js";
import {
  bankdagPaEllerFore,
  dagarFranTill,
  dagarIManad,
  dagarMellan,
  dagIManad,
  dagnummerAv,
  laggTillManader,
  plusDagar,
  svenskDag,
  utbetalningsdag,
  veckodagAv,
} from "../../contract/kalender.js";
import { fodelsedatum, kontrollsiffra } from "../../contract/personidentitet.js";
import { kodverk } from "../../fixtures/kodverk/index.js";
import { berattelseperiod, historiefonster } from "../population/historia.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { BERATTELSE_FAKTA, BERATTELSER, type Berattelseverktyg } from "./berattelser.js";
import { LEFI_KLASSER, type LefiAktor, type LefiKlass } from "./errors.js";
import type {
  FaktaDatum,
  FkBarn,
  FkFakta,
  FkForman,
  FkPersonuppgifter,
  PmErsattning,
  PmFakta,
  PmForman,
} from "./model.js";

// =============================================================================================
// Dates. Everything is a `YYYY-MM-DD` string (UTC arithmetic, no time of day), so answers do
// not depend on the machine's time zone.
// =============================================================================================

const manadStart = (d: string): string => `${d.slice(0, 7)}-01`;
const manadSlut = (d: string): string => `${d.slice(0, 7)}-${String(dagarIManad(d)).padStart(2, "0")}`;
const senast = (a: string, b: string): string => (a > b ? a : b);
const tidigast = (a: string, b: string): string => (a < b ? a : b);
const OPPEN = "9999-12-31";

/** The same day `n` months later (clamped to the month's last day): the shared calendar's. */
const plusManader = laggTillManader;

/** Every day from `fran` to `till`, only weekdays (Monday–Friday) when `dagarPerVecka` is 5. */
function dagar(fran: string, till: string, dagarPerVecka: 5 | 7): string[] {
  return dagarFranTill(fran, till, dagarPerVecka === 5);
}

/**
 * How many days {@link dagar} lists, without listing them: a payment's amount needs only the
 * count, and most payments of a three-year history are never shown.
 */
function antalDagar(fran: string, till: string, dagarPerVecka: 5 | 7): number {
  const a = dagnummerAv(fran);
  const b = dagnummerAv(till);
  if (Number.isNaN(a) || Number.isNaN(b)) return dagar(fran, till, dagarPerVecka).length;
  if (dagarPerVecka === 7) return Math.max(0, b - a + 1);
  let n = 0;
  for (let dn = a; dn <= b; dn++) if (veckodagAv(dn) <= 5) n++;
  return n;
}

/**
 * Today's date in Sweden for a given instant (the shared {@link svenskDag}): the day a question
 * arrives decides which payments are already made (utbetalningar) and which are only planned
 * (preliminära utbetalningar).
 *
 * @example
 * idag(new Date("2026-11-20T10:00:00+01:00")) // "2026-11-20"
 */
export const idag = svenskDag;

/** A fact's date in calendar time, resolved against the story period (never the asked one). */
function losDatum(d: FaktaDatum, period: LefiPeriod): string {
  if (typeof d === "string") return d;
  if ("dagarEfterPeriodstart" in d) return plusDagar(period.from, d.dagarEfterPeriodstart);
  return dagIManad(plusManader(manadStart(period.from), -d.manaderForePeriod), d.dag);
}

// =============================================================================================
// Codes and small LEFI values. Labels come from fixtures/kodverk/lefi.json, so answer and
// kodverk never disagree.
// =============================================================================================

// Label by code per kodverk, built on first use: every answer looks up dozens of labels.
const KODTEXTER = new Map<string, ReadonlyMap<string, string>>();

function kodtext(id: string, kod: string | number): string {
  let texter = KODTEXTER.get(id);
  if (!texter) {
    const ny = new Map<string, string>();
    for (const k of kodverk(`LEFI.${id}`).koder) if (!ny.has(k.kod)) ny.set(k.kod, k.beskrivning);
    texter = ny;
    KODTEXTER.set(id, texter);
  }
  const text = texter.get(String(kod));
  if (text === undefined) throw new Error(`Code ${kod} is not in kodverk LEFI.${id}`);
  return text;
}
const sifferkod = (id: string, kod: number): LefiSifferkod => ({ id: kod, beskrivning: kodtext(id, kod) });
const bokstavskod = (id: string, kod: string): LefiBokstavskod => ({
  id: kod,
  beskrivning: kodtext(id, kod),
});
/** The codes of one LEFI kodverk, typed as the contract's code type where the caller knows it. */
const koder = <K extends string = string>(id: string): K[] =>
  kodverk(`LEFI.${id}`).koder.map((k) => k.kod as K);
const SEK = (summa: number): LefiBelopp => ({ summa, valuta: "SEK" });
const franTill = (fran: string, till?: string): LefiFranTill =>
  till === undefined ? { fran } : { fran, till };
const HEL = { taljare: 1, namnare: 1 };
const pmKod = <K extends string>(id: string, kod: K) => ({ kod, beskrivning: kodtext(id, kod) });
const pmGrupp = (kod: LefiPmFormanGruppKod) => pmKod("Pm.FormanGruppKod", kod);
const levnadsintygsstatus = (kod: number) => ({
  kod: kod as LefiPmLevnadsintygStatusKod,
  beskrivning: kodtext("Pm.LevnadsintygStatusKod", kod),
});

/** A test personnummer (födelsenummer 980–999) with its check digit. */
function testPersonnummer(datum: string, fodelsenummer: string): string {
  const nio = `${datum.slice(2, 4)}${datum.slice(5, 7)}${datum.slice(8, 10)}${fodelsenummer}`;
  return `${datum.slice(0, 4)}${datum.slice(5, 7)}${datum.slice(8, 10)}${fodelsenummer}${kontrollsiffra(nio)}`;
}

// =============================================================================================
// The named personas' facts, from their stories in fixtures/personas/personas.json. Amounts are
// the stories' amounts; dates the stories give relative to "the period" are relative here too.
// =============================================================================================

const SVERIGE = { landkod: "SE", landnamn: "SVERIGE" };

function person(
  civilstand: number,
  gata: string,
  postnummer: string,
  postort: string,
  lan: string,
  kommun: string,
  medborgarskap = [SVERIGE],
): FkPersonuppgifter {
  return {
    civilstand,
    adresser: [
      { utdelningsadress: [gata], postnummer, postort, roll: 1, land: { kod: "SE", namn: "SVERIGE" } },
    ],
    folkbokford: { lan, kommun },
    medborgarskap,
  };
}

const BOB = { id: "BOB", beskrivning: "Bostadsbidrag" };

/**
 * Facts for every named persona whose `kallor` includes FK, keyed by persona id.
 *
 * @example
 * FAKTA["student-bostadsbidrag"].formaner[0].belopp // 1300
 */
export const FAKTA: Readonly<Record<string, FkFakta>> = {
  "student-bostadsbidrag": {
    person: person(1, "Rackarbergsgatan 34 LGH 1203", "75232", "UPPSALA", "03", "80"),
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: { manaderForePeriod: 2, dag: 12 },
        beslutad: { manaderForePeriod: 2, dag: 26 },
        fran: { manaderForePeriod: 1, dag: 1 },
        belopp: 1300,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
      },
    ],
    studiemedelsaviseringar: [
      { typ: 2, fran: { manaderForePeriod: 1, dag: 18 }, tom: { manaderForePeriod: -4, dag: 17 } },
      { typ: 4, fran: { manaderForePeriod: 0, dag: 25 }, tom: { manaderForePeriod: 0, dag: 25 } },
    ],
  },
  "aktivitetsstod-program": {
    person: person(1, "Storgatan 12 B", "90326", "UMEÅ", "24", "80"),
    formaner: [
      {
        typ: "aktivitetsstod",
        grupp: "FK:AS",
        forman: { id: "AKS", beskrivning: "Aktivitetsstöd" },
        startades: "2024-09-17",
        beslutad: "2024-09-27",
        fran: "2024-09-16",
        belopp: 365,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
        atgardstyp: 53,
        program: 53,
        omfattning: [1, 1],
      },
    ],
    programjobdagar: 418,
  },
  "nyanland-etablering": {
    person: person(2, "Kungsgatan 45 LGH 1101", "63220", "ESKILSTUNA", "04", "84", [
      { landkod: "SY", landnamn: "SYRIEN" },
    ]),
    formaner: [
      {
        typ: "etableringsersattning",
        grupp: "FK:ET",
        forman: { id: "ETE", beskrivning: "Etableringsersättning" },
        startades: "2025-08-27",
        beslutad: "2025-09-04",
        fran: "2025-09-01",
        belopp: 308,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 0,
        program: 63,
        omfattning: [1, 1],
        tillagg: [{ forman: "ETT", beskrivning: "Etableringstillägg", belopp: 1600, skatteprocent: 0 }],
      },
    ],
  },
  "pensionar-bostadstillagg": {
    person: person(5, "Björkvägen 3", "82141", "BOLLNÄS", "21", "83"),
    formaner: [],
    pension: {
      skatteprocent: 22,
      levnadsintygsstatus: 24,
      inkomstpensionskonto: 0,
      premiepensionskonto: 148_300,
      pensionsgrundandeInkomst: { "2009": 268_400, "2010": 274_100, "2011": 281_900 },
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2012-0047113",
          ankomstdatum: "2012-03-15",
          beslutsid: "BES-AP-2012-0091822",
          beslutsdatum: "2012-05-03",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2012-07-01",
          civilstand: "OGIFT",
          ersattningar: [
            { typ: "PM:IP", belopp: 6930, utbetalningsforman: "PM:AP38", beloppstyp: "PM:IP" },
            { typ: "PM:GARP", belopp: 2920, utbetalningsforman: "PM:AP38", beloppstyp: "PM:GARP" },
          ],
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-2012-0052240",
          ankomstdatum: "2012-05-21",
          beslutsid: "BES-BT-2012-0103317",
          beslutsdatum: "2012-06-12",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2012-07-01",
          bostadskostnad: 6850,
          ersattningar: [
            {
              typ: "PM:BT",
              belopp: 4120,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:BTP",
              skattefri: true,
            },
          ],
        },
      ],
    },
  },
  "foralder-barnfamilj": {
    person: person(5, "Solrosvägen 8", "59133", "MOTALA", "05", "83"),
    barn: [
      { fornamn: "Elsa", efternamn: "Holm", fodelsedatum: "2013-04-11", fodelsenummer: "982" },
      { fornamn: "Liam", efternamn: "Holm", fodelsedatum: "2016-09-02", fodelsenummer: "991" },
      { fornamn: "Maja", efternamn: "Holm", fodelsedatum: "2025-03-18", fodelsenummer: "984" },
    ],
    formaner: [
      {
        typ: "barnbidrag",
        grupp: "FK:ABB",
        forman: { id: "ABB", beskrivning: "Allmänt barnbidrag" },
        // The flerbarnstillägg for three children was decided when the third child was born.
        startades: "2025-03-25",
        beslutad: "2025-04-02",
        fran: "2025-04-01",
        belopp: 1250,
        per: "manad",
        betalare: "FK_BARNBIDRAG",
        skatteprocent: 0,
        barn: [0, 1, 2],
        tillagg: [{ forman: "FBT", beskrivning: "Flerbarnstillägg", belopp: 730, skatteprocent: 0 }],
      },
      {
        typ: "underhallsstod",
        grupp: "FK:US",
        forman: { id: "UH", beskrivning: "Underhållsstöd" },
        startades: "2019-01-03",
        beslutad: "2019-01-18",
        fran: "2019-02-01",
        belopp: 1673,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
        barn: [0, 1],
      },
      {
        typ: "foraldrapenning",
        grupp: "FK:FP",
        forman: { id: "FP", beskrivning: "Föräldrapenning" },
        startades: { manaderForePeriod: 1, dag: 3 },
        beslutad: { manaderForePeriod: 1, dag: 3 },
        fran: { dagarEfterPeriodstart: 0 },
        tom: { dagarEfterPeriodstart: 27 },
        belopp: 912,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
        barn: [2],
        omfattning: [1, 1],
      },
    ],
  },
  "skyddad-identitet": {
    person: person(1, "Box 4471", "11194", "STOCKHOLM", "01", "80"),
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: { manaderForePeriod: 7, dag: 8 },
        beslutad: { manaderForePeriod: 7, dag: 22 },
        fran: { manaderForePeriod: 6, dag: 1 },
        belopp: 2100,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
      },
    ],
    // She worked as a care assistant before komvux; her SGI is kept during the studies (studietid).
    sgi: { arsinkomst: 286_000, faststalld: "2024-12-16", typ: 1 },
  },
  "csn-ingen-post-sjukpenning": {
    person: person(1, "Ängsvägen 21", "70362", "ÖREBRO", "18", "80"),
    formaner: [
      {
        typ: "sjukpenning",
        grupp: "FK:SJP",
        forman: { id: "SJP", beskrivning: "Sjukpenning" },
        startades: { manaderForePeriod: 1, dag: 6 },
        beslutad: { manaderForePeriod: 1, dag: 6 },
        fran: { manaderForePeriod: 1, dag: 4 },
        belopp: 812,
        per: "dag",
        dagarPerVecka: 7,
        betalare: "FK",
        skatteprocent: 30,
        omfattning: [1, 1],
      },
    ],
    sgi: { arsinkomst: 370_900, faststalld: { manaderForePeriod: 1, dag: 6 } },
  },
  "sjukersattning-bil": {
    person: person(6, "Hantverkargatan 5", "41271", "GÖTEBORG", "14", "80"),
    formaner: [
      {
        typ: "sjukersattning",
        grupp: "FK:SA",
        forman: { id: "SE", beskrivning: "Sjukersättning" },
        delforman: { id: "GAR", beskrivning: "Garantiersättning" },
        startades: "2018-11-22",
        beslutad: "2019-04-10",
        fran: "2019-05-01",
        belopp: 11_840,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 25,
        omfattning: [1, 1],
      },
      {
        typ: "bostadstillagg",
        grupp: "FK:BST",
        forman: { id: "BTS", beskrivning: "Bostadstillägg" },
        startades: "2019-04-15",
        beslutad: "2019-05-20",
        fran: "2019-06-01",
        belopp: 4350,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 0,
      },
    ],
  },
  "aktivitetsersattning-ung": {
    person: person(1, "Vallgatan 2 LGH 1001", "50330", "BORÅS", "14", "90"),
    formaner: [
      {
        typ: "aktivitetsersattning",
        grupp: "FK:SA",
        forman: { id: "AE", beskrivning: "Aktivitetsersättning" },
        delforman: { id: "GAR", beskrivning: "Garantiersättning" },
        startades: "2022-12-05",
        beslutad: "2023-02-08",
        fran: "2023-03-01",
        belopp: 10_360,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 18,
        omfattning: [1, 1],
      },
    ],
    // Not in the story: some named persona must show the FELANDE state, and Wilma has nothing at PM to lose.
    tillstand: { PM: "FELANDE" },
  },
  "hemutrustningslan-put": {
    person: person(2, "Norra vägen 17 LGH 1002", "39234", "KALMAR", "08", "80", [
      { landkod: "ER", landnamn: "ERITREA" },
    ]),
    formaner: [
      {
        typ: "etableringsersattning",
        grupp: "FK:ET",
        forman: { id: "ETE", beskrivning: "Etableringsersättning" },
        startades: "2025-01-14",
        beslutad: "2025-01-20",
        fran: "2025-01-13",
        belopp: 308,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 0,
        program: 63,
        omfattning: [1, 1],
      },
    ],
  },
  efterlevande: {
    person: person(7, "Lindgatan 9", "26133", "LANDSKRONA", "12", "82"),
    formaner: [],
    pension: {
      skatteprocent: 26,
      levnadsintygsstatus: 24,
      inkomstpensionskonto: 0,
      premiepensionskonto: 212_700,
      pensionsgrundandeInkomst: { "2017": 402_300, "2018": 411_800, "2019": 399_500 },
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2019-0310557",
          ankomstdatum: "2019-11-04",
          beslutsid: "BES-AP-2019-0402218",
          beslutsdatum: "2019-12-12",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2020-02-01",
          civilstand: "OGIFT",
          ersattningar: [
            { typ: "PM:IP", belopp: 10_150, utbetalningsforman: "PM:AP38", beloppstyp: "PM:IP" },
            { typ: "PM:PREP", belopp: 1240, utbetalningsforman: "PM:PREP", beloppstyp: "PM:PFO" },
          ],
        },
        {
          grupp: "PM:EF",
          ansprakid: "ANS-EF-0000-0000001",
          ankomstdatum: { manaderForePeriod: 5, dag: 2 },
          beslutsid: "BES-EF-0000-0000001",
          beslutsdatum: { manaderForePeriod: 4, dag: 16 },
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: { manaderForePeriod: 5, dag: 1 },
          ersattningar: [{ typ: "PM:OP", belopp: 6460, utbetalningsforman: "PM:EP", beloppstyp: "PM:OP" }],
          avliden: {
            personnummer: testPersonnummer("1952-03-14", "987"),
            fodelsedatum: "1952-03-14",
            dodsfallsdatum: { manaderForePeriod: 6, dag: 14 },
          },
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-0000-0000002",
          ankomstdatum: { manaderForePeriod: 3, dag: 2 },
          beslutsid: "BES-BT-0000-0000002",
          beslutsdatum: { manaderForePeriod: 2, dag: 16 },
          status: "SLUTLIGT",
          utfall: "AVSLAG",
          fran: { manaderForePeriod: 2, dag: 1 },
          bostadskostnad: 7900,
          ersattningar: [],
        },
      ],
    },
  },
  "fk-otillganglig": {
    person: person(1, "Furuvägen 11", "86136", "TIMRÅ", "22", "62"),
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: "2024-02-05",
        beslutad: "2024-02-19",
        fran: "2024-03-01",
        belopp: 1650,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
      },
    ],
    tillstand: { PM: "OTILLGANGLIG" },
    // FK answers, but its SGI register fails for this person: one INTERNT_FEL avvikelse.
    interntFel: ["FK:SGI"],
  },
  "hela-kedjan": {
    person: person(3, "Tallvägen 4", "85350", "SUNDSVALL", "22", "81"),
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: { manaderForePeriod: 4, dag: 3 },
        beslutad: { manaderForePeriod: 4, dag: 17 },
        fran: { manaderForePeriod: 3, dag: 1 },
        belopp: 1900,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
      },
    ],
  },
  kodtackning: {
    person: {
      civilstand: 0,
      adresser: [
        { utdelningsadress: ["c/o Testsson", "Box 1"], postnummer: "10005", postort: "STOCKHOLM", roll: 2 },
        {
          utdelningsadress: ["Testgatan 1 LGH 1001"],
          postnummer: "10005",
          postort: "STOCKHOLM",
          roll: 1,
          land: { kod: "SE", namn: "SVERIGE" },
        },
        {
          utdelningsadress: ["Testveien 1"],
          postnummer: "0150",
          postort: "OSLO",
          roll: 3,
          land: { kod: "NO", namn: "NORGE" },
        },
      ],
      folkbokford: { lan: "01", kommun: "80" },
      medborgarskap: [SVERIGE, { landkod: "NO", landnamn: "NORGE", datum: "2015-06-01" }],
    },
    barn: [{ fornamn: "Test", efternamn: "Allakoder", fodelsedatum: "2020-02-02", fodelsenummer: "985" }],
    formaner: [],
    kodtackning: true,
  },
  "sekretess-pensionar": {
    person: person(4, "Box 2211", "40314", "GÖTEBORG", "14", "80"),
    formaner: [
      {
        typ: "bostadstillagg",
        grupp: "FK:BST",
        forman: { id: "BTS", beskrivning: "Bostadstillägg" },
        startades: "2016-02-15",
        beslutad: "2016-03-14",
        fran: "2016-04-01",
        belopp: 3900,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 0,
      },
    ],
    pension: {
      skatteprocent: 20,
      levnadsintygsstatus: 24,
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2025-0188410",
          ankomstdatum: "2025-04-07",
          beslutsid: "BES-AP-2025-0201377",
          beslutsdatum: "2025-06-10",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2025-08-01",
          civilstand: "OGIFT",
          ersattningar: [
            { typ: "PM:GARP", belopp: 9010, utbetalningsforman: "PM:AP38", beloppstyp: "PM:GARP" },
            { typ: "PM:IP", belopp: 2310, utbetalningsforman: "PM:AP38", beloppstyp: "PM:IP" },
          ],
        },
      ],
    },
  },
  // The personas whose stories carry the LEFI contract (berattelser.ts).
  ...BERATTELSE_FAKTA,
};

// =============================================================================================
// Generated persons (any well-formed personidentitet that is not a named persona).
// =============================================================================================

const ORTER = [
  { gata: "Skolgatan", postnummer: "57131", postort: "NÄSSJÖ", lan: "06", kommun: "82" },
  { gata: "Parkvägen", postnummer: "96133", postort: "BODEN", lan: "25", kommun: "82" },
  { gata: "Kyrkogatan", postnummer: "68130", postort: "KRISTINEHAMN", lan: "17", kommun: "81" },
  { gata: "Järnvägsgatan", postnummer: "73130", postort: "KÖPING", lan: "19", kommun: "83" },
  { gata: "Åsgatan", postnummer: "79131", postort: "FALUN", lan: "20", kommun: "80" },
];

/**
 * Facts for a generated person who has FK in `kallor`: a few common benefits with amounts drawn
 * from `Rng(hashSeed(seed, "fk", personidentitet))`. Pensioners (born before 1960) get allmän
 * pension from PM.
 */
function genereradeFakta(persona: Persona, seed: number): FkFakta {
  const rng = new Rng(hashSeed(seed, "fk", persona.personidentitet));
  const ort = rng.pick(ORTER);
  const fakta: FkFakta = {
    person: {
      civilstand: rng.pick([1, 1, 2, 5, 7]),
      adresser: [
        {
          utdelningsadress: [`${ort.gata} ${rng.int(1, 60)}`],
          postnummer: ort.postnummer,
          postort: ort.postort,
          roll: 1,
          land: { kod: "SE", namn: "SVERIGE" },
        },
      ],
      folkbokford: { lan: ort.lan, kommun: ort.kommun },
      medborgarskap: [SVERIGE],
    },
    formaner: [],
  };
  const fodd = Number(persona.personidentitet.slice(0, 4));
  const manader = rng.int(2, 30);
  const start = { manaderForePeriod: manader, dag: 1 };
  const beslut = { manaderForePeriod: manader + 1, dag: rng.int(5, 25) };
  if (fodd < 1960) {
    fakta.pension = {
      skatteprocent: rng.int(18, 28),
      levnadsintygsstatus: 24,
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: `ANS-AP-${persona.personidentitet.slice(0, 8)}`,
          ankomstdatum: { manaderForePeriod: manader + 3, dag: 10 },
          beslutsid: `BES-AP-${persona.personidentitet.slice(0, 8)}`,
          beslutsdatum: beslut,
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: start,
          civilstand: fakta.person.civilstand === 2 ? "GIFT" : "OGIFT",
          ersattningar: [
            {
              typ: "PM:IP",
              belopp: rng.int(40, 160) * 100,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:IP",
            },
            {
              typ: "PM:GARP",
              belopp: rng.int(0, 30) * 100,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:GARP",
            },
          ],
        },
      ],
    };
    return fakta;
  }
  const mojliga: FkForman[] = [
    {
      typ: "bostadsbidrag",
      grupp: "FK:BOB",
      forman: BOB,
      startades: beslut,
      beslutad: beslut,
      fran: start,
      belopp: rng.int(8, 40) * 50,
      per: "manad",
      betalare: "FK_BOSTADSBIDRAG",
      skatteprocent: 0,
    },
    {
      typ: "sjukpenning",
      grupp: "FK:SJP",
      forman: { id: "SJP", beskrivning: "Sjukpenning" },
      startades: beslut,
      beslutad: beslut,
      fran: start,
      belopp: rng.int(400, 1200),
      per: "dag",
      dagarPerVecka: 7,
      betalare: "FK",
      skatteprocent: 30,
      omfattning: [1, 1],
    },
    {
      typ: "aktivitetsstod",
      grupp: "FK:AS",
      forman: { id: "AKS", beskrivning: "Aktivitetsstöd" },
      startades: beslut,
      beslutad: beslut,
      fran: start,
      belopp: rng.pick([223, 365, 510, 680]),
      per: "dag",
      dagarPerVecka: 5,
      betalare: "FK",
      skatteprocent: 30,
      atgardstyp: 53,
      program: 53,
      omfattning: [1, 1],
    },
    {
      typ: "sjukersattning",
      grupp: "FK:SA",
      forman: { id: "SE", beskrivning: "Sjukersättning" },
      delforman: { id: "GAR", beskrivning: "Garantiersättning" },
      startades: beslut,
      beslutad: beslut,
      fran: start,
      belopp: rng.int(100, 125) * 100,
      per: "manad",
      betalare: "FK_SJUKERSATTNING",
      skatteprocent: 25,
      omfattning: [1, 1],
    },
  ];
  const antal = rng.int(1, 2);
  for (let n = 0; n < antal; n++) {
    const f = rng.pick(mojliga);
    if (!fakta.formaner.some((x) => x.typ === f.typ)) fakta.formaner.push(f);
  }
  return fakta;
}

/**
 * FK's and PM's facts about a person: the named persona's {@link FAKTA}, generated facts for a
 * generated person, or undefined when the person is not in `kallor` (or unknown) — then LEFI
 * answers OK without any information.
 *
 * @example
 * faktaFor(population.hitta("200304129810"), 42)?.formaner[0].grupp // "FK:BOB"
 */
export function faktaFor(persona: Persona | undefined, seed: number): FkFakta | undefined {
  if (!persona?.kallor.includes("FK")) return undefined;
  if (!persona.genererad) return FAKTA[persona.id];
  return genereradeFakta(persona, seed);
}

// =============================================================================================
// From facts to LEFI structures ("underlag"), tagged with the code a question must name.
// =============================================================================================

export type FkNyckel = Exclude<
  keyof LefiFormansinformation,
  "utbetalningsuppgift" | "preliminarautbetalningar"
>;
type Post<K extends FkNyckel> = NonNullable<LefiFormansinformation[K]>[number];

/** One entry of `formansinformation`, with the förmånsgrupp or informationstyp that reveals it. */
export type FkBidrag = {
  [K in FkNyckel]: { kod: LefiFkFormanGruppKod | LefiExternOvrigInformationTypKod; nyckel: K; post: Post<K> };
}[FkNyckel];

interface FkUtbetalning {
  kod: LefiFkFormanGruppKod;
  preliminar: boolean;
  uppgift: LefiUtbetalningUppgift;
}

/** One row of a PM payment with the deductions that belong to it (so filtering keeps sums right). */
interface PmRad {
  rad: LefiPmFormanUtbetalningRad & { formansgrupp: { kod: LefiPmFormanGruppKod; beskrivning: string } };
  avdrag: { typ: LefiPmFormanUtbetalningAvdragTypKod; belopp: number }[];
}

interface PmUtbetalning {
  datum: string;
  period: LefiPeriod;
  preliminar: boolean;
  rader: PmRad[];
}

/** Everything FK and PM could tell about the person for the asked period, before the question's filter. */
interface Underlag {
  fk: FkBidrag[];
  fkUtbetalningar: FkUtbetalning[];
  ansprak: LefiPmFormanAnsprak[];
  beslut: LefiPmFormanBeslut[];
  pmUtbetalningar: PmUtbetalning[];
  pmOvrigt: LefiPmOvrigInformation[];
}

/** What a builder needs besides the facts. */
interface Lage {
  /** The asked period: it only picks what is shown. */
  period: LefiPeriod;
  /** The story period the facts' relative dates count from (`berattelseperiod`). */
  berattelse: LefiPeriod;
  /** The whole span of the person's history (`historiefonster`): payments are laid out over it. */
  fonster: LefiPeriod;
  idag: string;
  persona: Persona;
  fakta: FkFakta;
}

const sekretess = (l: Lage): boolean => l.persona.sekretess;

function barnPerson(l: Lage, b: FkBarn): LefiPerson {
  const p: LefiPerson = {
    personnummer: testPersonnummer(b.fodelsedatum, b.fodelsenummer),
    foddes: b.fodelsedatum,
  };
  if (!sekretess(l)) p.namn = `${b.fornamn} ${b.efternamn}`;
  p.skyddad = sekretess(l);
  return p;
}

/** One payment of an FK benefit. */
interface Betalning {
  datum: string;
  /** The decision behind a payment of a per-claim benefit (sjukpenning, föräldrapenning). */
  fattades: string;
  fran: string;
  till: string;
  /** Compensated days (day benefits; 0 for monthly ones): listed by {@link ersattaDagar} when shown. */
  antalDagar: number;
  brutto: number;
  /** Share of the month covered (for monthly tillägg). */
  andel: number;
  preliminar: boolean;
}

/**
 * The monthly underhållsstöd for one child in month `m` when the amount steps with age: the
 * step of the month after the child turned its `fran` (or `f.belopp` before the first step).
 */
function aldersbelopp(f: FkForman, b: FkBarn, m: string): number {
  let belopp = f.belopp;
  for (const steg of f.aldersstegar ?? [])
    if (manadStart(m) >= plusManader(manadStart(b.fodelsedatum), steg.fran * 12 + 1)) belopp = steg.belopp;
  return belopp;
}

/** Benefits decided claim by claim: each payment has its own decision a few days before. */
const PER_ANSPRAK = new Set(["sjukpenning", "foraldrapenning"]);

/**
 * The payments of an FK benefit in the person's history that fall in the months `manader.fran`
 * to `manader.till`: made (datum ≤ today) or planned within the next month (preliminary), on the
 * payer's payment day (contract/kalender.ts), which lies in the month it pays for. Monthly
 * benefits pay the current month, day benefits the previous month's compensated days (in
 * arrears). No payment before the decision. Each month's payment is the same whichever months
 * are asked for: the range only spares computing the history's other months.
 */
function betalningar(f: FkForman, l: Lage, manader: { fran: string; till: string }): Betalning[] {
  const period = l.fonster;
  const fran = losDatum(f.fran, l.berattelse);
  const tom = f.tom ? losDatum(f.tom, l.berattelse) : OPPEN;
  const beslutad = losDatum(f.beslutad, l.berattelse);
  const faktor = f.typ === "barnbidrag" || f.typ === "underhallsstod" ? (f.barn?.length ?? 1) : 1;
  const barn = (f.barn ?? []).map((i) => l.fakta.barn?.[i]).filter((b): b is FkBarn => b !== undefined);
  const manadsbelopp = (m: string): number =>
    f.aldersstegar ? barn.reduce((s, b) => s + aldersbelopp(f, b, m), 0) : f.belopp * faktor;
  const out: Betalning[] = [];
  // Only the months that can pay: from the month before the benefit starts (paid in arrears) to
  // a month after today (planned payments) or the month after it ends.
  const forsta = senast(manadStart(plusManader(senast(period.from, fran), -1)), manadStart(manader.fran));
  const sista = tidigast(
    tidigast(period.tom, manadSlut(manader.till)),
    tidigast(plusDagar(l.idag, 31), tom === OPPEN ? OPPEN : plusManader(tom, 1)),
  );
  for (let m = forsta; m <= sista; m = plusManader(m, 1)) {
    const datum = utbetalningsdag(f.betalare, m);
    if (datum < period.from || datum > period.tom || datum <= beslutad) continue;
    const preliminar = datum > l.idag;
    if (preliminar && datum > plusDagar(l.idag, 31)) continue;
    const fattades = PER_ANSPRAK.has(f.typ) ? bankdagPaEllerFore(plusDagar(datum, -4)) : beslutad;
    if (fattades > l.idag) continue;
    const avser = f.per === "manad" ? m : plusManader(m, -1);
    const pFran = senast(avser, fran);
    const pTill = tidigast(manadSlut(avser), tom);
    if (pFran > pTill) continue;
    const kalenderdagar = dagarMellan(pFran, pTill) + 1;
    const andel = kalenderdagar / dagarIManad(avser);
    const ersatta = f.per === "dag" ? antalDagar(pFran, pTill, f.dagarPerVecka ?? 7) : 0;
    const brutto = f.per === "dag" ? ersatta * f.belopp : Math.round(manadsbelopp(avser) * andel);
    if (brutto <= 0) continue;
    out.push({ datum, fattades, fran: pFran, till: pTill, antalDagar: ersatta, brutto, andel, preliminar });
  }
  return out;
}

/** The compensated days of one payment (none for a monthly benefit). */
function ersattaDagar(f: FkForman, b: Betalning): string[] {
  return f.per === "dag" ? dagar(b.fran, b.till, f.dagarPerVecka ?? 7) : [];
}

function fkUppgift(f: FkForman, b: Betalning, l: Lage): LefiUtbetalningUppgift {
  const period = franTill(b.fran, b.till);
  const detaljer: LefiUtbetalningDetalj[] = [
    {
      forman: { id: f.forman.id, beskrivning: f.forman.beskrivning },
      period,
      ...(f.omfattning ? { omfattning: { taljare: f.omfattning[0], namnare: f.omfattning[1] } } : {}),
      ...(f.per === "dag" ? { dagar: b.antalDagar } : {}),
      bruttobelopp: SEK(b.brutto),
    },
  ];
  let brutto = b.brutto;
  let skatt = Math.round((b.brutto * f.skatteprocent) / 100);
  for (const t of f.tillagg ?? []) {
    const belopp = Math.round(t.belopp * b.andel);
    brutto += belopp;
    skatt += Math.round((belopp * t.skatteprocent) / 100);
    detaljer.push({
      forman: { id: t.forman, beskrivning: t.beskrivning },
      period,
      bruttobelopp: SEK(belopp),
    });
  }
  if (skatt > 0)
    detaljer.push({
      forman: { id: f.forman.id, beskrivning: f.forman.beskrivning },
      period,
      beloppstyp: bokstavskod("Utbetalning.Avdragstyp", "PS"),
      skattebelopp: SEK(skatt),
    });
  let ovrigt = 0;
  for (const a of f.avdrag ?? []) {
    if (a.fran !== undefined && b.datum < losDatum(a.fran, l.berattelse)) continue;
    if (a.tom !== undefined && b.datum > losDatum(a.tom, l.berattelse)) continue;
    const belopp = Math.min(a.belopp, brutto - skatt - ovrigt);
    if (belopp <= 0) continue;
    // Tax-like deductions (särskild inkomstskatt, tax of earlier years) are skattebelopp, the rest avdragsbelopp.
    const somSkatt = ["PS", "PST", "SS", "SST"].includes(a.typ);
    if (somSkatt) skatt += belopp;
    else ovrigt += belopp;
    detaljer.push({
      forman: { id: f.forman.id, beskrivning: f.forman.beskrivning },
      period,
      beloppstyp: bokstavskod("Utbetalning.Avdragstyp", a.typ),
      ...(somSkatt ? { skattebelopp: SEK(belopp) } : { avdragsbelopp: SEK(belopp) }),
    });
  }
  return {
    typ: sifferkod("Utbetalning.Typ", f.utbetalningstyp ?? (f.per === "manad" ? 1 : 2)),
    foretag: sifferkod("Utbetalning.Foretag", f.foretag ?? 1001),
    formansfamilj: { id: f.forman.id, beskrivning: f.forman.beskrivning },
    datum: b.datum,
    period,
    bruttobelopp: SEK(brutto),
    skattebelopp: SEK(skatt),
    // LEFI counts the tax as a deduction too.
    avdragsbelopp: SEK(skatt + ovrigt),
    nettobelopp: SEK(brutto - skatt - ovrigt),
    utbetalningsdetalj: detaljer,
  };
}

/** What every FK decision about a monthly or daily amount has in common. */
interface BeslutGrund {
  fattades: string;
  definitivt: boolean;
  forman: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet: LefiSifferkod;
  period: LefiFranTill;
  beslutatBruttobelopp: LefiBelopp;
}

/** The FK ärenden, program data and payments of one benefit. */
function fkFormanUnderlag(f: FkForman, l: Lage, u: Underlag): void {
  const { period } = l;
  const fran = losDatum(f.fran, l.berattelse);
  const tom = f.tom ? losDatum(f.tom, l.berattelse) : undefined;
  const beslutad = losDatum(f.beslutad, l.berattelse);
  const startades = losDatum(f.startades, l.berattelse);
  // A generated person draws no benefit before turning 18: nothing before it can have happened.
  if (l.persona.genererad && fran < plusManader(fodelsedatum(l.persona.personidentitet), 18 * 12)) return;
  // Only decisions already made, about a time that touches the asked period.
  if (beslutad > l.idag || fran > period.tom || (tom !== undefined && tom < period.from)) return;
  const aktivt = tom === undefined || tom >= l.idag;
  // The payments made in the asked period, and (in arrears) in the month after it: those are all
  // whose days can reach into the period.
  const alla = betalningar(f, l, { fran: period.from, till: plusManader(period.tom, 1) });
  const bet = alla.filter((b) => b.datum >= period.from && b.datum <= period.tom);
  for (const b of bet)
    u.fkUtbetalningar.push({ kod: f.grupp, preliminar: b.preliminar, uppgift: fkUppgift(f, b, l) });
  const periodicitet = sifferkod("Periodicitet", f.periodicitet ?? 1);
  const beslutGrund: BeslutGrund = {
    fattades: beslutad,
    definitivt: true,
    forman: { ...f.forman },
    ...(f.delforman ? { delforman: { ...f.delforman } } : {}),
    periodicitet,
    period: franTill(fran, tom),
    beslutatBruttobelopp: SEK(f.belopp),
  };
  const omfattning = f.omfattning ? { taljare: f.omfattning[0], namnare: f.omfattning[1] } : HEL;
  const barn = (f.barn ?? []).map((i) => l.fakta.barn?.[i]).filter((b): b is FkBarn => b !== undefined);
  // Days already compensated inside the asked period (programs report day by day).
  const passeradeDagar = (): string[] =>
    dagar(senast(fran, period.from), tidigast(tom ?? OPPEN, tidigast(period.tom, l.idag)), 5);

  const medsokande = (f.medsokande ?? [])
    .map((i) => l.fakta.person.samhorig?.[i])
    .filter((b): b is FkBarn => b !== undefined)
    .map((b) => barnPerson(l, b));
  const barnAv = (index: number[] | undefined) =>
    (index ?? []).map((i) => l.fakta.barn?.[i]).filter((b): b is FkBarn => b !== undefined);
  const bu = f.underlag;
  const listaOm = <T>(nyckel: string, v: T[]): Record<string, T[]> => (v.length > 0 ? { [nyckel]: v } : {});
  const belopp = (nyckel: string, v: number | undefined): Record<string, LefiBelopp> =>
    v === undefined ? {} : { [nyckel]: SEK(v) };

  switch (f.typ) {
    case "berattelse":
      // The ärende is told by the persona's story (berattelser.ts); only the payments are laid out here.
      return;
    case "bostadsbidrag":
      u.fk.push({
        kod: f.grupp,
        nyckel: "bostadsbidragsarende",
        post: {
          startades,
          aktivt,
          avslaget: false,
          ...listaOm("medsokande", medsokande),
          beslut: [
            {
              ...beslutGrund,
              ...(bu
                ? {
                    underlag: {
                      ...belopp("reduceradBostadskostnad", bu.reduceradBostadskostnad),
                      ...belopp("totalBostadskostnad", bu.totalBostadskostnad),
                      ...listaOm("inkomster", (bu.inkomster ?? []).map(SEK)),
                      ...listaOm(
                        "hemmavarandeBarn",
                        barnAv(bu.hemmavarandeBarn).map((b) => barnPerson(l, b)),
                      ),
                      ...listaOm(
                        "tidvisboendeBarn",
                        barnAv(bu.tidvisboendeBarn).map((b) => barnPerson(l, b)),
                      ),
                      ...listaOm(
                        "vaxelvisboendeBarn",
                        barnAv(bu.vaxelvisboendeBarn).map((b) => barnPerson(l, b)),
                      ),
                    },
                  }
                : {}),
            },
          ],
        },
      });
      return;
    case "bostadstillagg":
      u.fk.push({
        kod: f.grupp,
        nyckel: "bostadstillaggsarende",
        post: {
          startades,
          aktivt,
          avslaget: false,
          ...listaOm("medsokande", medsokande),
          beslut: [
            {
              ...beslutGrund,
              ...(bu
                ? {
                    underlag: {
                      ...belopp("arsbruttokostnad", bu.arsbruttokostnad),
                      ...belopp("bostadstillaggsnettokostnad", bu.bostadstillaggsnettokostnad),
                      ...belopp("forsorjningsstodsarsnettokostnad", bu.forsorjningsstodsarsnettokostnad),
                    },
                  }
                : {}),
            },
          ],
        },
      });
      return;
    case "barnbidrag":
      barn.forEach((b, index) => {
        const bidragFran = manadStart(plusManader(b.fodelsedatum, 1));
        const beslut: LefiBarnbidragBeslut[] = [
          {
            fattades: bankdagPaEllerFore(plusDagar(b.fodelsedatum, 21)),
            definitivt: true,
            forman: { ...f.forman },
            periodicitet,
            period: franTill(bidragFran, plusDagar(manadStart(plusManader(b.fodelsedatum, 16 * 12)), -1)),
            beslutatBruttobelopp: SEK(f.belopp),
            underlag: { skolgang: false, myndighetsplacering: false },
          },
        ];
        if (index === 0)
          for (const t of f.tillagg ?? [])
            beslut.push({
              fattades: beslutad,
              definitivt: true,
              forman: { ...f.forman },
              delforman: { id: t.forman, beskrivning: t.beskrivning },
              periodicitet,
              period: franTill(fran, tom),
              beslutatBruttobelopp: SEK(t.belopp),
            });
        u.fk.push({
          kod: f.grupp,
          nyckel: "barnbidragsarende",
          post: { grunduppgifter: { barn: barnPerson(l, b) }, beslut },
        });
      });
      return;
    case "underhallsstod":
      barn.forEach((b, index) => {
        const ersattning = sifferkod("Underhallsstod.Ersattning", f.ersattningPerBarn?.[index] ?? 1);
        u.fk.push({
          kod: f.grupp,
          nyckel: "underhallsstodsmottag",
          post: {
            startades,
            aktivt,
            avslaget: false,
            grunduppgifter: { barn: barnPerson(l, b) },
            beslut: f.aldersstegar
              ? aldersbeslut(f, b, beslutGrund, l).map((x) => ({ ...x, ersattning }))
              : [{ ...beslutGrund, ersattning }],
          },
        });
      });
      return;
    case "foraldrapenning": {
      // Only payments whose days reach into the asked period can take a day from the claim.
      const beslutadeDagar = new Set(
        alla
          .filter((b) => !b.preliminar && b.till >= period.from && b.fran <= period.tom)
          .flatMap((b) => ersattaDagar(f, b)),
      );
      const anspraksdagar = dagar(senast(fran, period.from), tidigast(tom ?? OPPEN, period.tom), 5)
        .filter((d) => !beslutadeDagar.has(d))
        .map((dag) => ({ dag, niva: bokstavskod("Foraldrapenning.Niva", "S"), omfattning }));
      u.fk.push({
        kod: f.grupp,
        nyckel: "foraldrapenningarende",
        post: {
          startades,
          aktivt,
          avslaget: false,
          ...(barn[0] ? { grunduppgifter: { barn: barnPerson(l, barn[0]) } } : {}),
          beslut: bet.map((b) => ({
            fattades: b.fattades,
            definitivt: true,
            forman: { ...f.forman },
            period: franTill(b.fran, b.till),
            omfattning,
            dagar: b.antalDagar,
            ersattning: sifferkod("Foraldrapenning.Ersattning", 3),
            ersattningsdagar: ersattaDagar(f, b).map((dag) => ({
              dag,
              niva: bokstavskod("Foraldrapenning.Niva", "S"),
              bruttobelopp: SEK(f.belopp),
            })),
          })),
          ...(anspraksdagar.length > 0 ? { anspraksdagar } : {}),
        },
      });
      return;
    }
    case "sjukpenning":
      u.fk.push({
        kod: f.grupp,
        nyckel: "sjukpenningarende",
        post: {
          startades,
          aktivt,
          beslut: bet.map((b, i) => ({
            fattades: b.fattades,
            definitivt: true,
            forman: { ...f.forman },
            period: franTill(b.fran, b.till),
            omfattning,
            dagar: b.antalDagar,
            karens: false,
            beslutsutfall: "Bifall",
            beslutstyp: i === 0 && b.fran === fran ? "Grundbeslut" : "Fortsättningsbeslut",
            ersattning: "Sjukpenning",
            ersattningsniva: "Normalnivå",
            ersattningsdagar: ersattaDagar(f, b).map((d) => ({
              ersattningsdatum: d,
              ersattningsbelopp: SEK(f.belopp),
            })),
          })),
        },
      });
      return;
    case "sjukersattning":
    case "aktivitetsersattning":
      u.fk.push({
        kod: f.grupp,
        nyckel: "sjukOchAktivitetsersattningsarende",
        post: {
          startades,
          aktivt,
          avslaget: false,
          grunduppgifter: { forsakringstid: [{ taljare: 40, namnare: 40 }] },
          beslut: [{ ...beslutGrund, omfattning }],
        },
      });
      return;
    case "aktivitetsstod":
      u.fk.push({
        kod: f.grupp,
        nyckel: "aktivitetsstodsarende",
        post: {
          startades,
          aktivt,
          avslaget: false,
          grunduppgifter: { atgardstyp: sifferkod("Aktivitetsstod.Atgardstyp", f.atgardstyp ?? 99) },
          beslut: [{ ...beslutGrund, karens: false, ersattning: sifferkod("Aktivitetsstod.Ersattning", 1) }],
        },
      });
      programUnderlag(f, l, u, "FK:PROG", "AS", passeradeDagar(), beslutGrund);
      return;
    case "etableringsersattning":
      programUnderlag(f, l, u, f.grupp, "EE", passeradeDagar(), beslutGrund);
      return;
  }
}

/**
 * Underhållsstöd stepped by age: the first decision, then one new decision for each age step,
 * made in the month before the child reaches it, each valid until the next. Only decisions made
 * by today are told; which of them the asked period touches does not change them.
 */
function aldersbeslut(f: FkForman, b: FkBarn, grund: BeslutGrund, l: Lage): BeslutGrund[] {
  const fran = grund.period.fran ?? "";
  const steg = (f.aldersstegar ?? [])
    .map((s) => ({ fran: plusManader(manadStart(b.fodelsedatum), s.fran * 12 + 1), belopp: s.belopp }))
    .filter((s) => s.fran > fran);
  const perioder = [{ fran, belopp: aldersbelopp(f, b, fran), fattades: grund.fattades }];
  for (const s of steg) perioder.push({ ...s, fattades: bankdagPaEllerFore(plusDagar(s.fran, -20)) });
  const beslutade = perioder.filter((p) => p.fattades <= l.idag);
  return beslutade.map((p, i) => {
    const nasta = beslutade[i + 1];
    const till = nasta ? plusDagar(nasta.fran, -1) : grund.period.till;
    return {
      ...grund,
      fattades: p.fattades,
      period: franTill(p.fran, till),
      beslutatBruttobelopp: SEK(p.belopp),
    };
  });
}

/** The program side of aktivitetsstöd/etableringsersättning: anvisning and per-day compensation. */
function programUnderlag(
  f: FkForman,
  l: Lage,
  u: Underlag,
  kod: LefiFkFormanGruppKod,
  ersattning: "AS" | "EE",
  passeradeDagar: string[],
  beslutGrund: BeslutGrund,
): void {
  const tillagg = (f.tillagg ?? []).map((t) => ({
    ...beslutGrund,
    delforman: { id: t.forman, beskrivning: t.beskrivning },
    beslutatBruttobelopp: SEK(t.belopp),
  }));
  u.fk.push({
    kod,
    nyckel: "programersattningsarende",
    post: {
      beslut: [
        {
          ...beslutGrund,
          ...(passeradeDagar.length > 0
            ? {
                ersattningsdagar: passeradeDagar.map((dag) => ({
                  dag,
                  ersattning: bokstavskod("Programersattning.Ersattning", ersattning),
                  belopp: SEK(f.belopp),
                })),
              }
            : {}),
          ersattning: bokstavskod("Programersattning.Ersattning", ersattning),
        },
        ...tillagg,
      ],
    },
  });
  if (f.program !== undefined)
    u.fk.push({
      kod: "FK:PANV",
      nyckel: "programanvisning",
      post: {
        period: beslutGrund.period,
        omfattning: f.omfattning ? { taljare: f.omfattning[0], namnare: f.omfattning[1] } : HEL,
        program: sifferkod("Programanvisning.Program", f.program),
      },
    });
  if (ersattning === "AS" && l.fakta.programjobdagar !== undefined)
    u.fk.push({
      kod: "FK:PJOB",
      nyckel: "programjobdagar",
      post: { antalForbrukade: l.fakta.programjobdagar, harForbrukatMaxAntal: false },
    });
}

/** Generell personinformation (FK:GEPI); names and addresses are withheld under sekretess. */
function personinformation(l: Lage): LefiPersoninformation {
  const p = l.fakta.person;
  const info: LefiPersoninformation = {
    personnummer: l.persona.personidentitet,
    foddes: fodelsedatum(l.persona.personidentitet),
  };
  if (!sekretess(l)) info.namn = `${l.persona.fornamn} ${l.persona.efternamn}`;
  info.skyddad = sekretess(l);
  if (!sekretess(l)) {
    // LEFI lists särskild adress first, then folkbokföringsadress, then addresses abroad.
    const ordning = [2, 1, 3];
    info.adress = [...p.adresser]
      .sort((a, b) => ordning.indexOf(a.roll) - ordning.indexOf(b.roll))
      .map((a) => ({
        roller: [sifferkod("Adressroll", a.roll)],
        utdelningadress: [...a.utdelningsadress],
        postnummer: a.postnummer,
        postort: a.postort,
        ...(a.land ? { land: { ...a.land } } : {}),
      }));
  }
  if (!sekretess(l) && p.arbetsstallen) info.arbetsstallen = structuredClone(p.arbetsstallen);
  const barn = (l.fakta.barn ?? []).map((b) => barnPerson(l, b));
  if (barn.length > 0) info.barn = barn;
  info.civilstand = sifferkod("Civilstand", p.civilstand);
  if (!sekretess(l)) info.folkbokford = [{ ...p.folkbokford }];
  info.medborgarskap = p.medborgarskap.map((m) => ({
    ...(m.datum ? { datum: m.datum } : {}),
    land: { kod: m.landkod, namn: m.landnamn },
  }));
  const samhorig = (p.samhorig ?? []).map((b) => barnPerson(l, b));
  if (samhorig.length > 0) info.samhorig = samhorig;
  return info;
}

/** Övrig information at FK: person, SGI, skatteuppgift, studiemedelsaviseringar. */
function fkOvrigtUnderlag(l: Lage, u: Underlag): void {
  u.fk.push({ kod: "FK:GEPI", nyckel: "generellPersoninformation", post: personinformation(l) });
  // Only a person who pays särskild inkomstskatt and works abroad has a skatteuppgift: the
  // foreign TIN (LEFI v9, LefiSkatteuppgift).
  if (l.fakta.skatteredovisningsnummer !== undefined)
    u.fk.push({
      kod: "FK:SKUP",
      nyckel: "skatteuppgift",
      post: { skatteredovisningsnummer: l.fakta.skatteredovisningsnummer },
    });
  const sgi = l.fakta.sgi;
  if (sgi)
    u.fk.push({
      kod: "FK:SGI",
      nyckel: "sjukpenninggrundandeInkomstuppgift",
      post: {
        faststalldes: losDatum(sgi.faststalld, l.berattelse),
        typ: sifferkod("SjukpenninggrundandeInkomst.Typ", sgi.typ ?? 0),
        anstallning: SEK(sgi.arsinkomst),
        ...(sgi.verksamhet !== undefined ? { verksamhet: SEK(sgi.verksamhet) } : {}),
        ...(sgi.karens !== undefined ? { karens: sgi.karens } : {}),
        ...(sgi.dagar !== undefined ? { dagar: sgi.dagar } : {}),
        ...(sgi.timmar !== undefined ? { timmar: sgi.timmar } : {}),
      },
    });
  for (const s of l.fakta.studiemedelsaviseringar ?? []) {
    const fran = losDatum(s.fran, l.berattelse);
    if (fran > l.idag) continue;
    u.fk.push({
      kod: "FK:STAV",
      nyckel: "studiemedelsavisering",
      post: {
        typ: sifferkod("Studiemedelsavisering.Typ", s.typ),
        period: franTill(fran, losDatum(s.tom, l.berattelse)),
      },
    });
  }
}

/** A PM amount per month valid on `datum`: the latest yearly recalculation by then, else the decided one. */
function pmBelopp(e: PmErsattning, datum: string): number {
  let belopp = e.belopp;
  for (const [ar, b] of Object.entries(e.arsbelopp ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    if (`${ar}-01-01` <= datum) belopp = b;
  return belopp;
}

/** PM's claims, decisions, payments and övrig information. */
function pmUnderlag(pm: PmFakta, l: Lage, u: Underlag): void {
  const { period } = l;
  const beviljade: { forman: PmForman; fran: string; tom: string; beslutsdatum: string }[] = [];
  for (const f of pm.formaner) {
    const ankomst = losDatum(f.ankomstdatum, l.berattelse);
    const beslutsdatum = losDatum(f.beslutsdatum, l.berattelse);
    const fran = losDatum(f.fran, l.berattelse);
    const tom = f.tom !== undefined ? losDatum(f.tom, l.berattelse) : undefined;
    if (ankomst > l.idag) continue;
    u.ansprak.push({
      ansprakid: f.ansprakid,
      ankomstdatum: ankomst,
      formansgrupp: pmGrupp(f.grupp),
      yrkadPeriod: tom !== undefined ? { from: fran, tom } : { from: fran },
    });
    if (beslutsdatum > l.idag) continue;
    const tillagg: LefiPmFormanBeslutTillagg = {};
    if (f.grupp === "PM:AP")
      tillagg.allmanpension = {
        samordningMedPensionFranAnnatLand: false,
        anvantCivilstand: pmKod("Pm.CivilstandKod", f.civilstand ?? "OGIFT"),
      };
    if (f.grupp === "PM:BTI" && f.bostadskostnad !== undefined)
      tillagg.bostadsInkomststod = {
        berakningsunderlag: {
          bostadskostnadBrutto: f.bostadskostnad,
          bostadskostnadNettoBt: Math.round(f.bostadskostnad * 0.92),
          ...(f.bostadskostnadNettoAfs !== undefined
            ? { bostadskostnaddNettoAfs: f.bostadskostnadNettoAfs }
            : {}),
          ...(f.medsokande !== undefined ? { medsokande: f.medsokande } : {}),
        },
      };
    if (f.grupp === "PM:EF" && f.avliden)
      tillagg.efterlevandeformaner = {
        avlidna: [
          {
            person: f.avliden.personnummer,
            dodsfallsdatum: losDatum(f.avliden.dodsfallsdatum, l.berattelse),
            fodelsedatum: f.avliden.fodelsedatum,
          },
        ],
        ...(f.ovrigaBerattigade
          ? { ovrigaBerattigadeEfterlevande: f.ovrigaBerattigade.map((person) => ({ person })) }
          : {}),
      };
    const ersattning = (e: PmErsattning, belopp: number, from: string) => ({
      beslutatBelopp: {
        belopp,
        beloppsfrekvens: pmKod("Pm.BeslutatBeloppFrekvensKod", e.frekvens ?? "MANAD"),
      },
      period: tom !== undefined ? { from, tom } : { from },
      ersattningstyp: pmKod("Pm.BeslutadErsattningTypKod", e.typ),
      omfattning: 1,
      ...(e.underlag ? { underlag: structuredClone(e.underlag) } : {}),
    });
    u.beslut.push({
      beslutsid: f.beslutsid,
      beslutsdatum,
      formansgrupp: pmGrupp(f.grupp),
      beslutsstatus: pmKod("Pm.BeslutStatusKod", f.status),
      beslutsutfall: pmKod("Pm.BeslutUtfallKod", f.utfall),
      ...(f.ersattningar.length > 0
        ? { beslutadErsattning: f.ersattningar.map((e) => ersattning(e, e.belopp, fran)) }
        : {}),
      tillagg,
    });
    // PM recalculates every January: one omräkningsbeslut per listed year after the first
    // decision, made in mid-December before (the "besked om ny pension").
    const omrakningsar = [...new Set(f.ersattningar.flatMap((e) => Object.keys(e.arsbelopp ?? {})))]
      .filter((ar) => `${ar}-01-01` > fran)
      .sort();
    for (const ar of omrakningsar) {
      const datum = bankdagPaEllerFore(`${Number(ar) - 1}-12-15`);
      if (datum > l.idag || datum <= beslutsdatum) continue;
      u.beslut.push({
        beslutsid: `${f.beslutsid}-${ar}`,
        beslutsdatum: datum,
        formansgrupp: pmGrupp(f.grupp),
        beslutsstatus: pmKod("Pm.BeslutStatusKod", "SLUTLIGT"),
        beslutsutfall: pmKod("Pm.BeslutUtfallKod", "BIFALL"),
        beslutadErsattning: f.ersattningar.map((e) =>
          ersattning(e, pmBelopp(e, `${ar}-01-01`), `${ar}-01-01`),
        ),
        tillagg,
      });
    }
    if (f.utfall === "BIFALL") beviljade.push({ forman: f, fran, tom: tom ?? OPPEN, beslutsdatum });
  }
  // Pensions are paid for the current month, on PM's payment day (contract/kalender.ts).
  for (let m = manadStart(period.from); m <= period.tom; m = plusManader(m, 1)) {
    const datum = utbetalningsdag("PM", m);
    if (datum < period.from || datum > period.tom) continue;
    const preliminar = datum > l.idag;
    if (preliminar && datum > plusDagar(l.idag, 31)) continue;
    const rader: PmRad[] = [];
    for (const b of beviljade) {
      if (b.fran > manadSlut(m) || b.tom < m || b.beslutsdatum >= datum) continue;
      for (const e of b.forman.ersattningar) {
        // Only monthly amounts are paid month by month (a begravningshjälp is paid once).
        if (e.frekvens !== undefined && e.frekvens !== "MANAD") continue;
        const belopp = pmBelopp(e, m);
        if (belopp <= 0) continue;
        const sink = pm.sink !== undefined && datum <= losDatum(pm.sink.tom, l.berattelse);
        const procent = sink ? (pm.sink?.procent ?? 0) : pm.skatteprocent;
        const skatt = e.skattefri ? 0 : Math.round((belopp * procent) / 100);
        rader.push({
          rad: {
            formansgrupp: pmGrupp(b.forman.grupp),
            belopp,
            utbetalningsforman: pmKod("Pm.UtbetalningFormanKod", e.utbetalningsforman),
            beloppstyp: pmKod("Pm.UtbetalningBeloppTypKod", e.beloppstyp),
          },
          avdrag: skatt > 0 ? [{ typ: sink ? "PM:SS" : "PM:PS", belopp: skatt }] : [],
        });
      }
    }
    // Other deductions (the municipality's claim, utmätning …) come off the first row's amount.
    const forsta = rader[0];
    if (forsta)
      for (const a of pm.avdrag ?? []) {
        if (datum < losDatum(a.fran, l.berattelse)) continue;
        if (a.tom !== undefined && datum > losDatum(a.tom, l.berattelse)) continue;
        const kvar = (forsta.rad.belopp ?? 0) - forsta.avdrag.reduce((s, x) => s + x.belopp, 0);
        const belopp = Math.min(a.belopp, kvar);
        if (belopp > 0) forsta.avdrag.push({ typ: a.typ, belopp });
      }
    if (rader.length > 0)
      u.pmUtbetalningar.push({ datum, period: { from: m, tom: manadSlut(m) }, preliminar, rader });
  }
  const ar = Number(l.idag.slice(0, 4));
  if (pm.levnadsintygsstatus !== undefined)
    u.pmOvrigt.push({
      informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:LINT"),
      levnadsintyg: {
        senastUppdaterad: `${ar - 1}-03-01`,
        levnadsintygsstatus: levnadsintygsstatus(pm.levnadsintygsstatus),
      },
    });
  if (pm.premiepensionskonto !== undefined || pm.inkomstpensionskonto !== undefined) {
    const konton = (
      [
        ["IP", pm.inkomstpensionskonto],
        ["PREP", pm.premiepensionskonto],
      ] as const
    )
      .filter((k): k is readonly ["IP" | "PREP", number] => k[1] !== undefined)
      .map(([typ, varde]) => ({
        kontotyp: pmKod("Pm.PensionKontoTypKod", typ),
        kontovarden: [
          {
            varde,
            gallerFrom: `${ar}-01`,
            faststallelsear: String(ar),
            kontohandelse: {
              kontohandelsetyp: pmKod("Pm.PensionKontoHandelseTypKod", "ARSOMRAKNING"),
              kontohandelsetidpunkt: `${ar - 1}-12-15T06:00:00Z`,
              kontotransaktioner: [
                { kontotransaktionstyp: pmKod("Pm.PensionKontoTransaktionTypKod", "INDEXERING"), belopp: 0 },
              ],
            },
          },
        ],
      }));
    u.pmOvrigt.push({
      informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:PBH"),
      pensionsbehallning: { pensionskonton: konton },
    });
  }
  if (pm.pensionsgrundandeInkomst)
    u.pmOvrigt.push({
      informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:PU"),
      pensionsunderlag: {
        intjanandear: Object.entries(pm.pensionsgrundandeInkomst).map(
          ([artal, pensionsgrundandeInkomst]) => ({
            artal,
            pensionsgrundandeInkomst,
          }),
        ),
      },
    });
}

// =============================================================================================
// The kodtackning persona: every code of fixtures/kodverk/lefi.json at least once. Built from the
// kodverk itself, so a code added there shows up here. Not a realistic story by design.
// =============================================================================================

function kodtackningUnderlag(l: Lage, u: Underlag): void {
  // Anchored on the story period like every other fact; only the payments depend on the asked period.
  const period = l.berattelse;
  const synlig = (datum: string) => datum >= l.period.from && datum <= l.period.tom;
  const fattades = bankdagPaEllerFore(plusDagar(period.from, -30));
  const startades = bankdagPaEllerFore(plusDagar(period.from, -45));
  const fran = manadStart(plusManader(period.from, -1));
  const per = franTill(fran);
  const barn = barnPerson(
    l,
    l.fakta.barn?.[0] ?? {
      fornamn: "Test",
      efternamn: "Allakoder",
      fodelsedatum: "2020-02-02",
      fodelsenummer: "985",
    },
  );
  const perioder = koder("Periodicitet").map(Number);
  let p = 0;
  const nastaPeriodicitet = () => sifferkod("Periodicitet", perioder[p++ % perioder.length] ?? 1);
  const beslut = (id: string, beskrivning: string, belopp: number) => ({
    fattades,
    definitivt: true,
    forman: { id, beskrivning },
    periodicitet: nastaPeriodicitet(),
    period: per,
    beslutatBruttobelopp: SEK(belopp),
  });
  const push = (x: FkBidrag) => u.fk.push(x);
  const arende = { startades, aktivt: true, avslaget: false };

  koder("Aktivitetsstod.Atgardstyp").forEach((kod, i) => {
    const e = koder("Aktivitetsstod.Ersattning");
    push({
      kod: "FK:AS",
      nyckel: "aktivitetsstodsarende",
      post: {
        ...arende,
        grunduppgifter: { atgardstyp: sifferkod("Aktivitetsstod.Atgardstyp", Number(kod)) },
        beslut: [
          {
            ...beslut("AKS", "Aktivitetsstöd", 365),
            karens: false,
            ersattning: sifferkod("Aktivitetsstod.Ersattning", Number(e[i % e.length])),
          },
        ],
      },
    });
  });
  const asErs = koder("Arbetsskadelivranta.Ersattning");
  koder("Arbetsskadelivranta.EfterlevandeOrsak").forEach((kod, i) => {
    push({
      kod: "FK:YL",
      nyckel: "arbetsskadeefterlevandearende",
      post: {
        ...arende,
        grunduppgifter: {
          arbetsgivare: sifferkod("Yrkesskadelivranta.Arbetsgivare", 10),
          orsak: sifferkod("Arbetsskadelivranta.EfterlevandeOrsak", Number(kod)),
          avliden: { personnummer: testPersonnummer("1952-03-14", "987"), foddes: "1952-03-14" },
        },
        beslut: [
          {
            ...beslut("LIV", "Efterlevandelivränta", 2400),
            ersattning: sifferkod("Arbetsskadelivranta.Ersattning", Number(asErs[i % asErs.length])),
          },
        ],
      },
    });
  });
  koder("Arbetsskadelivranta.EgenOrsak").forEach((kod, i) => {
    push({
      kod: "FK:YL",
      nyckel: "arbetsskadeegenlivrantearende",
      post: {
        ...arende,
        grunduppgifter: {
          arbetsgivare: sifferkod("Yrkesskadelivranta.Arbetsgivare", 10),
          orsak: sifferkod("Arbetsskadelivranta.EgenOrsak", Number(kod)),
        },
        beslut: [
          {
            ...beslut("LIV", "Egenlivränta", 3100),
            ersattning: sifferkod("Arbetsskadelivranta.Ersattning", Number(asErs[i % asErs.length])),
          },
        ],
      },
    });
  });
  const ysEfter = koder("Yrkesskadelivranta.EfterlevandeOrsak");
  const ysEgen = koder("Yrkesskadelivranta.EgenOrsak");
  const ysErs = koder("Yrkesskadelivranta.Ersattning");
  koder("Yrkesskadelivranta.Arbetsgivare").forEach((kod, i) => {
    const ysBeslut = {
      ...beslut("YSL", "Yrkesskadelivränta", 1800),
      underlag: { faktor: HEL },
      ersattning: sifferkod("Yrkesskadelivranta.Ersattning", Number(ysErs[i % ysErs.length])),
    };
    push({
      kod: "FK:YL",
      nyckel: "yrkesskadeefterlevandearende",
      post: {
        ...arende,
        grunduppgifter: {
          arbetsgivare: [sifferkod("Yrkesskadelivranta.Arbetsgivare", Number(kod))],
          orsak: [sifferkod("Yrkesskadelivranta.EfterlevandeOrsak", Number(ysEfter[i % ysEfter.length]))],
          avliden: { personnummer: testPersonnummer("1952-03-14", "987"), foddes: "1952-03-14" },
        },
        beslut: [ysBeslut],
      },
    });
    push({
      kod: "FK:YL",
      nyckel: "yrkesskadeegenlivrantearende",
      post: {
        ...arende,
        grunduppgifter: {
          arbetsgivare: [sifferkod("Yrkesskadelivranta.Arbetsgivare", Number(kod))],
          orsak: [sifferkod("Yrkesskadelivranta.EgenOrsak", Number(ysEgen[i % ysEgen.length]))],
        },
        beslut: [ysBeslut],
      },
    });
  });
  push({
    kod: "FK:ABB",
    nyckel: "barnbidragsarende",
    post: {
      grunduppgifter: { barn },
      beslut: [
        {
          ...beslut("ABB", "Allmänt barnbidrag", 1250),
          underlag: { skolgang: false, myndighetsplacering: false },
        },
      ],
    },
  });
  for (const kod of koder("MottagareAvBarnbidrag.Institution"))
    push({
      kod: "FK:MABB",
      nyckel: "mottagareavbarnbidrag",
      post: {
        grunduppgifter: { personuppgift: barn },
        beslut: [
          {
            ...beslut("FBB", "Förlängt barnbidrag", 1250),
            underlag: {
              skolgang: true,
              institutionsplacering: [
                {
                  institution: sifferkod("MottagareAvBarnbidrag.Institution", Number(kod)),
                  namn: "Testhemmet",
                },
              ],
              tvaBidragsmottagare: false,
              utbetalningsdatum: fran.slice(0, 7),
              utbetalningsmottagare: "MYNDIGHETSUTBETALNING",
            },
          },
        ],
      },
    });
  push({
    kod: "FK:BOB",
    nyckel: "bostadsbidragsarende",
    post: { ...arende, beslut: [beslut("BOB", "Bostadsbidrag", 1000)] },
  });
  push({
    kod: "FK:BST",
    nyckel: "bostadstillaggsarende",
    post: { ...arende, beslut: [beslut("BTS", "Bostadstillägg", 2000)] },
  });
  push({
    kod: "FK:BTI",
    nyckel: "bostadstillaggsarende",
    post: { ...arende, beslut: [beslut("BTP", "Bostadstillägg för pensionärer", 2000)] },
  });
  push({
    kod: "FK:EJO",
    nyckel: "efterlevandepensionsarende",
    post: {
      grunduppgifter: {
        avliden: { personnummer: testPersonnummer("1952-03-14", "987"), foddes: "1952-03-14" },
      },
      beslut: [{ ...beslut("EP", "Efterlevandepension", 3000), omfattning: [HEL] }],
    },
  });
  const fpErs = koder("Foraldrapenning.Ersattning");
  const nivaer = koder("Foraldrapenning.Niva");
  const fpDagar = dagar(fran, plusDagar(fran, 6), 5);
  push({
    kod: "FK:FP",
    nyckel: "foraldrapenningarende",
    post: {
      ...arende,
      grunduppgifter: { barn },
      beslut: fpErs.map((kod) => ({
        fattades,
        definitivt: true,
        forman: { id: "FP", beskrivning: "Föräldrapenning" },
        period: franTill(fran, plusDagar(fran, 6)),
        omfattning: HEL,
        dagar: fpDagar.length,
        ersattning: sifferkod("Foraldrapenning.Ersattning", Number(kod)),
        ersattningsdagar: fpDagar.map((dag, i) => ({
          dag,
          niva: bokstavskod("Foraldrapenning.Niva", nivaer[i % nivaer.length] ?? "S"),
          bruttobelopp: SEK(500),
        })),
      })),
      anspraksdagar: nivaer.map((niva, i) => ({
        dag: plusDagar(period.tom, -i),
        niva: bokstavskod("Foraldrapenning.Niva", niva),
        omfattning: HEL,
      })),
    },
  });
  push({
    kod: "FK:FSJP",
    nyckel: "forebyggandeSjukpenningsarende",
    post: {
      startades,
      aktivt: true,
      beslut: [
        {
          fattades,
          definitivt: true,
          forman: { id: "FSJP", beskrivning: "Förebyggande sjukpenning" },
          period: franTill(fran, plusDagar(fran, 4)),
          omfattning: HEL,
          dagar: 5,
          ersattningsdagar: [{ ersattningsdatum: fran, ersattningsbelopp: SEK(700) }],
        },
      ],
    },
  });
  push({
    kod: "FK:HE",
    nyckel: "handikappersattningsarende",
    post: { ...arende, beslut: [{ ...beslut("HE", "Handikappersättning", 1500), omfattning: HEL }] },
  });
  for (const kod of koder("Graviditetspenning.Ersattning"))
    push({
      kod: "FK:GP",
      nyckel: "graviditetspenningsarende",
      post: {
        ...arende,
        beslut: [
          {
            fattades,
            definitivt: true,
            forman: { id: "GP", beskrivning: "Graviditetspenning" },
            period: franTill(fran, plusDagar(fran, 9)),
            omfattning: HEL,
            dagar: 10,
            ersattning: sifferkod("Graviditetspenning.Ersattning", Number(kod)),
          },
        ],
      },
    });
  push({
    kod: "FK:AP",
    nyckel: "allmanpensionsarende",
    post: { beslut: [{ ...beslut("AP", "Allmän pension", 8000), omfattning: HEL }] },
  });
  push({
    kod: "FK:AP",
    nyckel: "intjanandebehallning",
    post: { belopp: SEK(1_250_000), premiepensionBelopp: SEK(210_000) },
  });
  const grund = (id: string, kod: string) => ({ typ: bokstavskod(id, kod), belopp: SEK(10_000) });
  push({
    kod: "FK:AP",
    nyckel: "intjanandeuppgift",
    post: {
      ar: Number(l.idag.slice(0, 4)) - 1,
      underlag: {
        behallningsunderlag: [
          {
            uppdaterades: fattades,
            andringsanledning: "Årligt utskick",
            pensionsbehallningsforandringar: koder("Intjanande.Pensionsbehallning").map((kod) => ({
              typ: bokstavskod("Intjanande.Pensionsbehallning", kod),
              indexforanding: SEK(1200),
            })),
          },
        ],
        pensionsunderlag: [
          {
            uppdaterades: fattades,
            andringsanledning: "Årligt utskick",
            belopp: koder("Intjanande.Pensionsunderlag").map((kod) =>
              grund("Intjanande.Pensionsunderlag", kod),
            ),
          },
        ],
        poangunderlag: [
          {
            uppdaterades: fattades,
            poang: koder("Intjanande.Poang").map((kod) => ({
              typ: bokstavskod("Intjanande.Poang", kod),
              summa: 1.5,
            })),
            inkomster: koder("Intjanande.Inkomst").map((kod) => grund("Intjanande.Inkomst", kod)),
          },
        ],
      },
      pensionsbehallningar: koder("Intjanande.Pensionsbehallning").map((kod) =>
        grund("Intjanande.Pensionsbehallning", kod),
      ),
      pensionsratter: koder("Intjanande.Pensionsratt").map((kod) => grund("Intjanande.Pensionsratt", kod)),
      faktiskaPensionsratter: koder("Intjanande.FaktiskPensionsratt").map((kod) =>
        grund("Intjanande.FaktiskPensionsratt", kod),
      ),
      barnbeslut: koder("Intjanande.Foraldertyp").map((kod) => ({
        foralder: {
          personnummer: l.persona.personidentitet,
          foddes: fodelsedatum(l.persona.personidentitet),
        },
        foraldertyp: sifferkod("Intjanande.Foraldertyp", Number(kod)),
        berattigad: kod === "1",
      })),
    },
  });
  for (const kod of koder("Levnadsintyg.Status"))
    push({
      kod: "FK:AP",
      nyckel: "levnadsintygsuppgift",
      post: { uppdaterades: fattades, status: sifferkod("Levnadsintyg.Status", Number(kod)) },
    });
  const statusar = koder("Merkostnadsersattning.Beslutstatus");
  const mekUtb = koder("Merkostnadsersattning.Utbetalningstyp");
  koder("Merkostnadsersattning.Beslutsutfall").forEach((kod, i) => {
    push({
      kod: "FK:MEK",
      nyckel: "merkostnadsersattningsarende",
      post: {
        ...arende,
        beslut: {
          ...beslut("MEK", "Merkostnadsersättning", 2000),
          beslutstatus: bokstavskod(
            "Merkostnadsersattning.Beslutstatus",
            statusar[i % statusar.length] ?? "S",
          ),
          beslutsutfall: sifferkod("Merkostnadsersattning.Beslutsutfall", Number(kod)),
          periodbeslut: [
            {
              period: per,
              omfattning: HEL,
              andel: HEL,
              utbetalningstyp: bokstavskod(
                "Merkostnadsersattning.Utbetalningstyp",
                mekUtb[i % mekUtb.length] ?? "L",
              ),
            },
          ],
          underlag: { Barn: [barn] },
        },
      },
    });
  });
  for (const kod of koder("Narstaendepenning.Ersattning"))
    push({
      kod: "FK:NP",
      nyckel: "narstaendepenningarende",
      post: {
        ...arende,
        beslut: [
          {
            fattades,
            definitivt: true,
            forman: { id: "NP", beskrivning: "Närståendepenning" },
            period: franTill(fran, plusDagar(fran, 2)),
            omfattning: HEL,
            dagar: 3,
            karens: false,
            ersattning: sifferkod("Narstaendepenning.Ersattning", Number(kod)),
          },
        ],
      },
    });
  const omvUtb = koder("Omvardnadsbidrag.Utbetalningstyp");
  koder("Omvardnadsbidrag.Beslutsutfall").forEach((kod, i) => {
    push({
      kod: "FK:OMV",
      nyckel: "omvardnadsbidragsarende",
      post: {
        ...arende,
        beslut: {
          ...beslut("OMV", "Omvårdnadsbidrag", 2500),
          beslutstatus: bokstavskod(
            "Merkostnadsersattning.Beslutstatus",
            statusar[i % statusar.length] ?? "S",
          ),
          beslutsutfall: sifferkod("Omvardnadsbidrag.Beslutsutfall", Number(kod)),
          periodbeslut: [
            {
              period: per,
              omfattning: HEL,
              andel: HEL,
              utbetalningstyp: bokstavskod(
                "Omvardnadsbidrag.Utbetalningstyp",
                omvUtb[i % omvUtb.length] ?? "L",
              ),
            },
          ],
          underlag: { Barn: [barn] },
        },
      },
    });
  });
  for (const kod of koder("Programanvisning.Program"))
    push({
      kod: "FK:PANV",
      nyckel: "programanvisning",
      post: { period: per, omfattning: HEL, program: sifferkod("Programanvisning.Program", Number(kod)) },
    });
  const progErs = koder("Programersattning.Ersattning");
  push({
    kod: "FK:PROG",
    nyckel: "programersattningsarende",
    post: {
      beslut: progErs.map((kod, i) => ({
        ...beslut("PROG", "Programersättning", 300),
        ersattningsdagar: [
          {
            dag: plusDagar(fran, i),
            ersattning: bokstavskod("Programersattning.Ersattning", kod),
            belopp: SEK(300),
          },
        ],
        ersattning: bokstavskod("Programersattning.Ersattning", kod),
      })),
    },
  });
  push({
    kod: "FK:PJOB",
    nyckel: "programjobdagar",
    post: { antalForbrukade: 450, harForbrukatMaxAntal: true },
  });
  push({
    kod: "FK:RBE",
    nyckel: "rehabersattningsarende",
    post: {
      startades,
      aktivt: true,
      beslut: [
        {
          karens: false,
          beslutsutfall: "Bifall",
          beslutstyp: "Grundbeslut",
          fattades,
          definitivt: true,
          forman: { id: "RBE", beskrivning: "Rehabiliteringsersättning" },
          period: franTill(fran, plusDagar(fran, 4)),
          omfattning: HEL,
          dagar: 5,
          ersattning: "Rehabiliteringspenning",
          ersattningsniva: "Normalnivå",
          ersattningsdagar: [{ ersattningsdatum: fran, ersattningsbelopp: SEK(700) }],
        },
      ],
    },
  });
  push({
    kod: "FK:SA",
    nyckel: "sjukOchAktivitetsersattningsarende",
    post: {
      ...arende,
      grunduppgifter: {
        forsakringstid: [HEL],
        forsakringstidGsaAr: [40],
        forsakringstidGsaManad: [0],
        forsakringstidGsaDag: [0],
      },
      beslut: [
        { ...beslut("SE", "Sjukersättning", 11_000), samordnatBruttobelopp: SEK(11_000), omfattning: HEL },
      ],
    },
  });
  const steglos = {
    artal: String(Number(l.idag.slice(0, 4)) - 1),
    arsinkomstISverige: [SEK(60_000)],
    fribelopp: [SEK(50_000)],
  };
  push({ kod: "FK:SA", nyckel: "sjukOchAktivitetsersattningSteglosAvrakningHistorik", post: steglos });
  push({ kod: "FK:SA", nyckel: "sjukOchAktivitetsersattningSteglosAvrakningNulage", post: steglos });
  push({
    kod: "FK:SJP",
    nyckel: "sjukpenningarende",
    post: {
      startades,
      aktivt: true,
      beslut: [
        {
          fattades,
          definitivt: true,
          forman: { id: "SJP", beskrivning: "Sjukpenning" },
          period: franTill(fran, plusDagar(fran, 6)),
          omfattning: HEL,
          dagar: 7,
          karens: true,
          beslutsutfall: "Bifall",
          beslutstyp: "Grundbeslut",
          ersattning: "Sjukpenning",
          ersattningsniva: "Normalnivå",
          ersattningsdagar: [
            { ersattningsdatum: fran, ersattningsbelopp: SEK(0), karensavdragsbelopp: SEK(650) },
          ],
        },
      ],
    },
  });
  push({
    kod: "FK:SBP",
    nyckel: "smittbararersattningsarende",
    post: {
      ...arende,
      beslut: [
        {
          fattades,
          definitivt: true,
          forman: { id: "SBP", beskrivning: "Smittbärarpenning" },
          period: franTill(fran, plusDagar(fran, 2)),
          omfattning: HEL,
          dagar: 3,
        },
      ],
    },
  });
  const inkomsttyper = koder("TillfalligForaldrapenning.Inkomsttyp");
  const berakningssatt = koder("TillfalligForaldrapenning.Berakningssatt");
  push({
    kod: "FK:TFP",
    nyckel: "tillfalligForaldrapenningarende",
    post: {
      ...arende,
      grunduppgifter: { barn },
      beslut: koder("TillfalligForaldrapenning.Ersattning").map((kod, i) => ({
        fattades,
        definitivt: true,
        forman: { id: "VAB", beskrivning: "Tillfällig föräldrapenning" },
        period: franTill(plusDagar(fran, i), plusDagar(fran, i)),
        omfattning: HEL,
        dagar: 1,
        bedomdadagar: [
          {
            dag: plusDagar(fran, i),
            bedomtBelopp: SEK(900),
            inkomsttyp: sifferkod(
              "TillfalligForaldrapenning.Inkomsttyp",
              Number(inkomsttyper[i % inkomsttyper.length]),
            ),
            berakningssatt: sifferkod(
              "TillfalligForaldrapenning.Berakningssatt",
              Number(berakningssatt[i % berakningssatt.length]),
            ),
          },
        ],
        ersattning: sifferkod("TillfalligForaldrapenning.Ersattning", Number(kod)),
      })),
    },
  });
  push({
    kod: "FK:DPE",
    nyckel: "totalforsvarspliktsarende",
    post: {
      ...arende,
      beslut: [
        {
          fattades,
          definitivt: true,
          forman: { id: "DPE", beskrivning: "Dagpenning till totalförsvarspliktiga" },
          period: franTill(fran, plusDagar(fran, 9)),
          omfattning: HEL,
          dagar: 10,
        },
      ],
    },
  });
  push({ kod: "FK:US", nyckel: "underhallsskuld", post: { belopp: SEK(12_400) } });
  push({
    kod: "FK:US",
    nyckel: "underhallsstodskrav",
    post: {
      ...arende,
      grunduppgifter: { barn },
      beslut: [
        { ...beslut("UH", "Underhållsstöd", 1673), ersattning: sifferkod("Underhallsstod.Ersattning", 1) },
      ],
    },
  });
  push({
    kod: "FK:US",
    nyckel: "underhallsstodsmottag",
    post: {
      ...arende,
      grunduppgifter: { barn },
      beslut: koder("Underhallsstod.Ersattning").map((kod) => ({
        ...beslut("UH", "Underhållsstöd", 1673),
        ersattning: sifferkod("Underhallsstod.Ersattning", Number(kod)),
        samordnatBruttobelopp: SEK(1673),
      })),
    },
  });
  push({
    kod: "FK:VB",
    nyckel: "vardbidragsarende",
    post: {
      ...arende,
      beslut: koder("Vardbidrag.Ersattning").map((kod) => ({
        ...beslut("VB", "Vårdbidrag", 2600),
        ersattning: sifferkod("Vardbidrag.Ersattning", Number(kod)),
        omfattning: HEL,
        underlag: { barn: [barn], delat: false },
      })),
    },
  });
  for (const kod of koder("SjukpenninggrundandeInkomst.Typ"))
    push({
      kod: "FK:SGI",
      nyckel: "sjukpenninggrundandeInkomstuppgift",
      post: {
        faststalldes: fattades,
        typ: sifferkod("SjukpenninggrundandeInkomst.Typ", Number(kod)),
        anstallning: SEK(300_000),
      },
    });
  for (const kod of koder("Studiemedelsavisering.Typ"))
    push({
      kod: "FK:STAV",
      nyckel: "studiemedelsavisering",
      post: { typ: sifferkod("Studiemedelsavisering.Typ", Number(kod)), period: per },
    });

  // Payments: every utbetalningstyp, both utbetalande myndigheter, every avdragstyp.
  const datum = utbetalningsdag("FK", plusManader(l.idag, -1));
  const utbPer = franTill(manadStart(datum), manadSlut(datum));
  const avdragstyper = koder("Utbetalning.Avdragstyp");
  const foretag = koder("Utbetalning.Foretag");
  koder("Utbetalning.Typ").forEach((typ, i) => {
    const avdrag = i === 0 ? avdragstyper : ["PS"];
    const detaljer: LefiUtbetalningDetalj[] = [
      { forman: { id: "BOB", beskrivning: "Bostadsbidrag" }, period: utbPer, bruttobelopp: SEK(10_000) },
      ...avdrag.map((kod) => ({
        forman: { id: "BOB", beskrivning: "Bostadsbidrag" },
        period: utbPer,
        beloppstyp: bokstavskod("Utbetalning.Avdragstyp", kod),
        ...(kod === "PS" || kod === "SS" ? { skattebelopp: SEK(100) } : { avdragsbelopp: SEK(100) }),
      })),
    ];
    const skatt = avdrag.filter((k) => k === "PS" || k === "SS").length * 100;
    const totalt = avdrag.length * 100;
    if (!synlig(datum)) return;
    u.fkUtbetalningar.push({
      kod: "FK:BOB",
      preliminar: datum > l.idag,
      uppgift: {
        typ: sifferkod("Utbetalning.Typ", Number(typ)),
        foretag: sifferkod("Utbetalning.Foretag", Number(foretag[i % foretag.length])),
        formansfamilj: { id: "BOB", beskrivning: "Bostadsbidrag" },
        datum,
        period: utbPer,
        bruttobelopp: SEK(10_000),
        skattebelopp: SEK(skatt),
        avdragsbelopp: SEK(totalt),
        nettobelopp: SEK(10_000 - totalt),
        utbetalningsdetalj: detaljer,
      },
    });
  });

  // Pensionsmyndigheten.
  const grupper = koder<LefiPmFormanGruppKod>("Pm.FormanGruppKod");
  grupper.forEach((g, i) => {
    u.ansprak.push({
      ansprakid: `ANS-TACK-${i + 1}`,
      ankomstdatum: startades,
      formansgrupp: pmGrupp(g),
      yrkadPeriod: i === 0 ? { from: fran, tom: period.tom } : { from: fran },
    });
  });
  const frekvenser = koder<LefiPmFormanBeslutatBeloppFrekvensKod>("Pm.BeslutatBeloppFrekvensKod");
  const ersattningar = koder<LefiPmFormanBeslutadErsattningTypKod>("Pm.BeslutadErsattningTypKod").map(
    (typ, i) => ({
      beslutatBelopp: {
        belopp: 1000 + i,
        beloppsfrekvens: pmKod("Pm.BeslutatBeloppFrekvensKod", frekvenser[i % frekvenser.length] ?? "MANAD"),
      },
      period: { from: fran },
      ersattningstyp: pmKod("Pm.BeslutadErsattningTypKod", typ),
      omfattning: 1,
      ...(i === 0
        ? {
            underlag: {
              bp: { efterlevandepensionsunderlag: 100_000, procent: 25 },
              garp: { antal40delar: 40, garantitillaggForGarantipension: 0 },
              garpEp: { antal40delar: 40 },
              garpAp37: { summaBerakningsunderlag: 100_000, antal40delar: 40, antal30delar: 30 },
              ip: { ylAvdrag: 0 },
              livaranta: {
                livrantefaktor: 1,
                arbetsgivarkod: 10,
                skadedatum: "2001-05-14",
                arsinkomstInnanSkada: 250_000,
              },
              op: { efterlevandepensionsunderlag: 100_000, procent: 55 },
              samordning: {
                beloppForeSamordning: 5000,
                samordningstyper: koder<LefiPmFormanSamordningTypKod>("Pm.SamordningTypKod").map((kod) =>
                  pmKod("Pm.SamordningTypKod", kod),
                ),
              },
              tp: { uttagsprocent: 100, medelpoang: 4.2, arMedPensionspoang: 30 },
              ankep: { antal15delar: 15, medelpoang: 4.2, taljare: 1, namnare: 1 },
            },
          }
        : {}),
    }),
  );
  const utfall = koder<LefiPmFormanBeslutUtfallKod>("Pm.BeslutUtfallKod");
  koder<LefiPmFormanBeslutStatusKod>("Pm.BeslutStatusKod").forEach((status, i) => {
    grupper.forEach((g, j) => {
      u.beslut.push({
        beslutsid: `BES-TACK-${i + 1}-${j + 1}`,
        beslutsdatum: fattades,
        formansgrupp: pmGrupp(g),
        beslutsstatus: pmKod("Pm.BeslutStatusKod", status),
        beslutsutfall: pmKod("Pm.BeslutUtfallKod", utfall[(i + j) % utfall.length] ?? "BIFALL"),
        ...(i === 0 && j === 0 ? { beslutadErsattning: ersattningar } : {}),
        tillagg:
          g === "PM:AP"
            ? {
                allmanpension: {
                  samordningMedPensionFranAnnatLand: i === 1,
                  anvantCivilstand: pmKod(
                    "Pm.CivilstandKod",
                    koder<LefiPmCivilstandKod>("Pm.CivilstandKod")[i % 2] ?? "OGIFT",
                  ),
                },
              }
            : g === "PM:BTI"
              ? {
                  bostadsInkomststod: {
                    berakningsunderlag: { bostadskostnadBrutto: 7000, bostadskostnadNettoBt: 6500 },
                  },
                }
              : {
                  efterlevandeformaner: {
                    avlidna: [
                      { person: testPersonnummer("1952-03-14", "987"), dodsfallsdatum: "Datum saknas" },
                    ],
                    ovrigaBerattigadeEfterlevande: [{ person: barn.personnummer ?? "" }],
                  },
                },
      });
    });
  });
  const pmDatum = utbetalningsdag("PM", plusManader(l.idag, -1));
  const formanKoder = koder<LefiPmUtbetalningFormanKod>("Pm.UtbetalningFormanKod");
  const avdragKoder = koder<LefiPmFormanUtbetalningAvdragTypKod>("Pm.UtbetalningAvdragTypKod");
  const rader: PmRad[] = koder<LefiPmFormanUtbetalningBeloppTypKod>("Pm.UtbetalningBeloppTypKod").map(
    (typ, i) => ({
      rad: {
        formansgrupp: pmGrupp(grupper[i % grupper.length] ?? "PM:AP"),
        belopp: 500,
        utbetalningsforman: pmKod(
          "Pm.UtbetalningFormanKod",
          formanKoder[i % formanKoder.length] ?? "PM:AP38",
        ),
        beloppstyp: pmKod("Pm.UtbetalningBeloppTypKod", typ),
      },
      avdrag: avdragKoder[i] !== undefined ? [{ typ: avdragKoder[i], belopp: 10 }] : [],
    }),
  );
  if (synlig(pmDatum))
    u.pmUtbetalningar.push({
      datum: pmDatum,
      period: { from: manadStart(pmDatum), tom: manadSlut(pmDatum) },
      preliminar: pmDatum > l.idag,
      rader,
    });
  for (const kod of koder("Pm.LevnadsintygStatusKod"))
    u.pmOvrigt.push({
      informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:LINT"),
      levnadsintyg: {
        senastUppdaterad: fattades,
        levnadsintygsstatus: levnadsintygsstatus(Number(kod)),
      },
    });
  const transaktioner = koder<LefiPmPensionKontoTransaktionTypKod>("Pm.PensionKontoTransaktionTypKod").map(
    (kod) => ({
      kontotransaktionstyp: pmKod("Pm.PensionKontoTransaktionTypKod", kod),
      belopp: 100,
    }),
  );
  const handelser = koder<LefiPmPensionKontoHandelseTypKod>("Pm.PensionKontoHandelseTypKod");
  u.pmOvrigt.push({
    informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:PBH"),
    pensionsbehallning: {
      pensionskonton: koder<LefiPmPensionKontoTypKod>("Pm.PensionKontoTypKod").map((typ) => ({
        kontotyp: pmKod("Pm.PensionKontoTypKod", typ),
        kontovarden: handelser.map((h, i) => ({
          varde: 500_000 + i,
          gallerFrom: fran.slice(0, 7),
          faststallelsear: fran.slice(0, 4),
          kontohandelse: {
            kontohandelsetyp: pmKod("Pm.PensionKontoHandelseTypKod", h),
            kontohandelsetidpunkt: `${fattades}T06:00:00Z`,
            kontotransaktioner: transaktioner,
          },
        })),
      })),
    },
  });
  u.pmOvrigt.push({
    informationstyp: pmKod("Pm.OvrigInformationTypKod", "PM:PU"),
    pensionsunderlag: {
      intjanandear: [
        {
          artal: String(Number(l.idag.slice(0, 4)) - 1),
          pensionsgrundandeInkomst: 300_000,
          pensionsgrundandeBeloppForStudier: 10_000,
          pensionsgrundandeBeloppForSjukOchAktivitetsersattning: 0,
          pensionsgrundandeBeloppForArMedSmaBarn: 20_000,
          pensionsgrundandeBeloppForPlikttjanst: 0,
          pensionsgrundandeBeloppForFortidspension: 0,
        },
      ],
    },
  });
}

/** The helpers a persona's story (berattelser.ts) tells its ärenden with, bound to one question. */
function verktyg(l: Lage, u: Underlag): Berattelseverktyg {
  return {
    idag: l.idag,
    datum: (d) => losDatum(d, l.berattelse),
    beror: (fran, tom) => fran <= l.period.tom && (tom === undefined || tom >= l.period.from),
    fk: (x) => {
      u.fk.push(x);
    },
    pmOvrigt: (x) => {
      u.pmOvrigt.push(x);
    },
    sifferkod,
    bokstavskod,
    pmKod,
    SEK,
    franTill,
    barn: (i) => {
      const b = l.fakta.barn?.[i];
      if (!b) throw new Error(`The story of ${l.persona.id} names child ${i}, which its facts lack`);
      return barnPerson(l, b);
    },
    testperson: (fodelsedatum, fodelsenummer, dodsdatum) => ({
      personnummer: testPersonnummer(fodelsedatum, fodelsenummer),
      foddes: fodelsedatum,
      ...(dodsdatum ? { avled: [dodsdatum] } : {}),
    }),
    arbetsdagar: (fran, till) => dagar(fran, till, 5),
    bankdag: bankdagPaEllerFore,
    plusDagar,
    plusManader,
  };
}

function underlagFor(l: Lage): Underlag {
  const u: Underlag = {
    fk: [],
    fkUtbetalningar: [],
    ansprak: [],
    beslut: [],
    pmUtbetalningar: [],
    pmOvrigt: [],
  };
  fkOvrigtUnderlag(l, u);
  for (const f of l.fakta.formaner) fkFormanUnderlag(f, l, u);
  if (l.fakta.pension) pmUnderlag(l.fakta.pension, l, u);
  const berattelse = l.persona.genererad ? undefined : BERATTELSER[l.persona.id];
  if (berattelse) berattelse(verktyg(l, u));
  if (l.fakta.kodtackning) kodtackningUnderlag(l, u);
  return u;
}

// =============================================================================================
// The answer: filter by the question, the aktör's authorisation and the utlämnare's state.
// =============================================================================================

const UTLAMNARE: Readonly<Record<LefiUtlamnareKod, string>> = {
  FK: "Försäkringskassan",
  PM: "Pensionsmyndigheten",
};
const OVRIG_KODER: ReadonlySet<string> = new Set(LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER);
const utlamnareFor = (kod: string): LefiUtlamnareKod => (kod.startsWith("PM:") ? "PM" : "FK");

function formansgruppText(kod: string): string {
  const id = kod.startsWith("PM:") ? "Pm.FormanGruppKod" : "Fraga.FkFormanGruppKod";
  return kodtext(id, kod);
}

/** The array under `key`, created when missing. */
function lista<T, K extends keyof T>(obj: T, key: K): NonNullable<T[K]> {
  if (obj[key] === undefined) obj[key] = [] as T[K];
  return obj[key] as NonNullable<T[K]>;
}

/** Adds an avvikelse for one code in one class, in the shape the class uses. */
function laggTillAvvikelse(
  avvikelser: LefiExternFormansinformationAvvikelser,
  klass: LefiKlass,
  kod: string,
  avvikelse: "INTERNT_FEL" | "OBEHORIG",
): void {
  const a = { kod: avvikelse, beskrivning: kodtext("AvvikelseKod", avvikelse) };
  switch (klass) {
    case "ovrigInformation":
      lista(avvikelser, "ovrigInformation").push({
        avvikelse: a,
        ovrigInformationstyp: {
          kod: kod as LefiExternOvrigInformationTypKod,
          beskrivning: kodtext("Fraga.ExternOvrigInformationTypKod", kod),
        },
      });
      return;
    case "formansinformation":
      lista(avvikelser, "formansinformation").push({
        avvikelse: a,
        formansgrupp: { kod: kod as LefiFkFormanGruppKod, beskrivning: formansgruppText(kod) },
      });
      return;
    case "ansprak":
    case "beslut":
      lista(avvikelser, klass).push({
        avvikelse: a,
        formansgrupp: { kod: kod as LefiPmFormanGruppKod, beskrivning: formansgruppText(kod) },
      });
      return;
    case "preliminaraUtbetalningar":
    case "utbetalningar":
      lista(avvikelser, klass).push({
        avvikelse: a,
        formansgrupp: { kod: kod as LefiExternFormanGruppKod, beskrivning: formansgruppText(kod) },
      });
      return;
  }
}

function pmUtbetalning(p: PmUtbetalning, grupper: ReadonlySet<string>): LefiPmFormanUtbetalning | undefined {
  const rader = p.rader.filter((r) => grupper.has(r.rad.formansgrupp.kod));
  if (rader.length === 0) return undefined;
  const avdrag = new Map<string, number>();
  for (const r of rader) for (const a of r.avdrag) avdrag.set(a.typ, (avdrag.get(a.typ) ?? 0) + a.belopp);
  const brutto = rader.reduce((s, r) => s + (r.rad.belopp ?? 0), 0);
  const avdragen = [...avdrag.values()].reduce((s, b) => s + b, 0);
  return {
    utbetalningsdatum: p.datum,
    utbetalningsperiod: p.period,
    bruttobelopp: brutto,
    nettobelopp: brutto - avdragen,
    ...(avdrag.size > 0
      ? {
          avdrag: [...avdrag].map(([typ, belopp]) => ({
            belopp,
            avdragstyp: pmKod("Pm.UtbetalningAvdragTypKod", typ as LefiPmFormanUtbetalningAvdragTypKod),
          })),
        }
      : {}),
    utbetalningsrader: rader.map((r) => r.rad),
  };
}

/** Input of {@link byggLefiSvar}. */
export interface LefiSvarIndata {
  fraga: LefiExternFormansinformationFraga;
  /** The person behind the question's personnummer (undefined: not a well-formed identity). */
  persona: Persona | undefined;
  aktor: LefiAktor;
  now: Date;
  seed: number;
}

/**
 * LEFI's 200 answer for a valid question: the utlämnare touched by the question with their
 * state, avvikelser (types the aktör may not see: OBEHORIG; a group that failed inside an
 * utlämnare that is OK: INTERNT_FEL — none for an utlämnare that is not OK, whose tillstånd says
 * it), and the information the question names. A person FK and PM do not know (not in
 * `kallor`, unknown or not a valid personnummer) gets the utlämnare with OK and nothing else.
 * Pure: depends only on the input.
 *
 * @example
 * byggLefiSvar({ fraga, persona, aktor: hittaAktor("026-51")!, now: ctx.now(), seed: ctx.seed }).utlamnare
 */
export function byggLefiSvar(indata: LefiSvarIndata): LefiExternFormansinformationSvar {
  const { fraga, persona, aktor } = indata;
  const fakta = persona?.giltig !== false ? faktaFor(persona, indata.seed) : undefined;
  const tillstand = (u: LefiUtlamnareKod): LefiTillstandKod => fakta?.tillstand?.[u] ?? "OK";
  // The codes each class shows; avvikelser per class: OBEHORIG first, then INTERNT_FEL.
  const fragat = {} as Record<LefiKlass, Set<string>>;
  const avvikelser: LefiExternFormansinformationAvvikelser = {};
  const berorda = { FK: false, PM: false };
  for (const klass of LEFI_KLASSER) {
    // Without facts nothing is shown (the answer is the utlämnare and the avvikelser): no set.
    const synliga = fakta ? new Set<string>() : undefined;
    if (synliga) fragat[klass] = synliga;
    let interntFel: Set<string> | undefined;
    // Read once per class, not per code (a lookup by a varying key), as is the utlämnare's flag below.
    const behorig = aktor.behorighet[klass];
    for (const kod of fraga[klass] ?? []) {
      const utlamnare = utlamnareFor(kod);
      if (utlamnare === "PM") berorda.PM = true;
      else berorda.FK = true;
      if (!behorig.has(kod)) laggTillAvvikelse(avvikelser, klass, kod, "OBEHORIG");
      // A utlämnare that is not OK contributes nothing, and no avvikelser either: LEFI's spec
      // creates none for a utlämnare that could not deliver (its tillstånd says it all).
      else if (tillstand(utlamnare) !== "OK") continue;
      // A single group that fails inside an utlämnare that is OK: that group's INTERNT_FEL.
      else if (fakta?.interntFel?.includes(kod)) {
        interntFel ??= new Set();
        interntFel.add(kod);
      } else synliga?.add(kod);
    }
    for (const kod of interntFel ?? []) laggTillAvvikelse(avvikelser, klass, kod, "INTERNT_FEL");
  }
  const svar: LefiExternFormansinformationSvar = {
    utlamnare: (["FK", "PM"] as const)
      .filter((u) => berorda[u])
      .map((u) => ({
        utlamnare: { kod: u, namn: UTLAMNARE[u] },
        tillstand: { kod: tillstand(u), beskrivning: kodtext("TillstandKod", tillstand(u)) },
      })),
  };
  if (Object.keys(avvikelser).length > 0) svar.avvikelser = avvikelser;
  if (!fakta || !persona) return svar;

  const dag = idag(indata.now);
  const b = berattelseperiod(dag);
  const h = historiefonster(dag);
  const u = underlagFor({
    period: fraga.period,
    berattelse: { from: b.fromDatum, tom: b.tomDatum },
    fonster: { from: h.fromDatum, tom: h.tomDatum },
    idag: dag,
    persona,
    fakta,
  });
  const formansinformation: LefiFormansinformation = {};
  const lagg = formansinformation as Record<string, unknown[]>;
  for (const b of u.fk) {
    const klass = OVRIG_KODER.has(b.kod) ? "ovrigInformation" : "formansinformation";
    const synlig = fragat[klass].has(b.kod);
    if (synlig) lista(lagg, b.nyckel).push(b.post);
  }
  for (const b of u.fkUtbetalningar) {
    const klass = b.preliminar ? "preliminaraUtbetalningar" : "utbetalningar";
    if (fragat[klass].has(b.kod))
      lista(lagg, b.preliminar ? "preliminarautbetalningar" : "utbetalningsuppgift").push(b.uppgift);
  }
  if (Object.keys(formansinformation).length > 0) svar.formansinformation = formansinformation;

  const ansprak = u.ansprak.filter((a) => a.formansgrupp && fragat.ansprak.has(a.formansgrupp.kod));
  if (ansprak.length > 0) svar.ansprak = ansprak;
  const beslut = u.beslut.filter((b) => b.formansgrupp && fragat.beslut.has(b.formansgrupp.kod));
  if (beslut.length > 0) svar.beslut = beslut;
  const prel = u.pmUtbetalningar
    .filter((p) => p.preliminar)
    .map((p) => pmUtbetalning(p, fragat.preliminaraUtbetalningar))
    .filter((p): p is LefiPmFormanUtbetalning => p !== undefined);
  if (prel.length > 0) svar.preliminaraUtbetalningar = prel;
  const utb = u.pmUtbetalningar
    .filter((p) => !p.preliminar)
    .map((p) => pmUtbetalning(p, fragat.utbetalningar))
    .filter((p): p is LefiPmFormanUtbetalning => p !== undefined);
  if (utb.length > 0) svar.utbetalningar = utb;
  const ovrigt = u.pmOvrigt.filter(
    (o) =>
      o.informationstyp && fragat.ovrigInformation.has(o.informationstyp.kod as LefiPmOvrigInformationTypKod),
  );
  if (ovrigt.length > 0) svar.ovrigInformation = ovrigt;
  return svar;
}
