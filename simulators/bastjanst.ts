import type { HttpHandler } from "msw";
import type { BastjanstKod, KontraktVersion, Sektion, SsbtError, SsbtFraga } from "../contract/ssbt/model.js";
import type { SimulatorContext } from "./context.js";

/** What the composite service needs to know about the contract it is answering in. */
export interface KontraktInfo {
  version: KontraktVersion;
  /** ssbt namespace URI of that version (CSN/FK data children live in it). */
  ns: string;
}

/**
 * How SSBT talks to one bastjänst in the bastjänst's own protocol: build the request from the
 * composite question, read the answer back into a section of the composite answer.
 */
export interface BastjanstKlient {
  /**
   * Checks SSBT makes itself before calling (e.g. an unknown LEFI version): an error here becomes
   * the section's `error` with `kalla: "SSBT"` and the bastjänst is not called. Optional.
   */
  forkontroll?(fraga: SsbtFraga, kontrakt: KontraktInfo): SsbtError | undefined;
  /**
   * The HTTP request SSBT sends for one composite question. `endpoint` is the absolute URL of
   * the bastjänst endpoint (simulated or real).
   */
  begaran(fraga: SsbtFraga, endpoint: string, kontrakt: KontraktInfo): Request;
  /**
   * Reads the bastjänst's HTTP answer into a section: `data` (children of `<data>`) or an
   * `error` with `kalla: "BT"` and the bastjänst's own felkod. Must not throw on a bad answer:
   * a malformed answer becomes an error section too.
   */
  tolka(svar: Response, fraga: SsbtFraga, kontrakt: KontraktInfo): Promise<Sektion>;
}

/**
 * One simulated bastjänst. Every folder under `simulators/` exports one of these from its
 * `index.ts`; adding an authority is adding a folder and listing it in `simulators/registry.ts`.
 */
export interface BastjanstSimulator {
  kod: BastjanstKod;
  /** The authority's name, e.g. "Arbetsförmedlingen". */
  namn: string;
  /**
   * Path of the authority's own endpoint, absolute from the server root, e.g. "/af/ersattningsstod/v2".
   * The handlers match it on any origin.
   */
  path: string;
  /** The msw request handlers: the one definition of the simulated endpoint. */
  handlers(ctx: SimulatorContext): HttpHandler[];
  klient: BastjanstKlient;
}
