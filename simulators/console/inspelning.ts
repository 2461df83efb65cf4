/**
 * The web console's recorder: a decorator of the composite service and of each bastjänst endpoint
 * that keeps the last exchanges in a bounded ring, in memory only, masked before they are stored.
 *
 * Cost is paid only while someone watches: with no console open, an exchange leaves one small
 * summary (time, ingivare, masked personidentitet, per-section outcome, duration — what the
 * metrics' traces hold). While a console is open (a subscriber to the event stream), each exchange
 * is also kept in detail: request and answer pretty-printed with their payloads decoded and
 * masked, the field-rule findings of the request, the caseworker view and the bastjänst calls it
 * caused. `clear()` (on `POST /__admin/reset`) forgets everything.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { isHarnessError } from "../../contract/errors.js";
import { evaluate } from "../../contract/faltregler/engine.js";
import type { Finding } from "../../contract/faltregler/model.js";
import { ssbtTabell } from "../../contract/faltregler/tabeller.js";
import { maskera, maskeraText } from "../../contract/personidentitet.js";
import { parseSoapEnvelope, readSoapFault } from "../../contract/soap/envelope.js";
import { decodeFault, decodeFraga, decodeSvar, versionOfNamespace } from "../../contract/ssbt/codec.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type KontraktVersion,
  type SsbtFraga,
  type SsbtSvar,
} from "../../contract/ssbt/model.js";
import type { SsbtUtfall } from "../aggregator/handlers.js";
import type { DelUtfall } from "../aggregator/service.js";
import type { Decorator } from "../chain.js";
import { bodyText, type Endpoint, type SimOutcome, type SimRequest } from "../endpoint.js";
import { iKontraktsordning } from "../metrics/recorder.js";
import { RingBuffer } from "../metrics/ring-buffer.js";
import { type Handlaggarvy, handlaggarvy } from "./handlaggarvy.js";
import { Servicenivaserie } from "./servicenivaserie.js";
import { visaMeddelande } from "./visning.js";

/** Outcome of one section (or of one bastjänst call). */
export interface Delutfall {
  kod: BastjanstKod;
  utfall: "data" | "BT" | "SSBT";
  felkod?: string;
  ms: number;
}

/** One exchange in the Trafik list: masked, small, no answer data. */
export interface Utbytessammanfattning {
  id: number;
  /** ISO instant (real time) the exchange finished. */
  tid: string;
  /** "ssbt" (the composite service) or the bastjänst called directly from outside. */
  tjanst: "ssbt" | BastjanstKod;
  operation: string;
  status: number | "dropped" | "timeout" | "closed";
  /** felkod of a SOAP Fault that failed the whole request. */
  felkod?: string;
  ingivare?: string;
  ingivareNamn?: string;
  /** Masked, e.g. "19960823-****". */
  personidentitet?: string;
  /** Masked korrelationsid the question carried. */
  korrelationsid?: string;
  /** Named persona id when the person is one (for the filter), never the personidentitet. */
  persona?: string;
  delar: Delutfall[];
  ms: number;
  /** Overall: "data" (every section data), "BT"/"SSBT" (some section failed), "fault" (SOAP Fault). */
  utfall: "data" | "BT" | "SSBT" | "fault" | "fel";
  /** True when the detail was kept (a console was open). */
  detalj: boolean;
}

/** One bastjänst call in an exchange's detail. */
export interface BastjanstAnrop {
  kod: BastjanstKod;
  metod: string;
  path: string;
  status: Utbytessammanfattning["status"];
  ms: number;
  fraga: string;
  svar: string;
}

/** Everything the console shows about one exchange; every string masked. */
export interface Utbytesdetalj extends Utbytessammanfattning {
  fraga: string;
  svar: string;
  /** Field-rule findings of the request (what `certify consumer --record` reports). */
  fynd: Finding[];
  handlaggarvy?: Handlaggarvy;
  anrop: BastjanstAnrop[];
}

/** What the event stream sends. */
export type Konsolhandelse = { typ: "utbyte"; utbyte: Utbytessammanfattning } | { typ: "rensad" };

