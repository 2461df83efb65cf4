/**
 * The field-rule properties, run in-process on the simulated chain (msw `getResponse` on the
 * `createChain` handlers, no sockets):
 * 1. every simulator answer — each bastjänst's own answer and the composite sections — satisfies
 *    every rule of its table, under ssbt/10 and under ssbt/11 (SKV's blocks and their own errors);
 * 2. the composite service answers every valid question with exactly the included sections;
 * 3. every invalid question gets a SOAP Fault whose felkod and message name the broken rule;
 * 4. a question breaking a bastjänst's own rule gets that bastjänst's error section.
 * Each check returns the findings for one generated input (empty = the property holds).
 */
import type fc from "fast-check";
import { getResponse } from "msw";
import { evaluate } from "../../contract/faltregler/engine.js";
import type { Finding } from "../../contract/faltregler/model.js";
import { parseSoapEnvelope, readSoapFault, soapEnvelope } from "../../contract/soap/envelope.js";
import { decodeFault, encodeFraga, ssbtNamespace } from "../../contract/ssbt/codec.js";
import {
  BASTJANSTER,
  type BastjanstKod,
  type KontraktVersion,
  type SsbtFraga,
} from "../../contract/ssbt/model.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { fetchRequest } from "../../simulators/adapters/transport.js";
import { type Chain, createChain } from "../../simulators/chain.js";
import { resolveOptions } from "../../simulators/options.js";
import { SIMULATORER } from "../../simulators/registry.js";
import {
  bastjanstregelBrott,
  giltigSsbtFraga,
  giltigSsbtFragaV11,
  inkluderade,
  type OgiltigFraga,
  ogiltigSsbtFraga,
} from "./fraga.js";

/** The table of each bastjänst's own answer. */
export const SVARSTABELL: Readonly<Record<BastjanstKod, string>> = Object.fromEntries(
  BASTJANSTER.map((k) => [k, SIMULATORER[k].faltregler]),
) as Record<BastjanstKod, string>;

const BAS = "http://ssbtek.field-rules.local";

/** The simulated chain the properties ask, with its clock. */
export interface Miljo {
  chain: Chain;
  now: Date;
}

/**
 * The chain for the checks: every simulator in-process with the given seed and a fixed clock.
 *
 * @example
 * const miljo = skapaMiljo(1, new Date("2026-11-20T10:00:00+01:00"));
 */
export function skapaMiljo(seed: number, now: Date): Miljo {
  return { chain: createChain(resolveOptions({ seed, now: () => new Date(now) }), BAS), now };
}

/**
 * One composite exchange in-process: the answer's Body element, or the fault. `version` picks the
 * endpoint (`/ssbtek` speaks v10, `/ssbtek/v11` ssbt/11, `/ssbtek/utkast` the draft).
 *
 * @example
 * const { body } = await fragaKomposit(skapaMiljo(1, now), encodeFraga(fraga, "v11"), "v11");
 */
export async function fragaKomposit(
  m: Miljo,
  xml: XmlElement,
  version: KontraktVersion = "v10",
): Promise<{ body?: XmlElement; fault?: { felkod: string; text: string } }> {
  const request = new Request(`${BAS}/ssbtek${version === "v10" ? "" : `/${version}`}`, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
    body: soapEnvelope(xml),
  });
  const res = await getResponse(m.chain.handlers, request);
  if (!res) throw new Error("The simulated chain did not answer /ssbtek.");
  const body = parseSoapEnvelope(await res.text()).body;
  const fault = readSoapFault(body);
  if (!fault) return { body };
  const detail = fault.detail ? decodeFault(fault.detail) : undefined;
  return {
    fault: {
      felkod: detail?.felkod ?? "",
      text: [fault.faultstring, ...(detail?.felmeddelande ?? [])].join(" | "),
    },
  };
}

/** The bastjänst's own answer (SOAP Body element or LEFI JSON text), or undefined for a fault/error answer. */
async function egetSvar(
  m: Miljo,
  kod: BastjanstKod,
  fraga: SsbtFraga,
): Promise<XmlElement | string | undefined> {
  const sim = SIMULATORER[kod];
  if (sim.klient.forkontroll?.(fraga, { version: "v10", ns: ssbtNamespace("v10") })) return undefined;
  const request = sim.klient.begaran(fraga, `${BAS}${sim.path}`, {
    version: "v10",
    ns: ssbtNamespace("v10"),
  });
  const res = await getResponse(m.chain.handlers, fetchRequest(request));
  if (!res) throw new Error(`The simulated ${kod} did not answer ${sim.path}.`);
  const text = await res.text();
  if (kod === "FK") return res.status === 200 ? text : undefined;
  const body = parseSoapEnvelope(text).body;
  return readSoapFault(body) ? undefined : body;
}

