/**
 * The FK and PM stories of the personas that carry the LEFI contract (issue 7 point 3): their
 * facts ({@link BERATTELSE_FAKTA}, merged into `FAKTA` of data.ts) and, for the ärenden the
 * generic builders of data.ts do not tell (arbetsskadelivränta, tillfällig föräldrapenning,
 * omvårdnadsbidrag, intjänande, levnadsintyg …), a story ({@link BERATTELSER}) that tells them
 * through {@link Berattelseverktyg}. Every date is a fixed date or relative to the story period,
 * never to the asked period; the amounts are those of the personas' `berattelse` in
 * fixtures/personas/personas.json.
 */

import type {
  LefiBelopp,
  LefiBokstavskod,
  LefiFranTill,
  LefiPerson,
  LefiPmLevnadsintygStatusKod,
  LefiPmOvrigInformation,
  LefiSifferkod,
} from "../../contract/fk/model.js";
import { kontrollsiffra } from "../../contract/personidentitet.js";
import type { FkBidrag } from "./data.js";
import type { FaktaDatum, FkAdress, FkFakta, FkPersonuppgifter } from "./model.js";

/** What a story may use: dates resolved on the story period, LEFI code values, the person's children. */
export interface Berattelseverktyg {
  /** The clock's day in Sweden. */
  idag: string;
  /** A fact's date in calendar time (fixed, or relative to the story period). */
  datum(d: FaktaDatum): string;
  /** True when the span from `fran` to `tom` (open when absent) touches the asked period. */
  beror(fran: string, tom?: string): boolean;
  /** Tells one FK entry (shown when its group is asked for and the aktör may see it). */
  fk(x: FkBidrag): void;
  /** Tells one piece of PM övrig information. */
  pmOvrigt(x: LefiPmOvrigInformation): void;
  sifferkod(kodverk: string, kod: number): LefiSifferkod;
  bokstavskod(kodverk: string, kod: string): LefiBokstavskod;
  pmKod<K extends string>(kodverk: string, kod: K): { kod: K; beskrivning: string };
  SEK(summa: number): LefiBelopp;
  franTill(fran: string, till?: string): LefiFranTill;
  /** The person's child `i` of the facts, as LEFI tells a person (names withheld under sekretess). */
  barn(i: number): LefiPerson;
  /** A person by birth date and födelsenummer (test personnummer), with the day of death if deceased. */
  testperson(fodelsedatum: string, fodelsenummer: string, dodsdatum?: string): LefiPerson;
  /** Monday–Friday from `fran` to `till`. */
  arbetsdagar(fran: string, till: string): string[];
  /** `datum`, or the bank day before it. */
  bankdag(datum: string): string;
  plusDagar(datum: string, dagar: number): string;
  plusManader(datum: string, manader: number): string;
}

/** A persona's story: tells its ärenden for one question. */
export type Berattelse = (v: Berattelseverktyg) => void;

const SVERIGE = { landkod: "SE", landnamn: "SVERIGE" };
const HEL = { taljare: 1, namnare: 1 };
const HALV = { taljare: 1, namnare: 2 };

function folkbokforing(gata: string, postnummer: string, postort: string): FkAdress {
  return { utdelningsadress: [gata], postnummer, postort, roll: 1, land: { kod: "SE", namn: "SVERIGE" } };
}

function person(
  civilstand: number,
  adress: FkAdress,
  lan: string,
  kommun: string,
  extra: Partial<FkPersonuppgifter> = {},
): FkPersonuppgifter {
  return { civilstand, adresser: [adress], folkbokford: { lan, kommun }, medborgarskap: [SVERIGE], ...extra };
}

/** A test personnummer (födelsenummer 980–999) with its check digit. */
function testPnr(datum: string, fodelsenummer: string): string {
  const nio = `${datum.slice(2, 4)}${datum.slice(5, 7)}${datum.slice(8, 10)}${fodelsenummer}`;
  return `${datum.slice(0, 4)}${datum.slice(5, 7)}${datum.slice(8, 10)}${fodelsenummer}${kontrollsiffra(nio)}`;
}

/** Bostadsbidrag's FK förmånskod, as in the other facts. */
const BOB = { id: "BOB", beskrivning: "Bostadsbidrag" };

/** The year of a date as LEFI's `ar` / `artal`. */
const ar = (datum: string) => Number(datum.slice(0, 4));

// =============================================================================================
// Program participants: aktivitetsstöd (or etableringsersättning) and the anvisningar of one
// person, one row each; dates count in days from the start of the story period.
// =============================================================================================

/** One person in an arbetsmarknadspolitiskt program, as one row of {@link PROGRAMDELTAGARE}. */
interface Programdeltagare {
  id: string;
  person: FkPersonuppgifter;
  /** LEFI Aktivitetsstod.Atgardstyp (ignored for etablering). */
  atgardstyp: number;
  /** LEFI Aktivitetsstod.Ersattning: 1 aktivitetsstöd, 2 särskilt bidrag, 3 utvecklingsersättning. */
  ersattning: number;
  /** Kronor per day. */
  belopp: number;
  /** [LEFI program, first day, last day (open when undefined)], in days from the story period's start. */
  anvisningar: [number, number, number | undefined][];
  /** Etableringsersättning instead of aktivitetsstöd. */
  etablering?: boolean;
}

const PROGRAMDELTAGARE: readonly Programdeltagare[] = [
  {
    id: "amu-svetsutbildning",
    person: person(1, folkbokforing("Hagebygatan 12 LGH 1003", "60218", "NORRKÖPING"), "05", "81"),
    atgardstyp: 8,
    ersattning: 1,
    belopp: 510,
    anvisningar: [
      [8, -20, 40],
      [0, 41, 130],
    ],
  },
  {
    id: "starta-eget-stod",
    person: person(1, folkbokforing("Malmvägen 7", "98131", "KIRUNA"), "25", "84"),
    atgardstyp: 11,
    ersattning: 1,
    belopp: 680,
    anvisningar: [[11, -60, 120]],
  },
  {
    id: "arbetsprovning-praktik",
    person: person(1, folkbokforing("Ängöleden 30", "39235", "KALMAR"), "08", "80"),
    atgardstyp: 40,
    ersattning: 1,
    belopp: 365,
    anvisningar: [
      [5, -40, 20],
      [40, 21, 110],
    ],
  },
  {
    id: "ung-funktionsnedsattning-praktik",
    person: person(1, folkbokforing("Söderleden 4 LGH 1101", "35236", "VÄXJÖ"), "07", "80"),
    atgardstyp: 41,
    ersattning: 3,
    belopp: 159,
    anvisningar: [
      [41, -30, 30],
      [6, 31, 120],
    ],
  },
  {
    id: "forberedande-insatser",
    person: person(1, folkbokforing("Råslätts centrum 9", "56233", "JÖNKÖPING"), "06", "80"),
    atgardstyp: 52,
    ersattning: 1,
    belopp: 223,
    anvisningar: [
      [52, -25, 25],
      [46, 26, 50],
      [1, 51, 80],
    ],
  },
  {
    id: "fas3-offentlig-anstallning",
    person: person(1, folkbokforing("Norra Kungsgatan 21", "80310", "GÄVLE"), "21", "80"),
    atgardstyp: 57,
    ersattning: 1,
    belopp: 223,
    anvisningar: [
      [57, -300, 30],
      [43, 31, 200],
    ],
  },
  {
    id: "arbetslivsintroduktion",
    person: person(1, folkbokforing("Herrhagsgatan 55", "65225", "KARLSTAD"), "17", "80"),
    atgardstyp: 59,
    ersattning: 1,
    belopp: 510,
    anvisningar: [[59, -10, 80]],
  },
  {
    id: "ung-arbetslivsintroduktion",
    person: person(1, folkbokforing("Bäckby torg 3 LGH 1002", "72474", "VÄSTERÅS"), "19", "80"),
    atgardstyp: 60,
    ersattning: 3,
    belopp: 159,
    anvisningar: [
      [60, -50, 20],
      [62, 21, 100],
    ],
  },
  {
    id: "jobbgaranti-projekt",
    person: person(1, folkbokforing("Tjärna Ängar 14", "78444", "BORLÄNGE"), "20", "81"),
    atgardstyp: 56,
    ersattning: 2,
    belopp: 223,
    anvisningar: [
      [56, -80, 25],
      [45, 26, 140],
    ],
  },
  {
    id: "jobbgaranti-ungdom",
    person: person(1, folkbokforing("Andersberg 12", "30248", "HALMSTAD"), "13", "80"),
    atgardstyp: 55,
    ersattning: 3,
    belopp: 159,
    anvisningar: [
      [55, -45, 30],
      [54, 31, 95],
    ],
  },
  {
    id: "fas3-unga-ovrigt",
    person: person(1, folkbokforing("Skönsmonsvägen 2", "85470", "SUNDSVALL"), "22", "81"),
    atgardstyp: 58,
    ersattning: 1,
    belopp: 223,
    anvisningar: [
      [58, -120, 60],
      [99, 61, 150],
    ],
  },
  {
    id: "amu-upphandlad-utbildning",
    person: person(1, folkbokforing("Vivalla Centrum 5", "70344", "ÖREBRO"), "18", "80"),
    atgardstyp: 50,
    ersattning: 1,
    belopp: 365,
    anvisningar: [[50, -15, 75]],
  },
  {
    id: "vagledning-ovrigt",
    person: person(1, folkbokforing("Porsögatan 18", "97434", "LULEÅ"), "25", "80"),
    atgardstyp: 99,
    ersattning: 1,
    belopp: 223,
    anvisningar: [
      [46, -20, 10],
      [50, 11, 60],
    ],
  },
  {
    id: "arbetslivsinriktad-utbildning",
    person: person(1, folkbokforing("Ringvägen 8", "87133", "HÄRNÖSAND"), "22", "82"),
    atgardstyp: 1,
    ersattning: 1,
    belopp: 680,
    anvisningar: [
      [61, -35, 15],
      [8, 16, 130],
    ],
  },
  {
    id: "projekt-arbetsmarknad",
    person: person(1, folkbokforing("Stationsgatan 3", "82430", "HUDIKSVALL"), "21", "84"),
    atgardstyp: 45,
    ersattning: 1,
    belopp: 365,
    anvisningar: [[45, -70, 90]],
  },
  {
    id: "etablering-kartlaggning",
    person: person(0, folkbokforing("Kronogårdsgatan 6", "46160", "TROLLHÄTTAN"), "14", "88"),
    atgardstyp: 0,
    ersattning: 0,
    belopp: 308,
    anvisningar: [
      [64, -40, 30],
      [63, 31, undefined],
    ],
    etablering: true,
  },
];

const PROGRAMERSATTNING: Record<number, "AS" | "EE" | "UE"> = { 0: "EE", 1: "AS", 2: "AS", 3: "UE" };
const DELFORMAN: Record<number, { id: string; beskrivning: string }> = {
  0: { id: "ETE", beskrivning: "Etableringsersättning" },
  1: { id: "AKS", beskrivning: "Aktivitetsstöd" },
  2: { id: "SBI", beskrivning: "Särskilt bidrag" },
  3: { id: "UTV", beskrivning: "Utvecklingsersättning" },
};

/** The facts of a program participant: the person and the day benefit FK pays. */
function programfakta(p: Programdeltagare): FkFakta {
  const start = p.anvisningar[0]?.[1] ?? 0;
  return {
    person: p.person,
    formaner: [
      {
        typ: "berattelse",
        grupp: p.etablering ? "FK:ET" : "FK:AS",
        forman: p.etablering
          ? { id: "ETE", beskrivning: "Etableringsersättning" }
          : { id: "AKS", beskrivning: "Aktivitetsstöd" },
        startades: { dagarEfterPeriodstart: start - 3 },
        beslutad: { dagarEfterPeriodstart: start + 7 },
        fran: { dagarEfterPeriodstart: start },
        belopp: p.belopp,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: p.etablering ? 0 : 30,
        omfattning: [1, 1],
      },
    ],
  };
}

/** The story of a program participant: the ärende, the per-day compensation and the anvisningar. */
function programberattelse(p: Programdeltagare): Berattelse {
  return (v) => {
    const dag = (n: number) => v.datum({ dagarEfterPeriodstart: n });
    const start = p.anvisningar[0]?.[1] ?? 0;
    const fran = dag(start);
    const fattades = dag(start + 7);
    if (fattades > v.idag) return;
    for (const [program, a, b] of p.anvisningar) {
      const till = b === undefined ? undefined : dag(b);
      if (dag(a) <= v.idag && v.beror(dag(a), till))
        v.fk({
          kod: "FK:PANV",
          nyckel: "programanvisning",
          post: {
            period: v.franTill(dag(a), till),
            omfattning: HEL,
            program: v.sifferkod("Programanvisning.Program", program),
          },
        });
    }
    if (!v.beror(fran)) return;
    const dagar = passerade(v, fran, "9999-12-31");
    const ersattning = PROGRAMERSATTNING[p.ersattning] ?? "AS";
    const grund = {
      fattades,
      definitivt: true,
      forman: p.etablering
        ? { id: "ETE", beskrivning: "Etableringsersättning" }
        : { id: "AKS", beskrivning: "Aktivitetsstöd" },
      ...(p.etablering
        ? {}
        : { delforman: DELFORMAN[p.ersattning] ?? { id: "AKS", beskrivning: "Aktivitetsstöd" } }),
      periodicitet: v.sifferkod("Periodicitet", 0),
      period: v.franTill(fran),
      beslutatBruttobelopp: v.SEK(p.belopp),
    };
    if (!p.etablering)
      v.fk({
        kod: "FK:AS",
        nyckel: "aktivitetsstodsarende",
        post: {
          startades: dag(start - 3),
          aktivt: true,
          avslaget: false,
          grunduppgifter: { atgardstyp: v.sifferkod("Aktivitetsstod.Atgardstyp", p.atgardstyp) },
          beslut: [
            {
              ...grund,
              dagar: dagar.length,
              karens: false,
              ersattning: v.sifferkod("Aktivitetsstod.Ersattning", p.ersattning),
            },
          ],
        },
      });
    v.fk({
      kod: p.etablering ? "FK:ET" : "FK:PROG",
      nyckel: "programersattningsarende",
      post: {
        beslut: [
          {
            ...grund,
            dagar,
            ersattningsdagar: dagar.map((d) => ({
              dag: d,
              ersattning: v.bokstavskod("Programersattning.Ersattning", ersattning),
              belopp: v.SEK(p.belopp),
            })),
            ersattning: v.bokstavskod("Programersattning.Ersattning", ersattning),
          },
        ],
      },
    });
  };
}

