import { describe, expect, it } from "vitest";
import {
  arGiltigPersonidentitet,
  arSamordningsnummer,
  maskera,
  maskeraText,
} from "../../contract/personidentitet.js";
import { PERSONAS, Population } from "./population.js";

describe("the named population", () => {
  it("has at least 25 personas with unique ids and identities", () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length);
    expect(new Set(PERSONAS.map((p) => p.personidentitet)).size).toBe(PERSONAS.length);
  });

  it("uses only checksum-valid numbers from the reserved test series (980-999)", () => {
    for (const p of PERSONAS) {
      expect(arGiltigPersonidentitet(p.personidentitet), p.id).toBe(true);
      expect(Number(p.personidentitet.slice(8, 11)), p.id).toBeGreaterThanOrEqual(980);
    }
  });

  it("includes a samordningsnummer (day + 60)", () => {
    const s = PERSONAS.filter((p) => p.typ === "samordningsnummer");
    expect(s.length).toBeGreaterThanOrEqual(1);
    for (const p of s) expect(arSamordningsnummer(p.personidentitet)).toBe(true);
  });

  it("covers the stories the issue asks for", () => {
    const ids = PERSONAS.map((p) => p.id);
    for (const id of [
      "student-bostadsbidrag",
      "arbetslos-akassa",
      "aktivitetsstod-program",
      "nyanland-etablering",
      "pensionar-bostadstillagg",
      "foralder-barnfamilj",
      "bilagare",
      "foretagare",
      "skyddad-identitet",
      "ej-traff",
      "af-500-ej-i-alf",
      "af-501-ej-inlamnad",
      "af-502-tekniskt-fel",
      "csn-ingen-post-sjukpenning",
    ])
      expect(ids).toContain(id);
    expect(PERSONAS.find((p) => p.id === "ej-traff")?.kallor).toEqual([]);
  });
});

describe("generated persons", () => {
  it("are deterministic per seed and identity, and differ between seeds", () => {
    const a = new Population(7).hitta("198001019802");
    expect(a).toEqual(new Population(7).hitta("198001019802"));
    expect(a?.genererad).toBe(true);
    const others = [1, 2, 3, 4, 5].map((s) => new Population(s).hitta("198001019802"));
    expect(
      new Set(others.map((p) => `${p?.fornamn} ${p?.efternamn} ${p?.kallor.join()}`)).size,
    ).toBeGreaterThan(1);
  });

  it("exist for a well-formed identity with a wrong check digit, flagged not valid", () => {
    const p = new Population(1).hitta("199001011234");
    expect(p?.giltig).toBe(false);
    expect(p?.id).toBe("genererad-19900101-****");
  });

  it("do not exist for an identity without a real birth date", () => {
    expect(new Population(1).hitta("199013451234")).toBeUndefined();
    expect(new Population(1).hitta("12345")).toBeUndefined();
  });
});

describe("masking", () => {
  it("keeps the birth date and hides the last four digits", () => {
    expect(maskera("199608239829")).toBe("19960823-****");
    expect(maskeraText("pnr 199608239829 och 960823-9829")).toBe("pnr 19960823-**** och 960823-****");
  });
});
