import { decodeLefiSvar } from "../../contract/fk/codec.js";
import { FK_SEKTION } from "../../contract/ssbt/sektioner.js";
import { fkKlient, LEFI_AKTORSID, lefiFragaBase64 } from "../aggregator/klienter/fk.js";
import type { BastjanstSimulator } from "../bastjanst.js";
import { fkObserverat } from "./dialekt.js";
import { lefiFelsvar } from "./errors.js";
import { FK_PATH, fkEndpoint } from "./handlers.js";

export {
  fkBegaran,
  fkForkontroll,
  fkKlient,
  fkTolka,
  lefiFraga,
  lefiFragaBase64,
} from "../aggregator/klienter/fk.js";
export { byggLefiSvar, FAKTA, faktaFor, idag, type LefiSvarIndata } from "./data.js";
export { fkObserverat } from "./dialekt.js";
export {
  fragarNagot,
  hittaAktor,
  LEFI_AKTORER,
  LEFI_FELMEDDELANDE,
  LEFI_KLASSER,
  type LefiAktor,
  type LefiBehorighet,
  type LefiKlass,
  lefiFelsvar,
  periodfel,
} from "./errors.js";
export { FK_PATH, fkEndpoint } from "./handlers.js";
export type {
  FaktaDatum,
  FkAdress,
  FkBarn,
  FkFakta,
  FkForman,
  FkFormanTyp,
  FkPersonuppgifter,
  FkTillagg,
  PmErsattning,
  PmFakta,
  PmForman,
} from "./model.js";

/**
 * Försäkringskassan and Pensionsmyndigheten through LEFI ("LEFI extern: Förmånsinformation" v9),
 * REST/JSON below `/fk`.
 */
export const fkSimulator: BastjanstSimulator = {
  kod: "FK",
  sektion: FK_SEKTION,
  namn: "Försäkringskassan och Pensionsmyndigheten (LEFI)",
  path: FK_PATH,
  endpoint: fkEndpoint,
  klient: fkKlient,
  protokoll: {
    format: "json",
    mediaTyp: "application/json",
    avkoda: (s) => {
      if (typeof s !== "string") throw new TypeError("expected LEFI JSON text");
      decodeLefiSvar(s);
    },
  },
  pactProvider: "ssbtek-fk-lefi",
  pact: {
    persona: "pensionar-bostadstillagg",
    exakt: ["tillstand/kod", "utlamnare/kod"],
    felKontrollsiffra: "data",
  },
  latens: { medianMs: 1_800, p95Ms: 5_000 },
  kodverk: "lefi",
  faltregler: "lefi-svar",
  dialekt: fkObserverat,
  tekniskFel: (text, now) => lefiFelsvar(500, text, now),
  // LEFI needs the question itself: a v9 question for every förmån, as the reference client asks.
  fragaparametrar: (personidentitet, period) => ({
    inkludera: true,
    fraga: {
      version: "v9",
      aktorsid: LEFI_AKTORSID,
      lefiJsonFraga: lefiFragaBase64(personidentitet, period),
    },
  }),
};
