import { isHarnessError } from "../../contract/errors.js";
import { svenskDag } from "../../contract/kalender.js";
import { encodeBeskattningsuppgifterResponse } from "../../contract/skv/codec.js";
import { decodeFragaV11, encodeSvarV11 } from "../../contract/skv/v11-codec.js";
import {
  DELFELKOD,
  type DelFel,
  type DelSvar,
  type FragaSkatteuppgifterV11,
  SKV_V11_VERSION,
  type SkvBlock,
  type SvarSkatteuppgifterV11,
} from "../../contract/skv/v11-model.js";
import type { SimulatorContext } from "../context.js";
import type { Persona } from "../population/persona.js";
import type { SoapOutcome } from "../soap-endpoint.js";
import { kanInteLasas } from "./data.js";
import { ANTAL_AR_BAKAT, felaktigForfragan, kontrolleraFraga, teknisktFel } from "./errors.js";
import {
  arsberakning,
  bilagorFor,
  foretagFor,
  individuppgifterFor,
  type SkvPersonV11,
  skattekonto,
  skvPersonV11,
} from "./v11-data.js";

/**
 * True when a `forfragan` carries a v11 question (a JSON document) rather than the v10 XML one.
 *
 * @example
 * arV11Forfragan('{"version":11,…}') // true
 */
export function arV11Forfragan(forfragan: string): boolean {
  return forfragan.trimStart().startsWith("{");
}

/**
 * Skatteverket's checks of the whole v11 question, as in v10 and in the same order: ingivare and
 * processors (9071003), then the identity (9071001). Years are checked per part instead.
 *
 * @example
 * kontrolleraFragaV11(fraga, ctx.now()) // undefined, or the fault to send
 */
export function kontrolleraFragaV11(fraga: FragaSkatteuppgifterV11, now: Date) {
  return kontrolleraFraga(
    {
      Ingivare: {
        OrganisationsnummerIngivare: fraga.ingivare.organisationsnummer,
        NamnIngivare: fraga.ingivare.namn,
        Handlaggare: fraga.ingivare.handlaggare,
      },
      PersonuppgiftsbitradeLista: fraga.personuppgiftsbitraden.map((p) => ({
        Organisationsnummer: p.organisationsnummer,
        Namn: p.namn,
      })),
      Referensnummer: fraga.referensnummer,
      Syfte: fraga.syfte,
      Lagrum: fraga.lagrum,
      IdentitetsbeteckningFysiskPerson: fraga.personidentitet,
      Frageperiod: { FromDatum: fraga.frageperiod.fromDatum, TomDatum: fraga.frageperiod.tomDatum },
      Inkomstar: [],
    },
    now,
  );
}

/** Blocks whose content is per decided income year (the year must have ended and be decided). */
const BESLUTADE_BLOCK: ReadonlySet<SkvBlock> = new Set(["skatteuppgifter", "beskattningsbilagor"]);

/**
 * Why one asked year cannot be given in one block, or undefined. Every year-bound block refuses a
 * year older than {@link ANTAL_AR_BAKAT} ended years (9071004); individuppgifter and skattekonto
 * give the current year so far but not a later one (9071004); skatteuppgifter and
 * beskattningsbilagor need the year ended (9071004) and its final tax decided (9071005).
 *
 * @example
 * arsfel("skatteuppgifter", 2025, person) // { kod: 9071005, text: "Slutlig skatt för inkomstår 2025 är inte beslutad än …" }
 */
export function arsfel(block: SkvBlock, ar: number, person: SkvPersonV11): DelFel | undefined {
  if (block === "foretagsinformation") return undefined;
  const iAr = person.senaste + 1;
  if (ar < iAr - ANTAL_AR_BAKAT)
    return {
      kod: DELFELKOD.felaktigtInkomstar,
      text: `Inkomstår ${ar} lämnas inte ut: uppgifter lämnas för högst ${ANTAL_AR_BAKAT} avslutade inkomstår.`,
    };
  if (!BESLUTADE_BLOCK.has(block)) {
    if (ar > iAr)
      return {
        kod: DELFELKOD.felaktigtInkomstar,
        text: `Inkomstår ${ar} har inte börjat; ${block} finns inte.`,
      };
    return undefined;
  }
  if (ar >= iAr)
    return {
      kod: DELFELKOD.felaktigtInkomstar,
      text: `Inkomstår ${ar} är inte avslutat; slutlig skatt och bilagor finns inte.`,
    };
  const beslut = arsberakning(person, ar)?.beskattning.beslutsdatum;
  if (beslut && beslut > person.idag)
    return {
      kod: DELFELKOD.ejBeslutad,
      text: `Slutlig skatt för inkomstår ${ar} är inte beslutad än (beslut senast ${beslut}).`,
    };
  return undefined;
}