/** Options of {@link KonsolInspelning}. */
export interface InspelningOptions {
  /** How many exchanges the ring keeps (as summaries). Default 500. */
  kapacitet?: number;
  /** How many of the newest exchanges keep their detail. Default 100. */
  detaljKapacitet?: number;
  /** Most characters the kept details may hold together (oldest detail dropped first). Default 16 Mi. */
  detaljTecken?: number;
  /** The simulator's clock (field rules that depend on today). Default: real time. */
  now?: () => Date;
  /** Real time for the Trafik list and the service-level series. Default: `Date.now`. */
  klocka?: () => number;
  /** The named persona behind a personidentitet, if any. */
  persona?: (personidentitet: string) => string | undefined;
}

interface Pagaende {
  anrop: BastjanstAnrop[];
  utfall?: SsbtUtfall;
}

function statusAv(o: SimOutcome | undefined): Utbytessammanfattning["status"] {
  if (!o) return 404;
  if (o.kind === "response" || o.kind === "stream") return o.status;
  return o.kind;
}

function svarText(o: SimOutcome | undefined): string {
  if (!o) return "";
  if (o.kind === "response") return typeof o.body === "string" ? o.body : new TextDecoder().decode(o.body);
  if (o.kind === "timeout" || o.kind === "closed") return o.rader.join("\n");
  if (o.kind === "dropped") return "(anslutningen bröts utan svar)";
  return "";
}

/** The root element's local name of a SOAP request, or a short description. */
function operationAv(text: string, path: string): string {
  const m = /<(?:[\w.-]+:)?Body\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(text);
  if (m) return m[1] as string;
  if (text.trimStart().startsWith("{")) return `POST ${path.split("/").slice(-1)[0]}`;
  return path;
}

function samlatUtfall(
  s: Pick<Utbytessammanfattning, "felkod" | "delar" | "status">,
): Utbytessammanfattning["utfall"] {
  if (s.felkod !== undefined) return "fault";
  if (typeof s.status !== "number" || s.status >= 400) return "fel";
  if (s.delar.some((d) => d.utfall === "SSBT")) return "SSBT";
  if (s.delar.some((d) => d.utfall === "BT")) return "BT";
  return "data";
}

/** What one composite exchange was, read from its request and answer. Never throws. */
function lasUtbyte(
  path: string,
  text: string,
  out: SimOutcome | undefined,
  svarstext: string,
  anrop: readonly BastjanstAnrop[],
): {
  operation: SsbtUtfall["operation"];
  version: KontraktVersion;
  felkod?: string;
  fraga?: SsbtFraga;
  svar?: SsbtSvar;
  delar: DelUtfall[];
} {
  let operation: SsbtUtfall["operation"] = "okand";
  let version: KontraktVersion = path === "/ssbtek/v11" ? "v11" : "v10";
  let fraga: SsbtFraga | undefined;
  try {
    const body = parseSoapEnvelope(text).body;
    version = versionOfNamespace(body.ns) ?? version;
    if (body.local === "hamtaBastjanstInformation" || body.local === "testaBastjanstInformation")
      operation = body.local;
    if (operation === "hamtaBastjanstInformation") fraga = decodeFraga(body, version);
  } catch {
    // an unreadable question: the answer is a SOAP Fault that says why
  }
  const delar: DelUtfall[] = [];
  let felkod: string | undefined;
  let svar: SsbtSvar | undefined;
  if (out?.kind === "response") {
    try {
      const body = parseSoapEnvelope(svarstext).body;
      const fault = readSoapFault(body);
      if (fault) felkod = fault.detail ? decodeFault(fault.detail).felkod : fault.faultcode;
      else if (operation === "hamtaBastjanstInformation") {
        svar = decodeSvar(body, version);
        for (const kod of BASTJANSTER) {
          const sektion = svar.svarsdata[kod];
          if (!sektion) continue;
          const ms = anrop.find((a) => a.kod === kod)?.ms ?? 0;
          if ("error" in sektion)
            delar.push({ kod, ms, utfall: sektion.error.kalla, felkod: sektion.error.felkod });
          else delar.push({ kod, ms, utfall: "data" });
        }
      }
    } catch {
      // an answer that is not SOAP: its status says enough
    }
  }
  return {
    operation,
    version,
    delar,
    ...(felkod !== undefined ? { felkod } : {}),
    ...(fraga ? { fraga } : {}),
    ...(svar ? { svar } : {}),
  };
}

/** The field-rule findings of one raw request, as `certify consumer --record` computes them. */
function regelfynd(text: string, operation: string, version: KontraktVersion, now: Date): Finding[] {
  if (operation !== "hamtaBastjanstInformation") return [];
  try {
    return evaluate(ssbtTabell(version, "fraga"), text, { now });
  } catch (e) {
    return [
      {
        rule: "SSBT.meddelande",
        path: "/",
        message: maskeraText(isHarnessError(e) ? e.message : "the request could not be evaluated"),
      },
    ];
  }
}

