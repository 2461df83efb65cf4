import { existsSync, readFileSync } from "node:fs";
import { type HttpHandler, HttpResponse, http } from "msw";
import { standardPeriod } from "../../contract/kalender.js";
import { maskera, maskeraText } from "../../contract/maskering.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import type { SsbtFraga, Tidsperiod } from "../../contract/ssbt/model.js";
import { tidsgrans } from "../adapters/transport.js";
import { lefiFragaBase64 } from "../aggregator/klienter/fk.js";
import type { Chain } from "../chain.js";
import { simRequest } from "../endpoint.js";
import type { Konsolhandelse, KonsolInspelning } from "./inspelning.js";
import { tokenSvar } from "./token.js";

/** The console's static files: plain HTML, CSS and JS, no build step, nothing from a CDN. */
const STATISKA: Record<string, string> = {
  "/__console": "console.html",
  "/__console/": "console.html",
  "/__console/console.css": "console.css",
  "/__console/console.js": "console.js",
};

const TYPER: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
};

const cache = new Map<string, string>();

function statisk(fil: string): string {
  let text = cache.get(fil);
  if (text === undefined) {
    // Next to this module in the sources; from the built dist/, the package's simulators/ folder.
    const here = new URL(`./static/${fil}`, import.meta.url);
    const kallor = new URL(`../../../simulators/console/static/${fil}`, import.meta.url);
    text = readFileSync(existsSync(here) ? here : kallor, "utf8");
    cache.set(fil, text);
  }
  return text;
}

/** The page may load nothing but its own files, and talk to nothing but its own origin. */
const SAKERHET = {
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

function problem(status: number, error: string, message: string): Response {
  return HttpResponse.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
}

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** Options of {@link konsolHandlers}. */
export interface KonsolOptions {
  inspelning: KonsolInspelning;
  /** The chain the console asks (Personer) and whose population it lists. */
  chain: () => Chain;
  /**
   * Where the console's questions go: the composite service's URL on the running server (then a
   * question is an HTTP request like any client's, seen by metrics, log and admission control), or
   * undefined to call the chain in-process.
   */
  ssbtek?: () => string | undefined;
  /** Heartbeat of the event stream, ms. Default 15 000. */
  hjartslagMs?: number;
}

/** The question the console asks about a persona: every bastjänst, the chosen period. */
export function konsolFraga(personidentitet: string, period: Tidsperiod, nr: number): SsbtFraga {
  return {
    generellaFrageparametrar: {
      korrelationsid: `konsolen-${nr}`,
      fraganSkallInkluderasISvaret: false,
      ingivare: { organisationsnummer: "162129999991", namn: "Webbkonsolen", handlaggare: "konsolen" },
      personidentitet,
      arendeidentitet: `KONSOL-${nr}`,
      tidsperiod: { ...period },
      personuppgiftsbitrade: [],
      syfte: "Beslut om eller kontroll av ekonomiskt bistånd",
      lagtext: "11 kap. 11 a § socialtjänstlagen (2001:453)",
    },
    specifikaFrageparametrar: {
      AF: { inkludera: true },
      CSN: { inkludera: true },
      FK: {
        inkludera: true,
        fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefiFragaBase64(personidentitet, period) },
      },
      SKV: { inkludera: true },
      SO: { inkludera: true },
      TNS: { inkludera: true },
      MIV: { inkludera: true },
    },
  };
}

/**
 * The web console as msw handlers, to be served with the admin API (and behind its guard):
 *
 * - `GET /__console` — the page (and its `console.css`, `console.js`)
 * - `GET /__console/events` — server-sent events: `lista` (the ring on connect), `utbyte`, `rensad`
 * - `GET /__console/api/utbyten/{id}` — one exchange in detail (masked)
 * - `GET /__console/api/personer` — the population's named personas (masked, no names under skyddad identitet)
 * - `POST /__console/api/fraga` — `{"persona":"…","fromDatum":"…","tomDatum":"…"}`: asks the chain
 * - `GET /__console/api/servicenivaer` — p50/p90/max, share answered, "med störning" per time slot
 *
 * @example
 * const handlers = konsolHandlers({ inspelning, chain: () => sim.chain });
 */
