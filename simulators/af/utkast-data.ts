import type { AfSvarMeddelande } from "../../contract/af/model.js";
import {
  type AfAktivitet,
  type AfUtokadSvar,
  type AktivitetOmfattning,
  AVAKTUALISERINGSORSAK,
  type AvaktualiseringsorsakKod,
  INDRAGNINGSORSAK,
  type IndragningsorsakKod,
} from "../../contract/af/utkast.js";
import { plusDagar } from "../../contract/kalender.js";
import { dateOnly } from "../../contract/xml/xsd-types.js";
import { berattelseperiod } from "../population/historia.js";
import type { Persona } from "../population/persona.js";
import { hashSeed, Rng } from "../population/rng.js";
import { los, type Ramar } from "./data.js";
import type { Tidpunkt } from "./model.js";

/** One withdrawal of aktivitetsstöd in a story. */
export interface Indragning {
  orsak: IndragningsorsakKod;
  beslut: Tidpunkt;
  indragetFrom: Tidpunkt;
}

/** One activity of a programme decision in a story. */
export interface Aktivitetsfakta {
  aktivitet: string;
  fran: Tidpunkt;
  tom: Tidpunkt;
  omfattning: AktivitetOmfattning;
  krav: string;
}

/**
 * What AF knows beyond ers_stod v2 about a person (the draft `utkast`): withdrawals, the
 * programme decision and its activities, the provider, jobs applied for, the next planning
 * meeting, the reason for a deregistration. Anything not given is derived from the person's v2
 * facts and a seed (see {@link byggUtokadSvar}).
 */
export interface AfUtkastFakta {
  indragningar?: Indragning[];
  program?: { namn: string; fran: Tidpunkt; tom: Tidpunkt; aktiviteter: Aktivitetsfakta[] };
  leverantor?: { organisationsnummer: string; namn: string; tjanst: string; anvisad: Tidpunkt };
  antalSoktaJobb?: number;
  nastaPlaneringsmote?: Tidpunkt;
  avaktualiseringsorsak?: AvaktualiseringsorsakKod;
}

/** The draft's facts per named persona (new personas and a few existing stories). */
export const UTKAST_FAKTA: Readonly<Record<string, AfUtkastFakta>> = {
  "af-indraget-aktivitetsstod": {
    indragningar: [
      // A first warning in spring, then the withdrawal just before the asked period.
      { orsak: "UTEBLIVET_MOTE", beslut: { datum: "2026-04-14" }, indragetFrom: { datum: "2026-04-15" } },
      { orsak: "AKTIVITETSRAPPORT_EJ_I_TID", beslut: { fran: -25 }, indragetFrom: { fran: -19 } },
    ],
    nastaPlaneringsmote: { idag: 6 },
  },
  "af-program-leverantor": {
    program: {
      namn: "Jobb- och utvecklingsgarantin",
      fran: { fran: -60 },
      tom: { tom: 120 },
      aktiviteter: [
        {
          aktivitet: "Rusta och matcha",
          fran: { fran: -60 },
          tom: { tom: 30 },
          omfattning: 50,
          krav: "Delta i planerade möten och aktiviteter hos leverantören; söka minst sex arbeten per månad.",
        },
        {
          aktivitet: "Arbetsmarknadsutbildning: lager och logistik",
          fran: { fran: -30 },
          tom: { tom: 30 },
          omfattning: 50,
          krav: "Närvaro enligt utbildningens schema; frånvaro anmäls till utbildaren samma dag.",
        },
        {
          aktivitet: "Arbetspraktik",
          fran: { tom: 31 },
          tom: { tom: 120 },
          omfattning: 100,
          krav: "Närvaro på praktikplatsen heltid; frånvaro anmäls till Arbetsförmedlingen.",
        },
      ],
    },
    leverantor: {
      organisationsnummer: "5599990017",
      namn: "Matchningsleverantören Testbolaget AB",
      tjanst: "Rusta och matcha",
      anvisad: { fran: -60 },
    },
    antalSoktaJobb: 7,
    nastaPlaneringsmote: { idag: 12 },
  },
  "af-avaktualiserad": { avaktualiseringsorsak: "EJ_SVAR_FORTSATT_INSKRIVNING", antalSoktaJobb: 4 },
  "aktivitetsstod-program": {
    program: {
      namn: "Jobb- och utvecklingsgarantin",
      fran: { fran: -49 },
      tom: { tom: 102 },
      aktiviteter: [
        {
          aktivitet: "Jobbsökaraktiviteter med coachning",
          fran: { fran: -49 },
          tom: { tom: 102 },
          omfattning: 100,
          krav: "Söka arbete aktivt och redovisa sökta arbeten i aktivitetsrapporten.",
        },
      ],
    },
  },
  // Artificial: every code of the draft's kodverk, and every omfattning, appears here.
  kodtackning: {
    indragningar: (Object.keys(INDRAGNINGSORSAK) as IndragningsorsakKod[]).map((orsak, i) => ({
      orsak,
      beslut: { fran: -200 + 30 * i },
      indragetFrom: { fran: -199 + 30 * i },
    })),
    program: {
      namn: "Kodtäckning",
      fran: { fran: -30 },
      tom: { tom: 60 },
      aktiviteter: ([25, 50, 100] as const).map((omfattning) => ({
        aktivitet: `Aktivitet ${omfattning} %`,
        fran: { fran: -30 },
        tom: { tom: 60 },
        omfattning,
        krav: "Delta enligt planering.",
      })),
    },
    avaktualiseringsorsak: "OVRIG_ORSAK",
  },
};

