import { CSN_TYPER } from "../../contract/csn/codec.js";
import type {
  Belopp,
  Beviljadtid,
  CsnPerson,
  HutArende,
  OssArende,
  Sokttid,
  StudiestodArende,
  Utbetaldtid,
  Utbetalning,
} from "../../contract/csn/model.js";
import { HarnessError } from "../../contract/errors.js";
import {
  bankdagPaEllerFore,
  dagIManad,
  dagnummerAv,
  datumAv,
  mandagFore,
  plusDagar,
  sondagEfter,
  utbetalningsdag,
  veckodagAv,
} from "../../contract/kalender.js";
import { BegransatMinne } from "../../contract/minne.js";
import { fodelsedatum, kontrollsiffra } from "../../contract/personidentitet.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";
import { berattelseperiod } from "../population/historia.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { CSN_RESULTAT, type CsnResultat, idag } from "./errors.js";
import {
  type ArendeFakta,
  type ArendeStatus,
  type CsnFakta,
  STODSLAG,
  type Stodslag,
  type Takt,
} from "./model.js";

// ---------------------------------------------------------------------------------------------
// Calendar: the shared one (contract/kalender.ts)
// ---------------------------------------------------------------------------------------------

/** `YYYY-MM-DD` plus `n` days: the shared {@link plusDagar} under CSN's name. */
export const laggTillDagar = plusDagar;

/** Monday of ISO week `vecka` of `ar` (week 1 holds 4 January). */
function isoVeckansMandag(ar: number, vecka: number): string {
  return laggTillDagar(mandagFore(`${ar}-01-04`), (vecka - 1) * 7);
}

function datum(ar: number, manad: number, dag: number): string {
  return dagIManad(`${String(ar).padStart(4, "0")}-${String(manad).padStart(2, "0")}-01`, dag);
}

/** A month as CSN pays it: its first and last day (day numbers) and CSN's payment day. */
interface Manad {
  forsta: number;
  sista: number;
  betaldag: string;
  betaldagnr: number;
}

/** The month a day lies in, as a number: year × 12 + month − 1 (consecutive months, consecutive numbers). */
function manadsindex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

// Every payment plan walks its months; the same few dozen months serve every answer.
const MANADER = new BegransatMinne<number, Manad>(10_000, (index) => {
  const ar = Math.floor(index / 12);
  const manad = index - ar * 12 + 1;
  const forsta = datum(ar, manad, 1);
  // CSN's payment day: the 25th, moved back to the bank day before (the shared rule).
  const betaldag = utbetalningsdag("CSN", forsta);
  return {
    forsta: dagnummerAv(forsta),
    sista: dagnummerAv(datum(ar, manad, 31)),
    betaldag,
    betaldagnr: dagnummerAv(betaldag),
  };
});

/** The first Monday on or after a day (day numbers). */
function mandagFran(dn: number): number {
  return dn + ((8 - veckodagAv(dn)) % 7);
}

// Every date of every answer is written in CSN's form, and the dates are the same few hundred days.
const CSN_DATUM = new BegransatMinne<string, string>(60_000, (iso) => iso.replace(/-/g, ""));

/** `YYYY-MM-DD` → CSN's `YYYYMMDD`. */
export function csnDatum(iso: string): string {
  return CSN_DATUM.hamta(iso);
}

/** A day number → CSN's `YYYYMMDD`. */
function csnDag(dn: number): string {
  return CSN_DATUM.hamta(datumAv(dn));
}

function overlappar(start: string, slut: string, p: Tidsperiod): boolean {
  return start <= p.tomDatum && slut >= p.fromDatum;
}

// ---------------------------------------------------------------------------------------------
// The named personas' facts (fixtures/personas/personas.json, kallor including "CSN")
// ---------------------------------------------------------------------------------------------

const STUDIEMEDEL_SVERIGE = "Studiemedel för studier i Sverige";

/** A test personnummer (reserved series 980–999) for the kodtäckning co-borrower. */
const KODTACKNING_MEDLANARE = `19921010991${kontrollsiffra("921010991")}`;

/** The co-borrower of flykting-hemutrustningslan's loan: her husband (a test personnummer, no persona). */
const FLYKTING_MEDLANARE = `19890503981${kontrollsiffra("890503981")}`;

/**
 * A studiehjälp ärende held together by an SH ärende (`relaterat`) for the same school years:
 * it carries its granted amounts, the holder makes the payments.
 */
function delAvStudiehjalp(
  relaterat: string,
  stodform: string,
  klartext: string,
  beloppstyp: string,
  belopp: number,
): ArendeFakta {
  return {
    stodslag: "studiehjalp",
    stodform,
    klartext,
    relaterat,
    tid: { typ: "lasar", forstaLasar: 2000, sistaLasar: 2100 },
    belopp: [{ beloppstyp, belopp }],
    utbetalas: false,
  };
}

/**
 * CSN's facts for every named persona whose `kallor` includes "CSN", coherent with the story.
 * Amounts per week for studiemedel, studiestartsstöd and omställningsstudiestöd, per month for
 * studiehjälp, the whole loan for hemutrustningslån.
 */
