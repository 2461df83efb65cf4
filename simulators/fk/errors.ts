import { encodeLefiFelsvar, LEFI_JSON_CONTENT_TYPE } from "../../contract/fk/codec.js";
import {
  LEFI_EXTERN_FORMAN_GRUPP_KODER,
  LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER,
  LEFI_FK_FORMAN_GRUPP_KODER,
  LEFI_PM_FORMAN_GRUPP_KODER,
  type LefiExternFormansinformationFraga,
  type LefiPeriod,
} from "../../contract/fk/model.js";
import { laggTillManader } from "../../contract/kalender.js";
import { maskeraText } from "../../contract/personidentitet.js";
import { response, type SimResponse } from "../endpoint.js";

/**
 * LEFI's own error behaviour. LEFI answers errors with an HTTP status and a `LefiFelsvar`
 * (`meddelande` in Swedish, never personal data; `timestamp`):
 *
 * | status | when |
 * |---|---|
 * | 400 | body is not JSON, breaks `LefiExternFormansinformationFraga`, names no förmånsgrupp/informationstyp, `from` after `tom`, or a period longer than two years |
 * | 403 | `aktorsId` unknown or not one the caller may represent |
 * | 404 | a LEFI version that does not exist (only `v9` is served) |
 * | 415 | the body is not sent as `application/json` |
 * | 500 | unexpected failure inside the simulated LEFI |
 *
 * Authorisation of single information types is not an error: a type the aktör may not see gives
 * an `OBEHORIG` avvikelse in a 200 answer (see `data.ts`).
 */

/** The information classes of a LEFI question (the array properties of the question). */
export const LEFI_KLASSER = [
  "formansinformation",
  "ansprak",
  "beslut",
  "preliminaraUtbetalningar",
  "utbetalningar",
  "ovrigInformation",
] as const;
export type LefiKlass = (typeof LEFI_KLASSER)[number];

/** What an aktör may fetch, per information class. */
export type LefiBehorighet = Readonly<Record<LefiKlass, ReadonlySet<string>>>;

/** An aktör known to the simulated LEFI. */
export interface LefiAktor {
  aktorsId: string;
  namn: string;
  behorighet: LefiBehorighet;
}

function behorighet(utan: readonly string[] = [], endast?: readonly string[]): LefiBehorighet {
  const filter = (koder: readonly string[]) =>
    new Set(koder.filter((k) => !utan.includes(k) && (endast === undefined || endast.includes(k))));
  return {
    formansinformation: filter(LEFI_FK_FORMAN_GRUPP_KODER),
    ansprak: filter(LEFI_PM_FORMAN_GRUPP_KODER),
    beslut: filter(LEFI_PM_FORMAN_GRUPP_KODER),
    preliminaraUtbetalningar: filter(LEFI_EXTERN_FORMAN_GRUPP_KODER),
    utbetalningar: filter(LEFI_EXTERN_FORMAN_GRUPP_KODER),
    ovrigInformation: filter(LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER),
  };
}

// A social-services aktör may see what matters for ekonomiskt bistånd (11 kap. 11 a § SoL), which
// in our model is everything except Försäkringskassan's skatteuppgift (skatteredovisningsnummer).
const SOCIALTJANST = behorighet(["FK:SKUP"]);

/**
 * The aktörer the simulated LEFI knows. `026-51` is the aktör the real reference client
 * (Sundsvalls kommun) sends; `9255f428-…` is the example aktör of the LEFI v9 spec.
 */
export const LEFI_AKTORER: readonly LefiAktor[] = [
  { aktorsId: "026-51", namn: "Sundsvalls kommun, socialtjänsten", behorighet: SOCIALTJANST },
  {
    aktorsId: "9255f428-4ba0-63ce-5407-e65d469fac0f",
    namn: "Exempelaktör (full behörighet)",
    behorighet: behorighet(),
  },
  { aktorsId: "TEST-SOC-01", namn: "Testkommunen, socialnämnden", behorighet: SOCIALTJANST },
  { aktorsId: "TEST-SOC-02", namn: "Testkommunen, arbetsmarknadsnämnden", behorighet: SOCIALTJANST },
  {
    aktorsId: "TEST-BEGRANSAD",
    namn: "Testaktör med begränsad behörighet",
    behorighet: behorighet([], ["FK:BOB", "FK:ABB", "FK:GEPI"]),
  },
];

/**
 * The aktör with this id, or undefined (unknown aktör → 403).
 *
 * @example
 * hittaAktor("026-51")?.namn // "Sundsvalls kommun, socialtjänsten"
 */
export function hittaAktor(aktorsId: string): LefiAktor | undefined {
  return LEFI_AKTORER.find((a) => a.aktorsId === aktorsId);
}

/** Texts of LEFI's error answers (Swedish, no personal data). */
export const LEFI_FELMEDDELANDE = {
  OKAND_AKTOR: "Aktören är okänd eller får inte företrädas av anroparen.",
  OKAND_VERSION: "Det finns ingen sådan version av LEFI extern: Förmånsinformation.",
  FEL_MEDIETYP: "Frågan måste skickas som application/json.",
  INTE_JSON: "Frågan är inte giltig JSON.",
  INGEN_INFORMATIONSTYP: "Frågan anger ingen förmånsgrupp eller typ av övrig information.",
  OMVAND_PERIOD: "Periodens första datum ligger efter dess sista datum.",
  FOR_LANG_PERIOD: "Perioden är längre än två år.",
  INTERNT_FEL: "Ett internt fel uppstod. Försök igen senare.",
} as const;

/**
 * A LEFI error answer: the status and a `LefiFelsvar` JSON body. The message is masked once more
 * so a personnummer can never leak through it.
 *
 * @example
 * lefiFelsvar(403, LEFI_FELMEDDELANDE.OKAND_AKTOR, ctx.now())
 */
export function lefiFelsvar(status: number, meddelande: string, now: Date): SimResponse {
  const body = encodeLefiFelsvar({ meddelande: maskeraText(meddelande), timestamp: now.toISOString() });
  return response(status, LEFI_JSON_CONTENT_TYPE, body);
}

/**
 * The day two years after `from` (LEFI's limit: a longer period is rejected), clamped to the
 * month's end: the shared calendar's month arithmetic.
 *
 * @example
 * tvaArEfter("2024-02-29") // "2026-02-28"
 */
export function tvaArEfter(from: string): string {
  return laggTillManader(from, 24);
}

/**
 * What is wrong with the asked period, or undefined. A period is "longer than two years" when
 * `tom` reaches the same date two years after `from` (2024-01-01–2025-12-31 is allowed,
 * 2024-01-01–2026-01-01 is not).
 *
 * @example
 * periodfel({ from: "2024-01-01", tom: "2026-01-01" }) // "Perioden är längre än två år."
 */
export function periodfel(period: LefiPeriod): string | undefined {
  // YYYY-MM-DD strings sort as dates.
  if (period.from > period.tom) return LEFI_FELMEDDELANDE.OMVAND_PERIOD;
  if (period.tom >= tvaArEfter(period.from)) return LEFI_FELMEDDELANDE.FOR_LANG_PERIOD;
  return undefined;
}

/** True when the question names at least one förmånsgrupp or type of övrig information. */
export function fragarNagot(fraga: LefiExternFormansinformationFraga): boolean {
  return LEFI_KLASSER.some((k) => (fraga[k]?.length ?? 0) > 0);
}
