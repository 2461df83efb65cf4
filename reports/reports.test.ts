import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attr, childElements, textOf, type XmlElement } from "../contract/xml/node.js";
import { parseXml } from "../contract/xml/parse.js";
import { formatHtml } from "./html.js";
import { formatJunit, xmlSafe } from "./junit.js";
import { buildReport, type CertifyReport, caseFrom, skippedCase } from "./model.js";
import { replayFor } from "./triage.js";
import { reportName, writeReports } from "./write.js";

const NASTY = `a<b & "c" 'd' ]]> \u0001\u0000 199001011234`;

function sample(): CertifyReport {
  return buildReport({
    command: "certify producer",
    target: "TNS http://127.0.0.1:1/tns",
    startedAt: "2026-11-20T09:00:00.000Z",
    durationMs: 1234.4,
    seed: 7,
    suites: [
      {
        name: "schema",
        properties: { budgetMs: "7000" },
        cases: [
          caseFrom("persona a", 12.6, []),
          caseFrom("persona b <199001011234>", 40, [
            {
              rule: "TNS.schema.xml.element",
              path: "/HamtaUppgifterResponse/resultat",
              value: NASTY,
              message: `expected <resultat> & found ${NASTY}`,
              seed: 7,
              replay: "npx ssbtek-harness certify producer --bastjanst TNS --url http://x",
            },
            { rule: "TNS.http.status", message: "HTTP 502" },
          ]),
        ],
      },
      { name: "timing budget", cases: [skippedCase("persona b", "no answer"), caseFrom("persona a", 3, [])] },
    ],
  });
}

const kids = (e: XmlElement, local: string) => childElements(e).filter((c) => c.local === local);

describe("CertifyReport", () => {
  it("replays failed cases narrowed to their personas, and as the whole run when they are every persona of it", () => {
    const bas = "npx ssbtek-harness certify producer --bastjanst SKV --url http://x";
    const fel = [{ rule: "SKV.svar.fault", message: "planerat underhåll" }];
    const r = buildReport({
      command: "certify producer",
      target: "SKV http://x",
      startedAt: "2026-12-06T01:30:00.000Z",
      durationMs: 1,
      suites: [
        {
          name: "schema",
          cases: ["a", "b", "c"].map((p) => ({ ...caseFrom(p, 1, p === "c" ? [] : fel), persona: p })),
        },
      ],
      replay: `${bas} --clock 2026-12-06T01:30:00.000Z`,
      replayNarrow: bas,
    });
    const [a, b, c] = r.suites[0]!.cases;
    expect(replayFor(r, [a!, b!])).toBe(`${bas} --persona a --persona b`);
    expect(replayFor(r, [a!, b!, c!])).toBe(r.replay);
  });

  it("counts cases and passes only with no failure and at least one case that ran", () => {
    const r = sample();
    expect(r.summary).toEqual({ tests: 4, passed: 2, failed: 1, skipped: 1 });
    expect(r.passed).toBe(false);
    expect(r.durationMs).toBe(1234);
    const empty = buildReport({
      command: "certify chain",
      target: "x",
      startedAt: "",
      durationMs: 0,
      suites: [],
    });
    expect(empty.passed).toBe(false);
    const skippedOnly = buildReport({
      command: "c",
      target: "x",
      startedAt: "",
      durationMs: 0,
      suites: [{ name: "s", cases: [skippedCase("a", "why")] }],
    });
    expect(skippedOnly.passed).toBe(false);
    const ok = buildReport({
      command: "c",
      target: "x",
      startedAt: "",
      durationMs: 0,
      suites: [{ name: "s", cases: [caseFrom("a", 1, [])] }],
    });
    expect(ok.passed).toBe(true);
  });

  it("masks every personnummer-like value, wherever it is", () => {
    const json = JSON.stringify(sample());
    expect(json).not.toContain("199001011234");
    expect(json).toContain("19900101-****");
  });
});