export const FAKTA: Readonly<Record<string, CsnFakta>> = {
  // Universitet på heltid: 3 564 kr bidrag + 8 160 kr lån per 4 veckor = 891 + 2 040 per vecka.
  "student-bostadsbidrag": {
    arenden: [
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "terminer" },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 891 },
          { beloppstyp: "GRUNDL", belopp: 2040 },
        ],
      },
    ],
  },
  // Sekretessmarkerad; studerar på halvfart med bidrag och lån.
  "skyddad-identitet": {
    arenden: [
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "terminer" },
        takt: 50,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 446 },
          { beloppstyp: "GRUNDL", belopp: 1020 },
        ],
      },
      // Läste in gymnasiebehörighet på komvux på 75 % våren 2025, över 25 år: förhöjt bidrag
      // och lån till förhöjt bidrag; avslutat.
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "fast", start: "2025-01-13", slut: "2025-06-01" },
        takt: 75,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDF", belopp: 1669 },
          { beloppstyp: "GRUNFL", belopp: 780 },
        ],
      },
    ],
  },
  // Hemutrustningslån utbetalt 2025-09-15 (berättelsens datum).
  "nyanland-etablering": {
    arenden: [
      {
        stodslag: "hemutrustningslan",
        stodform: "HUT",
        klartext: "Hemutrustningslån",
        status: "BESLUTAD",
        tid: { typ: "engang", utbetdatum: "2025-09-15" },
        belopp: [{ beloppstyp: "HUT", belopp: 25900 }],
      },
    ],
  },
  // Kvotflykting, inrest 2024-12-01: lånet betalades ut när bostaden var ordnad.
  "hemutrustningslan-put": {
    arenden: [
      {
        stodslag: "hemutrustningslan",
        stodform: "HUT",
        klartext: "Hemutrustningslån",
        status: "BESLUTAD",
        tid: { typ: "engang", utbetdatum: "2025-01-20" },
        belopp: [{ beloppstyp: "HUT", belopp: 28600 }],
      },
    ],
  },
  // Född 2007-08-28: gymnasial lärlingsutbildning från läsåret 2023/24, sista läsåret 2026/27;
  // studiebidrag 1 250 kr och lärlingsersättning 800 kr per månad sep–jun.
  "gymnasieelev-studiehjalp": {
    arenden: [
      {
        id: "gy-sh",
        stodslag: "studiehjalp",
        stodform: "SH",
        klartext: "{lasar} Studiehjälp Sverige",
        tid: { typ: "lasar", forstaLasar: 2023, sistaLasar: 2026 },
        belopp: [
          { beloppstyp: "STUDB", belopp: 1250 },
          { beloppstyp: "LÄRERS", belopp: 800 },
        ],
      },
      {
        ...delAvStudiehjalp("gy-sh", "SB", "Studiebidrag", "STUDB", 1250),
        tid: { typ: "lasar", forstaLasar: 2023, sistaLasar: 2026 },
      },
      // Gymnasial lärlingsutbildning: lärlingsersättningen är ett eget ärende som SH håller samman.
      {
        ...delAvStudiehjalp("gy-sh", "LÄRLE", "Lärlingsersättning", "LÄRERS", 800),
        tid: { typ: "lasar", forstaLasar: 2023, sistaLasar: 2026 },
      },
    ],
  },
  // Yrkesväxlare: en utbildning som började före och slutar efter frågeperioden, bidrag + lån.
  omstallningsstudiestod: {
    arenden: [
      {
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        tid: { typ: "kring", veckorFore: 12, veckorEfter: 20 },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "OSSBID", belopp: 3020 },
          { beloppstyp: "OSSLÅN", belopp: 1190 },
        ],
      },
    ],
  },
  // Komvux med studiestartsstöd (bara bidrag, inget lån).
  studiestartsstod: {
    arenden: [
      {
        stodslag: "studiestartsstod",
        stodform: "SSSTÖD",
        klartext: "Studiestartsstöd för studier i Sverige",
        tid: { typ: "kring", veckorFore: 6, veckorEfter: 14 },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDB", belopp: 2497 }],
      },
    ],
  },
  // Avbrutna studier: terminen började 14 veckor före perioden, avbröts efter 8 veckor.
  "ung-utan-inkomst": {
    arenden: [
      // Före studierna hon sedan avbröt: en utbytestermin i Spanien våren 2025 med studiemedel för
      // studier utomlands och merkostnadslån för resan och försäkringen, avslutad.
      {
        id: "utland",
        stodslag: "studiemedel",
        stodform: "GRUNDU",
        klartext: "Studiemedel för studier utomlands",
        tid: { typ: "fast", start: "2025-01-20", slut: "2025-06-08" },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 891 },
          { beloppstyp: "GRUNDL", belopp: 2040 },
        ],
      },
      {
        stodslag: "studiemedel",
        stodform: "MLÅNU",
        klartext: "Merkostnadslån för studier utomlands",
        relaterat: "utland",
        tid: { typ: "fast", start: "2025-01-20", slut: "2025-06-08" },
        takt: 100,
        soktLan: true,
        belopp: [{ beloppstyp: "MERKL", belopp: 250 }],
        utbetalas: false,
      },
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        status: "AVSLUTAT",
        tid: { typ: "avbruten", veckorFore: 14, veckorStuderade: 8, veckorSokta: 20 },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 891 },
          { beloppstyp: "GRUNDL", belopp: 2040 },
        ],
      },
    ],
  },
  // Tidigare studiemedel (läsåret 1991/92); återbetalningen syns inte i kommunfrågan.
  "hela-kedjan": {
    arenden: [
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "fast", start: "1991-08-26", slut: "1992-05-31" },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 420 },
          { beloppstyp: "GRUNDL", belopp: 1130 },
        ],
      },
      // En distanskurs i arbetsmiljö på 40 % våren 2024 med omställningsstudiestöd (bara
      // bidrag) vid sidan av arbetet; avslutad.
      {
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        tid: { typ: "fast", start: "2024-01-15", slut: "2024-06-02" },
        takt: 40,
        soktLan: false,
        belopp: [{ beloppstyp: "OSSBID", belopp: 1208 }],
      },
    ],
  },
  // Konstgjord: varje stödform, beloppstyp, status, takt, sökt lån och utbetalningsstatus.
  kodtackning: {
    arenden: [
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "terminer" },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 891 },
          { beloppstyp: "GRUNDF", belopp: 2225 },
          { beloppstyp: "GRUNDL", belopp: 2040 },
          { beloppstyp: "GRUNFL", belopp: 1040 },
        ],
      },
      {
        stodslag: "studiemedel",
        stodform: "GRUNDU",
        klartext: "Studiemedel för studier utomlands",
        status: "BESLUTAD",
        tid: { typ: "kring", veckorFore: 4, veckorEfter: 8 },
        takt: 75,
        soktLan: false,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 668 },
          { beloppstyp: "GRUNDL", belopp: 1530 },
          { beloppstyp: "TILL", belopp: 1200 },
        ],
        sistaUtbetalningPlanerad: true,
      },
      {
        stodslag: "studiemedel",
        stodform: "MLÅN",
        klartext: "Merkostnadslån för studier i Sverige",
        tid: { typ: "kring", veckorFore: 4, veckorEfter: 8 },
        takt: 0,
        soktLan: true,
        belopp: [{ beloppstyp: "MERKL", belopp: 500 }],
      },
      {
        stodslag: "studiemedel",
        stodform: "MLÅNU",
        klartext: "Merkostnadslån för studier utomlands",
        status: "INITIERAT",
        tid: { typ: "ansokan", veckorEfter: 2, veckor: 10 },
        takt: 50,
        soktLan: true,
        belopp: [],
      },
      {
        stodslag: "studiemedel",
        stodform: "TLÅN",
        klartext: "Tilläggslån",
        status: "INITIERAD",
        tid: { typ: "ansokan", veckorEfter: 2, veckor: 10 },
        takt: 100,
        soktLan: true,
        belopp: [],
      },
      {
        stodslag: "studiemedel",
        stodform: "TILB",
        klartext: "Tilläggsbidrag",
        status: "          ",
        tid: { typ: "kring", veckorFore: 4, veckorEfter: 8 },
        takt: 50,
        soktLan: false,
        belopp: [{ beloppstyp: "TILB", belopp: 300 }],
      },
      {
        id: "sh",
        stodslag: "studiehjalp",
        stodform: "SH",
        klartext: "{lasar} Studiehjälp Sverige",
        tid: { typ: "lasar", forstaLasar: 2000, sistaLasar: 2100 },
        belopp: [
          { beloppstyp: "STUDB", belopp: 1250 },
          { beloppstyp: "INACK", belopp: 1190 },
          { beloppstyp: "EXTRA", belopp: 855 },
          { beloppstyp: "LÄRERS", belopp: 800 },
        ],
      },
      delAvStudiehjalp("sh", "SB", "Studiebidrag", "STUDB", 1250),
      delAvStudiehjalp("sh", "EXTRA", "Extra tillägg", "EXTRA", 855),
      delAvStudiehjalp("sh", "INACK", "Inackorderingstillägg", "INACK", 1190),
      delAvStudiehjalp("sh", "LÄRLE", "Lärlingsersättning", "LÄRERS", 800),
      {
        id: "shu",
        stodslag: "studiehjalp",
        stodform: "SHU",
        klartext: "2009/10 Studiehjälp utomlands",
        status: "AVSLUTAT",
        tid: { typ: "fast", start: "2009-09-01", slut: "2010-06-30" },
        belopp: [{ beloppstyp: "STUDB", belopp: 1050 }],
      },
      {
        stodslag: "studiehjalp",
        stodform: "SBU",
        klartext: "Studiebidrag",
        status: "AVSLUTAD",
        relaterat: "shu",
        tid: { typ: "fast", start: "2009-09-01", slut: "2010-06-30" },
        belopp: [{ beloppstyp: "STUDB", belopp: 1050 }],
        utbetalas: false,
      },
      {
        stodslag: "studiehjalp",
        stodform: "EXTRAU",
        klartext: "Extra tillägg",
        relaterat: "shu",
        tid: { typ: "fast", start: "2009-09-01", slut: "2010-06-30" },
        belopp: [{ beloppstyp: "EXTRA", belopp: 570 }],
        utbetalas: false,
      },
      {
        stodslag: "studiehjalp",
        stodform: "INACKU",
        klartext: "Inackorderingstillägg",
        relaterat: "shu",
        tid: { typ: "fast", start: "2009-09-01", slut: "2010-06-30" },
        belopp: [{ beloppstyp: "INACK", belopp: 1000 }],
        utbetalas: false,
      },
      {
        stodslag: "hemutrustningslan",
        stodform: "HUT",
        klartext: "Hemutrustningslån",
        status: "AVSLUTAD",
        tid: { typ: "engang-nyligen", dagarFore: 20 },
        belopp: [{ beloppstyp: "HUT", belopp: 30000 }],
        medlanare: KODTACKNING_MEDLANARE,
      },
      {
        id: "sss",
        stodslag: "studiestartsstod",
        stodform: "SSSTÖD",
        klartext: "Studiestartsstöd för studier i Sverige",
        tid: { typ: "kring", veckorFore: 6, veckorEfter: 10 },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDB", belopp: 2497 }],
      },
      {
        stodslag: "studiestartsstod",
        stodform: "TBID",
        klartext: "Tilläggsbidrag",
        relaterat: "sss",
        tid: { typ: "kring", veckorFore: 6, veckorEfter: 10 },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDT", belopp: 300 }],
      },
      {
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        tid: { typ: "kring", veckorFore: 4, veckorEfter: 12 },
        takt: 60,
        soktLan: true,
        belopp: [
          { beloppstyp: "OSSBID", belopp: 1812 },
          { beloppstyp: "OSSLÅN", belopp: 714 },
        ],
      },
      {
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        tid: { typ: "fast", start: "2024-01-08", slut: "2024-06-09" },
        takt: 40,
        soktLan: false,
        belopp: [{ beloppstyp: "OSSBID", belopp: 1208 }],
      },
      {
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        status: "INITIERAT",
        tid: { typ: "ansokan", veckorEfter: 2, veckor: 20 },
        takt: 20,
        soktLan: true,
        belopp: [],
      },
    ],
  },
  // Sjuksköterskestudent med två barn: tilläggsbidraget är ett eget ärende som hör till studiemedlet.
  "studentforalder-tillaggsbidrag": {
    arenden: [
      {
        id: "sm",
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "terminer" },
        takt: 100,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: 891 },
          { beloppstyp: "GRUNDL", belopp: 2040 },
        ],
      },
      {
        stodslag: "studiemedel",
        stodform: "TILB",
        klartext: "Tilläggsbidrag",
        relaterat: "sm",
        tid: { typ: "terminer" },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "TILB", belopp: 300 }],
        utbetalas: false,
      },
      // Tilläggslån: hon arbetade som undersköterska före studierna (eget ärende till studiemedlet).
      {
        stodslag: "studiemedel",
        stodform: "TLÅN",
        klartext: "Tilläggslån",
        relaterat: "sm",
        tid: { typ: "terminer" },
        takt: 100,
        soktLan: true,
        belopp: [{ beloppstyp: "TILL", belopp: 1020 }],
        utbetalas: false,
      },
    ],
  },
  // Naturbruksgymnasiet på annan ort: studiebidrag, extra tillägg och inackorderingstillägg under SH.
  "gymnasieelev-inackordering": {
    arenden: [
      {
        id: "sh",
        stodslag: "studiehjalp",
        stodform: "SH",
        klartext: "{lasar} Studiehjälp Sverige",
        tid: { typ: "lasar", forstaLasar: 2025, sistaLasar: 2027 },
        belopp: [
          { beloppstyp: "STUDB", belopp: 1250 },
          { beloppstyp: "EXTRA", belopp: 855 },
          { beloppstyp: "INACK", belopp: 1190 },
        ],
      },
      {
        ...delAvStudiehjalp("sh", "SB", "Studiebidrag", "STUDB", 1250),
        tid: { typ: "lasar", forstaLasar: 2025, sistaLasar: 2027 },
      },
      {
        ...delAvStudiehjalp("sh", "EXTRA", "Extra tillägg", "EXTRA", 855),
        tid: { typ: "lasar", forstaLasar: 2025, sistaLasar: 2027 },
      },
      {
        ...delAvStudiehjalp("sh", "INACK", "Inackorderingstillägg", "INACK", 1190),
        tid: { typ: "lasar", forstaLasar: 2025, sistaLasar: 2027 },
      },
    ],
  },
  // Komvux med studiestartsstöd och tilläggsbidrag för dottern.
  "komvux-studiestartsstod": {
    arenden: [
      {
        id: "sss",
        stodslag: "studiestartsstod",
        stodform: "SSSTÖD",
        klartext: "Studiestartsstöd för studier i Sverige",
        tid: { typ: "kring", veckorFore: 6, veckorEfter: 14 },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDB", belopp: 2497 }],
      },
      {
        stodslag: "studiestartsstod",
        stodform: "TBID",
        klartext: "Tilläggsbidrag",
        relaterat: "sss",
        tid: { typ: "kring", veckorFore: 6, veckorEfter: 14 },
        takt: 100,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDT", belopp: 300 }],
      },
      // Har sökt studiemedel på 60 % för att fortsätta komvux efter studiestartsstödet; ej beslutat.
      {
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "ansokan", veckorEfter: 14, veckor: 20 },
        takt: 60,
        soktLan: true,
        belopp: [],
      },
    ],
  },
  // Flykting: hemutrustningslånet tillsammans med maken, utbetalt för tre veckor sedan.
  "flykting-hemutrustningslan": {
    arenden: [
      {
        stodslag: "hemutrustningslan",
        stodform: "HUT",
        klartext: "Hemutrustningslån",
        status: "BESLUTAD",
        tid: { typ: "engang-nyligen", dagarFore: 21 },
        belopp: [{ beloppstyp: "HUT", belopp: 31500 }],
        medlanare: FLYKTING_MEDLANARE,
      },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Generated persons
// ---------------------------------------------------------------------------------------------

function alder(personidentitet: string, dagensDatum: string): number {
  const f = fodelsedatum(personidentitet);
  const ar = Number(dagensDatum.slice(0, 4)) - Number(f.slice(0, 4));
  return dagensDatum.slice(5) < f.slice(5) ? ar - 1 : ar;
}

function skala(belopp: number, takt: Takt): number {
  return Math.round((belopp * takt) / 100);
}

/**
 * CSN's facts for a generated person whose `kallor` includes "CSN": chosen by age with a
 * seeded Rng (`hashSeed(seed, "csn", personidentitet)`), so the same seed gives the same facts.
 *
 * @example
 * genereraFakta(persona, 42, "2026-11-20").arenden[0]?.stodform // e.g. "GRUND"
 */
export function genereraFakta(persona: Persona, seed: number, dagensDatum: string): CsnFakta {
  const rng = new Rng(hashSeed(seed, "csn", persona.personidentitet));
  const fodd = Number(fodelsedatum(persona.personidentitet).slice(0, 4));
  const ar = alder(persona.personidentitet, dagensDatum);
  const arenden: ArendeFakta[] = [];
  const tidigareStudier = (): ArendeFakta => {
    const start = isoVeckansMandag(fodd + 20 + rng.int(0, 4), 35);
    return {
      stodslag: "studiemedel",
      stodform: "GRUND",
      klartext: STUDIEMEDEL_SVERIGE,
      tid: { typ: "fast", start, slut: laggTillDagar(start, 40 * 7 - 1) },
      takt: 100,
      soktLan: true,
      belopp: [
        { beloppstyp: "GRUNDB", belopp: rng.int(400, 800) },
        { beloppstyp: "GRUNDL", belopp: rng.int(1100, 1900) },
      ],
    };
  };
  if (ar >= 15 && ar <= 19) {
    arenden.push({
      stodslag: "studiehjalp",
      stodform: "SH",
      klartext: "{lasar} Studiehjälp Sverige",
      tid: { typ: "lasar", forstaLasar: fodd + 15, sistaLasar: fodd + 19 },
      belopp: [
        { beloppstyp: "STUDB", belopp: 1250 },
        ...(rng.chance(0.15) ? [{ beloppstyp: "INACK", belopp: 1190 }] : []),
      ],
    });
  } else if (ar >= 20 && ar <= 64) {
    const val = rng.next();
    const takt = rng.pick<Takt>([50, 75, 100, 100]);
    if (ar >= 27 && val < 0.15) {
      arenden.push({
        stodslag: "omstallningsstudiestod",
        stodform: "OSS",
        klartext: "Omställningsstudiestöd",
        tid: { typ: "kring", veckorFore: rng.int(2, 20), veckorEfter: rng.int(4, 30) },
        takt,
        soktLan: rng.chance(0.5),
        belopp: [
          { beloppstyp: "OSSBID", belopp: skala(rng.int(2400, 3300), takt) },
          { beloppstyp: "OSSLÅN", belopp: skala(rng.int(600, 1300), takt) },
        ],
      });
    } else if (ar >= 25 && val < 0.3) {
      arenden.push({
        stodslag: "studiestartsstod",
        stodform: "SSSTÖD",
        klartext: "Studiestartsstöd för studier i Sverige",
        tid: { typ: "kring", veckorFore: rng.int(1, 15), veckorEfter: rng.int(2, 25) },
        takt,
        soktLan: false,
        belopp: [{ beloppstyp: "STÖDB", belopp: skala(2497, takt) }],
      });
    } else if (val < 0.45) {
      arenden.push({
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        status: "AVSLUTAT",
        tid: {
          typ: "avbruten",
          veckorFore: rng.int(10, 20),
          veckorStuderade: rng.int(2, 8),
          veckorSokta: 20,
        },
        takt,
        soktLan: true,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: skala(891, takt) },
          { beloppstyp: "GRUNDL", belopp: skala(2040, takt) },
        ],
      });
    } else if (ar <= 45) {
      const lan = rng.chance(0.7);
      arenden.push({
        stodslag: "studiemedel",
        stodform: "GRUND",
        klartext: STUDIEMEDEL_SVERIGE,
        tid: { typ: "terminer" },
        takt,
        soktLan: lan,
        belopp: [
          { beloppstyp: "GRUNDB", belopp: skala(891, takt) },
          ...(lan ? [{ beloppstyp: "GRUNDL", belopp: skala(2040, takt) }] : []),
        ],
      });
    } else {
      arenden.push(tidigareStudier());
    }
  }
  if (ar >= 18 && rng.chance(0.08)) {
    const betald = laggTillDagar(dagensDatum, -rng.int(60, 900));
    arenden.push({
      stodslag: "hemutrustningslan",
      stodform: "HUT",
      klartext: "Hemutrustningslån",
      status: "BESLUTAD",
      tid: {
        typ: "engang",
        utbetdatum: bankdagPaEllerFore(betald),
      },
      belopp: [{ beloppstyp: "HUT", belopp: rng.int(150, 320) * 100 }],
    });
  }
  if (arenden.length === 0 && ar >= 20) arenden.push(tidigareStudier());
  return { arenden };
}

