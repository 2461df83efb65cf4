import type { SbnUppgEkBistandBegar } from "../../contract/csn/model.js";
import { CSN_NS } from "../../contract/csn/model.js";
import { dagnummerAv, laggTillManader, svenskDag } from "../../contract/kalender.js";
import { BegransatMinne } from "../../contract/minne.js";
import { arGiltigPersonidentitet, harRimligtDatum, maskeraText } from "../../contract/personidentitet.js";
import type { SoapFault } from "../../contract/soap/envelope.js";
import type { SsbtFraga } from "../../contract/ssbt/model.js";
import { el } from "../../contract/xml/node.js";

/** `GemensamtSvarEkbistand/Resultat`: CSN's result code and text. */
export interface CsnResultat {
  ResultatKod: string;
  ResultatText: string;
}

/**
 * CSN's result codes with the texts of CSN's "Schemabeskrivning Kommunfråga" v4.0. Several
 * texts share a code (e.g. the four date rules are all −1006): the text says which rule failed.
 */
export const CSN_RESULTAT = {
  ok: { ResultatKod: "0", ResultatText: "Allt OK, inget att rapportera" },
  ejTraff: { ResultatKod: "-2", ResultatText: "Posten finns inte, sökidentiteten finns inte i systemet" },
  felPersonnummer: { ResultatKod: "-1004", ResultatText: "Felaktigt format på personnummer" },
  kontraktsbrott: { ResultatKod: "-1005", ResultatText: "Inparametrar bryter mot specifikation/kontrakt" },
  formatfel: {
    ResultatKod: "-1005",
    ResultatText: "Inparametrar bryter mot specifikation/kontrakt, typ formatfel",
  },
  ogiltigtFromdatum: { ResultatKod: "-1006", ResultatText: "Ej giltigt Fromdatum" },
  ogiltigtTomdatum: { ResultatKod: "-1006", ResultatText: "Ej giltigt Tomdatum" },
  fromdatumForTidigt: { ResultatKod: "-1006", ResultatText: "Fromdatum mer än 2 månader innan dagens datum" },
  tomdatumForSent: { ResultatKod: "-1006", ResultatText: "Tomdatum mer än 1 månad efter dagens datum" },
  felXmlSchema: { ResultatKod: "-1007", ResultatText: "Ej giltig version av xml-schema" },
  felSchemaversion: { ResultatKod: "-1007", ResultatText: "Ej giltig version av schema" },
  hutEjTillgangligt: {
    ResultatKod: "-1101",
    ResultatText: "Tekniskt fel systemet för hemutrustningslån ej tillgängligt",
  },
  smShEjTillgangligt: {
    ResultatKod: "-1102",
    ResultatText: "Tekniskt fel systemet för studiemedel och studiehjälp ej tillgängliga",
  },
  ingetSystem: { ResultatKod: "-1103", ResultatText: "Tekniskt fel inget av CSN:s system tillgängliga" },
  ossEjTillgangligt: {
    ResultatKod: "-1104",
    ResultatText: "Tekniskt fel systemet för omställningsstudiestöd ej tillgängligt",
  },
} as const satisfies Record<string, CsnResultat>;

/** The result codes SSBT passes on as data (everything else becomes an error section). */
export const DATAKODER: readonly string[] = [CSN_RESULTAT.ok.ResultatKod, CSN_RESULTAT.ejTraff.ResultatKod];

/** A CSN subsystem that can be made unavailable by fault injection. */
export type CsnStorning = "HUT" | "SM_SH" | "ALLA" | "OSS";

/** The result of each injected outage. */
export const STORNING_RESULTAT: Readonly<Record<CsnStorning, CsnResultat>> = {
  HUT: CSN_RESULTAT.hutEjTillgangligt,
  SM_SH: CSN_RESULTAT.smShEjTillgangligt,
  ALLA: CSN_RESULTAT.ingetSystem,
  OSS: CSN_RESULTAT.ossEjTillgangligt,
};

// ---------------------------------------------------------------------------------------------
// Calendar rules of the question
// ---------------------------------------------------------------------------------------------

/** `YYYYMMDD` → `YYYY-MM-DD`, or undefined when it is not a real calendar day. */
export function csnDatumTillIso(d: string): string | undefined {
  // Only what can be a date is remembered: a question's long text must not fill the memory.
  return d.length === 8 ? ISO_DATUM.hamta(d) : undefined;
}

// Every question's two dates are read twice (checked, then answered): the days asked about are few.
const ISO_DATUM = new BegransatMinne<string, string | undefined>(10_000, (d) => {
  if (!/^\d{8}$/.test(d)) return undefined;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return Number.isNaN(dagnummerAv(iso)) ? undefined : iso;
});

/** Today's date in Sweden (CSN's "dagens datum"), `YYYY-MM-DD`: the shared {@link svenskDag}. */
export const idag = svenskDag;

// ---------------------------------------------------------------------------------------------
// CSN's checks of a question, in CSN's order: schema version, contract, personnummer, dates
// ---------------------------------------------------------------------------------------------

const MAX_KORT = 31;
const MAX_NORMAL = 255;

/** More than `max` characters, counted as the XSD counts them (code points, not UTF-16 units). */
function langreAn(v: string, max: number): boolean {
  // No more UTF-16 units than `max` is never more code points: only a long value is counted.
  return v.length > max && [...v].length > max;
}

/**
 * CSN's field rules for a structurally valid question. Returns the failing result (the first
 * rule broken) or undefined when the question may be answered.
 *
 * @example
 * kontrolleraFraga({ …, ArendeId: "X".repeat(32) }, "2026-11-20")?.ResultatKod // "-1005"
 */
