import type {
  BastjanstKod,
  SpecifikaFrageparametrar,
  SsbtFraga,
  Tidsperiod,
} from "../../contract/ssbt/model.js";
import { LEFI_AKTORSID } from "../../simulators/aggregator/klienter/fk.js";
import type { BastjanstSimulator } from "../../simulators/bastjanst.js";
import { type Chain, createChain } from "../../simulators/chain.js";
import { resolveOptions } from "../../simulators/options.js";
import { REGISTRERADE } from "../../simulators/registry.js";

/**
 * The instant the harness's pacts are written for: a Friday in the month-end peak. The
 * questions carry periods relative to it (CSN refuses a from-date more than two months back), so
 * the reference simulator runs with its clock frozen here when it makes or verifies the pacts.
 */
export const REFERENS_KLOCKA = "2026-11-20T10:00:00+01:00";

/** The question period of the pacts' interactions: two months up to {@link REFERENS_KLOCKA}. */
export const REFERENS_PERIOD: Tidsperiod = { fromDatum: "2026-09-21", tomDatum: "2026-11-20" };

/** The population seed the pacts are made and verified with. */
export const REFERENS_SEED = 1;

/** The municipality asking in the pacts (a test organisationsnummer matching the contract pattern). */
export const REFERENS_INGIVARE = {
  organisationsnummer: "162129999991",
  namn: "Testkommunen",
  handlaggare: "HL0001",
};

/** The LEFI aktör the pacts ask as. */
export const REFERENS_AKTORSID = LEFI_AKTORSID;

/** Options of a reference question. */
export interface ReferensFragaOptions {
  /** The bastjänster included; default all of `bastjanster`. */
  inkludera?: readonly BastjanstKod[];
  period?: Tidsperiod;
  /** The bastjänster of the contract (every one gets its section). Default: the registry. */
  bastjanster?: readonly BastjanstSimulator[];
}

/**
 * The composite question the pacts send about one person: the reference municipality, ärende and
 * period, the included bastjänster, each asked with its default question part (for FK a LEFI v9
 * question for everything).
 *
 * @example
 * referensFraga("199608239829").specifikaFrageparametrar.MIV // { inkludera: true }
 */
export function referensFraga(personidentitet: string, o: ReferensFragaOptions = {}): SsbtFraga {
  const period = o.period ?? REFERENS_PERIOD;
  const bastjanster = o.bastjanster ?? REGISTRERADE;
  const med = (k: BastjanstKod) => o.inkludera?.includes(k) ?? true;
  return {
    generellaFrageparametrar: {
      frageTidpunkt: REFERENS_KLOCKA,
      korrelationsid: "c0ffee00-0000-4000-8000-000000000001",
      fraganSkallInkluderasISvaret: false,
      ingivare: { ...REFERENS_INGIVARE },
      personidentitet,
      arendeidentitet: "ARENDE-2026-0001",
      tidsperiod: { ...period },
      personuppgiftsbitrade: [],
      syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
      lagtext: "11 kap. 11 a § socialtjänstlagen (2001:453)",
    },
    specifikaFrageparametrar: Object.fromEntries(
      bastjanster.map((b) => [
        b.kod,
        med(b.kod)
          ? (b.fragaparametrar?.(personidentitet, period) ?? { inkludera: true })
          : { inkludera: false },
      ]),
    ) as SpecifikaFrageparametrar,
  };
}

/** Origin the in-process reference chain answers on (never resolved: msw handlers match any origin). */
export const REFERENS_ORIGIN = "http://ssbtek.referens.invalid";

/**
 * The reference chain in-process (no server): seed {@link REFERENS_SEED}, clock frozen at
 * {@link REFERENS_KLOCKA}, fast profile (no delays, no background errors). Its answers are the
 * examples of the pacts.
 *
 * @example
 * const chain = referensKedja(); chain.control.setFaults({ MIV: { kind: "down" } });
 */
export function referensKedja(bastjanster: readonly BastjanstSimulator[] = REGISTRERADE): Chain {
  const klocka = new Date(REFERENS_KLOCKA);
  return createChain(
    resolveOptions({
      seed: REFERENS_SEED,
      now: () => new Date(klocka),
      profile: "fast",
      timeScale: 0,
      bastjanster,
    }),
    REFERENS_ORIGIN,
  );
}

/**
 * Turns pact_ffi's anonymous usage reporting off: it would try to reach the internet on every
 * mock server and verification, and the harness runs offline and in CI. The FFI reads this
 * variable itself, which is why a library function sets it.
 */
export function utanTelemetri(): void {
  process.env.PACT_DO_NOT_TRACK = "true";
}
