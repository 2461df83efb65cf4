import { svenskTid } from "../../contract/kalender.js";
import {
  arGiltigPersonidentitet,
  harRimligtDatum,
  maskera,
  maskeraText,
} from "../../contract/personidentitet.js";
import { encodeSkvException } from "../../contract/skv/codec.js";
import type { FragaBeskattningsuppgifter } from "../../contract/skv/model.js";
import type { SoapFault } from "../../contract/soap/envelope.js";

/** The version string Skatteverket puts in every fault (`Systemversion`, 1–100 characters). */
export const SYSTEMVERSION = "ZgBsBeskattningWS 10.4.2 (simulerad, ssbtek-harness)";

/**
 * Skatteverket's fault codes (`MeddelandeKod`, 9071000–9071999; kodverk `SKV.MeddelandeKod`).
 * Codes below 9071500 are the asker's fault (SOAP `Client`), from 9071500 Skatteverket's own (`Server`).
 */
export const MEDDELANDEKOD = {
  /** Not 12 digits, no real birth date, or wrong check digit. */
  ogiltigIdentitetsbeteckning: 9071001,
  /** The SOAP message or the `forfragan` document cannot be read or breaks the schema. */
  felaktigForfragan: 9071002,
  /** The ingivare's (or a processor's) organisationsnummer is not one Skatteverket answers. */
  ejBehorigIngivare: 9071003,
  /** An asked income year has not ended, or is older than Skatteverket gives out. */
  felaktigtInkomstar: 9071004,
  /** Technical error or planned maintenance: try again later. */
  teknisktFel: 9071500,
} as const;

/** How many ended income years back Skatteverket gives out under SFS 2008:975 (our model). */
export const ANTAL_AR_BAKAT = 6;

const ORGANISATIONSNUMMER = /^\d{4}[2-9]\d{7}$/;

/**
 * Skatteverket's SOAP Fault: `faultstring` and `Exception/MeddelandeText` carry the same text,
 * masked (no personnummer ever leaves in a fault) and cut to the schema's 300 characters.
 *
 * @example
 * skvFel(MEDDELANDEKOD.felaktigForfragan, "Förfrågan kunde inte tolkas.")
 */
export function skvFel(kod: number, text: string): SoapFault {
  const meddelande = maskeraText(text).slice(0, 300);
  return {
    faultcode: kod >= MEDDELANDEKOD.teknisktFel ? "Server" : "Client",
    faultstring: meddelande,
    detail: encodeSkvException({
      MeddelandeKod: kod,
      MeddelandeText: meddelande,
      Systemversion: SYSTEMVERSION,
    }),
  };
}

/** 9071002 for a request that is not usable SOAP or breaks the schema; `orsak` says what was wrong. */
export function felaktigForfragan(orsak: string): SoapFault {
  return skvFel(MEDDELANDEKOD.felaktigForfragan, `Felaktig förfrågan: ${orsak}`);
}

/** 9071500 for an unexpected failure inside the simulated bastjänst. */
export function teknisktFel(): SoapFault {
  return skvFel(MEDDELANDEKOD.teknisktFel, "Tekniskt fel hos Skatteverket. Försök igen senare.");
}

/**
 * Skatteverket's planned maintenance window: Sundays 02:00–03:59 Swedish time every request gets
 * 9071500. Deterministic: it follows the simulator clock (`ctx.now()`), never the wall clock.
 *
 * @example
 * iServicefonster(new Date("2026-11-22T02:30:00+01:00")) // true (a Sunday)
 */
export function iServicefonster(now: Date): boolean {
  const t = svenskTid(now);
  return t.veckodag === 7 && t.timme >= 2 && t.timme < 4;
}

/** The maintenance fault. */
export function servicefonsterFel(): SoapFault {
  return skvFel(
    MEDDELANDEKOD.teknisktFel,
    "Tjänsten är tillfälligt stängd för planerat underhåll (söndagar 02.00–04.00). Försök igen senare.",
  );
}

/**
 * Skatteverket's own checks of a well-formed question, in the order Skatteverket makes them:
 * ingivare (9071003), identity (9071001), income years (9071004). Undefined when the question
 * may be answered.
 *
 * @example
 * kontrolleraFraga(fraga, ctx.now()) // undefined, or the fault to send
 */
export function kontrolleraFraga(fraga: FragaBeskattningsuppgifter, now: Date): SoapFault | undefined {
  if (!ORGANISATIONSNUMMER.test(fraga.Ingivare.OrganisationsnummerIngivare))
    return skvFel(
      MEDDELANDEKOD.ejBehorigIngivare,
      "Ingivaren saknar behörighet: OrganisationsnummerIngivare är inte ett organisationsnummer (12 siffror, mönster NNNN[2-9]NNNNNNN).",
    );
  const bitrade = fraga.PersonuppgiftsbitradeLista.findIndex(
    (p) => !ORGANISATIONSNUMMER.test(p.Organisationsnummer),
  );
  if (bitrade >= 0)
    return skvFel(
      MEDDELANDEKOD.ejBehorigIngivare,
      `Personuppgiftsbiträde ${bitrade + 1} saknar behörighet: Organisationsnummer är inte ett organisationsnummer.`,
    );

  const id = fraga.IdentitetsbeteckningFysiskPerson;
  if (!/^\d{12}$/.test(id))
    return skvFel(
      MEDDELANDEKOD.ogiltigIdentitetsbeteckning,
      "Ogiltig identitetsbeteckning: ska vara 12 siffror (ÅÅÅÅMMDDNNNK).",
    );
  if (!harRimligtDatum(id))
    return skvFel(
      MEDDELANDEKOD.ogiltigIdentitetsbeteckning,
      `Ogiltig identitetsbeteckning ${maskera(id)}: datumdelen är inget datum.`,
    );
  if (!arGiltigPersonidentitet(id))
    return skvFel(
      MEDDELANDEKOD.ogiltigIdentitetsbeteckning,
      `Ogiltig identitetsbeteckning ${maskera(id)}: fel kontrollsiffra.`,
    );

  const iAr = svenskTid(now).ar;
  for (const ar of fraga.Inkomstar) {
    if (ar >= iAr)
      return skvFel(
        MEDDELANDEKOD.felaktigtInkomstar,
        `Inkomstår ${ar} är inte avslutat; beskattningsuppgifter finns inte.`,
      );
    if (ar < iAr - ANTAL_AR_BAKAT)
      return skvFel(
        MEDDELANDEKOD.felaktigtInkomstar,
        `Inkomstår ${ar} lämnas inte ut: uppgifter lämnas för högst ${ANTAL_AR_BAKAT} avslutade inkomstår.`,
      );
  }
  return undefined;
}