// =============================================================================================
// Yrkesskadelivräntor: injuries before 1977 (the old yrkesskadeförsäkring), still paid by FK.
// =============================================================================================

/** One pensioner with a yrkesskadelivränta, as one row of {@link YRKESSKADADE}. */
interface Yrkesskadad {
  id: string;
  person: FkPersonuppgifter;
  /** LEFI Yrkesskadelivranta.Arbetsgivare: every employer the injury or disease is tied to. */
  arbetsgivare: number[];
  /** LEFI Yrkesskadelivranta.EgenOrsak, or EfterlevandeOrsak when {@link avliden} is set. */
  orsak: number[];
  skadetillfalle: string;
  /** Kronor per month, tax-free. */
  belopp: number;
  /** A survivor's livränta: the deceased's birth date and födelsenummer. */
  avliden?: [string, string];
}

const YRKESSKADADE: readonly Yrkesskadad[] = [
  {
    id: "silikos-gruvarbetare",
    person: person(5, folkbokforing("Bruksgatan 11", "77430", "AVESTA"), "20", "84"),
    // 10: the first years in the Garpenberg mine, a private employer (arbetsskador i allmänhet).
    arbetsgivare: [10, 50, 53, 56],
    orsak: [3, 3, 5],
    skadetillfalle: "1971-10-01",
    belopp: 2640,
  },
  {
    id: "yrkesskada-brevbarare",
    person: person(5, folkbokforing("Kyrkvägen 4", "91431", "NORDMALING"), "24", "01"),
    arbetsgivare: [51, 52],
    orsak: [1],
    skadetillfalle: "1973-02-14",
    belopp: 1180,
  },
  {
    id: "yrkessjukdom-statlig",
    person: person(5, folkbokforing("Tullgatan 7", "57131", "NÄSSJÖ"), "06", "82"),
    arbetsgivare: [12, 16, 17],
    orsak: [2],
    skadetillfalle: "1975-09-01",
    belopp: 1460,
  },
  {
    id: "militarskada-fn",
    person: person(5, folkbokforing("Regementsgatan 9", "36132", "EMMABODA"), "08", "62"),
    arbetsgivare: [19, 20, 18],
    orsak: [4],
    skadetillfalle: "1972-05-20",
    belopp: 1890,
  },
  {
    id: "sjoman-krigsskada",
    person: person(5, folkbokforing("Hamngatan 2", "45230", "STRÖMSTAD"), "14", "82"),
    arbetsgivare: [13, 59, 57],
    orsak: [1],
    skadetillfalle: "1968-11-11",
    belopp: 2210,
  },
  {
    id: "yrkesskada-ankling-raddning",
    person: person(7, folkbokforing("Brandstationsvägen 3", "68330", "HAGFORS"), "17", "83"),
    arbetsgivare: [14, 15],
    orsak: [1],
    skadetillfalle: "1974-02-02",
    belopp: 1640,
    avliden: ["1938-05-17", "987"],
  },
  {
    id: "yrkesskada-foralder",
    person: person(7, folkbokforing("Stiftsgatan 1", "79131", "FALUN"), "20", "80"),
    arbetsgivare: [60, 11],
    orsak: [4],
    skadetillfalle: "1976-04-30",
    belopp: 1020,
    avliden: ["1958-09-03", "985"],
  },
  {
    id: "yrkesskada-busschauffor",
    person: person(5, folkbokforing("Rälsvägen 8", "69231", "KUMLA"), "18", "80"),
    arbetsgivare: [82, 83, 84],
    orsak: [1],
    skadetillfalle: "1976-08-19",
    belopp: 1730,
  },
];

/** The livränta starts the January after the injury; the decision was made the autumn of that year. */
const yrkesskadeStart = (y: Yrkesskadad) => `${Number(y.skadetillfalle.slice(0, 4)) + 1}-01-01`;

function yrkesskadefakta(y: Yrkesskadad): FkFakta {
  const start = yrkesskadeStart(y);
  return {
    person: y.person,
    formaner: [
      {
        typ: "berattelse",
        grupp: "FK:YL",
        forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
        startades: y.skadetillfalle,
        beslutad: `${start.slice(0, 4)}-03-15`,
        fran: start,
        belopp: y.belopp,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
      },
    ],
  };
}

function yrkesskadeberattelse(y: Yrkesskadad): Berattelse {
  return (v) => {
    const fran = yrkesskadeStart(y);
    if (!v.beror(fran)) return;
    // LEFI ties each ärende to one employer: the livränta is split on the employers liable for it.
    y.arbetsgivare.forEach((kod, i) => {
      const beslut = [
        {
          fattades: `${fran.slice(0, 4)}-03-15`,
          definitivt: true,
          forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
          periodicitet: v.sifferkod("Periodicitet", 1),
          period: v.franTill(fran),
          beslutatBruttobelopp: v.SEK(Math.round(y.belopp / y.arbetsgivare.length)),
          underlag: { faktor: { taljare: 1, namnare: y.arbetsgivare.length } },
          ersattning: v.sifferkod("Yrkesskadelivranta.Ersattning", 1),
        },
      ];
      const arbetsgivare = [v.sifferkod("Yrkesskadelivranta.Arbetsgivare", kod)];
      const orsak = y.orsak[Math.min(i, y.orsak.length - 1)] ?? 1;
      const arende = { startades: y.skadetillfalle, aktivt: true, avslaget: false, beslut };
      if (y.avliden)
        v.fk({
          kod: "FK:YL",
          nyckel: "yrkesskadeefterlevandearende",
          post: {
            ...arende,
            grunduppgifter: {
              arbetsgivare,
              skadetillfalle: y.skadetillfalle,
              orsak: [v.sifferkod("Yrkesskadelivranta.EfterlevandeOrsak", orsak)],
              avliden: v.testperson(y.avliden[0], y.avliden[1], y.skadetillfalle),
            },
          },
        });
      else
        v.fk({
          kod: "FK:YL",
          nyckel: "yrkesskadeegenlivrantearende",
          post: {
            ...arende,
            grunduppgifter: {
              arbetsgivare,
              skadetillfalle: y.skadetillfalle,
              orsak: [v.sifferkod("Yrkesskadelivranta.EgenOrsak", orsak)],
            },
          },
        });
    });
  };
}

// =============================================================================================
// Arbetsskadelivräntor (the arbetsskadeförsäkring since 1977): own and survivors', one row each.
// =============================================================================================

/** One person with arbetsskadelivräntor, as one row of {@link ARBETSSKADADE}. */
interface Arbetsskadad {
  id: string;
  person: FkPersonuppgifter;
  skadetillfalle: string;
  /**
   * [LEFI orsak (EgenOrsak, or EfterlevandeOrsak when {@link avliden} is set), LEFI
   * Arbetsskadelivranta.Ersattning (0 vanlig, 1 karens), kronor per year, from, to (open when undefined)].
   */
  arenden: [number, number, number, string, string | undefined][];
  /** A survivor's livränta: the deceased's birth date and födelsenummer. */
  avliden?: [string, string];
}

const ARBETSSKADADE: readonly Arbetsskadad[] = [
  {
    id: "arbetssjukdom-rehabilitering",
    person: person(5, folkbokforing("Lasarettsgatan 6", "96185", "BODEN"), "25", "82"),
    skadetillfalle: "2023-10-02",
    arenden: [
      [1, 0, 61200, "2025-01-01", "2026-09-30"],
      [4, 1, 38400, "2026-10-01", undefined],
    ],
  },
  {
    id: "fardolycka-cyklist",
    person: person(5, folkbokforing("Cykelvägen 2", "90737", "UMEÅ"), "24", "80"),
    skadetillfalle: "2024-02-08",
    arenden: [
      [3, 0, 44400, "2025-06-01", "2026-09-30"],
      [6, 0, 24000, "2026-10-01", undefined],
    ],
  },
  {
    id: "olycksfall-rehabilitering",
    person: person(5, folkbokforing("Industrigatan 40", "55303", "JÖNKÖPING"), "06", "80"),
    skadetillfalle: "2025-03-17",
    arenden: [[5, 0, 30000, "2025-09-01", undefined]],
  },
  {
    id: "anka-arbetsolycka-aldre",
    person: person(7, folkbokforing("Gruvgatan 3", "71131", "LINDESBERG"), "18", "85"),
    skadetillfalle: "1990-11-23",
    arenden: [
      [2, 0, 52800, "1991-01-01", undefined],
      [8, 0, 18000, "2007-01-01", undefined],
    ],
    avliden: ["1954-06-01", "995"],
  },
  {
    id: "franskild-efterlevande-livranta",
    person: person(7, folkbokforing("Torggatan 9", "74131", "ÖSTHAMMAR"), "03", "82"),
    skadetillfalle: "1992-08-14",
    arenden: [[3, 0, 21600, "1993-01-01", undefined]],
    avliden: ["1956-01-20", "997"],
  },
];

function arbetsskadefakta(a: Arbetsskadad): FkFakta {
  return {
    person: a.person,
    formaner: a.arenden.map(([, , arsbelopp, fran, tom]) => ({
      typ: "berattelse" as const,
      grupp: "FK:YL" as const,
      forman: { id: "LIV", beskrivning: a.avliden ? "Efterlevandelivränta" : "Arbetsskadelivränta" },
      startades: a.skadetillfalle,
      beslutad: livrantebeslut(fran),
      fran,
      ...(tom !== undefined ? { tom } : {}),
      belopp: Math.round(arsbelopp / 12),
      per: "manad" as const,
      betalare: "FK" as const,
      skatteprocent: 30,
    })),
  };
}

