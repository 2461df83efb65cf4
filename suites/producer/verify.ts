import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Verifier, type VerifierOptions } from "@pact-foundation/pact";
import { HarnessError } from "../../contract/errors.js";
import { parseHttpUrl } from "../../contract/http-url.js";
import { maskeraText } from "../../contract/personidentitet.js";
import { referensBasPath } from "../pact/names.js";
import { utanTelemetri } from "../pact/referens.js";
import { startaTillstandsServer } from "./state-server.js";

/** Options of {@link verifyProvider}. Give `pactFiles` or `pactDir`. */
export interface VerifyProviderOptions {
  /** Pact files to verify. */
  pactFiles?: readonly string[];
  /** A folder of pact files (`*.json`); those for `provider` are verified. */
  pactDir?: string;
  /**
   * The provider's endpoint, e.g. `http://127.0.0.1:8080/ssbtek` or a real authority's URL.
   * Its path replaces the pacts' base path (see `pactBasePath`); with no path the pacts' paths are used as they are.
   */
  providerBaseUrl: string;
  /** Provider name in the pacts, e.g. "ssbtek-ssbt". Default: the one provider of the given pacts. */
  provider?: string;
  /**
   * The path prefix in the pacts that stands for the endpoint. Default: the harness's path for a
   * provider of ours (`/ssbtek`, `/af/arbetssokande/ersattningsstod/v2`, `/fk`, …), else none.
   */
  pactBasePath?: string;
  /** The simulator's admin API, for fault states. Default `<origin of providerBaseUrl>/__admin`. */
  adminUrl?: string;
  /**
   * The token of that admin API (`simulate --admin-token`, or the one `simulate` generated and
   * printed when bound to a non-loopback address). Without it a guarded admin API answers 401 and
   * every fault state fails with a message saying so.
   */
  adminToken?: string;
  /** Pact FFI log level. Default "warn". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error";
  /** Timeout per request to the provider, ms. Default 30 000. */
  timeoutMs?: number;
}

/** The outcome of one interaction. */
export interface InteraktionsResultat {
  beskrivning: string;
  ok: boolean;
  /** Why it failed (mismatches, or a provider state that could not be set up). */
  fel?: string;
}

/** The outcome of a verification. */
export interface VerifyResult {
  ok: boolean;
  provider: string;
  providerBaseUrl: string;
  pactFiles: string[];
  interaktioner: InteraktionsResultat[];
  /** Provider states that could not be set up (unknown states, admin API refusals). */
  tillstandsfel: string[];
  /** Wall time of the verification, ms. */
  ms: number;
}

interface PactFil {
  fil: string;
  consumer: string;
  provider: string;
}

function lasPact(fil: string): PactFil {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(fil, "utf8"));
  } catch (e) {
    throw new HarnessError(
      "BAD_PACT",
      `Cannot read pact file ${fil}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Pass a Pact JSON file.`,
    );
  }
  const p = json as { consumer?: { name?: unknown }; provider?: { name?: unknown }; interactions?: unknown };
  if (
    typeof p.consumer?.name !== "string" ||
    typeof p.provider?.name !== "string" ||
    !Array.isArray(p.interactions)
  )
    throw new HarnessError(
      "BAD_PACT",
      `${fil} is not a pact file: it needs consumer.name, provider.name and interactions.`,
    );
  return { fil, consumer: p.consumer.name, provider: p.provider.name };
}

function valjPacter(o: VerifyProviderOptions): { provider: string; pacter: PactFil[] } {
  let filer: string[];
  if (o.pactFiles?.length) filer = o.pactFiles.map((f) => resolve(f));
  else if (o.pactDir) {
    const dir = resolve(o.pactDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new HarnessError(
        "BAD_OPTION",
        `Pact folder ${dir} does not exist. Write the pacts first or pass pactFiles.`,
      );
    filer = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => join(dir, f));
  } else throw new HarnessError("BAD_OPTION", "Pass pactFiles or pactDir: there is nothing to verify.");
  const alla = filer.map(lasPact);
  const providers = [...new Set(alla.map((p) => p.provider))];
  const provider = o.provider ?? (providers.length === 1 ? providers[0] : undefined);
  if (!provider)
    throw new HarnessError(
      "BAD_OPTION",
      `The pacts are for several providers (${providers.join(", ") || "none"}): pass provider to say which to verify.`,
    );
  const pacter = alla.filter((p) => p.provider === provider);
  if (pacter.length === 0)
    throw new HarnessError(
      "BAD_OPTION",
      `No pact for provider "${provider}" among ${filer.length} file(s). Check provider or the files.`,
    );
  return { provider, pacter };
}

/** Rewrites the pacts' base path to the endpoint's path, so a pact verifies a provider mounted anywhere. */
function vagOmskrivning(
  basePath: string | undefined,
  endpointPath: string,
): ((url: string) => string) | undefined {
  const mal = endpointPath.replace(/\/+$/, "");
  if (basePath === undefined || mal === "" || mal === basePath) return undefined;
  return (url) =>
    url === basePath || url.startsWith(`${basePath}/`) || url.startsWith(`${basePath}?`)
      ? mal + url.slice(basePath.length)
      : url;
}

