/**
 * Handläggarvy: what a composite answer says about the person, per authority, the way a Swedish
 * caseworker reads it — kodverk labels instead of codes, "1 jan 2026 – 31 jan 2026", "1 300 kr",
 * error sections explained in plain Swedish (who could not answer, whether trying again helps),
 * names and addresses withheld when the person has skyddad identitet. The reference presentation
 * vendors compare their own screens with; built from the answer before anything is stored, and
 * masked like every other thing the console keeps.
 */
import { maskera } from "../../contract/personidentitet.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type BastjanstKod, type SsbtFraga, type SsbtSvar } from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { KODVERK } from "../../fixtures/kodverk/index.js";
import { maskeraDjupt } from "../logging/mask.js";
import { SIMULATORER } from "../registry.js";
import { kronor, svenskPeriod, svensktDatum } from "./svensk-format.js";

/** One line of a block: a Swedish label and a formatted value (`kod` when a kodverk label replaced it). */
export interface Rad {
  etikett: string;
  varde: string;
  kod?: string;
}

/** A titled group of lines (one case, one vehicle …), or a table of repeated records (payments, days). */
export interface Block {
  rubrik: string;
  rader: Rad[];
  tabell?: { kolumner: string[]; rader: string[][] };
}

/** An error section, explained. */
export interface FelForklaring {
  rubrik: string;
  /** What happened, in plain Swedish. */
  text: string;
  /** Whether and when to try again. */
  rad: string;
  kalla: "SSBT" | "BT";
  felkod: string;
  /** The section's own messages (masked). */
  felmeddelande: string[];
}

/** One authority's part of the answer. */
export interface MyndighetVy {
  kod: BastjanstKod;
  namn: string;
  status: "uppgifter" | "inga-uppgifter" | "fel" | "ej-fragad";
  sammanfattning: string;
  fel?: FelForklaring;
  block: Block[];
}

/** The caseworker view of one answer. */
export interface Handlaggarvy {
  rubrik: string;
  /** Masked personidentitet. */
  personidentitet: string;
  /** The person's name as the authorities give it, unless skyddad identitet. */
  namn?: string;
  skyddadIdentitet: boolean;
  period: string;
  fragadAv: string;
  sammanfattning: string;
  myndigheter: MyndighetVy[];
}

/** A generic tree of an answer's data: XML elements and JSON values alike. */
interface Nod {
  namn: string;
  text?: string;
  barn: Nod[];
}

const MAX_NODER = 5_000;

function franXml(e: XmlElement, raknare: { n: number }): Nod {
  raknare.n += 1;
  const barn: Nod[] = e.attrs
    .filter((a) => a.ns === "")
    .map((a) => ({ namn: a.local, text: a.value, barn: [] }));
  let text = "";
  for (const c of e.children) {
    if (raknare.n > MAX_NODER) break;
    if (c.kind === "element") barn.push(franXml(c, raknare));
    else text += c.text;
  }
  const nod: Nod = { namn: e.local, barn };
  if (text.trim() && barn.every((b) => b.text !== undefined && b.barn.length === 0 && e.attrs.length >= 0)) {
    const inre = payloadNod(text, raknare);
    if (inre) nod.barn.push(...inre);
    else if (barn.length === 0) nod.text = text.trim();
  }
  return nod;
}

function franJson(namn: string, v: unknown, raknare: { n: number }): Nod[] {
  raknare.n += 1;
  if (raknare.n > MAX_NODER) return [];
  if (Array.isArray(v)) return v.flatMap((x) => franJson(namn, x, raknare));
  if (v && typeof v === "object")
    return [
      {
        namn,
        barn: Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => franJson(k, x, raknare)),
      },
    ];
  if (v === null || v === undefined) return [];
  return [{ namn, text: String(v), barn: [] }];
}

