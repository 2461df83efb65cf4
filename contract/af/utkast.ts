/**
 * The draft extension of Arbetsförmedlingen's answer (contract `utkast`): what municipalities
 * asked for in the labour-market information-needs report (SKR, 2022). Everything is optional
 * and lives in its own namespace ({@link NS.afUtkast}), carried in ers_stod v2's own extension
 * points (`xs:any` at the end of `FragaMeddelande` and of `Svar`), so an ers_stod v2 answer with
 * the extension still validates against the official v2 schema.
 *
 * - question: `<afu:UtokadFraga/>` after `Fraga` asks for the extension (SSBT sends it in `utkast`);
 * - answer: `<afu:UtokadSvar>` after `StatusSokandeinformationKodText`.
 */
import { ContractViolation } from "../errors.js";
import { NS } from "../namespaces.js";
import { el, leaf, type XmlElement } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { readDate, readInt } from "../xml/xsd-types.js";

const U = NS.afUtkast;

/** Why an aktivitetsstöd was withdrawn (kodverk `AF.IndragningsorsakKod`), with Swedish labels. */
export const INDRAGNINGSORSAK = {
  AKTIVITETSRAPPORT_EJ_I_TID: "Aktivitetsrapport ej inlämnad i tid",
  UTEBLIVET_MOTE: "Uteblivet möte med Arbetsförmedlingen eller leverantör",
  EJ_ANTRAFFBAR: "Ej anträffbar enligt överenskommelse",
  FRANVARO_AKTIVITET: "Frånvaro från aktivitet",
  EJ_SOKT_ANVISAT: "Ej sökt anvisat arbete eller anvisad utbildning",
  EJ_AKTIVT_ARBETSSOKANDE: "Ej aktivt arbetssökande",
} as const;
export type IndragningsorsakKod = keyof typeof INDRAGNINGSORSAK;

/** Why a person was deregistered (kodverk `AF.AvaktualiseringsorsakKod`), with Swedish labels. */
export const AVAKTUALISERINGSORSAK = {
  UPPREPADE_VARNINGAR: "Upprepade varningar",
  EJ_SVAR_FORTSATT_INSKRIVNING: "Inget svar på frågan om fortsatt inskrivning",
  EGEN_BEGARAN: "Egen begäran",
  FATT_ARBETE: "Fått arbete",
  PABORJAT_STUDIER: "Påbörjat studier",
  OVRIG_ORSAK: "Övrig orsak",
} as const;
export type AvaktualiseringsorsakKod = keyof typeof AVAKTUALISERINGSORSAK;

/** Scope of an activity, percent of full time. */
export const AKTIVITET_OMFATTNING = [25, 50, 100] as const;
export type AktivitetOmfattning = (typeof AKTIVITET_OMFATTNING)[number];

/** `IndragetAktivitetsstod`: one withdrawal. */
export interface AfIndragetAktivitetsstod {
  Orsak: IndragningsorsakKod;
  OrsakText: string;
  BeslutDatum: string;
  /** First day without aktivitetsstöd. */
  IndragetFrom: string;
}

/** `Aktivitet`: one activity of the programme decision. */
export interface AfAktivitet {
  Aktivitet: string;
  From: string;
  Tom: string;
  Omfattning: AktivitetOmfattning;
  /** What is required of the person. */
  Krav: string;
}

/** `Programbeslut`: the programme decision and its activities. */
export interface AfProgrambeslut {
  Program: string;
  BeslutFrom: string;
  BeslutTom: string;
  Aktivitet: AfAktivitet[];
}

/** `Leverantor`: the AF provider the person is assigned to. */
export interface AfLeverantor {
  /** 10 digits. */
  Organisationsnummer: string;
  Namn: string;
  Tjanst: string;
  AnvisadFrom: string;
}

/** `Avaktualisering`: why the registration ended. */
export interface AfAvaktualisering {
  Orsak: AvaktualiseringsorsakKod;
  OrsakText: string;
  Datum: string;
}