/**
 * The recorder behind `/__console`. Plug it into a chain with {@link KonsolInspelning.composite}
 * (`chain.useComposite`), {@link KonsolInspelning.bastjanst} (`ChainHooks.bastjanst`) and
 * {@link KonsolInspelning.onUtfall}; `clear()` on reset.
 *
 * @example
 * const rec = new KonsolInspelning({ kapacitet: 500 });
 * const sim = await startSimulator({ port: 0 }, { onUtfall: rec.onUtfall, bastjanst: rec.bastjanst });
 * sim.chain.useComposite(rec.composite);
 * const off = rec.prenumerera((h) => console.log(h.typ));
 */
export class KonsolInspelning {
  private readonly ring: RingBuffer<Utbytessammanfattning>;
  /** Details of the newest exchanges, oldest first; bounded by count and by size. */
  private readonly detaljer = new Map<number, { detalj: Utbytesdetalj; tecken: number }>();
  private detaljTecken = 0;
  private readonly maxDetaljer: number;
  private readonly maxDetaljTecken: number;
  private readonly prenumeranter = new Set<(h: Konsolhandelse) => void>();
  private readonly als = new AsyncLocalStorage<Pagaende>();
  /** Requests the composite decorator records in detail (so `onUtfall` does not count them twice). */
  private readonly egna = new WeakSet<SimRequest>();
  private readonly now: () => Date;
  private readonly klocka: () => number;
  private readonly persona: (pid: string) => string | undefined;
  private nasta = 1;
  /** p50/p90/max, share answered and disturbance per time slot. */
  readonly serie: Servicenivaserie;

  constructor(options: InspelningOptions = {}) {
    this.ring = new RingBuffer(options.kapacitet ?? 500);
    this.maxDetaljer = Math.min(options.detaljKapacitet ?? 100, this.ring.capacity);
    this.maxDetaljTecken = options.detaljTecken ?? 16 * 1024 * 1024;
    this.now = options.now ?? (() => new Date());
    this.klocka = options.klocka ?? (() => Date.now());
    this.persona = options.persona ?? (() => undefined);
    this.serie = new Servicenivaserie({ klocka: this.klocka });
  }

  /** How many exchanges are held, and the most there can be; how many with detail, and their size. */
  get storlek(): { antal: number; kapacitet: number; detaljer: number; detaljTecken: number } {
    return {
      antal: this.ring.length,
      kapacitet: this.ring.capacity,
      detaljer: this.detaljer.size,
      detaljTecken: this.detaljTecken,
    };
  }

  /** True while a console is open: then exchanges are kept in detail. */
  get fangar(): boolean {
    return this.prenumeranter.size > 0;
  }

  /** The exchanges held, oldest first, as summaries. */
  lista(): Utbytessammanfattning[] {
    return this.ring.toArray().map((u) => ({ ...u, detalj: this.detaljer.has(u.id) }));
  }

  /** One exchange in detail, its summary when the detail is gone or was never kept, or undefined. */
  detalj(id: number): Utbytesdetalj | Utbytessammanfattning | undefined {
    const d = this.detaljer.get(id);
    if (d) return d.detalj;
    const u = this.ring.toArray().find((x) => x.id === id);
    return u ? { ...u, detalj: false } : undefined;
  }

  /**
   * Calls `lyssnare` for every new exchange and every reset. Returns the unsubscribe function.
   * While at least one listener is subscribed, exchanges are kept in detail.
   */
  prenumerera(lyssnare: (h: Konsolhandelse) => void): () => void {
    this.prenumeranter.add(lyssnare);
    return () => {
      this.prenumeranter.delete(lyssnare);
    };
  }

  /** Forgets every exchange and the service-level series (on `POST /__admin/reset`). */
  clear(): void {
    this.ring.clear();
    this.detaljer.clear();
    this.detaljTecken = 0;
    this.serie.clear();
    this.publicera({ typ: "rensad" });
  }

  private publicera(h: Konsolhandelse): void {
    for (const p of this.prenumeranter) {
      try {
        p(h);
      } catch {
        // a broken listener must never change an answer
      }
    }
  }

