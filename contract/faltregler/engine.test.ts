import { describe, expect, it } from "vitest";
import { testFraga } from "../../test/support/context.js";
import { isHarnessError } from "../errors.js";
import { encodeFraga } from "../ssbt/codec.js";
import { evaluate, evaluateTabell, faltfel, maskeraVarde, regelId } from "./engine.js";
import type { Faltregel, Faltregeltabell, Finding, Korsregel } from "./model.js";

const NOW = new Date("2026-11-20T10:00:00+01:00");
const ctx = { now: NOW };

function rad(id: string, path: string, typ: Faltregel["typ"], extra: Partial<Faltregel> = {}): Faltregel {
  return { id, path, typ, min: 1, max: 1, beskrivning: "test", kalla: "test", ...extra };
}

function tabell(
  falt: Faltregel[],
  korsregler: Korsregel[] = [],
  extra: Partial<Faltregeltabell> = {},
): Faltregeltabell {
  return {
    id: "test",
    titel: "test",
    format: "xml",
    rot: "a",
    beskrivning: "test",
    kalla: "test",
    falt,
    korsregler,
    ...extra,
  };
}

function jsonTabell(
  falt: Faltregel[],
  korsregler: Korsregel[] = [],
  extra: Partial<Faltregeltabell> = {},
): Faltregeltabell {
  const { rot: _rot, ...t } = tabell(falt, korsregler, { format: "json", ...extra });
  return t;
}

const rules = (f: Finding[]) => f.map((x) => x.rule);

/** One leaf `b` of `<a>` with the given row: good value passes, bad value gives `<id>.<aspekt>`. */
function leaf(
  row: Partial<Faltregel> & Pick<Faltregel, "typ">,
  good: string,
  bad: string,
  aspekt: string,
): void {
  const t = tabell([rad("T.b", "/a/b", row.typ, row)]);
  expect(evaluateTabell(t, `<a><b>${good}</b></a>`, ctx), `good ${good}`).toEqual([]);
  expect(rules(evaluateTabell(t, `<a><b>${bad}</b></a>`, ctx)), `bad ${bad}`).toContain(`T.b.${aspekt}`);
}

