import { getResponse } from "msw";
import { decodeFraga as decodeAfFraga, decodeSvar as decodeAfSvar } from "../../contract/af/codec.js";
import { HarnessError } from "../../contract/errors.js";
import { NS } from "../../contract/namespaces.js";
import {
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  soapEnvelope,
} from "../../contract/soap/envelope.js";
import { decodeSvar, encodeFraga, ssbtNamespace } from "../../contract/ssbt/codec.js";
import { KONTRAKT_VERSIONER, type KontraktVersion } from "../../contract/ssbt/model.js";
import { el, findChild } from "../../contract/xml/node.js";
import { buildReport, type CertifyCase, type CertifyReport } from "../../reports/model.js";
import type { FaultMap } from "../../simulators/faults/fault.js";
import { type SsbtInteraktion, ssbtInteraktioner } from "../consumer/ssbt-pact.js";
import { lasSsbtSvar, skillnader } from "../consumer/ssbt-svar.js";
import { SSBT, VERKSAMHETSSYSTEM } from "../pact/names.js";
import { REFERENS_KLOCKA, REFERENS_ORIGIN, REFERENS_SEED, referensKedja } from "../pact/referens.js";
import { parseTillstand } from "../pact/states.js";

/** Options of {@link certifyBlandadKedja}. */
export interface BlandadOptions {
  /** The contract the service under test speaks (served at `/ssbtek/<contract>`). */
  contract: KontraktVersion;
  /** The contract version the replayed consumers were built against. */
  consumers: KontraktVersion;
}

/** One replayed interaction. */
export interface BlandadRad {
  beskrivning: string;
  status: number;
  passed: boolean;
  /** What differs from what the consumer relies on (empty when it passed). */
  skillnader: string[];
  /** True when AF's answer carried the draft's extension (a lenient consumer skipped it). */
  afUtokad: boolean;
}

function version(v: string, flagga: string): KontraktVersion {
  if (!(KONTRAKT_VERSIONER as readonly string[]).includes(v))
    throw new HarnessError(
      "BAD_OPTION",
      `Unknown contract ${v} in ${flagga}: pass one of ${KONTRAKT_VERSIONER.join(", ")}.`,
    );
  return v as KontraktVersion;
}

/**
 * Checks options from the command line.
 *
 * @example
 * blandadOptions("utkast", "v11") // { contract: "utkast", consumers: "v11" }
 */
export function blandadOptions(contract: string, consumers: string): BlandadOptions {
  return { contract: version(contract, "--contract"), consumers: version(consumers, "--consumers") };
}

function faultsAv(tillstand: readonly string[]): FaultMap {
  const faults: FaultMap = {};
  for (const namn of tillstand) {
    const t = parseTillstand(namn);
    if (t.typ === "fault") faults[t.kod] = t.fault;
  }
  return faults;
}

/** The consumer's request, in the namespace of the version it was built against. */
function begaran(i: SsbtInteraktion, consumers: KontraktVersion): string {
  return soapEnvelope(
    i.fraga ? encodeFraga(i.fraga, consumers) : el(ssbtNamespace(consumers), "testaBastjanstInformation"),
  );
}

/**
 * A consumer's own strict reading of AF's data: ers_stod v2 with its trailing `xs:any` (what any
 * ers_stod v2 client does). Returns whether the draft's extension was there to be skipped.
 */
function lasAf(xml: string, consumers: KontraktVersion): { fel?: string; utokad: boolean } {
  try {
    const { body } = parseSoapEnvelope(xml);
    if (readSoapFault(body) || body.local !== "hamtaBastjanstInformationResponse") return { utokad: false };
    const af = decodeSvar(body, consumers).svarsdata.AF;
    if (!af || !("data" in af)) return { utokad: false };
    const [fraga, svar] = af.data;
    if (!fraga || !svar) return { fel: "AF data lacks Fraga or Svar", utokad: false };
    decodeAfFraga(fraga);
    decodeAfSvar(svar);
    return { utokad: findChild(svar, NS.afUtkast, "UtokadSvar") !== undefined };
  } catch (e) {
    return { fel: `AF data unreadable: ${(e as Error).message}`, utokad: false };
  }
}