export function kontrolleraFraga(f: SbnUppgEkBistandBegar, dagensDatum: string): CsnResultat | undefined {
  const version = f.SchemaVersion.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(version) || Number(version) !== 4)
    return CSN_RESULTAT.felSchemaversion;

  // Field by field, not through temporary lists: every answer passes here.
  const kort = (v: string | undefined) => v !== undefined && langreAn(v, MAX_KORT);
  const normal = (v: string | undefined) => v !== undefined && langreAn(v, MAX_NORMAL);
  const blank = (v: string) => v.trim() === "";
  if (kort(f.SubOrgKod) || kort(f.HandlaggareId) || kort(f.ArendeId) || kort(f.HushallsId))
    return CSN_RESULTAT.kontraktsbrott;
  if (normal(f.AppNamn) || normal(f.AppVersion) || normal(f.AnropsId) || normal(f.LastDataVersion))
    return CSN_RESULTAT.kontraktsbrott;
  if (blank(f.AppNamn) || blank(f.AppVersion) || blank(f.HushallsId)) return CSN_RESULTAT.kontraktsbrott;
  if (!/^\d{6}-\d{4}$/.test(f.Kommun)) return CSN_RESULTAT.formatfel;
  if (f.MaxAntalSvar !== undefined && !/^[1-9]\d*$/.test(f.MaxAntalSvar)) return CSN_RESULTAT.formatfel;

  if (!/^(18|19|20)$/.test(f.HushallsMedlemsIdSekel) || !/^\d{10}$/.test(f.HushallsMedlemsId))
    return CSN_RESULTAT.felPersonnummer;
  const pid = f.HushallsMedlemsIdSekel + f.HushallsMedlemsId;
  if (!harRimligtDatum(pid) || !arGiltigPersonidentitet(pid)) return CSN_RESULTAT.felPersonnummer;

  const from = csnDatumTillIso(f.FromDatum);
  if (!from) return CSN_RESULTAT.ogiltigtFromdatum;
  const tom = csnDatumTillIso(f.TomDatum);
  if (!tom || tom < from) return CSN_RESULTAT.ogiltigtTomdatum;
  // "More than 2 months back" / "more than 1 month ahead": the boundary day itself is allowed.
  const [tidigast, senast] = GRANSER.hamta(dagensDatum);
  if (from < tidigast) return CSN_RESULTAT.fromdatumForTidigt;
  if (tom > senast) return CSN_RESULTAT.tomdatumForSent;
  return undefined;
}

// The earliest fromDatum and the latest tomDatum CSN accepts on a day: the same for every question that day.
const GRANSER = new BegransatMinne<string, readonly [string, string]>(1000, (dag) => [
  laggTillManader(dag, -2),
  laggTillManader(dag, 1),
]);

/**
 * The fault for a request CSN cannot read at all (not XML, not SOAP, wrong element, a required
 * element missing, a DOCTYPE): SOAP 1.1 Client fault with CSN's −1005 result in the detail.
 * Personnummer-like digits in the reason are masked.
 *
 * @example
 * csnFault("/SBNUppgEkBistandBegar/FromDatum: required element FromDatum is missing")
 */
export function csnFault(reason: string): SoapFault {
  const r = CSN_RESULTAT.kontraktsbrott;
  return {
    faultcode: "Client",
    faultstring: maskeraText(`${r.ResultatText} (${r.ResultatKod}): ${reason}`),
    detail: el(CSN_NS.kommunfraga, "Resultat", [
      el(CSN_NS.kommunfraga, "ResultatKod", [r.ResultatKod]),
      el(CSN_NS.kommunfraga, "ResultatText", [r.ResultatText]),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// Error scenarios reachable through the composite question (for suites and coverage)
// ---------------------------------------------------------------------------------------------

/** One way a composite question makes CSN answer with an error code. */
export interface CsnFelscenario {
  namn: string;
  resultat: CsnResultat;
  /** The composite question changed so that CSN answers `resultat` (at `dagensDatum`). */
  fraga(bas: SsbtFraga, dagensDatum: string): SsbtFraga;
}

function medCsnPeriod(bas: SsbtFraga, fromDatum: string, tomDatum: string): SsbtFraga {
  return {
    ...bas,
    specifikaFrageparametrar: {
      ...bas.specifikaFrageparametrar,
      CSN: { inkludera: true, tidsperiod: { fromDatum, tomDatum } },
    },
  };
}

/**
 * The CSN error codes a composite question can trigger (−1007 and −1101…−1104 cannot: SSBT
 * always sends schema 4.0, and outages are injected with `csnHandlers(ctx, { storning })`).
 */
export const CSN_FELSCENARIER: readonly CsnFelscenario[] = [
  {
    namn: "personidentitet med fel kontrollsiffra (referensklientens 199001011234)",
    resultat: CSN_RESULTAT.felPersonnummer,
    fraga: (bas) => ({
      ...bas,
      generellaFrageparametrar: { ...bas.generellaFrageparametrar, personidentitet: "199001011234" },
    }),
  },
  {
    namn: "arendeidentitet på 32 tecken",
    resultat: CSN_RESULTAT.kontraktsbrott,
    fraga: (bas) => ({
      ...bas,
      generellaFrageparametrar: { ...bas.generellaFrageparametrar, arendeidentitet: "A".repeat(32) },
    }),
  },
  {
    namn: "fromDatum mer än 2 månader bakåt",
    resultat: CSN_RESULTAT.fromdatumForTidigt,
    fraga: (bas, dag) => medCsnPeriod(bas, laggTillManader(dag, -3), dag),
  },
  {
    namn: "tomDatum mer än 1 månad framåt",
    resultat: CSN_RESULTAT.tomdatumForSent,
    fraga: (bas, dag) => medCsnPeriod(bas, dag, laggTillManader(dag, 2)),
  },
];