/**
 * The facts CSN holds about a person: the named persona's {@link FAKTA}, generated facts for a
 * generated person, or undefined when CSN is not among the person's `kallor`.
 */
export function faktaFor(
  persona: Persona | undefined,
  seed: number,
  dagensDatum: string,
): CsnFakta | undefined {
  if (!persona?.kallor.includes("CSN")) return undefined;
  if (persona.genererad)
    return minnas(persona, "CSN", seed, dagensDatum, () => genereraFakta(persona, seed, dagensDatum));
  const f = FAKTA[persona.id];
  if (!f)
    throw new HarnessError(
      "CSN_FAKTA_SAKNAS",
      `Persona ${persona.id} lists CSN in kallor but simulators/csn/data.ts has no FAKTA for it. Add an entry to FAKTA.`,
    );
  return f;
}

// ---------------------------------------------------------------------------------------------
// From facts to CSN's answer
// ---------------------------------------------------------------------------------------------

type Enhet = "vecka" | "manad" | "engang";

/** One ärende with its dates fixed for the asked period. */
interface LostArende {
  fakta: ArendeFakta;
  /** Granted (for a broken-off study: studied) span. */
  start: string;
  slut: string;
  soktFrom: string;
  soktTom: string;
  /** When CSN decided (or registered) it: the ärende is unknown before that day. */
  kand: string;
  beviljad: boolean;
  lasar?: string;
}

