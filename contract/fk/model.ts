/**
 * LEFI v9 ("LEFI extern: Förmånsinformation", Försäkringskassan + Pensionsmyndigheten) as
 * TypeScript types: the question, the answer and the error body of
 * `POST /lefi-extern-formansinformation/v9/aktorer/{aktorsId}/formansinformation/fraga`, plus the
 * answer of `GET …/tillgangligaInformationstyper`.
 *
 * Names, property order, required properties and code lists follow the official OpenAPI 3.0
 * spec so code and contract read the same. Everything the spec leaves optional is optional here.
 * Dates are strings: `format: date` fields are `YYYY-MM-DD`; the older Försäkringskassan structures
 * (`LefiFranTill`, `fattades`, …) are free strings in the spec and may also be `YYYY-MM`.
 *
 * Two information models live side by side: Försäkringskassan's (everything under
 * `formansinformation`, keyed by ärende type, codes as `LefiSifferkod`/`LefiBokstavskod`) and
 * Pensionsmyndighetens (top-level `ansprak`, `beslut`, `preliminaraUtbetalningar`,
 * `utbetalningar`, `ovrigInformation`, codes as `{ kod, beskrivning }`).
 */

export interface LefiExternFormansinformationFraga {
  personnummer: string;
  period: LefiPeriod;
  formansinformation?: LefiFkFormanGruppKod[];
  ansprak?: LefiPmFormanGruppKod[];
  beslut?: LefiPmFormanGruppKod[];
  preliminaraUtbetalningar?: LefiExternFormanGruppKod[];
  utbetalningar?: LefiExternFormanGruppKod[];
  ovrigInformation?: LefiExternOvrigInformationTypKod[];
}

export interface LefiExternFormansinformationAvvikelser {
  formansinformation?: LefiFkAvvikelseFormanGrupp[];
  ansprak?: LefiPmAvvikelseFormanGrupp[];
  beslut?: LefiPmAvvikelseFormanGrupp[];
  preliminaraUtbetalningar?: LefiExternAvvikelseFormanGrupp[];
  utbetalningar?: LefiExternAvvikelseFormanGrupp[];
  ovrigInformation?: LefiExternAvvikelseOvrigInformationTyp[];
}

export interface LefiExternFormansinformationSvar {
  utlamnare?: LefiUtlamnareTillstand[];
  avvikelser?: LefiExternFormansinformationAvvikelser;
  formansinformation?: LefiFormansinformation;
  ansprak?: LefiPmFormanAnsprak[];
  beslut?: LefiPmFormanBeslut[];
  preliminaraUtbetalningar?: LefiPmFormanUtbetalning[];
  utbetalningar?: LefiPmFormanUtbetalning[];
  ovrigInformation?: LefiPmOvrigInformation[];
}

export interface LefiExternTillgangligaInformationstyper {
  formansinformation?: LefiFkFormanGrupp[];
  ansprak?: LefiPmFormanGrupp[];
  beslut?: LefiPmFormanGrupp[];
  preliminaraUtbetalningar?: LefiExternFormanGrupp[];
  utbetalningar?: LefiExternFormanGrupp[];
  ovrigInformation?: LefiExternOvrigInformationTyp[];
}

export interface LefiFelsvar {
  meddelande?: string;
  timestamp?: string;
}

export type LefiPersonnummer = string;

export interface LefiPeriod {
  from: string;
  tom: string;
}

export const LEFI_FK_FORMAN_GRUPP_KODER = [
  "FK:ABB",
  "FK:AP",
  "FK:AS",
  "FK:BOB",
  "FK:BST",
  "FK:BTI",
  "FK:DPE",
  "FK:EJO",
  "FK:ET",
  "FK:FP",
  "FK:FSJP",
  "FK:GP",
  "FK:HE",
  "FK:MABB",
  "FK:MEK",
  "FK:NP",
  "FK:OMV",
  "FK:PJOB",
  "FK:PROG",
  "FK:RBE",
  "FK:SA",
  "FK:SBP",
  "FK:SJP",
  "FK:TFP",
  "FK:US",
  "FK:VB",
  "FK:YL",
] as const;
export type LefiFkFormanGruppKod = (typeof LEFI_FK_FORMAN_GRUPP_KODER)[number];

export const LEFI_PM_FORMAN_GRUPP_KODER = ["PM:AP", "PM:BTI", "PM:EF"] as const;
export type LefiPmFormanGruppKod = (typeof LEFI_PM_FORMAN_GRUPP_KODER)[number];

export const LEFI_EXTERN_FORMAN_GRUPP_KODER = [
  "FK:ABB",
  "FK:AP",
  "FK:AS",
  "FK:BOB",
  "FK:BST",
  "FK:BTI",
  "FK:DPE",
  "FK:EJO",
  "FK:ET",
  "FK:FP",
  "FK:FSJP",
  "FK:GP",
  "FK:HE",
  "FK:MABB",
  "FK:MEK",
  "FK:NP",
  "FK:OMV",
  "FK:PJOB",
  "FK:PROG",
  "FK:RBE",
  "FK:SA",
  "FK:SBP",
  "FK:SJP",
  "FK:TFP",
  "FK:US",
  "FK:VB",
  "FK:YL",
  "PM:AP",
  "PM:BTI",
  "PM:EF",
] as const;
export type LefiExternFormanGruppKod = (typeof LEFI_EXTERN_FORMAN_GRUPP_KODER)[number];

export const LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER = [
  "FK:GEPI",
  "FK:PANV",
  "FK:SGI",
  "FK:SKUP",
  "FK:STAV",
  "PM:LINT",
  "PM:PBH",
  "PM:PU",
] as const;
export type LefiExternOvrigInformationTypKod = (typeof LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER)[number];

export interface LefiFkAvvikelseFormanGrupp {
  avvikelse?: LefiAvvikelse;
  formansgrupp?: LefiFkFormanGrupp;
}

export interface LefiAvvikelse {
  kod?: LefiAvvikelseKod;
  beskrivning?: string;
}

export const LEFI_AVVIKELSE_KODER = ["INTERNT_FEL", "OBEHORIG"] as const;
export type LefiAvvikelseKod = (typeof LEFI_AVVIKELSE_KODER)[number];

export interface LefiFkFormanGrupp {
  kod: LefiFkFormanGruppKod;
  beskrivning: string;
}

