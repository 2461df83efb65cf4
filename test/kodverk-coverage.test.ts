import { getResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { type Leaf, pathEndsWith, payloadLeaves, xmlLeaves } from "../contract/leaves.js";
import { parseSoapEnvelope, soapEnvelope } from "../contract/soap/envelope.js";
import { encodeFraga } from "../contract/ssbt/codec.js";
import { BASTJANSTER, type SsbtFraga } from "../contract/ssbt/model.js";
import { parseXml } from "../contract/xml/parse.js";
import { KODVERK } from "../fixtures/kodverk/index.js";
import { fetchRequest } from "../simulators/adapters/transport.js";
import { createChain } from "../simulators/chain.js";
import { resolveOptions } from "../simulators/options.js";
import { PERSONAS } from "../simulators/population/population.js";
import { SIMULATORER } from "../simulators/registry.js";
import { TNS_FELUTLOSARE } from "../simulators/tns/index.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { TEST_NOW, TEST_PERIOD } from "./support/context.js";

/** Requests that make authorities use their error and edge codes (not only the personas' stories). */
function triggerFragor(): SsbtFraga[] {
  const base = (pid: string) => fullFraga(pid, TEST_PERIOD, "KODTACKNING");
  const out: SsbtFraga[] = [];
  out.push(base("199001011234")); // wrong check digit
  out.push(base("199013011235")); // no real birth date
  out.push(base("209901019803")); // born in the future
  const lang = base(PERSONAS[0]!.personidentitet);
  lang.generellaFrageparametrar.arendeidentitet = "A".repeat(40); // CSN -1005
  out.push(lang);
  const gammal = base(PERSONAS[0]!.personidentitet);
  gammal.generellaFrageparametrar.tidsperiod = { fromDatum: "2024-01-01", tomDatum: "2024-03-01" }; // CSN -1006
  out.push(gammal);
  const version = base(PERSONAS[0]!.personidentitet);
  version.specifikaFrageparametrar.FK.fraga!.version = "v8"; // SSBT-2003
  out.push(version);
  for (const t of TNS_FELUTLOSARE) {
    const f = base(t.personidentitet);
    if (t.tidsperiod) f.specifikaFrageparametrar.TNS.tidsperiod = t.tidsperiod;
    out.push(f);
  }
  return out;
}

/** Questions only a bastjänst's own endpoint can be asked (SSBT refuses them or never forms them). */
function direktFragor(): SsbtFraga[] {
  const pid = PERSONAS[0]!.personidentitet;
  const orgnr = fullFraga(pid, TEST_PERIOD, "KT-ORG");
  orgnr.generellaFrageparametrar.ingivare.organisationsnummer = "162109999991"; // SKV 9071003
  const framtid = fullFraga(pid, { fromDatum: "2031-01-01", tomDatum: "2031-02-01" }, "KT-AR"); // SKV 9071004
  return [orgnr, framtid];
}

/** Raw requests to the composite service that must be refused with each of our fault felkoder. */
function felaktigaMeddelanden(): string[] {
  const ok = soapEnvelope(encodeFraga(fullFraga(PERSONAS[0]!.personidentitet, TEST_PERIOD, "KT-FEL")));
  return [
    "inte xml", // SSBT-1001
    ok.replace("<ssbt:syfte>", "<ssbt:okant>x</ssbt:okant><ssbt:syfte>"), // SSBT-1002
    ok.replace(/<ssbt:fromDatum>[^<]*</, "<ssbt:fromDatum>2026-02-30<"), // SSBT-1003
    ok.replace(/<ssbt:organisationsnummer>[^<]*</, "<ssbt:organisationsnummer>162109999991<"), // SSBT-1004
    ok.replace(/<ssbt:personidentitet>[^<]*</, "<ssbt:personidentitet>12345<"), // SSBT-1005
    ok.replaceAll("hamtaBastjanstInformation", "raderaBastjanstInformation"), // SSBT-1006
    ok.replace("<ssbt:syfte>", `<ssbt:syfte>${"<x>".repeat(100)}${"</x>".repeat(100)}`), // SSBT-1007
  ];
}

describe("kodverk coverage: every answer code appears in some simulated answer", () => {
  const leaves: Leaf[] = [];
  beforeAll(async () => {
    const options = resolveOptions({ seed: 1, now: () => new Date(TEST_NOW) });
    const chain = createChain(options, "http://kodtackning.local");
    const fragor = [
      ...PERSONAS.map((p, i) => fullFraga(p.personidentitet, TEST_PERIOD, `KT-${i}`)),
      ...triggerFragor(),
    ];
    const post = async (handlers: typeof chain.handlers, body: string) => {
      const res = await getResponse(
        handlers,
        new Request("http://kodtackning.local/ssbtek", {
          method: "POST",
          headers: { "Content-Type": "text/xml" },
          body,
        }),
      );
      xmlLeaves(parseSoapEnvelope(await res!.text()).body, [], leaves);
    };
    for (const body of felaktigaMeddelanden()) await post(chain.handlers, body);
    const egen = async (handlers: typeof chain.handlers, f: SsbtFraga) => {
      for (const kod of BASTJANSTER) {
        const sim = SIMULATORER[kod];
        const kontrakt = {
          version: "v10" as const,
          ns: "http://schema.forsakringskassan.se/integration/ssbt/10",
        };
        if (sim.klient.forkontroll?.(f, kontrakt)) continue;
        const r = await getResponse(
          handlers,
          fetchRequest(sim.klient.begaran(f, `http://kodtackning.local${sim.path}`, kontrakt)),
        );
        const text = (await r?.text()) ?? "";
        if (text.trim().startsWith("<")) xmlLeaves(parseXml(text), [], leaves);
        else payloadLeaves(text, [], leaves);
      }
    };
    for (const f of direktFragor()) await egen(chain.handlers, f);
    // ssbt/11: Skatteverket's per-block errors (9071004, 9071005) live inside its JSON parts.
    const v11 = createChain(
      resolveOptions({ seed: 1, contract: "v11", now: () => new Date(TEST_NOW) }),
      "http://kodtackning.local",
    );
    for (const f of [...PERSONAS.map((p, i) => fullFraga(p.personidentitet, TEST_PERIOD, `KT11-${i}`))]) {
      const sim = SIMULATORER.SKV;
      const kontrakt = {
        version: "v11" as const,
        ns: "http://schema.forsakringskassan.se/integration/ssbt/11",
      };
      const r = await getResponse(
        v11.handlers,
        fetchRequest(sim.klient.begaran(f, `http://kodtackning.local${sim.path}`, kontrakt)),
      );
      xmlLeaves(parseXml((await r?.text()) ?? "<tom/>"), [], leaves);
    }
    // A request SKV cannot read (9071002), straight to its endpoint.
    const skv = await getResponse(
      chain.handlers,
      new Request(`http://kodtackning.local${SIMULATORER.SKV.path}`, {
        method: "POST",
        headers: { "Content-Type": "text/xml" },
        body: "<x/>",
      }),
    );
    xmlLeaves(parseXml(await skv!.text()), [], leaves);
    // Skatteverket's Sunday-night service window (9071500).
    const sondag = createChain(
      resolveOptions({ seed: 1, now: () => new Date("2026-11-22T03:00:00+01:00") }),
      "http://kodtackning.local",
    );
    await egen(sondag.handlers, fullFraga(PERSONAS[0]!.personidentitet, TEST_PERIOD, "KT-SONDAG"));
    // Failures only the composite service reports (timeout, unreachable, closed), by injected faults.
    const storningar = createChain(
      resolveOptions({
        seed: 1,
        now: () => new Date(TEST_NOW),
        faults: { AF: "down", CSN: "slow:15s", MIV: "closed" },
      }),
      "http://kodtackning.local",
    );
    await post(storningar.handlers, soapEnvelope(encodeFraga(fragor[0]!)));
    for (const f of fragor) {
      // The composite answer …
      await post(chain.handlers, soapEnvelope(encodeFraga(f)));
      // … and each bastjänst's own answer, where in-band codes (TNS FEL, SKV faults) live.
      await egen(chain.handlers, f);
    }
  }, 120_000);

  for (const kv of KODVERK.filter((k) => k.riktning === "svar"))
    it(kv.id, () => {
      const seen = new Set(
        leaves.filter((l) => kv.falt.some((f) => pathEndsWith(l.path, f))).map((l) => l.value),
      );
      const missing = kv.koder.filter((k) => k.utlosbar !== false && !seen.has(k.kod));
      expect(
        missing.map((k) => k.kod),
        `${kv.id} at ${kv.falt.join(" | ")}`,
      ).toEqual([]);
      for (const k of kv.koder)
        if (k.utlosbar === false) expect(k.motivering, `${kv.id} ${k.kod}`).toBeTruthy();
    });
});
