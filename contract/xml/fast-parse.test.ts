import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listFiles, REFERENCE_DIR, REFERENCE_MISSING, readReference } from "../../test/support/reference.js";
import { parseXmlFast } from "./fast-parse.js";
import { el, type XmlElement, type XmlNode } from "./node.js";
import { parseXml, parseXmlWithSaxes } from "./parse.js";
import { serializeXml } from "./serialize.js";

/** saxes's verdict: the tree, or the error code it refused with. */
function saxes(text: string): XmlElement | { refused: string } {
  try {
    return parseXmlWithSaxes(text);
  } catch (e) {
    return { refused: (e as { code?: string }).code ?? "?" };
  }
}

/** The property that makes the fast path safe: whenever it answers, saxes gives the same tree. */
function agrees(text: string): void {
  const fast = parseXmlFast(text);
  if (fast !== undefined) expect(fast).toEqual(saxes(text));
}

const NAMESPACES = ["urn:a", "urn:b", "http://schema.example/ssbt/10", ""];
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,8}$/);
const textValue = fc.string({
  unit: fc.constantFrom("a", "Ö", " ", "\n", "\t", "&", "<", ">", '"', "'", "]", "\r", "é", "1", ";", "#"),
  maxLength: 12,
});
const tree: fc.Arbitrary<XmlElement> = fc.letrec<{ node: XmlElement }>((tie) => ({
  node: fc
    .record({
      ns: fc.constantFrom(...NAMESPACES),
      local: name,
      attrs: fc.uniqueArray(fc.tuple(name, textValue), { maxLength: 3, selector: (a) => a[0] }),
      children: fc.array(fc.oneof({ depthSize: "small" }, textValue, tie("node")), { maxLength: 4 }),
    })
    .map(({ ns, local, attrs, children }) =>
      el(ns, local, children as (string | XmlNode)[], Object.fromEntries(attrs)),
    ),
})).node;

/** What our serializer writes, plus the variations other producers use. */
function variants(root: XmlElement): string[] {
  const plain = serializeXml(root, { prefixes: { "urn:a": "a" } });
  const decl = serializeXml(root, { declaration: true });
  return [
    plain,
    decl,
    decl.replace('<?xml version="1.0" encoding="UTF-8"?>', "<?xml version='1.0'?>\n"),
    plain.replaceAll('="', " = '").replaceAll('"', "'"),
    plain.replaceAll("/>", " />").replaceAll("></", ">\n  </"),
    `\n${plain}\n\t`,
  ];
}

const MUTATIONS = [
  "<",
  ">",
  "&",
  ";",
  '"',
  "'",
  "/",
  "=",
  ":",
  "!",
  "?",
  "\n",
  "\r",
  "]]>",
  "<!--",
  "&#0;",
  "&#x1F600;",
  "x",
];