describe("field rules: each aspect catches a broken value and passes a good one", () => {
  it.each([
    ["date", "2026-02-28", "2026-02-30"],
    ["dateTime", "2026-11-20T10:00:00+01:00", "2026-11-20 10:00"],
    ["datum8", "20260228", "20260230"],
    ["int", "-12", "12.5"],
    ["short", "32767", "32768"],
    ["long", "12345678901", "1e3"],
    ["decimal", "12.50", "12,50"],
    ["boolean", "true", "ja"],
    ["base64", "QUJD", "QUJD*"],
    ["personidentitet", " 199608239829 ", "19960823-9829"],
    ["organisationsnummer", "162129999991", "162109999991"],
  ] as const)("typ %s", (typ, good, bad) => leaf({ typ }, good, bad, "typ"));

  it("format, minLength, maxLength", () => {
    leaf({ typ: "string", format: "\\d{6}-\\d{4}" }, "212000-2411", "2120002411", "format");
    leaf({ typ: "string", minLength: 1 }, "x", "", "minLength");
    leaf({ typ: "string", maxLength: 31 }, "x".repeat(31), "x".repeat(32), "maxLength");
  });

  it("kodverk, varden, minVarde, maxVarde", () => {
    leaf({ typ: "string", kodverk: "AF.AktivitetsRapportMeddelande" }, "200", "201", "kodverk");
    leaf({ typ: "string", varden: ["PERMANENT", "TIDBEGRANSAT"] }, "PERMANENT", "permanent", "varden");
    leaf({ typ: "int", minVarde: 0 }, "0", "-1", "minVarde");
    leaf({ typ: "int", maxVarde: 100 }, "100", "101", "maxVarde");
  });

  it("kontrollsiffra, for 12 and 10 digits, samordningsnummer included", () => {
    leaf({ typ: "personidentitet", kontrollsiffra: true }, "199608239829", "199608239820", "kontrollsiffra");
    leaf({ typ: "string", kontrollsiffra: true }, "9608239829", "9608239820", "kontrollsiffra");
    leaf({ typ: "personidentitet", kontrollsiffra: true }, "196507909908", "196507909907", "kontrollsiffra");
  });

  it("string keeps whitespace; other types collapse it like xsd:token", () => {
    leaf({ typ: "string", maxLength: 2 }, "ab", " ab", "maxLength");
    leaf({ typ: "int" }, " 7 ", "7 7", "typ");
  });

  it("cardinality: a missing required field (min) and too many (max), per parent", () => {
    const t = tabell([
      rad("T.b", "/a/b[]", "complex", { min: 1, max: 2 }),
      rad("T.b.c", "/a/b[]/c", "string"),
      rad("T.b.d", "/a/b[]/@d", "boolean", { min: 0 }),
    ]);
    expect(evaluateTabell(t, "<a><b><c>1</c></b><b d='true'><c>2</c></b></a>", ctx)).toEqual([]);
    const f = evaluateTabell(t, "<a><b><c>1</c></b><b d='x'/><b><c>3</c></b></a>", ctx);
    expect(f).toContainEqual({ rule: "T.b.max", path: "/a/b", message: "at most 2 b allowed, found 3" });
    expect(f).toContainEqual({
      rule: "T.b.c.min",
      path: "/a/b[2]/c",
      message: "required field c is missing",
    });
    expect(f).toContainEqual({
      rule: "T.b.d.typ",
      path: "/a/b[2]/@d",
      value: "x",
      message: "is not a boolean (true/false)",
    });
    expect(rules(evaluateTabell(t, "<a/>", ctx))).toEqual(["T.b.min"]);
  });

  it("empty, nil and text-only leaves", () => {
    const t = tabell([
      rad("T.e", "/a/e", "empty"),
      rad("T.n", "/a/n", "date", { nillable: true }),
      rad("T.m", "/a/m", "date", { min: 0 }),
    ]);
    const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
    expect(evaluateTabell(t, `<a ${xsi}><e/><n xsi:nil="true"/></a>`, ctx)).toEqual([]);
    expect(
      rules(evaluateTabell(t, `<a ${xsi}><e>x</e><n>2026-01-01</n><m xsi:nil="true"/></a>`, ctx)),
    ).toEqual(["T.e.typ", "T.m.typ"]);
    expect(rules(evaluateTabell(t, `<a><e/><n><x/></n></a>`, ctx))).toEqual(["T.n.typ"]);
  });

  it("unknown elements and attributes are findings when the table says so; open fields allow them", () => {
    const t = tabell(
      [rad("T.b", "/a/b", "complex", { oppen: true }), rad("T.c", "/a/c", "string", { min: 0 })],
      [],
      {
        okantFalt: "T.okantFalt",
      },
    );
    expect(evaluateTabell(t, "<a><b><anything/></b></a>", ctx)).toEqual([]);
    expect(evaluateTabell(t, "<a x='1'><b/><z/></a>", ctx)).toEqual([
      { rule: "T.okantFalt", path: "/a/z", message: "z is not a field of test at /a" },
      { rule: "T.okantFalt", path: "/a/@x", message: "attribute x is not a field of test at /a" },
    ]);
  });

  it("the wrong root element is one finding", () => {
    expect(evaluateTabell(tabell([]), "<x/>", ctx)).toEqual([
      { rule: "test.rot", path: "/", value: "x", message: "the root element must be a, not x" },
    ]);
  });

  it("a SOAP envelope is unwrapped to its Body's child", () => {
    const t = tabell([rad("T.b", "/a/b", "int")]);
    const env =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><a><b>x</b></a></s:Body></s:Envelope>';
    expect(rules(evaluateTabell(t, env, ctx))).toEqual(["T.b.typ"]);
  });

  it("JSON: keys, arrays, JSON types, null as absent", () => {
    const t = jsonTabell(
      [
        rad("J.n", "/n", "long"),
        rad("J.l", "/l[]", "complex", { min: 0, max: "unbounded" }),
        rad("J.l.d", "/l[]/d", "date"),
        rad("J.s", "/s", "string", { min: 0 }),
      ],
      [],
      { okantFalt: "J.okant" },
    );
    expect(evaluateTabell(t, { n: 3, l: [{ d: "2026-01-01" }], s: null }, ctx)).toEqual([]);
    const f = evaluateTabell(t, '{"n":"3","l":[{"d":"2026-02-30"},{}],"x":1}', ctx);
    expect(rules(f)).toEqual(["J.n.typ", "J.l.d.min", "J.l.d.typ", "J.okant"]);
    expect(f.find((x) => x.rule === "J.l.d.typ")?.path).toBe("/l[1]/d");
    expect(rules(evaluateTabell(t, { n: 1, l: { d: "2026-01-01" } }, ctx))).toEqual(["J.l.typ"]);
    expect(evaluateTabell(t, "{not json", ctx)).toEqual([
      { rule: "test.json", path: "/", message: "the message is not valid JSON" },
    ]);
  });

  it("payloads: base64 JSON and XML text are followed; unreadable content is `innehall`", () => {
    const t = tabell([
      rad("P.j", "/a/j", "base64Json"),
      rad("P.j.x", "/a/j/x", "int"),
      rad("P.s", "/a/s", "xmlString"),
      rad("P.s.r", "/a/s/r", "complex"),
      rad("P.s.r.v", "/a/s/r/v", "date"),
    ]);
    const j = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64");
    const s = "&lt;r xmlns='urn:x'&gt;&lt;v&gt;2026-01-01&lt;/v&gt;&lt;/r&gt;";
    expect(evaluateTabell(t, `<a><j>${j({ x: 1 })}</j><s>${s}</s></a>`, ctx)).toEqual([]);
    const f = evaluateTabell(
      t,
      `<a><j>${j({ x: "1" })}</j><s>&lt;r&gt;&lt;v&gt;x&lt;/v&gt;&lt;/r&gt;</s></a>`,
      ctx,
    );
    expect(f.map((x) => `${x.rule} ${x.path}`)).toEqual(["P.j.x.typ /a/j/x", "P.s.r.v.typ /a/s/r/v"]);
    expect(
      rules(evaluateTabell(t, `<a><j>${Buffer.from("nej").toString("base64")}</j><s>&lt;r&gt;</s></a>`, ctx)),
    ).toEqual(["P.j.innehall", "P.s.innehall"]);
  });

  it("meddelande: an inner message is evaluated by its own table, paths continuing the outer path", () => {
    const inner = tabell([rad("I.v", "/r/v", "int")], [], { id: "inre", rot: "r" });
    const outer = tabell([
      rad("O.d", "/a/d", "xml", { meddelande: "inre" }),
      rad("O.e", "/a/e", "base64Xml", { meddelande: "inre" }),
    ]);
    const lookup = (id: string) => (id === "inre" ? inner : outer);
    const bra = Buffer.from("<r><v>1</v></r>").toString("base64");
    const dalig = Buffer.from("<r><v>x</v></r>").toString("base64");
    expect(evaluateTabell(outer, `<a><d><v>1</v></d><e>${bra}</e></a>`, ctx, lookup)).toEqual([]);
    const f = evaluateTabell(outer, `<a><d><v>x</v></d><e>${dalig}</e></a>`, ctx, lookup);
    expect(f.map((x) => `${x.rule} ${x.path}`)).toEqual(["I.v.typ /a/d/v", "I.v.typ /a/e/r/v"]);
  });

  it("rows for one bastjänst apply only when it is included", () => {
    const fraga = testFraga("199608239829");
    fraga.generellaFrageparametrar.arendeidentitet = "A".repeat(32);
    expect(rules(evaluate("ssbt-fraga", encodeFraga(fraga), ctx))).toContain("CSN.arendeidentitet.maxLength");
    fraga.specifikaFrageparametrar.CSN = { inkludera: false };
    expect(rules(evaluate("ssbt-fraga", encodeFraga(fraga), ctx))).not.toContain(
      "CSN.arendeidentitet.maxLength",
    );
  });
});