export interface LefiPmAvvikelseFormanGrupp {
  avvikelse?: LefiAvvikelse;
  formansgrupp?: LefiPmFormanGrupp;
}

export interface LefiExternAvvikelseFormanGrupp {
  avvikelse?: LefiAvvikelse;
  formansgrupp?: LefiExternFormanGrupp;
}

export interface LefiExternFormanGrupp {
  kod: LefiExternFormanGruppKod;
  beskrivning: string;
}

export interface LefiExternAvvikelseOvrigInformationTyp {
  avvikelse?: LefiAvvikelse;
  ovrigInformationstyp?: LefiExternOvrigInformationTyp;
}

export interface LefiExternOvrigInformationTyp {
  kod: LefiExternOvrigInformationTypKod;
  beskrivning: string;
}

export interface LefiUtlamnareTillstand {
  utlamnare?: LefiUtlamnare;
  tillstand?: LefiTillstand;
}

export interface LefiUtlamnare {
  kod?: LefiUtlamnareKod;
  namn?: string;
}

export const LEFI_UTLAMNARE_KODER = ["FK", "PM"] as const;
export type LefiUtlamnareKod = (typeof LEFI_UTLAMNARE_KODER)[number];

export interface LefiTillstand {
  kod?: LefiTillstandKod;
  beskrivning?: string;
}

export const LEFI_TILLSTAND_KODER = ["OK", "FELANDE", "OTILLGANGLIG"] as const;
export type LefiTillstandKod = (typeof LEFI_TILLSTAND_KODER)[number];

export interface LefiFormansinformation {
  generellPersoninformation?: LefiPersoninformation[];
  aktivitetsstodsarende?: LefiAktivitetsstodArende[];
  allmanpensionsarende?: LefiAllmanpensionArende[];
  arbetsskadeefterlevandearende?: LefiArbetsskadelivrantaEfterlevandeArende[];
  arbetsskadeegenlivrantearende?: LefiArbetsskadelivrantaEgenArende[];
  barnbidragsarende?: LefiBarnbidragArende[];
  bostadsbidragsarende?: LefiBostadsbidragArende[];
  bostadstillaggsarende?: LefiBostadstillaggArende[];
  efterlevandepensionsarende?: LefiEfterlevandepensionArende[];
  mottagareavbarnbidrag?: LefiMottagareAvBarnbidragArende[];
  foraldrapenningarende?: LefiForaldrapenningArende[];
  forebyggandeSjukpenningsarende?: LefiForebyggandeSjukpenningArende[];
  handikappersattningsarende?: LefiHandikappersattningArende[];
  graviditetspenningsarende?: LefiGraviditetspenningArende[];
  intjanandebehallning?: LefiIntjanandeBehallning[];
  intjanandeuppgift?: LefiIntjanandeUppgift[];
  levnadsintygsuppgift?: LefiLevnadsintygUppgift[];
  merkostnadsersattningsarende?: LefiMerkostnadsersattningArende[];
  narstaendepenningarende?: LefiNarstaendepenningArende[];
  omvardnadsbidragsarende?: LefiOmvardnadsbidragArende[];
  preliminarautbetalningar?: LefiUtbetalningUppgift[];
  programanvisning?: LefiProgramanvisning[];
  programersattningsarende?: LefiProgramersattningArende[];
  programjobdagar?: LefiProgramjobdagar[];
  rehabersattningsarende?: LefiRehabersattningArende[];
  sjukOchAktivitetsersattningsarende?: LefiSjukOchAktivitetsersattningArende[];
  sjukOchAktivitetsersattningSteglosAvrakningHistorik?: LefiSjukOchAktivitetsersattningSteglosAvrakning[];
  sjukOchAktivitetsersattningSteglosAvrakningNulage?: LefiSjukOchAktivitetsersattningSteglosAvrakning[];
  sjukpenningarende?: LefiSjukpenningArende[];
  sjukpenninggrundandeInkomstuppgift?: LefiSjukpenninggrundandeInkomstUppgift[];
  skatteuppgift?: LefiSkatteuppgift[];
  smittbararersattningsarende?: LefiSmittbararersattningArende[];
  studiemedelsavisering?: LefiStudiemedelAvisering[];
  tillfalligForaldrapenningarende?: LefiTillfalligForaldrapenningArende[];
  totalforsvarspliktsarende?: LefiTotalforsvarspliktspenningArende[];
  underhallsskuld?: LefiUnderhallsskuld[];
  underhallsstodskrav?: LefiUnderhallsstodArende[];
  underhallsstodsmottag?: LefiUnderhallsstodArende[];
  utbetalningsuppgift?: LefiUtbetalningUppgift[];
  vardbidragsarende?: LefiVardbidragArende[];
  yrkesskadeefterlevandearende?: LefiYrkesskadelivrantaEfterlevandeArende[];
  yrkesskadeegenlivrantearende?: LefiYrkesskadelivrantaEgenArende[];
}

export interface LefiPersoninformation {
  personnummer?: string;
  foddes?: string;
  namn?: string;
  skyddad?: boolean;
  avled?: string[];
  adress?: LefiAdress[];
  arbetsstallen?: LefiArbetsstalle[];
  barn?: LefiPerson[];
  civilstand?: LefiSifferkod;
  folkbokford?: LefiFolkbokforingsuppgift[];
  medborgarskap?: LefiMedborgarskap[];
  samhorig?: LefiPerson[];
}

export interface LefiAdress {
  roller?: LefiSifferkod[];
  utdelningadress?: string[];
  postnummer?: string;
  postort?: string;
  land?: LefiLand;
}

export interface LefiSifferkod {
  id?: number;
  beskrivning?: string;
}

export interface LefiLand {
  kod?: string;
  namn?: string;
}

export interface LefiArbetsstalle {
  nummer?: string;
  namn?: string;
  arbetsgivare?: LefiArbetsgivare;
  sysselsattning?: string;
  arbetstid?: LefiOmfattning;
  adress?: LefiAdress;
  telefon?: string;
  kontakt?: LefiKontaktuppgifter;
}

export interface LefiArbetsgivare {
  namn?: string;
  organisationsnummer?: string;
  adress?: LefiAdress;
}

export interface LefiOmfattning {
  taljare?: number;
  namnare?: number;
}

export interface LefiKontaktuppgifter {
  namn?: string;
  telefon?: string[];
  epost?: string[];
}

