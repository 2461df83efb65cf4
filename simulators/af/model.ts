/**
 * What Arbetsförmedlingen knows about a person: domain facts, not protocol. `data.ts` turns these
 * into the `Svar` of the bastjänst for one asked period.
 */

/** Arbetsförmedlingen's sökandekategorier used here (kodverk AF.ArbetssokandeSKAT). */
export type Sokandekategori = "11" | "21" | "22" | "41" | "68" | "69" | "70";

/** Ekonomiska beslut (kodverk AF.ErsattningTyp). */
export type ErsattningTyp = "AKS" | "UVE" | "ETE" | "ETT";

/** AktivitetsRapportMeddelande (kodverk AF.AktivitetsRapportMeddelande). */
export type AktivitetsRapportKod = "200" | "500" | "501" | "502";

/**
 * A date in a story: fixed, or relative to the story period (`fran`/`tom`: its first/last day,
 * see `berattelseperiod` in simulators/population/historia.ts) or to "today". Never relative to
 * the asked period: a person has one history for a given clock. Offsets are in days.
 *
 * @example
 * { datum: "2026-03-02" } // fixed
 * { fran: -14 }           // two weeks before the story period starts
 */
export type Tidpunkt = { datum: string } | { fran: number } | { tom: number } | { idag: number };

/**
 * How the person's activity reports stand. `200` with `rapportdag`: the person submits the
 * report on that day of every month (1–14, the reporting window).
 */
export type Aktivitetsrapportering = { kod: "200"; rapportdag: number } | { kod: "500" | "501" | "502" };

/** One economic decision (ekonomiskt beslut) taken by Arbetsförmedlingen. */
export interface EkonomisktBeslut {
  ersattningTyp: ErsattningTyp;
  /** Percent of full time. */
  omfattning: number;
  fran: Tidpunkt;
  tom: Tidpunkt;
}

/** AF's facts about one person (only for persons whose `kallor` include AF). */
export interface AfFakta {
  /** Currently registered as job seeker (false: avaktualiserad). */
  arbetssokande: boolean;
  /** Sökandekategori; absent for a person no longer registered. */
  sokandekategori?: Sokandekategori;
  registrerad: Tidpunkt;
  /** Percent of full time the person seeks work for. */
  omfattning?: number;
  /** When the registration ended (only when `arbetssokande` is false). */
  avaktualiserad?: Tidpunkt;
  aktivitetsrapportering: Aktivitetsrapportering;
  beslut: EkonomisktBeslut[];
  /** Name of the a-kassa the person belongs to, if any. */
  akassa?: string;
  /**
   * A StatusSokandeinformationKod forced by the story. Only the artificial `kodtackning` persona
   * uses it, to carry a code no realistic story produces.
   */
  statuskod?: number;
}
