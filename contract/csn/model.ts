/**
 * CSN's own "Kommunfråga" contract, v4.0, as TypeScript types. Written from CSN's published
 * schemas (kommunfraga.xsd, person.xsd, csntyper.xsd and one schema per stödform) and CSN's
 * "Schemabeskrivning Kommunfråga". Property names are the element and attribute names of the
 * schemas, so code and contract read the same. Every value is a string, exactly as on the wire:
 * dates are `YYYYMMDD`, amounts are integer strings, codes keep their padding ("          ").
 */

/** Namespace URIs of the v4.0 schemas (all `elementFormDefault="qualified"`). */
export const CSN_NS = {
  kommunfraga: "http://schema.csn.se/v4.0/kommunfraga",
  person: "http://schema.csn.se/v4.0/person",
  csntyper: "http://schema.csn.se/v4.0/csntyper",
  studiemedel: "http://schema.csn.se/v4.0/studiemedel",
  studiehjalp: "http://schema.csn.se/v4.0/studiehjalp",
  hemutrustningslan: "http://schema.csn.se/v4.0/hemutrustningslan",
  studiestartsstod: "http://schema.csn.se/v4.0/studiestartsstod",
  omstallningsstudiestod: "http://schema.csn.se/v4.0/omstallningsstudiestod",
  /** The Sambruk question type (`SBNUppgEkBistandBegar`) that kommunfraga.xsd imports. */
  sambruk: "http://www.sambruk.se/SBNyttomeddelanden",
} as const;

/**
 * The v3.0 kommunfråga namespace. Not served: a question in it is recognised only so that CSN
 * can answer "Ej giltig version av xml-schema" (−1007) instead of a fault.
 */
export const CSN_KOMMUNFRAGA_V3_NS = "http://schema.csn.se/v3.0/kommunfraga";

/** The schema version this contract speaks (`schemaVersion` / `SchemaVersion`). */
export const CSN_SCHEMA_VERSION = "4.0";

/** Prefixes we write, as in CSN's own schemas. */
export const CSN_PREFIXES: Readonly<Record<string, string>> = {
  [CSN_NS.kommunfraga]: "csn",
  [CSN_NS.person]: "csnpers",
  [CSN_NS.csntyper]: "csngem",
  [CSN_NS.studiemedel]: "csnsm",
  [CSN_NS.studiehjalp]: "csnsh",
  [CSN_NS.hemutrustningslan]: "csnhut",
  [CSN_NS.studiestartsstod]: "csnsss",
  [CSN_NS.omstallningsstudiestod]: "csnoss",
  [CSN_NS.sambruk]: "sam",
  [CSN_KOMMUNFRAGA_V3_NS]: "csn3",
};

/**
 * The question (`csn:SBNUppgEkBistandBegar`, Sambruk type `SBNUppgEkBistandBegar`), field by
 * field as CSN's description lists it. The Sambruk schema itself is not published; order and
 * names follow CSN's list. One person and one period per question.
 */
export interface SbnUppgEkBistandBegar {
  /** Attribute. Decimal, "4.0". */
  SchemaVersion: string;
  /** The asking municipality's organisationsnummer, `NNNNNN-NNNN`. */
  Kommun: string;
  /** Max 255 characters. */
  AppNamn: string;
  /** Max 255 characters. */
  AppVersion: string;
  /** Positive integer without sign, not zero. */
  MaxAntalSvar?: string;
  /** Max 255 characters. */
  AnropsId?: string;
  /** Max 255 characters. */
  LastDataVersion?: string;
  /** Max 31 characters. */
  SubOrgKod?: string;
  /** Max 31 characters. */
  HandlaggareId?: string;
  /** Max 31 characters (SSBT sends its `arendeidentitet` here: 32 or more gives −1005). */
  ArendeId?: string;
  /** Max 31 characters. */
  HushallsId: string;
  /** `YYYYMMDD`, at most 2 months before today. */
  FromDatum: string;
  /** `YYYYMMDD`, at most 1 month after today. */
  TomDatum: string;
  /** Century of the person asked about: "18", "19" or "20". */
  HushallsMedlemsIdSekel: string;
  /** The ten-digit personnummer (YYMMDDNNNC). */
  HushallsMedlemsId: string;
}

/** Element order of {@link SbnUppgEkBistandBegar} (attribute `SchemaVersion` excluded). */
export const FRAGA_FALT = [
  "Kommun",
  "AppNamn",
  "AppVersion",
  "MaxAntalSvar",
  "AnropsId",
  "LastDataVersion",
  "SubOrgKod",
  "HandlaggareId",
  "ArendeId",
  "HushallsId",
  "FromDatum",
  "TomDatum",
  "HushallsMedlemsIdSekel",
  "HushallsMedlemsId",
] as const satisfies readonly (keyof SbnUppgEkBistandBegar)[];

