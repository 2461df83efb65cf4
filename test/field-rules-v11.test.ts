/**
 * The ssbt/11 field-rule tables (fixtures/faltregler/ssbt-v11-*.json) against every persona's
 * composite answer under ssbt/11, in-process: the answers satisfy the table, the SKV block errors
 * (9071004, 9071005) are where the table says, and a broken answer is rejected naming the rule.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../contract/faltregler/engine.js";
import type { Finding } from "../contract/faltregler/model.js";
import { hamtaTabell, ssbtTabell } from "../contract/faltregler/tabeller.js";
import { NS } from "../contract/namespaces.js";
import { lasSkvSektionV11 } from "../contract/skv/v11-codec.js";
import {
  BLANKETT,
  DELFELKOD,
  FORETAGSFORM,
  FSKATT_STATUS,
  RESULTATTYP,
  TRANSAKTIONSTYP,
} from "../contract/skv/v11-model.js";
import { soapEnvelope } from "../contract/soap/envelope.js";
import { decodeSvar, encodeFraga, SKV11_BLOCK } from "../contract/ssbt/codec.js";
import type { SsbtFraga } from "../contract/ssbt/model.js";
import { el, type XmlElement } from "../contract/xml/node.js";
import { PERSONAS } from "../simulators/population/population.js";
import { fullFraga } from "../suites/chain/certify-chain.js";
import { regelFynd } from "../suites/consumer/certify-consumer-record.js";
import { andraBase64Json, andraXml } from "../suites/field-rules/andra.js";
import { fragaKomposit, type Miljo, skapaMiljo } from "../suites/field-rules/egenskaper.js";
import { TEST_NOW, TEST_PERIOD } from "./support/context.js";

const SKV = "/hamtaBastjanstInformationResponse/svarsdata/SKV";
const TABELL = "ssbt-v11-svar";

/** The v10 chain question plus the ssbt/11 SKV fraga: the given years, every block. */
function fragaV11(pid: string, ar: number[]): SsbtFraga {
  const f = fullFraga(pid, TEST_PERIOD, `V11-REGLER-${ar.join("-")}`);
  f.specifikaFrageparametrar.SKV = {
    inkludera: true,
    fraga: { ar, block: Object.fromEntries(SKV11_BLOCK.map((b) => [b, true])) },
  };
  return f;
}

interface Svar {
  id: string;
  fraga: SsbtFraga;
  body: XmlElement;
}

async function fraga(m: Miljo, id: string, f: SsbtFraga): Promise<Svar> {
  const r = await fragaKomposit(m, encodeFraga(f, "v11"), "v11");
  if (!r.body) throw new Error(`${id}: SOAP Fault ${r.fault?.felkod}: ${r.fault?.text}`);
  return { id, fraga: f, body: r.body };
}

const regler = (fs: readonly Finding[]) => fs.map((f) => `${f.rule} @ ${f.path}`);