/** One payment of an ärende's plan: its day, the span it pays for (day numbers) if any, and how many units. */
interface Plan {
  datum: string;
  start?: number;
  slut?: number;
  enheter: number;
}

function enhetFor(f: ArendeFakta): Enhet {
  if (f.tid.typ === "engang" || f.tid.typ === "engang-nyligen") return "engang";
  return f.stodslag === "studiehjalp" ? "manad" : "vecka";
}

const BESLUT_FORE_START = 42;

/** The story's period of each day ({@link berattelseperiod}; read-only, shared by the day's answers). */
const BERATTELSE = new BegransatMinne<string, Tidsperiod>(1000, berattelseperiod);

/** A year's two terms: 20 weeks from the Mondays of ISO weeks 3 and 35 (read-only, shared). */
const TERMINER = new BegransatMinne<number, readonly { start: string; slut: string }[]>(1000, (ar) =>
  [3, 35].map((vecka) => {
    const start = isoVeckansMandag(ar, vecka);
    return { start, slut: laggTillDagar(start, 20 * 7 - 1) };
  }),
);

/** Spans of `kandidater` overlapping the period, or the latest one begun by its end. */
function valjSpann<T extends { start: string; slut: string }>(kandidater: T[], p: Tidsperiod): T[] {
  const over = kandidater.filter((k) => overlappar(k.start, k.slut, p));
  if (over.length > 0) return over;
  const fore = kandidater.filter((k) => k.start <= p.tomDatum);
  return fore.length > 0 ? [fore[fore.length - 1]!] : [];
}