export interface LefiPerson {
  personnummer?: string;
  foddes?: string;
  namn?: string;
  skyddad?: boolean;
  avled?: string[];
}

export interface LefiFolkbokforingsuppgift {
  lan?: string;
  kommun?: string;
}

export interface LefiMedborgarskap {
  datum?: string;
  land?: LefiLand;
}

export interface LefiAktivitetsstodArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiAktivitetsstodUppgifter;
  beslut?: LefiAktivitetsstodBeslut[];
}

export interface LefiAktivitetsstodUppgifter {
  atgardstyp?: LefiSifferkod;
}

export interface LefiAktivitetsstodBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  dagar?: number;
  karens?: boolean;
  ersattning?: LefiSifferkod;
}

export interface LefiBokstavskod {
  id?: string;
  beskrivning?: string;
}

export interface LefiFranTill {
  fran?: string;
  till?: string;
}

export interface LefiBelopp {
  summa?: number;
  valuta?: string;
}

export interface LefiAllmanpensionArende {
  beslut?: LefiAllmanpensionBeslut[];
}

export interface LefiAllmanpensionBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  samordnatBruttobelopp?: LefiBelopp;
  omfattning?: LefiOmfattning;
}

export interface LefiArbetsskadelivrantaEfterlevandeArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiArbetsskadelivrantaEfterlevandeUppgifter;
  beslut?: LefiArbetsskadelivrantaBeslut[];
}

export interface LefiArbetsskadelivrantaEfterlevandeUppgifter {
  uppdaterades?: string;
  arbetsgivare?: LefiSifferkod;
  skadetillfalle?: string;
  orsak?: LefiSifferkod;
  avliden?: LefiPerson;
  arsinkomstInnanSkada?: LefiBelopp;
}

export interface LefiArbetsskadelivrantaBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiArbetsskadelivrantaUnderlag;
  samordnatBruttobelopp?: LefiBelopp;
  ersattning?: LefiSifferkod;
}

export interface LefiArbetsskadelivrantaUnderlag {
  faktor?: number;
  samordningsandel?: LefiOmfattning;
  bruttoforhojning?: LefiBelopp;
  pensionsgrundandeInkomst?: LefiBelopp;
}

export interface LefiArbetsskadelivrantaEgenArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiArbetsskadelivrantaEgenUppgifter;
  beslut?: LefiArbetsskadelivrantaBeslut[];
}

export interface LefiArbetsskadelivrantaEgenUppgifter {
  uppdaterades?: string;
  arbetsgivare?: LefiSifferkod;
  skadetillfalle?: string;
  orsak?: LefiSifferkod;
  arsinkomstInnanSkada?: LefiBelopp;
  arsinkomstEfterSkada?: LefiBelopp;
}

export interface LefiBarnbidragArende {
  grunduppgifter?: LefiBarnbidragUppgifter;
  beslut?: LefiBarnbidragBeslut[];
}

export interface LefiBarnbidragUppgifter {
  barn?: LefiPerson;
}

export interface LefiBarnbidragBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiBarnbidragUnderlag;
}

export interface LefiBarnbidragUnderlag {
  skolgang?: boolean;
  myndighetsplacering?: boolean;
}

export interface LefiBostadsbidragArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  medsokande?: LefiPerson[];
  beslut?: LefiBostadsbidragBeslut[];
}

export interface LefiBostadsbidragBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiBostadsbidragUnderlag;
}

export interface LefiBostadsbidragUnderlag {
  reduceradBostadskostnad?: LefiBelopp;
  totalBostadskostnad?: LefiBelopp;
  inkomster?: LefiBelopp[];
  hemmavarandeBarn?: LefiPerson[];
  tidvisboendeBarn?: LefiPerson[];
  vaxelvisboendeBarn?: LefiPerson[];
}

export interface LefiBostadstillaggArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  medsokande?: LefiPerson[];
  beslut?: LefiBostadstillaggBeslut[];
}

export interface LefiBostadstillaggBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiBostadstillaggUnderlag;
}

export interface LefiBostadstillaggUnderlag {
  arsbruttokostnad?: LefiBelopp;
  bostadstillaggsnettokostnad?: LefiBelopp;
  forsorjningsstodsarsnettokostnad?: LefiBelopp;
}

export interface LefiEfterlevandepensionArende {
  grunduppgifter?: LefiEfterlevandepensionUppgifter;
  beslut?: LefiEfterlevandepensionBeslut[];
}

export interface LefiEfterlevandepensionUppgifter {
  avliden?: LefiPerson;
}

export interface LefiEfterlevandepensionBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  samordnatBruttobelopp?: LefiBelopp;
  omfattning?: LefiOmfattning[];
}

export interface LefiMottagareAvBarnbidragArende {
  grunduppgifter?: LefiMottagareAvBarnbidragUppgifter;
  beslut?: LefiMottagareAvBarnbidragBeslut[];
}

export interface LefiMottagareAvBarnbidragUppgifter {
  personuppgift?: LefiPerson;
}

export interface LefiMottagareAvBarnbidragBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiMottagareAvBarnbidragUnderlag;
}

export interface LefiMottagareAvBarnbidragUnderlag {
  skolgang?: boolean;
  institutionsplacering?: LefiMottagareAvBarnbidragInstitution[];
  tvaBidragsmottagare?: boolean;
  utbetalningsdatum?: string;
  utbetalningsmottagare?: string;
}

export interface LefiMottagareAvBarnbidragInstitution {
  institution?: LefiSifferkod;
  namn?: string;
  adress?: LefiAdress;
}

export interface LefiForaldrapenningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiForaldrapenningUppgifter;
  beslut?: LefiForaldrapenningBeslut[];
  anspraksdagar?: LefiForaldrapenningAnspraksdag[];
}

export interface LefiForaldrapenningUppgifter {
  barn?: LefiPerson;
}

export interface LefiForaldrapenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  ersattning?: LefiSifferkod;
  ersattningsdagar?: LefiForaldrapenningErsattningsdag[];
}

export interface LefiForaldrapenningErsattningsdag {
  dag?: string;
  niva?: LefiBokstavskod;
  bruttobelopp?: LefiBelopp;
}

export interface LefiForaldrapenningAnspraksdag {
  dag?: string;
  niva?: LefiBokstavskod;
  omfattning?: LefiOmfattning;
}

