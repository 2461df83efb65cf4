import { ContractViolation } from "../../contract/errors.js";
import {
  checkLefiFraga,
  decodeLefiFraga,
  encodeLefiSvar,
  encodeLefiTillgangliga,
  LEFI_JSON_CONTENT_TYPE,
  LEFI_REGELTEXT,
  LEFI_VERSION,
} from "../../contract/fk/codec.js";
import type { LefiExternTillgangligaInformationstyper } from "../../contract/fk/model.js";
import { kodverk } from "../../fixtures/kodverk/index.js";
import type { SimulatorContext } from "../context.js";
import {
  bodyText,
  type Endpoint,
  parsedIfSame,
  response,
  type SimRequest,
  type SimResponse,
} from "../endpoint.js";
import { byggLefiSvar, idag } from "./data.js";
import {
  fragarNagot,
  hittaAktor,
  LEFI_FELMEDDELANDE,
  type LefiAktor,
  lefiFelsvar,
  periodfel,
} from "./errors.js";

/** Base path of the simulated LEFI on the simulator server. */
export const FK_PATH = "/fk";

/** `…/{version}/aktorer/{aktorsId}/formansinformation/fraga` and `…/tillgangligaInformationstyper`. */
const LEFI_ROUTE =
  /^\/fk\/lefi-extern-formansinformation\/([^/]+)\/aktorer\/([^/]+)\/(formansinformation\/fraga|tillgangligaInformationstyper)$/;

// Every 200 answer has the same headers: one frozen object (as the SOAP endpoints have), not one per answer.
const SVAR_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": LEFI_JSON_CONTENT_TYPE,
});

function json(body: string, status = 200): SimResponse {
  return response(status, LEFI_JSON_CONTENT_TYPE, body);
}

/** A path parameter as msw decoded it; a broken escape stays as sent. */
function param(raw: string | undefined): string {
  if (raw === undefined) return "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** LEFI accepts 10 or 12 digits; a 10-digit number belongs to the most recent century that fits. */
function tolvSiffror(personnummer: string, today: string): string {
  if (personnummer.length === 12) return personnummer;
  const yy = Number(personnummer.slice(0, 2));
  const sekel = yy <= Number(today.slice(2, 4)) ? today.slice(0, 2) : String(Number(today.slice(0, 2)) - 1);
  return `${sekel}${personnummer}`;
}

/** Version and aktör checks shared by both operations; a Response when the call is refused. */
function kontrolleraAnrop(ctx: SimulatorContext, version: string, aktorsId: string): SimResponse | LefiAktor {
  if (version !== LEFI_VERSION) return lefiFelsvar(404, LEFI_FELMEDDELANDE.OKAND_VERSION, ctx.now());
  return hittaAktor(aktorsId) ?? lefiFelsvar(403, LEFI_FELMEDDELANDE.OKAND_AKTOR, ctx.now());
}

function hamtaFormansinformation(
  ctx: SimulatorContext,
  request: SimRequest,
  version: string,
  aktorsId: string,
): SimResponse {
  const now = ctx.now();
  const aktor = kontrolleraAnrop(ctx, version, aktorsId);
  if ("kind" in aktor) return aktor;
  if (!/json/i.test(request.headers["content-type"] ?? ""))
    return lefiFelsvar(415, LEFI_FELMEDDELANDE.FEL_MEDIETYP, now);
  let fraga: ReturnType<typeof decodeLefiFraga>;
  try {
    // In-process, SSBT hands over the question it parsed for its own check: checked, not parsed again.
    const parsed = parsedIfSame(request.parsedJson, request.body);
    fraga = parsed === undefined ? decodeLefiFraga(bodyText(request)) : checkLefiFraga(parsed);
  } catch (e) {
    if (!(e instanceof ContractViolation)) throw e;
    if (e.rule === "LEFI.json") return lefiFelsvar(400, LEFI_FELMEDDELANDE.INTE_JSON, now);
    // The path names the field; values are never echoed (they may be a personnummer).
    return lefiFelsvar(
      400,
      `Felaktig fråga: ${LEFI_REGELTEXT[e.rule] ?? "bryter mot kontraktet"} (${e.path}).`,
      now,
    );
  }
  if (!fragarNagot(fraga)) return lefiFelsvar(400, LEFI_FELMEDDELANDE.INGEN_INFORMATIONSTYP, now);
  const felPeriod = periodfel(fraga.period);
  if (felPeriod) return lefiFelsvar(400, felPeriod, now);
  const dag = idag(now);
  const persona = ctx.population.hitta(tolvSiffror(fraga.personnummer, dag), dag);
  const svar = byggLefiSvar({ fraga, persona, aktor, now, seed: ctx.seed });
  const text = encodeLefiSvar(svar);
  return {
    kind: "response",
    status: 200,
    headers: SVAR_HEADERS,
    body: text,
    parsedJson: { text, value: svar },
  };
}

function tillgangliga(ctx: SimulatorContext, version: string, aktorsId: string): SimResponse {
  const aktor = kontrolleraAnrop(ctx, version, aktorsId);
  if ("kind" in aktor) return aktor;
  const med = (id: string, koder: ReadonlySet<string>) =>
    kodverk(id)
      .koder.filter((k) => koder.has(k.kod))
      .map((k) => ({ kod: k.kod, beskrivning: k.beskrivning }));
  const b = aktor.behorighet;
  const svar = {
    formansinformation: med("LEFI.Fraga.FkFormanGruppKod", b.formansinformation),
    ansprak: med("LEFI.Fraga.PmFormanGruppKod", b.ansprak),
    beslut: med("LEFI.Fraga.PmFormanGruppKod", b.beslut),
    preliminaraUtbetalningar: med("LEFI.Fraga.ExternFormanGruppKod", b.preliminaraUtbetalningar),
    utbetalningar: med("LEFI.Fraga.ExternFormanGruppKod", b.utbetalningar),
    ovrigInformation: med("LEFI.Fraga.ExternOvrigInformationTypKod", b.ovrigInformation),
  } as LefiExternTillgangligaInformationstyper;
  return json(encodeLefiTillgangliga(svar));
}

/**
 * The simulated LEFI ("LEFI extern: Förmånsinformation" v9): `POST …/formansinformation/fraga`
 * and `GET …/tillgangligaInformationstyper` below {@link FK_PATH}, on any origin. Errors are
 * LEFI's own (`LefiFelsvar` with 400/403/404/415/500, see `errors.ts`); nothing ever answers with
 * a stack trace.
 *
 * @example
 * const server = fkEndpoint(testContext());
 */
export function fkEndpoint(ctx: SimulatorContext): Endpoint {
  return (request) => {
    const m = LEFI_ROUTE.exec(request.path);
    if (!m) return undefined;
    const version = param(m[1]);
    const aktorsId = param(m[2]);
    const fraga = m[3] === "formansinformation/fraga";
    if (request.method !== (fraga ? "POST" : "GET")) return undefined;
    try {
      return fraga
        ? hamtaFormansinformation(ctx, request, version, aktorsId)
        : tillgangliga(ctx, version, aktorsId);
    } catch {
      return lefiFelsvar(500, LEFI_FELMEDDELANDE.INTERNT_FEL, ctx.now());
    }
  };
}