/**
 * An ärende's dates in calendar time. Terms and school years are the calendar's own; a story's
 * relative dates ("began twelve weeks ago") are resolved against the story's period `b`
 * ({@link berattelseperiod}), never against the asked period `p`, which only picks what is shown.
 */
function losTid(f: ArendeFakta, p: Tidsperiod, b: Tidsperiod): LostArende[] {
  const t = f.tid;
  const spann = (start: string, slut: string, extra: Partial<LostArende> = {}): LostArende => ({
    fakta: f,
    start,
    slut,
    soktFrom: start,
    soktTom: slut,
    kand: laggTillDagar(start, -BESLUT_FORE_START),
    beviljad: true,
    ...extra,
  });
  switch (t.typ) {
    case "terminer": {
      const kandidater: { start: string; slut: string }[] = [];
      for (let ar = Number(p.fromDatum.slice(0, 4)) - 1; ar <= Number(p.tomDatum.slice(0, 4)) + 1; ar++)
        kandidater.push(...TERMINER.hamta(ar));
      return valjSpann(kandidater, p).map((k) => spann(k.start, k.slut));
    }
    case "lasar": {
      const kandidater: { start: string; slut: string; ar: number }[] = [];
      for (let ar = t.forstaLasar; ar <= t.sistaLasar; ar++)
        kandidater.push({ start: `${ar}-09-01`, slut: `${ar + 1}-06-30`, ar });
      return valjSpann(kandidater, p).map((k) =>
        spann(k.start, k.slut, { lasar: `${k.ar}/${String(k.ar + 1).slice(2)}` }),
      );
    }
    case "kring": {
      const start = laggTillDagar(mandagFore(b.fromDatum), -7 * t.veckorFore);
      return [spann(start, laggTillDagar(sondagEfter(b.tomDatum), 7 * t.veckorEfter))];
    }
    case "avbruten": {
      const start = laggTillDagar(mandagFore(b.fromDatum), -7 * t.veckorFore);
      return [
        spann(start, laggTillDagar(start, 7 * t.veckorStuderade - 1), {
          soktTom: laggTillDagar(start, 7 * t.veckorSokta - 1),
        }),
      ];
    }
    case "fast":
      return [spann(t.start, t.slut)];
    case "engang":
      return [spann(t.utbetdatum, t.utbetdatum, { kand: laggTillDagar(t.utbetdatum, -10) })];
    case "engang-nyligen": {
      const dag = bankdagPaEllerFore(laggTillDagar(b.tomDatum, -t.dagarFore));
      return [spann(dag, dag, { kand: laggTillDagar(dag, -10) })];
    }
    case "ansokan": {
      const start = laggTillDagar(sondagEfter(b.tomDatum), 1 + 7 * t.veckorEfter);
      return [
        spann(start, laggTillDagar(start, 7 * t.veckor - 1), {
          kand: laggTillDagar(b.fromDatum, -14),
          beviljad: false,
        }),
      ];
    }
  }
}

