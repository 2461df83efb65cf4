import { setTimeout as sleep } from "node:timers/promises";
import { HarnessError } from "../../contract/errors.js";
import { parseHttpUrl } from "../../contract/http-url.js";
import { ssbtNamespace } from "../../contract/ssbt/codec.js";
import type { KontraktVersion } from "../../contract/ssbt/model.js";
import { startKanarie } from "./canary.js";
import { valjFall } from "./catalogue.js";
import { bedom, soapBody } from "./checks.js";
import { envelope, soapHeaders, testaPayload } from "./envelopes.js";
import { skicka } from "./http-raw.js";
import type { FallKontext, FallResultat, Malprofil, RobusthetsFall, RobusthetsRapport } from "./model.js";

/** Options of a robustness run; all optional. */
export interface RobustnessOptions {
  /**
   * The endpoint under test, e.g. "http://127.0.0.1:8080/ssbtek". Default: the embedded simulator,
   * started on a free port for the run and stopped after it.
   */
  url?: string;
  /** Longest wait for one answer before the case fails, ms. Default 10 000. */
  timeoutMs?: number;
  /** Run only these case ids (see docs/robustness.md). Default: every case for the profile. */
  only?: readonly string[];
  /** What `url` is: the composite service (default), a SOAP bastjänst, or LEFI's JSON API. */
  profil?: Malprofil;
  /**
   * A composite-service endpoint whose `testaBastjanstInformation` proves the server is alive
   * after every case. Default: `url` itself for `ssbt`, else `<origin of url>/ssbtek`.
   */
  aliveUrl?: string;
  /** Contract version of the requests. Default "v10". */
  version?: KontraktVersion;
  /** A schema-valid test identity to ask about. Default 197003039885 (known to every bastjänst). */
  personidentitet?: string;
  /** The clock the question's period is taken from. Default: real time. */
  now?: () => Date;
  /** Called after each case (progress output). */
  onResultat?: (r: FallResultat) => void;
}

const DAG = 86_400_000;

function parseUrl(url: string, what: string): URL {
  return parseHttpUrl(
    url,
    `The ${what}`,
    `Invalid ${what} "${url}": pass an http(s) URL such as http://127.0.0.1:8080/ssbtek.`,
  );
}

/**
 * Sends a connection test (`testaBastjanstInformation`) and returns why it was not answered
 * correctly, or undefined when it was, with the time it took.
 */
async function livstecken(url: URL, ns: string, timeoutMs: number): Promise<{ reason?: string; ms: number }> {
  const body = envelope(testaPayload({ ns } as FallKontext));
  const svar = await skicka(url, { kind: "http", method: "POST", headers: soapHeaders(), body }, timeoutMs);
  if (svar.status !== 200) return { reason: `HTTP ${svar.status ?? svar.error ?? "no answer"}`, ms: svar.ms };
  const parsed = soapBody(svar);
  if ("fel" in parsed) return { reason: parsed.fel, ms: svar.ms };
  if (parsed.body.ns !== ns || parsed.body.local !== "testaBastjanstInformationResponse")
    return { reason: `answered {${parsed.body.ns}}${parsed.body.local}`, ms: svar.ms };
  return { ms: svar.ms };
}