/** A livränta is decided in the month before it starts. */
function livrantebeslut(fran: string): string {
  const [y, m] = [Number(fran.slice(0, 4)), Number(fran.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-10` : `${y}-${String(m - 1).padStart(2, "0")}-10`;
}

function arbetsskadeberattelse(a: Arbetsskadad): Berattelse {
  return (v) => {
    for (const [orsak, ersattning, arsbelopp, fran, tom] of a.arenden) {
      if (!v.beror(fran, tom)) continue;
      const beslut = [
        {
          fattades: livrantebeslut(fran),
          definitivt: true,
          forman: { id: "LIV", beskrivning: a.avliden ? "Efterlevandelivränta" : "Arbetsskadelivränta" },
          periodicitet: v.sifferkod("Periodicitet", 4),
          period: v.franTill(fran, tom),
          beslutatBruttobelopp: v.SEK(arsbelopp),
          underlag: { faktor: 1, pensionsgrundandeInkomst: v.SEK(Math.round(arsbelopp * 1.6)) },
          ersattning: v.sifferkod("Arbetsskadelivranta.Ersattning", ersattning),
        },
      ];
      const grund = {
        uppdaterades: livrantebeslut(fran),
        arbetsgivare: v.sifferkod("Yrkesskadelivranta.Arbetsgivare", 10),
        skadetillfalle: a.skadetillfalle,
      };
      const arende = {
        startades: a.skadetillfalle,
        aktivt: tom === undefined || tom >= v.idag,
        avslaget: false,
        beslut,
      };
      if (a.avliden)
        v.fk({
          kod: "FK:YL",
          nyckel: "arbetsskadeefterlevandearende",
          post: {
            ...arende,
            grunduppgifter: {
              ...grund,
              orsak: v.sifferkod("Arbetsskadelivranta.EfterlevandeOrsak", orsak),
              avliden: v.testperson(a.avliden[0], a.avliden[1], a.skadetillfalle),
            },
          },
        });
      else
        v.fk({
          kod: "FK:YL",
          nyckel: "arbetsskadeegenlivrantearende",
          post: {
            ...arende,
            grunduppgifter: { ...grund, orsak: v.sifferkod("Arbetsskadelivranta.EgenOrsak", orsak) },
          },
        });
    }
  };
}

// =============================================================================================
// Facts
// =============================================================================================

/**
 * FK's and PM's facts for the LEFI story personas, keyed by persona id.
 *
 * @example
 * BERATTELSE_FAKTA["ensamstaende-underhallsstod"].formaner[0].typ // "bostadsbidrag"
 */
export const BERATTELSE_FAKTA: Readonly<Record<string, FkFakta>> = {
  ...Object.fromEntries(PROGRAMDELTAGARE.map((p) => [p.id, programfakta(p)])),
  ...Object.fromEntries(YRKESSKADADE.map((y) => [y.id, yrkesskadefakta(y)])),
  ...Object.fromEntries(ARBETSSKADADE.map((a) => [a.id, arbetsskadefakta(a)])),
  aldreforsorjningsstod: {
    person: person(2, folkbokforing("Hertig Johans gata 12 LGH 1201", "54130", "SKÖVDE"), "14", "96", {
      medborgarskap: [{ landkod: "AF", landnamn: "AFGHANISTAN" }],
      samhorig: [
        { fornamn: "Reza", efternamn: "Hosseini", fodelsedatum: "1949-02-11", fodelsenummer: "991" },
      ],
    }),
    formaner: [],
    pension: {
      skatteprocent: 0,
      levnadsintygsstatus: 24,
      avdrag: [
        // The municipality's claim for bistånd paid while the application was handled, set off in October.
        {
          typ: "PM:KVIKAN",
          belopp: 1_200,
          fran: { manaderForePeriod: -1, dag: 1 },
          tom: { manaderForePeriod: -1, dag: 30 },
        },
      ],
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2021-0220417",
          ankomstdatum: "2021-01-18",
          beslutsid: "BES-AP-2021-0301155",
          beslutsdatum: "2021-03-02",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2021-04-01",
          civilstand: "GIFT",
          ersattningar: [
            {
              typ: "PM:GARP",
              belopp: 1_690,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:GARP",
              underlag: { garp: { antal40delar: 14, garantitillaggForGarantipension: 0 } },
            },
            { typ: "PM:IP", belopp: 1_240, utbetalningsforman: "PM:AP38", beloppstyp: "PM:IP" },
          ],
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-0000-0007731",
          ankomstdatum: { manaderForePeriod: 2, dag: 11 },
          beslutsid: "BES-BT-0000-0008820",
          beslutsdatum: { manaderForePeriod: 0, dag: 3 },
          // Preliminary: their income for the year is not yet known.
          status: "PRELIMINART",
          utfall: "BIFALL",
          fran: { manaderForePeriod: 1, dag: 1 },
          bostadskostnad: 6_980,
          bostadskostnadNettoAfs: 6_420,
          medsokande: testPnr("1949-02-11", "991"),
          ersattningar: [
            {
              typ: "PM:BT",
              belopp: 4_980,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:BTPSA",
              skattefri: true,
            },
            {
              typ: "PM:AFS",
              belopp: 2_140,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:AFS",
              skattefri: true,
            },
          ],
        },
      ],
    },
  },
  "ankepension-aldreboende": {
    person: person(7, folkbokforing("Solhaga äldreboende, Parkgatan 2", "68231", "FILIPSTAD"), "17", "82"),
    formaner: [
      {
        typ: "berattelse",
        grupp: "FK:YL",
        forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
        startades: "1975-10-06",
        beslutad: "1976-02-10",
        fran: "1975-10-01",
        belopp: 940,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
      },
    ],
    pension: {
      skatteprocent: 17,
      // Her god man's address is missing at PM.
      levnadsintygsstatus: 21,
      avdrag: [{ typ: "PM:INSTITUTION", belopp: 1_850, fran: "2024-05-01" }],
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2001-0004410",
          ankomstdatum: "2001-03-02",
          beslutsid: "BES-AP-2001-0009371",
          beslutsdatum: "2001-04-20",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2001-06-01",
          civilstand: "OGIFT",
          ersattningar: [
            {
              typ: "PM:TP",
              belopp: 4_210,
              utbetalningsforman: "PM:AP37",
              beloppstyp: "PM:TP",
              arsbelopp: { "2025": 4_330, "2026": 4_390, "2027": 4_470 },
            },
            {
              typ: "PM:GARP",
              belopp: 3_020,
              utbetalningsforman: "PM:AP37",
              beloppstyp: "PM:GARP",
              underlag: {
                garpAp37: {
                  summaBerakningsunderlag: 52_000,
                  antal40delar: 40,
                  antal30delar: 30,
                  pensionstillskott: 0,
                  uttagsprocentFp: 100,
                },
              },
            },
          ],
        },
        {
          grupp: "PM:EF",
          ansprakid: "ANS-EF-1975-0001122",
          ankomstdatum: "1975-10-02",
          beslutsid: "BES-EF-1975-0002873",
          beslutsdatum: "1975-11-14",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "1975-11-01",
          ersattningar: [
            {
              typ: "PM:ANKEP",
              belopp: 2_640,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:ANKEP",
              underlag: { ankep: { antal15delar: 15, medelpoang: 3.9, taljare: 1, namnare: 1 } },
            },
            { typ: "PM:ANKEPGARP", belopp: 910, utbetalningsforman: "PM:EP", beloppstyp: "PM:ANKEPGARP" },
          ],
          avliden: {
            personnummer: testPnr("1934-01-02", "997"),
            fodelsedatum: "1934-01-02",
            dodsfallsdatum: "1975-09-21",
          },
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-2024-0031180",
          ankomstdatum: "2024-03-11",
          beslutsid: "BES-BT-2024-0040212",
          beslutsdatum: "2024-04-16",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2024-04-01",
          bostadskostnad: 8_900,
          ersattningar: [
            {
              typ: "PM:SBT",
              belopp: 1_310,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:SBTPSA",
              skattefri: true,
            },
          ],
        },
      ],
    },
  },
  "pensionar-utmatning": {
    person: person(5, folkbokforing("Verkstadsgatan 5", "64135", "KATRINEHOLM"), "04", "83"),
    formaner: [
      {
        typ: "berattelse",
        grupp: "FK:YL",
        forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
        startades: "1974-09-02",
        beslutad: "1975-03-18",
        fran: "1975-01-01",
        belopp: 1_120,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
      },
    ],
    pension: {
      skatteprocent: 28,
      levnadsintygsstatus: 24,
      premiepensionskonto: 118_600,
      avdrag: [
        { typ: "PM:UTMTV", belopp: 2_300, fran: "2025-09-01" },
        // Tax for last year withheld in October.
        {
          typ: "PM:PST",
          belopp: 700,
          fran: { manaderForePeriod: -1, dag: 1 },
          tom: { manaderForePeriod: -1, dag: 31 },
        },
        // An old overpayment of bostadstillägg set off in October (with the tax of last year).
        {
          typ: "PM:KVIOVR",
          belopp: 500,
          fran: { manaderForePeriod: -1, dag: 1 },
          tom: { manaderForePeriod: -1, dag: 30 },
        },
      ],
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2022-0611350",
          ankomstdatum: "2022-06-20",
          beslutsid: "BES-AP-2022-0713302",
          beslutsdatum: "2022-08-16",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2022-10-01",
          civilstand: "OGIFT",
          ersattningar: [
            {
              typ: "PM:IP",
              belopp: 10_900,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:IP",
              arsbelopp: { "2025": 11_640, "2026": 11_820, "2027": 12_050 },
              underlag: { ip: { ylAvdrag: 0 } },
            },
            { typ: "PM:PREP", belopp: 760, utbetalningsforman: "PM:PREP", beloppstyp: "PM:PFO" },
          ],
        },
        {
          // Föräldralivränta after his son, who died in a work accident in 2019.
          grupp: "PM:EF",
          ansprakid: "ANS-AL-2022-0611351",
          ankomstdatum: "2022-06-20",
          beslutsid: "BES-AL-2022-0713303",
          beslutsdatum: "2022-08-16",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2022-10-01",
          ersattningar: [
            {
              typ: "PM:FL",
              belopp: 1_640,
              utbetalningsforman: "PM:AL",
              beloppstyp: "PM:AL2",
              underlag: {
                livaranta: {
                  livrantefaktor: 0.35,
                  arbetsgivarkod: 10,
                  skadedatum: "2019-06-12",
                  arsinkomstInnanSkada: 312_000,
                },
                samordning: {
                  beloppForeSamordning: 2_100,
                  samordningstyper: [
                    { kod: "PM:YL", beskrivning: "Yrkesskadelivränta" },
                    { kod: "PM:AP", beskrivning: "Allmän pension" },
                    { kod: "PM:OVR", beskrivning: "Övrig samordnad ersättning" },
                  ],
                },
              },
            },
          ],
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-0000-0009914",
          ankomstdatum: { manaderForePeriod: 1, dag: 22 },
          beslutsid: "BES-BT-0000-0010455",
          beslutsdatum: { manaderForePeriod: -1, dag: 6 },
          // Interim while the Kronofogden's utmätning is being reconsidered.
          status: "INTERIMISTISKT",
          utfall: "BIFALL",
          fran: { manaderForePeriod: 0, dag: 1 },
          bostadskostnad: 6_300,
          ersattningar: [
            {
              typ: "PM:BT",
              belopp: 1_260,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:BTP",
              skattefri: true,
            },
          ],
        },
      ],
    },
  },
  "efterlevande-sarskild": {
    person: person(7, folkbokforing("Sjömansgatan 3", "62153", "VISBY"), "09", "80"),
    barn: [{ fornamn: "Viktor", efternamn: "Kask", fodelsedatum: "2011-08-08", fodelsenummer: "991" }],
    formaner: [],
    pension: {
      skatteprocent: 22,
      levnadsintygsstatus: 23,
      avdrag: [
        { typ: "PM:UTLFORDRAN", belopp: 400, fran: "2026-01-01" },
        {
          typ: "PM:AVDRAGOVRIGT",
          belopp: 250,
          fran: { manaderForePeriod: -1, dag: 1 },
          tom: { manaderForePeriod: -1, dag: 31 },
        },
        {
          typ: "PM:SOCAVDRAG",
          belopp: 1_500,
          fran: { manaderForePeriod: -1, dag: 1 },
          tom: { manaderForePeriod: -1, dag: 30 },
        },
      ],
      formaner: [
        {
          grupp: "PM:EF",
          ansprakid: "ANS-EF-2025-0402210",
          ankomstdatum: "2025-09-01",
          beslutsid: "BES-EF-2025-0455671",
          beslutsdatum: "2025-10-14",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2025-09-01",
          ersattningar: [
            { typ: "PM:SEP", belopp: 5_420, utbetalningsforman: "PM:EP", beloppstyp: "PM:SEP" },
            { typ: "PM:SEPGARP", belopp: 2_060, utbetalningsforman: "PM:EP", beloppstyp: "PM:SEPGARP" },
            {
              typ: "PM:BP",
              belopp: 2_310,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:BP",
              underlag: { bp: { efterlevandepensionsunderlag: 98_400, procent: 35 } },
            },
            { typ: "PM:ELSTOD", belopp: 1_490, utbetalningsforman: "PM:EP", beloppstyp: "PM:ELSTOD" },
            { typ: "PM:BL", belopp: 880, utbetalningsforman: "PM:AL", beloppstyp: "PM:ALB" },
            { typ: "PM:SEL", belopp: 1_120, utbetalningsforman: "PM:AL", beloppstyp: "PM:AL4" },
            {
              typ: "PM:BH",
              belopp: 29_400,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:BPFRI",
              frekvens: "ENGANGS",
            },
          ],
          avliden: {
            personnummer: testPnr("1960-11-05", "985"),
            fodelsedatum: "1960-11-05",
            dodsfallsdatum: "2025-08-03",
          },
          ovrigaBerattigade: [testPnr("2011-08-08", "991")],
        },
      ],
    },
  },
  "ensamstaende-underhallsstod": {
    person: person(5, folkbokforing("Vintergatan 14 LGH 1102", "59137", "MOTALA"), "05", "83", {
      arbetsstallen: [
        {
          nummer: "41295716",
          namn: "Ica Supermarket Motala Centrum",
          arbetsgivare: {
            namn: "Motala Livs AB",
            organisationsnummer: "5569912345",
            adress: { utdelningadress: ["Box 118"], postnummer: "59122", postort: "MOTALA" },
          },
          sysselsattning: "Butiksbiträde",
          arbetstid: { taljare: 3, namnare: 4 },
          adress: { utdelningadress: ["Storgatan 22"], postnummer: "59130", postort: "MOTALA" },
          telefon: "0141-123 40",
          kontakt: { namn: "Karin Öst", telefon: ["0141-123 41"], epost: ["karin.ost@motalalivs.example"] },
        },
      ],
    }),
    barn: [
      { fornamn: "Alva", efternamn: "Nyström", fodelsedatum: "2011-02-08", fodelsenummer: "984" },
      { fornamn: "Noah", efternamn: "Nyström", fodelsedatum: "2015-09-17", fodelsenummer: "993" },
      { fornamn: "Ella", efternamn: "Nyström", fodelsedatum: "2020-06-03", fodelsenummer: "982" },
    ],
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: "2024-02-12",
        beslutad: "2024-02-26",
        fran: "2024-03-01",
        belopp: 3_150,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
        underlag: {
          totalBostadskostnad: 9_420,
          reduceradBostadskostnad: 8_900,
          inkomster: [251_000],
          hemmavarandeBarn: [0, 1, 2],
        },
      },
      {
        typ: "barnbidrag",
        grupp: "FK:ABB",
        forman: { id: "ABB", beskrivning: "Allmänt barnbidrag" },
        startades: "2020-06-24",
        beslutad: "2020-06-26",
        fran: "2020-07-01",
        belopp: 1_250,
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
        startades: "2021-08-09",
        beslutad: "2021-08-20",
        fran: "2021-09-01",
        belopp: 1_673,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
        barn: [0, 1, 2],
        aldersstegar: [
          { fran: 11, belopp: 1_823 },
          { fran: 15, belopp: 2_223 },
        ],
        // Socialnämnden advanced the October underhållsstöd while her account was blocked.
        avdrag: [
          {
            typ: "SOC",
            belopp: 2_500,
            fran: { manaderForePeriod: -1, dag: 1 },
            tom: { manaderForePeriod: -1, dag: 31 },
          },
        ],
      },
      {
        // Two days at home with Ella (vård av barn) in October.
        typ: "berattelse",
        grupp: "FK:TFP",
        forman: { id: "VAB", beskrivning: "Tillfällig föräldrapenning" },
        startades: { dagarEfterPeriodstart: 38 },
        beslutad: { dagarEfterPeriodstart: 45 },
        fran: { dagarEfterPeriodstart: 36 },
        tom: { dagarEfterPeriodstart: 37 },
        belopp: 868,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
        omfattning: [1, 1],
      },
    ],
  },
  "pensionar-arlig-omrakning": {
    person: person(7, folkbokforing("Klövervägen 6 LGH 1003", "82141", "BOLLNÄS"), "21", "83"),
    formaner: [],
    pension: {
      skatteprocent: 19,
      levnadsintygsstatus: 24,
      pensionsgrundandeInkomst: { "2011": 212_600, "2012": 219_300, "2013": 224_100 },
      avdrag: [
        // The municipality paid ekonomiskt bistånd while the bostadstillägg was decided and
        // claimed it back from the first payment after the decision.
        {
          typ: "PM:AVDRAGKANTRA",
          belopp: 4_800,
          fran: { manaderForePeriod: -1, dag: 10 },
          tom: { manaderForePeriod: -1, dag: 30 },
        },
      ],
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2014-0311804",
          ankomstdatum: "2014-05-12",
          beslutsid: "BES-AP-2014-0420933",
          beslutsdatum: "2014-07-08",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2014-09-01",
          civilstand: "OGIFT",
          ersattningar: [
            {
              typ: "PM:IP",
              belopp: 6_120,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:IP",
              arsbelopp: { "2024": 7_410, "2025": 7_530, "2026": 7_610, "2027": 7_790 },
              underlag: { ip: { ylAvdrag: 0 } },
            },
            {
              typ: "PM:TP",
              belopp: 1_540,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:TP",
              arsbelopp: { "2024": 1_880, "2025": 1_910, "2026": 1_930, "2027": 1_970 },
              underlag: {
                tp: {
                  sjoskattear: 0,
                  uttagsprocent: 100,
                  ylAvdrag: 0,
                  garantitillagg: 0,
                  folkpensiontillagg: 0,
                  medelpoang: 2.84,
                  arMedPensionspoang: 19,
                  erforderligaAr: 30,
                },
              },
            },
            {
              typ: "PM:GARP",
              belopp: 1_460,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:GARP",
              arsbelopp: { "2024": 1_120, "2025": 1_090, "2026": 1_070, "2027": 1_020 },
              underlag: {
                garp: {
                  antal40delar: 40,
                  garantitillaggForGarantipension: 0,
                  ylAvdrag: 0,
                  inkomstpensionForGarantipension: 7_610,
                  tillaggspensionForGarantipension: 1_930,
                },
              },
            },
            {
              typ: "PM:IPT",
              belopp: 590,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:IPT",
              arsbelopp: { "2024": 610, "2025": 600, "2026": 590, "2027": 580 },
            },
            {
              typ: "PM:PREP",
              belopp: 410,
              utbetalningsforman: "PM:PREP",
              beloppstyp: "PM:PFO",
              arsbelopp: { "2024": 480, "2025": 505, "2026": 522, "2027": 540 },
            },
          ],
        },
        {
          grupp: "PM:BTI",
          ansprakid: "ANS-BT-0000-0004410",
          ankomstdatum: { manaderForePeriod: 3, dag: 4 },
          beslutsid: "BES-BT-0000-0005127",
          beslutsdatum: { manaderForePeriod: -1, dag: 8 },
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: { manaderForePeriod: 3, dag: 1 },
          bostadskostnad: 7_450,
          bostadskostnadNettoAfs: 6_920,
          ersattningar: [
            {
              typ: "PM:BT",
              belopp: 5_380,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:BTP",
              skattefri: true,
              arsbelopp: { "2027": 5_520 },
            },
            {
              typ: "PM:SBT",
              belopp: 420,
              utbetalningsforman: "PM:BTP",
              beloppstyp: "PM:SBTP",
              skattefri: true,
            },
          ],
        },
      ],
    },
  },
  "arbetsskadelivranta-byggnadsarbetare": {
    person: person(5, folkbokforing("Sågverksgatan 3", "85753", "SUNDSVALL"), "22", "81"),
    formaner: [
      {
        typ: "sjukersattning",
        grupp: "FK:SA",
        forman: { id: "SE", beskrivning: "Sjukersättning" },
        delforman: { id: "IRS", beskrivning: "Inkomstrelaterad sjukersättning" },
        startades: "2018-09-10",
        beslutad: "2019-01-16",
        fran: "2019-02-01",
        belopp: 7_930,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 27,
        omfattning: [1, 2],
      },
      {
        typ: "berattelse",
        grupp: "FK:YL",
        forman: { id: "LIV", beskrivning: "Arbetsskadelivränta" },
        startades: "2017-05-02",
        beslutad: "2017-11-21",
        fran: "2017-12-01",
        belopp: 8_940,
        per: "manad",
        betalare: "FK",
        skatteprocent: 27,
        // Kronofogden's utmätning for an old car loan.
        avdrag: [
          { typ: "INF", belopp: 1_500, fran: "2025-06-01" },
          // Jämkning: tax for last year withheld on the November payment.
          {
            typ: "PST",
            belopp: 600,
            fran: { manaderForePeriod: -1, dag: 1 },
            tom: { manaderForePeriod: -1, dag: 31 },
          },
        ],
      },
    ],
    sgi: { arsinkomst: 107_280, faststalld: "2018-01-15", typ: 3 },
  },
  "sjukskriven-underskoterska": {
    person: person(1, folkbokforing("Kvarngatan 9 LGH 1201", "70361", "ÖREBRO"), "18", "80", {
      arbetsstallen: [
        {
          nummer: "37720114",
          namn: "Vårdboendet Lindbacken",
          arbetsgivare: {
            namn: "Omsorg i Mitt AB",
            organisationsnummer: "5569954321",
            adress: { utdelningadress: ["Box 2045"], postnummer: "70002", postort: "ÖREBRO" },
          },
          sysselsattning: "Undersköterska",
          arbetstid: HEL,
          adress: { utdelningadress: ["Lindbackevägen 4"], postnummer: "70375", postort: "ÖREBRO" },
          telefon: "019-765 00",
          kontakt: {
            namn: "Per Ahl, enhetschef",
            telefon: ["019-765 02", "070-111 22 33"],
            epost: ["per.ahl@omsorgimitt.example"],
          },
        },
      ],
    }),
    formaner: [
      {
        typ: "sjukpenning",
        grupp: "FK:SJP",
        forman: { id: "SJP", beskrivning: "Sjukpenning" },
        startades: { manaderForePeriod: 1, dag: 17 },
        beslutad: { manaderForePeriod: 1, dag: 20 },
        fran: { manaderForePeriod: 1, dag: 15 },
        tom: { dagarEfterPeriodstart: 47 },
        belopp: 812,
        per: "dag",
        dagarPerVecka: 7,
        betalare: "FK",
        skatteprocent: 30,
        omfattning: [1, 1],
        // FK recovers an earlier overpaid sjukpenning, 400 kronor a payment.
        avdrag: [
          { typ: "KVI", belopp: 400 },
          // Skatteverket's claim for last year's restskatt, offset once in October.
          {
            typ: "SKV",
            belopp: 1_900,
            fran: { manaderForePeriod: -1, dag: 1 },
            tom: { manaderForePeriod: -1, dag: 31 },
          },
        ],
      },
      {
        // Arbetsträning at half time after the sick leave.
        typ: "berattelse",
        grupp: "FK:RBE",
        forman: { id: "RBE", beskrivning: "Rehabiliteringsersättning" },
        startades: { dagarEfterPeriodstart: 36 },
        beslutad: { dagarEfterPeriodstart: 44 },
        fran: { dagarEfterPeriodstart: 48 },
        tom: { dagarEfterPeriodstart: 103 },
        belopp: 406,
        per: "dag",
        dagarPerVecka: 7,
        betalare: "FK",
        skatteprocent: 30,
        omfattning: [1, 2],
      },
    ],
    sgi: {
      arsinkomst: 348_000,
      faststalld: { manaderForePeriod: 1, dag: 20 },
      verksamhet: 24_000,
      karens: 1,
      dagar: 5,
      timmar: 40,
    },
  },
  "efterlevande-arbetsolycka": {
    person: person(7, folkbokforing("Ringvägen 41 LGH 1304", "21438", "MALMÖ"), "12", "80", {
      medborgarskap: [SVERIGE, { landkod: "LB", landnamn: "LIBANON" }],
    }),
    barn: [
      { fornamn: "Yasmin", efternamn: "Haddad", fodelsedatum: "2012-06-30", fodelsenummer: "986" },
      { fornamn: "Adam", efternamn: "Haddad", fodelsedatum: "2016-11-05", fodelsenummer: "995" },
    ],
    formaner: [
      {
        typ: "barnbidrag",
        grupp: "FK:ABB",
        forman: { id: "ABB", beskrivning: "Allmänt barnbidrag" },
        startades: "2016-11-21",
        beslutad: "2016-11-25",
        fran: "2016-12-01",
        belopp: 1_250,
        per: "manad",
        betalare: "FK_BARNBIDRAG",
        skatteprocent: 0,
        barn: [0, 1],
        tillagg: [{ forman: "FBT", beskrivning: "Flerbarnstillägg", belopp: 150, skatteprocent: 0 }],
      },
      {
        typ: "berattelse",
        grupp: "FK:YL",
        forman: { id: "LIV", beskrivning: "Efterlevandelivränta" },
        startades: "2025-03-04",
        beslutad: "2025-06-17",
        fran: "2025-03-01",
        belopp: 11_450,
        per: "manad",
        betalare: "FK",
        skatteprocent: 24,
        avdrag: [{ typ: "ART", belopp: 850, fran: "2026-04-01" }],
      },
    ],
    pension: {
      skatteprocent: 24,
      levnadsintygsstatus: 24,
      formaner: [
        {
          grupp: "PM:EF",
          ansprakid: "ANS-EF-2025-0077120",
          ankomstdatum: "2025-02-24",
          beslutsid: "BES-EF-2025-0098413",
          beslutsdatum: "2025-04-09",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2025-03-01",
          tom: "2026-02-28",
          ersattningar: [
            {
              typ: "PM:OP",
              belopp: 6_980,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:OP",
              underlag: {
                op: { efterlevandepensionsunderlag: 152_300, procent: 55 },
                samordning: {
                  beloppForeSamordning: 9_610,
                  samordningstyper: [
                    { kod: "PM:AL", beskrivning: "Arbetsskadelivränta" },
                    { kod: "PM:UEP", beskrivning: "Utländsk efterlevandepension" },
                  ],
                },
              },
            },
            {
              typ: "PM:OPGARP",
              belopp: 1_120,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:OPGARP",
              underlag: { garpEp: { antal40delar: 40 } },
            },
          ],
          avliden: {
            personnummer: testPnr("1981-07-02", "985"),
            fodelsedatum: "1981-07-02",
            dodsfallsdatum: "2025-02-11",
          },
          ovrigaBerattigade: [testPnr("2012-06-30", "986"), testPnr("2016-11-05", "995")],
        },
        {
          // Adam is under twelve: the omställningspension continues as förlängd.
          grupp: "PM:EF",
          ansprakid: "ANS-EF-2025-0077121",
          ankomstdatum: "2025-02-24",
          beslutsid: "BES-EF-2026-0011872",
          beslutsdatum: "2026-01-20",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2026-03-01",
          ersattningar: [
            { typ: "PM:FOP", belopp: 6_240, utbetalningsforman: "PM:EP", beloppstyp: "PM:FOP" },
            { typ: "PM:FOPGARP", belopp: 1_380, utbetalningsforman: "PM:EP", beloppstyp: "PM:FOPGARP" },
            {
              typ: "PM:BP",
              belopp: 4_460,
              utbetalningsforman: "PM:EP",
              beloppstyp: "PM:BPSKP",
              underlag: { bp: { efterlevandepensionsunderlag: 152_300, procent: 35 } },
            },
            {
              typ: "PM:PREPEL",
              belopp: 310,
              utbetalningsforman: "PM:PREP",
              beloppstyp: "PM:PFE",
            },
          ],
          avliden: {
            personnummer: testPnr("1981-07-02", "985"),
            fodelsedatum: "1981-07-02",
            dodsfallsdatum: "2025-02-11",
          },
          ovrigaBerattigade: [testPnr("2012-06-30", "986"), testPnr("2016-11-05", "995")],
        },
      ],
    },
  },
  "ung-utvecklingsersattning": {
    person: person(1, folkbokforing("Fältspatsgatan 8 LGH 1001", "41719", "GÖTEBORG"), "14", "80"),
    formaner: [
      {
        typ: "berattelse",
        grupp: "FK:AS",
        forman: { id: "AKS", beskrivning: "Aktivitetsstöd" },
        startades: { manaderForePeriod: 1, dag: 4 },
        beslutad: { manaderForePeriod: 1, dag: 12 },
        fran: { manaderForePeriod: 1, dag: 3 },
        belopp: 159,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 0,
        // CSN's claim for an unpaid återbetalning of studiemedel from his first term.
        avdrag: [{ typ: "INC", belopp: 300 }],
      },
    ],
    sgi: { arsinkomst: 94_000, faststalld: "2024-01-15", typ: 2 },
    studiemedelsaviseringar: [
      { typ: 1, fran: { manaderForePeriod: 0, dag: 14 }, tom: { manaderForePeriod: -2, dag: 17 } },
      // Studiestartsstöd applied for at the same time (another study support than studiemedel).
      { typ: 0, fran: { manaderForePeriod: 0, dag: 14 }, tom: { manaderForePeriod: -2, dag: 17 } },
      { typ: 7, fran: { manaderForePeriod: 13, dag: 25 }, tom: { manaderForePeriod: 8, dag: 10 } },
    ],
  },
  "internt-fel-sjukersattning": {
    person: person(1, folkbokforing("Bergsgatan 15 LGH 1102", "97231", "LULEÅ"), "25", "80"),
    formaner: [
      {
        typ: "sjukersattning",
        grupp: "FK:SA",
        forman: { id: "SE", beskrivning: "Sjukersättning" },
        delforman: { id: "GAR", beskrivning: "Garantiersättning" },
        startades: "2020-03-02",
        beslutad: "2020-08-19",
        fran: "2020-09-01",
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
        startades: "2020-09-07",
        beslutad: "2020-10-14",
        fran: "2020-10-01",
        belopp: 4_610,
        per: "manad",
        betalare: "FK_SJUKERSATTNING",
        skatteprocent: 0,
        underlag: {
          arsbruttokostnad: 82_200,
          bostadstillaggsnettokostnad: 75_600,
          forsorjningsstodsarsnettokostnad: 79_800,
        },
      },
    ],
    interntFel: ["FK:SA", "PM:BTI"],
  },
  "sambo-bostadsbidrag": {
    person: person(1, folkbokforing("Skogsstigen 2", "93133", "SKELLEFTEÅ"), "24", "82", {
      samhorig: [{ fornamn: "Petra", efternamn: "Holm", fodelsedatum: "1992-08-09", fodelsenummer: "982" }],
    }),
    barn: [
      { fornamn: "Vera", efternamn: "Ek", fodelsedatum: "2021-04-04", fodelsenummer: "986" },
      { fornamn: "Hugo", efternamn: "Ek", fodelsedatum: "2014-12-01", fodelsenummer: "991" },
      { fornamn: "Tilde", efternamn: "Holm", fodelsedatum: "2017-05-22", fodelsenummer: "988" },
    ],
    formaner: [
      {
        typ: "bostadsbidrag",
        grupp: "FK:BOB",
        forman: BOB,
        startades: { manaderForePeriod: 5, dag: 6 },
        beslutad: { manaderForePeriod: 5, dag: 20 },
        fran: { manaderForePeriod: 4, dag: 1 },
        belopp: 2_480,
        per: "manad",
        betalare: "FK_BOSTADSBIDRAG",
        skatteprocent: 0,
        medsokande: [0],
        underlag: {
          totalBostadskostnad: 10_850,
          reduceradBostadskostnad: 9_600,
          inkomster: [212_000, 186_000],
          hemmavarandeBarn: [0],
          tidvisboendeBarn: [1],
          vaxelvisboendeBarn: [2],
        },
      },
    ],
  },
  "omvardnadsbidrag-foralder": {
    person: person(5, folkbokforing("Åkervägen 19", "45133", "UDDEVALLA"), "14", "85"),
    barn: [
      { fornamn: "Oskar", efternamn: "Johansson", fodelsedatum: "2009-03-15", fodelsenummer: "991" },
      { fornamn: "Linnea", efternamn: "Johansson", fodelsedatum: "2013-10-02", fodelsenummer: "984" },
    ],
    formaner: [
      {
        // The children's father pays some underhållsbidrag; FK fills up to underhållsstöd
        // (utfyllnad), for Oskar as förlängt underhållsstöd while he studies (reducerat).
        typ: "underhallsstod",
        grupp: "FK:US",
        forman: { id: "UH", beskrivning: "Underhållsstöd" },
        startades: "2022-01-10",
        beslutad: "2022-01-24",
        fran: "2022-02-01",
        belopp: 560,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
        barn: [1, 0],
        ersattningPerBarn: [4, 5],
      },
      {
        typ: "barnbidrag",
        grupp: "FK:ABB",
        forman: { id: "ABB", beskrivning: "Allmänt barnbidrag" },
        startades: "2013-10-21",
        beslutad: "2013-10-25",
        fran: "2013-11-01",
        belopp: 1_250,
        per: "manad",
        betalare: "FK_BARNBIDRAG",
        skatteprocent: 0,
        barn: [1],
      },
      {
        typ: "berattelse",
        grupp: "FK:MABB",
        forman: { id: "FBB", beskrivning: "Förlängt barnbidrag" },
        startades: "2025-03-03",
        beslutad: "2025-03-21",
        fran: "2025-04-01",
        belopp: 1_250,
        per: "manad",
        betalare: "FK_BARNBIDRAG",
        skatteprocent: 0,
      },
      {
        typ: "berattelse",
        grupp: "FK:OMV",
        forman: { id: "OMV", beskrivning: "Omvårdnadsbidrag" },
        startades: "2024-01-15",
        beslutad: "2024-05-07",
        fran: "2024-02-01",
        belopp: 3_125,
        per: "manad",
        betalare: "FK",
        skatteprocent: 30,
        periodicitet: 1,
        // Withheld by hand while FK checks the elevhem weeks.
        avdrag: [
          {
            typ: "INM",
            belopp: 1_000,
            fran: { manaderForePeriod: -1, dag: 1 },
            tom: { manaderForePeriod: -1, dag: 31 },
          },
        ],
      },
      {
        typ: "berattelse",
        grupp: "FK:MEK",
        forman: { id: "MEK", beskrivning: "Merkostnadsersättning" },
        startades: "2024-01-15",
        beslutad: "2024-05-07",
        fran: "2024-02-01",
        belopp: 1_470,
        per: "manad",
        betalare: "FK",
        skatteprocent: 0,
      },
      {
        typ: "berattelse",
        grupp: "FK:NP",
        forman: { id: "NP", beskrivning: "Närståendepenning" },
        startades: { dagarEfterPeriodstart: 30 },
        beslutad: { dagarEfterPeriodstart: 41 },
        fran: { dagarEfterPeriodstart: 28 },
        tom: { dagarEfterPeriodstart: 30 },
        belopp: 704,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
      },
      {
        typ: "berattelse",
        grupp: "FK:FSJP",
        forman: { id: "FSJP", beskrivning: "Förebyggande sjukpenning" },
        startades: { dagarEfterPeriodstart: 43 },
        beslutad: { dagarEfterPeriodstart: 56 },
        fran: { dagarEfterPeriodstart: 49 },
        tom: { dagarEfterPeriodstart: 52 },
        belopp: 704,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
      },
    ],
  },
  "atervandare-norge": {
    person: {
      civilstand: 6,
      adresser: [
        {
          utdelningsadress: ["c/o Moberg", "Bäckvägen 12"],
          postnummer: "83145",
          postort: "ÖSTERSUND",
          roll: 2,
        },
        folkbokforing("Rådhusgatan 30 LGH 1201", "83134", "ÖSTERSUND"),
        {
          utdelningsadress: ["Thereses gate 14"],
          postnummer: "0358",
          postort: "OSLO",
          roll: 3,
          land: { kod: "NO", namn: "NORGE" },
        },
      ],
      folkbokford: { lan: "23", kommun: "80" },
      medborgarskap: [SVERIGE, { landkod: "NO", landnamn: "NORGE", datum: "2019-05-02" }],
    },
    formaner: [],
    skatteredovisningsnummer: "25016100473",
    pension: {
      skatteprocent: 29,
      sink: { procent: 25, tom: { manaderForePeriod: -1, dag: 20 } },
      // SINK still owed for last year, taken from the first payment after the move.
      avdrag: [
        {
          typ: "PM:SST",
          belopp: 900,
          fran: { manaderForePeriod: -2, dag: 1 },
          tom: { manaderForePeriod: -2, dag: 30 },
        },
      ],
      levnadsintygsstatus: 25,
      formaner: [
        {
          grupp: "PM:AP",
          ansprakid: "ANS-AP-2025-0502264",
          ankomstdatum: "2025-11-10",
          beslutsid: "BES-AP-2026-0031907",
          beslutsdatum: "2026-01-14",
          status: "SLUTLIGT",
          utfall: "BIFALL",
          fran: "2026-02-01",
          civilstand: "OGIFT",
          ersattningar: [
            {
              typ: "PM:IP",
              belopp: 9_870,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:IP",
              arsbelopp: { "2027": 10_050 },
            },
            {
              typ: "PM:GARP",
              belopp: 640,
              utbetalningsforman: "PM:AP38",
              beloppstyp: "PM:GARP",
              underlag: {
                garp: { antal40delar: 28, inkomstpensionForGarantipension: 9_870 },
                samordning: {
                  beloppForeSamordning: 2_310,
                  samordningstyper: [
                    { kod: "PM:NKT", beskrivning: "Pension enligt nordisk konvention" },
                    { kod: "PM:SA", beskrivning: "Sjuk- och aktivitetsersättning" },
                    { kod: "PM:UYL", beskrivning: "Utländsk yrkesskadelivränta" },
                  ],
                },
              },
            },
            {
              typ: "PM:PREP",
              belopp: 1_020,
              utbetalningsforman: "PM:PREP",
              beloppstyp: "PM:PFO",
              frekvens: "MANAD",
            },
          ],
        },
      ],
    },
  },
  "gravid-foraldrapenning": {
    person: person(2, folkbokforing("Tegelbruksvägen 11 LGH 1402", "58248", "LINKÖPING"), "05", "80", {
      medborgarskap: [{ landkod: "SO", landnamn: "SOMALIA", datum: "2014-08-20" }],
      samhorig: [{ fornamn: "Abdi", efternamn: "Warsame", fodelsedatum: "1991-03-03", fodelsenummer: "995" }],
    }),
    barn: [{ fornamn: "Ilyas", efternamn: "Ali", fodelsedatum: "2026-10-22", fodelsenummer: "993" }],
    formaner: [
      {
        typ: "berattelse",
        grupp: "FK:GP",
        forman: { id: "GP", beskrivning: "Graviditetspenning" },
        startades: "2026-08-17",
        beslutad: "2026-08-28",
        fran: "2026-09-07",
        tom: "2026-10-11",
        belopp: 596,
        per: "dag",
        dagarPerVecka: 7,
        betalare: "FK",
        skatteprocent: 30,
        // Her employer paid wages for two of the days.
        avdrag: [{ typ: "ALA", belopp: 1_192 }],
      },
      {
        typ: "berattelse",
        grupp: "FK:FP",
        forman: { id: "FP", beskrivning: "Föräldrapenning" },
        startades: "2026-10-26",
        beslutad: "2026-10-30",
        fran: "2026-10-22",
        belopp: 250,
        per: "dag",
        dagarPerVecka: 5,
        betalare: "FK",
        skatteprocent: 30,
      },
    ],
  },
};

// =============================================================================================
// Stories: the ärenden the generic builders of data.ts do not tell
// =============================================================================================

/** Days of a span that have happened by today, inside the asked period's reach (weekdays). */
function passerade(v: Berattelseverktyg, fran: string, till: string): string[] {
  return v.arbetsdagar(fran, till < v.idag ? till : v.idag);
}

/**
 * The persona stories, keyed by persona id.
 *
 * @example
 * BERATTELSER["arbetsskadelivranta-byggnadsarbetare"]?.(verktyg)
 */
export const BERATTELSER: Readonly<Record<string, Berattelse>> = {
  ...Object.fromEntries(PROGRAMDELTAGARE.map((p) => [p.id, programberattelse(p)])),
  ...Object.fromEntries(YRKESSKADADE.map((y) => [y.id, yrkesskadeberattelse(y)])),
  ...Object.fromEntries(ARBETSSKADADE.map((a) => [a.id, arbetsskadeberattelse(a)])),
  "ankepension-aldreboende": (v) => {
    // FK's levnadsintyg record: not sent, the god man's details are incomplete.
    v.fk({
      kod: "FK:AP",
      nyckel: "levnadsintygsuppgift",
      post: { uppdaterades: "2025-02-03", status: v.sifferkod("Levnadsintyg.Status", 21) },
    });
    // Her husband died in an accident at Vattenfall's power station in 1975: yrkesskadelivränta to the widow.
    if (!v.beror("1975-10-01")) return;
    v.fk({
      kod: "FK:YL",
      nyckel: "yrkesskadeefterlevandearende",
      post: {
        startades: "1975-10-06",
        aktivt: true,
        avslaget: false,
        grunduppgifter: {
          arbetsgivare: [v.sifferkod("Yrkesskadelivranta.Arbetsgivare", 54)],
          skadetillfalle: "1975-09-21",
          orsak: [v.sifferkod("Yrkesskadelivranta.EfterlevandeOrsak", 1)],
          avliden: v.testperson("1934-01-02", "997", "1975-09-21"),
        },
        beslut: [
          {
            fattades: "1976-02-10",
            definitivt: true,
            forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
            periodicitet: v.sifferkod("Periodicitet", 1),
            period: v.franTill("1975-10-01"),
            beslutatBruttobelopp: v.SEK(940),
            underlag: { faktor: HEL },
            ersattning: v.sifferkod("Yrkesskadelivranta.Ersattning", 1),
          },
        ],
      },
    });
  },

  "pensionar-utmatning": (v) => {
    // Injured at Statens Järnvägar in 1974: a yrkesskadelivränta from FK, tax-free.
    if (v.beror("1975-01-01"))
      v.fk({
        kod: "FK:YL",
        nyckel: "yrkesskadeegenlivrantearende",
        post: {
          startades: "1974-09-02",
          aktivt: true,
          avslaget: false,
          grunduppgifter: {
            arbetsgivare: [v.sifferkod("Yrkesskadelivranta.Arbetsgivare", 50)],
            skadetillfalle: "1974-05-14",
            orsak: [v.sifferkod("Yrkesskadelivranta.EgenOrsak", 1)],
          },
          beslut: [
            {
              fattades: "1975-03-18",
              definitivt: true,
              forman: { id: "YSL", beskrivning: "Yrkesskadelivränta" },
              delforman: { id: "YSLE", beskrivning: "Egen yrkesskadelivränta" },
              periodicitet: v.sifferkod("Periodicitet", 1),
              period: v.franTill("1975-01-01"),
              beslutatBruttobelopp: v.SEK(1_120),
              underlag: { faktor: { taljare: 1, namnare: 3 } },
              ersattning: v.sifferkod("Yrkesskadelivranta.Ersattning", 1),
            },
          ],
        },
      });
    // His income pension account: riktåldern, a corrected pension right, and the withdrawal he paused.
    v.pmOvrigt({
      informationstyp: v.pmKod("Pm.OvrigInformationTypKod", "PM:PBH"),
      pensionsbehallning: {
        pensionskonton: [
          {
            kontotyp: v.pmKod("Pm.PensionKontoTypKod", "IP"),
            kontovarden: [
              {
                varde: 1_904_200,
                gallerFrom: "2023-10",
                faststallelsear: "2023",
                kontohandelse: {
                  kontohandelsetyp: v.pmKod("Pm.PensionKontoHandelseTypKod", "RIKTALDER_UPPNADD"),
                  kontohandelsetidpunkt: "2023-09-10T06:00:00Z",
                  kontotransaktioner: [],
                },
              },
              {
                varde: 1_912_800,
                gallerFrom: "2024-06",
                faststallelsear: "2024",
                kontohandelse: {
                  kontohandelsetyp: v.pmKod("Pm.PensionKontoHandelseTypKod", "ANDRAD_PENSIONSRATT"),
                  kontohandelsetidpunkt: "2024-06-14T06:00:00Z",
                  kontotransaktioner: [
                    {
                      kontotransaktionstyp: v.pmKod("Pm.PensionKontoTransaktionTypKod", "PENSIONSRATT"),
                      belopp: 8_600,
                    },
                  ],
                },
              },
              {
                varde: 1_931_500,
                gallerFrom: "2025-03",
                faststallelsear: "2025",
                kontohandelse: {
                  kontohandelsetyp: v.pmKod("Pm.PensionKontoHandelseTypKod", "NYTT_ANDRAT_PENSIONSUTTAG"),
                  kontohandelsetidpunkt: "2025-02-20T06:00:00Z",
                  kontotransaktioner: [
                    {
                      kontotransaktionstyp: v.pmKod(
                        "Pm.PensionKontoTransaktionTypKod",
                        "ATERLAGD_PENSIONSBEHALLNING",
                      ),
                      belopp: 18_700,
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    });
  },

  "ensamstaende-underhallsstod": (v) => {
    const fran = v.datum({ dagarEfterPeriodstart: 36 });
    const till = v.datum({ dagarEfterPeriodstart: 37 });
    const fattades = v.datum({ dagarEfterPeriodstart: 45 });
    if (fattades > v.idag || !v.beror(fran, till)) return;
    v.fk({
      kod: "FK:TFP",
      nyckel: "tillfalligForaldrapenningarende",
      post: {
        startades: v.datum({ dagarEfterPeriodstart: 38 }),
        aktivt: false,
        avslaget: false,
        grunduppgifter: { barn: v.barn(2) },
        beslut: [
          {
            fattades,
            definitivt: true,
            forman: { id: "VAB", beskrivning: "Tillfällig föräldrapenning" },
            period: v.franTill(fran, till),
            omfattning: HEL,
            dagar: 2,
            bedomdadagar: v.arbetsdagar(fran, till).map((dag) => ({
              dag,
              bedomtBelopp: v.SEK(868),
              inkomsttyp: v.sifferkod("TillfalligForaldrapenning.Inkomsttyp", 1),
              berakningssatt: v.sifferkod("TillfalligForaldrapenning.Berakningssatt", 2),
            })),
            ersattning: v.sifferkod("TillfalligForaldrapenning.Ersattning", 1),
          },
        ],
      },
    });
  },

  "pensionar-arlig-omrakning": (v) => {
    v.fk({
      kod: "FK:AP",
      nyckel: "levnadsintygsuppgift",
      post: { uppdaterades: "2024-01-15", status: v.sifferkod("Levnadsintyg.Status", 24) },
    });
    // PM's pension account, told year by year: each December's årsomräkning.
    const i = ar(v.idag);
    v.pmOvrigt({
      informationstyp: v.pmKod("Pm.OvrigInformationTypKod", "PM:PBH"),
      pensionsbehallning: {
        pensionskonton: [
          {
            kontotyp: v.pmKod("Pm.PensionKontoTypKod", "PREP"),
            kontovarden: [i - 2, i - 1].map((y, n) => ({
              varde: 96_400 + n * 5_200,
              gallerFrom: `${y + 1}-01`,
              faststallelsear: String(y + 1),
              kontohandelse: {
                kontohandelsetyp: v.pmKod("Pm.PensionKontoHandelseTypKod", "ARSOMRAKNING"),
                kontohandelsetidpunkt: `${y}-12-15T06:00:00Z`,
                kontotransaktioner: [
                  {
                    kontotransaktionstyp: v.pmKod("Pm.PensionKontoTransaktionTypKod", "INDEXERING"),
                    belopp: 6_900 + n * 300,
                  },
                  {
                    kontotransaktionstyp: v.pmKod("Pm.PensionKontoTransaktionTypKod", "ARVSVINST"),
                    belopp: 1_450 + n * 40,
                  },
                  {
                    kontotransaktionstyp: v.pmKod("Pm.PensionKontoTransaktionTypKod", "FORVALTNINGSKOSTNAD"),
                    belopp: -180 - n * 10,
                  },
                  {
                    kontotransaktionstyp: v.pmKod(
                      "Pm.PensionKontoTransaktionTypKod",
                      "UTTAGEN_PENSIONSBEHALLNING",
                    ),
                    belopp: -5_900 - n * 250,
                  },
                ],
              },
            })),
          },
        ],
      },
    });
  },

  "arbetsskadelivranta-byggnadsarbetare": (v) => {
    // Livräntan is decided per year and recalculated (värdesäkrad) every January.
    const i = ar(v.idag);
    const arsbelopp: Record<number, number> = { 2024: 104_160, 2025: 105_840, 2026: 107_280, 2027: 108_960 };
    const beslut = [i - 2, i - 1, i]
      .filter((y) => arsbelopp[y] !== undefined && v.beror(`${y}-01-01`, `${y}-12-31`))
      .map((y) => ({
        fattades: v.bankdag(`${y - 1}-12-12`),
        definitivt: true,
        forman: { id: "LIV", beskrivning: "Arbetsskadelivränta" },
        delforman: { id: "LIVE", beskrivning: "Egenlivränta" },
        periodicitet: v.sifferkod("Periodicitet", 4),
        period: v.franTill(`${y}-01-01`, `${y}-12-31`),
        beslutatBruttobelopp: v.SEK(arsbelopp[y] ?? 0),
        underlag: {
          faktor: 0.62,
          samordningsandel: HALV,
          bruttoforhojning: v.SEK(Math.round((arsbelopp[y] ?? 0) * 0.02)),
          pensionsgrundandeInkomst: v.SEK(412_000),
        },
        samordnatBruttobelopp: v.SEK(Math.round((arsbelopp[y] ?? 0) * 0.9)),
        ersattning: v.sifferkod("Arbetsskadelivranta.Ersattning", 0),
      }));
    if (beslut.length > 0)
      v.fk({
        kod: "FK:YL",
        nyckel: "arbetsskadeegenlivrantearende",
        post: {
          startades: "2017-05-02",
          aktivt: true,
          avslaget: false,
          grunduppgifter: {
            uppdaterades: "2017-11-21",
            arbetsgivare: v.sifferkod("Yrkesskadelivranta.Arbetsgivare", 10),
            skadetillfalle: "2016-03-09",
            orsak: v.sifferkod("Arbetsskadelivranta.EgenOrsak", 2),
            arsinkomstInnanSkada: v.SEK(412_000),
            arsinkomstEfterSkada: v.SEK(156_000),
          },
          beslut,
        },
      });
    // Pension rights for the years with sjukersättning (FK decides the pensionsgrundande belopp).
    const intjanandear = i - 1;
    v.fk({
      kod: "FK:AP",
      nyckel: "intjanandeuppgift",
      post: {
        ar: intjanandear,
        underlag: {
          pensionsunderlag: [
            {
              uppdaterades: `${intjanandear + 1}-06-12`,
              andringsanledning: "Årligt fastställande",
              intjanandetak: [v.SEK(614_025)],
              forvarvsvillkorsar: "1987",
              belopp: [{ typ: v.bokstavskod("Intjanande.Pensionsunderlag", "pu"), belopp: v.SEK(232_400) }],
              underlagPgbForSa: [
                {
                  belopp: v.SEK(118_300),
                  manadsunderlag: [
                    {
                      manad: `${intjanandear}-12`,
                      antagandeinkomst: v.SEK(28_950),
                      reduceringsbelopp: v.SEK(8_940),
                      andel: "1/2",
                      pisa: [v.SEK(7_930)],
                      arbetsskadelivranta: [v.SEK(8_940)],
                      samordningsprocentAL: [50],
                      beloppForeAvrundningTakbegransning: v.SEK(9_860),
                    },
                  ],
                },
              ],
              underlagPgbForAntagandepoang: [
                {
                  belopp: v.SEK(21_300),
                  antagandepoang: 4.12,
                  jamforelsepoang: 3.87,
                  bastaPoangPlusEtt: 4.5,
                  svenskaNordiskaForsakringsmanader: "420",
                },
              ],
            },
          ],
          poangunderlag: [
            {
              uppdaterades: `${intjanandear + 1}-06-12`,
              andringsanledning: "Årligt fastställande",
              vardar: false,
              pgiBedomd: true,
              poang: [
                { typ: v.bokstavskod("Intjanande.Poang", "apoang"), summa: 2.11 },
                { typ: v.bokstavskod("Intjanande.Poang", "sapoang"), summa: 1.38 },
              ],
              basbelopp: [v.SEK(58_800)],
              inkomster: [
                { typ: v.bokstavskod("Intjanande.Inkomst", "ainkomst"), belopp: v.SEK(0) },
                { typ: v.bokstavskod("Intjanande.Inkomst", "pgi"), belopp: v.SEK(118_300) },
                { typ: v.bokstavskod("Intjanande.Inkomst", "betaldPGI"), belopp: v.SEK(118_300) },
              ],
            },
          ],
          behallningsunderlag: [
            {
              uppdaterades: `${intjanandear + 1}-06-12`,
              andringsanledning: "Årligt fastställande",
              pensionsbehallningsforandringar: [
                {
                  typ: v.bokstavskod("Intjanande.Pensionsbehallning", "pbhutb"),
                  arvsvinst: v.SEK(3_120),
                  indexforanding: v.SEK(41_800),
                  administrationskostnad: v.SEK(-610),
                },
              ],
            },
          ],
        },
        pensionsbehallningar: [
          { typ: v.bokstavskod("Intjanande.Pensionsbehallning", "pbhutb"), belopp: v.SEK(1_846_200) },
          { typ: v.bokstavskod("Intjanande.Pensionsbehallning", "pbgarp"), belopp: v.SEK(1_612_900) },
        ],
        pensionsratter: [
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prutb"), belopp: v.SEK(37_520) },
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prprep"), belopp: v.SEK(5_810) },
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prgarp"), belopp: v.SEK(32_700) },
        ],
        faktiskaPensionsratter: [
          { typ: v.bokstavskod("Intjanande.FaktiskPensionsratt", "prutb"), belopp: v.SEK(37_520) },
          { typ: v.bokstavskod("Intjanande.FaktiskPensionsratt", "prgarp"), belopp: v.SEK(32_700) },
        ],
        poang: [2.11],
      },
    });
    v.fk({
      kod: "FK:AP",
      nyckel: "intjanandebehallning",
      post: { belopp: v.SEK(1_846_200), premiepensionBelopp: v.SEK(286_400) },
    });
  },

  "sjukskriven-underskoterska": (v) => {
    const fran = v.datum({ dagarEfterPeriodstart: 48 });
    const till = v.datum({ dagarEfterPeriodstart: 103 });
    const fattades = v.datum({ dagarEfterPeriodstart: 44 });
    if (fattades > v.idag || !v.beror(fran, till)) return;
    const dagar = v.arbetsdagar(fran, till < v.idag ? till : v.idag);
    v.fk({
      kod: "FK:RBE",
      nyckel: "rehabersattningsarende",
      post: {
        startades: v.datum({ dagarEfterPeriodstart: 36 }),
        aktivt: till >= v.idag,
        beslut: [
          {
            karens: false,
            beslutsutfall: "Bifall",
            beslutstyp: "Grundbeslut",
            fattades,
            definitivt: true,
            forman: { id: "RBE", beskrivning: "Rehabiliteringsersättning" },
            period: v.franTill(fran, till),
            omfattning: HALV,
            dagar: dagar.length,
            ersattning: "Rehabiliteringspenning",
            ersattningsniva: "Normalnivå",
            ersattningsdagar: dagar.map((ersattningsdatum) => ({
              ersattningsdatum,
              ersattningsbelopp: v.SEK(406),
            })),
          },
        ],
      },
    });
  },

  "efterlevande-arbetsolycka": (v) => {
    const avliden = v.testperson("1981-07-02", "985", "2025-02-11");
    const grund = {
      arbetsgivare: v.sifferkod("Yrkesskadelivranta.Arbetsgivare", 82),
      skadetillfalle: "2025-02-11",
      avliden,
      arsinkomstInnanSkada: v.SEK(398_500),
    };
    const livranta = (
      orsak: number,
      belopp: number,
      delforman: { id: string; beskrivning: string },
      fran = "2025-03-01",
      till?: string,
    ) => ({
      startades: "2025-03-04",
      aktivt: true,
      avslaget: false,
      grunduppgifter: {
        uppdaterades: "2025-06-17",
        ...grund,
        orsak: v.sifferkod("Arbetsskadelivranta.EfterlevandeOrsak", orsak),
      },
      beslut: [
        {
          fattades: "2025-06-17",
          definitivt: true,
          forman: { id: "LIV", beskrivning: "Efterlevandelivränta" },
          delforman,
          periodicitet: v.sifferkod("Periodicitet", 1),
          period: v.franTill(fran, till),
          beslutatBruttobelopp: v.SEK(belopp),
          ersattning: v.sifferkod("Arbetsskadelivranta.Ersattning", 0),
        },
      ],
    });
    if (v.beror("2025-03-01")) {
      const oml = { id: "OML", beskrivning: "Omställningslivränta" };
      const blr = { id: "BLR", beskrivning: "Barnlivränta" };
      if (v.beror("2025-03-01", "2026-02-28"))
        v.fk({
          kod: "FK:YL",
          nyckel: "arbetsskadeefterlevandearende",
          post: livranta(6, 7_350, oml, "2025-03-01", "2026-02-28"),
        });
      // Adam is under twelve: the omställningslivränta continues as förlängd.
      if (v.beror("2026-03-01"))
        v.fk({
          kod: "FK:YL",
          nyckel: "arbetsskadeefterlevandearende",
          post: livranta(7, 7_350, oml, "2026-03-01"),
        });
      v.fk({ kod: "FK:YL", nyckel: "arbetsskadeefterlevandearende", post: livranta(4, 2_050, blr) });
      v.fk({ kod: "FK:YL", nyckel: "arbetsskadeefterlevandearende", post: livranta(9, 2_050, blr) });
      v.fk({
        kod: "FK:EJO",
        nyckel: "efterlevandepensionsarende",
        post: {
          grunduppgifter: { avliden },
          beslut: [
            {
              fattades: "2025-04-09",
              definitivt: true,
              forman: { id: "EP", beskrivning: "Efterlevandepension" },
              periodicitet: v.sifferkod("Periodicitet", 1),
              period: v.franTill("2025-03-01", "2026-02-28"),
              beslutatBruttobelopp: v.SEK(9_610),
              samordnatBruttobelopp: v.SEK(6_980),
              omfattning: [HEL],
            },
          ],
        },
      });
    }
    // Pensionsrätt for barnår and studies, decided by FK for the latest year.
    const intjanandear = ar(v.idag) - 1;
    v.fk({
      kod: "FK:AP",
      nyckel: "intjanandeuppgift",
      post: {
        ar: intjanandear,
        underlag: {
          pensionsunderlag: [
            {
              uppdaterades: `${intjanandear + 1}-06-12`,
              andringsanledning: "Årligt fastställande",
              belopp: [
                { typ: v.bokstavskod("Intjanande.Pensionsunderlag", "puprep"), belopp: v.SEK(174_900) },
              ],
              underlagPgbForBarn: [
                {
                  belopp: v.SEK(62_300),
                  jamfarelseinkomst: v.SEK(141_200),
                  utfyllnadsinkomst: v.SEK(62_300),
                  beloppAlternativ1: v.SEK(62_300),
                  trefjardedelsMedelPGI: v.SEK(210_500),
                  beloppAlternativ2: v.SEK(58_800),
                  basbelopp: v.SEK(58_800),
                  bastaAlternativ: 1,
                  beloppForeAvrundningTakbegransning: v.SEK(62_317),
                },
              ],
              underlagPgbForStudier: [
                {
                  belopp: v.SEK(11_840),
                  studiebidrag: v.SEK(9_600),
                  beloppForeAvrundningTakbegransning: v.SEK(11_843),
                },
              ],
            },
          ],
          poangunderlag: [
            {
              uppdaterades: `${intjanandear + 1}-06-12`,
              andringsanledning: "Årligt fastställande",
              vardar: true,
              pgiBedomd: false,
              poang: [{ typ: v.bokstavskod("Intjanande.Poang", "apoang"), summa: 1.92 }],
              basbelopp: [v.SEK(58_800)],
              inkomster: [
                { typ: v.bokstavskod("Intjanande.Inkomst", "ainkomst"), belopp: v.SEK(141_200) },
                { typ: v.bokstavskod("Intjanande.Inkomst", "finkomst"), belopp: v.SEK(12_400) },
                { typ: v.bokstavskod("Intjanande.Inkomst", "pgi"), belopp: v.SEK(135_500) },
              ],
            },
          ],
        },
        poang: [1.92],
        pensionsratter: [
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prutb"), belopp: v.SEK(31_400) },
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prprep"), belopp: v.SEK(4_860) },
          // Barnår before the youngest turned four are latent until the year is closed.
          { typ: v.bokstavskod("Intjanande.Pensionsratt", "prlat"), belopp: v.SEK(11_200) },
        ],
        faktiskaPensionsratter: [
          { typ: v.bokstavskod("Intjanande.FaktiskPensionsratt", "prutb"), belopp: v.SEK(31_400) },
          { typ: v.bokstavskod("Intjanande.FaktiskPensionsratt", "prlat"), belopp: v.SEK(11_200) },
        ],
        pensionsbehallningar: [
          { typ: v.bokstavskod("Intjanande.Pensionsbehallning", "pbhutb"), belopp: v.SEK(694_300) },
          { typ: v.bokstavskod("Intjanande.Pensionsbehallning", "pbhlat"), belopp: v.SEK(22_900) },
        ],
        barnbeslut: [
          {
            foralder: v.testperson("1984-01-19", "984"),
            foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 1),
            berattigad: true,
          },
          {
            foralder: avliden,
            foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 2),
            berattigad: false,
            upplysning: "Fadern avliden 2025-02-11",
          },
        ],
      },
    });
  },

  "ung-utvecklingsersattning": (v) => {
    const fran = v.datum({ manaderForePeriod: 1, dag: 3 });
    const fattades = v.datum({ manaderForePeriod: 1, dag: 12 });
    if (fattades > v.idag) return;
    // Anvisad to jobbsökaraktiviteter, then arbetspraktik, then validering of his warehouse skills.
    const anvisningar: [number, string, string | undefined][] = [
      [4, fran, v.plusDagar(v.datum({ dagarEfterPeriodstart: 0 }), 29)],
      [40, v.datum({ dagarEfterPeriodstart: 30 }), v.datum({ dagarEfterPeriodstart: 71 })],
      [61, v.datum({ dagarEfterPeriodstart: 72 }), v.datum({ dagarEfterPeriodstart: 120 })],
    ];
    for (const [program, a, b] of anvisningar)
      if (a <= v.idag && v.beror(a, b))
        v.fk({
          kod: "FK:PANV",
          nyckel: "programanvisning",
          post: {
            period: v.franTill(a, b),
            omfattning: HEL,
            program: v.sifferkod("Programanvisning.Program", program),
          },
        });
    if (!v.beror(fran)) return;
    const dagar = passerade(v, fran, "9999-12-31");
    const grund = {
      fattades,
      definitivt: true,
      forman: { id: "AKS", beskrivning: "Aktivitetsstöd" },
      delforman: { id: "UTV", beskrivning: "Utvecklingsersättning" },
      periodicitet: v.sifferkod("Periodicitet", 0),
      period: v.franTill(fran),
      beslutatBruttobelopp: v.SEK(159),
    };
    v.fk({
      kod: "FK:AS",
      nyckel: "aktivitetsstodsarende",
      post: {
        startades: v.datum({ manaderForePeriod: 1, dag: 4 }),
        aktivt: true,
        avslaget: false,
        grunduppgifter: { atgardstyp: v.sifferkod("Aktivitetsstod.Atgardstyp", 54) },
        beslut: [
          {
            ...grund,
            dagar: dagar.length,
            karens: false,
            ersattning: v.sifferkod("Aktivitetsstod.Ersattning", 3),
          },
        ],
      },
    });
    v.fk({
      kod: "FK:PROG",
      nyckel: "programersattningsarende",
      post: {
        beslut: [
          {
            ...grund,
            dagar,
            ersattningsdagar: dagar.map((dag) => ({
              dag,
              ersattning: v.bokstavskod("Programersattning.Ersattning", "UE"),
              belopp: v.SEK(159),
            })),
            ersattning: v.bokstavskod("Programersattning.Ersattning", "UE"),
          },
        ],
      },
    });
    // Värnplikt 2023 gave pensionsrätt (pensionsgrundande belopp för plikttjänstgöring).
    v.fk({
      kod: "FK:AP",
      nyckel: "intjanandeuppgift",
      post: {
        ar: 2023,
        underlag: {
          pensionsunderlag: [
            {
              uppdaterades: "2024-06-14",
              andringsanledning: "Årligt fastställande",
              underlagPgbForPlikt: [{ belopp: v.SEK(139_200), dagar: 301, halvaMedelPGI: v.SEK(139_200) }],
            },
          ],
        },
      },
    });
  },

  "sambo-bostadsbidrag": (v) => {
    // Hugo lives with his mother: FK pays her underhållsstöd and claims it from Jonas, who is behind.
    if (v.beror("2019-03-01"))
      v.fk({
        kod: "FK:US",
        nyckel: "underhallsstodskrav",
        post: {
          startades: "2019-02-04",
          aktivt: true,
          avslaget: false,
          grunduppgifter: { barn: v.barn(1) },
          beslut: [
            {
              fattades: "2019-02-22",
              definitivt: true,
              forman: { id: "UH", beskrivning: "Underhållsstöd" },
              delforman: { id: "BB", beskrivning: "Betalningsbelopp" },
              periodicitet: v.sifferkod("Periodicitet", 1),
              period: v.franTill("2019-03-01"),
              beslutatBruttobelopp: v.SEK(1_150),
              ersattning: v.sifferkod("Underhallsstod.Ersattning", 2),
              samordnatBruttobelopp: v.SEK(1_150),
            },
          ],
        },
      });
    v.fk({ kod: "FK:US", nyckel: "underhallsskuld", post: { belopp: v.SEK(18_400) } });
    // Home with Vera two days in October when her childminder was ill (he has a B-inkomst from his firm).
    const fran = v.datum({ dagarEfterPeriodstart: 42 });
    const till = v.datum({ dagarEfterPeriodstart: 43 });
    const fattades = v.datum({ dagarEfterPeriodstart: 50 });
    if (fattades <= v.idag && v.beror(fran, till))
      v.fk({
        kod: "FK:TFP",
        nyckel: "tillfalligForaldrapenningarende",
        post: {
          startades: v.datum({ dagarEfterPeriodstart: 44 }),
          aktivt: false,
          avslaget: false,
          grunduppgifter: { barn: v.barn(0) },
          beslut: [
            {
              fattades,
              definitivt: true,
              forman: { id: "VAB", beskrivning: "Tillfällig föräldrapenning" },
              period: v.franTill(fran, till),
              omfattning: HEL,
              dagar: 2,
              bedomdadagar: v.arbetsdagar(fran, till).map((dag) => ({
                dag,
                bedomtBelopp: v.SEK(742),
                inkomsttyp: v.sifferkod("TillfalligForaldrapenning.Inkomsttyp", 2),
                berakningssatt: v.sifferkod("TillfalligForaldrapenning.Berakningssatt", 3),
              })),
              ersattning: v.sifferkod("TillfalligForaldrapenning.Ersattning", 5),
            },
          ],
        },
      });
    // Barnår: who of the parents and step-parents gets the pension right for each child.
    const jonas = v.testperson("1990-02-14", "995");
    const petra = v.testperson("1992-08-09", "982");
    const intjanandear = ar(v.idag) - 1;
    v.fk({
      kod: "FK:AP",
      nyckel: "intjanandeuppgift",
      post: {
        ar: intjanandear,
        barnbeslut: [
          { foralder: jonas, foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 2), berattigad: false },
          { foralder: petra, foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 1), berattigad: true },
          {
            foralder: petra,
            foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 3),
            berattigad: false,
            upplysning: "Hugo bor hos sin mamma",
          },
          {
            foralder: jonas,
            foraldertyp: v.sifferkod("Intjanande.Foraldertyp", 4),
            berattigad: false,
            upplysning: "Tilde bor växelvis",
          },
        ],
      },
    });
  },

  "omvardnadsbidrag-foralder": (v) => {
    const oskar = v.barn(0);
    const i = ar(v.idag);
    if (v.beror("2025-04-01"))
      v.fk({
        kod: "FK:MABB",
        nyckel: "mottagareavbarnbidrag",
        post: {
          grunduppgifter: { personuppgift: oskar },
          beslut: [
            {
              fattades: "2025-03-21",
              definitivt: true,
              forman: { id: "FBB", beskrivning: "Förlängt barnbidrag" },
              periodicitet: v.sifferkod("Periodicitet", 1),
              period: v.franTill("2025-04-01", "2028-06-30"),
              beslutatBruttobelopp: v.SEK(1_250),
              underlag: {
                skolgang: true,
                institutionsplacering: [
                  {
                    institution: v.sifferkod("MottagareAvBarnbidrag.Institution", 1),
                    namn: "Elevhemmet Kaprifolen, gymnasiesärskolan",
                    adress: {
                      utdelningadress: ["Kaprifolvägen 3"],
                      postnummer: "45160",
                      postort: "UDDEVALLA",
                    },
                  },
                ],
                tvaBidragsmottagare: false,
                utbetalningsdatum: `${i}-${v.idag.slice(5, 7)}`,
                utbetalningsmottagare: "198009099907",
              },
            },
          ],
        },
      });
    if (!v.beror("2024-02-01")) return;
    const periodbeslut = (utbetalningstyp: string, fran: string, till?: string) => ({
      period: v.franTill(fran, till),
      omfattning: HALV,
      andel: HEL,
      utbetalningstyp: v.bokstavskod("Omvardnadsbidrag.Utbetalningstyp", utbetalningstyp),
    });
    v.fk({
      kod: "FK:OMV",
      nyckel: "omvardnadsbidragsarende",
      post: {
        startades: "2024-01-15",
        aktivt: true,
        avslaget: false,
        beslut: {
          fattades: "2024-05-07",
          definitivt: true,
          forman: { id: "OMV", beskrivning: "Omvårdnadsbidrag" },
          periodicitet: v.sifferkod("Periodicitet", 1),
          period: v.franTill("2024-02-01", "2027-03-31"),
          beslutatBruttobelopp: v.SEK(3_125),
          beslutstatus: v.bokstavskod("Merkostnadsersattning.Beslutstatus", "S"),
          beslutsutfall: v.sifferkod("Omvardnadsbidrag.Beslutsutfall", 2),
          upphorandeManadFrom: ["2027-04"],
          periodbeslut: [
            periodbeslut("R", "2024-02-01", "2024-05-31"),
            periodbeslut("L", "2024-06-01", "2027-03-31"),
            // The summer weeks at home from the elevhem count as ferie.
            periodbeslut("F", `${i}-06-15`, `${i}-08-15`),
          ],
          underlag: { Barn: [oskar] },
        },
      },
    });
    v.fk({
      kod: "FK:MEK",
      nyckel: "merkostnadsersattningsarende",
      post: {
        startades: "2024-01-15",
        aktivt: true,
        avslaget: false,
        beslut: {
          fattades: "2024-05-07",
          definitivt: true,
          forman: { id: "MEK", beskrivning: "Merkostnadsersättning" },
          periodicitet: v.sifferkod("Periodicitet", 1),
          period: v.franTill("2024-02-01", "2027-03-31"),
          beslutatBruttobelopp: v.SEK(1_470),
          beslutstatus: v.bokstavskod("Merkostnadsersattning.Beslutstatus", "S"),
          beslutsutfall: v.sifferkod("Merkostnadsersattning.Beslutsutfall", 2),
          periodbeslut: [
            {
              period: v.franTill("2024-02-01", "2024-05-31"),
              omfattning: HEL,
              andel: HEL,
              utbetalningstyp: v.bokstavskod("Merkostnadsersattning.Utbetalningstyp", "R"),
            },
            {
              period: v.franTill("2024-06-01", "2027-03-31"),
              omfattning: HEL,
              andel: HEL,
              utbetalningstyp: v.bokstavskod("Merkostnadsersattning.Utbetalningstyp", "L"),
            },
          ],
          underlag: { Barn: [oskar] },
        },
      },
    });
    // A kontaktdag at Oskar's school in October, two hours (timberäknad).
    const kontaktdag = v.datum({ dagarEfterPeriodstart: 45 });
    if (v.datum({ dagarEfterPeriodstart: 52 }) <= v.idag && v.beror(kontaktdag, kontaktdag))
      v.fk({
        kod: "FK:TFP",
        nyckel: "tillfalligForaldrapenningarende",
        post: {
          startades: v.datum({ dagarEfterPeriodstart: 46 }),
          aktivt: false,
          avslaget: false,
          grunduppgifter: { barn: oskar },
          beslut: [
            {
              fattades: v.datum({ dagarEfterPeriodstart: 52 }),
              definitivt: true,
              forman: { id: "VAB", beskrivning: "Tillfällig föräldrapenning" },
              period: v.franTill(kontaktdag, kontaktdag),
              omfattning: { taljare: 1, namnare: 4 },
              dagar: 1,
              bedomdadagar: [
                {
                  dag: kontaktdag,
                  bedomtBelopp: v.SEK(176),
                  inkomsttyp: v.sifferkod("TillfalligForaldrapenning.Inkomsttyp", 1),
                  berakningssatt: v.sifferkod("TillfalligForaldrapenning.Berakningssatt", 1),
                },
              ],
              ersattning: v.sifferkod("TillfalligForaldrapenning.Ersattning", 2),
            },
          ],
        },
      });
    const np = [v.datum({ dagarEfterPeriodstart: 28 }), v.datum({ dagarEfterPeriodstart: 30 })] as const;
    if (v.datum({ dagarEfterPeriodstart: 41 }) <= v.idag && v.beror(np[0], np[1]))
      v.fk({
        kod: "FK:NP",
        nyckel: "narstaendepenningarende",
        post: {
          startades: v.datum({ dagarEfterPeriodstart: 30 }),
          aktivt: false,
          avslaget: false,
          beslut: [
            {
              fattades: v.datum({ dagarEfterPeriodstart: 41 }),
              definitivt: true,
              forman: { id: "NP", beskrivning: "Närståendepenning" },
              period: v.franTill(np[0], np[1]),
              omfattning: HEL,
              dagar: v.arbetsdagar(np[0], np[1]).length,
              karens: false,
              ersattning: v.sifferkod("Narstaendepenning.Ersattning", 1),
            },
          ],
        },
      });
    const fs = [v.datum({ dagarEfterPeriodstart: 49 }), v.datum({ dagarEfterPeriodstart: 52 })] as const;
    if (v.datum({ dagarEfterPeriodstart: 56 }) <= v.idag && v.beror(fs[0], fs[1])) {
      const dagar = v.arbetsdagar(fs[0], fs[1]);
      v.fk({
        kod: "FK:FSJP",
        nyckel: "forebyggandeSjukpenningsarende",
        post: {
          startades: v.datum({ dagarEfterPeriodstart: 43 }),
          aktivt: false,
          beslut: [
            {
              fattades: v.datum({ dagarEfterPeriodstart: 56 }),
              definitivt: true,
              forman: { id: "FSJP", beskrivning: "Förebyggande sjukpenning" },
              period: v.franTill(fs[0], fs[1]),
              omfattning: HEL,
              dagar: dagar.length,
              karens: false,
              beslutsutfall: "Bifall",
              beslutstyp: "Grundbeslut",
              ersattning: "Förebyggande sjukpenning",
              ersattningsniva: "Normalnivå",
              ersattningsdagar: dagar.map((ersattningsdatum) => ({
                ersattningsdatum,
                ersattningsbelopp: v.SEK(704),
              })),
            },
          ],
        },
      });
    }
  },

  "atervandare-norge": (v) => {
    // Levnadsintyg while he lived in Norway, as FK and PM hold them.
    const i = ar(v.idag);
    const fkIntyg: [string, number][] = [
      // Not sent at first: his Oslo address was incomplete after a move within the city.
      [`${i - 2}-01-05`, 20],
      [`${i - 2}-01-12`, 0],
      [`${i - 2}-02-03`, 1],
      [`${i - 2}-03-20`, 4],
      [`${i - 2}-04-24`, 5],
      [`${i - 2}-05-06`, 10],
      [`${i - 2}-05-21`, 2],
      [`${i - 1}-01-09`, 0],
      [`${i - 1}-02-02`, 1],
      [`${i - 1}-03-02`, 3],
      [`${i - 1}-03-14`, 9],
      [`${i - 1}-04-08`, 8],
      [`${i}-01-15`, 7],
      [`${i}-02-02`, 1],
      [`${i}-03-03`, 2],
      [v.datum({ manaderForePeriod: -1, dag: 21 }), 25],
    ];
    for (const [uppdaterades, status] of fkIntyg)
      if (uppdaterades <= v.idag)
        v.fk({
          kod: "FK:AP",
          nyckel: "levnadsintygsuppgift",
          post: { uppdaterades, status: v.sifferkod("Levnadsintyg.Status", status) },
        });
    const pmIntyg: [string, number][] = [
      // Not sent at first: PM still had the incomplete Oslo address.
      [`${i - 1}-01-05`, 20],
      [`${i - 1}-01-09`, 0],
      [`${i - 1}-02-02`, 1],
      [`${i - 1}-03-16`, 4],
      [`${i - 1}-04-22`, 5],
      [`${i - 1}-05-04`, 10],
      [`${i - 1}-05-12`, 9],
      [`${i - 1}-05-30`, 8],
      [`${i}-01-12`, 3],
      [`${i}-02-02`, 7],
      [`${i}-02-20`, 2],
    ];
    for (const [senastUppdaterad, status] of pmIntyg)
      if (senastUppdaterad <= v.idag)
        v.pmOvrigt({
          informationstyp: v.pmKod("Pm.OvrigInformationTypKod", "PM:LINT"),
          levnadsintyg: {
            senastUppdaterad,
            levnadsintygsstatus: {
              kod: status as LefiPmLevnadsintygStatusKod,
              beskrivning: v.pmKod("Pm.LevnadsintygStatusKod", String(status)).beskrivning,
            },
          },
        });
    // The income pension account when he started drawing it.
    v.pmOvrigt({
      informationstyp: v.pmKod("Pm.OvrigInformationTypKod", "PM:PBH"),
      pensionsbehallning: {
        pensionskonton: [
          {
            kontotyp: v.pmKod("Pm.PensionKontoTypKod", "IP"),
            kontovarden: [
              {
                varde: 2_164_300,
                gallerFrom: "2026-02",
                faststallelsear: "2026",
                kontohandelse: {
                  kontohandelsetyp: v.pmKod("Pm.PensionKontoHandelseTypKod", "NYTT_ANDRAT_PENSIONSUTTAG"),
                  kontohandelsetidpunkt: "2026-01-14T06:00:00Z",
                  kontotransaktioner: [
                    {
                      kontotransaktionstyp: v.pmKod("Pm.PensionKontoTransaktionTypKod", "PENSIONSRATT"),
                      belopp: 31_200,
                    },
                    {
                      kontotransaktionstyp: v.pmKod(
                        "Pm.PensionKontoTransaktionTypKod",
                        "BALANSERAD_PENSIONSRATT",
                      ),
                      belopp: 30_750,
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    });
    // Sjukersättning until he turned 65, with earnings in Norway: the steglös avräkning of the last year.
    v.fk({
      kod: "FK:SA",
      nyckel: "sjukOchAktivitetsersattningSteglosAvrakningHistorik",
      post: {
        artal: "2025",
        arsinkomstISverige: [v.SEK(0)],
        arsinkomstIAnnatLand: [v.SEK(96_000)],
        fribelopp: [v.SEK(64_400)],
        mellanskillnad: [v.SEK(31_600)],
        tillagg: [v.SEK(0)],
        avgift: [v.SEK(0)],
        utbetalning: [v.SEK(112_900)],
        aterkrav: [v.SEK(15_800)],
      },
    });
  },

  "gravid-foraldrapenning": (v) => {
    if (v.beror("2026-09-07", "2026-10-11") && v.idag >= "2026-08-28")
      v.fk({
        kod: "FK:GP",
        nyckel: "graviditetspenningsarende",
        post: {
          startades: "2026-08-17",
          aktivt: v.idag <= "2026-10-11",
          avslaget: false,
          beslut: [
            {
              fattades: "2026-08-28",
              definitivt: true,
              forman: { id: "GP", beskrivning: "Graviditetspenning" },
              period: v.franTill("2026-09-07", "2026-09-30"),
              omfattning: HEL,
              dagar: 24,
              ersattning: v.sifferkod("Graviditetspenning.Ersattning", 1),
            },
            {
              // From October her work moved to the disinfection room: risker i arbetsmiljön.
              fattades: "2026-09-29",
              definitivt: true,
              forman: { id: "GP", beskrivning: "Graviditetspenning" },
              period: v.franTill("2026-10-01", "2026-10-11"),
              omfattning: HEL,
              dagar: 11,
              ersattning: v.sifferkod("Graviditetspenning.Ersattning", 2),
            },
          ],
        },
      });
    const fran = "2026-10-22";
    if (v.idag < "2026-10-30" || !v.beror(fran)) return;
    // Grundnivå (her SGI is low), the first ten days together with the father (dubbeldagar);
    // the two weeks she has applied for ahead are lägstanivådagar.
    const dagar = v.arbetsdagar(fran, v.idag);
    const dubbel = dagar.slice(0, 10);
    const vanliga = dagar.slice(10);
    const beslut = (lista: string[], ersattning: number) => ({
      fattades: "2026-10-30",
      definitivt: true,
      forman: { id: "FP", beskrivning: "Föräldrapenning" },
      period: v.franTill(lista[0] ?? fran, lista[lista.length - 1] ?? fran),
      omfattning: HEL,
      dagar: lista.length,
      ersattning: v.sifferkod("Foraldrapenning.Ersattning", ersattning),
      ersattningsdagar: lista.map((dag) => ({
        dag,
        niva: v.bokstavskod("Foraldrapenning.Niva", "G"),
        bruttobelopp: v.SEK(250),
      })),
    });
    v.fk({
      kod: "FK:FP",
      nyckel: "foraldrapenningarende",
      post: {
        startades: "2026-10-26",
        aktivt: true,
        avslaget: false,
        grunduppgifter: { barn: v.barn(0) },
        beslut: [beslut(dubbel, 5), ...(vanliga.length > 0 ? [beslut(vanliga, 3)] : [])],
        anspraksdagar: v
          .arbetsdagar(v.plusDagar(v.idag, 1), v.plusDagar(v.idag, 14))
          .map((dag) => ({ dag, niva: v.bokstavskod("Foraldrapenning.Niva", "L"), omfattning: HEL })),
      },
    });
  },
};