// An ärende's dates, for all but terms and school years (which the asked period picks), follow from
// the story's period alone: remembered per ärende and day (`b` is the day's one BERATTELSE object).
// The facts of a generated person are new each day (faktaFor), so the entry goes with them.
const LOSTA = new WeakMap<ArendeFakta, { b: Tidsperiod; losta: LostArende[] }>();

/** {@link losTid}, remembered where it does not depend on the asked period (read-only, shared). */
function losTidMinns(f: ArendeFakta, p: Tidsperiod, b: Tidsperiod): LostArende[] {
  if (f.tid.typ === "terminer" || f.tid.typ === "lasar") return losTid(f, p, b);
  const kand = LOSTA.get(f);
  if (kand?.b === b) return kand.losta;
  const losta = losTid(f, p, b);
  LOSTA.set(f, { b, losta });
  return losta;
}

/**
 * The full payment plan of an ärende (before the period filter). In day numbers, not dates: a plan
 * spans months of which an answer shows a few, and only those are written as dates.
 */
function planera(a: LostArende): Plan[] {
  const f = a.fakta;
  if (!a.beviljad || f.utbetalas === false) return [];
  const enhet = enhetFor(f);
  if (enhet === "engang") return [{ datum: a.start, enheter: 1 }];
  const start = dagnummerAv(a.start);
  const slut = dagnummerAv(a.slut);
  const forstaManad = manadsindex(a.start);
  const sistaManad = manadsindex(a.slut);
  const out: Plan[] = [];
  if (enhet === "manad") {
    // Studiehjälp: one payment per month, on the month's payment day, for that month.
    for (let i = forstaManad; i <= sistaManad; i++) {
      const m = MANADER.hamta(i);
      out.push({
        datum: m.betaldag,
        start: Math.max(m.forsta, start),
        slut: Math.min(m.sista, slut),
        enheter: 1,
      });
    }
    return out;
  }
  // Weekly support is paid in advance: each payment day, from the month before the start on, pays
  // the weeks (their Mondays in [start, slut]) that begin before the next payment day.
  const forstaMandag = mandagFran(start);
  const sistaMandag = forstaMandag + 7 * Math.floor((slut - forstaMandag) / 7);
  for (let i = forstaManad - 1; i <= sistaManad; i++) {
    const dagen = MANADER.hamta(i);
    const fran = Math.max(forstaMandag, mandagFran(dagen.betaldagnr));
    const till = Math.min(sistaMandag, mandagFran(MANADER.hamta(i + 1).betaldagnr) - 7);
    if (fran > till) continue;
    out.push({
      datum: dagen.betaldag,
      start: fran,
      slut: Math.min(till + 6, slut),
      enheter: (till - fran) / 7 + 1,
    });
  }
  return out;
}

