import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isHarnessError } from "../errors.js";
import { SSBT_FELKOD } from "../ssbt/felkoder.js";
import { KORSREGEL_BESKRIVNING, KORSREGLER } from "./korsregler.js";
import { FALT_TYPER, type Faltregel } from "./model.js";
import { FALTREGELTABELLER, hamtaTabell, harledTabell, TABELL_IDN, tabellfel } from "./tabeller.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/faltregler");

describe("field-rule tables", () => {
  it("are exactly the files of fixtures/faltregler, one per message, each named by its id", () => {
    const filer = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(filer).toEqual([...TABELL_IDN].sort());
    expect(TABELL_IDN).toEqual([
      "ssbt-fraga",
      "ssbt-svar",
      "ssbt-v11-fraga",
      "ssbt-v11-svar",
      "af-svar",
      "csn-svar",
      "lefi-svar",
      "skv-svar",
      "so-svar",
      "tns-svar",
      "miv-svar",
    ]);
  });

  it.each(TABELL_IDN)("%s is sound (types, parents, kodverk, cross-field rules, felkoder)", (id) => {
    expect(tabellfel(hamtaTabell(id))).toEqual([]);
  });

  it("rule ids are unique across all tables, except the same field in a table and the one derived from it", () => {
    const var_ = new Map<string, { tabell: string; path: string }>();
    const krockar: string[] = [];
    for (const t of FALTREGELTABELLER)
      for (const r of [
        ...t.falt.map((x) => ({ id: x.id, path: x.path })),
        ...t.korsregler.map((k) => ({ id: k.id, path: k.paths.join(" ") })),
      ]) {
        const forra = var_.get(r.id);
        if (!forra) var_.set(r.id, { tabell: t.id, path: r.path });
        else if (forra.tabell === t.id || t.grund !== forra.tabell || forra.path !== r.path)
          krockar.push(`${r.id} in ${forra.tabell} and ${t.id}`);
      }
    expect(krockar).toEqual([]);
  });

  it("a derived table is its base with rows left out, replaced in place and added after their predecessor", () => {
    const bas = hamtaTabell("tns-svar");
    const [a, b, c] = bas.falt as [Faltregel, Faltregel, Faltregel];
    const ny = { ...c, id: "X.ny", beskrivning: "ny" };
    const t = harledTabell(bas, {
      id: "tns-nasta",
      grund: "tns-svar",
      utan: [b.id],
      kallaErsatt: { [a.kalla]: "ny källa" },
      falt: [{ ...a, beskrivning: "ersatt" }, ny],
      korsregler: [],
    });
    expect(t.falt.slice(0, 3).map((r) => [r.id, r.beskrivning])).toEqual([
      [a.id, "ersatt"],
      ["X.ny", "ny"],
      [c.id, c.beskrivning],
    ]);
    expect(t.falt.find((r) => r.id === c.id)?.kalla).toBe(c.kalla.replaceAll(a.kalla, "ny källa"));
    expect({ grund: t.grund, id: t.id, rot: t.rot }).toEqual({
      grund: "tns-svar",
      id: "tns-nasta",
      rot: bas.rot,
    });
    const fel = tabellfel(
      harledTabell(bas, { id: "tns-fel", grund: "tns-svar", utan: ["Finns.inte"], falt: [], korsregler: [] }),
    );
    expect(fel).toEqual(["tns-fel: utan Finns.inte is no row of tns-svar"]);
  });

  it("every type and cross-field rule implementation is documented and used by some table", () => {
    expect(Object.keys(KORSREGEL_BESKRIVNING).sort()).toEqual(Object.keys(KORSREGLER).sort());
    const anvanda = new Set(FALTREGELTABELLER.flatMap((t) => t.korsregler.map((k) => k.regel)));
    expect(Object.keys(KORSREGLER).filter((r) => !anvanda.has(r))).toEqual([]);
    expect(FALT_TYPER.length).toBeGreaterThan(10);
  });

  it("the request table maps every rule the composite service enforces to an SSBT felkod", () => {
    const t = hamtaTabell("ssbt-fraga");
    const faults = [...t.falt, ...t.korsregler].flatMap((r) =>
      r.vidBrott && "fault" in r.vidBrott ? [r.vidBrott.fault] : [],
    );
    expect(new Set(faults)).toEqual(
      new Set([
        SSBT_FELKOD.SCHEMAFEL,
        SSBT_FELKOD.OGILTIG_TIDSPERIOD,
        SSBT_FELKOD.OGILTIGT_ORGANISATIONSNUMMER,
        SSBT_FELKOD.OGILTIG_PERSONIDENTITET,
      ]),
    );
    // The known field rules from real operation are in the request table, named by the bastjänst.
    const ids = [...t.falt.map((r) => r.id), ...t.korsregler.map((k) => k.id)];
    for (const id of [
      "CSN.arendeidentitet.maxLength",
      "CSN.tidsperiod.fonster",
      "FK.tidsperiod.maxTvaAr",
      "FK.version.varden",
    ])
      expect(ids).toContain(id);
  });

  it("a broken table is reported with what to fix, never used", () => {
    const t = { ...hamtaTabell("tns-svar"), id: "trasig" };
    const trasig = {
      ...t,
      falt: [
        ...t.falt,
        { ...t.falt[0]!, id: "X.y", path: "/HamtaUppgifterResponse/finns/inte", kodverk: "Okänt" },
      ],
      korsregler: [{ id: "X.k", regel: "okand", paths: ["/nope"], beskrivning: "x", kalla: "x" }],
    };
    const fel = tabellfel(trasig);
    expect(fel.join("\n")).toMatch(/parent of \/HamtaUppgifterResponse\/finns\/inte/);
    expect(fel.join("\n")).toMatch(/unknown kodverk Okänt/);
    expect(fel.join("\n")).toMatch(/unknown cross-field rule okand/);
    expect(fel.join("\n")).toMatch(/path \/nope is not a field/);
  });

  it("an unknown table id is a HarnessError naming the known ones", () => {
    try {
      hamtaTabell("xyz");
      expect.unreachable();
    } catch (e) {
      expect(isHarnessError(e) && e.message).toMatch(/Unknown field-rule table "xyz": use one of ssbt-fraga/);
    }
  });
});