describe("cross-field rules: each catches a broken message and passes a good one", () => {
  const period = [
    rad("T.p", "/a/p[]", "complex", { min: 0, max: "unbounded" }),
    rad("T.f", "/a/p[]/f", "date"),
    rad("T.t", "/a/p[]/t", "date"),
  ];
  const regel = (r: string, paths: string[], params?: Record<string, unknown>): Korsregel => ({
    id: `K.${r}`,
    regel: r,
    paths,
    beskrivning: "test",
    kalla: "test",
    ...(params ? { params } : {}),
  });
  const p = (f: string, t: string) => `<p><f>${f}</f><t>${t}</t></p>`;

  it("fromDatumLeTomDatum, once per instance, at the pair's parent", () => {
    const t = tabell(period, [regel("fromDatumLeTomDatum", ["/a/p[]/f", "/a/p[]/t"])]);
    expect(evaluateTabell(t, `<a>${p("2026-01-01", "2026-01-01")}</a>`, ctx)).toEqual([]);
    expect(
      evaluateTabell(t, `<a>${p("2026-01-01", "2026-01-02")}${p("2026-01-03", "2026-01-02")}</a>`, ctx),
    ).toEqual([
      {
        rule: "K.fromDatumLeTomDatum",
        path: "/a/p[2]",
        value: "2026-01-03..2026-01-02",
        message: "from-date 2026-01-03 is after to-date 2026-01-02",
      },
    ]);
  });

  it("maxPeriodlangd: 2024-01-01..2025-12-31 is allowed, ..2026-01-01 is not", () => {
    const t = tabell(period, [regel("maxPeriodlangd", ["/a/p[]/f", "/a/p[]/t"], { ar: 2 })]);
    expect(evaluateTabell(t, `<a>${p("2024-01-01", "2025-12-31")}</a>`, ctx)).toEqual([]);
    expect(rules(evaluateTabell(t, `<a>${p("2024-01-01", "2026-01-01")}</a>`, ctx))).toEqual([
      "K.maxPeriodlangd",
    ]);
  });

  it("datumfonster: 2 months back and 1 month ahead of today, the boundary day allowed", () => {
    const t = tabell(period, [
      regel("datumfonster", ["/a/p[]/f", "/a/p[]/t"], { bakatManader: 2, framatManader: 1 }),
    ]);
    expect(evaluateTabell(t, `<a>${p("2026-09-20", "2026-12-20")}</a>`, ctx)).toEqual([]);
    expect(evaluateTabell(t, `<a>${p("2026-09-19", "2026-12-21")}</a>`, ctx).map((f) => f.path)).toEqual([
      "/a/p[1]/f",
      "/a/p[1]/t",
    ]);
  });

  it("datumfonster uses the first (from, tom) pair present: a bastjänst's own period before the general one", () => {
    const t = tabell(
      [
        rad("T.e", "/a/e", "complex", { min: 0 }),
        rad("T.ef", "/a/e/f", "date"),
        rad("T.et", "/a/e/t", "date"),
        rad("T.f", "/a/f", "date"),
        rad("T.t", "/a/t", "date"),
      ],
      [regel("datumfonster", ["/a/e/f", "/a/e/t", "/a/f", "/a/t"], { bakatManader: 2, framatManader: 1 })],
    );
    expect(
      evaluateTabell(
        t,
        "<a><e><f>2026-10-01</f><t>2026-11-01</t></e><f>2020-01-01</f><t>2020-02-01</t></a>",
        ctx,
      ),
    ).toEqual([]);
    expect(rules(evaluateTabell(t, "<a><f>2020-01-01</f><t>2020-02-01</t></a>", ctx))).toEqual([
      "K.datumfonster",
    ]);
  });

  it("kravsVidVarde: a date follows code 200, and only then", () => {
    const t = tabell(
      [rad("T.k", "/a/k", "string"), rad("T.d", "/a/d", "date", { min: 0 })],
      [regel("kravsVidVarde", ["/a/k", "/a/d"], { varden: ["200"], nar: "finns", annars: "saknas" })],
    );
    expect(evaluateTabell(t, "<a><k>200</k><d>2026-01-01</d></a>", ctx)).toEqual([]);
    expect(evaluateTabell(t, "<a><k>501</k></a>", ctx)).toEqual([]);
    expect(rules(evaluateTabell(t, "<a><k>200</k></a>", ctx))).toEqual(["K.kravsVidVarde"]);
    expect(rules(evaluateTabell(t, "<a><k>501</k><d>2026-01-01</d></a>", ctx))).toEqual(["K.kravsVidVarde"]);
  });

  it("exaktEnAv and minstEnAv", () => {
    const falt = [rad("T.x", "/a/x", "string", { min: 0 }), rad("T.y", "/a/y", "string", { min: 0 })];
    const exakt = tabell(falt, [regel("exaktEnAv", ["/a/x", "/a/y"])]);
    const minst = tabell(falt, [regel("minstEnAv", ["/a/x", "/a/y"])]);
    expect(evaluateTabell(exakt, "<a><x/></a>", ctx)).toEqual([]);
    expect(rules(evaluateTabell(exakt, "<a><x/><y/></a>", ctx))).toEqual(["K.exaktEnAv"]);
    expect(evaluateTabell(minst, "<a><x/><y/></a>", ctx)).toEqual([]);
    expect(rules(evaluateTabell(minst, "<a/>", ctx))).toEqual(["K.minstEnAv"]);
  });

  it("summa: integers add up", () => {
    const t = tabell(
      [rad("T.s", "/a/s", "long"), rad("T.b", "/a/b[]", "long", { min: 0, max: "unbounded" })],
      [regel("summa", ["/a/s", "/a/b[]"])],
    );
    expect(evaluateTabell(t, "<a><s>5</s><b>2</b><b>3</b></a>", ctx)).toEqual([]);
    expect(rules(evaluateTabell(t, "<a><s>6</s><b>2</b><b>3</b></a>", ctx))).toEqual(["K.summa"]);
  });

  it("likaVarden", () => {
    const t = tabell(
      [rad("T.x", "/a/x", "string"), rad("T.y", "/a/y", "string")],
      [regel("likaVarden", ["/a/x", "/a/y"])],
    );
    expect(evaluateTabell(t, "<a><x>1</x><y>1</y></a>", ctx)).toEqual([]);
    expect(rules(evaluateTabell(t, "<a><x>1</x><y>2</y></a>", ctx))).toEqual(["K.likaVarden"]);
  });

  describe("rules that need the question", () => {
    const fraga = testFraga("199608239829", { fromDatum: "2026-10-01", tomDatum: "2026-10-31" });
    const withFraga = { now: NOW, fraga };

    it("inomFragadPeriod (the bastjänst's own period, or the general one)", () => {
      const t = tabell(
        [rad("T.d", "/a/d[]", "datum8", { min: 0, max: "unbounded" })],
        [regel("inomFragadPeriod", ["/a/d[]"], { bastjanst: "CSN" })],
      );
      expect(evaluateTabell(t, "<a><d>20261001</d><d>20261031</d></a>", withFraga)).toEqual([]);
      expect(evaluateTabell(t, "<a><d>20261101</d></a>", withFraga)).toEqual([
        {
          rule: "K.inomFragadPeriod",
          path: "/a/d[1]",
          value: "2026-11-01",
          message: "2026-11-01 is outside the asked period 2026-10-01..2026-10-31",
        },
      ]);
    });

    it("fragadPerson (12 digits, or 10 without the century), value masked", () => {
      const t = tabell([rad("T.p", "/a/@p", "string")], [regel("fragadPerson", ["/a/@p"])]);
      expect(evaluateTabell(t, "<a p='9608239829'/>", withFraga)).toEqual([]);
      expect(evaluateTabell(t, "<a p='199001011234'/>", withFraga)).toEqual([
        {
          rule: "K.fragadPerson",
          path: "/a/@p",
          value: "19900101-****",
          message: "the answer is about another person than the one asked about",
        },
      ]);
    });

    it("sektionerEnligtFraga and ekarFraga", () => {
      const t = tabell(
        [
          rad("T.s", "/a/svarsdata", "complex"),
          rad("T.k", "/a/korrelationsid", "string", { min: 0 }),
          rad("T.q", "/a/fraga", "complex", { min: 0, oppen: true }),
        ],
        [
          regel("sektionerEnligtFraga", ["/a/svarsdata"]),
          { ...regel("ekarFraga", ["/a/korrelationsid"], { falt: "korrelationsid" }), id: "K.eko" },
          { ...regel("ekarFraga", ["/a/fraga"], { falt: "fraga" }), id: "K.fraga" },
        ],
      );
      const alla = "<AF/><CSN/><FK/><SKV/><SO/><TNS/><MIV/>";
      const k = fraga.generellaFrageparametrar.korrelationsid;
      expect(
        evaluateTabell(
          t,
          `<a><svarsdata>${alla}</svarsdata><korrelationsid>${k}</korrelationsid></a>`,
          withFraga,
        ),
      ).toEqual([]);
      expect(
        rules(evaluateTabell(t, "<a><svarsdata><CSN/><AF/></svarsdata><fraga/></a>", withFraga)),
      ).toEqual(["K.sektionerEnligtFraga", "K.eko", "K.fraga"]);
    });

    it("a rule that needs the question throws a HarnessError without it", () => {
      const t = tabell(
        [rad("T.d", "/a/d", "date")],
        [regel("inomFragadPeriod", ["/a/d"], { bastjanst: "SO" })],
      );
      expect(() => evaluateTabell(t, "<a><d>2026-01-01</d></a>", ctx)).toThrow(/needs the question/);
    });
  });
});