/** The fields CSN's description marks "Obligatoriskt". */
export const FRAGA_OBLIGATORISKA: readonly (typeof FRAGA_FALT)[number][] = [
  "Kommun",
  "AppNamn",
  "AppVersion",
  "HushallsId",
  "FromDatum",
  "TomDatum",
  "HushallsMedlemsIdSekel",
  "HushallsMedlemsId",
];

/** `csngem:Belopp`. */
export interface Belopp {
  beloppstyp: string;
  klartext: string;
  /** Integer string, max 7 characters. */
  belopp: string;
  totbelopp: string;
}

/** `csngem:Sokttid`: a period the person applied for. */
export interface Sokttid {
  soktfrom: string;
  sokttom: string;
  /** `csngem:takt`: 0, 20, 40, 50, 60, 75, 100. */
  soktomfattning: string;
  /** " " or "J". */
  soktlan?: string;
}

/** `csngem:Beviljadtid`: a granted period with its amounts. */
export interface Beviljadtid {
  starttid: string;
  sluttid: string;
  takt?: string;
  gr_takt?: string;
  Beloppen: Belopp[];
  totbelopp: string;
}

/** `csngem:Utbetaldtid`: the weeks (or months) one payment covers. */
export interface Utbetaldtid {
  startvecka?: string;
  slutvecka?: string;
  Beloppen: Belopp[];
  totbelopp: string;
}

/** `csngem:Utbetalning`: one payment of the payment plan. */
export interface Utbetalning {
  utbetdatum: string;
  /** "Utbetald", "Planerad" or "UTBETALAD". */
  utbetstatus: string;
  Utbetaldatider: Utbetaldtid[];
  totbelopp: string;
}

/** `arende` of studiemedel, studiehjälp and studiestartsstöd (same shape, own namespaces). */
export interface StudiestodArende {
  /** Attribute, 1–3 digits. */
  lopnummer: string;
  stodform: string;
  klartext: string;
  status: string;
  relarende?: string;
  soktaTider: Sokttid[];
  BeviljadeTider: Beviljadtid[];
  UtbetalningsPlan: Utbetalning[];
}

/** `csnoss:arende`: like {@link StudiestodArende} but without `relarende`, lists unbounded. */
export type OssArende = Omit<StudiestodArende, "relarende">;

/** `csnhut:arende`: a hemutrustningslån. */
export interface HutArende {
  /** Attribute, 1–7 digits. */
  lopnummer: string;
  /** Attribute: personnummer of a co-borrower, max 12 characters. */
  medlanare?: string;
  stodform: string;
  klartext: string;
  status: string;
  UtbetalningsPlan: Utbetalning[];
}

/** One stödform block of a person: `Arenden` is optional (absent = no element at all). */
export interface Arenden<A> {
  Arenden?: A[];
}

/** `csngem:studiestodstypforteckning`: "1" when the person has data of that kind, else "0". */
export interface Studiestodstypforteckning {
  studiemedel: string;
  studiehjalp: string;
  hemutrustningslan: string;
  studiestartsstod: string;
  omstallningsstudiestod: string;
}

/** `csnpers:Person`. */
export interface CsnPerson {
  /** Attribute: ten digits YYMMDDNNNC. */
  personnummer: string;
  /** Attribute: "          " (ten spaces, found) or "Ej träff". */
  Status?: string;
  /** Attribute: "Ja" or blank ("  "). */
  sekretess?: string;
  /** Attribute: "18", "19" or "20". */
  sekel?: string;
  Studiestodstypforteckning: Studiestodstypforteckning;
  Studiemedel: Arenden<StudiestodArende>;
  Studiehjalp: Arenden<StudiestodArende>;
  HemutrustningsLan: Arenden<HutArende>;
  Studiestartsstod: Arenden<StudiestodArende>;
  Omstallningsstudiestod: Arenden<OssArende>;
}

/** `csn:CSNSvar`: CSN's answer document. */
export interface CsnSvar {
  /** Attribute, decimal. */
  schemaVersion: string;
  /** `GemensamtSvarEkbistand/Resultat`. */
  Resultat: { ResultatKod: string; ResultatText: string };
  /** Echo of the question (Sambruk type; read leniently, its schema is not published). */
  GemensamtFragaEkbistand: Partial<SbnUppgEkBistandBegar>;
  /** 0–10 persons. */
  Personer: CsnPerson[];
}
