import { describe, expect, it } from "vitest";
import { decodeCsnSvar, encodeCsnSvar } from "../contract/csn/codec.js";
import { arV3Svar, franV3, tillV3 } from "../contract/csn/v3.js";
import { svenskTidszon } from "../contract/kalender.js";
import { cdata, el, textOf } from "../contract/xml/node.js";
import { parseXml } from "../contract/xml/parse.js";
import { serializeXml } from "../contract/xml/serialize.js";
import { testContext, testFraga } from "../test/support/context.js";
import { csnFraga } from "./aggregator/klienter/csn.js";
import { besvaraFraga } from "./csn/handlers.js";
import { DIALEKTER, medTidszon, parseDialekt } from "./dialekt.js";
import { resolveOptions } from "./options.js";
import { indentera } from "./skv/dialekt.js";

describe("choosing a dialect", () => {
  it("defaults to strict and refuses anything but the two names, saying what to pass", () => {
    expect(DIALEKTER).toEqual(["strict", "observed"]);
    expect(resolveOptions({}).dialect).toBe("strict");
    expect(resolveOptions({ dialect: "observed" }).dialect).toBe("observed");
    for (const bad of ["Observed", "", "lenient", 1])
      expect(() => parseDialekt(bad)).toThrow(/pass --dialect strict or observed/);
  });
});

describe("dates with Sweden's time zone", () => {
  it("uses the offset at local midnight: +01:00 in winter, +02:00 in summer, switching on the last Sundays of March and October", () => {
    expect(svenskTidszon("2016-11-18")).toBe("+01:00");
    expect(svenskTidszon("1997-09-12")).toBe("+02:00");
    // At midnight of the March Sunday the clocks have not moved yet; at midnight of the October one they still are ahead.
    expect(["2026-03-28", "2026-03-29", "2026-03-30"].map(svenskTidszon)).toEqual([
      "+01:00",
      "+01:00",
      "+02:00",
    ]);
    expect(["2026-10-24", "2026-10-25", "2026-10-26"].map(svenskTidszon)).toEqual([
      "+02:00",
      "+02:00",
      "+01:00",
    ]);
    // Every other day agrees with the platform's time-zone data (at noon, Swedish time).
    const tz = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const dag = new Date(t).toISOString().slice(0, 10);
      const noon = tz
        .formatToParts(new Date(t + 11 * 3_600_000))
        .find((p) => p.type === "timeZoneName")!.value;
      const vantat = noon.replace("GMT", "");
      const vid = tz.formatToParts(new Date(t - 3_600_000)).find((p) => p.type === "timeZoneName")!.value;
      if (vid === noon) expect(svenskTidszon(dag), dag).toBe(vantat);
    }
  });

  it("writes a plain date leaf with its zone and leaves anything else alone", () => {
    expect(textOf(medTidszon(el("", "d", ["2016-11-18"])))).toBe("2016-11-18+01:00");
    for (const t of ["2016-11-18+01:00", "20161118", "x"])
      expect(textOf(medTidszon(el("", "d", [t])))).toBe(t);
    const tom = el("", "d");
    expect(medTidszon(tom)).toBe(tom);
  });
});

describe("CDATA", () => {
  it("is written as a section, splitting ]]>, and read back as the same text marked CDATA", () => {
    const text = '<?xml version="1.0"?><a>x ]]> y & z</a>';
    const xml = serializeXml(el("", "svar", [cdata(text)]));
    expect(xml.startsWith("<svar><![CDATA[<?xml")).toBe(true);
    const tillbaka = parseXml(xml);
    expect(textOf(tillbaka)).toBe(text);
    expect(tillbaka.children.every((c) => c.kind === "text" && c.cdata === true)).toBe(true);
    // Escaped text stays escaped text.
    expect(serializeXml(el("", "svar", ["<a/>"]))).toBe("<svar>&lt;a/&gt;</svar>");
  });
});

describe("Skatteverket's indentation", () => {
  it("puts each element on its own line, four spaces a level, leaf text on its element's line", () => {
    expect(indentera('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1"><b>1</b><c><d/></c></a>')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1">\n    <b>1</b>\n    <c>\n        <d/>\n    </c>\n</a>',
    );
  });
});

describe("CSN's schema 3.0 layout", () => {
  it("maps a 4.0 answer to 3.0 and back: the same answer without omställningsstudiestöd and echo", () => {
    const ctx = testContext();
    for (const pnr of ["200304129810", "199608239829"]) {
      const svar = besvaraFraga(csnFraga(testFraga(pnr), { version: "v10", ns: "" }), ctx);
      const v3 = tillV3(encodeCsnSvar(svar));
      expect(arV3Svar(v3)).toBe(true);
      const xml = serializeXml(v3);
      expect(xml).toContain('schemaVersion="3.0"');
      expect(xml).not.toMatch(/v4\.0|mstallningsstudiestod/);
      const tillbaka = decodeCsnSvar(franV3(parseXml(xml)));
      expect(tillbaka).toEqual({
        ...svar,
        schemaVersion: "3.0",
        GemensamtFragaEkbistand: {},
        Personer: svar.Personer.map((p) => ({
          ...p,
          Studiestodstypforteckning: { ...p.Studiestodstypforteckning, omstallningsstudiestod: "0" },
          Omstallningsstudiestod: {},
        })),
      });
    }
  });
});