describe("JUnit XML", () => {
  it("is well-formed JUnit: testsuites › testsuite › testcase with failure and skipped, counts and times", () => {
    const root = parseXml(formatJunit(sample()));
    expect(root.local).toBe("testsuites");
    expect(root.ns).toBe("");
    expect(attr(root, "tests")).toBe("4");
    expect(attr(root, "failures")).toBe("1");
    expect(attr(root, "skipped")).toBe("1");
    expect(attr(root, "errors")).toBe("0");
    expect(attr(root, "time")).toBe("1.234");
    const suites = kids(root, "testsuite");
    expect(suites.map((s) => attr(s, "name"))).toEqual(["schema", "timing budget"]);
    const [schema, timing] = suites as [XmlElement, XmlElement];
    expect(attr(schema, "tests")).toBe("2");
    expect(attr(schema, "failures")).toBe("1");
    const props = kids(kids(schema, "properties")[0]!, "property");
    expect(props.map((p) => [attr(p, "name"), attr(p, "value")])).toContainEqual(["budgetMs", "7000"]);
    expect(props.map((p) => attr(p, "name"))).toContain("seed");
    const cases = kids(schema, "testcase");
    expect(cases.map((c) => attr(c, "classname"))).toEqual([
      "certify.producer.schema",
      "certify.producer.schema",
    ]);
    expect(attr(cases[0]!, "time")).toBe("0.013");
    expect(kids(cases[0]!, "failure")).toHaveLength(0);
    const failure = kids(cases[1]!, "failure")[0]!;
    expect(attr(failure, "type")).toBe("TNS.schema.xml.element");
    expect(textOf(failure).split("\n")).toHaveLength(2);
    expect(textOf(failure)).toContain("TNS.http.status: HTTP 502");
    expect(textOf(failure)).toContain("replay: npx ssbtek-harness certify producer");
    const skipped = kids(kids(timing, "testcase")[0]!, "skipped")[0]!;
    expect(attr(skipped, "message")).toBe("no answer");
  });

  it("escapes markup and replaces characters XML cannot carry, so the text reads back as sent", () => {
    const xml = formatJunit(sample());
    const failure = kids(kids(kids(parseXml(xml), "testsuite")[0]!, "testcase")[1]!, "failure")[0]!;
    const expected = xmlSafe(NASTY).replace("199001011234", "19900101-****");
    expect(textOf(failure)).toContain(`value "${expected}"`);
    expect(attr(failure, "message")).toContain(`expected <resultat> & found ${expected}`);
    expect(attr(kids(kids(parseXml(xml), "testsuite")[0]!, "testcase")[1]!, "name")).toBe(
      "persona b <19900101-****>",
    );
    expect(xmlSafe("a\u0000b\u0007c\ud800d")).toBe("a\ufffdb\ufffdc\ufffdd");
  });
});

describe("writers", () => {
  const dir = mkdtempSync(join(tmpdir(), "ssbtek-reports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("write JSON, JUnit XML and HTML into the folder, creating it", () => {
    const out = join(dir, "nested", "out");
    const w = writeReports(sample(), out, reportName("certify producer", "TNS"));
    expect(w.json).toBe(join(out, "certify-producer-tns.json"));
    expect(w.junit).toBe(join(out, "certify-producer-tns.junit.xml"));
    expect(JSON.parse(readFileSync(w.json, "utf8"))).toEqual(sample());
    expect(parseXml(readFileSync(w.junit, "utf8")).local).toBe("testsuites");
    const html = readFileSync(w.html, "utf8");
    expect(html).toContain("FAILED");
    expect(html).not.toContain("<b & ");
    expect(html).not.toContain("199001011234");
  });

  it("say what to do when the folder cannot be written", () => {
    // a folder path that runs through a file cannot be created
    const { json } = writeReports(sample(), dir, "a-file");
    expect(() => writeReports(sample(), join(json, "below"), "x")).toThrow(
      /Pass --out with a folder you can write to/,
    );
  });
});

it("formatHtml needs no external resource", () => {
  expect(formatHtml(sample())).not.toMatch(/<script|<link|\ssrc=|\shref=/);
});

describe("masking in reports", () => {
  it("masks a personidentitet in every spelling and keeps an organisationsnummer, the same everywhere", () => {
    const r = buildReport({
      command: "certify consumer",
      target: "ingivare 162129999991, person 199608239829",
      startedAt: "",
      durationMs: 0,
      suites: [
        {
          name: "s",
          cases: [
            caseFrom("9608239829 / 960823-9829 / 19960823982", 1, [
              { rule: "R", value: "162129999991", message: "orgnr 212000-1355 and 2120001355 stay" },
            ]),
          ],
        },
      ],
    });
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/9829|1996082398/);
    expect(r.target).toBe("ingivare 162129999991, person 19960823-****");
    expect(r.suites[0]!.cases[0]!.name).toBe("960823-**** / 960823-**** / 19960823-****");
    expect(r.suites[0]!.cases[0]!.findings[0]).toMatchObject({
      value: "162129999991",
      message: "orgnr 212000-1355 and 2120001355 stay",
    });
  });
});