export function konsolHandlers(o: KonsolOptions): HttpHandler[] {
  const { inspelning } = o;
  let fragor = 0;
  const hjartslag = o.hjartslagMs ?? 15_000;
  return [
    ...Object.entries(STATISKA).map(([path, fil]) =>
      http.get(`*${path}`, ({ request }) => {
        const token = new URL(request.url).searchParams.get("token");
        if (token && fil === "console.html") return tokenSvar(token);
        const typ = TYPER[fil.split(".").pop() as string] as string;
        return new HttpResponse(statisk(fil), { headers: { "Content-Type": typ, ...SAKERHET } });
      }),
    ),
    http.get("*/__console/events", ({ request }) => {
      const encoder = new TextEncoder();
      let avsluta = () => {};
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const skicka = (event: string, data: unknown) => {
            try {
              controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
            } catch {
              avsluta();
            }
          };
          skicka("lista", inspelning.lista());
          const av = inspelning.prenumerera((h: Konsolhandelse) =>
            h.typ === "utbyte" ? skicka("utbyte", h.utbyte) : skicka("rensad", {}),
          );
          const timer = setInterval(() => {
            try {
              controller.enqueue(encoder.encode(": hjärtslag\n\n"));
            } catch {
              avsluta();
            }
          }, hjartslag);
          timer.unref?.();
          avsluta = () => {
            clearInterval(timer);
            av();
          };
          request.signal.addEventListener("abort", () => avsluta(), { once: true });
        },
        cancel() {
          avsluta();
        },
      });
      return new HttpResponse(stream, {
        headers: {
          "Content-Type": "text/event-stream; charset=utf-8",
          "Cache-Control": "no-store",
          "X-Accel-Buffering": "no",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }),
    http.get("*/__console/api/utbyten", () =>
      HttpResponse.json(inspelning.lista(), { headers: { "Cache-Control": "no-store" } }),
    ),
    http.get("*/__console/api/utbyten/:id", ({ params }) => {
      const id = Number(params.id);
      const u = Number.isInteger(id) ? inspelning.detalj(id) : undefined;
      if (!u)
        return problem(
          404,
          "UNKNOWN_EXCHANGE",
          `No exchange ${String(params.id).slice(0, 20)} in the ring: it was cleared by a reset or pushed out by newer ones.`,
        );
      return HttpResponse.json(u, { headers: { "Cache-Control": "no-store" } });
    }),
    http.get("*/__console/api/servicenivaer", () =>
      HttpResponse.json(inspelning.serie.toJSON(), { headers: { "Cache-Control": "no-store" } }),
    ),
    http.get("*/__console/api/personer", () => {
      const chain = o.chain();
      return HttpResponse.json(
        {
          period: standardPeriod(chain.context.now()),
          personer: chain.context.population.personas.map((p) => ({
            id: p.id,
            personidentitet: maskera(p.personidentitet),
            typ: p.typ,
            namn: p.sekretess ? undefined : `${p.fornamn} ${p.efternamn}`,
            skyddadIdentitet: p.sekretess,
            berattelse: maskeraText(p.berattelse),
            kallor: p.kallor,
          })),
        },
        { headers: { "Cache-Control": "no-store" } },
      );
    }),
    http.post("*/__console/api/fraga", async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return problem(
          400,
          "BAD_JSON",
          'Send JSON: {"persona":"arbetslos-akassa","fromDatum":"2026-10-01","tomDatum":"2026-11-30"}.',
        );
      }
      const b = (body ?? {}) as Record<string, unknown>;
      const chain = o.chain();
      const persona = typeof b.persona === "string" ? chain.context.population.medId(b.persona) : undefined;
      if (!persona)
        return problem(
          400,
          "UNKNOWN_PERSONA",
          `Unknown persona ${JSON.stringify(b.persona)?.slice(0, 60)}: pick one of GET /__console/api/personer.`,
        );
      const { fromDatum, tomDatum } = b;
      if (
        typeof fromDatum !== "string" ||
        typeof tomDatum !== "string" ||
        !DATUM.test(fromDatum) ||
        !DATUM.test(tomDatum) ||
        fromDatum > tomDatum
      )
        return problem(
          400,
          "BAD_PERIOD",
          "Give fromDatum and tomDatum as YYYY-MM-DD, fromDatum not after tomDatum.",
        );
      fragor += 1;
      const envelope = soapEnvelope(
        encodeFraga(konsolFraga(persona.personidentitet, { fromDatum, tomDatum }, fragor)),
      );
      const url = o.ssbtek?.();
      let status: number | string;
      if (url) {
        const grans = tidsgrans(60_000);
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
            body: envelope,
            signal: grans.signal,
          });
          await res.arrayBuffer();
          status = res.status;
        } catch (e) {
          return problem(
            502,
            "ASK_FAILED",
            `The composite service at ${url} did not answer: ${(e as Error).message}`,
          );
        } finally {
          grans.dispose();
        }
      } else {
        const out = await chain.endpoint(
          simRequest("POST", "/ssbtek", { "content-type": SOAP11_CONTENT_TYPE, soapaction: '""' }, envelope),
        );
        status = out?.kind === "response" ? out.status : (out?.kind ?? 404);
      }
      return HttpResponse.json(
        { status, korrelationsid: `konsolen-${fragor}` },
        { headers: { "Cache-Control": "no-store" } },
      );
    }),
  ];
}