/** `UtokadSvar`: the extension of `Svar`. Every part is optional. */
export interface AfUtokadSvar {
  IndragetAktivitetsstod: AfIndragetAktivitetsstod[];
  Programbeslut?: AfProgrambeslut;
  Leverantor?: AfLeverantor;
  SenasteGodkandaAktivitetsrapport?: string;
  /** Jobs applied for in the latest approved activity report. */
  AntalSoktaJobb?: number;
  NastaPlaneringsmote?: string;
  Avaktualisering?: AfAvaktualisering;
}

/** Order of the children of `UtokadSvar` (the schema and the codec read it from here). */
export const UTOKAD_SVAR_ORDNING = [
  "IndragetAktivitetsstod",
  "Programbeslut",
  "Leverantor",
  "SenasteGodkandaAktivitetsrapport",
  "AntalSoktaJobb",
  "NastaPlaneringsmote",
  "Avaktualisering",
] as const;

/**
 * `<afu:UtokadFraga/>`: asks AF for the extension.
 *
 * @example
 * el(NS.af, "FragaMeddelande", [inkludera, fraga, encodeUtokadFraga()])
 */
export function encodeUtokadFraga(): XmlElement {
  return el(U, "UtokadFraga");
}

/** Checks `<afu:UtokadFraga/>` (empty, no attributes). */
export function decodeUtokadFraga(e: XmlElement, path: string): true {
  new SequenceReader(e, path).end();
  if (e.attrs.some((a) => a.ns !== NS.xsi))
    throw new ContractViolation("xml.attribute", path, "UtokadFraga carries no attributes");
  return true;
}

/**
 * Encodes `UtokadSvar`.
 *
 * @example
 * encodeUtokadSvar({ IndragetAktivitetsstod: [], AntalSoktaJobb: 6 })
 */
export function encodeUtokadSvar(s: AfUtokadSvar): XmlElement {
  const p = s.Programbeslut;
  const l = s.Leverantor;
  const a = s.Avaktualisering;
  return el(U, "UtokadSvar", [
    s.IndragetAktivitetsstod.map((i) =>
      el(U, "IndragetAktivitetsstod", [
        el(U, "Orsak", [i.Orsak]),
        el(U, "OrsakText", [i.OrsakText]),
        el(U, "BeslutDatum", [i.BeslutDatum]),
        el(U, "IndragetFrom", [i.IndragetFrom]),
      ]),
    ),
    p
      ? el(U, "Programbeslut", [
          el(U, "Program", [p.Program]),
          el(U, "BeslutFrom", [p.BeslutFrom]),
          el(U, "BeslutTom", [p.BeslutTom]),
          p.Aktivitet.map((x) =>
            el(U, "Aktivitet", [
              el(U, "Aktivitet", [x.Aktivitet]),
              el(U, "From", [x.From]),
              el(U, "Tom", [x.Tom]),
              el(U, "Omfattning", [String(x.Omfattning)]),
              el(U, "Krav", [x.Krav]),
            ]),
          ),
        ])
      : undefined,
    l
      ? el(U, "Leverantor", [
          el(U, "Organisationsnummer", [l.Organisationsnummer]),
          el(U, "Namn", [l.Namn]),
          el(U, "Tjanst", [l.Tjanst]),
          el(U, "AnvisadFrom", [l.AnvisadFrom]),
        ])
      : undefined,
    leaf(U, "SenasteGodkandaAktivitetsrapport", s.SenasteGodkandaAktivitetsrapport),
    leaf(U, "AntalSoktaJobb", s.AntalSoktaJobb),
    leaf(U, "NastaPlaneringsmote", s.NastaPlaneringsmote),
    a
      ? el(U, "Avaktualisering", [
          el(U, "Orsak", [a.Orsak]),
          el(U, "OrsakText", [a.OrsakText]),
          el(U, "Datum", [a.Datum]),
        ])
      : undefined,
  ]);
}

function kod<K extends string>(v: string, koder: Record<K, string>, rule: string, path: string): K {
  if (!(v in koder))
    throw new ContractViolation(
      rule,
      path,
      `"${v.slice(0, 40)}" is not one of ${Object.keys(koder).join(", ")}`,
    );
  return v as K;
}

/**
 * Strictly decodes `UtokadSvar` (order, codes, dates, omfattning 25/50/100).
 *
 * @example
 * decodeUtokadSvar(e, "/Svar/UtokadSvar").AntalSoktaJobb // 6
 */