/** A payload carried in a text (base64 XML/JSON, XML in a string) as nodes, or undefined. */
function payloadNod(text: string, raknare: { n: number }): Nod[] | undefined {
  const t = text.trim();
  try {
    if (t.startsWith("<")) return [franXml(parseXml(t), raknare)];
    const kompakt = t.replace(/\s+/g, "");
    if (kompakt.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(kompakt)) {
      const a = Buffer.from(kompakt, "base64")
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .trim();
      if (a.startsWith("<")) return [franXml(parseXml(a), raknare)];
      if (a.startsWith("{") || a.startsWith("[")) return franJson("svar", JSON.parse(a), raknare);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Swedish labels of fields whose names do not read well on their own. */
const ETIKETTER: Record<string, string> = {
  Arbetssokande: "Inskriven som arbetssökande",
  ArbetssokandeSKAT: "Sökandekategori",
  ArbetssokandeRegistrerad: "Inskriven sedan",
  ArbetssokandeOmfattning: "Söker arbete, omfattning",
  AktivitetsRapportMeddelande: "Aktivitetsrapport",
  SenasteAktivitetsRapportDatum: "Senaste aktivitetsrapport",
  Akassetillhorighet: "A-kassa",
  StatusSokandeinformationKod: "Status",
  Sekretessmarkering: "Sekretessmarkering",
  ErsattningTyp: "Ersättning",
  stodform: "Stödform",
  status: "Status",
  takt: "Studietakt",
  gr_takt: "Takt för grundbidrag",
  soktomfattning: "Sökt omfattning",
  soktlan: "Lån",
  beloppstyp: "Beloppstyp",
  belopp: "Belopp",
  totbelopp: "Totalt",
  utbetdatum: "Utbetalningsdag",
  utbetstatus: "Utbetalning",
  ResultatKod: "Resultat",
  ResultatText: "Resultat (text)",
  resultat: "Resultat",
  regnr: "Registreringsnummer",
  fabrikat: "Fabrikat",
  fordonsar: "Årsmodell",
  fordonsslag: "Fordonsslag",
  handelsbeteckning: "Handelsbeteckning",
  anledning: "Anledning",
  arendeTyp: "Ärendetyp",
  beslutsKod: "Beslut",
  beslutsTyp: "Beslutstyp",
  giltighetstid: "Giltighetstid",
  beslutsdatum: "Beslutsdatum",
  inresedatum: "Inresedatum",
  hemland: "Hemland",
  StatusPersonuppgiftKod: "Status",
  SvarandeOrganisation: "A-kassa",
  StatusSvarandeOrganisation: "A-kassans svar",
  Utbetalningsdatum: "Utbetalningsdag",
  NettoEfterSkatt: "Netto efter skatt",
  NettoEfterAvdrag: "Netto efter avdrag",
  AntalErsattningsdagar: "Ersättningsdagar",
  tillstand: "Tillstånd",
  utlamnare: "Utlämnare",
  avvikelse: "Avvikelse",
  forman: "Förmån",
  formansfamilj: "Förmån",
  bruttobelopp: "Brutto",
  nettobelopp: "Netto",
  skattebelopp: "Skatt",
  avdragsbelopp: "Avdrag",
  beslutatBruttobelopp: "Beslutat belopp (brutto)",
  datum: "Datum",
  fattades: "Beslut fattat",
  startades: "Ärendet startat",
  aktivt: "Pågår",
  avslaget: "Avslaget",
  definitivt: "Slutligt beslut",
  periodicitet: "Periodicitet",
  foddes: "Född",
  skyddad: "Skyddad identitet",
  civilstand: "Civilstånd",
  typ: "Typ",
  foretag: "Utbetalare",
  lan: "Län",
  svarCollection: "Beslut",
  HemutrustningsLan: "Hemutrustningslån",
  Studiehjalp: "Studiehjälp",
  taljare: "Täljare",
  Fornamn: "Förnamn",
  fornamn: "Förnamn",
  ArbetssokandeInfo: "Arbetssökande",
  AktivetetsRapportDatum: "Aktivitetsrapportering",
  UtbetalningsPlan: "Utbetalningsplan",
  utdelningadress: "Utdelningsadress",
};

/** Readable words with å, ä, ö where the element names spell them a and o. */
const ORD: [RegExp, string][] = [
  [/sokande/g, "sökande"],
  [/ersattning/g, "ersättning"],
  [/arende/g, "ärende"],
  [/tillstand/g, "tillstånd"],
  [/forman/g, "förmån"],
  [/tillagg/g, "tillägg"],
  [/avstangning/g, "avstängning"],
  [/ansok/g, "ansök"],
  [/foretag/g, "företag"],
  [/utlamn/g, "utlämn"],
  [/stod/g, "stöd"],
  [/lon\b/g, "lön"],
  [/\bfor\b/g, "för"],
  [/\bpa\b/g, "på"],
  [/intakt/g, "intäkt"],
  [/overskott/g, "överskott"],
  [/faststalld/g, "fastställd"],
  [/forvarv/g, "förvärv"],
  [/taxeringsar/g, "taxeringsår"],
  [/\bsokt/g, "sökt"],
  [/ovrig/g, "övrig"],
  [/omstallning/g, "omställning"],
  [/folkbokford/g, "folkbokförd"],
  [/arbetsloshet/g, "arbetslöshet"],
  [/\bratt\b/g, "rätt"],
  [/inlamn/g, "inlämn"],
  [/manad/g, "månad"],
  [/forald/g, "föräld"],
  [/sjukpenninggrundande/g, "sjukpenninggrundande"],
];

function etikett(namn: string): string {
  const fast = ETIKETTER[namn];
  if (fast) return fast;
  let s = namn
    .replace(/_/g, " ")
    .replace(/([a-zåäö])([A-ZÅÄÖ])/g, "$1 $2")
    .toLowerCase();
  for (const [re, ord] of ORD) s = s.replace(re, ord);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Kodverk

interface KodverkTraff {
  falt: string[];
  koder: Map<string, string>;
}

const KODVERK_PER_SISTA = (() => {
  const m = new Map<string, KodverkTraff[]>();
  for (const k of KODVERK) {
    if (k.riktning !== "svar") continue;
    const koder = new Map(k.koder.map((x) => [x.kod, x.beskrivning] as const));
    for (const f of k.falt) {
      const delar = f.split(".");
      const sista = delar[delar.length - 1] as string;
      const lista = m.get(sista) ?? [];
      lista.push({ falt: delar, koder });
      m.set(sista, lista);
    }
  }
  return m;
})();

/** The label of a code at this path (names from the root), by the kodverk's `falt` suffixes. */
function kodetikett(path: readonly string[], kod: string): string | undefined {
  const kandidater = KODVERK_PER_SISTA.get(path[path.length - 1] as string);
  if (!kandidater) return undefined;
  for (const k of kandidater) {
    const n = k.falt.length;
    let passar = path.length >= n;
    for (let i = 0; passar && i < n; i++) if (path[path.length - n + i] !== k.falt[i]) passar = false;
    if (!passar) continue;
    const b = k.koder.get(kod) ?? k.koder.get(kod.trim());
    // A note on how the code is spelled ("tio blanksteg") is for developers, not caseworkers.
    if (b !== undefined) return b.replace(/\s*\((?:ett|två|tio) blanksteg\)/, "");
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Fields

/** Echoes of the question and technical identifiers: not what a caseworker reads. */
const UTELAMNA = new Set([
  "Fraga",
  "GemensamtFragaEkbistand",
  "GemensamtSvarEkbistand",
  "fraga",
  "Schemaversion",
  "schemaVersion",
  "SchemaVersion",
  "Referensnummer",
  "LagParagraf",
  "StatusSokandeinformationKodText",
  "OrganisationsnummerIngivare",
  "NamnIngivare",
  "KontonamnHandlaggare",
  "Syfte",
  "Paragraf",
  "korrelationsid",
  "correlationid",
  "Studiestodstypforteckning",
  "klartext",
  "beskrivning",
  "valuta",
  "sekel",
  "Status",
  "lopnummer",
  "Systemversion",
]);

/** Containers whose name adds nothing to a block's heading. */
const GENOMSKINLIGA = new Set([
  "CSNSvar",
  "Personer",
  "Person",
  "svar",
  "Svar",
  "SvarMeddelande",
  "SvarBeskattningsuppgifterEnligtSFS2008-975",
  "PersonuppgiftLista",
  "Personuppgift",
  "response",
  "formansinformation",
  "Arenden",
  "Beloppen",
  "soktaTider",
  "BeviljadeTider",
  "Utbetaldatider",
  "ArbetsloshetsersattningLista",
  "lefiJsonSvar",
]);

/** Fields holding the person's identity: shown once, masked, at the top. */
const IDENTITET =
  /^(IdentitetsbeteckningFysiskPerson|personnummer|Personnummer|IdentificationNumber|HushallsMedlemsId|personidentitet|Personidentitet|identitetsbeteckning)$/;

/** Fields that reveal who or where the person is: withheld under skyddad identitet. */
const SKYDDADE =
  /^(fornamn|efternamn|mellannamn|tilltalsnamn|namn|adress|utdelningsadress|postnummer|postort|folkbokforingsadress|c-?o-?adress)\d*$/i;

const PERIODPAR: [string, string][] = [
  ["From", "Tom"],
  ["from", "tom"],
  ["fromDatum", "tomDatum"],
  ["FromDatum", "TomDatum"],
  ["fran", "till"],
  ["starttid", "sluttid"],
  ["soktfrom", "sokttom"],
  ["startvecka", "slutvecka"],
  ["AvserFrom", "AvserTom"],
  ["PeriodFrom", "PeriodTom"],
  ["giltigFrom", "giltigTom"],
  ["fromDatum", "tomDatum"],
];

const BELOPP = /belopp|summa|netto|brutto|skatt$|avdrag$|amount|inkomst|kapital|^lon/i;
const PROCENT = /omfattning|takt$/i;
const DATUMNAMN = /datum|from|tom|start|slut|vecka|tid$|fran|till|dag$/i;

function formatera(path: readonly string[], namn: string, text: string): Rad {
  // CSN gives its amounts per week of study.
  const e = namn === "belopp" && path.includes("Beloppen") ? "Belopp per vecka" : etikett(namn);
  const kod = kodetikett(path, text);
  if (kod !== undefined) return { etikett: e, varde: kod, kod: text };
  const t = text.trim();
  if (t === "true") return { etikett: e, varde: "Ja" };
  if (t === "false") return { etikett: e, varde: "Nej" };
  if (/^\d{4}-\d{2}-\d{2}/.test(t) || (/^\d{8}$/.test(t) && DATUMNAMN.test(namn)))
    return { etikett: e, varde: svensktDatum(t) };
  if (BELOPP.test(namn) && /^-?\d+(?:[.,]\d+)?$/.test(t)) return { etikett: e, varde: kronor(t) };
  if (PROCENT.test(namn) && /^\d+$/.test(t)) return { etikett: e, varde: `${t} %` };
  return { etikett: e, varde: t };
}

const lov = (n: Nod) => n.text !== undefined && n.barn.length === 0;
const barnMed = (n: Nod, namn: string) => n.barn.find((b) => b.namn === namn);

/** A composite value read as one line: an amount {summa, valuta}, a code {id|kod, beskrivning}, a period. */
function sammansatt(path: readonly string[], n: Nod): Rad | undefined {
  if (!n.barn.every(lov) || n.barn.length === 0 || n.barn.length > 3) return undefined;
  const taljare = barnMed(n, "taljare");
  const namnare = barnMed(n, "namnare");
  if (taljare?.text !== undefined && namnare?.text !== undefined && Number(namnare.text) > 0)
    return {
      etikett: etikett(n.namn),
      varde: `${Math.round((Number(taljare.text) / Number(namnare.text)) * 100)} %`,
    };
  const summa = barnMed(n, "summa");
  if (summa?.text !== undefined) return { etikett: etikett(n.namn), varde: kronor(summa.text) };
  const kod = barnMed(n, "kod") ?? barnMed(n, "id");
  const text = barnMed(n, "beskrivning") ?? barnMed(n, "namn");
  if (kod?.text !== undefined) {
    const label = text?.text ?? kodetikett([...path, n.namn, kod.namn], kod.text);
    return { etikett: etikett(n.namn), varde: label ?? kod.text, kod: kod.text };
  }
  for (const [a, b] of PERIODPAR) {
    const f = barnMed(n, a);
    const t = barnMed(n, b);
    if ((f || t) && n.barn.every((x) => x === f || x === t))
      return { etikett: etikett(n.namn), varde: svenskPeriod(f?.text, t?.text) };
  }
  return undefined;
}

interface Las {
  skyddad: boolean;
  namn: string[];
}

/** A pair of sibling leaves that together are a period: `XFrom`/`XTom`, `xfran`/`xtill`, and the irregular ones. */
function periodpar(namn: ReadonlySet<string>): [string, string, string][] {
  const par: [string, string, string][] = [];
  const tagna = new Set<string>();
  const lagg = (a: string, b: string, prefix: string) => {
    if (tagna.has(a) || tagna.has(b) || !namn.has(a) || !namn.has(b)) return;
    tagna.add(a);
    tagna.add(b);
    par.push([a, b, prefix ? etikett(prefix) : "Period"]);
  };
  for (const [a, b] of PERIODPAR)
    lagg(a, b, /^(from|fran|fromDatum|From|FromDatum)$/.test(a) ? "" : a.replace(/from|start|fran/i, ""));
  for (const a of namn) {
    const m = /^(.*?)(From|from|Fran|fran)$/.exec(a);
    if (!m) continue;
    const prefix = m[1] as string;
    for (const slut of ["Tom", "tom", "Till", "till"]) lagg(a, `${prefix}${slut}`, prefix);
  }
  return par;
}

/** The lines of one node (its leaves, composite values and periods) and its other complex children. */
function raderAv(n: Nod, here: readonly string[], las: Las): { rader: Rad[]; komplexa: Nod[] } {
  const rader: Rad[] = [];
  const lovNamn = new Set(n.barn.filter(lov).map((b) => b.namn));
  const parad = new Set<string>();
  for (const [a, b, namn] of periodpar(lovNamn)) {
    parad.add(a);
    parad.add(b);
    rader.push({ etikett: namn || "Period", varde: svenskPeriod(barnMed(n, a)?.text, barnMed(n, b)?.text) });
  }
  const komplexa: Nod[] = [];
  for (const b of n.barn) {
    if (UTELAMNA.has(b.namn) || IDENTITET.test(b.namn) || parad.has(b.namn)) continue;
    // "anledningNamn" next to "anledning": the label is already shown (from the kodverk).
    if (lov(b) && /Namn$/.test(b.namn) && lovNamn.has(b.namn.slice(0, -4))) continue;
    if (lov(b)) {
      if (SKYDDADE.test(b.namn) && las.skyddad) {
        rader.push({ etikett: etikett(b.namn), varde: "Visas inte – skyddad identitet" });
        continue;
      }
      rader.push(formatera([...here, b.namn], b.namn, b.text as string));
      continue;
    }
    const s = sammansatt(here, b);
    if (s) rader.push(s);
    else komplexa.push(b);
  }
  return { rader, komplexa };
}

/** Repeated records (payments, days) from this many on are shown as one table. */
const TABELL_FRAN = 4;

function blockAv(n: Nod, path: string[], rubrik: string, ut: Block[], las: Las): void {
  if (ut.length > 200) return;
  const here = [...path, n.namn];
  const { rader, komplexa } = raderAv(n, here, las);
  if (rader.length) ut.push({ rubrik, rader });
  const grupper = new Map<string, Nod[]>();
  for (const k of komplexa) grupper.set(k.namn, [...(grupper.get(k.namn) ?? []), k]);
  const klara = new Set<string>();
  for (const k of komplexa) {
    if (klara.has(k.namn)) continue;
    const grupp = grupper.get(k.namn) as Nod[];
    const namn = etikett(k.namn);
    const under = (r: string) => (rubrik ? `${rubrik} › ${r}` : r);
    if (grupp.length >= TABELL_FRAN && !GENOMSKINLIGA.has(k.namn)) {
      const poster = grupp.map((g) => raderAv(g, [...here, g.namn], las));
      if (poster.every((x) => x.komplexa.length === 0)) {
        klara.add(k.namn);
        const kolumner: string[] = [];
        for (const x of poster)
          for (const r of x.rader) if (!kolumner.includes(r.etikett)) kolumner.push(r.etikett);
        ut.push({
          rubrik: `${under(namn)} (${grupp.length})`,
          rader: [],
          tabell: {
            kolumner,
            rader: poster.map((x) => kolumner.map((c) => x.rader.find((r) => r.etikett === c)?.varde ?? "")),
          },
        });
        continue;
      }
    }
    const i = grupp.indexOf(k) + 1;
    if (GENOMSKINLIGA.has(k.namn)) blockAv(k, here, rubrik, ut, las);
    else blockAv(k, here, under(grupp.length > 1 ? `${namn} ${i}` : namn), ut, las);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors in plain Swedish

/** What an error section means for the caseworker. */
export function forklaraFel(
  kod: BastjanstKod,
  kalla: "SSBT" | "BT",
  felkod: string,
): Omit<FelForklaring, "felmeddelande" | "kalla" | "felkod"> {
  const namn = SIMULATORER[kod].namn;
  if (kalla === "SSBT") {
    switch (felkod) {
      case SSBT_FELKOD.TIMEOUT:
        return {
          rubrik: `${namn} svarade inte i tid`,
          text: `Frågan skickades till ${namn}, men inget svar kom inom tidsgränsen. Svaret saknar därför uppgifter från ${namn} – det betyder inte att personen saknar uppgifter där.`,
          rad: "Försök igen om en stund. Kvarstår felet, kontakta er SSBTEK-förvaltning.",
        };
      case SSBT_FELKOD.STANGD:
        return {
          rubrik: `${namn} är stängd just nu`,
          text: `${namn} tar inte emot frågor just nu (utanför öppettid eller planerat avbrott). Uppgifter från ${namn} saknas i svaret.`,
          rad: "Försök igen när tjänsten är öppen (vardagar 08–17).",
        };
      case SSBT_FELKOD.EJ_NABAR:
        return {
          rubrik: `${namn} gick inte att nå`,
          text: `Den sammansatta bastjänsten fick ingen kontakt med ${namn}. Uppgifter från ${namn} saknas i svaret.`,
          rad: "Försök igen om en stund. Kvarstår felet, kontakta er SSBTEK-förvaltning.",
        };
      case SSBT_FELKOD.FELAKTIG_DELFRAGA:
        return {
          rubrik: `Frågan till ${namn} kunde inte ställas`,
          text: `Frågan innehöll något som ${namn} inte kan ta emot, så den skickades aldrig dit.`,
          rad: "Att försöka igen med samma fråga hjälper inte. Kontakta leverantören av ert verksamhetssystem.",
        };
      default:
        return {
          rubrik: `Uppgifter från ${namn} saknas`,
          text: `Den sammansatta bastjänsten kunde inte hämta uppgifter från ${namn}.`,
          rad: "Försök igen om en stund.",
        };
    }
  }
  const tekniskt = /MALFORMED|SOAP_FAULT|HTTP|5\d\d|INTERNT|-110[1-4]|^-1$/.test(felkod);
  const kodtext = kodetikett(["error", "felkod"], felkod) ?? kodetikett([kod, "error", "felkod"], felkod);
  return {
    rubrik: `${namn} kunde inte lämna uppgifter`,
    text: `${namn} svarade med ett fel${kodtext ? `: ${kodtext}` : ""}. Uppgifter från ${namn} saknas i svaret.`,
    rad: tekniskt
      ? "Felet är tekniskt hos myndigheten. Försök igen senare."
      : "Att försöka igen med samma fråga hjälper troligen inte. Kontrollera personidentitet och period.",
  };
}

// ---------------------------------------------------------------------------------------------

function harSkydd(n: Nod): boolean {
  const stack: Nod[] = [n];
  while (stack.length) {
    const x = stack.pop() as Nod;
    const v = x.text?.trim();
    if (v !== undefined) {
      if ((x.namn === "Sekretessmarkering" || x.namn === "skyddad") && v === "true") return true;
      if (x.namn === "sekretess" && v === "Ja") return true;
    }
    stack.push(...x.barn);
  }
  return false;
}

function personnamn(n: Nod): string | undefined {
  const stack: Nod[] = [n];
  while (stack.length) {
    const x = stack.shift() as Nod;
    const f = barnMed(x, "Fornamn") ?? barnMed(x, "fornamn");
    const e = barnMed(x, "Efternamn") ?? barnMed(x, "efternamn");
    if (f?.text && e?.text) return `${f.text} ${e.text}`;
    stack.push(...x.barn);
  }
  return undefined;
}

function ingaUppgifter(kod: BastjanstKod, block: Block[]): boolean {
  if (block.length === 0) return true;
  const rader = block.flatMap((b) => b.rader);
  const har = (etikettText: string, kodVarde: string) =>
    rader.some((r) => r.etikett === etikettText && (r.kod ?? r.varde) === kodVarde);
  if (kod === "AF") return har("Status", "1");
  if (kod === "CSN") return har("Resultat", "-2");
  if (kod === "SKV") return har("Status", "010");
  return false;
}

/**
 * The caseworker view of one composite answer (`svar`) to one question (`fraga`).
 *
 * @example
 * const vy = handlaggarvy(fraga, svar);
 * vy.myndigheter.find((m) => m.kod === "FK")?.block[0]?.rader // [{ etikett: "Brutto", varde: "1 300 kr" }, …]
 */
export function handlaggarvy(fraga: SsbtFraga, svar: SsbtSvar): Handlaggarvy {
  const g = fraga.generellaFrageparametrar;
  const raknare = { n: 0 };
  const trad = new Map<BastjanstKod, Nod>();
  for (const kod of BASTJANSTER) {
    const s = svar.svarsdata[kod];
    if (!s || "error" in s) continue;
    const delar = "data" in s ? s.data : s.delar;
    trad.set(kod, { namn: kod, barn: delar.map((d) => franXml(d, raknare)) });
  }
  const skyddad = [...trad.values()].some(harSkydd);
  const namn = skyddad ? undefined : [...trad.values()].map(personnamn).find((x) => x);
  const las: Las = { skyddad, namn: [] };
  const myndigheter: MyndighetVy[] = BASTJANSTER.map((kod) => {
    const myndighet = SIMULATORER[kod].namn;
    const s = svar.svarsdata[kod];
    if (!fraga.specifikaFrageparametrar[kod].inkludera || !s)
      return {
        kod,
        namn: myndighet,
        status: "ej-fragad",
        sammanfattning: "Ingick inte i frågan.",
        block: [],
      };
    if ("error" in s) {
      const f = forklaraFel(kod, s.error.kalla, s.error.felkod);
      return {
        kod,
        namn: myndighet,
        status: "fel",
        sammanfattning: f.rubrik,
        fel: { ...f, kalla: s.error.kalla, felkod: s.error.felkod, felmeddelande: s.error.felmeddelande },
        block: [],
      };
    }
    const block: Block[] = [];
    for (const d of (trad.get(kod) as Nod).barn)
      if (!UTELAMNA.has(d.namn))
        blockAv(d, [kod], GENOMSKINLIGA.has(d.namn) ? "" : etikett(d.namn), block, las);
    for (const b of block) if (!b.rubrik) b.rubrik = "Uppgifter";
    const inga = ingaUppgifter(kod, block);
    return {
      kod,
      namn: myndighet,
      status: inga ? "inga-uppgifter" : "uppgifter",
      sammanfattning: inga
        ? `${myndighet} har inga uppgifter om personen.`
        : `${myndighet} lämnade uppgifter för perioden.`,
      block,
    };
  });
  const fragade = myndigheter.filter((m) => m.status !== "ej-fragad");
  const fel = fragade.filter((m) => m.status === "fel");
  const sammanfattning =
    fel.length === 0
      ? `Alla ${fragade.length} tillfrågade myndigheter svarade.`
      : `${fragade.length - fel.length} av ${fragade.length} myndigheter svarade. Uppgifter saknas från ${fel.map((m) => m.namn).join(", ")}.`;
  const period = svenskPeriod(g.tidsperiod.fromDatum, g.tidsperiod.tomDatum);
  const vy: Handlaggarvy = {
    rubrik: `Uppgifter om ${maskera(g.personidentitet)} för ${period}`,
    personidentitet: maskera(g.personidentitet),
    ...(namn ? { namn } : {}),
    skyddadIdentitet: skyddad,
    period,
    fragadAv: `${g.ingivare.namn}, handläggare ${g.ingivare.handlaggare}`,
    sammanfattning,
    myndigheter,
  };
  return maskeraDjupt(vy);
}
