import { createClientAsync } from "soap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASTJANSTER } from "../contract/ssbt/model.js";
import { type RunningSimulator, startSimulator } from "../simulators/server.js";
import { lefiFragaBase64, TEST_NOW, TEST_PERIOD } from "./support/context.js";
import { REFERENCE_DIR, referencePath } from "./support/reference.js";

const WSDL =
  "ssbtek-v10/contract/se/forsakringskassan/schema/integration/ssbt/_10/Sammansatt_Bastjanst_v10.wsdl";

describe.skipIf(!REFERENCE_DIR)(
  "an independent SOAP client generated from the official WSDL (npm soap)",
  () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      sim = await startSimulator({ port: 0, seed: 1, now: () => new Date(TEST_NOW) });
    });
    afterAll(() => sim.close());

    it("calls hamtaBastjanstInformation and reads every section", async () => {
      const client = await createClientAsync(referencePath(WSDL), { endpoint: sim.ssbtek });
      const pid = "197003039885"; // hela-kedjan: data at all seven
      const [result] = await client.hamtaBastjanstInformationAsync({
        generellaFrageparametrar: {
          korrelationsid: "soap-client-1",
          fraganSkallInkluderasISvaret: true,
          ingivare: { organisationsnummer: "162129999991", namn: "Testkommunen", handlaggare: "HL0001" },
          personidentitet: pid,
          arendeidentitet: "SOAP-1",
          tidsperiod: TEST_PERIOD,
          syfte: "Ekonomiskt bistånd",
          lagtext: "11 kap. 11 a § SoL",
        },
        specifikaFrageparametrar: {
          AF: { attributes: { inkludera: true } },
          CSN: { attributes: { inkludera: true } },
          FK: {
            attributes: { inkludera: true },
            fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefiFragaBase64(pid, TEST_PERIOD) },
          },
          SKV: { attributes: { inkludera: true } },
          SO: { attributes: { inkludera: true } },
          TNS: { attributes: { inkludera: true } },
          MIV: { attributes: { inkludera: true } },
        },
      });
      expect(result.korrelationsid).toBe("soap-client-1");
      expect(result.fraga.generellaFrageparametrar.personidentitet).toBe(pid);
      for (const kod of BASTJANSTER) {
        expect(result.svarsdata[kod], kod).toBeDefined();
        expect(result.svarsdata[kod].data, `${kod} has data`).toBeDefined();
      }
      const csnXml = Buffer.from(result.svarsdata.CSN.data.svar, "base64").toString("utf8");
      expect(csnXml).toContain("<");
      const lefi = JSON.parse(Buffer.from(result.svarsdata.FK.data.lefiJsonSvar, "base64").toString("utf8"));
      expect(lefi).toHaveProperty("utlamnare");
      expect(typeof result.svarsdata.SKV.data.svar).toBe("string");
      expect(result.svarsdata.TNS.data.resultat).toBe("OK");
      expect(result.svarsdata.MIV.data.response.correlationid).toBeTruthy();
    });

    it("calls testaBastjanstInformation", async () => {
      const client = await createClientAsync(referencePath(WSDL), { endpoint: sim.ssbtek });
      const [result] = await client.testaBastjanstInformationAsync({});
      for (const kod of BASTJANSTER) expect(String(result[kod].anropad)).toBe("true");
    });

    it("gets a SOAP Fault with felkod for a bad request", async () => {
      const client = await createClientAsync(referencePath(WSDL), { endpoint: sim.ssbtek });
      const err = await client
        .hamtaBastjanstInformationAsync({
          generellaFrageparametrar: {
            fraganSkallInkluderasISvaret: false,
            ingivare: { organisationsnummer: "162129999991", namn: "K", handlaggare: "H" },
            personidentitet: "12345",
            arendeidentitet: "A",
            tidsperiod: TEST_PERIOD,
            syfte: "s",
            lagtext: "l",
          },
          specifikaFrageparametrar: Object.fromEntries(
            BASTJANSTER.map((k) => [k, { attributes: { inkludera: false } }]),
          ),
        })
        .then(
          () => undefined,
          (e: {
            root?: { Envelope?: { Body?: { Fault?: { detail?: Record<string, { felkod?: string }> } } } };
          }) => e,
        );
      expect(err).toBeDefined();
      const detail = err?.root?.Envelope?.Body?.Fault?.detail ?? {};
      expect(JSON.stringify(detail)).toContain("SSBT-1005");
    });
  },
);