  private lagra(u: Utbytessammanfattning | Utbytesdetalj): void {
    const s = sammanfattning(u);
    this.ring.push(s);
    if ("fraga" in u) {
      const tecken = storlekAv(u);
      this.detaljer.set(u.id, { detalj: u, tecken });
      this.detaljTecken += tecken;
      // Oldest first: Map keeps insertion order. The summary stays in the ring.
      while (
        this.detaljer.size > 0 &&
        (this.detaljer.size > this.maxDetaljer || this.detaljTecken > this.maxDetaljTecken)
      ) {
        const [id, aldst] = this.detaljer.entries().next().value as [number, { tecken: number }];
        this.detaljer.delete(id);
        this.detaljTecken -= aldst.tecken;
      }
    }
    // A detail pushed out of the summary ring goes too (ids are pushed in order: the oldest is s.id − length + 1).
    const forsta = s.id - this.ring.length + 1;
    for (const id of this.detaljer.keys()) {
      if (id >= forsta) break;
      this.detaljTecken -= this.detaljer.get(id)?.tecken ?? 0;
      this.detaljer.delete(id);
    }
    this.publicera({ typ: "utbyte", utbyte: s });
  }

  /**
   * Feed of the composite service's outcomes (pass in `onUtfall`, in-process or after the answer
   * went out on the wire). An exchange the composite decorator is recording in detail is not
   * summarised again. Never throws.
   */
  readonly onUtfall = (u: SsbtUtfall, request?: SimRequest): void => {
    try {
      this.serie.observe(u);
      const pagaende = this.als.getStore();
      if (pagaende) {
        pagaende.utfall = u;
        return;
      }
      if (request && this.egna.has(request)) return;
      this.lagra(this.sammanfatta(u, u.status));
    } catch {
      // the console is best effort
    }
  };

  private sammanfatta(u: SsbtUtfall, status: Utbytessammanfattning["status"]): Utbytessammanfattning {
    const g = u.fraga?.generellaFrageparametrar;
    const persona = g ? this.persona(g.personidentitet) : undefined;
    const s: Utbytessammanfattning = {
      id: this.nasta++,
      tid: new Date(this.klocka()).toISOString(),
      tjanst: "ssbt",
      operation: u.operation,
      status,
      delar: iKontraktsordning(u.delar).map((d) => ({
        kod: d.kod,
        utfall: d.utfall,
        ms: Math.round(d.ms),
        ...(d.felkod !== undefined ? { felkod: maskeraText(d.felkod) } : {}),
      })),
      ms: Math.round(u.ms ?? 0),
      utfall: "data",
      detalj: false,
      ...(u.felkod !== undefined ? { felkod: maskeraText(u.felkod) } : {}),
      ...(g
        ? {
            ingivare: maskeraText(g.ingivare.organisationsnummer.slice(0, 20)),
            ingivareNamn: maskeraText(g.ingivare.namn.slice(0, 80)),
            personidentitet: maskera(g.personidentitet),
            ...(g.korrelationsid !== undefined
              ? { korrelationsid: maskeraText(g.korrelationsid.slice(0, 100)) }
              : {}),
          }
        : {}),
      ...(persona ? { persona } : {}),
    };
    s.utfall = samlatUtfall(s);
    return s;
  }

  /** The decorator of the composite service's endpoint (pass to `chain.useComposite`). */
  readonly composite: Decorator = (next) => (request) =>
    // No console open: straight through, not even an extra promise.
    !this.fangar || request.method !== "POST" ? next(request) : this.spelaIn(next, request);

  private async spelaIn(next: Endpoint, request: SimRequest): Promise<SimOutcome | undefined> {
    this.egna.add(request);
    const pagaende: Pagaende = { anrop: [] };
    const t0 = performance.now();
    const out = await this.als.run(pagaende, () => next(request));
    try {
      this.lagra(this.detaljAv(request, out, pagaende, performance.now() - t0));
    } catch {
      // the console is best effort
    }
    return out;
  }

