import { CSN_FRAGOR, CSN_SVAR, decodeFraga, encodeCsnSvar } from "../../contract/csn/codec.js";
import {
  CSN_KOMMUNFRAGA_V3_NS,
  CSN_NS,
  CSN_PREFIXES,
  CSN_SCHEMA_VERSION,
  type CsnSvar,
  type SbnUppgEkBistandBegar,
} from "../../contract/csn/model.js";
import { PREFIXES } from "../../contract/namespaces.js";
import type { SimulatorContext } from "../context.js";
import type { Endpoint } from "../endpoint.js";
import { soapEndpoint } from "../soap-endpoint.js";
import { byggPersonsvar } from "./data.js";
import { csnObserverat } from "./dialekt.js";
import {
  CSN_RESULTAT,
  type CsnResultat,
  type CsnStorning,
  csnDatumTillIso,
  csnFault,
  idag,
  kontrolleraFraga,
  STORNING_RESULTAT,
} from "./errors.js";

/** Path of CSN's simulated kommunfråga endpoint, absolute from the server root. */
export const CSN_PATH = "/csn/kommunfraga/v4";

/** Namespace prefixes of CSN's SOAP messages: the envelope's plus CSN's own. */
export const CSN_SOAP_PREFIXES: Readonly<Record<string, string>> = { ...PREFIXES, ...CSN_PREFIXES };

/** Options of {@link csnHandlers}. All optional. */
export interface CsnHandlerOptions {
  /**
   * Fault injection: a CSN subsystem that does not answer. Every valid question then gets the
   * subsystem's result code (−1101 HUT, −1102 SM/SH, −1103 all, −1104 OSS). Default none.
   */
  storning?: CsnStorning;
}

function svar(fraga: SbnUppgEkBistandBegar, resultat: CsnResultat): CsnSvar {
  return {
    schemaVersion: CSN_SCHEMA_VERSION,
    Resultat: resultat,
    GemensamtFragaEkbistand: fraga,
    Personer: [],
  };
}

/**
 * CSN's answer to one structurally valid question: its field rules first (schema version,
 * contract, personnummer, dates), then an injected outage, then the person's data. Pure
 * given the context: same seed and clock, same answer.
 *
 * @example
 * besvaraFraga(fraga, testContext()).Resultat.ResultatKod // "0"
 */
export function besvaraFraga(
  fraga: SbnUppgEkBistandBegar,
  ctx: SimulatorContext,
  options: CsnHandlerOptions = {},
): CsnSvar {
  const now = ctx.now();
  const fel = kontrolleraFraga(fraga, idag(now));
  if (fel) return svar(fraga, fel);
  if (options.storning) return svar(fraga, STORNING_RESULTAT[options.storning]);
  const personidentitet = fraga.HushallsMedlemsIdSekel + fraga.HushallsMedlemsId;
  // kontrolleraFraga has accepted both dates, so they convert.
  const period = { fromDatum: csnDatumTillIso(fraga.FromDatum)!, tomDatum: csnDatumTillIso(fraga.TomDatum)! };
  const { Resultat, Personer } = byggPersonsvar(
    personidentitet,
    ctx.population.hitta(personidentitet, idag(now)),
    period,
    now,
    ctx.seed,
  );
  return { schemaVersion: CSN_SCHEMA_VERSION, Resultat, GemensamtFragaEkbistand: fraga, Personer };
}

/**
 * The endpoint of CSN's kommunfråga endpoint (SOAP 1.1, `POST *\/csn/kommunfraga/v4`):
 * the one definition of the simulated CSN. A question in the v3.0 namespace gets −1007; a
 * request CSN cannot read gets a SOAP Client fault with −1005 in the detail.
 *
 * @example
 * csnEndpoint(testContext())
 */
export function csnEndpoint(ctx: SimulatorContext, options: CsnHandlerOptions = {}): Endpoint {
  return soapEndpoint({
    path: CSN_PATH,
    prefixes: CSN_SOAP_PREFIXES,
    badRequest: csnFault,
    operations: [
      {
        ns: CSN_NS.kommunfraga,
        local: "SBNUppgEkBistandBegar",
        handle: (payload) => {
          // In-process, SSBT's own question tree: its model, not decoded again, and its leaves echoed.
          const eget = CSN_FRAGOR.modell(payload);
          const besvarad = besvaraFraga(eget ?? decodeFraga(payload), ctx, options);
          const body = CSN_SVAR.minns(encodeCsnSvar(besvarad, eget ? payload : undefined), besvarad);
          return { body: ctx.dialekt === "observed" ? csnObserverat.tillampa(body) : body };
        },
      },
      {
        ns: CSN_KOMMUNFRAGA_V3_NS,
        local: "SBNUppgEkBistandBegar",
        handle: (payload) => ({
          body: encodeCsnSvar(
            svar(
              decodeFraga(payload, "/SBNUppgEkBistandBegar", CSN_KOMMUNFRAGA_V3_NS),
              CSN_RESULTAT.felXmlSchema,
            ),
          ),
        }),
      },
    ],
  });
}