function delFor<B extends SkvBlock>(
  block: B,
  fraga: FragaSkatteuppgifterV11,
  person: SkvPersonV11,
): DelSvar<B> {
  const felen = fraga.inkomstar
    .map((y) => arsfel(block, y, person))
    .filter((f): f is DelFel => f !== undefined);
  if (felen.length > 0)
    return {
      fel: {
        kod: felen[0]!.kod,
        text: felen
          .map((f) => f.text)
          .join(" ")
          .slice(0, 300),
      },
    };
  const huvud = { personidentitet: person.personidentitet, statuskod: person.statuskod };
  const ar = fraga.inkomstar;
  const delar: { [K in SkvBlock]: () => DelSvar<K> } = {
    foretagsinformation: () => ({ data: { ...huvud, foretag: foretagFor(person) } }),
    individuppgifter: () => ({
      data: { ...huvud, inkomstar: [...ar], redovisningar: individuppgifterFor(person, ar) },
    }),
    skattekonto: () => {
      const konto = skattekonto(person);
      return {
        data: {
          ...huvud,
          saldo: konto.saldo,
          saldodatum: person.idag,
          inkomstar: [...ar],
          transaktioner: konto.transaktioner.filter((t) =>
            ar.includes(Number(t.transaktionsdatum.slice(0, 4))),
          ),
        },
      };
    },
    skatteuppgifter: () => ({
      data: {
        ...huvud,
        beskattningar: ar.flatMap((y) => {
          const b = arsberakning(person, y);
          return b ? [b.beskattning] : [];
        }),
      },
    }),
    beskattningsbilagor: () => ({ data: { ...huvud, bilagor: ar.flatMap((y) => bilagorFor(person, y)) } }),
  };
  return delar[block]();
}

/**
 * Builds the v11 answer for a checked question: one part per asked block, each its document or
 * its own error. Pure: depends only on the question, the persona (or none), the seed and `now`.
 *
 * @example
 * byggSvarV11(fraga, ctx.population.hitta(fraga.personidentitet, svenskDag(ctx.now())), ctx).delar.skattekonto
 */
export function byggSvarV11(
  fraga: FragaSkatteuppgifterV11,
  persona: Persona | undefined,
  ctx: SimulatorContext,
): SvarSkatteuppgifterV11 {
  const person = skvPersonV11(fraga.personidentitet, persona, ctx);
  const delar: SvarSkatteuppgifterV11["delar"] = {};
  const satt = <B extends SkvBlock>(b: B) => {
    (delar as Record<B, DelSvar<B>>)[b] = delFor(b, fraga, person);
  };
  for (const b of fraga.block) satt(b);
  return { version: SKV_V11_VERSION, personidentitet: fraga.personidentitet, delar };
}

/**
 * Answers a v11 `forfragan` (the maintenance window is checked by the caller): strict decoding
 * (9071002), the whole-question checks (9071003, 9071001), then the parts. Never throws; an
 * unexpected failure is 9071500.
 *
 * @example
 * besvaraV11(forfragan, ctx) // { body: <skv:BeskattningsuppgifterResponse> } or { fault }
 */
export function besvaraV11(forfragan: string, ctx: SimulatorContext): SoapOutcome {
  let fraga: FragaSkatteuppgifterV11;
  try {
    fraga = decodeFragaV11(forfragan);
  } catch (e) {
    return { fault: isHarnessError(e) ? felaktigForfragan(e.message) : teknisktFel() };
  }
  const fel = kontrolleraFragaV11(fraga, ctx.now());
  if (fel) return { fault: fel };
  try {
    const persona = ctx.population.hitta(fraga.personidentitet, svenskDag(ctx.now()));
    if (kanInteLasas(persona)) return { fault: teknisktFel() };
    const svar = encodeSvarV11(byggSvarV11(fraga, persona, ctx));
    return { body: encodeBeskattningsuppgifterResponse({ svar }) };
  } catch {
    return { fault: teknisktFel() };
  }
}