describe("unknown input is an error, never a silent pass", () => {
  it("an unknown table id", () => {
    try {
      evaluate("nope-svar", "<a/>", ctx);
      expect.unreachable();
    } catch (e) {
      expect(isHarnessError(e) && e.code).toBe("FALTREGEL_OKAND_TABELL");
    }
  });

  it("an unknown cross-field rule", () => {
    const t = tabell(
      [rad("T.b", "/a/b", "string")],
      [{ id: "K.x", regel: "finnsInte", paths: ["/a/b"], beskrivning: "x", kalla: "x" }],
    );
    expect(() => evaluateTabell(t, "<a><b/></a>", ctx)).toThrow(/unknown implementation "finnsInte"/);
  });

  it("XML passed to a JSON table and the reverse", () => {
    expect(() =>
      evaluateTabell(jsonTabell([]), { kind: "element", ns: "", local: "a", attrs: [], children: [] }, ctx),
    ).toThrow(/evaluates JSON/);
    expect(() => evaluateTabell(tabell([]), { a: 1 }, ctx)).toThrow(/evaluates XML/);
  });
});

describe("masking and ids", () => {
  it("personal values keep only the birth date; other long values are cut", () => {
    expect(maskeraVarde("199608239829", false)).toBe("19960823-****");
    expect(maskeraVarde("9608239829", false)).toBe("960823-****");
    expect(maskeraVarde("abc", true)).toBe("****");
    expect(maskeraVarde("x".repeat(100), false)).toHaveLength(81);
    expect(maskeraVarde("ärende 19960823-9829", false)).toBe("ärende 19960823-****");
  });

  it("a rule id names the aspect once", () => {
    expect(regelId({ id: "SSBT.personidentitet" }, "typ")).toBe("SSBT.personidentitet.typ");
    expect(regelId({ id: "CSN.arendeidentitet.maxLength" }, "maxLength")).toBe(
      "CSN.arendeidentitet.maxLength",
    );
  });

  it("faltfel lists every broken aspect of one value", () => {
    expect(
      faltfel(rad("X", "/a/b", "string", { maxLength: 2, format: "[a-z]+" }), "ABC").map((f) => f.aspekt),
    ).toEqual(["format", "maxLength"]);
  });
});
