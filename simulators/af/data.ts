import type {
  AfAktivetetsRapportDatum,
  AfArbetssokandeInfo,
  AfBeslut,
  AfFraga,
  AfFragaMeddelande,
  AfSvar,
  AfSvarMeddelande,
} from "../../contract/af/model.js";
import { HarnessError } from "../../contract/errors.js";
import { dagIManad, laggTillManader, plusDagar } from "../../contract/kalender.js";
import { arGiltigPersonidentitet, fodelsedatum } from "../../contract/personidentitet.js";
import type { Tidsperiod } from "../../contract/ssbt/model.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import { berattelseperiod } from "../population/historia.js";
import { minnas } from "../population/person-minne.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { SCHEMAVERSION, STATUSKOD, statustext } from "./errors.js";
import type {
  AfFakta,
  Aktivitetsrapportering,
  EkonomisktBeslut,
  Sokandekategori,
  Tidpunkt,
} from "./model.js";
import { UTKAST_PERSONAS_FAKTA } from "./utkast-personas.js";

/**
 * AF's facts for every named persona whose `kallor` include AF, coherent with the persona's
 * story (fixtures/personas/personas.json). Names come from the persona itself.
 */
export const FAKTA: Readonly<Record<string, AfFakta>> = {
  // The draft contract's personas (utkast), kept in their own file.
  ...UTKAST_PERSONAS_FAKTA,
  "arbetslos-akassa": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2026-03-02" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 14 },
    beslut: [],
    akassa: "IF Metalls a-kassa",
  },
  "aktivitetsstod-program": {
    arbetssokande: true,
    sokandekategori: "69",
    registrerad: { datum: "2024-09-16" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 9 },
    // The programme decision covers the asked period with a margin on both sides.
    beslut: [{ ersattningTyp: "AKS", omfattning: 100, fran: { fran: -49 }, tom: { tom: 102 } }],
  },
  "nyanland-etablering": {
    arbetssokande: true,
    sokandekategori: "70",
    registrerad: { datum: "2025-09-01" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 11 },
    // Etableringsprogrammet: 24 months from registration, after the permit of 2025-08-20.
    beslut: [
      { ersattningTyp: "ETE", omfattning: 100, fran: { datum: "2025-09-01" }, tom: { datum: "2027-08-31" } },
      { ersattningTyp: "ETT", omfattning: 100, fran: { datum: "2025-09-01" }, tom: { datum: "2027-08-31" } },
    ],
  },
  bilagare: {
    arbetssokande: true,
    sokandekategori: "21",
    registrerad: { datum: "2025-05-12" },
    omfattning: 50,
    aktivitetsrapportering: { kod: "200", rapportdag: 13 },
    beslut: [],
  },
  "skyddad-identitet": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2026-01-19" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 6 },
    beslut: [],
  },
  "af-500-ej-i-alf": {
    // An ombytessökande has work and reports no activities, so ALF has never heard of him.
    arbetssokande: true,
    sokandekategori: "41",
    registrerad: { datum: "2025-10-06" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "500" },
    beslut: [],
  },
  "af-501-ej-inlamnad": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2025-12-01" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "501" },
    beslut: [],
    akassa: "Unionens a-kassa",
  },
  "af-502-tekniskt-fel": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2026-04-20" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "502" },
    beslut: [],
  },
  omstallningsstudiestod: {
    // Registered after leaving her job, avaktualiserad when the studies began (before the period).
    arbetssokande: false,
    registrerad: { datum: "2025-11-03" },
    avaktualiserad: { fran: -35 },
    aktivitetsrapportering: { kod: "200", rapportdag: 12 },
    beslut: [],
  },
  studiestartsstod: {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2025-02-03" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 7 },
    beslut: [],
  },
  "hemutrustningslan-put": {
    arbetssokande: true,
    sokandekategori: "70",
    registrerad: { datum: "2024-12-16" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 10 },
    beslut: [
      { ersattningTyp: "ETE", omfattning: 100, fran: { datum: "2024-12-16" }, tom: { datum: "2026-12-15" } },
    ],
  },
  "akassa-ansokan-pagar": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { fran: -14 },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 14 },
    beslut: [],
    akassa: "Akademikernas a-kassa",
  },
  "flera-akassor": {
    arbetssokande: true,
    sokandekategori: "22",
    registrerad: { datum: "2025-08-18" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 3 },
    beslut: [],
    akassa: "Unionens a-kassa",
  },
  "ung-utan-inkomst": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { tom: -20 },
    omfattning: 100,
    aktivitetsrapportering: { kod: "501" },
    beslut: [],
  },
  "hela-kedjan": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2026-06-08" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 12 },
    beslut: [],
    akassa: "Kommunals a-kassa",
  },
  kodtackning: {
    // Artificial: carries the codes no realistic story produces (SKAT 68, UVE, status 3).
    arbetssokande: true,
    sokandekategori: "68",
    registrerad: { datum: "2025-06-02" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 14 },
    beslut: (["AKS", "UVE", "ETE", "ETT"] as const).map((ersattningTyp) => ({
      ersattningTyp,
      omfattning: 100,
      fran: { fran: -30 },
      tom: { tom: 60 },
    })),
    akassa: "Handelsanställdas a-kassa",
    statuskod: STATUSKOD.ogiltigIdentitet,
  },
  "akassa-avtrappning": {
    arbetssokande: true,
    sokandekategori: "11",
    registrerad: { datum: "2025-12-29" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 12 },
    beslut: [],
    akassa: "Handelsanställdas a-kassa",
  },
  "ungdom-jobbgaranti": {
    arbetssokande: true,
    sokandekategori: "68",
    registrerad: { datum: "2025-10-06" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 7 },
    // Utvecklingsersättning for the programme period, which covers the asked period with a margin.
    beslut: [{ ersattningTyp: "UVE", omfattning: 100, fran: { fran: -70 }, tom: { tom: 120 } }],
  },
};

