import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { getResponse } from "msw";
import { HarnessError } from "../../contract/errors.js";
import { NS } from "../../contract/namespaces.js";
import { SOAP11_CONTENT_TYPE, soapEnvelope } from "../../contract/soap/envelope.js";
import { encodeFraga } from "../../contract/ssbt/codec.js";
import { SSBT_FELKOD } from "../../contract/ssbt/felkoder.js";
import { BASTJANSTER, type BastjanstKod, type SsbtFraga } from "../../contract/ssbt/model.js";
import { el } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import type { FaultMap } from "../../simulators/faults/fault.js";
import { hamtaOverHttp } from "../chain/client.js";
import { pactFilnamn, SSBT, SSBT_PATH, VERKSAMHETSSYSTEM } from "../pact/names.js";
import { korMedOmforsok } from "../pact/omforsok.js";
import {
  REFERENS_ORIGIN,
  REFERENS_PERIOD,
  referensFraga,
  referensKedja,
  utanTelemetri,
} from "../pact/referens.js";
import {
  FEL_KONTROLLSIFFRA,
  FEL_KONTROLLSIFFRA_PERSONIDENTITET,
  faultTillstand,
  parseTillstand,
  personaTillstand,
} from "../pact/states.js";
import { byggXml, type Lossning, mallFranXml, ORGANISATIONSNUMMER } from "../pact/xml-mall.js";
import { lasSsbtSvar, type SektionUtfall, type SsbtForvantan, skillnader } from "./ssbt-svar.js";

/** One interaction of the reference consumer contract verksamhetssystem → SSBT. */
export interface SsbtInteraktion {
  /** What the consumer sends, in words (Pact's `uponReceiving`). */
  beskrivning: string;
  /** Provider states (see suites/pact/states.ts). */
  tillstand: readonly string[];
  /** The question; absent for `testaBastjanstInformation`. */
  fraga?: SsbtFraga;
  /** What the consumer relies on in the answer. */
  forvantat: SsbtForvantan;
  /** Paths of the question that must be sent exactly (e.g. the broken field of a bad request). */
  exaktFraga?: readonly string[];
  /** Paths of the answer whose value the consumer relies on exactly (beyond kalla, felkod, anropad). */
  exaktSvar?: readonly string[];
}

const DATA = "data" as const;
const alla = (u: SektionUtfall): Record<BastjanstKod, SektionUtfall> =>
  Object.fromEntries(BASTJANSTER.map((k) => [k, u])) as Record<BastjanstKod, SektionUtfall>;
const ssbtFel = (felkod: string): SektionUtfall => ({ kalla: "SSBT", felkod });
const btFel = (felkod: string): SektionUtfall => ({ kalla: "BT", felkod });

/** A question about a persona (by id), all seven included unless `inkludera` says otherwise. */
function om(id: string, inkludera?: readonly BastjanstKod[]): SsbtFraga {
  const t = parseTillstand(personaTillstand(id));
  if (t.typ !== "persona") throw new HarnessError("INTERNAL", `persona ${id}`);
  return referensFraga(t.persona.personidentitet, inkludera ? { inkludera } : {});
}

function medGenerella(f: SsbtFraga, andring: Partial<SsbtFraga["generellaFrageparametrar"]>): SsbtFraga {
  return { ...f, generellaFrageparametrar: { ...f.generellaFrageparametrar, ...andring } };
}

/**
 * The reference consumer contract: what a verksamhetssystem may rely on from SSBT, one
 * interaction per kind of person and per kind of error.
 */