interface FfiResultat {
  errors?: { interaction?: string; mismatch?: unknown }[];
  interactionResults?: { description?: string; result?: unknown }[];
}

function lasFfiResultat(text: string): FfiResultat | undefined {
  try {
    return JSON.parse(text) as FfiResultat;
  } catch {
    return undefined;
  }
}

function beskrivMismatch(m: unknown): string {
  if (typeof m !== "object" || m === null) return String(m);
  const x = m as { message?: unknown; mismatches?: unknown };
  if (Array.isArray(x.mismatches))
    return x.mismatches
      .map((y) => {
        const z = y as { mismatch?: unknown; description?: unknown; path?: unknown };
        return [z.path, z.mismatch ?? z.description]
          .filter((v) => typeof v === "string" && v !== "")
          .join(": ");
      })
      .join("; ");
  return typeof x.message === "string" ? x.message : JSON.stringify(m).slice(0, 500);
}

/**
 * Verifies pacts against a provider with the Pact verifier (pact_ffi): every interaction's
 * request is sent to the provider and its answer is matched against the pact. Provider states
 * are set up through the simulator's admin API (`fault KOD=fel`) or checked against the
 * population (`persona <id>`); an unknown state fails its interaction with a clear message.
 * Never throws for a failing verification: the result says what failed.
 *
 * @example
 * const r = await verifyProvider({ pactDir: "pacts", provider: "ssbtek-ssbt", providerBaseUrl: `${sim.url}/ssbtek` });
 * if (!r.ok) console.log(r.interaktioner.filter((i) => !i.ok));
 */
export async function verifyProvider(o: VerifyProviderOptions): Promise<VerifyResult> {
  utanTelemetri();
  const url = parseHttpUrl(
    o.providerBaseUrl,
    "The provider URL",
    `Invalid provider URL "${o.providerBaseUrl}": pass the endpoint, e.g. http://127.0.0.1:8080/ssbtek.`,
  );
  const { provider, pacter } = valjPacter(o);
  const omskriv = vagOmskrivning(o.pactBasePath ?? referensBasPath(provider), url.pathname);
  const tillstand = await startaTillstandsServer(
    o.adminUrl ?? `${url.origin}/__admin`,
    o.adminToken !== undefined ? { adminToken: o.adminToken } : {},
  );
  const t0 = performance.now();
  let text: string;
  try {
    const options: VerifierOptions = {
      provider,
      providerBaseUrl: url.origin,
      pactUrls: pacter.map((p) => p.fil),
      // Our own endpoint, not pact-js's stateHandlers: its proxy answers 200 even when a handler
      // throws, and an unknown state must fail the interaction.
      providerStatesSetupUrl: tillstand.url,
      providerStatesSetupTeardown: true,
      providerStatesSetupBody: true,
      logLevel: o.logLevel ?? "warn",
      timeout: o.timeoutMs ?? 30_000,
      failIfNoPactsFound: true,
      ...(omskriv
        ? {
            requestFilter: (req: { url: string }, _res: unknown, next: () => void) => {
              req.url = omskriv(req.url);
              next();
            },
          }
        : {}),
    };
    text = await new Verifier(options).verifyProvider().then(
      (ok: unknown) => String(ok),
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
  } finally {
    await tillstand.close();
  }
  const ms = performance.now() - t0;
  const ffi = lasFfiResultat(text);
  const felPer = new Map<string, string[]>();
  for (const e of ffi?.errors ?? []) {
    const namn = e.interaction ?? "";
    const lista = felPer.get(namn) ?? [];
    // Mismatch texts quote body values: mask personnummer before they reach a report.
    lista.push(maskeraText(beskrivMismatch(e.mismatch)));
    felPer.set(namn, lista);
  }
  const interaktioner: InteraktionsResultat[] = (ffi?.interactionResults ?? []).map((r) => {
    const beskrivning = r.description ?? "";
    const ok = r.result === "OK";
    if (ok) return { beskrivning, ok };
    const fel = [...felPer.entries()].filter(([k]) => k.endsWith(` - ${beskrivning}`)).flatMap(([, v]) => v);
    return { beskrivning, ok, fel: fel.join("; ") || "failed" };
  });
  const ok =
    ffi !== undefined &&
    interaktioner.length > 0 &&
    interaktioner.every((i) => i.ok) &&
    tillstand.fel.length === 0;
  if (ffi === undefined)
    interaktioner.push({
      beskrivning: "(verification)",
      ok: false,
      fel: `The Pact verifier failed: ${text.slice(0, 500)}`,
    });
  return {
    ok,
    provider,
    providerBaseUrl: o.providerBaseUrl,
    pactFiles: pacter.map((p) => p.fil),
    interaktioner,
    tillstandsfel: [...tillstand.fel],
    ms,
  };
}