async function korFall(
  fall: RobusthetsFall,
  ctx: FallKontext,
  alive: URL,
  timeoutMs: number,
  traffar: () => number,
): Promise<FallResultat> {
  const fore = traffar();
  const samtidigt = fall.samtidigt;
  const parallell = samtidigt
    ? sleep(samtidigt.efterMs).then(() => livstecken(alive, ctx.ns, timeoutMs))
    : undefined;
  let status: number | null = null;
  let ms = 0;
  let reason: string | undefined;
  try {
    const svar = await skicka(ctx.url, fall.begaran(ctx), timeoutMs);
    status = svar.status ?? null;
    ms = Math.round(svar.ms);
    reason = bedom(fall, svar, ctx);
  } catch (e) {
    reason = `the case could not be run: ${(e as Error).message}`;
  }
  if (parallell && samtidigt) {
    const p = await parallell;
    if (!reason && p.reason) reason = `a normal request made meanwhile was not answered: ${p.reason}`;
    if (!reason && p.ms > samtidigt.maxMs)
      reason = `a normal request made meanwhile took ${Math.round(p.ms)} ms (limit ${samtidigt.maxMs} ms)`;
  }
  const efter = await livstecken(alive, ctx.ns, timeoutMs);
  if (!reason && efter.reason) reason = `the server no longer answers a connection test: ${efter.reason}`;
  if (!reason && traffar() > fore)
    reason = "the server contacted an address named inside the request (external entity, JNDI lookup): SSRF";
  return {
    id: fall.id,
    kategori: fall.kategori,
    beskrivning: fall.beskrivning,
    passed: reason === undefined,
    status,
    ms,
    ...(reason !== undefined ? { reason } : {}),
  };
}

/**
 * Runs the hostile-input catalogue against an SSBT endpoint (ours by default): each case must
 * get a 4xx or a SOAP 1.1 Fault quickly (or, for legal-but-nasty input, a correct answer with
 * every echo escaped), with no stack trace, and the server must still answer a connection test
 * after each case. Cases run one at a time; the result is JSON-serializable.
 *
 * @example
 * const rapport = await runRobustness({ url: "http://127.0.0.1:8080/ssbtek" });
 * rapport.passed // true when every case passed and the server is alive
 */
export async function runRobustness(o: RobustnessOptions = {}): Promise<RobusthetsRapport> {
  const profil = o.profil ?? "ssbt";
  const timeoutMs = o.timeoutMs ?? 10_000;
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs))
    throw new HarnessError("BAD_OPTION", `Invalid timeout ${timeoutMs} ms: pass a duration > 0, e.g. 10000.`);
  const fall = valjFall(profil, o.only);
  const version = o.version ?? "v10";
  let stop: (() => Promise<void>) | undefined;
  let url = o.url;
  if (url === undefined) {
    if (profil !== "ssbt")
      throw new HarnessError("BAD_OPTION", `A ${profil} run needs the bastjänst's URL: pass url.`);
    // Loaded only here: a run against someone else's SSBT does not need the simulated chain.
    const { startSimulator } = await import("../../simulators/server.js");
    const sim = await startSimulator({ port: 0 });
    url = version === "v10" ? sim.ssbtek : `${sim.ssbtek}/${version}`;
    stop = async () => {
      await sim.close({ drainMs: 2_000 });
    };
  }
  const target = parseUrl(url, "URL");
  const alive = parseUrl(o.aliveUrl ?? (profil === "ssbt" ? url : `${target.origin}/ssbtek`), "alive URL");
  const kanarie = await startKanarie();
  const t0 = performance.now();
  try {
    const now = (o.now ?? (() => new Date()))();
    const d = (x: Date) => x.toISOString().slice(0, 10);
    const ctx: FallKontext = {
      url: target,
      profil,
      version,
      ns: ssbtNamespace(version),
      personidentitet: o.personidentitet ?? "197003039885",
      period: { fromDatum: d(new Date(now.getTime() - 30 * DAG)), tomDatum: d(now) },
      kanarie: kanarie.url,
    };
    const resultat: FallResultat[] = [];
    for (const f of fall) {
      const r = await korFall(f, ctx, alive, timeoutMs, kanarie.traffar);
      resultat.push(r);
      o.onResultat?.(r);
    }
    const vidLiv = (await livstecken(alive, ctx.ns, timeoutMs)).reason === undefined;
    const godkanda = resultat.filter((r) => r.passed).length;
    return {
      url: target.href,
      profil,
      version,
      passed: vidLiv && godkanda === resultat.length,
      antal: resultat.length,
      godkanda,
      underkanda: resultat.length - godkanda,
      vidLiv,
      ms: Math.round(performance.now() - t0),
      fall: resultat,
    };
  } finally {
    await kanarie.close();
    await stop?.();
  }
}
