import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { getResponse } from "msw";
import { HarnessError } from "../../contract/errors.js";
import { NS } from "../../contract/namespaces.js";
import type { BastjanstKod, Sektion, SsbtFraga } from "../../contract/ssbt/model.js";
import { parseXml } from "../../contract/xml/parse.js";
import { fetchRequest } from "../../simulators/adapters/transport.js";
import type { BastjanstSimulator, KontraktInfo } from "../../simulators/bastjanst.js";
import { REGISTRERADE, simulatorFor } from "../../simulators/registry.js";
import { jsonMallFran } from "../pact/json-mall.js";
import { pactFilnamn, SSBT } from "../pact/names.js";
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
  parseTillstand,
  personaTillstand,
} from "../pact/states.js";
import { byggXml, mallFranXml } from "../pact/xml-mall.js";
import type { SkrivenPact, SkrivPactOptions } from "./ssbt-pact.js";
import type { SektionUtfall } from "./ssbt-svar.js";

// pact-js does not export its V4 builder types: take them from the fluent API itself.
type Interaktion = ReturnType<PactV4["addInteraction"]>;
type V4RequestBuilder = Parameters<NonNullable<Parameters<Interaktion["withRequest"]>[2]>>[0];
type V4ResponseBuilder = Parameters<
  NonNullable<Parameters<ReturnType<Interaktion["withRequest"]>["willRespondWith"]>[1]>
>[0];

/** One interaction of a pact SSBT → bastjänst. */
export interface BastjanstInteraktion {
  kod: BastjanstKod;
  beskrivning: string;
  tillstand: readonly string[];
  /** The composite question SSBT turns into the bastjänst's own request. */
  fraga: SsbtFraga;
  /** What SSBT's client must make of the answer. */
  forvantat: SektionUtfall;
  /** Answer paths held exactly (codes the client reads): XML local-name paths, or JSON key paths. */
  exakt?: readonly string[];
}

const KONTRAKT: KontraktInfo = { version: "v10", ns: NS.ssbt10 };

function personaFraga(
  id: string,
  bastjanster: readonly BastjanstSimulator[],
  period = REFERENS_PERIOD,
): SsbtFraga {
  const t = parseTillstand(personaTillstand(id));
  if (t.typ !== "persona") throw new HarnessError("INTERNAL", `persona ${id}`);
  return referensFraga(t.persona.personidentitet, { period, bastjanster });
}

/** Options of the bastjänst pacts: where to write, and which bastjänster there are. */
export interface BastjanstPactOptions extends SkrivPactOptions {
  /** The bastjänster of the chain (the reference answers come from it). Default: the registry. */
  bastjanster?: readonly BastjanstSimulator[];
}

/**
 * The interactions of the pact SSBT → one bastjänst: a person it knows, a person nobody knows,
 * an identity with a wrong check digit, and for LEFI a period longer than two years (400).
 */
export function bastjanstInteraktioner(
  kod: BastjanstKod,
  bastjanster: readonly BastjanstSimulator[] = REGISTRERADE,
): BastjanstInteraktion[] {
  const { persona, exakt, felKontrollsiffra } = simulatorFor(kod, bastjanster).pact;
  const ut: BastjanstInteraktion[] = [
    {
      kod,
      beskrivning: `en fråga om personen ${persona}`,
      tillstand: [personaTillstand(persona)],
      fraga: personaFraga(persona, bastjanster),
      forvantat: "data",
      exakt,
    },
    {
      kod,
      beskrivning: "en fråga om en person utan uppgifter (ej träff)",
      tillstand: [personaTillstand("ej-traff")],
      fraga: personaFraga("ej-traff", bastjanster),
      forvantat: "data",
      exakt,
    },
    {
      kod,
      beskrivning: "en fråga om en personidentitet med fel kontrollsiffra",
      tillstand: [FEL_KONTROLLSIFFRA],
      fraga: referensFraga(FEL_KONTROLLSIFFRA_PERSONIDENTITET, { bastjanster }),
      forvantat: felKontrollsiffra,
      exakt,
    },
  ];
  if (kod === "FK")
    ut.push({
      kod,
      beskrivning: "en fråga om en period längre än två år",
      tillstand: [personaTillstand(persona)],
      fraga: personaFraga(persona, bastjanster, {
        fromDatum: "2024-09-01",
        tomDatum: REFERENS_PERIOD.tomDatum,
      }),
      forvantat: { kalla: "BT", felkod: "400" },
      exakt,
    });
  return ut;
}

function utfallAv(s: Sektion): SektionUtfall | "delar" {
  if ("error" in s) return { kalla: s.error.kalla, felkod: s.error.felkod };
  return "data" in s ? "data" : "delar";
}

const visa = (u: SektionUtfall | "delar") =>
  typeof u === "string" ? u : `error kalla=${u.kalla} felkod=${u.felkod}`;

const arJson = (contentType: string | null) => /json/i.test(contentType ?? "");

/** What the reference bastjänst answers to one interaction's request (in-process, reference clock). */
export async function referensBastjanstSvar(
  i: BastjanstInteraktion,
  bastjanster: readonly BastjanstSimulator[] = REGISTRERADE,
): Promise<{ request: Request; status: number; contentType: string; text: string }> {
  const sim = simulatorFor(i.kod, bastjanster);
  const request = fetchRequest(sim.klient.begaran(i.fraga, `${REFERENS_ORIGIN}${sim.path}`, KONTRAKT));
  const res = await getResponse(referensKedja(bastjanster).handlers, request.clone());
  if (!res) throw new HarnessError("INTERNAL", `The reference ${sim.namn} did not answer on ${sim.path}.`);
  return {
    request,
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    text: await res.text(),
  };
}

