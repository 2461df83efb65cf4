import { describe, expect, it } from "vitest";
import { isHarnessError } from "../../contract/errors.js";
import { arGiltigPersonidentitet } from "../../contract/personidentitet.js";
import { BASTJANST_PROVIDER, kodForProvider, pactFilnamn, referensBasPath, SSBT } from "./names.js";
import {
  FEL_KONTROLLSIFFRA,
  FEL_KONTROLLSIFFRA_PERSONIDENTITET,
  faultTillstand,
  parseTillstand,
  personaTillstand,
} from "./states.js";

function felVid(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isHarnessError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an error");
}

describe("provider state grammar", () => {
  it("reads a named persona", () => {
    const t = parseTillstand("persona arbetslos-akassa");
    expect(t.typ).toBe("persona");
    expect(t.typ === "persona" && t.persona.personidentitet).toBe("199608239829");
  });

  it("reads a fault in any accepted spelling and writes it canonically", () => {
    expect(parseTillstand("fault miv=DOWN")).toMatchObject({
      typ: "fault",
      kod: "MIV",
      fault: { kind: "down" },
    });
    expect(faultTillstand("CSN", "slow:30000ms")).toBe("fault CSN=slow:30s");
    expect(faultTillstand("AF", "error:502")).toBe("fault AF=error:502");
  });

  it("reads the wrong-check-digit state, whose identity really has a wrong check digit", () => {
    expect(parseTillstand(FEL_KONTROLLSIFFRA).typ).toBe("fel-kontrollsiffra");
    expect(arGiltigPersonidentitet(FEL_KONTROLLSIFFRA_PERSONIDENTITET)).toBe(false);
  });

  it.each([
    ["persona finns-inte", "no persona"],
    ["fault XYZ=down", "unknown bastjänst"],
    ["fault MIV=explode", "unknown fault kind"],
    ["fault MIV", "not KOD=FAULT"],
    ["vädret är fint", "does not follow the grammar"],
  ])("refuses %s with a message naming the grammar", (namn, varfor) => {
    const fel = felVid(() => parseTillstand(namn));
    expect(fel.code).toBe("UNKNOWN_PROVIDER_STATE");
    expect(fel.message).toContain(`Unknown provider state "${namn}"`);
    expect(fel.message).toContain(varfor);
    expect(fel.message).toContain('"persona <id>"');
  });

  it("builds only states it can read back", () => {
    expect(personaTillstand("ej-traff")).toBe("persona ej-traff");
    expect(felVid(() => personaTillstand("nobody")).code).toBe("UNKNOWN_PROVIDER_STATE");
  });
});

describe("pact names", () => {
  it("names every bastjänst provider and maps it back", () => {
    expect(BASTJANST_PROVIDER.FK).toBe("ssbtek-fk-lefi");
    expect(kodForProvider("ssbtek-fk-lefi")).toBe("FK");
    expect(kodForProvider("ssbtek-ssbt")).toBeUndefined();
  });

  it("knows the endpoint path each of our providers' pacts use", () => {
    expect(referensBasPath(SSBT)).toBe("/ssbtek");
    expect(referensBasPath("ssbtek-tns")).toBe("/tns/hamtauppgifter/v1");
    expect(referensBasPath("a-vendor")).toBeUndefined();
  });

  it("names pact files as the Pact Broker does, refusing names that are not file-safe", () => {
    expect(pactFilnamn("verksamhetssystem", "ssbtek-ssbt")).toBe("verksamhetssystem-ssbtek-ssbt.json");
    expect(felVid(() => pactFilnamn("../etc", "x")).code).toBe("BAD_PACT_NAME");
  });
});
