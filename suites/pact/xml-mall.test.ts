import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.js";
import { el } from "../../contract/xml/node.js";
import { parseXml } from "../../contract/xml/parse.js";
import { jsonMallFran } from "./json-mall.js";
import {
  BASE64,
  byggXml,
  DATUM,
  formMatcher,
  HELTAL,
  mall,
  mallFranXml,
  PERSONIDENTITET,
} from "./xml-mall.js";

const S = NS.ssbt10;
const typ = (m: unknown) => (m as Record<string, unknown>)["pact:matcher:type"];

describe("XML templates", () => {
  it("writes rule paths the way pact_ffi names namespaced elements (URI:local), not by prefix", () => {
    const { xml, rules } = byggXml(
      mall(NS.soap, "Envelope", [
        mall(NS.soap, "Body", [
          mall(S, "AF", [mall(S, "felkod", [MatchersV3.regex("^SSBT-\\d{4}$", "SSBT-2001")])], {
            inkludera: MatchersV3.regex("^(true|false)$", "true"),
          }),
          mall("", "svar", ["exakt"]),
        ]),
      ]),
    );
    expect(xml).toContain('<ssbt:AF inkludera="true"><ssbt:felkod>SSBT-2001</ssbt:felkod></ssbt:AF>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const paths = rules.map((r) => r.path);
    const bas = `$['${NS.soap}:Envelope']['${NS.soap}:Body']['${S}:AF']`;
    expect(paths).toEqual([`${bas}['@inkludera']`, `${bas}['${S}:felkod']['#text']`]);
    expect(paths.join()).not.toContain("ssbt:");
  });

  it("turns a real answer into a template: shapes matched, codes exact, runs folded, cuts honoured", () => {
    const doc = el(S, "svar", [
      el(S, "datum", ["2026-09-21"]),
      el(S, "pnr", ["199608239829"]),
      el(S, "felkod", ["-1004"]),
      el(S, "rad", [el(S, "belopp", ["12"])]),
      el(S, "rad", [el(S, "belopp", ["13"])]),
      el(S, "stort", [el(S, "inuti", ["x"])]),
    ]);
    const m = mallFranXml(doc, { exakt: ["felkod"], kapa: ["stort"] });
    const barn = m.children as unknown as { local: string; children: unknown[]; minst?: number }[];
    expect(barn.map((b) => b.local)).toEqual(["datum", "pnr", "felkod", "rad", "stort"]);
    expect((barn[0]!.children[0] as { regex: string }).regex).toBe(DATUM);
    expect((barn[1]!.children[0] as { regex: string }).regex).toBe(PERSONIDENTITET);
    expect(typ(barn[2]!.children[0])).toBe("equality");
    expect(barn[3]!.minst).toBe(1);
    expect(barn[4]!.children).toEqual([]);
    const { xml } = byggXml(m);
    expect(xml.match(/<ssbt:rad>/g)).toHaveLength(1);
  });

  it("keeps every repeated element of a request, so the verifier sends the real question", () => {
    const doc = parseXml(`<a xmlns="urn:x"><b>1</b><b>2</b></a>`);
    expect(byggXml(mallFranXml(doc, { upprepade: "alla" })).xml).toContain(
      "<ns1:b>1</ns1:b><ns1:b>2</ns1:b>",
    );
  });

  it("matches leaf values by shape", () => {
    expect((formMatcher("42") as unknown as { regex: string }).regex).toBe(HELTAL);
    expect((formMatcher("A".repeat(80)) as unknown as { regex: string }).regex).toBe(BASE64);
    expect(typ(formMatcher("IF Metalls a-kassa"))).toBe("type");
  });
});

describe("JSON templates", () => {
  it("folds an array of one shape into 'at least one like the first'", () => {
    const m = jsonMallFran({
      rader: [
        { kod: "A", n: 1 },
        { kod: "B", n: 2 },
      ],
    }) as Record<string, unknown>;
    expect(typ(m.rader)).toBe("type");
    expect((m.rader as { min: number }).min).toBe(1);
  });

  it("keeps elements apart when they differ in an exact value or deeper shape", () => {
    const exakt = jsonMallFran({ u: [{ kod: "FK" }, { kod: "PM" }] }, { exakt: ["u[]/kod"] }) as {
      u: unknown[];
    };
    expect(Array.isArray(exakt.u)).toBe(true);
    expect(exakt.u.map((x) => typ((x as { kod: unknown }).kod))).toEqual(["equality", "equality"]);
    const djup = jsonMallFran({ b: [{ t: { a: 1 } }, { t: { b: 1 } }] }) as { b: unknown[] };
    expect(Array.isArray(djup.b)).toBe(true);
  });

  it("keeps every element of a request array", () => {
    const m = jsonMallFran({ koder: ["FK:BOB", "FK:SJP"] }, { arrayer: "alla" }) as { koder: unknown[] };
    expect(m.koder).toHaveLength(2);
  });
});