describe("parseXmlFast", () => {
  it("gives saxes's tree for everything our serializer writes", () => {
    fc.assert(
      fc.property(tree, (root) => {
        for (const text of variants(root)) agrees(text);
        expect(parseXmlFast(serializeXml(root))).toEqual(parseXmlWithSaxes(serializeXml(root)));
      }),
      { numRuns: 300 },
    );
  });

  it("never accepts what saxes refuses, nor reads it differently (random damage)", () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom(...MUTATIONS), fc.boolean(), (root, at, insert, remove) => {
        const text = serializeXml(root, { declaration: true });
        const p = at % (text.length + 1);
        const damaged = remove
          ? text.slice(0, p) + text.slice(p + 1)
          : text.slice(0, p) + insert + text.slice(p);
        agrees(damaged);
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ["DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ["comment", "<a><!-- c --></a>"],
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["processing instruction", "<a><?pi x?></a>"],
    ["carriage return", "<a>\r\n</a>"],
    ["XML 1.1", '<?xml version="1.1"?><a/>'],
    ["unbound prefix", "<p:a/>"],
    ["two roots", "<a/><b/>"],
    ["text after root", "<a/>x"],
    ["mismatched end tag", "<a></b>"],
    ["unclosed", "<a><b></b>"],
    ["duplicate attribute", '<a x="1" x="2"/>'],
    ["same attribute by namespace", '<a xmlns:p="urn:x" xmlns:q="urn:x" p:x="1" q:x="2"/>'],
    ["no space between attributes", '<a x="1"y="2"/>'],
    ["unknown entity", "<a>&nbsp;</a>"],
    ["bare ampersand", "<a>a & b</a>"],
    ["forbidden character reference", "<a>&#0;</a>"],
    ["astral character", "<a>😀</a>"],
    ["tab in attribute (normalised by saxes)", '<a x="1\t2"/>'],
    ["empty prefixed namespace", '<a xmlns:p=""/>'],
    ["xmlns prefix bound", '<a xmlns:xmlns="urn:x"/>'],
    ["]]> in text", "<a>]]></a>"],
    ["no root", "  "],
    ["byte order mark", "\uFEFF<a/>"],
  ])("leaves %s to saxes", (_what, text) => {
    expect(parseXmlFast(text)).toBeUndefined();
  });

  it.each([
    '<p:a xmlns:p="urn:x"/>',
    '<p:a xmlns:p="urn:x"></p:a>',
    '<_x.y-z9 a.b-c_1="v"/>',
    '<p:a xmlns:p="urn:x" p:_q.r="1"/>',
    "<a:/>",
    "<a:1/>",
    "<a:b:c/>",
    "<1a/>",
    "<-a/>",
    '<a :x="1"/>',
    '<a x:="1"/>',
    "<a></a:>",
    "<é/>",
  ])("reads the name in %s as saxes does, or leaves it to saxes", (text) => {
    agrees(text);
    expect(parseXmlFast('<p:a xmlns:p="urn:x"/>')?.local).toBe("a");
  });

  it("reads entities, character references, default namespaces and unqualified attributes like saxes", () => {
    for (const text of [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a xmlns="urn:x" k="&lt;&amp;&gt;&quot;&apos;&#10;&#x9;"><b xmlns="">t &#13;&#229;</b><c/></a>',
      '<s:E xmlns:s="urn:s"><s:B><x:q xmlns:x="urn:q" x:a="1" a="2">  <x:r/>\n</x:q></s:B></s:E>',
      '<a xml:lang="sv"><b xmlns:p="urn:p"><p:c/></b><p:d xmlns:p="urn:other"/></a>',
    ]) {
      const fast = parseXmlFast(text);
      expect(fast).toBeDefined();
      expect(fast).toEqual(parseXmlWithSaxes(text));
    }
  });

  it("reads a document right after giving up on another (its open-element stacks are shared)", () => {
    // Given up deep inside (a comment), then a plain document with fewer levels and other names.
    expect(parseXmlFast('<a xmlns="urn:a"><b><c k="1"><d>t<!-- x --></d></c></b></a>')).toBeUndefined();
    const text = '<p:x xmlns:p="urn:p"><p:y>1</p:y><z/></p:x>';
    expect(parseXmlFast(text)).toEqual(parseXmlWithSaxes(text));
    expect(parseXmlFast("<x><y></x>")).toBeUndefined();
    expect(parseXmlFast("<q>2</q>")).toEqual(parseXmlWithSaxes("<q>2</q>"));
  });

  it("stops at the limits and lets saxes refuse with its own message", () => {
    const deep = `${"<a>".repeat(70)}${"</a>".repeat(70)}`;
    expect(parseXmlFast(deep)).toBeUndefined();
    expect(() => parseXml(deep)).toThrow(/deeper than 64/);
    const wide = `<a>${"<b/>".repeat(20)}</a>`;
    expect(parseXmlFast(wide, { maxElements: 10 })).toBeUndefined();
    expect(() => parseXml(wide, { maxElements: 10 })).toThrow(/more than 10 elements/);
    const attrs = `<a ${Array.from({ length: 5 }, (_, i) => `a${i}="1"`).join(" ")}/>`;
    expect(() => parseXml(attrs, { maxAttributes: 4 })).toThrow(/more than 4 attributes/);
  });

  it.skipIf(!REFERENCE_DIR)("agrees with saxes on every official reference XML file", () => {
    const files = listFiles(REFERENCE_DIR!).filter((f) => /\.(xml|xsd|wsdl)$/i.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) agrees(readReference(f));
  });
  if (!REFERENCE_DIR) it.skip(REFERENCE_MISSING, () => {});
});
