import { ContractViolation } from "../errors.js";
import { dagarIManad } from "../kalender.js";
import { maskeraText } from "../personidentitet.js";
import { isBase64 } from "../xml/xsd-types.js";
import {
  LEFI_AVVIKELSE_KODER,
  LEFI_EXTERN_FORMAN_GRUPP_KODER,
  LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER,
  LEFI_FK_FORMAN_GRUPP_KODER,
  LEFI_PM_CIVILSTAND_KODER,
  LEFI_PM_FORMAN_BESLUT_STATUS_KODER,
  LEFI_PM_FORMAN_BESLUT_UTFALL_KODER,
  LEFI_PM_FORMAN_BESLUTAD_ERSATTNING_TYP_KODER,
  LEFI_PM_FORMAN_BESLUTAT_BELOPP_FREKVENS_KODER,
  LEFI_PM_FORMAN_GRUPP_KODER,
  LEFI_PM_FORMAN_SAMORDNING_TYP_KODER,
  LEFI_PM_FORMAN_UTBETALNING_AVDRAG_TYP_KODER,
  LEFI_PM_FORMAN_UTBETALNING_BELOPP_TYP_KODER,
  LEFI_PM_LEVNADSINTYG_STATUS_KODER,
  LEFI_PM_OVRIG_INFORMATION_TYP_KODER,
  LEFI_PM_PENSION_KONTO_HANDELSE_TYP_KODER,
  LEFI_PM_PENSION_KONTO_TRANSAKTION_TYP_KODER,
  LEFI_PM_PENSION_KONTO_TYP_KODER,
  LEFI_PM_UTBETALNING_FORMAN_KODER,
  LEFI_TILLSTAND_KODER,
  LEFI_UTLAMNARE_KODER,
  type LefiExternFormansinformationFraga,
  type LefiExternFormansinformationSvar,
  type LefiExternTillgangligaInformationstyper,
  type LefiFelsvar,
} from "./model.js";

/** The LEFI version this contract describes (the path segment SSBT uses when `version` is absent). */
export const LEFI_VERSION = "v9";

/** Media type of every LEFI body, question, answer and error alike. */
export const LEFI_JSON_CONTENT_TYPE = "application/json";

/**
 * The path of the question operation below the LEFI base URL.
 *
 * @example
 * lefiFragaPath("v9", "026-51") // "/lefi-extern-formansinformation/v9/aktorer/026-51/formansinformation/fraga"
 */
export function lefiFragaPath(version: string, aktorsId: string): string {
  return `/lefi-extern-formansinformation/${encodeURIComponent(version)}/aktorer/${encodeURIComponent(aktorsId)}/formansinformation/fraga`;
}

/**
 * The path of the "which information may I fetch" operation below the LEFI base URL.
 *
 * @example
 * lefiTillgangligaPath("v9", "026-51") // "/lefi-extern-formansinformation/v9/aktorer/026-51/tillgangligaInformationstyper"
 */
export function lefiTillgangligaPath(version: string, aktorsId: string): string {
  return `/lefi-extern-formansinformation/${encodeURIComponent(version)}/aktorer/${encodeURIComponent(aktorsId)}/tillgangligaInformationstyper`;
}

// ---------------------------------------------------------------------------------------------
// Our own description of the LEFI v9 JSON schemas: enough to decode strictly (types, required
// properties, code lists, patterns, formats, cardinalities) and to encode with a stable key
// order. OpenAPI 3.0 objects without `additionalProperties: false` accept unknown keys, so the
// decoder does too; everything else the spec states is checked.
// ---------------------------------------------------------------------------------------------

/** One node of the schema description. */
export type LefiSchema =
  | {
      readonly kind: "object";
      readonly props: Readonly<Record<string, LefiSchema>>;
      readonly required: readonly string[];
    }
  | {
      readonly kind: "array";
      readonly items: LefiSchema;
      readonly min?: number;
      readonly max?: number;
      readonly unique?: boolean;
    }
  | {
      readonly kind: "string";
      readonly enum?: readonly string[];
      readonly pattern?: string;
      readonly format?: "date" | "date-time";
    }
  | {
      readonly kind: "integer" | "number";
      readonly enum?: readonly number[];
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: "boolean" }
  | { readonly kind: "ref"; readonly name: string };

type StringOpts = { enum?: readonly string[]; pattern?: string; format?: "date" | "date-time" };
type NumberOpts = { enum?: readonly number[]; min?: number; max?: number };
type ArrayOpts = { min?: number; max?: number; unique?: boolean };

const o = (props: Record<string, LefiSchema>, required: readonly string[] = []): LefiSchema => ({
  kind: "object",
  props,
  required,
});
const a = (items: LefiSchema, opts: ArrayOpts = {}): LefiSchema => ({ kind: "array", items, ...opts });
const s = (opts: StringOpts = {}): LefiSchema => ({ kind: "string", ...opts });
const i = (opts: NumberOpts = {}): LefiSchema => ({ kind: "integer", ...opts });
const n = (opts: NumberOpts = {}): LefiSchema => ({ kind: "number", ...opts });
const b = (): LefiSchema => ({ kind: "boolean" });
const r = (name: string): LefiSchema => ({ kind: "ref", name });