export function ssbtInteraktioner(): SsbtInteraktion[] {
  const arbetslos = om("arbetslos-akassa");
  return [
    {
      beskrivning: "en fråga om en arbetslös med a-kassa, alla sju bastjänster inkluderade",
      tillstand: [personaTillstand("arbetslos-akassa")],
      fraga: arbetslos,
      forvantat: { typ: "svar", sektioner: alla(DATA) },
      exaktSvar: ["AktivitetsRapportMeddelande", "Sekretessmarkering", "StatusSvarandeOrganisation"],
    },
    {
      beskrivning: "en fråga om en person som ingen myndighet känner (ej träff)",
      tillstand: [personaTillstand("ej-traff")],
      fraga: om("ej-traff"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
      exaktSvar: ["StatusSokandeinformationKod", "resultat"],
    },
    {
      beskrivning: "en fråga om en person med skyddad identitet",
      tillstand: [personaTillstand("skyddad-identitet")],
      fraga: om("skyddad-identitet"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
      exaktSvar: ["Svar/Sekretessmarkering"],
    },
    {
      beskrivning: "en fråga om en student med bara CSN och FK inkluderade",
      tillstand: [personaTillstand("student-bostadsbidrag")],
      fraga: om("student-bostadsbidrag", ["CSN", "FK"]),
      forvantat: { typ: "svar", sektioner: { CSN: DATA, FK: DATA } },
    },
    {
      beskrivning: "en fråga om en pensionär med bostadstillägg",
      tillstand: [personaTillstand("pensionar-bostadstillagg")],
      fraga: om("pensionar-bostadstillagg"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
    },
    {
      beskrivning: "en fråga om en bilägare",
      tillstand: [personaTillstand("bilagare")],
      fraga: om("bilagare"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
      exaktSvar: ["TNS/data/resultat"],
    },
    {
      beskrivning: "en fråga om en nyanländ med uppehållstillstånd",
      tillstand: [personaTillstand("nyanland-etablering")],
      fraga: om("nyanland-etablering"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
    },
    {
      beskrivning: "en fråga om en säsongsarbetare med samordningsnummer",
      tillstand: [personaTillstand("samordningsnummer-sasongsarbetare")],
      fraga: om("samordningsnummer-sasongsarbetare"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
    },
    {
      beskrivning: "en fråga om en arbetssökande vars aktivitetsrapport har tekniskt fel (AF 502)",
      tillstand: [personaTillstand("af-502-tekniskt-fel")],
      fraga: om("af-502-tekniskt-fel"),
      forvantat: { typ: "svar", sektioner: alla(DATA) },
      exaktSvar: ["AktivitetsRapportMeddelande"],
    },
    {
      beskrivning: "en fråga om en personidentitet med fel kontrollsiffra",
      tillstand: [FEL_KONTROLLSIFFRA],
      fraga: referensFraga(FEL_KONTROLLSIFFRA_PERSONIDENTITET),
      forvantat: {
        typ: "svar",
        sektioner: {
          ...alla(DATA),
          CSN: btFel("-1004"),
          SKV: btFel("9071001"),
          TNS: btFel("1001"),
          MIV: btFel("MIV-001"),
        },
      },
    },
    {
      beskrivning: "en fråga när Arbetsförmedlingen svarar HTTP 502",
      tillstand: [personaTillstand("arbetslos-akassa"), faultTillstand("AF", "error:502")],
      fraga: arbetslos,
      forvantat: { typ: "svar", sektioner: { ...alla(DATA), AF: btFel("HTTP_502") } },
    },
    {
      beskrivning: "en fråga när CSN inte svarar inom tidsgränsen",
      tillstand: [personaTillstand("arbetslos-akassa"), faultTillstand("CSN", "slow:30s")],
      fraga: arbetslos,
      forvantat: { typ: "svar", sektioner: { ...alla(DATA), CSN: ssbtFel(SSBT_FELKOD.TIMEOUT) } },
    },
    {
      beskrivning: "en fråga när Migrationsverket inte går att nå",
      tillstand: [personaTillstand("arbetslos-akassa"), faultTillstand("MIV", "down")],
      fraga: arbetslos,
      forvantat: { typ: "svar", sektioner: { ...alla(DATA), MIV: ssbtFel(SSBT_FELKOD.EJ_NABAR) } },
    },
    {
      beskrivning: "en fråga när a-kassornas tjänst är stängd",
      tillstand: [personaTillstand("arbetslos-akassa"), faultTillstand("SO", "closed")],
      fraga: arbetslos,
      forvantat: { typ: "svar", sektioner: { ...alla(DATA), SO: ssbtFel(SSBT_FELKOD.STANGD) } },
    },
    {
      beskrivning: "en fråga med ett organisationsnummer som bryter mot mönstret",
      tillstand: [personaTillstand("arbetslos-akassa")],
      fraga: medGenerella(arbetslos, {
        ingivare: { ...arbetslos.generellaFrageparametrar.ingivare, organisationsnummer: "162119999991" },
      }),
      forvantat: { typ: "fault", felkod: SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER },
      exaktFraga: ["ingivare/organisationsnummer"],
    },
    {
      beskrivning: "en fråga med fromDatum efter tomDatum",
      tillstand: [personaTillstand("arbetslos-akassa")],
      fraga: medGenerella(arbetslos, {
        tidsperiod: { fromDatum: REFERENS_PERIOD.tomDatum, tomDatum: REFERENS_PERIOD.fromDatum },
      }),
      forvantat: { typ: "fault", felkod: SSBT_FELKOD.OGILTIG_TIDSPERIOD },
      exaktFraga: [
        "generellaFrageparametrar/tidsperiod/fromDatum",
        "generellaFrageparametrar/tidsperiod/tomDatum",
      ],
    },
    {
      beskrivning: "en fråga med en personidentitet som inte är tolv siffror",
      tillstand: [],
      fraga: medGenerella(arbetslos, { personidentitet: "9608239829" }),
      forvantat: { typ: "fault", felkod: SSBT_FELKOD.OGILTIG_PERSONIDENTITET },
      exaktFraga: ["generellaFrageparametrar/personidentitet"],
    },
    {
      beskrivning: "ett anslutningstest (testaBastjanstInformation)",
      tillstand: [],
      forvantat: { typ: "test", rader: Object.fromEntries(BASTJANSTER.map((k) => [k, "anropad"])) },
    },
    {
      beskrivning: "ett anslutningstest när Migrationsverket inte går att nå",
      tillstand: [faultTillstand("MIV", "down")],
      forvantat: {
        typ: "test",
        rader: {
          ...Object.fromEntries(BASTJANSTER.map((k) => [k, "anropad"])),
          MIV: ssbtFel(SSBT_FELKOD.EJ_NABAR),
        },
      },
    },
  ];
}

/** Paths of every answer that the contract holds exactly. */
const SSBT_EXAKT = [
  "error/kalla",
  "error/felkod",
  "anropad",
  "hamtaBastjanstInformationFault/felkod",
  "testaBastjanstInformationFault/felkod",
];

/** Paths of every question that must be sent exactly: what is asked decides what comes back. */
const FRAGA_EXAKT = ["@inkludera", "fraganSkallInkluderasISvaret"];

function faultsAv(tillstand: readonly string[]): FaultMap {
  const faults: FaultMap = {};
  for (const namn of tillstand) {
    const t = parseTillstand(namn);
    if (t.typ === "fault") faults[t.kod] = t.fault;
  }
  return faults;
}

/** The SOAP request text of an interaction. */
export function ssbtBegaranXml(i: SsbtInteraktion): string {
  return soapEnvelope(i.fraga ? encodeFraga(i.fraga) : el(NS.ssbt10, "testaBastjanstInformation"));
}

/** What the reference SSBT answers to one interaction (in-process, reference clock and seed). */
export async function referensSvar(i: SsbtInteraktion): Promise<{ status: number; xml: string }> {
  const chain = referensKedja();
  chain.control.setFaults(faultsAv(i.tillstand));
  const res = await getResponse(
    chain.handlers,
    new Request(`${REFERENS_ORIGIN}${SSBT_PATH}`, {
      method: "POST",
      headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
      body: ssbtBegaranXml(i),
    }),
  );
  if (!res) throw new HarnessError("INTERNAL", "The reference chain did not answer on /ssbtek.");
  return { status: res.status, xml: await res.text() };
}

/** Options of {@link skrivSsbtPact}. */
export interface SkrivPactOptions {
  /** Folder the pact file is written to (created if missing). Default "pacts". */
  dir?: string;
  /** Pact FFI log level. Default "warn". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error";
}

/** What writing a pact produced. */
export interface SkrivenPact {
  /** Absolute path of the pact file. */
  fil: string;
  consumer: string;
  provider: string;
  /** Interaction descriptions, in order. */
  interaktioner: string[];
}

/**
 * Writes the reference consumer contract verksamhetssystem → SSBT (Pact V4) by running every
 * interaction of {@link ssbtInteraktioner} through the Pact mock server with the harness's own
 * SOAP client: the example answer is the reference SSBT's answer (in-process, reference clock),
 * loosened into matchers; the client must read the mocked answer as the interaction expects,
 * and the reference answer itself must agree, or the pact is not written.
 *
 * @example
 * const { fil } = await skrivSsbtPact({ dir: "pacts" }); // pacts/verksamhetssystem-ssbtek-ssbt.json
 */
export async function skrivSsbtPact(o: SkrivPactOptions = {}): Promise<SkrivenPact> {
  utanTelemetri();
  const dir = resolve(o.dir ?? "pacts");
  // pact-js merges into an existing file: start from nothing so a renamed interaction does not linger.
  rmSync(join(dir, pactFilnamn(VERKSAMHETSSYSTEM, SSBT)), { force: true });
  const pact = new PactV4({
    consumer: VERKSAMHETSSYSTEM,
    provider: SSBT,
    dir,
    logLevel: o.logLevel ?? "warn",
  });
  const interaktioner = ssbtInteraktioner();
  for (const i of interaktioner) {
    const ref = await referensSvar(i);
    const avvikelser = skillnader(i.forvantat, lasSsbtSvar(ref.status, ref.xml));
    if (avvikelser.length > 0)
      throw new HarnessError(
        "REFERENCE_DISAGREES",
        `The reference SSBT does not answer "${i.beskrivning}" as the contract expects: ${avvikelser.join("; ")}.`,
      );
    const fragaLossning: Lossning = {
      upprepade: "alla",
      exakt: [...FRAGA_EXAKT, ...(i.exaktFraga ?? [])],
      regex: { "ingivare/organisationsnummer": ORGANISATIONSNUMMER },
    };
    const begaran = byggXml(mallFranXml(parseXml(ssbtBegaranXml(i)), fragaLossning));
    const svar = byggXml(
      mallFranXml(parseXml(ref.xml), {
        exakt: [...SSBT_EXAKT, ...(i.exaktSvar ?? [])],
        regex: { "Fault/faultcode": "^([A-Za-z_][\\w.-]*:)?(Client|Server)$" },
      }),
    );
    await korMedOmforsok((klar) => {
      let interaction = pact.addInteraction();
      for (const t of i.tillstand) interaction = interaction.given(t);
      return interaction
        .uponReceiving(i.beskrivning)
        .withRequest("POST", SSBT_PATH, (b) => {
          b.headers({
            "Content-Type": MatchersV3.regex("^text/xml(\\s*;.*)?$", SOAP11_CONTENT_TYPE),
            SOAPAction: '""',
          });
          b.xmlBody(begaran.xml);
          if (begaran.rules.length) b.matchingRules({ body: begaran.rules });
        })
        .willRespondWith(ref.status, (b) => {
          b.headers({ "Content-Type": MatchersV3.regex("^text/xml(\\s*;.*)?$", SOAP11_CONTENT_TYPE) });
          b.xmlBody(svar.xml);
          if (svar.rules.length) b.matchingRules({ body: svar.rules });
        })
        .executeTest(async (mock) => {
          const url = `${mock.url}${SSBT_PATH}`;
          let utfall: ReturnType<typeof lasSsbtSvar>;
          if (i.fraga) {
            const anrop = await hamtaOverHttp(url, i.fraga);
            utfall = anrop.ok
              ? lasSsbtSvar(anrop.status, anrop.xml)
              : anrop.fault
                ? { typ: "fault", status: anrop.status, felkod: anrop.fault.felkod }
                : { typ: "obegripligt", status: anrop.status, varfor: anrop.message };
          } else {
            const res = await fetch(url, {
              method: "POST",
              headers: { "Content-Type": SOAP11_CONTENT_TYPE, SOAPAction: '""' },
              body: ssbtBegaranXml(i),
            });
            utfall = lasSsbtSvar(res.status, await res.text());
          }
          const fel = skillnader(i.forvantat, utfall);
          if (fel.length > 0)
            throw new HarnessError(
              "CONSUMER_MISREAD",
              `The SOAP client read the mocked answer to "${i.beskrivning}" wrongly: ${fel.join("; ")}.`,
            );
          klar();
        });
    });
  }
  return {
    fil: join(dir, pactFilnamn(VERKSAMHETSSYSTEM, SSBT)),
    consumer: VERKSAMHETSSYSTEM,
    provider: SSBT,
    interaktioner: interaktioner.map((i) => i.beskrivning),
  };
}