/**
 * The mixed-version rehearsal: replays the reference consumer interactions (the verksamhetssystem
 * → SSBT pact, `suites/consumer/ssbt-pact.ts`), as a consumer of version `consumers` sends them,
 * against the composite service speaking `contract` (in-process reference chain, reference clock
 * and seed), and reports which still pass: the answer must be in the consumer's namespace, hold
 * exactly the sections/faults the consumer relies on, and AF's data must read with ers_stod v2.
 *
 * @example
 * const { rader } = await certifyBlandadKedja({ contract: "utkast", consumers: "v11" });
 * rader.every((r) => r.passed) // true: the draft is additive
 */
export async function certifyBlandadKedja(
  o: BlandadOptions,
): Promise<{ rader: BlandadRad[]; report: CertifyReport; klocka: string }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const chain = referensKedja();
  const rader: BlandadRad[] = [];
  const cases: CertifyCase[] = [];
  for (const i of ssbtInteraktioner()) {
    const c0 = performance.now();
    chain.control.setFaults(faultsAv(i.tillstand));
    const res = await getResponse(
      chain.handlers,
      new Request(`${REFERENS_ORIGIN}/ssbtek/${o.contract}`, {
        method: "POST",
        headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
        body: begaran(i, o.consumers),
      }),
    );
    if (!res)
      throw new HarnessError("INTERNAL", `The reference chain did not answer on /ssbtek/${o.contract}.`);
    const xml = await res.text();
    const utfall = lasSsbtSvar(res.status, xml, o.consumers);
    // Name the fault the consumer got (e.g. SSBT-1006: the endpoint speaks another namespace).
    const diff = skillnader(i.forvantat, utfall).map((d) =>
      utfall.typ === "fault" && d.endsWith("got fault") ? `${d} ${utfall.felkod}` : d,
    );
    const af = lasAf(xml, o.consumers);
    if (af.fel) diff.push(af.fel);
    const rad: BlandadRad = {
      beskrivning: i.beskrivning,
      status: res.status,
      passed: diff.length === 0,
      skillnader: diff,
      afUtokad: af.utokad,
    };
    rader.push(rad);
    cases.push({
      name: i.beskrivning,
      status: rad.passed ? "pass" : "fail",
      durationMs: performance.now() - c0,
      findings: diff.map((d) => ({
        rule: `blandad.${o.consumers}-mot-${o.contract}`,
        message: d,
        seed: REFERENS_SEED,
        replay: `npx ssbtek-harness certify chain --contract ${o.contract} --consumers ${o.consumers}`,
      })),
      details: { status: String(res.status), afUtokad: rad.afUtokad ? "ja" : "nej" },
    });
  }
  chain.control.setFaults({});
  const report = buildReport({
    command: "certify chain",
    target: `consumers ${o.consumers} → service ${o.contract} (/ssbtek/${o.contract})`,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - t0,
    seed: REFERENS_SEED,
    suites: [
      {
        name: `${o.consumers} consumer interactions against ${o.contract}`,
        cases,
        properties: {
          contract: o.contract,
          consumers: o.consumers,
          interactions: "verksamhetssystem → ssbtek-ssbt",
        },
      },
    ],
  });
  return { rader, report, klocka: REFERENS_KLOCKA };
}

/**
 * The consumer × provider pair the rehearsal verified, for the evidence bundle: the reference
 * consumer (pact participant `verksamhetssystem`) against the composite service `ssbtek-ssbt`.
 *
 * @example
 * blandadResults(rader) // [{ consumer: "verksamhetssystem", provider: "ssbtek-ssbt", verdict: "passed" }]
 */
export function blandadResults(
  rader: readonly BlandadRad[],
): { consumer: string; provider: string; verdict: "passed" | "failed" }[] {
  return [
    {
      consumer: VERKSAMHETSSYSTEM,
      provider: SSBT,
      verdict: rader.every((r) => r.passed) ? "passed" : "failed",
    },
  ];
}

/** The rehearsal as a table for the terminal. */
export function formatBlandad(o: BlandadOptions, rader: readonly BlandadRad[]): string {
  const ok = rader.filter((r) => r.passed).length;
  const lines = [
    `Replaying ${rader.length} reference consumer interactions as ${o.consumers} consumers against /ssbtek/${o.contract}:`,
    ...rader.map(
      (r) =>
        `  ${r.passed ? "✓" : "✗"} ${r.beskrivning} (HTTP ${r.status}${r.afUtokad ? ", AF extension skipped" : ""})${
          r.skillnader.length ? `\n      ${r.skillnader.join("\n      ")}` : ""
        }`,
    ),
    `${ok} of ${rader.length} still pass.`,
  ];
  return lines.join("\n");
}