/** How many units (months for studiehjälp, else weeks: Mondays) the ärende's span holds. */
function antalEnheter(a: LostArende): number {
  if (enhetFor(a.fakta) === "manad") return Math.max(0, manadsindex(a.slut) - manadsindex(a.start) + 1);
  const forsta = mandagFran(dagnummerAv(a.start));
  const slut = dagnummerAv(a.slut);
  return forsta > slut ? 0 : Math.floor((slut - forsta) / 7) + 1;
}

const BELOPPSTEXT: Readonly<Record<string, string>> = {
  GRUNDB: "Bidrag",
  GRUNDF: "Förhöjt bidrag",
  GRUNDL: "Lån",
  GRUNFL: "Lån till förhöjt bidrag",
  MERKL: "Merkostnadslån",
  TILL: "Tilläggslån",
  TILB: "Tilläggsbidrag",
  EXTRA: "Extra tillägg",
  INACK: "Inackorderingstillägg",
  STUDB: "Studiebidrag",
  LÄRERS: "Lärlingsersättning",
  HUT: "Hemutrustningslån",
  STÖDB: "Studiestartsstöd bidrag",
  STÖDT: "Studiestartsstöd tilläggsbidrag",
  OSSBID: "Omställningsstudiestöd bidrag",
  OSSLÅN: "Omställningsstudiestöd lån",
};

function beloppen(f: ArendeFakta, enheter: number): { Beloppen: Belopp[]; totbelopp: string } {
  const Beloppen = f.belopp.map((b) => ({
    beloppstyp: b.beloppstyp,
    klartext: BELOPPSTEXT[b.beloppstyp] ?? b.beloppstyp,
    belopp: String(b.belopp),
    totbelopp: String(b.belopp * enheter),
  }));
  return { Beloppen, totbelopp: String(f.belopp.reduce((s, b) => s + b.belopp * enheter, 0)) };
}

function statusFor(a: LostArende, dagensDatum: string): ArendeStatus {
  if (a.fakta.status) return a.fakta.status;
  if (a.fakta.stodslag === "hemutrustningslan") return "BESLUTAD";
  if (!a.beviljad) return "INITIERAT";
  return a.slut < dagensDatum ? "AVSLUTAT" : "BESLUTAT";
}

function utbetalningar(a: LostArende, p: Tidsperiod, dagensDatum: string): Utbetalning[] {
  const hut = a.fakta.stodslag === "hemutrustningslan";
  const hela = planera(a);
  // Kodtäckning: the latest payment due by today is still "Planerad" (fixed by the clock alone).
  let sista: Plan | undefined;
  if (a.fakta.sistaUtbetalningPlanerad === true) for (const u of hela) if (u.datum <= dagensDatum) sista = u;
  const inom = hela.filter((u) => u.datum >= p.fromDatum && u.datum <= p.tomDatum);
  // At most 50 payments per ärende (schema): keep the latest.
  const plan = inom.slice(-50);
  return plan.map((u) => {
    const { Beloppen, totbelopp } = beloppen(a.fakta, u.enheter);
    const tid: Utbetaldtid =
      u.start !== undefined && u.slut !== undefined
        ? { startvecka: csnDag(u.start), slutvecka: csnDag(u.slut), Beloppen, totbelopp }
        : { Beloppen, totbelopp };
    const planerad = u.datum > dagensDatum || u === sista;
    return {
      utbetdatum: csnDatum(u.datum),
      utbetstatus: planerad ? "Planerad" : hut ? "UTBETALAD" : "Utbetald",
      Utbetaldatider: [tid],
      // One span per payment: the payment's total is the span's.
      totbelopp,
    };
  });
}

function soktaTider(a: LostArende): Sokttid[] {
  const f = a.fakta;
  const sh = f.stodslag === "studiehjalp";
  const s: Sokttid = {
    soktfrom: csnDatum(a.soktFrom),
    sokttom: csnDatum(a.soktTom),
    // Studiehjälp always reports soktomfattning 0 (CSN's description).
    soktomfattning: sh ? "0" : String(f.takt ?? 100),
  };
  if (!sh) s.soktlan = f.soktLan ? "J" : " ";
  return [s];
}

function beviljadeTider(a: LostArende): Beviljadtid[] {
  if (!a.beviljad) return [];
  const f = a.fakta;
  const starttid = csnDatum(a.start);
  const sluttid = csnDatum(a.slut);
  const { Beloppen, totbelopp } = beloppen(f, antalEnheter(a));
  if (f.stodslag === "studiehjalp") return [{ starttid, sluttid, Beloppen, totbelopp }];
  const takt = String(f.takt ?? 100);
  return [{ starttid, sluttid, takt, gr_takt: takt, Beloppen, totbelopp }];
}

/** The answer's content for one person: CSN's result and its `Personer` (0 or 1 Person). */
export interface CsnPersonsvar {
  Resultat: CsnResultat;
  Personer: CsnPerson[];
}

const TOM_FORTECKNING = {
  studiemedel: "0",
  studiehjalp: "0",
  hemutrustningslan: "0",
  studiestartsstod: "0",
  omstallningsstudiestod: "0",
};

const BLANK_STATUS = "          ";

