/**
 * Arbetsförmedlingen's own message model for the SSBTEK bastjänst "ersättningsstöd v2"
 * (namespace `http://api.arbetsformedlingen.se/arbetssokande/ersattningsstod/v2`, elementFormDefault
 * qualified). Property names are the XSD element names, so code and contract read the same.
 * Dates are `xsd:date` strings as sent (`YYYY-MM-DD`, optionally with a time zone).
 */

/** `Inkludera`: which blocks of the answer are wanted. An absent attribute means "include". */
export interface AfInkludera {
  ArbetssokandeInfo?: boolean;
  AkasseInfo?: boolean;
  BeslutInfo?: boolean;
}

/** `Fraga`: the question, echoed in the answer. */
export interface AfFraga {
  Test?: boolean;
  /** 10–12 characters. */
  OrganisationsnummerForIngivare: string;
  NamnPaIngivare: string;
  KontonamnForHandlaggare: string;
  /** SSBT sends the composite question's `arendeidentitet`. */
  Referensnummer: string;
  From: string;
  Tom: string;
  SyfteMedFraga: string;
  LagParagraf: string;
  /** 10–12 characters. */
  OrganisationsnummerForPersonuppgiftsbitrade?: string;
  NamnPaPersonuppgiftsbitrade?: string;
  /** Exactly 12 digits. */
  IdentitetsbeteckningFysiskPerson: string;
}

/** `FragaMeddelande`: the request Body element. */
export interface AfFragaMeddelande {
  Inkludera?: AfInkludera;
  Fraga: AfFraga;
  /** Draft (`utkast`): `<afu:UtokadFraga/>` in the trailing `xs:any`, asking for {@link AfSvar.UtokadSvar}. */
  UtokadFraga?: boolean;
}

/** `AktivetetsRapportDatum` (sic: the schema spells the type and element "Aktivetets"). */
export interface AfAktivetetsRapportDatum {
  /** "200" submitted, "500" not in ALF, "501" not submitted, "502" technical error. */
  AktivitetsRapportMeddelande: string;
  /** Only after "200". */
  SenasteAktivitetsRapportDatum?: string;
}

/** `ArbetssokandeInfo`. */
export interface AfArbetssokandeInfo {
  Arbetssokande?: boolean;
  /** Sökandekategori (xsd:normalizedString). */
  ArbetssokandeSKAT?: string;
  ArbetssokandeRegistrerad?: string;
  /** Percent of full time. */
  ArbetssokandeOmfattning?: number;
  ArbetssokandeAvaktualiserad?: string;
  AktivetetsRapportDatum: AfAktivetetsRapportDatum;
}

/** `BeslutInfo/EkonomiskaBeslut/Beslut`. */
export interface AfBeslut {
  ErsattningTyp: string;
  /** Percent. */
  Omfattning: number;
  BeslutFrom: string;
  BeslutTom: string;
}

/** `BeslutInfo`. */
export interface AfBeslutInfo {
  EkonomiskaBeslut: { Beslut: AfBeslut[] };
}

/** `Svar`. */
export interface AfSvar {
  Schemaversion: string;
  Referensnummer: string;
  LagParagraf: string;
  IdentitetsbeteckningFysiskPerson: string;
  Fornamn?: string;
  Efternamn?: string;
  Sekretessmarkering?: boolean;
  ArbetssokandeInfo?: AfArbetssokandeInfo;
  BeslutInfo?: AfBeslutInfo;
  Akassetillhorighet?: string;
  StatusSokandeinformationKod: number;
  StatusSokandeinformationKodText: string;
  /** Draft (`utkast`): `<afu:UtokadSvar>` in the trailing `xs:any` (see contract/af/utkast.ts). */
  UtokadSvar?: import("./utkast.js").AfUtokadSvar;
}

/** `SvarMeddelande`: the answer Body element (echo of the question + answer). */
export interface AfSvarMeddelande {
  Fraga: AfFraga;
  Svar: AfSvar;
}

/**
 * The detail of a SOAP Fault from the AF endpoint. The official XSD declares no fault element,
 * so this is our model: an unqualified `<Fel><Felkod/><Felmeddelande/></Fel>` inside `<detail>`.
 */
export interface AfFel {
  Felkod: string;
  Felmeddelande: string;
}