/** Every named LEFI v9 schema, keyed by its name in the spec (`#/components/schemas/<name>`). */
export const LEFI_SCHEMAN: Readonly<Record<string, LefiSchema>> = {
  LefiExternFormansinformationFraga: o(
    {
      personnummer: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
      period: r("LefiPeriod"),
      formansinformation: a(r("LefiFkFormanGruppKod"), { unique: true }),
      ansprak: a(r("LefiPmFormanGruppKod"), { unique: true }),
      beslut: a(r("LefiPmFormanGruppKod"), { unique: true }),
      preliminaraUtbetalningar: a(r("LefiExternFormanGruppKod"), { unique: true }),
      utbetalningar: a(r("LefiExternFormanGruppKod"), { unique: true }),
      ovrigInformation: a(r("LefiExternOvrigInformationTypKod"), { unique: true }),
    },
    ["period", "personnummer"],
  ),
  LefiExternFormansinformationAvvikelser: o({
    formansinformation: a(r("LefiFkAvvikelseFormanGrupp")),
    ansprak: a(r("LefiPmAvvikelseFormanGrupp")),
    beslut: a(r("LefiPmAvvikelseFormanGrupp")),
    preliminaraUtbetalningar: a(r("LefiExternAvvikelseFormanGrupp")),
    utbetalningar: a(r("LefiExternAvvikelseFormanGrupp")),
    ovrigInformation: a(r("LefiExternAvvikelseOvrigInformationTyp")),
  }),
  LefiExternFormansinformationSvar: o({
    utlamnare: a(r("LefiUtlamnareTillstand")),
    avvikelser: r("LefiExternFormansinformationAvvikelser"),
    formansinformation: r("LefiFormansinformation"),
    ansprak: a(r("LefiPmFormanAnsprak")),
    beslut: a(r("LefiPmFormanBeslut")),
    preliminaraUtbetalningar: a(r("LefiPmFormanUtbetalning")),
    utbetalningar: a(r("LefiPmFormanUtbetalning")),
    ovrigInformation: a(r("LefiPmOvrigInformation")),
  }),
  LefiExternTillgangligaInformationstyper: o({
    formansinformation: a(r("LefiFkFormanGrupp"), { unique: true }),
    ansprak: a(r("LefiPmFormanGrupp"), { unique: true }),
    beslut: a(r("LefiPmFormanGrupp"), { unique: true }),
    preliminaraUtbetalningar: a(r("LefiExternFormanGrupp"), { unique: true }),
    utbetalningar: a(r("LefiExternFormanGrupp"), { unique: true }),
    ovrigInformation: a(r("LefiExternOvrigInformationTyp")),
  }),
  LefiFelsvar: o({ meddelande: s(), timestamp: s({ format: "date-time" }) }),
  LefiPersonnummer: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
  LefiPeriod: o({ from: s({ format: "date" }), tom: s({ format: "date" }) }, ["from", "tom"]),
  LefiFkFormanGruppKod: s({ enum: LEFI_FK_FORMAN_GRUPP_KODER }),
  LefiPmFormanGruppKod: s({ enum: LEFI_PM_FORMAN_GRUPP_KODER }),
  LefiExternFormanGruppKod: s({ enum: LEFI_EXTERN_FORMAN_GRUPP_KODER }),
  LefiExternOvrigInformationTypKod: s({ enum: LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER }),
  LefiFkAvvikelseFormanGrupp: o({ avvikelse: r("LefiAvvikelse"), formansgrupp: r("LefiFkFormanGrupp") }),
  LefiAvvikelse: o({ kod: r("LefiAvvikelseKod"), beskrivning: s() }),
  LefiAvvikelseKod: s({ enum: LEFI_AVVIKELSE_KODER }),
  LefiFkFormanGrupp: o({ kod: r("LefiFkFormanGruppKod"), beskrivning: s() }, ["beskrivning", "kod"]),
  LefiPmAvvikelseFormanGrupp: o({ avvikelse: r("LefiAvvikelse"), formansgrupp: r("LefiPmFormanGrupp") }),
  LefiExternAvvikelseFormanGrupp: o({
    avvikelse: r("LefiAvvikelse"),
    formansgrupp: r("LefiExternFormanGrupp"),
  }),
  LefiExternFormanGrupp: o({ kod: r("LefiExternFormanGruppKod"), beskrivning: s() }, ["beskrivning", "kod"]),
  LefiExternAvvikelseOvrigInformationTyp: o({
    avvikelse: r("LefiAvvikelse"),
    ovrigInformationstyp: r("LefiExternOvrigInformationTyp"),
  }),
  LefiExternOvrigInformationTyp: o({ kod: r("LefiExternOvrigInformationTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiUtlamnareTillstand: o({ utlamnare: r("LefiUtlamnare"), tillstand: r("LefiTillstand") }),
  LefiUtlamnare: o({ kod: r("LefiUtlamnareKod"), namn: s() }),
  LefiUtlamnareKod: s({ enum: LEFI_UTLAMNARE_KODER }),
  LefiTillstand: o({ kod: r("LefiTillstandKod"), beskrivning: s() }),
  LefiTillstandKod: s({ enum: LEFI_TILLSTAND_KODER }),
  LefiFormansinformation: o({
    generellPersoninformation: a(r("LefiPersoninformation"), { max: 1 }),
    aktivitetsstodsarende: a(r("LefiAktivitetsstodArende")),
    allmanpensionsarende: a(r("LefiAllmanpensionArende")),
    arbetsskadeefterlevandearende: a(r("LefiArbetsskadelivrantaEfterlevandeArende")),
    arbetsskadeegenlivrantearende: a(r("LefiArbetsskadelivrantaEgenArende")),
    barnbidragsarende: a(r("LefiBarnbidragArende")),
    bostadsbidragsarende: a(r("LefiBostadsbidragArende")),
    bostadstillaggsarende: a(r("LefiBostadstillaggArende")),
    efterlevandepensionsarende: a(r("LefiEfterlevandepensionArende")),
    mottagareavbarnbidrag: a(r("LefiMottagareAvBarnbidragArende")),
    foraldrapenningarende: a(r("LefiForaldrapenningArende")),
    forebyggandeSjukpenningsarende: a(r("LefiForebyggandeSjukpenningArende")),
    handikappersattningsarende: a(r("LefiHandikappersattningArende")),
    graviditetspenningsarende: a(r("LefiGraviditetspenningArende")),
    intjanandebehallning: a(r("LefiIntjanandeBehallning")),
    intjanandeuppgift: a(r("LefiIntjanandeUppgift")),
    levnadsintygsuppgift: a(r("LefiLevnadsintygUppgift")),
    merkostnadsersattningsarende: a(r("LefiMerkostnadsersattningArende")),
    narstaendepenningarende: a(r("LefiNarstaendepenningArende")),
    omvardnadsbidragsarende: a(r("LefiOmvardnadsbidragArende")),
    preliminarautbetalningar: a(r("LefiUtbetalningUppgift")),
    programanvisning: a(r("LefiProgramanvisning")),
    programersattningsarende: a(r("LefiProgramersattningArende")),
    programjobdagar: a(r("LefiProgramjobdagar")),
    rehabersattningsarende: a(r("LefiRehabersattningArende")),
    sjukOchAktivitetsersattningsarende: a(r("LefiSjukOchAktivitetsersattningArende")),
    sjukOchAktivitetsersattningSteglosAvrakningHistorik: a(
      r("LefiSjukOchAktivitetsersattningSteglosAvrakning"),
    ),
    sjukOchAktivitetsersattningSteglosAvrakningNulage: a(
      r("LefiSjukOchAktivitetsersattningSteglosAvrakning"),
    ),
    sjukpenningarende: a(r("LefiSjukpenningArende")),
    sjukpenninggrundandeInkomstuppgift: a(r("LefiSjukpenninggrundandeInkomstUppgift")),
    skatteuppgift: a(r("LefiSkatteuppgift")),
    smittbararersattningsarende: a(r("LefiSmittbararersattningArende")),
    studiemedelsavisering: a(r("LefiStudiemedelAvisering")),
    tillfalligForaldrapenningarende: a(r("LefiTillfalligForaldrapenningArende")),
    totalforsvarspliktsarende: a(r("LefiTotalforsvarspliktspenningArende")),
    underhallsskuld: a(r("LefiUnderhallsskuld")),
    underhallsstodskrav: a(r("LefiUnderhallsstodArende")),
    underhallsstodsmottag: a(r("LefiUnderhallsstodArende")),
    utbetalningsuppgift: a(r("LefiUtbetalningUppgift")),
    vardbidragsarende: a(r("LefiVardbidragArende")),
    yrkesskadeefterlevandearende: a(r("LefiYrkesskadelivrantaEfterlevandeArende")),
    yrkesskadeegenlivrantearende: a(r("LefiYrkesskadelivrantaEgenArende")),
  }),
  LefiPersoninformation: o({
    personnummer: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
    foddes: s(),
    namn: s(),
    skyddad: b(),
    avled: a(s(), { max: 1 }),
    adress: a(r("LefiAdress")),
    arbetsstallen: a(r("LefiArbetsstalle")),
    barn: a(r("LefiPerson")),
    civilstand: r("LefiSifferkod"),
    folkbokford: a(r("LefiFolkbokforingsuppgift")),
    medborgarskap: a(r("LefiMedborgarskap")),
    samhorig: a(r("LefiPerson")),
  }),
  LefiAdress: o({
    roller: a(r("LefiSifferkod")),
    utdelningadress: a(s()),
    postnummer: s(),
    postort: s(),
    land: r("LefiLand"),
  }),
  LefiSifferkod: o({ id: i(), beskrivning: s() }),
  LefiLand: o({ kod: s(), namn: s() }),
  LefiArbetsstalle: o({
    nummer: s(),
    namn: s(),
    arbetsgivare: r("LefiArbetsgivare"),
    sysselsattning: s(),
    arbetstid: r("LefiOmfattning"),
    adress: r("LefiAdress"),
    telefon: s(),
    kontakt: r("LefiKontaktuppgifter"),
  }),
  LefiArbetsgivare: o({ namn: s(), organisationsnummer: s(), adress: r("LefiAdress") }),
  LefiOmfattning: o({ taljare: i(), namnare: i() }),
  LefiKontaktuppgifter: o({ namn: s(), telefon: a(s()), epost: a(s()) }),
  LefiPerson: o({ personnummer: s(), foddes: s(), namn: s(), skyddad: b(), avled: a(s(), { max: 1 }) }),
  LefiFolkbokforingsuppgift: o({ lan: s(), kommun: s() }),
  LefiMedborgarskap: o({ datum: s(), land: r("LefiLand") }),
  LefiAktivitetsstodArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiAktivitetsstodUppgifter"),
    beslut: a(r("LefiAktivitetsstodBeslut")),
  }),
  LefiAktivitetsstodUppgifter: o({ atgardstyp: r("LefiSifferkod") }),
  LefiAktivitetsstodBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    dagar: i(),
    karens: b(),
    ersattning: r("LefiSifferkod"),
  }),
  LefiBokstavskod: o({ id: s(), beskrivning: s() }),
  LefiFranTill: o({ fran: s(), till: s() }),
  LefiBelopp: o({ summa: n(), valuta: s() }),
  LefiAllmanpensionArende: o({ beslut: a(r("LefiAllmanpensionBeslut")) }),
  LefiAllmanpensionBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    samordnatBruttobelopp: r("LefiBelopp"),
    omfattning: r("LefiOmfattning"),
  }),
  LefiArbetsskadelivrantaEfterlevandeArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiArbetsskadelivrantaEfterlevandeUppgifter"),
    beslut: a(r("LefiArbetsskadelivrantaBeslut")),
  }),
  LefiArbetsskadelivrantaEfterlevandeUppgifter: o({
    uppdaterades: s(),
    arbetsgivare: r("LefiSifferkod"),
    skadetillfalle: s(),
    orsak: r("LefiSifferkod"),
    avliden: r("LefiPerson"),
    arsinkomstInnanSkada: r("LefiBelopp"),
  }),
  LefiArbetsskadelivrantaBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiArbetsskadelivrantaUnderlag"),
    samordnatBruttobelopp: r("LefiBelopp"),
    ersattning: r("LefiSifferkod"),
  }),
  LefiArbetsskadelivrantaUnderlag: o({
    faktor: n(),
    samordningsandel: r("LefiOmfattning"),
    bruttoforhojning: r("LefiBelopp"),
    pensionsgrundandeInkomst: r("LefiBelopp"),
  }),
  LefiArbetsskadelivrantaEgenArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiArbetsskadelivrantaEgenUppgifter"),
    beslut: a(r("LefiArbetsskadelivrantaBeslut")),
  }),
  LefiArbetsskadelivrantaEgenUppgifter: o({
    uppdaterades: s(),
    arbetsgivare: r("LefiSifferkod"),
    skadetillfalle: s(),
    orsak: r("LefiSifferkod"),
    arsinkomstInnanSkada: r("LefiBelopp"),
    arsinkomstEfterSkada: r("LefiBelopp"),
  }),
  LefiBarnbidragArende: o({
    grunduppgifter: r("LefiBarnbidragUppgifter"),
    beslut: a(r("LefiBarnbidragBeslut")),
  }),
  LefiBarnbidragUppgifter: o({ barn: r("LefiPerson") }),
  LefiBarnbidragBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiBarnbidragUnderlag"),
  }),
  LefiBarnbidragUnderlag: o({ skolgang: b(), myndighetsplacering: b() }),
  LefiBostadsbidragArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    medsokande: a(r("LefiPerson")),
    beslut: a(r("LefiBostadsbidragBeslut")),
  }),
  LefiBostadsbidragBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiBostadsbidragUnderlag"),
  }),
  LefiBostadsbidragUnderlag: o({
    reduceradBostadskostnad: r("LefiBelopp"),
    totalBostadskostnad: r("LefiBelopp"),
    inkomster: a(r("LefiBelopp")),
    hemmavarandeBarn: a(r("LefiPerson")),
    tidvisboendeBarn: a(r("LefiPerson")),
    vaxelvisboendeBarn: a(r("LefiPerson")),
  }),
  LefiBostadstillaggArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    medsokande: a(r("LefiPerson")),
    beslut: a(r("LefiBostadstillaggBeslut")),
  }),
  LefiBostadstillaggBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiBostadstillaggUnderlag"),
  }),
  LefiBostadstillaggUnderlag: o({
    arsbruttokostnad: r("LefiBelopp"),
    bostadstillaggsnettokostnad: r("LefiBelopp"),
    forsorjningsstodsarsnettokostnad: r("LefiBelopp"),
  }),
  LefiEfterlevandepensionArende: o({
    grunduppgifter: r("LefiEfterlevandepensionUppgifter"),
    beslut: a(r("LefiEfterlevandepensionBeslut")),
  }),
  LefiEfterlevandepensionUppgifter: o({ avliden: r("LefiPerson") }),
  LefiEfterlevandepensionBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    samordnatBruttobelopp: r("LefiBelopp"),
    omfattning: a(r("LefiOmfattning"), { max: 1 }),
  }),
  LefiMottagareAvBarnbidragArende: o({
    grunduppgifter: r("LefiMottagareAvBarnbidragUppgifter"),
    beslut: a(r("LefiMottagareAvBarnbidragBeslut")),
  }),
  LefiMottagareAvBarnbidragUppgifter: o({ personuppgift: r("LefiPerson") }),
  LefiMottagareAvBarnbidragBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiMottagareAvBarnbidragUnderlag"),
  }),
  LefiMottagareAvBarnbidragUnderlag: o({
    skolgang: b(),
    institutionsplacering: a(r("LefiMottagareAvBarnbidragInstitution"), { max: 1 }),
    tvaBidragsmottagare: b(),
    utbetalningsdatum: s({ pattern: "^[0-9]{4}-[0-9]{2}$" }),
    utbetalningsmottagare: s({ pattern: "^[0-9]{12}(/[0-9]{12})?|MYNDIGHETSUTBETALNING$" }),
  }),
  LefiMottagareAvBarnbidragInstitution: o({
    institution: r("LefiSifferkod"),
    namn: s(),
    adress: r("LefiAdress"),
  }),
  LefiForaldrapenningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiForaldrapenningUppgifter"),
    beslut: a(r("LefiForaldrapenningBeslut")),
    anspraksdagar: a(r("LefiForaldrapenningAnspraksdag")),
  }),
  LefiForaldrapenningUppgifter: o({ barn: r("LefiPerson") }),
  LefiForaldrapenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    ersattning: r("LefiSifferkod"),
    ersattningsdagar: a(r("LefiForaldrapenningErsattningsdag"), { min: 1 }),
  }),
  LefiForaldrapenningErsattningsdag: o({
    dag: s(),
    niva: r("LefiBokstavskod"),
    bruttobelopp: r("LefiBelopp"),
  }),
  LefiForaldrapenningAnspraksdag: o({
    dag: s(),
    niva: r("LefiBokstavskod"),
    omfattning: r("LefiOmfattning"),
  }),
  LefiForebyggandeSjukpenningArende: o({
    startades: s(),
    aktivt: b(),
    beslut: a(r("LefiForebyggandeSjukpenningBeslut")),
  }),
  LefiForebyggandeSjukpenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    karens: b(),
    beslutsutfall: s(),
    beslutstyp: s(),
    ersattning: s(),
    ersattningsniva: s(),
    ersattningsdagar: a(r("LefiForebyggandeSjukpenningDag")),
  }),
  LefiForebyggandeSjukpenningDag: o({
    ersattningsdatum: s(),
    ersattningsbelopp: r("LefiBelopp"),
    karensavdragsbelopp: r("LefiBelopp"),
  }),
  LefiHandikappersattningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiHandikappersattningBeslut")),
  }),
  LefiHandikappersattningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    omfattning: r("LefiOmfattning"),
  }),
  LefiGraviditetspenningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiGraviditetspenningBeslut")),
  }),
  LefiGraviditetspenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    ersattning: r("LefiSifferkod"),
  }),
  LefiIntjanandeBehallning: o({ belopp: r("LefiBelopp"), premiepensionBelopp: r("LefiBelopp") }),
  LefiIntjanandeUppgift: o({
    ar: i(),
    underlag: r("LefiIntjanandeUnderlag"),
    pensionsbehallningar: a(r("LefiIntjanandeGrund")),
    pensionsratter: a(r("LefiIntjanandeGrund")),
    faktiskaPensionsratter: a(r("LefiIntjanandeGrund")),
    poang: a(n(), { max: 1 }),
    barnbeslut: a(r("LefiIntjanandeBarnBeslut")),
  }),
  LefiIntjanandeUnderlag: o({
    behallningsunderlag: a(r("LefiIntjanandeBehallningUnderlag"), { max: 1 }),
    pensionsunderlag: a(r("LefiIntjanandePensionUnderlag"), { max: 1 }),
    poangunderlag: a(r("LefiIntjanandePoangUnderlag"), { max: 1 }),
  }),
  LefiIntjanandeBehallningUnderlag: o({
    uppdaterades: s(),
    andringsanledning: s(),
    pensionsbehallningsforandringar: a(r("LefiIntjanandeForandring")),
  }),
  LefiIntjanandeForandring: o({
    typ: r("LefiBokstavskod"),
    arvsvinst: r("LefiBelopp"),
    indexforanding: r("LefiBelopp"),
    administrationskostnad: r("LefiBelopp"),
    uttaget: r("LefiBelopp"),
    aterlagt: r("LefiBelopp"),
  }),
  LefiIntjanandePensionUnderlag: o({
    uppdaterades: s(),
    andringsanledning: s(),
    intjanandetak: a(r("LefiBelopp"), { max: 1 }),
    forvarvsvillkorsar: s(),
    belopp: a(r("LefiIntjanandeGrund")),
    underlagPgbForPlikt: a(r("LefiIntjanandePgbForPlikt"), { max: 1 }),
    underlagPgbForStudier: a(r("LefiIntjanandePgbForStudier"), { max: 1 }),
    underlagPgbForBarn: a(r("LefiIntjanandePgbForBarn"), { max: 1 }),
    underlagPgbForSa: a(r("LefiIntjanandePgbForSa"), { max: 1 }),
    underlagPgbForAntagandepoang: a(r("LefiIntjanandePgbForAntagandepoang"), { max: 1 }),
  }),
  LefiIntjanandeGrund: o({ typ: r("LefiBokstavskod"), belopp: r("LefiBelopp") }),
  LefiIntjanandePgbForPlikt: o({ belopp: r("LefiBelopp"), dagar: i(), halvaMedelPGI: r("LefiBelopp") }),
  LefiIntjanandePgbForStudier: o({
    belopp: r("LefiBelopp"),
    studiebidrag: r("LefiBelopp"),
    beloppForeAvrundningTakbegransning: r("LefiBelopp"),
  }),
  LefiIntjanandePgbForBarn: o({
    belopp: r("LefiBelopp"),
    jamfarelseinkomst: r("LefiBelopp"),
    utfyllnadsinkomst: r("LefiBelopp"),
    beloppAlternativ1: r("LefiBelopp"),
    trefjardedelsMedelPGI: r("LefiBelopp"),
    beloppAlternativ2: r("LefiBelopp"),
    basbelopp: r("LefiBelopp"),
    bastaAlternativ: i(),
    beloppForeAvrundningTakbegransning: r("LefiBelopp"),
  }),
  LefiIntjanandePgbForSa: o({
    belopp: r("LefiBelopp"),
    manadsunderlag: a(r("LefiIntjanandePgbForSaManadsunderlag")),
  }),
  LefiIntjanandePgbForSaManadsunderlag: o({
    manad: s(),
    antagandeinkomst: r("LefiBelopp"),
    reduceringsbelopp: r("LefiBelopp"),
    andel: s(),
    pisa: a(r("LefiBelopp"), { max: 1 }),
    pisaAnhorig: a(r("LefiBelopp"), { max: 1 }),
    arbetsskadelivranta: a(r("LefiBelopp"), { max: 1 }),
    samordningsprocentAL: a(i(), { max: 1 }),
    beloppForeAvrundningTakbegransning: r("LefiBelopp"),
  }),
  LefiIntjanandePgbForAntagandepoang: o({
    belopp: r("LefiBelopp"),
    antagandepoang: n(),
    jamforelsepoang: n(),
    bastaPoangPlusEtt: n(),
    svenskaNordiskaForsakringsmanader: s(),
  }),
  LefiIntjanandePoangUnderlag: o({
    uppdaterades: s(),
    andringsanledning: s(),
    vardar: b(),
    pgiBedomd: b(),
    poang: a(r("LefiIntjanandePoang")),
    basbelopp: a(r("LefiBelopp"), { max: 1 }),
    inkomster: a(r("LefiIntjanandeGrund")),
  }),
  LefiIntjanandePoang: o({ typ: r("LefiBokstavskod"), summa: n() }),
  LefiIntjanandeBarnBeslut: o({
    foralder: r("LefiPerson"),
    foraldertyp: r("LefiSifferkod"),
    berattigad: b(),
    upplysning: s(),
  }),
  LefiLevnadsintygUppgift: o({ uppdaterades: s(), status: r("LefiSifferkod") }),
  LefiMerkostnadsersattningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: r("LefiMerkostnadsersattningBeslut"),
  }),
  LefiMerkostnadsersattningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    beslutstatus: r("LefiBokstavskod"),
    beslutsutfall: r("LefiSifferkod"),
    upphorandeManadFrom: a(s({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" }), { max: 1 }),
    periodbeslut: a(r("LefiMerkostnadsersattningPeriodbeslut")),
    underlag: r("LefiMerkostnadsersattningUnderlag"),
  }),
  LefiMerkostnadsersattningPeriodbeslut: o({
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    andel: r("LefiOmfattning"),
    utbetalningstyp: r("LefiBokstavskod"),
  }),
  LefiMerkostnadsersattningUnderlag: o({ Barn: a(r("LefiPerson")) }),
  LefiNarstaendepenningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiNarstaendepenningBeslut")),
  }),
  LefiNarstaendepenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    karens: b(),
    ersattning: r("LefiSifferkod"),
  }),
  LefiOmvardnadsbidragArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: r("LefiOmvardnadsbidragBeslut"),
  }),
  LefiOmvardnadsbidragBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    beslutstatus: r("LefiBokstavskod"),
    beslutsutfall: r("LefiSifferkod"),
    upphorandeManadFrom: a(s({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" }), { max: 1 }),
    periodbeslut: a(r("LefiOmvardnadsbidragPeriodBeslut")),
    underlag: r("LefiOmvardnadsbidragUnderlag"),
  }),
  LefiOmvardnadsbidragPeriodBeslut: o({
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    andel: r("LefiOmfattning"),
    utbetalningstyp: r("LefiBokstavskod"),
  }),
  LefiOmvardnadsbidragUnderlag: o({ Barn: a(r("LefiPerson"), { min: 1 }) }),
  LefiUtbetalningUppgift: o({
    typ: r("LefiSifferkod"),
    foretag: r("LefiSifferkod"),
    formansfamilj: r("LefiBokstavskod"),
    datum: s(),
    period: r("LefiFranTill"),
    bruttobelopp: r("LefiBelopp"),
    skattebelopp: r("LefiBelopp"),
    avdragsbelopp: r("LefiBelopp"),
    nettobelopp: r("LefiBelopp"),
    utbetalningsdetalj: a(r("LefiUtbetalningDetalj")),
  }),
  LefiUtbetalningDetalj: o({
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    beloppstyp: r("LefiBokstavskod"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    timmar: i(),
    bruttobelopp: r("LefiBelopp"),
    skattebelopp: r("LefiBelopp"),
    avdragsbelopp: r("LefiBelopp"),
  }),
  LefiProgramanvisning: o({
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    program: r("LefiSifferkod"),
  }),
  LefiProgramersattningArende: o({ beslut: a(r("LefiProgramersattningBeslut")) }),
  LefiProgramersattningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    ersattningsdagar: a(r("LefiProgramersattningDag")),
    dagar: a(s()),
    ersattning: r("LefiBokstavskod"),
  }),
  LefiProgramersattningDag: o({ dag: s(), ersattning: r("LefiBokstavskod"), belopp: r("LefiBelopp") }),
  LefiProgramjobdagar: o({ antalForbrukade: i(), harForbrukatMaxAntal: b() }),
  LefiRehabersattningArende: o({ startades: s(), aktivt: b(), beslut: a(r("LefiRehabersattningBeslut")) }),
  LefiRehabersattningBeslut: o({
    karens: b(),
    beslutsutfall: s(),
    beslutstyp: s(),
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    ersattning: s(),
    ersattningsniva: s(),
    ersattningsdagar: a(r("LefiRehabersattningDag")),
  }),
  LefiRehabersattningDag: o({
    ersattningsdatum: s(),
    ersattningsbelopp: r("LefiBelopp"),
    karensavdragsbelopp: r("LefiBelopp"),
  }),
  LefiSjukOchAktivitetsersattningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiSjukOchAktivitetsersattningUppgifter"),
    beslut: a(r("LefiSjukOchAktivitetsersattningBeslut")),
  }),
  LefiSjukOchAktivitetsersattningUppgifter: o({
    forsakringstid: a(r("LefiOmfattning"), { max: 1 }),
    forsakringstidGsaAr: a(i(), { max: 1 }),
    forsakringstidGsaManad: a(i(), { max: 1 }),
    forsakringstidGsaDag: a(i(), { max: 1 }),
  }),
  LefiSjukOchAktivitetsersattningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    samordnatBruttobelopp: r("LefiBelopp"),
    omfattning: r("LefiOmfattning"),
  }),
  LefiSjukOchAktivitetsersattningSteglosAvrakning: o({
    artal: s({ pattern: "^[0-9]{4}$" }),
    arsinkomstISverige: a(r("LefiBelopp"), { max: 1 }),
    arsinkomstIAnnatLand: a(r("LefiBelopp"), { max: 1 }),
    fribelopp: a(r("LefiBelopp"), { max: 1 }),
    mellanskillnad: a(r("LefiBelopp"), { max: 1 }),
    tillagg: a(r("LefiBelopp"), { max: 1 }),
    avgift: a(r("LefiBelopp"), { max: 1 }),
    utbetalning: a(r("LefiBelopp"), { max: 1 }),
    aterkrav: a(r("LefiBelopp"), { max: 1 }),
  }),
  LefiSjukpenningArende: o({ startades: s(), aktivt: b(), beslut: a(r("LefiSjukpenningBeslut")) }),
  LefiSjukpenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    karens: b(),
    beslutsutfall: s(),
    beslutstyp: s(),
    ersattning: s(),
    ersattningsniva: s(),
    ersattningsdagar: a(r("LefiSjukpenningDag")),
  }),
  LefiSjukpenningDag: o({
    ersattningsdatum: s(),
    ersattningsbelopp: r("LefiBelopp"),
    karensavdragsbelopp: r("LefiBelopp"),
  }),
  LefiSjukpenninggrundandeInkomstUppgift: o({
    faststalldes: s(),
    typ: r("LefiSifferkod"),
    anstallning: r("LefiBelopp"),
    verksamhet: r("LefiBelopp"),
    karens: i(),
    dagar: i(),
    timmar: i(),
  }),
  LefiSkatteuppgift: o({ skatteredovisningsnummer: s() }),
  LefiSmittbararersattningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiSmittbararersattningBeslut")),
  }),
  LefiSmittbararersattningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
  }),
  LefiStudiemedelAvisering: o({ typ: r("LefiSifferkod"), period: r("LefiFranTill") }),
  LefiTillfalligForaldrapenningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiTillfalligForaldrapenningUppgifter"),
    beslut: a(r("LefiTillfalligForaldrapenningBeslut")),
  }),
  LefiTillfalligForaldrapenningUppgifter: o({ barn: r("LefiPerson") }),
  LefiTillfalligForaldrapenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
    bedomdadagar: a(r("LefiTillfalligForaldrapenningDag")),
    ersattning: r("LefiSifferkod"),
  }),
  LefiTillfalligForaldrapenningDag: o({
    dag: s(),
    bedomtBelopp: r("LefiBelopp"),
    inkomsttyp: r("LefiSifferkod"),
    berakningssatt: r("LefiSifferkod"),
  }),
  LefiTotalforsvarspliktspenningArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiTotalforsvarspliktspenningBeslut")),
  }),
  LefiTotalforsvarspliktspenningBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    period: r("LefiFranTill"),
    omfattning: r("LefiOmfattning"),
    dagar: i(),
  }),
  LefiUnderhallsskuld: o({ belopp: r("LefiBelopp") }),
  LefiUnderhallsstodArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiUnderhallsstodUppgifter"),
    beslut: a(r("LefiUnderhallsstodBeslut")),
  }),
  LefiUnderhallsstodUppgifter: o({ barn: r("LefiPerson") }),
  LefiUnderhallsstodBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    ersattning: r("LefiSifferkod"),
    samordnatBruttobelopp: r("LefiBelopp"),
  }),
  LefiVardbidragArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    beslut: a(r("LefiVardbidragBeslut")),
  }),
  LefiVardbidragBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    ersattning: r("LefiSifferkod"),
    omfattning: r("LefiOmfattning"),
    underlag: r("LefiVardbidragUnderlag"),
  }),
  LefiVardbidragUnderlag: o({ barn: a(r("LefiPerson")), delat: b() }),
  LefiYrkesskadelivrantaEfterlevandeArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiYrkesskadelivrantaEfterlevandeUppgifter"),
    beslut: a(r("LefiYrkesskadelivrantaBeslut")),
  }),
  LefiYrkesskadelivrantaEfterlevandeUppgifter: o({
    arbetsgivare: a(r("LefiSifferkod"), { max: 1 }),
    skadetillfalle: s(),
    orsak: a(r("LefiSifferkod"), { min: 1 }),
    avliden: r("LefiPerson"),
  }),
  LefiYrkesskadelivrantaBeslut: o({
    fattades: s(),
    definitivt: b(),
    forman: r("LefiBokstavskod"),
    delforman: r("LefiBokstavskod"),
    periodicitet: r("LefiSifferkod"),
    period: r("LefiFranTill"),
    beslutatBruttobelopp: r("LefiBelopp"),
    underlag: r("LefiYrkesskadelivrantaUnderlag"),
    ersattning: r("LefiSifferkod"),
  }),
  LefiYrkesskadelivrantaUnderlag: o({ faktor: r("LefiOmfattning") }),
  LefiYrkesskadelivrantaEgenArende: o({
    startades: s(),
    aktivt: b(),
    avslaget: b(),
    grunduppgifter: r("LefiYrkesskadelivrantaEgenUppgifter"),
    beslut: a(r("LefiYrkesskadelivrantaBeslut")),
  }),
  LefiYrkesskadelivrantaEgenUppgifter: o({
    arbetsgivare: a(r("LefiSifferkod"), { max: 1 }),
    skadetillfalle: s(),
    orsak: a(r("LefiSifferkod"), { min: 1 }),
  }),
  LefiPmFormanAnsprak: o({
    ansprakid: s(),
    ankomstdatum: s({ format: "date" }),
    formansgrupp: r("LefiPmFormanGrupp"),
    yrkadPeriod: r("LefiPeriodMedValfrittTom"),
  }),
  LefiPmFormanGrupp: o({ kod: r("LefiPmFormanGruppKod"), beskrivning: s() }, ["beskrivning", "kod"]),
  LefiPmFormanBeslut: o({
    beslutsid: s(),
    beslutsdatum: s({ format: "date" }),
    formansgrupp: r("LefiPmFormanGrupp"),
    beslutsstatus: r("LefiPmFormanBeslutStatus"),
    beslutsutfall: r("LefiPmFormanBeslutUtfall"),
    beslutadErsattning: a(r("LefiPmFormanBeslutadErsattning")),
    tillagg: r("LefiPmFormanBeslutTillagg"),
  }),
  LefiPmFormanBeslutStatus: o({ kod: r("LefiPmFormanBeslutStatusKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanBeslutStatusKod: s({ enum: LEFI_PM_FORMAN_BESLUT_STATUS_KODER }),
  LefiPmFormanBeslutUtfall: o({ kod: r("LefiPmFormanBeslutUtfallKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanBeslutUtfallKod: s({ enum: LEFI_PM_FORMAN_BESLUT_UTFALL_KODER }),
  LefiPmFormanBeslutadErsattning: o({
    beslutatBelopp: r("LefiPmFormanBeslutatBelopp"),
    period: r("LefiPeriodMedValfrittTom"),
    ersattningstyp: r("LefiPmFormanBeslutadErsattningTyp"),
    omfattning: n({ min: 0.0, max: 1.0 }),
    underlag: r("LefiPmFormanBeslutadErsattningUnderlag"),
  }),
  LefiPmFormanBeslutatBelopp: o({ belopp: i(), beloppsfrekvens: r("LefiPmFormanBeslutatBeloppFrekvens") }),
  LefiPmFormanBeslutatBeloppFrekvens: o(
    { kod: r("LefiPmFormanBeslutatBeloppFrekvensKod"), beskrivning: s() },
    ["beskrivning", "kod"],
  ),
  LefiPmFormanBeslutatBeloppFrekvensKod: s({ enum: LEFI_PM_FORMAN_BESLUTAT_BELOPP_FREKVENS_KODER }),
  LefiPmFormanBeslutadErsattningTyp: o({ kod: r("LefiPmFormanBeslutadErsattningTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanBeslutadErsattningTypKod: s({ enum: LEFI_PM_FORMAN_BESLUTAD_ERSATTNING_TYP_KODER }),
  LefiPmFormanBeslutadErsattningUnderlag: o({
    bp: r("LefiPmFormanBeslutadErsattningUnderlagBp"),
    garp: r("LefiPmFormanBeslutadErsattningUnderlagGarp"),
    garpEp: r("LefiPmFormanBeslutadErsattningUnderlagGarpEp"),
    garpAp37: r("LefiPmFormanBeslutadErsattningUnderlagGarpAp37"),
    ip: r("LefiPmFormanBeslutadErsattningUnderlagIp"),
    livaranta: r("LefiPmFormanBeslutadErsattningUnderlagLivranta"),
    op: r("LefiPmFormanBeslutadErsattningUnderlagOp"),
    samordning: r("LefiPmFormanBeslutadErsattningUnderlagSamordning"),
    tp: r("LefiPmFormanBeslutadErsattningUnderlagTp"),
    ankep: r("LefiPmFormanBeslutadErsattningUnderlagAnkep"),
  }),
  LefiPmFormanBeslutadErsattningUnderlagBp: o({ efterlevandepensionsunderlag: i(), procent: n() }),
  LefiPmFormanBeslutadErsattningUnderlagGarp: o({
    antal40delar: i(),
    garantitillaggForGarantipension: i(),
    ylAvdrag: i(),
    inkomstpensionForGarantipension: i(),
    tillaggspensionForGarantipension: i(),
  }),
  LefiPmFormanBeslutadErsattningUnderlagGarpEp: o({ antal40delar: i() }),
  LefiPmFormanBeslutadErsattningUnderlagGarpAp37: o({
    summaBerakningsunderlag: i(),
    antal40delar: i(),
    antal30delar: i(),
    pensionstillskott: i(),
    uttagsprocentFp: n(),
  }),
  LefiPmFormanBeslutadErsattningUnderlagIp: o({ ylAvdrag: i() }),
  LefiPmFormanBeslutadErsattningUnderlagLivranta: o({
    livrantefaktor: n(),
    arbetsgivarkod: i(),
    skadedatum: s({ format: "date" }),
    arsinkomstInnanSkada: i(),
  }),
  LefiPmFormanBeslutadErsattningUnderlagOp: o({ efterlevandepensionsunderlag: i(), procent: n() }),
  LefiPmFormanBeslutadErsattningUnderlagSamordning: o({
    beloppForeSamordning: i(),
    samordningstyper: a(r("LefiPmFormanSamordningTyp")),
  }),
  LefiPmFormanSamordningTyp: o({ kod: r("LefiPmFormanSamordningTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanSamordningTypKod: s({ enum: LEFI_PM_FORMAN_SAMORDNING_TYP_KODER }),
  LefiPmFormanBeslutadErsattningUnderlagTp: o({
    sjoskattear: i(),
    uttagsprocent: n(),
    ylAvdrag: i(),
    garantitillagg: i(),
    folkpensiontillagg: i(),
    medelpoang: n(),
    arMedPensionspoang: i(),
    erforderligaAr: n(),
  }),
  LefiPmFormanBeslutadErsattningUnderlagAnkep: o({
    antal15delar: i(),
    medelpoang: n(),
    taljare: i(),
    namnare: n(),
  }),
  LefiPmFormanBeslutTillagg: o({
    allmanpension: r("LefiPmFormanBeslutTillaggAllmanpension"),
    bostadsInkomststod: r("LefiPmFormanBeslutTillaggBostadsInkomststod"),
    efterlevandeformaner: r("LefiPmFormanBeslutTillaggEfterlevandeformaner"),
  }),
  LefiPmFormanBeslutTillaggAllmanpension: o({
    samordningMedPensionFranAnnatLand: b(),
    anvantCivilstand: r("LefiPmCivilstand"),
  }),
  LefiPmCivilstand: o({ kod: r("LefiPmCivilstandKod"), beskrivning: s() }, ["beskrivning", "kod"]),
  LefiPmCivilstandKod: s({ enum: LEFI_PM_CIVILSTAND_KODER }),
  LefiPmFormanBeslutTillaggBostadsInkomststod: o({
    berakningsunderlag: r("LefiPmFormanBeslutTillaggBostadsInkomststodBerakningsunderlag"),
  }),
  LefiPmFormanBeslutTillaggBostadsInkomststodBerakningsunderlag: o({
    bostadskostnadBrutto: i(),
    bostadskostnadNettoBt: i(),
    bostadskostnaddNettoAfs: i(),
    medsokande: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
  }),
  LefiPmFormanBeslutTillaggEfterlevandeformaner: o({
    avlidna: a(r("LefiPmFormanBeslutTillaggEfterlevandeformanerAvliden"), { max: 2 }),
    ovrigaBerattigadeEfterlevande: a(
      r("LefiPmFormanBeslutTillaggEfterlevandeFormanderOvrigBerattigadEfterlevande"),
    ),
  }),
  LefiPmFormanBeslutTillaggEfterlevandeformanerAvliden: o({
    person: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
    dodsfallsdatum: s({
      pattern: "^(:?(\\d{4})(-(:?0[1-9]|1[0-2])(-(:?0[1-9]|[12]\\d|3[01]))?)?)|Datum saknas$",
    }),
    fodelsedatum: s({ format: "date" }),
  }),
  LefiPmFormanBeslutTillaggEfterlevandeFormanderOvrigBerattigadEfterlevande: o({
    person: s({ pattern: "^([0-9]{2})?([0-9]{10})$" }),
  }),
  LefiPmFormanUtbetalning: o({
    utbetalningsdatum: s({ format: "date" }),
    utbetalningsperiod: r("LefiPeriod"),
    bruttobelopp: i(),
    nettobelopp: i(),
    avdrag: a(r("LefiPmFormanUtbetalningAvdrag")),
    utbetalningsrader: a(r("LefiPmFormanUtbetalningRad")),
  }),
  LefiPmFormanUtbetalningAvdrag: o({ belopp: i(), avdragstyp: r("LefiPmFormanUtbetalningAvdragTyp") }),
  LefiPmFormanUtbetalningAvdragTyp: o({ kod: r("LefiPmFormanUtbetalningAvdragTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanUtbetalningAvdragTypKod: s({ enum: LEFI_PM_FORMAN_UTBETALNING_AVDRAG_TYP_KODER }),
  LefiPmFormanUtbetalningRad: o({
    formansgrupp: r("LefiPmFormanGrupp"),
    belopp: i(),
    utbetalningsforman: r("LefiPmUtbetalningForman"),
    beloppstyp: r("LefiPmFormanUtbetalningBeloppTyp"),
  }),
  LefiPmUtbetalningForman: o({ kod: r("LefiPmUtbetalningFormanKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmUtbetalningFormanKod: s({ enum: LEFI_PM_UTBETALNING_FORMAN_KODER }),
  LefiPmFormanUtbetalningBeloppTyp: o({ kod: r("LefiPmFormanUtbetalningBeloppTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmFormanUtbetalningBeloppTypKod: s({ enum: LEFI_PM_FORMAN_UTBETALNING_BELOPP_TYP_KODER }),
  LefiPmOvrigInformation: o({
    informationstyp: r("LefiPmOvrigInformationTyp"),
    levnadsintyg: r("LefiPmLevnadsintyg"),
    pensionsbehallning: r("LefiPmPensionBehallning"),
    pensionsunderlag: r("LefiPmPensionUnderlag"),
  }),
  LefiPmOvrigInformationTyp: o({ kod: r("LefiPmOvrigInformationTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmOvrigInformationTypKod: s({ enum: LEFI_PM_OVRIG_INFORMATION_TYP_KODER }),
  LefiPmLevnadsintyg: o({
    senastUppdaterad: s({ format: "date" }),
    levnadsintygsstatus: r("LefiPmLevnadsintygStatus"),
  }),
  LefiPmLevnadsintygStatus: o({ kod: r("LefiPmLevnadsintygStatusKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmLevnadsintygStatusKod: i({ enum: LEFI_PM_LEVNADSINTYG_STATUS_KODER }),
  LefiPmPensionBehallning: o({ pensionskonton: a(r("LefiPmPensionKonto")) }),
  LefiPmPensionKonto: o({
    kontotyp: r("LefiPmPensionKontoTyp"),
    kontovarden: a(r("LefiPmPensionKontoVarde")),
  }),
  LefiPmPensionKontoTyp: o({ kod: r("LefiPmPensionKontoTypKod"), beskrivning: s() }, ["beskrivning", "kod"]),
  LefiPmPensionKontoTypKod: s({ enum: LEFI_PM_PENSION_KONTO_TYP_KODER }),
  LefiPmPensionKontoVarde: o({
    varde: i(),
    gallerFrom: s({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" }),
    faststallelsear: s({ pattern: "^[0-9]{4}$" }),
    kontohandelse: r("LefiPmPensionKontoHandelse"),
  }),
  LefiPmPensionKontoHandelse: o({
    kontohandelsetyp: r("LefiPmPensionKontoHandelseTyp"),
    kontohandelsetidpunkt: s({ format: "date-time" }),
    kontotransaktioner: a(r("LefiPmPensionKontoTransaktion")),
  }),
  LefiPmPensionKontoHandelseTyp: o({ kod: r("LefiPmPensionKontoHandelseTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmPensionKontoHandelseTypKod: s({ enum: LEFI_PM_PENSION_KONTO_HANDELSE_TYP_KODER }),
  LefiPmPensionKontoTransaktion: o({
    kontotransaktionstyp: r("LefiPmPensionKontoTransaktionTyp"),
    belopp: i(),
  }),
  LefiPmPensionKontoTransaktionTyp: o({ kod: r("LefiPmPensionKontoTransaktionTypKod"), beskrivning: s() }, [
    "beskrivning",
    "kod",
  ]),
  LefiPmPensionKontoTransaktionTypKod: s({ enum: LEFI_PM_PENSION_KONTO_TRANSAKTION_TYP_KODER }),
  LefiPmPensionUnderlag: o({ intjanandear: a(r("LefiPmPensionUnderlagIntjanandeAr")) }),
  LefiPmPensionUnderlagIntjanandeAr: o({
    artal: s({ pattern: "^[0-9]{4}$" }),
    pensionsgrundandeInkomst: i(),
    pensionsgrundandeBeloppForStudier: i(),
    pensionsgrundandeBeloppForSjukOchAktivitetsersattning: i(),
    pensionsgrundandeBeloppForArMedSmaBarn: i(),
    pensionsgrundandeBeloppForPlikttjanst: i(),
    pensionsgrundandeBeloppForFortidspension: i(),
  }),
  LefiPeriodMedValfrittTom: o({ from: s({ format: "date" }), tom: s({ format: "date" }) }, ["from"]),
};

// ---------------------------------------------------------------------------------------------
// Strict validation
// ---------------------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** The number the ASCII digits at `fran` (up to `till`) spell. */
function tal(text: string, fran: number, till: number): number {
  let v = 0;
  for (let i = fran; i < till; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
}

function isRealDate(value: string): boolean {
  // The pattern leaves digits at fixed places: read there, without a match array per date.
  if (!DATE.test(value)) return false;
  const y = tal(value, 0, 4);
  const mo = tal(value, 5, 7);
  const d = tal(value, 8, 10);
  if (mo < 1 || mo > 12 || d < 1) return false;
  // Date.UTC reads the years 0–99 as 1900–1999: those keep the answer it gave them.
  return d <= (y >= 100 ? dagarIManad(value) : new Date(Date.UTC(y, mo, 0)).getUTCDate());
}

const patternCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, "u");
    patternCache.set(pattern, re);
  }
  return re;
}

const enumCache = new WeakMap<object, ReadonlySet<unknown>>();
/** Whether a value is one of an enum's codes (a Set per enum, built once: code lists are long). */
function inEnum(values: readonly unknown[], value: unknown): boolean {
  return enumSet(values).has(value);
}

function enumSet(values: readonly unknown[]): ReadonlySet<unknown> {
  let set = enumCache.get(values);
  if (!set) {
    set = new Set(values);
    enumCache.set(values, set);
  }
  return set;
}

const kodlistaCache = new WeakMap<LefiSchema, ReadonlyMap<unknown, number> | null>();
/**
 * The codes a string schema (behind its refs) allows, each with its place in the code list, when a
 * code list is all it checks (no pattern, no format): an item that is one of them passes `check`.
 * Undefined for any other schema.
 */
function kodlistaFor(schema: LefiSchema): ReadonlyMap<unknown, number> | undefined {
  let koder = kodlistaCache.get(schema);
  if (koder === undefined) {
    let mal = schema;
    while (mal.kind === "ref") mal = schemaNamed(mal.name);
    koder =
      mal.kind === "string" && mal.enum && !mal.pattern && !mal.format
        ? new Map(mal.enum.map((kod, plats) => [kod, plats]))
        : null;
    kodlistaCache.set(schema, koder);
  }
  return koder ?? undefined;
}

// Which codes of a code list the list being checked has named: a code's mark is the number of
// that check (no Set per list: a question has six lists of up to 27 codes).
let kodmarken = new Uint32Array(64);
let kodkontroll = 0;

/**
 * Whether every item of a list is a code of `koder` and, when `unika`, none comes twice: then the
 * list passes. False means nothing: the list is checked item by item.
 */
function baraKoder(lista: readonly unknown[], koder: ReadonlyMap<unknown, number>, unika: boolean): boolean {
  if (kodmarken.length < koder.size) kodmarken = new Uint32Array(koder.size);
  if (++kodkontroll === 0xffff_ffff) {
    kodmarken.fill(0);
    kodkontroll = 1;
  }
  for (let i = 0; i < lista.length; i++) {
    const plats = koder.get(lista[i]);
    if (plats === undefined) return false;
    if (unika) {
      if (kodmarken[plats] === kodkontroll) return false;
      kodmarken[plats] = kodkontroll;
    }
  }
  return true;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A value for an error message: codes are shown, anything that could be personal data is masked. */
function visa(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return maskeraText(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

// A Map, not the object: every `ref` of every checked or written value looks its schema up here.
const SCHEMA_MED_NAMN: ReadonlyMap<string, LefiSchema> = new Map(Object.entries(LEFI_SCHEMAN));

function schemaNamed(name: string): LefiSchema {
  const schema = SCHEMA_MED_NAMN.get(name);
  if (!schema) throw new Error(`Unknown LEFI schema ${name}`);
  return schema;
}

/**
 * Where a value sits, as a linked list built while walking (cheap); the JSON-pointer-like text
 * ("/period/from") is only written out when a breach is reported.
 */
interface Where {
  readonly up: Where | undefined;
  readonly key: string | number;
}

function pointerOf(w: Where | undefined): string {
  return pointer(w) || "/";
}

function pointer(w: Where | undefined): string {
  const parts: (string | number)[] = [];
  for (let x = w; x; x = x.up) parts.push(x.key);
  return parts
    .reverse()
    .map((k) => `/${k}`)
    .join("");
}

const propsCache = new WeakMap<LefiSchema, readonly (readonly [string, LefiSchema])[]>();
/** An object schema's properties in contract order (computed once per schema). */
function propsOf(
  schema: Extract<LefiSchema, { kind: "object" }>,
): readonly (readonly [string, LefiSchema])[] {
  let p = propsCache.get(schema);
  if (!p) {
    p = Object.entries(schema.props);
    propsCache.set(schema, p);
  }
  return p;
}

/** Where a value sits: its parent's place and its key (none for the root). */
function plats(up: Where | undefined, key: string | number | undefined): Where | undefined {
  return key === undefined ? up : { up, key };
}

// A value's place is passed as parent and key, and only made into a `Where` for an object's or
// an array's children or for a message: most values are leaves that pass.
function check(
  value: unknown,
  schema: LefiSchema,
  up: Where | undefined,
  key: string | number | undefined,
): void {
  // The root is "/" in messages; children are "/period", "/formansinformation/0", …
  switch (schema.kind) {
    case "ref":
      check(value, schemaNamed(schema.name), up, key);
      return;
    case "object": {
      if (kindOf(value) !== "object")
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected a JSON object, got ${kindOf(value)}.`,
        );
      const obj = value as Record<string, unknown>;
      const at = plats(up, key);
      for (const namn of schema.required)
        if (obj[namn] === undefined)
          throw new ContractViolation(
            "LEFI.required",
            pointer({ up: at, key: namn }),
            "required property is missing.",
          );
      for (const [namn, sub] of propsOf(schema)) {
        const v = obj[namn];
        if (v !== undefined) check(v, sub, at, namn);
      }
      return;
    }
    case "array": {
      if (!Array.isArray(value))
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected a JSON array, got ${kindOf(value)}.`,
        );
      if (schema.min !== undefined && value.length < schema.min)
        throw new ContractViolation(
          "LEFI.minItems",
          pointerOf(plats(up, key)),
          `needs at least ${schema.min} item(s), has ${value.length}.`,
        );
      if (schema.max !== undefined && value.length > schema.max)
        throw new ContractViolation(
          "LEFI.maxItems",
          pointerOf(plats(up, key)),
          `allows at most ${schema.max} item(s), has ${value.length}.`,
        );
      // A question's lists are codes of a code list: such a list passes here, without a call per
      // code; any other is checked (and its first breach reported) below.
      const koder = kodlistaFor(schema.items);
      if (koder && baraKoder(value, koder, schema.unique === true)) return;
      if (schema.unique && value.length > 1) {
        const seen = new Set<unknown>();
        for (const v of value) seen.add(typeof v === "object" ? JSON.stringify(v) : v);
        if (seen.size !== value.length)
          throw new ContractViolation("LEFI.uniqueItems", pointerOf(plats(up, key)), "items must be unique.");
      }
      const at = plats(up, key);
      for (let index = 0; index < value.length; index++) check(value[index], schema.items, at, index);
      return;
    }
    case "string": {
      if (typeof value !== "string")
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected a string, got ${kindOf(value)}.`,
        );
      if (schema.enum && !inEnum(schema.enum, value))
        throw new ContractViolation(
          "LEFI.enum",
          pointerOf(plats(up, key)),
          `${visa(value)} is not one of the codes of the contract.`,
        );
      if (schema.pattern && !regex(schema.pattern).test(value))
        throw new ContractViolation(
          "LEFI.pattern",
          pointerOf(plats(up, key)),
          `does not match the pattern ${schema.pattern}.`,
        );
      if (schema.format === "date" && !isRealDate(value))
        throw new ContractViolation(
          "LEFI.format",
          pointerOf(plats(up, key)),
          `${visa(value)} is not a date (YYYY-MM-DD).`,
        );
      if (schema.format === "date-time" && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))))
        throw new ContractViolation(
          "LEFI.format",
          pointerOf(plats(up, key)),
          `${visa(value)} is not a date-time (RFC 3339).`,
        );
      return;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value))
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected a number, got ${kindOf(value)}.`,
        );
      if (schema.kind === "integer" && !Number.isInteger(value))
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected an integer, got ${visa(value)}.`,
        );
      if (schema.enum && !inEnum(schema.enum, value))
        throw new ContractViolation(
          "LEFI.enum",
          pointerOf(plats(up, key)),
          `${visa(value)} is not one of the codes of the contract.`,
        );
      if (schema.min !== undefined && value < schema.min)
        throw new ContractViolation(
          "LEFI.minimum",
          pointerOf(plats(up, key)),
          `${visa(value)} is below ${schema.min}.`,
        );
      if (schema.max !== undefined && value > schema.max)
        throw new ContractViolation(
          "LEFI.maximum",
          pointerOf(plats(up, key)),
          `${visa(value)} is above ${schema.max}.`,
        );
      return;
    }
    case "boolean":
      if (typeof value !== "boolean")
        throw new ContractViolation(
          "LEFI.type",
          pointerOf(plats(up, key)),
          `expected true or false, got ${kindOf(value)}.`,
        );
      return;
  }
}

/**
 * Checks a parsed JSON value against one named LEFI schema. Throws {@link ContractViolation}
 * with a JSON-pointer-like path (e.g. `/period/from`) at the first breach.
 *
 * @example
 * validateLefi("LefiExternFormansinformationFraga", JSON.parse(body));
 */
export function validateLefi(name: string, value: unknown): void {
  check(value, schemaNamed(name), undefined, undefined);
}

/** Swedish wording of each validation rule, for LEFI's own error messages (no values, no personal data). */
export const LEFI_REGELTEXT: Readonly<Record<string, string>> = {
  "LEFI.json": "inte giltig JSON",
  "LEFI.type": "fel datatyp",
  "LEFI.required": "obligatoriskt fält saknas",
  "LEFI.enum": "okänd kod",
  "LEFI.pattern": "fel format",
  "LEFI.format": "ogiltigt datum eller tidpunkt",
  "LEFI.minItems": "för få element",
  "LEFI.maxItems": "för många element",
  "LEFI.uniqueItems": "samma värde förekommer flera gånger",
  "LEFI.minimum": "för litet värde",
  "LEFI.maximum": "för stort värde",
  "LEFI.base64": "inte base64-kodad text",
};

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ContractViolation("LEFI.json", "/", `the ${what} is not valid JSON.`);
  }
}

/** Writes a value as JSON, keys of every object in contract order. */
type Skrivare = (value: unknown) => string;

const SKRIVARE = new Map<LefiSchema, Skrivare>();

/**
 * A character JSON.stringify escapes: anything but the characters from space up, less `"` and `\`
 * (a lone surrogate, which it escapes too, is not a code point of the allowed ranges).
 */
const JSON_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\u{10ffff}]/u;

/**
 * A leaf as JSON.stringify writes it. Most leaves are plain text or finite numbers, written here
 * without a call into JSON.stringify (a fifth of the answer's writing time).
 */
const skrivBlad: Skrivare = (v) => {
  if (typeof v === "string") return JSON_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return JSON.stringify(v);
};

/**
 * The writer of one schema: the same text as `JSON.stringify(canonical(value, schema))`, written
 * in one pass (no re-ordered copy of the value), compiled once per schema. A value that does not
 * have the schema's shape is written as JSON.stringify writes it, as canonical leaves it.
 */
function skrivareFor(schema: LefiSchema): Skrivare {
  const klar = SKRIVARE.get(schema);
  if (klar) return klar;
  let skriv: Skrivare;
  // Recursive schemas: the entry is in the map before the parts are compiled.
  const sen: Skrivare = (v) => skriv(v);
  SKRIVARE.set(schema, sen);
  switch (schema.kind) {
    case "ref": {
      skriv = skrivareFor(schemaNamed(schema.name));
      break;
    }
    case "array": {
      const item = skrivareFor(schema.items);
      skriv = (v) => {
        if (!Array.isArray(v)) return JSON.stringify(v);
        let ut = "[";
        for (let i = 0; i < v.length; i++) {
          if (i > 0) ut += ",";
          const x = v[i];
          ut += x === undefined || x === null ? "null" : item(x);
        }
        return `${ut}]`;
      };
      break;
    }
    case "object": {
      // The key's text is written once here, with and without the comma that separates it.
      const delar = propsOf(schema).map(([key, sub]) => ({
        key,
        forst: `${JSON.stringify(key)}:`,
        sedan: `,${JSON.stringify(key)}:`,
        del: skrivareFor(sub),
      }));
      skriv = (v) => {
        if (kindOf(v) !== "object") return JSON.stringify(v);
        const obj = v as Record<string, unknown>;
        let ut = "{";
        let forsta = true;
        for (const d of delar) {
          const x = obj[d.key];
          if (x === undefined) continue;
          ut += forsta ? d.forst : d.sedan;
          forsta = false;
          ut += x === null ? "null" : d.del(x);
        }
        return `${ut}}`;
      };
      break;
    }
    default:
      skriv = skrivBlad;
  }
  SKRIVARE.set(schema, skriv);
  return skriv;
}

function encode(name: string, value: unknown): string {
  if (value === undefined || value === null) return JSON.stringify(value);
  return skrivareFor(schemaNamed(name))(value);
}

function decode<T>(name: string, text: string, what: string): T {
  const value = parseJson(text, what);
  validateLefi(name, value);
  return value as T;
}

/**
 * The JSON body of a LEFI question, keys in contract order.
 *
 * @example
 * encodeLefiFraga({ personnummer: "199001011234", period: { from: "2025-01-01", tom: "2025-06-30" }, formansinformation: ["FK:ABB"] })
 */
export function encodeLefiFraga(fraga: LefiExternFormansinformationFraga): string {
  return encode("LefiExternFormansinformationFraga", fraga);
}

/**
 * Parses and strictly checks a LEFI question body. Throws {@link ContractViolation} (with a path)
 * when it is not JSON or breaks `LefiExternFormansinformationFraga`.
 *
 * @example
 * decodeLefiFraga('{"personnummer":"199001011234","period":{"from":"2025-01-01","tom":"2025-06-30"}}').period.tom // "2025-06-30"
 */
export function decodeLefiFraga(text: string): LefiExternFormansinformationFraga {
  return decode("LefiExternFormansinformationFraga", text, "LEFI question");
}

/**
 * Strictly checks a LEFI question that is already parsed (the value `JSON.parse` gave for the
 * body): the same checks as {@link decodeLefiFraga} after its parse.
 *
 * @example
 * checkLefiFraga(JSON.parse(body)).personnummer
 */
export function checkLefiFraga(value: unknown): LefiExternFormansinformationFraga {
  validateLefi("LefiExternFormansinformationFraga", value);
  return value as LefiExternFormansinformationFraga;
}

/**
 * The JSON body of a LEFI answer, keys in contract order.
 *
 * @example
 * encodeLefiSvar({ utlamnare: [{ utlamnare: { kod: "FK", namn: "Försäkringskassan" }, tillstand: { kod: "OK", beskrivning: "Tillgänglig" } }] })
 */
export function encodeLefiSvar(svar: LefiExternFormansinformationSvar): string {
  return encode("LefiExternFormansinformationSvar", svar);
}

/**
 * Parses and strictly checks a LEFI answer body (`LefiExternFormansinformationSvar`).
 *
 * @example
 * decodeLefiSvar(text).utlamnare?.[0]?.tillstand?.kod // "OK"
 */
export function decodeLefiSvar(text: string): LefiExternFormansinformationSvar {
  return decode("LefiExternFormansinformationSvar", text, "LEFI answer");
}

/**
 * The JSON body of a LEFI error answer (400, 403, 500).
 *
 * @example
 * encodeLefiFelsvar({ meddelande: "Okänd aktör.", timestamp: "2026-11-20T09:00:00.000Z" })
 */
export function encodeLefiFelsvar(felsvar: LefiFelsvar): string {
  return encode("LefiFelsvar", felsvar);
}

/**
 * Parses and strictly checks a LEFI error body (`LefiFelsvar`).
 *
 * @example
 * decodeLefiFelsvar('{"meddelande":"Okänd aktör."}').meddelande // "Okänd aktör."
 */
export function decodeLefiFelsvar(text: string): LefiFelsvar {
  return decode("LefiFelsvar", text, "LEFI error body");
}

/**
 * The JSON body of `GET …/tillgangligaInformationstyper`.
 *
 * @example
 * encodeLefiTillgangliga({ formansinformation: [{ kod: "FK:BOB", beskrivning: "Bostadsbidrag" }] })
 */
export function encodeLefiTillgangliga(svar: LefiExternTillgangligaInformationstyper): string {
  return encode("LefiExternTillgangligaInformationstyper", svar);
}

/**
 * Parses and strictly checks the answer of `GET …/tillgangligaInformationstyper`.
 *
 * @example
 * decodeLefiTillgangliga(text).formansinformation?.map((g) => g.kod)
 */
export function decodeLefiTillgangliga(text: string): LefiExternTillgangligaInformationstyper {
  return decode("LefiExternTillgangligaInformationstyper", text, "LEFI answer");
}

// ---------------------------------------------------------------------------------------------
// Base64 as carried by ssbt (`lefiJsonFraga`, `lefiJsonSvar` are xsd:base64Binary)
// ---------------------------------------------------------------------------------------------

/**
 * Base64 of a LEFI JSON text (UTF-8), as ssbt carries it.
 *
 * @example
 * lefiJsonTillBase64('{"utlamnare":[]}') // "eyJ1dGxhbW5hcmUiOltdfQ=="
 */
export function lefiJsonTillBase64(json: string): string {
  // At most three UTF-8 bytes per UTF-16 unit: an answer that surely fits is encoded in the
  // scratch buffer (Buffer.from allocated a new backing store for every answer above 4 KB).
  if (json.length * 3 > SKRAP_MAX) return Buffer.from(json, "utf8").toString("base64");
  const n = skrap(json.length * 3).write(json, 0, "utf8");
  return skrapBuffer.toString("base64", 0, n);
}

const STRIKT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The LEFI JSON text inside an xsd:base64Binary value. Strict: whitespace is allowed (as in
 * xsd:base64Binary), anything else that is not base64 of UTF-8 text throws {@link ContractViolation}.
 *
 * @example
 * lefiJsonFranBase64("eyJ1dGxhbW5hcmUiOltdfQ==") // '{"utlamnare":[]}'
 */
export function lefiJsonFranBase64(base64: string, path = "/lefiJsonFraga"): string {
  // Whitespace is no base64 character: a text that passes as it is needs no copy without it.
  let compact = base64;
  if (!isBase64(base64)) {
    compact = base64.replace(/\s+/g, "");
    if (!isBase64(compact)) throw new ContractViolation("LEFI.base64", path, "is not valid base64.");
  }
  try {
    const max = (compact.length >>> 2) * 3;
    if (max > SKRAP_MAX) return STRIKT_UTF8.decode(Buffer.from(compact, "base64"));
    const n = skrap(max).write(compact, 0, "base64");
    return STRIKT_UTF8.decode(new Uint8Array(skrapBuffer.buffer, skrapBuffer.byteOffset, n));
  } catch {
    throw new ContractViolation("LEFI.base64", path, "does not hold UTF-8 text.");
  }
}

/** The largest text the scratch buffer of the base64 conversions grows to (larger ones get their own). */
const SKRAP_MAX = 256 * 1024;
let skrapBuffer = Buffer.allocUnsafe(16 * 1024);

/**
 * The scratch buffer, at least `n` bytes long. Each conversion copies its result out of it before
 * it returns (nothing keeps a view of it), so one buffer serves every call.
 */
function skrap(n: number): Buffer {
  if (skrapBuffer.length < n)
    skrapBuffer = Buffer.allocUnsafe(Math.min(SKRAP_MAX, Math.max(n, 2 * skrapBuffer.length)));
  return skrapBuffer;
}