const AKASSOR = [
  "IF Metalls a-kassa",
  "Unionens a-kassa",
  "Kommunals a-kassa",
  "Akademikernas a-kassa",
  "Handelsanställdas a-kassa",
  "Byggnads a-kassa",
] as const;

/**
 * AF's facts for a generated person, drawn from `hashSeed(seed, "af", personidentitet)`. Only
 * everyday states (no ALF faults: those belong to the named error personas).
 *
 * @example
 * genereraFakta(42, "199001019802").sokandekategori // e.g. "11"
 */
export function genereraFakta(seed: number, personidentitet: string): AfFakta {
  const rng = new Rng(hashSeed(seed, "af", personidentitet));
  const arbetssokande = rng.chance(0.9);
  const registrerad: Tidpunkt = { idag: -rng.int(90, 1100) };
  const sokandekategori = rng.pick<Sokandekategori>(["11", "11", "11", "21", "22", "41"]);
  const omfattning = sokandekategori === "21" ? rng.pick([25, 50, 75]) : 100;
  const aktivitetsrapportering: Aktivitetsrapportering = rng.chance(0.85)
    ? { kod: "200", rapportdag: rng.int(1, 14) }
    : { kod: "501" };
  const beslut: EkonomisktBeslut[] = rng.chance(0.15)
    ? [
        {
          ersattningTyp: "AKS",
          omfattning: 100,
          fran: { fran: -rng.int(10, 90) },
          tom: { tom: rng.int(10, 120) },
        },
      ]
    : [];
  const akassa = rng.chance(0.6) ? rng.pick(AKASSOR) : undefined;
  const fakta: AfFakta = arbetssokande
    ? { arbetssokande, sokandekategori, registrerad, omfattning, aktivitetsrapportering, beslut }
    : {
        arbetssokande,
        registrerad,
        avaktualiserad: { idag: -rng.int(5, 60) },
        aktivitetsrapportering,
        beslut,
      };
  if (akassa) fakta.akassa = akassa;
  return fakta;
}

/**
 * AF's facts about a person, or undefined when AF holds none (no persona, or AF not in its
 * `kallor`). Throws for a named persona with AF in `kallor` but no entry in {@link FAKTA}.
 *
 * @example
 * faktaFor(ctx.population.hitta("199608239829"), ctx.seed)?.sokandekategori // "11"
 */
export function faktaFor(persona: Persona | undefined, seed: number): AfFakta | undefined {
  if (!persona?.kallor.includes("AF")) return undefined;
  // AF's generated facts are dates relative to the story period: the same every day.
  if (persona.genererad)
    return minnas(persona, "AF", seed, "", () => genereraFakta(seed, persona.personidentitet));
  const f = FAKTA[persona.id];
  if (!f)
    throw new HarnessError(
      "AF_FAKTA_SAKNAS",
      `Persona ${persona.id} lists AF in kallor but has no AF facts.`,
    );
  return f;
}

// ---------------------------------------------------------------------------------------------
// Dates