function ejTraff(personidentitet: string): CsnPersonsvar {
  const pnr = personidentitet.slice(2);
  // CSN's personnummer type cannot carry a samordningsnummer (day 61–91): no Person then.
  if (!CSN_TYPER.personnummer.pattern.test(pnr)) return { Resultat: CSN_RESULTAT.ejTraff, Personer: [] };
  return {
    Resultat: CSN_RESULTAT.ejTraff,
    Personer: [
      {
        personnummer: pnr,
        Status: "Ej träff",
        sekretess: "  ",
        sekel: personidentitet.slice(0, 2),
        Studiestodstypforteckning: { ...TOM_FORTECKNING },
        Studiemedel: {},
        Studiehjalp: {},
        HemutrustningsLan: {},
        Studiestartsstod: {},
        Omstallningsstudiestod: {},
      },
    ],
  };
}

/**
 * Builds CSN's answer content for one person, one asked period and "now": the persona's (or
 * generated person's) ärenden resolved for the period, payments inside the period only, and
 * the "no data" answer (−2, Status "Ej träff") when CSN holds nothing. Pure: same input, same
 * output.
 *
 * @example
 * byggPersonsvar("200304129810", persona, { fromDatum: "2026-09-21", tomDatum: "2026-11-20" }, now, 42)
 *   .Resultat.ResultatKod // "0"
 */
export function byggPersonsvar(
  personidentitet: string,
  persona: Persona | undefined,
  period: Tidsperiod,
  now: Date,
  seed: number,
): CsnPersonsvar {
  const dagensDatum = idag(now);
  const fakta = faktaFor(persona, seed, dagensDatum);
  const pnr = personidentitet.slice(2);
  if (!fakta || !CSN_TYPER.personnummer.pattern.test(pnr)) return ejTraff(personidentitet);

  const berattelse = BERATTELSE.hamta(dagensDatum);
  const losta = fakta.arenden
    .flatMap((f) => losTidMinns(f, period, berattelse))
    .filter((a) => a.kand <= dagensDatum);
  if (losta.length === 0) return ejTraff(personidentitet);

  // lopnummer: CSN-internal running numbers; HUT is another system with 7-digit numbers.
  let hutBas: number | undefined;
  const lopnummer = new Map<LostArende, string>();
  let lop = 0;
  let hutLop = 0;
  for (const a of losta) {
    if (a.fakta.stodslag !== "hemutrustningslan") lopnummer.set(a, String(++lop));
    else {
      hutBas ??= 1_000_000 + (hashSeed(0, "csn-hut", personidentitet) % 8_000_000);
      lopnummer.set(a, String(hutBas + hutLop++));
    }
  }
  const relarende = (a: LostArende): string | undefined => {
    const id = a.fakta.relaterat;
    if (!id) return undefined;
    const kandidater = losta.filter((b) => b.fakta.id === id);
    const samma = kandidater.find((b) => b.start === a.start) ?? kandidater[kandidater.length - 1];
    return samma ? lopnummer.get(samma) : undefined;
  };

  const dagens = dagensDatum;
  const studiestod = (a: LostArende, medRelarende: boolean): StudiestodArende => {
    const arende: StudiestodArende = {
      lopnummer: lopnummer.get(a)!,
      stodform: a.fakta.stodform,
      klartext: a.fakta.klartext.replace("{lasar}", a.lasar ?? ""),
      status: statusFor(a, dagens),
      soktaTider: soktaTider(a),
      BeviljadeTider: beviljadeTider(a),
      UtbetalningsPlan: utbetalningar(a, period, dagens),
    };
    const rel = medRelarende ? relarende(a) : undefined;
    if (rel !== undefined) arende.relarende = rel;
    return arende;
  };
  const hut = (a: LostArende): HutArende => {
    const arende: HutArende = {
      lopnummer: lopnummer.get(a)!,
      stodform: a.fakta.stodform,
      klartext: a.fakta.klartext,
      status: statusFor(a, dagens),
      UtbetalningsPlan: utbetalningar(a, period, dagens),
    };
    if (a.fakta.medlanare !== undefined) arende.medlanare = a.fakta.medlanare;
    return arende;
  };
  // The schema allows 10 ärenden per stödform: keep the most recent.
  const av = (s: Stodslag) =>
    losta
      .filter((a) => a.fakta.stodslag === s)
      .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0))
      .slice(-10)
      .sort((x, y) => Number(lopnummer.get(x)) - Number(lopnummer.get(y)));
  const [sm, sh, hu, sss, oss] = STODSLAG.map(av) as [
    LostArende[],
    LostArende[],
    LostArende[],
    LostArende[],
    LostArende[],
  ];
  const block = <A>(list: LostArende[], one: (a: LostArende) => A) =>
    list.length > 0 ? { Arenden: list.map(one) } : {};
  const harData = (list: LostArende[]) => (list.length > 0 ? "1" : "0");

  return {
    Resultat: CSN_RESULTAT.ok,
    Personer: [
      {
        personnummer: pnr,
        Status: BLANK_STATUS,
        sekretess: persona?.sekretess ? "Ja" : "  ",
        sekel: personidentitet.slice(0, 2),
        Studiestodstypforteckning: {
          studiemedel: harData(sm),
          studiehjalp: harData(sh),
          hemutrustningslan: harData(hu),
          studiestartsstod: harData(sss),
          omstallningsstudiestod: harData(oss),
        },
        Studiemedel: block(sm, (a) => studiestod(a, true)),
        Studiehjalp: block(sh, (a) => studiestod(a, true)),
        HemutrustningsLan: block(hu, hut),
        Studiestartsstod: block(sss, (a) => studiestod(a, true)),
        // Without relarende (studiestod leaves it out then): the OSS schema has none.
        Omstallningsstudiestod: block(oss, (a): OssArende => studiestod(a, false)),
      },
    ],
  };
}