/** Codes of {@link AVAKTUALISERINGSORSAK} that generated persons draw from. */
const GENERERADE_ORSAKER: readonly AvaktualiseringsorsakKod[] = [
  "FATT_ARBETE",
  "PABORJAT_STUDIER",
  "EGEN_BEGARAN",
  "UPPREPADE_VARNINGAR",
];

/** Moves a date off Saturday/Sunday to the following Monday (meetings are held on weekdays). */
function vardag(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 6 ? plusDagar(iso, 2) : dow === 0 ? plusDagar(iso, 1) : iso;
}

/**
 * AF's draft extension for one answer: a pure function of the v2 answer already built, the
 * person, AF's draft facts and the seed. It agrees with the v2 answer: the latest approved report
 * is the v2 `SenasteAktivitetsRapportDatum`, a deregistration's date is `ArbetssokandeAvaktualiserad`,
 * and a planning meeting is only booked for a person still registered.
 *
 * @example
 * byggUtokadSvar(svarMeddelande, persona, 1, "2026-11-20")?.AntalSoktaJobb // 7
 */
export function byggUtokadSvar(
  m: AfSvarMeddelande,
  persona: Persona,
  seed: number,
  idag: string,
): AfUtokadSvar | undefined {
  const info = m.Svar.ArbetssokandeInfo;
  if (!info) return undefined;
  const f = UTKAST_FAKTA[persona.id] ?? {};
  const rng = new Rng(hashSeed(seed, "af-utkast", persona.personidentitet));
  const ramar: Ramar = {
    fran: dateOnly(m.Fraga.From),
    tom: dateOnly(m.Fraga.Tom),
    idag,
    berattelse: berattelseperiod(idag),
  };
  const inom = (d: string) => (d > idag ? idag : d);
  const svar: AfUtokadSvar = {
    IndragetAktivitetsstod: (f.indragningar ?? [])
      .map((i) => ({
        Orsak: i.orsak,
        OrsakText: INDRAGNINGSORSAK[i.orsak],
        BeslutDatum: inom(los(i.beslut, ramar)),
        IndragetFrom: los(i.indragetFrom, ramar),
      }))
      .filter((i) => i.BeslutDatum <= idag),
  };
  if (f.program) {
    const aktivitet: AfAktivitet[] = f.program.aktiviteter.map((a) => ({
      Aktivitet: a.aktivitet,
      From: los(a.fran, ramar),
      Tom: los(a.tom, ramar),
      Omfattning: a.omfattning,
      Krav: a.krav,
    }));
    svar.Programbeslut = {
      Program: f.program.namn,
      BeslutFrom: los(f.program.fran, ramar),
      BeslutTom: los(f.program.tom, ramar),
      Aktivitet: aktivitet,
    };
  }
  if (f.leverantor)
    svar.Leverantor = {
      Organisationsnummer: f.leverantor.organisationsnummer,
      Namn: f.leverantor.namn,
      Tjanst: f.leverantor.tjanst,
      AnvisadFrom: los(f.leverantor.anvisad, ramar),
    };
  const rapport = info.AktivetetsRapportDatum;
  if (rapport.AktivitetsRapportMeddelande === "200" && rapport.SenasteAktivitetsRapportDatum) {
    svar.SenasteGodkandaAktivitetsrapport = rapport.SenasteAktivitetsRapportDatum;
    svar.AntalSoktaJobb = f.antalSoktaJobb ?? rng.int(0, 14);
  }
  if (info.ArbetssokandeAvaktualiserad) {
    const orsak = f.avaktualiseringsorsak ?? rng.pick(GENERERADE_ORSAKER);
    svar.Avaktualisering = {
      Orsak: orsak,
      OrsakText: AVAKTUALISERINGSORSAK[orsak],
      Datum: info.ArbetssokandeAvaktualiserad,
    };
  } else {
    svar.NastaPlaneringsmote = vardag(
      f.nastaPlaneringsmote ? los(f.nastaPlaneringsmote, ramar) : plusDagar(idag, rng.int(5, 40)),
    );
  }
  return svar;
}