export interface LefiForebyggandeSjukpenningArende {
  startades?: string;
  aktivt?: boolean;
  beslut?: LefiForebyggandeSjukpenningBeslut[];
}

export interface LefiForebyggandeSjukpenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  karens?: boolean;
  beslutsutfall?: string;
  beslutstyp?: string;
  ersattning?: string;
  ersattningsniva?: string;
  ersattningsdagar?: LefiForebyggandeSjukpenningDag[];
}

export interface LefiForebyggandeSjukpenningDag {
  ersattningsdatum?: string;
  ersattningsbelopp?: LefiBelopp;
  karensavdragsbelopp?: LefiBelopp;
}

export interface LefiHandikappersattningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiHandikappersattningBeslut[];
}

export interface LefiHandikappersattningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  omfattning?: LefiOmfattning;
}

export interface LefiGraviditetspenningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiGraviditetspenningBeslut[];
}

export interface LefiGraviditetspenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  ersattning?: LefiSifferkod;
}

export interface LefiIntjanandeBehallning {
  belopp?: LefiBelopp;
  premiepensionBelopp?: LefiBelopp;
}

export interface LefiIntjanandeUppgift {
  ar?: number;
  underlag?: LefiIntjanandeUnderlag;
  pensionsbehallningar?: LefiIntjanandeGrund[];
  pensionsratter?: LefiIntjanandeGrund[];
  faktiskaPensionsratter?: LefiIntjanandeGrund[];
  poang?: number[];
  barnbeslut?: LefiIntjanandeBarnBeslut[];
}

export interface LefiIntjanandeUnderlag {
  behallningsunderlag?: LefiIntjanandeBehallningUnderlag[];
  pensionsunderlag?: LefiIntjanandePensionUnderlag[];
  poangunderlag?: LefiIntjanandePoangUnderlag[];
}

export interface LefiIntjanandeBehallningUnderlag {
  uppdaterades?: string;
  andringsanledning?: string;
  pensionsbehallningsforandringar?: LefiIntjanandeForandring[];
}

export interface LefiIntjanandeForandring {
  typ?: LefiBokstavskod;
  arvsvinst?: LefiBelopp;
  indexforanding?: LefiBelopp;
  administrationskostnad?: LefiBelopp;
  uttaget?: LefiBelopp;
  aterlagt?: LefiBelopp;
}

export interface LefiIntjanandePensionUnderlag {
  uppdaterades?: string;
  andringsanledning?: string;
  intjanandetak?: LefiBelopp[];
  forvarvsvillkorsar?: string;
  belopp?: LefiIntjanandeGrund[];
  underlagPgbForPlikt?: LefiIntjanandePgbForPlikt[];
  underlagPgbForStudier?: LefiIntjanandePgbForStudier[];
  underlagPgbForBarn?: LefiIntjanandePgbForBarn[];
  underlagPgbForSa?: LefiIntjanandePgbForSa[];
  underlagPgbForAntagandepoang?: LefiIntjanandePgbForAntagandepoang[];
}

export interface LefiIntjanandeGrund {
  typ?: LefiBokstavskod;
  belopp?: LefiBelopp;
}

export interface LefiIntjanandePgbForPlikt {
  belopp?: LefiBelopp;
  dagar?: number;
  halvaMedelPGI?: LefiBelopp;
}

export interface LefiIntjanandePgbForStudier {
  belopp?: LefiBelopp;
  studiebidrag?: LefiBelopp;
  beloppForeAvrundningTakbegransning?: LefiBelopp;
}

export interface LefiIntjanandePgbForBarn {
  belopp?: LefiBelopp;
  jamfarelseinkomst?: LefiBelopp;
  utfyllnadsinkomst?: LefiBelopp;
  beloppAlternativ1?: LefiBelopp;
  trefjardedelsMedelPGI?: LefiBelopp;
  beloppAlternativ2?: LefiBelopp;
  basbelopp?: LefiBelopp;
  bastaAlternativ?: number;
  beloppForeAvrundningTakbegransning?: LefiBelopp;
}

export interface LefiIntjanandePgbForSa {
  belopp?: LefiBelopp;
  manadsunderlag?: LefiIntjanandePgbForSaManadsunderlag[];
}

export interface LefiIntjanandePgbForSaManadsunderlag {
  manad?: string;
  antagandeinkomst?: LefiBelopp;
  reduceringsbelopp?: LefiBelopp;
  andel?: string;
  pisa?: LefiBelopp[];
  pisaAnhorig?: LefiBelopp[];
  arbetsskadelivranta?: LefiBelopp[];
  samordningsprocentAL?: number[];
  beloppForeAvrundningTakbegransning?: LefiBelopp;
}

export interface LefiIntjanandePgbForAntagandepoang {
  belopp?: LefiBelopp;
  antagandepoang?: number;
  jamforelsepoang?: number;
  bastaPoangPlusEtt?: number;
  svenskaNordiskaForsakringsmanader?: string;
}

export interface LefiIntjanandePoangUnderlag {
  uppdaterades?: string;
  andringsanledning?: string;
  vardar?: boolean;
  pgiBedomd?: boolean;
  poang?: LefiIntjanandePoang[];
  basbelopp?: LefiBelopp[];
  inkomster?: LefiIntjanandeGrund[];
}

export interface LefiIntjanandePoang {
  typ?: LefiBokstavskod;
  summa?: number;
}

export interface LefiIntjanandeBarnBeslut {
  foralder?: LefiPerson;
  foraldertyp?: LefiSifferkod;
  berattigad?: boolean;
  upplysning?: string;
}

export interface LefiLevnadsintygUppgift {
  uppdaterades?: string;
  status?: LefiSifferkod;
}

export interface LefiMerkostnadsersattningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiMerkostnadsersattningBeslut;
}

export interface LefiMerkostnadsersattningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  beslutstatus?: LefiBokstavskod;
  beslutsutfall?: LefiSifferkod;
  upphorandeManadFrom?: string[];
  periodbeslut?: LefiMerkostnadsersattningPeriodbeslut[];
  underlag?: LefiMerkostnadsersattningUnderlag;
}

export interface LefiMerkostnadsersattningPeriodbeslut {
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  andel?: LefiOmfattning;
  utbetalningstyp?: LefiBokstavskod;
}

export interface LefiMerkostnadsersattningUnderlag {
  Barn?: LefiPerson[];
}