// Answers speak Swedish dates, whatever the host's zone: the shared calendar day, under AF's roof.
export { svenskDag } from "../../contract/kalender.js";

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** The asked period (`fran`, `tom`), today, and the story period the facts' dates count from (`utkast-data.ts` uses it too). */
export interface Ramar {
  fran: string;
  tom: string;
  idag: string;
  berattelse: Tidsperiod;
}

/** A fact's date in calendar time: relative dates count from the story period, never the asked one. */
export function los(t: Tidpunkt, r: Ramar): string {
  if ("datum" in t) return t.datum;
  if ("fran" in t) return plusDagar(r.berattelse.fromDatum, t.fran);
  if ("tom" in t) return plusDagar(r.berattelse.tomDatum, t.tom);
  return plusDagar(r.idag, t.idag);
}

/** The day a person turns 16: AF registers no one younger. */
function sextonArsdag(personidentitet: string): string {
  return laggTillManader(fodelsedatum(personidentitet), 16 * 12);
}

/**
 * The day of the latest activity report: the `rapportdag` of the month before `referensdag`'s
 * month ("senast den 14:e i månaden före frågans slut"), or of `referensdag`'s own month for a
 * person registered too late for that; undefined when no report can have been made yet.
 */
function senasteRapport(registrerad: string, referensdag: string, rapportdag: number): string | undefined {
  const foregaende = dagIManad(laggTillManader(`${referensdag.slice(0, 8)}01`, -1), rapportdag);
  if (foregaende > registrerad) return foregaende;
  const denna = dagIManad(referensdag, rapportdag);
  return denna > registrerad && denna <= referensdag ? denna : undefined;
}

// ---------------------------------------------------------------------------------------------
// The answer

/** Everything the answer depends on. */
export interface AfUnderlag {
  fragaMeddelande: AfFragaMeddelande;
  /** The person behind the personidentitet (undefined: not a well-formed identity). */
  persona: Persona | undefined;
  /** AF's facts (undefined: AF holds nothing about the person). */
  fakta: AfFakta | undefined;
  /** Today in Sweden, `YYYY-MM-DD` (from `ctx.now()`). */
  idag: string;
}

/** An answer with the echoed question fields and a status, nothing else yet (one literal: no spread). */
function grund(fraga: AfFraga, kod: number): AfSvar {
  return {
    Schemaversion: SCHEMAVERSION,
    Referensnummer: fraga.Referensnummer,
    LagParagraf: fraga.LagParagraf,
    IdentitetsbeteckningFysiskPerson: fraga.IdentitetsbeteckningFysiskPerson,
    StatusSokandeinformationKod: kod,
    StatusSokandeinformationKodText: statustext(kod),
  };
}

function endastStatus(fraga: AfFraga, kod: number): AfSvar {
  return grund(fraga, kod);
}

/**
 * Builds AF's answer for one question: a pure function of the question, the person, AF's facts
 * and today's date. Decisions are those overlapping the asked period; the latest activity report
 * lies on or before the period's end and today, after the registration.
 *
 * @example
 * byggSvarMeddelande({ fragaMeddelande, persona, fakta: faktaFor(persona, 42), idag: "2026-11-20" }).Svar.StatusSokandeinformationKod // 0
 */