/** A copy of `root` with `child` appended to the element at the concrete path `path`. */
function laggTill(root: XmlElement, path: string, child: XmlElement): XmlElement {
  const [, ...steg] = path.replace(/^\//, "").split("/");
  const ner = (e: XmlElement, rest: string[]): XmlElement => {
    const [s, ...tail] = rest;
    if (!s) return { ...e, children: [...e.children, child] };
    return {
      ...e,
      children: e.children.map((c) => (c.kind === "element" && c.local === s ? ner(c, tail) : c)),
    };
  };
  return ner(root, steg);
}

/** The block errors of an answer's SKV section: block → felkod. */
function blockfel(s: Svar): Record<string, string> {
  const sektion = decodeSvar(s.body, "v11").svarsdata.SKV;
  if (!sektion || !("delar" in sektion)) return {};
  const skv = lasSkvSektionV11(sektion.delar, NS.ssbt11);
  const ut: Record<string, string> = {};
  for (const [b, d] of Object.entries(skv.delar)) if (d && "error" in d) ut[b] = d.error.felkod;
  return ut;
}

describe("ssbt-v11-svar: every persona's ssbt/11 composite answer", () => {
  let m: Miljo;
  let svar: Svar[];
  beforeAll(async () => {
    m = skapaMiljo(1, new Date(TEST_NOW));
    svar = [];
    for (const p of PERSONAS) svar.push(await fraga(m, p.id, fragaV11(p.personidentitet, [2025, 2024])));
  });
  const ctx = (s: Svar) => ({ now: m.now, fraga: s.fraga });
  const brott = (s: Svar, body: XmlElement = s.body) => regler(evaluate(TABELL, body, ctx(s)));

  it("satisfies every field and cross-field rule of the table", () => {
    expect(svar.length).toBe(PERSONAS.length);
    for (const s of svar) expect(brott(s), s.id).toEqual([]);
  });

  it("exercises the block-error paths: the företagare's undecided 2025 gives 9071005, and every block error found is checked by its rule", () => {
    const med = svar.map((s) => ({ s, fel: blockfel(s) })).filter((x) => Object.keys(x.fel).length > 0);
    expect(med.find((x) => x.s.id === "foretagare")?.fel).toEqual({
      skatteuppgifter: "9071005",
      beskattningsbilagor: "9071005",
    });
    for (const { s, fel } of med)
      for (const b of Object.keys(fel)) {
        // 9071500 is a whole-question fault (the overall SKV error), never one block's.
        const path = `${SKV}/${b}/error/felkod`;
        expect(brott(s, andraXml(s.body, path, { satt: "9071500" })), `${s.id} ${b}`).toEqual([
          `SSBT.svar.SKV.${b}.error.felkod.varden @ ${path}`,
        ]);
      }
  });

  it("rejects a wrong kalla, data next to a block error and a missing kalla or felmeddelande, naming the rule", () => {
    const s = svar.find((x) => x.id === "foretagare")!;
    for (const b of ["skatteuppgifter", "beskattningsbilagor"]) {
      const fel = `${SKV}/${b}/error`;
      // SSBT's own failures (timeout …) are the overall error, not a block's.
      expect(brott(s, andraXml(s.body, `${fel}/kalla`, { satt: "SSBT" }))).toEqual([
        `SSBT.svar.SKV.${b}.error.kalla.varden @ ${fel}/kalla`,
      ]);
      const medData = laggTill(s.body, `${SKV}/${b}`, el(NS.ssbt11, "data", ["e30="]));
      expect(brott(s, medData)).toContain(`SSBT.svar.SKV.${b}.dataEllerError @ ${SKV}/${b}`);
      expect(brott(s, andraXml(s.body, `${fel}/kalla`, { taBort: true }))).toEqual([
        `SSBT.svar.SKV.${b}.error.kalla.min @ ${fel}/kalla`,
      ]);
      expect(brott(s, andraXml(s.body, `${fel}/felmeddelande`, { taBort: true }))).toEqual([
        `SSBT.svar.SKV.${b}.error.felmeddelande.min @ ${fel}/felmeddelande`,
      ]);
    }
  });

  it("rejects broken block documents and block lists, naming the rule", () => {
    const s = svar.find((x) => x.id === "foretagare")!;
    const data = (b: string) => `${SKV}/${b}/data`;
    const json = (b: string, path: string, andring: { satt: string } | { taBort: true }) =>
      brott(s, andraBase64Json(s.body, data(b), path, andring));
    expect(json("skattekonto", "/personidentitet", { taBort: true })).toEqual([
      `SKV.skattekonto.personidentitet.min @ ${data("skattekonto")}/personidentitet`,
    ]);
    expect(json("foretagsinformation", "/statuskod", { satt: "998" })).toEqual([
      `SKV.foretagsinformation.statuskod.kodverk @ ${data("foretagsinformation")}/statuskod`,
    ]);
    expect(json("skattekonto", "/transaktioner[1]/transaktionstyp", { satt: "GAVA" })).toEqual([
      `SKV.skattekonto.transaktioner.transaktionstyp.varden @ ${data("skattekonto")}/transaktioner[1]/transaktionstyp`,
    ]);
    expect(json("foretagsinformation", "/foretag[1]/fskatt/fromDatum", { taBort: true })).toEqual([
      `SKV.foretagsinformation.foretag.fskatt.fromDatumVidStatus @ ${data("foretagsinformation")}/foretag[1]/fskatt`,
    ]);
    expect(json("individuppgifter", "/personidentitet", { satt: "191212121212" })).toEqual([
      `SKV.delar.fragad @ ${data("individuppgifter")}/personidentitet`,
    ]);
    expect(json("skattekonto", "/transaktioner[1]/transaktionsdatum", { satt: "2019-01-09" })).toEqual([
      `SKV.delar.inomFragadeAr @ ${data("skattekonto")}/transaktioner[1]/transaktionsdatum`,
    ]);
    expect(json("individuppgifter", "/extra", { satt: "x" })).toEqual([
      `SSBT.svar.okantFalt @ ${data("individuppgifter")}/extra`,
    ]);
    // A block the question asked for is missing; an overall error next to the parts.
    expect(brott(s, andraXml(s.body, `${SKV}/skattekonto`, { taBort: true }))).toEqual([
      `SSBT.svar.SKV.delar @ ${SKV}`,
    ]);
    const overgripande = el(NS.ssbt11, "error", [
      el(NS.ssbt11, "kalla", ["SSBT"]),
      el(NS.ssbt11, "felkod", ["SSBT-2001"]),
      el(NS.ssbt11, "felmeddelande", ["Bastjänsten svarade inte inom tidsgränsen."]),
    ]);
    expect(brott(s, laggTill(s.body, SKV, overgripande))).toEqual([`SSBT.svar.SKV.delar @ ${SKV}`]);
  });

  it("the widow's K6 bilaga: NE amounts only on NE (kravsVidVarde per blankett)", () => {
    const s = svar.find((x) => x.id === "efterlevande")!;
    const d = `${SKV}/beskattningsbilagor/data`;
    const body = andraBase64Json(s.body, d, "/bilagor[1]/belopp/intakter", { satt: "1" });
    expect(brott(s, body)).toEqual([
      `SKV.beskattningsbilagor.bilagor.belopp.intakter.typ @ ${d}/bilagor[1]/belopp/intakter`,
      `SKV.beskattningsbilagor.bilagor.belopp.intakter.blankett @ ${d}/bilagor[1]/belopp/intakter`,
    ]);
  });
});

describe("ssbt-v11-svar: a question without SKV's fraga", () => {
  it("gets the decided tax of the two years before the period, by the table; another block is reported", async () => {
    const m = skapaMiljo(1, new Date(TEST_NOW));
    const p = PERSONAS.find((x) => x.id === "pensionar-bostadstillagg")!;
    const s = await fraga(m, p.id, fullFraga(p.personidentitet, TEST_PERIOD, "V11-UTAN-FRAGA"));
    const ctx = { now: m.now, fraga: s.fraga };
    expect(regler(evaluate(TABELL, s.body, ctx))).toEqual([]);
    const d = `${SKV}/skatteuppgifter/data`;
    expect(
      regler(
        evaluate(TABELL, andraBase64Json(s.body, d, "/beskattningar[1]/inkomstar", { satt: "2023" }), ctx),
      ),
    ).toEqual([
      `SKV.skatteuppgifter.beskattningar.inkomstar.typ @ ${d}/beskattningar[1]/inkomstar`,
      `SKV.delar.inomFragadeAr @ ${d}/beskattningar[1]/inkomstar`,
    ]);
    const medKonto = laggTill(s.body, SKV, el(NS.ssbt11, "skattekonto", [el(NS.ssbt11, "data", ["e30="])]));
    expect(regler(evaluate(TABELL, medKonto, ctx))).toContain(`SSBT.svar.SKV.delar @ ${SKV}`);
  });
});

describe("ssbt-v11-svar: a year not yet begun (9071004)", () => {
  it("every year-bound block answers 9071004 and satisfies the table; 9071005 there is rejected", async () => {
    const m = skapaMiljo(1, new Date(TEST_NOW));
    for (const id of ["hela-kedjan", "foretagare", "pensionar-bostadstillagg"]) {
      const p = PERSONAS.find((x) => x.id === id)!;
      const s = await fraga(m, id, fragaV11(p.personidentitet, [2027]));
      const ctx = { now: m.now, fraga: s.fraga };
      expect(regler(evaluate(TABELL, s.body, ctx)), id).toEqual([]);
      expect(blockfel(s), id).toEqual({
        individuppgifter: "9071004",
        skattekonto: "9071004",
        skatteuppgifter: "9071004",
        beskattningsbilagor: "9071004",
      });
      // 9071005 (not decided) belongs to the decided-tax blocks only.
      for (const b of ["individuppgifter", "skattekonto"]) {
        const path = `${SKV}/${b}/error/felkod`;
        expect(regler(evaluate(TABELL, andraXml(s.body, path, { satt: "9071005" }), ctx))).toEqual([
          `SSBT.svar.SKV.${b}.error.felkod.varden @ ${path}`,
        ]);
      }
    }
  });
});

describe("the question and answer table of each contract version", () => {
  it("judges a recorded ssbt/11 question by ssbt-v11-fraga (certify consumer --record, the console)", () => {
    const f = fragaV11(PERSONAS.find((p) => p.id === "foretagare")!.personidentitet, [2025]);
    const text = soapEnvelope(encodeFraga(f, "v11"));
    const now = new Date(TEST_NOW);
    expect(ssbtTabell("v11", "fraga")).toBe("ssbt-v11-fraga");
    expect(ssbtTabell("utkast", "svar")).toBe("ssbt-v11-svar");
    expect(ssbtTabell("v10", "svar")).toBe("ssbt-svar");
    expect(regelFynd(text, "hamtaBastjanstInformation", now, "v11")).toEqual([]);
    // ssbt/10's table would call the SKV question a schema error.
    expect(regelFynd(text, "hamtaBastjanstInformation", now).map((x) => x.rule)).toEqual(["SSBT.SKV.typ"]);
  });

  it("the draft utkast answers with ssbt/11's composite answer: ssbt-v11-svar holds", async () => {
    const m = skapaMiljo(1, new Date(TEST_NOW));
    for (const id of ["foretagare", "af-indraget-aktivitetsstod"]) {
      const f = fragaV11(PERSONAS.find((p) => p.id === id)!.personidentitet, [2025, 2024]);
      const r = await fragaKomposit(m, encodeFraga(f, "utkast"), "utkast");
      expect(regler(evaluate(ssbtTabell("utkast", "svar"), r.body!, { now: m.now, fraga: f })), id).toEqual(
        [],
      );
    }
  });
});

describe("ssbt-v11 tables", () => {
  it("the answer's block felkoder and code lists are the model's (contract/skv/v11-model.ts)", () => {
    const t = hamtaTabell(TABELL);
    const varden = (id: string) => t.falt.find((r) => r.id === id)?.varden;
    expect(varden("SSBT.svar.SKV.skatteuppgifter.error.felkod")).toEqual([
      ...Object.values(DELFELKOD).map(String),
      "DEL_SAKNAS",
    ]);
    expect(varden("SKV.foretagsinformation.foretag.foretagsform")).toEqual(Object.keys(FORETAGSFORM));
    expect(varden("SKV.foretagsinformation.foretag.fskatt.status")).toEqual(Object.keys(FSKATT_STATUS));
    expect(varden("SKV.skattekonto.transaktioner.transaktionstyp")).toEqual(Object.keys(TRANSAKTIONSTYP));
    expect(varden("SKV.skatteuppgifter.beskattningar.resultat.typ")).toEqual(Object.keys(RESULTATTYP));
    expect(varden("SKV.beskattningsbilagor.bilagor.blankett")).toEqual(Object.keys(BLANKETT));
    // Every block has its part rows, its error rows and its data-or-error rule.
    for (const b of SKV11_BLOCK) {
      const ids = [...t.falt.map((r) => r.id), ...t.korsregler.map((k) => k.id)];
      for (const s of [
        "",
        ".data",
        ".error",
        ".error.kalla",
        ".error.felkod",
        ".error.felmeddelande",
        ".dataEllerError",
      ])
        expect(ids).toContain(`SSBT.svar.SKV.${b}${s}`);
    }
    // ssbt/10's SKV data|error choice is gone; the rest of ssbt/10's answer is inherited.
    expect(t.falt.map((r) => r.id)).not.toContain("SSBT.svar.SKV.data");
    expect(t.falt.find((r) => r.id === "SSBT.svar.CSN.data.svar")?.kalla).toBe(
      "ssbt/11 XSD (sammansatt_bastjanst_v11.xsd)",
    );
    expect(t.falt.find((r) => r.id === "SSBT.svar.fraga")?.meddelande).toBe("ssbt-v11-fraga");
  });

  it("the v11 question: SKV's fraga with its years and five blocks; ssbt/10's SKV is empty", () => {
    const v10 = hamtaTabell("ssbt-fraga");
    const v11 = hamtaTabell("ssbt-v11-fraga");
    expect(v10.falt.find((r) => r.id === "SSBT.SKV")?.typ).toBe("empty");
    expect(v11.falt.find((r) => r.id === "SSBT.SKV")?.typ).toBe("complex");
    expect(
      v11.falt.filter((r) => r.path.includes("/SKV/fraga/")).map((r) => r.path.split("/").pop()),
    ).toEqual(["ar[]", ...SKV11_BLOCK]);
    // Everything else of the v10 question is there, in the same order.
    const ovriga = (ids: string[]) => ids.filter((id) => !id.startsWith("SSBT.SKV"));
    expect(ovriga(v11.falt.map((r) => r.id))).toEqual(ovriga(v10.falt.map((r) => r.id)));
    const f = fragaV11(PERSONAS.find((p) => p.id === "foretagare")!.personidentitet, [2025]);
    const ctx = { now: new Date(TEST_NOW) };
    expect(regler(evaluate("ssbt-v11-fraga", encodeFraga(f, "v11"), ctx))).toEqual([]);
    // The v10 table refuses the v11 SKV question (SKV must be empty there).
    expect(regler(evaluate("ssbt-fraga", encodeFraga(f, "v11"), ctx))).toContain(
      "SSBT.SKV.typ @ /hamtaBastjanstInformation/specifikaFrageparametrar/SKV",
    );
    const utanAr = andraXml(
      encodeFraga(f, "v11"),
      "/hamtaBastjanstInformation/specifikaFrageparametrar/SKV/fraga/ar",
      { taBort: true },
    );
    expect(regler(evaluate("ssbt-v11-fraga", utanAr, ctx))).toEqual([
      "SSBT.SKV.fraga.ar.min @ /hamtaBastjanstInformation/specifikaFrageparametrar/SKV/fraga/ar",
    ]);
  });
});