export interface LefiNarstaendepenningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiNarstaendepenningBeslut[];
}

export interface LefiNarstaendepenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  karens?: boolean;
  ersattning?: LefiSifferkod;
}

export interface LefiOmvardnadsbidragArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiOmvardnadsbidragBeslut;
}

export interface LefiOmvardnadsbidragBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  beslutstatus?: LefiBokstavskod;
  beslutsutfall?: LefiSifferkod;
  upphorandeManadFrom?: string[];
  periodbeslut?: LefiOmvardnadsbidragPeriodBeslut[];
  underlag?: LefiOmvardnadsbidragUnderlag;
}

export interface LefiOmvardnadsbidragPeriodBeslut {
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  andel?: LefiOmfattning;
  utbetalningstyp?: LefiBokstavskod;
}

export interface LefiOmvardnadsbidragUnderlag {
  Barn?: LefiPerson[];
}

export interface LefiUtbetalningUppgift {
  typ?: LefiSifferkod;
  foretag?: LefiSifferkod;
  formansfamilj?: LefiBokstavskod;
  datum?: string;
  period?: LefiFranTill;
  bruttobelopp?: LefiBelopp;
  skattebelopp?: LefiBelopp;
  avdragsbelopp?: LefiBelopp;
  nettobelopp?: LefiBelopp;
  utbetalningsdetalj?: LefiUtbetalningDetalj[];
}

export interface LefiUtbetalningDetalj {
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  beloppstyp?: LefiBokstavskod;
  omfattning?: LefiOmfattning;
  dagar?: number;
  timmar?: number;
  bruttobelopp?: LefiBelopp;
  skattebelopp?: LefiBelopp;
  avdragsbelopp?: LefiBelopp;
}

export interface LefiProgramanvisning {
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  program?: LefiSifferkod;
}

export interface LefiProgramersattningArende {
  beslut?: LefiProgramersattningBeslut[];
}

export interface LefiProgramersattningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  ersattningsdagar?: LefiProgramersattningDag[];
  dagar?: string[];
  ersattning?: LefiBokstavskod;
}

export interface LefiProgramersattningDag {
  dag?: string;
  ersattning?: LefiBokstavskod;
  belopp?: LefiBelopp;
}

export interface LefiProgramjobdagar {
  antalForbrukade?: number;
  harForbrukatMaxAntal?: boolean;
}

export interface LefiRehabersattningArende {
  startades?: string;
  aktivt?: boolean;
  beslut?: LefiRehabersattningBeslut[];
}

export interface LefiRehabersattningBeslut {
  karens?: boolean;
  beslutsutfall?: string;
  beslutstyp?: string;
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  ersattning?: string;
  ersattningsniva?: string;
  ersattningsdagar?: LefiRehabersattningDag[];
}

export interface LefiRehabersattningDag {
  ersattningsdatum?: string;
  ersattningsbelopp?: LefiBelopp;
  karensavdragsbelopp?: LefiBelopp;
}

export interface LefiSjukOchAktivitetsersattningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiSjukOchAktivitetsersattningUppgifter;
  beslut?: LefiSjukOchAktivitetsersattningBeslut[];
}

export interface LefiSjukOchAktivitetsersattningUppgifter {
  forsakringstid?: LefiOmfattning[];
  forsakringstidGsaAr?: number[];
  forsakringstidGsaManad?: number[];
  forsakringstidGsaDag?: number[];
}

export interface LefiSjukOchAktivitetsersattningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  samordnatBruttobelopp?: LefiBelopp;
  omfattning?: LefiOmfattning;
}

export interface LefiSjukOchAktivitetsersattningSteglosAvrakning {
  artal?: string;
  arsinkomstISverige?: LefiBelopp[];
  arsinkomstIAnnatLand?: LefiBelopp[];
  fribelopp?: LefiBelopp[];
  mellanskillnad?: LefiBelopp[];
  tillagg?: LefiBelopp[];
  avgift?: LefiBelopp[];
  utbetalning?: LefiBelopp[];
  aterkrav?: LefiBelopp[];
}

export interface LefiSjukpenningArende {
  startades?: string;
  aktivt?: boolean;
  beslut?: LefiSjukpenningBeslut[];
}

export interface LefiSjukpenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  karens?: boolean;
  beslutsutfall?: string;
  beslutstyp?: string;
  ersattning?: string;
  ersattningsniva?: string;
  ersattningsdagar?: LefiSjukpenningDag[];
}

export interface LefiSjukpenningDag {
  ersattningsdatum?: string;
  ersattningsbelopp?: LefiBelopp;
  karensavdragsbelopp?: LefiBelopp;
}

export interface LefiSjukpenninggrundandeInkomstUppgift {
  faststalldes?: string;
  typ?: LefiSifferkod;
  anstallning?: LefiBelopp;
  verksamhet?: LefiBelopp;
  karens?: number;
  dagar?: number;
  timmar?: number;
}

export interface LefiSkatteuppgift {
  skatteredovisningsnummer?: string;
}

export interface LefiSmittbararersattningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiSmittbararersattningBeslut[];
}

export interface LefiSmittbararersattningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
}

export interface LefiStudiemedelAvisering {
  typ?: LefiSifferkod;
  period?: LefiFranTill;
}

export interface LefiTillfalligForaldrapenningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiTillfalligForaldrapenningUppgifter;
  beslut?: LefiTillfalligForaldrapenningBeslut[];
}

export interface LefiTillfalligForaldrapenningUppgifter {
  barn?: LefiPerson;
}

export interface LefiTillfalligForaldrapenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
  bedomdadagar?: LefiTillfalligForaldrapenningDag[];
  ersattning?: LefiSifferkod;
}

export interface LefiTillfalligForaldrapenningDag {
  dag?: string;
  bedomtBelopp?: LefiBelopp;
  inkomsttyp?: LefiSifferkod;
  berakningssatt?: LefiSifferkod;
}

export interface LefiTotalforsvarspliktspenningArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiTotalforsvarspliktspenningBeslut[];
}

export interface LefiTotalforsvarspliktspenningBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  period?: LefiFranTill;
  omfattning?: LefiOmfattning;
  dagar?: number;
}

export interface LefiUnderhallsskuld {
  belopp?: LefiBelopp;
}

export interface LefiUnderhallsstodArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiUnderhallsstodUppgifter;
  beslut?: LefiUnderhallsstodBeslut[];
}