function problem(rule: string, path: string, message: string): Finding {
  return { rule, path, message };
}

/** One property: its name (also the test name), the generated input and the check. */
export interface Egenskap<T> {
  namn: string;
  /** Default number of runs (the heavy ones run fewer). */
  numRuns: number;
  arbitrary(now: Date): fc.Arbitrary<T>;
  kontrollera(m: Miljo, input: T): Promise<Finding[]>;
  /** The input as shown in a report (personal values are masked afterwards). */
  visa(input: T): unknown;
}

const visaOgiltig = (o: OgiltigFraga) => ({
  regel: o.regel,
  path: o.path,
  varde: o.varde,
  vidBrott: o.vidBrott,
  fraga: o.fraga,
});

/** What a property reports when a valid question got a SOAP Fault instead of an answer. */
const faultForGiltigFraga = (fault: { felkod: string; text: string } | undefined): Finding[] => [
  problem("SSBT.svar", "/", `a valid question got a SOAP Fault ${fault?.felkod}: ${fault?.text}`),
];

/** Property 1: every simulator answer satisfies every rule of its table. */
export const SIMULATORSVAR: Egenskap<SsbtFraga> = {
  namn: "every simulator answer satisfies every rule of its table",
  numRuns: 25,
  arbitrary: (now) => giltigSsbtFraga({ now, allaInkluderade: true }),
  async kontrollera(m, fraga) {
    const ctx = { now: m.now, fraga };
    const svar = await fragaKomposit(m, encodeFraga(fraga));
    if (!svar.body) return faultForGiltigFraga(svar.fault);
    const out = evaluate("ssbt-svar", svar.body, ctx);
    for (const kod of inkluderade(fraga)) {
      const eget = await egetSvar(m, kod, fraga);
      if (eget !== undefined)
        out.push(...evaluate(SVARSTABELL[kod], eget, ctx).map((f) => ({ ...f, path: `${kod}:${f.path}` })));
    }
    return out;
  },
  visa: (f) => f,
};

/**
 * Property 1 under ssbt/11: every composite answer satisfies `ssbt-v11-svar` — the SKV blocks the
 * question asked for, each its JSON document or its own error (9071004, 9071005), and the
 * sections of ssbt/10 — and the generated question itself `ssbt-v11-fraga`.
 */
export const SIMULATORSVAR_V11: Egenskap<SsbtFraga> = {
  namn: "every ssbt/11 composite answer satisfies every rule of its table",
  numRuns: 25,
  arbitrary: (now) => giltigSsbtFragaV11({ now }),
  async kontrollera(m, fraga) {
    const xml = encodeFraga(fraga, "v11");
    const egna = evaluate("ssbt-v11-fraga", xml, { now: m.now });
    if (egna.length > 0)
      return egna.map((f) => ({ ...f, message: `the generated valid question breaks it: ${f.message}` }));
    const svar = await fragaKomposit(m, xml, "v11");
    if (!svar.body) return faultForGiltigFraga(svar.fault);
    return evaluate("ssbt-v11-svar", svar.body, { now: m.now, fraga });
  },
  visa: (f) => f,
};

/** Property 2: the composite service answers every valid question with exactly the included sections. */
export const SEKTIONER: Egenskap<SsbtFraga> = {
  namn: "the composite service answers every valid request with exactly the included sections",
  numRuns: 40,
  arbitrary: (now) => giltigSsbtFraga({ now }),
  async kontrollera(m, fraga) {
    const xml = encodeFraga(fraga);
    const egna = evaluate("ssbt-fraga", xml, { now: m.now });
    if (egna.length > 0)
      return egna.map((f) => ({ ...f, message: `the generated valid question breaks it: ${f.message}` }));
    const svar = await fragaKomposit(m, xml);
    if (!svar.body) return faultForGiltigFraga(svar.fault);
    const sd = svar.body.children.find(
      (c): c is XmlElement => c.kind === "element" && c.local === "svarsdata",
    );
    const fick = (sd?.children ?? []).flatMap((c) => (c.kind === "element" ? [c.local] : []));
    const vantade = inkluderade(fraga);
    const out = evaluate("ssbt-svar", svar.body, { now: m.now, fraga }).filter(
      (f) => f.rule === "SSBT.svar.sektioner",
    );
    if (out.length === 0 && fick.join(",") !== vantade.join(","))
      out.push(
        problem(
          "SSBT.svar.sektioner",
          "/hamtaBastjanstInformationResponse/svarsdata",
          `sections ${fick.join(",")} ≠ ${vantade.join(",")}`,
        ),
      );
    return out;
  },
  visa: (f) => f,
};