export function byggSvarMeddelande(u: AfUnderlag): AfSvarMeddelande {
  const { Fraga: fraga, Inkludera: inkludera = {} } = u.fragaMeddelande;
  const pnr = fraga.IdentitetsbeteckningFysiskPerson;
  // A persona knows whether its identity's check digit is right.
  if (!(u.persona ? u.persona.giltig : arGiltigPersonidentitet(pnr)))
    return { Fraga: fraga, Svar: endastStatus(fraga, STATUSKOD.ogiltigIdentitet) };
  const { persona, fakta } = u;
  if (!persona || !fakta) return { Fraga: fraga, Svar: endastStatus(fraga, STATUSKOD.ejInskriven) };

  const ramar: Ramar = {
    fran: dateOnly(fraga.From),
    tom: dateOnly(fraga.Tom),
    idag: u.idag,
    berattelse: berattelseperiod(u.idag),
  };
  const inskrivning = inskrivningFor(pnr, fakta, ramar);
  if (!inskrivning) return { Fraga: fraga, Svar: endastStatus(fraga, STATUSKOD.ejInskriven) };
  const { registrerad, avaktualiserad } = inskrivning;
  const referensdag = min(min(ramar.tom, ramar.idag), avaktualiserad ?? ramar.idag);

  const rapport = aktivitetsrapport(fakta.aktivitetsrapportering, registrerad, referensdag);
  const beslut = fakta.beslut
    .map((b) => resolveBeslut(b, ramar, registrerad, avaktualiserad))
    .filter((b): b is AfBeslut => b !== undefined);

  const statuskod =
    fakta.statuskod ??
    (persona.sekretess
      ? STATUSKOD.sekretess
      : rapport.AktivitetsRapportMeddelande === "502"
        ? STATUSKOD.teknisktFel
        : STATUSKOD.normal);

  const info: AfArbetssokandeInfo = {
    Arbetssokande: fakta.arbetssokande,
    ArbetssokandeRegistrerad: registrerad,
    AktivetetsRapportDatum: rapport,
  };
  if (fakta.sokandekategori) info.ArbetssokandeSKAT = fakta.sokandekategori;
  if (fakta.omfattning !== undefined) info.ArbetssokandeOmfattning = fakta.omfattning;
  if (avaktualiserad) info.ArbetssokandeAvaktualiserad = avaktualiserad;

  const svar = grund(fraga, statuskod);
  if (!persona.sekretess) {
    svar.Fornamn = persona.fornamn;
    svar.Efternamn = persona.efternamn;
  }
  svar.Sekretessmarkering = persona.sekretess;
  if (inkludera.ArbetssokandeInfo !== false) svar.ArbetssokandeInfo = info;
  if (inkludera.BeslutInfo !== false && beslut.length > 0)
    svar.BeslutInfo = { EkonomiskaBeslut: { Beslut: beslut } };
  if (inkludera.AkasseInfo !== false && fakta.akassa) svar.Akassetillhorighet = fakta.akassa;
  return { Fraga: fraga, Svar: svar };
}

/** A person's registration at AF as of a day: a fact of the person and the day, not of the question. */
interface Inskrivning {
  registrerad: string;
  avaktualiserad: string | undefined;
}

// Kept per facts object (one per person, seed and day for a generated person) for its latest
// personidentitet and day: every question about the person that day shares it (read-only).
const senasteInskrivning = new WeakMap<
  AfFakta,
  { pnr: string; idag: string; inskrivning: Inskrivning | undefined }
>();

/** The registration as of `ramar.idag`; undefined for a person not yet 16 (AF knows nothing of them). */
function inskrivningFor(pnr: string, fakta: AfFakta, ramar: Ramar): Inskrivning | undefined {
  const m = senasteInskrivning.get(fakta);
  if (m && m.pnr === pnr && m.idag === ramar.idag) return m.inskrivning;
  const inskrivning = beraknaInskrivning(pnr, fakta, ramar);
  senasteInskrivning.set(fakta, { pnr, idag: ramar.idag, inskrivning });
  return inskrivning;
}

function beraknaInskrivning(pnr: string, fakta: AfFakta, ramar: Ramar): Inskrivning | undefined {
  // Nobody is registered before turning 16, and nothing is known about a person not yet 16.
  const sexton = sextonArsdag(pnr);
  if (sexton > ramar.idag) return undefined;
  const registrerad = min(max(los(fakta.registrerad, ramar), sexton), ramar.idag);
  const avaktualiserad =
    !fakta.arbetssokande && fakta.avaktualiserad
      ? max(min(los(fakta.avaktualiserad, ramar), ramar.idag), plusDagar(registrerad, 1))
      : undefined;
  return { registrerad, avaktualiserad };
}

function aktivitetsrapport(
  a: Aktivitetsrapportering,
  registrerad: string,
  referensdag: string,
): AfAktivetetsRapportDatum {
  if (a.kod !== "200") return { AktivitetsRapportMeddelande: a.kod };
  const datum = senasteRapport(registrerad, referensdag, a.rapportdag);
  // Registered after the period (or too recently): no report yet, which AF says as 501.
  return datum
    ? { AktivitetsRapportMeddelande: "200", SenasteAktivitetsRapportDatum: datum }
    : { AktivitetsRapportMeddelande: "501" };
}

function resolveBeslut(
  b: EkonomisktBeslut,
  ramar: Ramar,
  registrerad: string,
  avaktualiserad: string | undefined,
): AfBeslut | undefined {
  // No decision before the registration or after it ended.
  const fran = max(los(b.fran, ramar), registrerad);
  const tom = avaktualiserad ? min(los(b.tom, ramar), avaktualiserad) : los(b.tom, ramar);
  if (tom < fran || tom < ramar.fran || fran > ramar.tom) return undefined;
  return { ErsattningTyp: b.ersattningTyp, Omfattning: b.omfattning, BeslutFrom: fran, BeslutTom: tom };
}