function contentTypeMatcher(contentType: string) {
  const bas = contentType.split(";")[0]!.trim();
  return MatchersV3.regex(`^${bas.replace(/[.+]/g, "\\$&")}(\\s*;.*)?$`, contentType);
}

/** The request template of an interaction, as a (synchronous) step of Pact's request builder. */
async function begaranMall(request: Request): Promise<(b: V4RequestBuilder) => void> {
  const ct = request.headers.get("content-type") ?? "";
  const headers: Record<string, string | ReturnType<typeof contentTypeMatcher>> = {
    "Content-Type": contentTypeMatcher(ct),
  };
  const soapAction = request.headers.get("soapaction");
  if (soapAction !== null) headers.SOAPAction = soapAction;
  const text = await request.clone().text();
  if (arJson(ct)) {
    const body = jsonMallFran(JSON.parse(text), { arrayer: "alla" });
    return (b) => b.headers(headers).jsonBody(body);
  }
  const x = byggXml(mallFranXml(parseXml(text), { upprepade: "alla" }));
  return (b) => {
    b.headers(headers).xmlBody(x.xml);
    if (x.rules.length) b.matchingRules({ body: x.rules });
  };
}

function svarMall(contentType: string, text: string, exakt: readonly string[], b: V4ResponseBuilder): void {
  b.headers({ "Content-Type": contentTypeMatcher(contentType) });
  if (arJson(contentType)) {
    b.jsonBody(jsonMallFran(JSON.parse(text), { exakt: [...exakt, "status"] }));
    return;
  }
  const x = byggXml(
    mallFranXml(parseXml(text), {
      exakt,
      regex: { "Fault/faultcode": "^([A-Za-z_][\\w.-]*:)?(Client|Server)$" },
    }),
  );
  b.xmlBody(x.xml);
  if (x.rules.length) b.matchingRules({ body: x.rules });
}

/**
 * Writes the pact SSBT → one bastjänst (Pact V4; XML matchers for SOAP, JSON matchers for
 * LEFI): each interaction's request is what SSBT's client for that bastjänst builds
 * (`klient.begaran`), the example answer is the reference simulator's, loosened into matchers,
 * and SSBT's client must read the mocked answer as expected (`klient.tolka`).
 *
 * @example
 * await skrivBastjanstPact("CSN", { dir: "pacts" }) // pacts/ssbtek-ssbt-ssbtek-csn.json
 */
export async function skrivBastjanstPact(
  kod: BastjanstKod,
  o: BastjanstPactOptions = {},
): Promise<SkrivenPact> {
  utanTelemetri();
  const dir = resolve(o.dir ?? "pacts");
  const bastjanster = o.bastjanster ?? REGISTRERADE;
  const sim = simulatorFor(kod, bastjanster);
  const provider = sim.pactProvider;
  // pact-js merges into an existing file: start from nothing so a renamed interaction does not linger.
  rmSync(join(dir, pactFilnamn(SSBT, provider)), { force: true });
  const pact = new PactV4({ consumer: SSBT, provider, dir, logLevel: o.logLevel ?? "warn" });
  const interaktioner = bastjanstInteraktioner(kod, bastjanster);
  for (const i of interaktioner) {
    const ref = await referensBastjanstSvar(i, bastjanster);
    const refUtfall = utfallAv(
      await sim.klient.tolka(
        new Response(ref.text, { status: ref.status, headers: { "Content-Type": ref.contentType } }),
        i.fraga,
        KONTRAKT,
      ),
    );
    if (visa(refUtfall) !== visa(i.forvantat))
      throw new HarnessError(
        "REFERENCE_DISAGREES",
        `The reference ${sim.namn} does not answer "${i.beskrivning}" as the contract expects: expected ${visa(i.forvantat)}, got ${visa(refUtfall)}.`,
      );
    const url = new URL(ref.request.url);
    const begaran = await begaranMall(ref.request);
    await korMedOmforsok((klar) => {
      let interaction = pact.addInteraction();
      for (const t of i.tillstand) interaction = interaction.given(t);
      return interaction
        .uponReceiving(i.beskrivning)
        .withRequest(ref.request.method, url.pathname + url.search, begaran)
        .willRespondWith(ref.status, (b) => svarMall(ref.contentType, ref.text, i.exakt ?? [], b))
        .executeTest(async (mock) => {
          const request = fetchRequest(sim.klient.begaran(i.fraga, `${mock.url}${sim.path}`, KONTRAKT));
          const sektion = await sim.klient.tolka(await fetch(request), i.fraga, KONTRAKT);
          const fick = utfallAv(sektion);
          if (visa(fick) !== visa(i.forvantat))
            throw new HarnessError(
              "CONSUMER_MISREAD",
              `SSBT's ${kod} client read the mocked answer to "${i.beskrivning}" wrongly: expected ${visa(i.forvantat)}, got ${visa(fick)}.`,
            );
          klar();
        });
    });
  }
  return {
    fil: join(dir, pactFilnamn(SSBT, provider)),
    consumer: SSBT,
    provider,
    interaktioner: interaktioner.map((i) => i.beskrivning),
  };
}

/**
 * Writes the pacts SSBT → each bastjänst (default: the seven of the registry).
 *
 * @example
 * const pacts = await skrivBastjanstPacter({ dir: "pacts" }); // 7 files
 */
export async function skrivBastjanstPacter(o: BastjanstPactOptions = {}): Promise<SkrivenPact[]> {
  const ut: SkrivenPact[] = [];
  for (const { kod } of o.bastjanster ?? REGISTRERADE) ut.push(await skrivBastjanstPact(kod, o));
  return ut;
}
