import afSvar from "../../fixtures/faltregler/af-svar.json" with { type: "json" };
import csnSvar from "../../fixtures/faltregler/csn-svar.json" with { type: "json" };
import lefiSvar from "../../fixtures/faltregler/lefi-svar.json" with { type: "json" };
import mivSvar from "../../fixtures/faltregler/miv-svar.json" with { type: "json" };
import skvSvar from "../../fixtures/faltregler/skv-svar.json" with { type: "json" };
import soSvar from "../../fixtures/faltregler/so-svar.json" with { type: "json" };
import ssbtFraga from "../../fixtures/faltregler/ssbt-fraga.json" with { type: "json" };
import ssbtSvar from "../../fixtures/faltregler/ssbt-svar.json" with { type: "json" };
import ssbtV11Fraga from "../../fixtures/faltregler/ssbt-v11-fraga.json" with { type: "json" };
import ssbtV11Svar from "../../fixtures/faltregler/ssbt-v11-svar.json" with { type: "json" };
import tnsSvar from "../../fixtures/faltregler/tns-svar.json" with { type: "json" };
import { KODVERK } from "../../fixtures/kodverk/index.js";
import { HarnessError } from "../errors.js";
import { SSBT_FELKOD } from "../ssbt/felkoder.js";
import { BASTJANSTER, type KontraktVersion } from "../ssbt/model.js";
import { KORSREGLER } from "./korsregler.js";
import {
  FALT_TYPER,
  type Faltregel,
  type Faltregeltabell,
  type HarleddFaltregeltabell,
  type Korsregel,
} from "./model.js";
import { parentPath } from "./navigering.js";

/** What was wrong when a derived table was resolved, by table id (reported by {@link tabellfel}). */
const harledningsfel = new Map<string, string[]>();

function ersattKalla<T extends { kalla: string }>(x: T, ersatt: Readonly<Record<string, string>>): T {
  let kalla = x.kalla;
  for (const [fran, till] of Object.entries(ersatt)) kalla = kalla.replaceAll(fran, till);
  return kalla === x.kalla ? x : { ...x, kalla };
}

/** The base's items without `utan`, each replaced by this table's item of the same id, new ones after their predecessor. */
function sammanfoga<T extends { id: string; kalla: string }>(
  bas: readonly T[],
  egna: readonly T[],
  h: HarleddFaltregeltabell,
  fel: string[],
): T[] {
  const utan = new Set(h.utan ?? []);
  const ersatt = h.kallaErsatt ?? {};
  const ut = bas.filter((x) => !utan.has(x.id)).map((x) => ersattKalla(x, ersatt));
  let forra = -1;
  for (const e of egna) {
    if (utan.has(e.id)) fel.push(`${h.id} ${e.id}: both left out (utan) and given`);
    const i = ut.findIndex((x) => x.id === e.id);
    if (i >= 0) {
      ut[i] = e;
      forra = i;
    } else {
      forra = forra < 0 ? ut.length : forra + 1;
      ut.splice(forra, 0, e);
    }
  }
  return ut;
}

/**
 * Resolves a table written as changes to its base (see {@link HarleddFaltregeltabell}) into a
 * full table.
 *
 * @example
 * harledTabell(ssbtSvar, { id: "ssbt-v11-svar", grund: "ssbt-svar", utan: ["SSBT.svar.SKV.data"], falt: [], korsregler: [] })
 */
export function harledTabell(bas: Faltregeltabell, h: HarleddFaltregeltabell): Faltregeltabell {
  const fel: string[] = [];
  if (h.grund !== bas.id) fel.push(`${h.id}: grund ${h.grund} is not ${bas.id}`);
  const kanda = new Set([...bas.falt.map((r) => r.id), ...bas.korsregler.map((k) => k.id)]);
  for (const id of h.utan ?? []) if (!kanda.has(id)) fel.push(`${h.id}: utan ${id} is no row of ${bas.id}`);
  const { utan: _utan, kallaErsatt: _kallaErsatt, falt, korsregler, ...egna } = h;
  const t: Faltregeltabell = {
    ...bas,
    ...egna,
    grund: bas.id,
    falt: sammanfoga<Faltregel>(bas.falt, falt, h, fel),
    korsregler: sammanfoga<Korsregel>(bas.korsregler, korsregler, h, fel),
  };
  if (fel.length > 0) harledningsfel.set(t.id, fel);
  return t;
}