export interface LefiUnderhallsstodUppgifter {
  barn?: LefiPerson;
}

export interface LefiUnderhallsstodBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  ersattning?: LefiSifferkod;
  samordnatBruttobelopp?: LefiBelopp;
}

export interface LefiVardbidragArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  beslut?: LefiVardbidragBeslut[];
}

export interface LefiVardbidragBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  ersattning?: LefiSifferkod;
  omfattning?: LefiOmfattning;
  underlag?: LefiVardbidragUnderlag;
}

export interface LefiVardbidragUnderlag {
  barn?: LefiPerson[];
  delat?: boolean;
}

export interface LefiYrkesskadelivrantaEfterlevandeArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiYrkesskadelivrantaEfterlevandeUppgifter;
  beslut?: LefiYrkesskadelivrantaBeslut[];
}

export interface LefiYrkesskadelivrantaEfterlevandeUppgifter {
  arbetsgivare?: LefiSifferkod[];
  skadetillfalle?: string;
  orsak?: LefiSifferkod[];
  avliden?: LefiPerson;
}

export interface LefiYrkesskadelivrantaBeslut {
  fattades?: string;
  definitivt?: boolean;
  forman?: LefiBokstavskod;
  delforman?: LefiBokstavskod;
  periodicitet?: LefiSifferkod;
  period?: LefiFranTill;
  beslutatBruttobelopp?: LefiBelopp;
  underlag?: LefiYrkesskadelivrantaUnderlag;
  ersattning?: LefiSifferkod;
}

export interface LefiYrkesskadelivrantaUnderlag {
  faktor?: LefiOmfattning;
}

export interface LefiYrkesskadelivrantaEgenArende {
  startades?: string;
  aktivt?: boolean;
  avslaget?: boolean;
  grunduppgifter?: LefiYrkesskadelivrantaEgenUppgifter;
  beslut?: LefiYrkesskadelivrantaBeslut[];
}

export interface LefiYrkesskadelivrantaEgenUppgifter {
  arbetsgivare?: LefiSifferkod[];
  skadetillfalle?: string;
  orsak?: LefiSifferkod[];
}

export interface LefiPmFormanAnsprak {
  ansprakid?: string;
  ankomstdatum?: string;
  formansgrupp?: LefiPmFormanGrupp;
  yrkadPeriod?: LefiPeriodMedValfrittTom;
}

export interface LefiPmFormanGrupp {
  kod: LefiPmFormanGruppKod;
  beskrivning: string;
}

export interface LefiPmFormanBeslut {
  beslutsid?: string;
  beslutsdatum?: string;
  formansgrupp?: LefiPmFormanGrupp;
  beslutsstatus?: LefiPmFormanBeslutStatus;
  beslutsutfall?: LefiPmFormanBeslutUtfall;
  beslutadErsattning?: LefiPmFormanBeslutadErsattning[];
  tillagg?: LefiPmFormanBeslutTillagg;
}