  private detaljAv(request: SimRequest, out: SimOutcome | undefined, p: Pagaende, ms: number): Utbytesdetalj {
    const text = bodyText(request);
    const svarstext = svarText(out);
    const status = statusAv(out);
    // The outcome as the composite service reported it when that came in-process, else read back
    // from the two messages (the wire hooks report only once the answer has been sent).
    const last = lasUtbyte(request.path, text, out, svarstext, p.anrop);
    const u: SsbtUtfall = p.utfall ?? {
      operation: last.operation,
      version: last.version,
      status: typeof status === "number" ? status : 500,
      delar: last.delar,
      ms,
      ...(last.felkod !== undefined ? { felkod: last.felkod } : {}),
      ...(last.fraga ? { fraga: last.fraga } : {}),
    };
    const s = this.sammanfatta({ ...u, ms: p.utfall?.ms ?? ms }, status);
    let vy: Handlaggarvy | undefined;
    if (u.fraga && last.svar) {
      try {
        vy = handlaggarvy(u.fraga, last.svar);
      } catch {
        vy = undefined;
      }
    }
    return {
      ...s,
      detalj: true,
      fraga: visaMeddelande(text),
      svar: visaMeddelande(svarstext),
      fynd: [
        ...regelfynd(text, u.operation, u.version, this.now()),
        // A refused request is a finding too, as in `certify consumer --record`.
        ...(s.felkod !== undefined
          ? [
              {
                rule: `SSBT.fault.${s.felkod}`,
                path: "/",
                value: s.felkod,
                message: `The composite service refused the request with a SOAP Fault (${s.felkod}).`,
              },
            ]
          : []),
      ].map((f) => ({
        ...f,
        message: maskeraText(f.message),
        ...(f.value !== undefined ? { value: maskeraText(f.value) } : {}),
      })),
      ...(vy ? { handlaggarvy: vy } : {}),
      anrop: p.anrop,
    };
  }

  /** The decorator of one bastjänst's endpoint (pass as `ChainHooks.bastjanst`). */
  readonly bastjanst =
    (kod: BastjanstKod): Decorator =>
    (next) =>
    (request) =>
      this.fangar ? this.spelaInAnrop(kod, next, request) : next(request);

  private async spelaInAnrop(
    kod: BastjanstKod,
    next: Endpoint,
    request: SimRequest,
  ): Promise<SimOutcome | undefined> {
    const t0 = performance.now();
    const out = await next(request);
    if (out === undefined) return out;
    try {
      const text = bodyText(request);
      const anrop: BastjanstAnrop = {
        kod,
        metod: request.method,
        path: maskeraText(request.path),
        status: statusAv(out),
        ms: Math.round(performance.now() - t0),
        fraga: visaMeddelande(text),
        svar: visaMeddelande(svarText(out)),
      };
      const pagaende = this.als.getStore();
      if (pagaende) pagaende.anrop.push(anrop);
      else this.lagra(this.direktAnrop(anrop, text, request.path));
    } catch {
      // the console is best effort
    }
    return out;
  }

  /** A bastjänst called directly (not through the composite service), as its own exchange. */
  private direktAnrop(a: BastjanstAnrop, text: string, path: string): Utbytesdetalj {
    const ok = typeof a.status === "number" && a.status < 400;
    return {
      id: this.nasta++,
      tid: new Date(this.klocka()).toISOString(),
      tjanst: a.kod,
      operation: operationAv(text, path),
      status: a.status,
      delar: [{ kod: a.kod, utfall: ok ? "data" : "BT", ms: a.ms }],
      ms: a.ms,
      utfall: ok ? "data" : "fel",
      detalj: true,
      fraga: a.fraga,
      svar: a.svar,
      fynd: [],
      anrop: [a],
    };
  }
}

/** Roughly how much memory a detail holds: the characters of its texts. */
function storlekAv(d: Utbytesdetalj): number {
  let n = d.fraga.length + d.svar.length + JSON.stringify(d.fynd).length;
  for (const a of d.anrop) n += a.fraga.length + a.svar.length;
  if (d.handlaggarvy) n += JSON.stringify(d.handlaggarvy).length;
  return n;
}

function sammanfattning(u: Utbytessammanfattning | Utbytesdetalj): Utbytessammanfattning {
  const {
    id,
    tid,
    tjanst,
    operation,
    status,
    felkod,
    ingivare,
    ingivareNamn,
    personidentitet,
    korrelationsid,
  } = u;
  const { persona, delar, ms, utfall, detalj } = u;
  return {
    id,
    tid,
    tjanst,
    operation,
    status,
    ...(felkod !== undefined ? { felkod } : {}),
    ...(ingivare !== undefined ? { ingivare } : {}),
    ...(ingivareNamn !== undefined ? { ingivareNamn } : {}),
    ...(personidentitet !== undefined ? { personidentitet } : {}),
    ...(korrelationsid !== undefined ? { korrelationsid } : {}),
    ...(persona !== undefined ? { persona } : {}),
    delar,
    ms,
    utfall,
    detalj,
  };
}