const SSBT_FRAGA = ssbtFraga as Faltregeltabell;
const SSBT_SVAR = ssbtSvar as Faltregeltabell;

/**
 * Every table, in the order of the docs: the question and the answer of ssbt/10, of ssbt/11
 * (derived from ssbt/10's), then each bastjänst's answer.
 */
export const FALTREGELTABELLER: readonly Faltregeltabell[] = [
  SSBT_FRAGA,
  SSBT_SVAR,
  harledTabell(SSBT_FRAGA, ssbtV11Fraga as HarleddFaltregeltabell),
  harledTabell(SSBT_SVAR, ssbtV11Svar as HarleddFaltregeltabell),
  afSvar,
  csnSvar,
  lefiSvar,
  skvSvar,
  soSvar,
  tnsSvar,
  mivSvar,
] as Faltregeltabell[];

/**
 * The table of the composite question or answer of a contract version: ssbt/10's, or ssbt/11's —
 * also for the draft `utkast`, whose question and answer are ssbt/11's in its own namespace (AF's
 * extension sits in ers_stod's open `xs:any`).
 *
 * @example
 * ssbtTabell("v11", "svar") // "ssbt-v11-svar"
 */
export function ssbtTabell(version: KontraktVersion, meddelande: "fraga" | "svar"): string {
  return `${version === "v10" ? "ssbt" : "ssbt-v11"}-${meddelande}`;
}

/** The table ids (file names under fixtures/faltregler without `.json`). */
export const TABELL_IDN: readonly string[] = FALTREGELTABELLER.map((t) => t.id);

const PAYLOAD = ["base64Xml", "base64Json", "xmlString"];
const SSBT_KODER: readonly string[] = Object.values(SSBT_FELKOD);

/**
 * Everything wrong with a table's own shape (not with a message): unknown types, kodverk or
 * cross-field rules, paths without a parent field, duplicate ids, bad regular expressions.
 * Empty when the table is sound.
 *
 * @example
 * tabellfel(hamtaTabell("csn-svar")) // []
 */