export interface LefiPmFormanBeslutStatus {
  kod: LefiPmFormanBeslutStatusKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_BESLUT_STATUS_KODER = ["INTERIMISTISKT", "PRELIMINART", "SLUTLIGT"] as const;
export type LefiPmFormanBeslutStatusKod = (typeof LEFI_PM_FORMAN_BESLUT_STATUS_KODER)[number];

export interface LefiPmFormanBeslutUtfall {
  kod: LefiPmFormanBeslutUtfallKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_BESLUT_UTFALL_KODER = ["BIFALL", "AVSLAG"] as const;
export type LefiPmFormanBeslutUtfallKod = (typeof LEFI_PM_FORMAN_BESLUT_UTFALL_KODER)[number];

export interface LefiPmFormanBeslutadErsattning {
  beslutatBelopp?: LefiPmFormanBeslutatBelopp;
  period?: LefiPeriodMedValfrittTom;
  ersattningstyp?: LefiPmFormanBeslutadErsattningTyp;
  omfattning?: number;
  underlag?: LefiPmFormanBeslutadErsattningUnderlag;
}

export interface LefiPmFormanBeslutatBelopp {
  belopp?: number;
  beloppsfrekvens?: LefiPmFormanBeslutatBeloppFrekvens;
}

export interface LefiPmFormanBeslutatBeloppFrekvens {
  kod: LefiPmFormanBeslutatBeloppFrekvensKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_BESLUTAT_BELOPP_FREKVENS_KODER = [
  "AR",
  "HALVAR",
  "KVARTAL",
  "MANAD",
  "VECKA",
  "DAG",
  "ENGANGS",
] as const;
export type LefiPmFormanBeslutatBeloppFrekvensKod =
  (typeof LEFI_PM_FORMAN_BESLUTAT_BELOPP_FREKVENS_KODER)[number];

export interface LefiPmFormanBeslutadErsattningTyp {
  kod: LefiPmFormanBeslutadErsattningTypKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_BESLUTAD_ERSATTNING_TYP_KODER = [
  "PM:BH",
  "PM:BL",
  "PM:BP",
  "PM:BT",
  "PM:ELSTOD",
  "PM:FL",
  "PM:FOL",
  "PM:FOP",
  "PM:FOPGARP",
  "PM:GARP",
  "PM:IP",
  "PM:IPT",
  "PM:OL",
  "PM:OP",
  "PM:OPGARP",
  "PM:PREP",
  "PM:PREPEL",
  "PM:SBT",
  "PM:SEL",
  "PM:SEP",
  "PM:SEPGARP",
  "PM:TP",
  "PM:AFS",
  "PM:ANKEL",
  "PM:ANKEP",
  "PM:ANKEPGARP",
] as const;
export type LefiPmFormanBeslutadErsattningTypKod =
  (typeof LEFI_PM_FORMAN_BESLUTAD_ERSATTNING_TYP_KODER)[number];

export interface LefiPmFormanBeslutadErsattningUnderlag {
  bp?: LefiPmFormanBeslutadErsattningUnderlagBp;
  garp?: LefiPmFormanBeslutadErsattningUnderlagGarp;
  garpEp?: LefiPmFormanBeslutadErsattningUnderlagGarpEp;
  garpAp37?: LefiPmFormanBeslutadErsattningUnderlagGarpAp37;
  ip?: LefiPmFormanBeslutadErsattningUnderlagIp;
  livaranta?: LefiPmFormanBeslutadErsattningUnderlagLivranta;
  op?: LefiPmFormanBeslutadErsattningUnderlagOp;
  samordning?: LefiPmFormanBeslutadErsattningUnderlagSamordning;
  tp?: LefiPmFormanBeslutadErsattningUnderlagTp;
  ankep?: LefiPmFormanBeslutadErsattningUnderlagAnkep;
}

export interface LefiPmFormanBeslutadErsattningUnderlagBp {
  efterlevandepensionsunderlag?: number;
  procent?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagGarp {
  antal40delar?: number;
  garantitillaggForGarantipension?: number;
  ylAvdrag?: number;
  inkomstpensionForGarantipension?: number;
  tillaggspensionForGarantipension?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagGarpEp {
  antal40delar?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagGarpAp37 {
  summaBerakningsunderlag?: number;
  antal40delar?: number;
  antal30delar?: number;
  pensionstillskott?: number;
  uttagsprocentFp?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagIp {
  ylAvdrag?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagLivranta {
  livrantefaktor?: number;
  arbetsgivarkod?: number;
  skadedatum?: string;
  arsinkomstInnanSkada?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagOp {
  efterlevandepensionsunderlag?: number;
  procent?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagSamordning {
  beloppForeSamordning?: number;
  samordningstyper?: LefiPmFormanSamordningTyp[];
}

export interface LefiPmFormanSamordningTyp {
  kod: LefiPmFormanSamordningTypKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_SAMORDNING_TYP_KODER = [
  "PM:AL",
  "PM:AP",
  "PM:BP40",
  "PM:NKT",
  "PM:SA",
  "PM:UEP",
  "PM:UYL",
  "PM:VPSB",
  "PM:YL",
  "PM:OVR",
] as const;
export type LefiPmFormanSamordningTypKod = (typeof LEFI_PM_FORMAN_SAMORDNING_TYP_KODER)[number];

export interface LefiPmFormanBeslutadErsattningUnderlagTp {
  sjoskattear?: number;
  uttagsprocent?: number;
  ylAvdrag?: number;
  garantitillagg?: number;
  folkpensiontillagg?: number;
  medelpoang?: number;
  arMedPensionspoang?: number;
  erforderligaAr?: number;
}

export interface LefiPmFormanBeslutadErsattningUnderlagAnkep {
  antal15delar?: number;
  medelpoang?: number;
  taljare?: number;
  namnare?: number;
}

export interface LefiPmFormanBeslutTillagg {
  allmanpension?: LefiPmFormanBeslutTillaggAllmanpension;
  bostadsInkomststod?: LefiPmFormanBeslutTillaggBostadsInkomststod;
  efterlevandeformaner?: LefiPmFormanBeslutTillaggEfterlevandeformaner;
}

export interface LefiPmFormanBeslutTillaggAllmanpension {
  samordningMedPensionFranAnnatLand?: boolean;
  anvantCivilstand?: LefiPmCivilstand;
}

export interface LefiPmCivilstand {
  kod: LefiPmCivilstandKod;
  beskrivning: string;
}

export const LEFI_PM_CIVILSTAND_KODER = ["OGIFT", "GIFT"] as const;
export type LefiPmCivilstandKod = (typeof LEFI_PM_CIVILSTAND_KODER)[number];

export interface LefiPmFormanBeslutTillaggBostadsInkomststod {
  berakningsunderlag?: LefiPmFormanBeslutTillaggBostadsInkomststodBerakningsunderlag;
}

export interface LefiPmFormanBeslutTillaggBostadsInkomststodBerakningsunderlag {
  bostadskostnadBrutto?: number;
  bostadskostnadNettoBt?: number;
  bostadskostnaddNettoAfs?: number;
  medsokande?: string;
}

export interface LefiPmFormanBeslutTillaggEfterlevandeformaner {
  avlidna?: LefiPmFormanBeslutTillaggEfterlevandeformanerAvliden[];
  ovrigaBerattigadeEfterlevande?: LefiPmFormanBeslutTillaggEfterlevandeFormanderOvrigBerattigadEfterlevande[];
}

export interface LefiPmFormanBeslutTillaggEfterlevandeformanerAvliden {
  person?: string;
  dodsfallsdatum?: string;
  fodelsedatum?: string;
}

export interface LefiPmFormanBeslutTillaggEfterlevandeFormanderOvrigBerattigadEfterlevande {
  person?: string;
}

export interface LefiPmFormanUtbetalning {
  utbetalningsdatum?: string;
  utbetalningsperiod?: LefiPeriod;
  bruttobelopp?: number;
  nettobelopp?: number;
  avdrag?: LefiPmFormanUtbetalningAvdrag[];
  utbetalningsrader?: LefiPmFormanUtbetalningRad[];
}

export interface LefiPmFormanUtbetalningAvdrag {
  belopp?: number;
  avdragstyp?: LefiPmFormanUtbetalningAvdragTyp;
}

export interface LefiPmFormanUtbetalningAvdragTyp {
  kod: LefiPmFormanUtbetalningAvdragTypKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_UTBETALNING_AVDRAG_TYP_KODER = [
  "PM:AVDRAGKANTRA",
  "PM:AVDRAGOVRIGT",
  "PM:INSTITUTION",
  "PM:KVIKAN",
  "PM:KVIOVR",
  "PM:PS",
  "PM:PST",
  "PM:SOCAVDRAG",
  "PM:SS",
  "PM:SST",
  "PM:UTLFORDRAN",
  "PM:UTMATNING",
  "PM:UTMHELA",
  "PM:UTMTV",
] as const;
export type LefiPmFormanUtbetalningAvdragTypKod =
  (typeof LEFI_PM_FORMAN_UTBETALNING_AVDRAG_TYP_KODER)[number];

export interface LefiPmFormanUtbetalningRad {
  formansgrupp?: LefiPmFormanGrupp;
  belopp?: number;
  utbetalningsforman?: LefiPmUtbetalningForman;
  beloppstyp?: LefiPmFormanUtbetalningBeloppTyp;
}

export interface LefiPmUtbetalningForman {
  kod: LefiPmUtbetalningFormanKod;
  beskrivning: string;
}

export const LEFI_PM_UTBETALNING_FORMAN_KODER = [
  "PM:AL",
  "PM:AP37",
  "PM:AP38",
  "PM:BTP",
  "PM:EP",
  "PM:PREP",
] as const;
export type LefiPmUtbetalningFormanKod = (typeof LEFI_PM_UTBETALNING_FORMAN_KODER)[number];

export interface LefiPmFormanUtbetalningBeloppTyp {
  kod: LefiPmFormanUtbetalningBeloppTypKod;
  beskrivning: string;
}

export const LEFI_PM_FORMAN_UTBETALNING_BELOPP_TYP_KODER = [
  "PM:AFS",
  "PM:AL1",
  "PM:AL2",
  "PM:AL3",
  "PM:AL4",
  "PM:AL5",
  "PM:AL6",
  "PM:AL7",
  "PM:AL8",
  "PM:AL9",
  "PM:ALB",
  "PM:ANKEP",
  "PM:ANKEPGARP",
  "PM:BP",
  "PM:BPFRI",
  "PM:BPSKP",
  "PM:BTP",
  "PM:BTPSA",
  "PM:ELSTOD",
  "PM:FOP",
  "PM:FOPGARP",
  "PM:GARP",
  "PM:IP",
  "PM:IPT",
  "PM:OP",
  "PM:OPGARP",
  "PM:PFE",
  "PM:PFO",
  "PM:SBTP",
  "PM:SBTPSA",
  "PM:SEP",
  "PM:SEPGARP",
  "PM:TP",
] as const;
export type LefiPmFormanUtbetalningBeloppTypKod =
  (typeof LEFI_PM_FORMAN_UTBETALNING_BELOPP_TYP_KODER)[number];

export interface LefiPmOvrigInformation {
  informationstyp?: LefiPmOvrigInformationTyp;
  levnadsintyg?: LefiPmLevnadsintyg;
  pensionsbehallning?: LefiPmPensionBehallning;
  pensionsunderlag?: LefiPmPensionUnderlag;
}

export interface LefiPmOvrigInformationTyp {
  kod: LefiPmOvrigInformationTypKod;
  beskrivning: string;
}

export const LEFI_PM_OVRIG_INFORMATION_TYP_KODER = ["PM:LINT", "PM:PBH", "PM:PU"] as const;
export type LefiPmOvrigInformationTypKod = (typeof LEFI_PM_OVRIG_INFORMATION_TYP_KODER)[number];

export interface LefiPmLevnadsintyg {
  senastUppdaterad?: string;
  levnadsintygsstatus?: LefiPmLevnadsintygStatus;
}

export interface LefiPmLevnadsintygStatus {
  kod: LefiPmLevnadsintygStatusKod;
  beskrivning: string;
}

export const LEFI_PM_LEVNADSINTYG_STATUS_KODER = [
  0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 20, 21, 22, 23, 24, 25,
] as const;
export type LefiPmLevnadsintygStatusKod = (typeof LEFI_PM_LEVNADSINTYG_STATUS_KODER)[number];

export interface LefiPmPensionBehallning {
  pensionskonton?: LefiPmPensionKonto[];
}

export interface LefiPmPensionKonto {
  kontotyp?: LefiPmPensionKontoTyp;
  kontovarden?: LefiPmPensionKontoVarde[];
}

export interface LefiPmPensionKontoTyp {
  kod: LefiPmPensionKontoTypKod;
  beskrivning: string;
}

export const LEFI_PM_PENSION_KONTO_TYP_KODER = ["IP", "PREP"] as const;
export type LefiPmPensionKontoTypKod = (typeof LEFI_PM_PENSION_KONTO_TYP_KODER)[number];

export interface LefiPmPensionKontoVarde {
  varde?: number;
  gallerFrom?: string;
  faststallelsear?: string;
  kontohandelse?: LefiPmPensionKontoHandelse;
}

export interface LefiPmPensionKontoHandelse {
  kontohandelsetyp?: LefiPmPensionKontoHandelseTyp;
  kontohandelsetidpunkt?: string;
  kontotransaktioner?: LefiPmPensionKontoTransaktion[];
}

export interface LefiPmPensionKontoHandelseTyp {
  kod: LefiPmPensionKontoHandelseTypKod;
  beskrivning: string;
}

export const LEFI_PM_PENSION_KONTO_HANDELSE_TYP_KODER = [
  "ANDRAD_PENSIONSRATT",
  "ARSOMRAKNING",
  "DODSFALL",
  "EG_OVERFORING",
  "FORVARVSVILLKORET_INTE_UPPFYLLT",
  "FORVARVSVILLKORET_UPPFYLLT",
  "NYTT_ANDRAT_PENSIONSUTTAG",
  "RIKTALDER_UPPNADD",
] as const;
export type LefiPmPensionKontoHandelseTypKod = (typeof LEFI_PM_PENSION_KONTO_HANDELSE_TYP_KODER)[number];

export interface LefiPmPensionKontoTransaktion {
  kontotransaktionstyp?: LefiPmPensionKontoTransaktionTyp;
  belopp?: number;
}

export interface LefiPmPensionKontoTransaktionTyp {
  kod: LefiPmPensionKontoTransaktionTypKod;
  beskrivning: string;
}

export const LEFI_PM_PENSION_KONTO_TRANSAKTION_TYP_KODER = [
  "ARVSVINST",
  "FORVALTNINGSKOSTNAD",
  "PENSIONSRATT",
  "BALANSERAD_PENSIONSRATT",
  "INDEXERING",
  "UTTAGEN_PENSIONSBEHALLNING",
  "ATERLAGD_PENSIONSBEHALLNING",
] as const;
export type LefiPmPensionKontoTransaktionTypKod =
  (typeof LEFI_PM_PENSION_KONTO_TRANSAKTION_TYP_KODER)[number];

export interface LefiPmPensionUnderlag {
  intjanandear?: LefiPmPensionUnderlagIntjanandeAr[];
}

export interface LefiPmPensionUnderlagIntjanandeAr {
  artal?: string;
  pensionsgrundandeInkomst?: number;
  pensionsgrundandeBeloppForStudier?: number;
  pensionsgrundandeBeloppForSjukOchAktivitetsersattning?: number;
  pensionsgrundandeBeloppForArMedSmaBarn?: number;
  pensionsgrundandeBeloppForPlikttjanst?: number;
  pensionsgrundandeBeloppForFortidspension?: number;
}

export interface LefiPeriodMedValfrittTom {
  from: string;
  tom?: string;
}