/** Property 3: every invalid question gets a SOAP Fault naming the broken rule (felkod) and the path. */
export const OGILTIG_FRAGA: Egenskap<OgiltigFraga> = {
  namn: "every invalid request gets a SOAP Fault naming the broken rule",
  numRuns: 60,
  arbitrary: (now) => ogiltigSsbtFraga({ now }),
  async kontrollera(m, o) {
    const out: Finding[] = [];
    const vantad = "fault" in o.vidBrott ? o.vidBrott.fault : "";
    const motor = evaluate("ssbt-fraga", o.xml, { now: m.now });
    if (!motor.some((f) => f.rule === o.regel && f.path === o.path))
      out.push(
        problem(
          o.regel,
          o.path,
          `the engine does not report ${o.regel} at ${o.path} (found: ${motor.map((f) => f.rule).join(", ") || "nothing"})`,
        ),
      );
    const svar = await fragaKomposit(m, o.xml);
    if (!svar.fault)
      out.push(problem(o.regel, o.path, `the composite service answered instead of a SOAP Fault ${vantad}`));
    else {
      if (svar.fault.felkod !== vantad)
        out.push(
          problem(
            o.regel,
            o.path,
            `SOAP Fault felkod ${svar.fault.felkod}, expected ${vantad}: ${svar.fault.text}`,
          ),
        );
      if (!svar.fault.text.includes(o.path))
        out.push(problem(o.regel, o.path, `the fault message does not name ${o.path}: ${svar.fault.text}`));
    }
    return out;
  },
  visa: visaOgiltig,
};

/** Property 4: a question breaking a bastjänst-named rule gets that bastjänst's error section (and only a section). */
export const BASTJANSTREGEL: Egenskap<OgiltigFraga> = {
  namn: "a request breaking a bastjanst rule gets that bastjanst's error section",
  numRuns: 40,
  arbitrary: (now) => bastjanstregelBrott({ now }),
  async kontrollera(m, o) {
    const out: Finding[] = [];
    if (!("bastjanst" in o.vidBrott)) return [problem(o.regel, o.path, "not a bastjänst rule")];
    const { bastjanst, kalla, felkod } = o.vidBrott;
    const motor = evaluate("ssbt-fraga", o.xml, { now: m.now });
    if (!motor.some((f) => f.rule === o.regel && f.path === o.path))
      out.push(
        problem(
          o.regel,
          o.path,
          `the engine does not report ${o.regel} at ${o.path} (found: ${motor.map((f) => f.rule).join(", ") || "nothing"})`,
        ),
      );
    const svar = await fragaKomposit(m, o.xml);
    if (!svar.body)
      return [
        ...out,
        problem(
          o.regel,
          o.path,
          `the whole question was rejected (${svar.fault?.felkod}: ${svar.fault?.text})`,
        ),
      ];
    const sektion = (
      svar.body.children.find((c): c is XmlElement => c.kind === "element" && c.local === "svarsdata")
        ?.children ?? []
    ).find((c): c is XmlElement => c.kind === "element" && c.local === bastjanst);
    const error = sektion?.children.find((c): c is XmlElement => c.kind === "element" && c.local === "error");
    const las = (local: string) =>
      error?.children
        .find((c): c is XmlElement => c.kind === "element" && c.local === local)
        ?.children.map((t) => (t.kind === "text" ? t.text : ""))
        .join("");
    if (!error)
      out.push(
        problem(
          o.regel,
          o.path,
          `${bastjanst} answered data, expected an error section (${kalla} ${felkod ?? ""})`,
        ),
      );
    else {
      if (las("kalla") !== kalla)
        out.push(problem(o.regel, o.path, `${bastjanst} error has kalla ${las("kalla")}, expected ${kalla}`));
      if (felkod !== undefined && las("felkod") !== felkod)
        out.push(
          problem(o.regel, o.path, `${bastjanst} error has felkod ${las("felkod")}, expected ${felkod}`),
        );
    }
    return out;
  },
  visa: visaOgiltig,
};

/** Every property, in order. */
export const EGENSKAPER = [
  SIMULATORSVAR,
  SIMULATORSVAR_V11,
  SEKTIONER,
  OGILTIG_FRAGA,
  BASTJANSTREGEL,
] as const;