export function decodeUtokadSvar(e: XmlElement, path: string): AfUtokadSvar {
  const r = new SequenceReader(e, path);
  const t = (rr: SequenceReader, local: string) => leafText(rr.one(U, local), `${rr.path}/${local}`);
  const d = (rr: SequenceReader, local: string) => readDate(t(rr, local), `${rr.path}/${local}`);
  const out: AfUtokadSvar = {
    IndragetAktivitetsstod: r.many(U, "IndragetAktivitetsstod").map((x, i) => {
      const ir = new SequenceReader(x, `${path}/IndragetAktivitetsstod[${i + 1}]`);
      const v: AfIndragetAktivitetsstod = {
        Orsak: kod(t(ir, "Orsak"), INDRAGNINGSORSAK, "AF.utkast.IndragningsorsakKod", `${ir.path}/Orsak`),
        OrsakText: t(ir, "OrsakText"),
        BeslutDatum: d(ir, "BeslutDatum"),
        IndragetFrom: d(ir, "IndragetFrom"),
      };
      ir.end();
      return v;
    }),
  };
  const pe = r.optional(U, "Programbeslut");
  if (pe) {
    const pr = new SequenceReader(pe, `${path}/Programbeslut`);
    out.Programbeslut = {
      Program: t(pr, "Program"),
      BeslutFrom: d(pr, "BeslutFrom"),
      BeslutTom: d(pr, "BeslutTom"),
      Aktivitet: pr.many(U, "Aktivitet").map((x, i) => {
        const ar = new SequenceReader(x, `${pr.path}/Aktivitet[${i + 1}]`);
        const aktivitet = t(ar, "Aktivitet");
        const From = d(ar, "From");
        const Tom = d(ar, "Tom");
        const omf = readInt(t(ar, "Omfattning"), `${ar.path}/Omfattning`);
        if (!(AKTIVITET_OMFATTNING as readonly number[]).includes(omf))
          throw new ContractViolation(
            "AF.utkast.Omfattning",
            `${ar.path}/Omfattning`,
            "must be 25, 50 or 100",
          );
        const Krav = t(ar, "Krav");
        ar.end();
        return { Aktivitet: aktivitet, From, Tom, Omfattning: omf as AktivitetOmfattning, Krav };
      }),
    };
    pr.end();
  }
  const le = r.optional(U, "Leverantor");
  if (le) {
    const lr = new SequenceReader(le, `${path}/Leverantor`);
    const Organisationsnummer = t(lr, "Organisationsnummer");
    if (!/^\d{10}$/.test(Organisationsnummer))
      throw new ContractViolation(
        "AF.utkast.Organisationsnummer",
        `${lr.path}/Organisationsnummer`,
        "must be 10 digits",
      );
    out.Leverantor = {
      Organisationsnummer,
      Namn: t(lr, "Namn"),
      Tjanst: t(lr, "Tjanst"),
      AnvisadFrom: d(lr, "AnvisadFrom"),
    };
    lr.end();
  }
  if (r.has(U, "SenasteGodkandaAktivitetsrapport"))
    out.SenasteGodkandaAktivitetsrapport = d(r, "SenasteGodkandaAktivitetsrapport");
  if (r.has(U, "AntalSoktaJobb")) {
    const n = readInt(t(r, "AntalSoktaJobb"), `${path}/AntalSoktaJobb`);
    if (n < 0)
      throw new ContractViolation("AF.utkast.AntalSoktaJobb", `${path}/AntalSoktaJobb`, "must be ≥ 0");
    out.AntalSoktaJobb = n;
  }
  if (r.has(U, "NastaPlaneringsmote")) out.NastaPlaneringsmote = d(r, "NastaPlaneringsmote");
  const ae = r.optional(U, "Avaktualisering");
  if (ae) {
    const ar = new SequenceReader(ae, `${path}/Avaktualisering`);
    out.Avaktualisering = {
      Orsak: kod(
        t(ar, "Orsak"),
        AVAKTUALISERINGSORSAK,
        "AF.utkast.AvaktualiseringsorsakKod",
        `${ar.path}/Orsak`,
      ),
      OrsakText: t(ar, "OrsakText"),
      Datum: d(ar, "Datum"),
    };
    ar.end();
  }
  r.end();
  return out;
}