export function tabellfel(
  t: Faltregeltabell,
  alla: readonly Faltregeltabell[] = FALTREGELTABELLER,
): string[] {
  const fel: string[] = [...(harledningsfel.get(t.id) ?? [])];
  const ids = new Set<string>();
  const rot = t.format === "xml" ? `/${t.rot}` : "";
  if (t.format === "xml" && !t.rot) fel.push(`${t.id}: an XML table needs rot`);
  const foraldrar = new Set<string>([rot]);
  for (const r of t.falt)
    if (r.typ === "complex" || r.typ === "empty" || (PAYLOAD.includes(r.typ) && !r.meddelande))
      foraldrar.add(r.path);
  const paths = new Set(t.falt.map((r) => r.path));
  for (const r of t.falt) {
    const where = `${t.id} ${r.id}`;
    if (ids.has(r.id)) fel.push(`${where}: duplicate id`);
    ids.add(r.id);
    if (!(FALT_TYPER as readonly string[]).includes(r.typ)) fel.push(`${where}: unknown typ ${r.typ}`);
    if (!r.path.startsWith(`${rot}/`)) fel.push(`${where}: path ${r.path} must start with ${rot}/`);
    if (!foraldrar.has(parentPath(r.path)))
      fel.push(`${where}: parent of ${r.path} is not a complex or payload field`);
    if (!(Number.isInteger(r.min) && r.min >= 0)) fel.push(`${where}: min must be an integer ≥ 0`);
    if (r.max !== "unbounded" && !(Number.isInteger(r.max) && r.max >= Math.max(1, r.min)))
      fel.push(`${where}: max must be "unbounded" or an integer ≥ max(1, min)`);
    if (r.max !== 1 && !r.path.endsWith("[]") && !r.path.split("/").pop()!.startsWith("@"))
      fel.push(`${where}: a field that may repeat needs [] in its path`);
    if (r.format !== undefined)
      try {
        new RegExp(r.format, "u");
      } catch {
        fel.push(`${where}: format is not a regular expression`);
      }
    if (r.kodverk !== undefined && !KODVERK.some((k) => k.id === r.kodverk))
      fel.push(`${where}: unknown kodverk ${r.kodverk}`);
    if (r.meddelande !== undefined && !alla.some((x) => x.id === r.meddelande))
      fel.push(`${where}: unknown meddelande ${r.meddelande}`);
    if ((r.typ === "xml") !== (r.meddelande !== undefined && !PAYLOAD.includes(r.typ)))
      fel.push(`${where}: typ xml needs meddelande (and only payload types may have one otherwise)`);
    if (r.bastjanst !== undefined && !(BASTJANSTER as readonly string[]).includes(r.bastjanst))
      fel.push(`${where}: unknown bastjanst ${r.bastjanst}`);
    if (r.vidBrott && "fault" in r.vidBrott && !SSBT_KODER.includes(r.vidBrott.fault))
      fel.push(`${where}: vidBrott.fault ${r.vidBrott.fault} is not an SSBT_FELKOD`);
    if (!r.beskrivning || !r.kalla) fel.push(`${where}: beskrivning and kalla are required`);
  }
  for (const k of t.korsregler) {
    const where = `${t.id} ${k.id}`;
    if (ids.has(k.id)) fel.push(`${where}: duplicate id`);
    ids.add(k.id);
    if (!Object.hasOwn(KORSREGLER, k.regel)) fel.push(`${where}: unknown cross-field rule ${k.regel}`);
    if (k.paths.length === 0) fel.push(`${where}: paths must not be empty`);
    for (const p of k.paths) if (!paths.has(p)) fel.push(`${where}: path ${p} is not a field of the table`);
    if (k.vidBrott && "fault" in k.vidBrott && !SSBT_KODER.includes(k.vidBrott.fault))
      fel.push(`${where}: vidBrott.fault ${k.vidBrott.fault} is not an SSBT_FELKOD`);
    if (!k.beskrivning || !k.kalla) fel.push(`${where}: beskrivning and kalla are required`);
  }
  if (t.grund !== undefined && !alla.some((x) => x.id === t.grund))
    fel.push(`${t.id}: grund ${t.grund} is not a table`);
  if (t.inkluderadVia !== undefined && !paths.has(t.inkluderadVia.replace("{kod}", "AF")))
    fel.push(`${t.id}: inkluderadVia ${t.inkluderadVia} is not a field`);
  return fel;
}

const kontrollerade = new Set<string>();

/**
 * A table by id. Unknown id → HarnessError; a table whose own shape is broken → HarnessError
 * listing what to fix (checked once per table).
 *
 * @example
 * hamtaTabell("ssbt-fraga").falt.length
 */
export function hamtaTabell(id: string): Faltregeltabell {
  const t = FALTREGELTABELLER.find((x) => x.id === id);
  if (!t)
    throw new HarnessError(
      "FALTREGEL_OKAND_TABELL",
      `Unknown field-rule table "${id}": use one of ${TABELL_IDN.join(", ")}.`,
      {
        tableId: id,
      },
    );
  if (!kontrollerade.has(id)) {
    const fel = tabellfel(t);
    if (fel.length > 0)
      throw new HarnessError(
        "FALTREGEL_TABELLFEL",
        `fixtures/faltregler/${id}.json is broken: ${fel.join("; ")}`,
        { tableId: id },
      );
    kontrollerade.add(id);
  }
  return t;
}
