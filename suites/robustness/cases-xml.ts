import {
  envelope,
  hamtaPayload,
  medText,
  neutralPayload,
  post,
  soapHeaders,
  testaPayload,
} from "./envelopes.js";
import type { FallKontext, RobusthetsFall } from "./model.js";

/** Cases that attack the XML parser and the byte decoding: every SOAP target must refuse them. */

const SOAP = ["ssbt", "soap"] as const;
const PASSWD = ["root:x:0:0", "root:*:0:0", "daemon:"];

/** An envelope whose DOCTYPE is `dtd` and whose payload text is `raw`. */
function medDtd(ctx: FallKontext, dtd: string, raw: string): string {
  return envelope(medText(ctx, raw)).replace("?>", `?><!DOCTYPE soapenv:Envelope [${dtd}]>`);
}

function bytes(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));
}

/** A request whose payload text is `bad` bytes, written into an otherwise valid envelope. */
function medBytes(ctx: FallKontext, bad: Buffer): Buffer {
  const [fore, efter] = envelope(medText(ctx, "@@BAD@@")).split("@@BAD@@");
  return bytes(fore!, bad, efter!);
}

export const XML_FALL: readonly RobusthetsFall[] = [
  {
    id: "xxe-file",
    kategori: "xml",
    beskrivning: {
      sv: "XXE: extern entitet som pekar på file:///etc/passwd",
      en: "XXE: external entity pointing at file:///etc/passwd",
    },
    motivering: "A DOCTYPE has no place in SOAP (SOAP 1.1 §3); expanding it would disclose local files.",
    profiler: SOAP,
    begaran: (ctx) => post(medDtd(ctx, `<!ENTITY xxe SYSTEM "file:///etc/passwd">`, "&xxe;")),
    forvantan: { typ: "avvisas" },
    forbjudet: () => PASSWD,
  },
  {
    id: "xxe-http",
    kategori: "xml",
    beskrivning: {
      sv: "XXE: extern entitet över http (SSRF), till en lyssnare som inte får kontaktas",
      en: "XXE: external entity over http (SSRF), to a listener that must not be contacted",
    },
    motivering: "Fetching an external entity lets a caller make the server call any host (SSRF).",
    profiler: SOAP,
    begaran: (ctx) => post(medDtd(ctx, `<!ENTITY xxe SYSTEM "${ctx.kanarie}/xxe">`, "&xxe;")),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "xxe-parameter-entity",
    kategori: "xml",
    beskrivning: {
      sv: "XXE: extern parameterentitet (%) som laddar en DTD",
      en: "XXE: external parameter entity (%) loading a DTD",
    },
    motivering: "Parameter entities are expanded while the DTD is read, before any payload check.",
    profiler: SOAP,
    begaran: (ctx) => post(medDtd(ctx, `<!ENTITY % p SYSTEM "${ctx.kanarie}/p.dtd"> %p;`, "robusthet")),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "xxe-external-dtd",
    kategori: "xml",
    beskrivning: { sv: "Extern DTD i DOCTYPE (SYSTEM-id)", en: "External DTD in the DOCTYPE (SYSTEM id)" },
    motivering: "A validating parser fetches the external subset: SSRF without a single entity reference.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        envelope(medText(ctx, "robusthet")).replace(
          "?>",
          `?><!DOCTYPE soapenv:Envelope SYSTEM "${ctx.kanarie}/ext.dtd">`,
        ),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "billion-laughs",
    kategori: "xml",
    beskrivning: {
      sv: "Entitetsexpansion (billion laughs): 10 nivåer × 10 referenser",
      en: "Entity expansion (billion laughs): 10 levels × 10 references",
    },
    motivering: "Expands to 10^9 strings from under 1 kB: memory exhaustion unless DTDs are refused.",
    profiler: SOAP,
    begaran: (ctx) => {
      const ents = ['<!ENTITY l0 "lol">'];
      for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
      return post(medDtd(ctx, ents.join(""), "&l9;"));
    },
    forvantan: { typ: "avvisas" },
    maxMs: 1_000,
  },
  {
    id: "quadratic-blowup",
    kategori: "xml",
    beskrivning: {
      sv: "Kvadratisk expansion: en 50 kB-entitet refererad 40 000 gånger",
      en: "Quadratic blowup: one 50 kB entity referenced 40 000 times",
    },
    motivering: "Defeats parsers that only limit entity nesting depth; 2 GB of text from a 170 kB body.",
    profiler: SOAP,
    begaran: (ctx) => post(medDtd(ctx, `<!ENTITY a "${"a".repeat(50_000)}">`, "&a;".repeat(40_000))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "huge-attribute",
    kategori: "xml",
    beskrivning: { sv: "Ett attribut på 4 MB (utan DTD)", en: "One 4 MB attribute value (no DTD)" },
    motivering: "Entity-less bulk: must be refused (unknown attribute) in linear time, not echoed.",
    profiler: SOAP,
    begaran: (ctx) => {
      const p = ctx.profil === "ssbt" ? hamtaPayload(ctx) : neutralPayload(ctx);
      return post(envelope(p.replace(/^<([\w:]+) /, `<$1 robusthet="${"A".repeat(4_000_000)}" `)));
    },
    forvantan: { typ: "avvisas" },
    forbjudet: () => ["A".repeat(1_000)],
  },
  {
    id: "attribute-flood",
    kategori: "xml",
    beskrivning: { sv: "100 000 attribut på ett element", en: "100 000 attributes on one element" },
    motivering: "Duplicate-attribute checks are quadratic in some parsers; we stop at 256 attributes.",
    profiler: SOAP,
    begaran: (ctx) => {
      const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="x"`).join(" ");
      return post(envelope(medText(ctx, "robusthet")).replace("<soapenv:Body>", `<soapenv:Body ${attrs}>`));
    },
    forvantan: { typ: "avvisas" },
  },
  {
    id: "deep-nesting",
    kategori: "xml",
    beskrivning: { sv: "10 000 nivåer djup nästling", en: "Elements nested 10 000 levels deep" },
    motivering: "Recursive tree builders and validators overflow the stack; the contract needs < 10 levels.",
    profiler: SOAP,
    begaran: (ctx) => post(envelope(medText(ctx, `${"<d>".repeat(10_000)}${"</d>".repeat(10_000)}`))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "many-elements",
    kategori: "xml",
    beskrivning: { sv: "300 000 tomma element (1,2 MB)", en: "300 000 empty elements (1.2 MB)" },
    motivering: "Under the body limit but over any real question: refused by an element count limit.",
    profiler: SOAP,
    begaran: (ctx) => post(envelope(medText(ctx, "<e/>".repeat(300_000)))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "truncated-envelope",
    kategori: "xml",
    beskrivning: { sv: "Kuvertet avklippt på mitten", en: "Envelope cut off in the middle" },
    motivering: "A dropped connection or a bad proxy: not well-formed, must be a clean fault.",
    profiler: SOAP,
    begaran: (ctx) => {
      const x = envelope(medText(ctx, "robusthet"));
      return post(x.slice(0, Math.floor(x.length / 2)));
    },
    forvantan: { typ: "avvisas" },
  },
  {
    id: "not-xml-json",
    kategori: "xml",
    beskrivning: {
      sv: "JSON i stället för XML (med text/xml)",
      en: "JSON instead of XML (sent as text/xml)",
    },
    motivering: "A misconfigured client: not XML at all.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(JSON.stringify({ personidentitet: ctx.personidentitet, korrelationsid: "robusthet" })),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "not-xml-html",
    kategori: "xml",
    beskrivning: { sv: "En HTML-sida (felsida från en proxy)", en: "An HTML page (a proxy's error page)" },
    motivering: "HTML is not XML (and carries a DOCTYPE); a proxy error page relayed as a request.",
    profiler: SOAP,
    begaran: () =>
      post(
        "<!DOCTYPE html><html><head><title>502</title></head><body><h1>Bad Gateway</h1><br></body></html>",
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "processing-instruction",
    kategori: "xml",
    beskrivning: {
      sv: "Processinstruktioner (xml-stylesheet) i meddelandet",
      en: "Processing instructions (xml-stylesheet) in the message",
    },
    motivering: "SOAP 1.1 §3: a SOAP message MUST NOT contain processing instructions.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        envelope(medText(ctx, "robusthet")).replace(
          "?>",
          `?><?xml-stylesheet type="text/xsl" href="${ctx.kanarie}/pi.xsl"?>`,
        ),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "xml-1-1",
    kategori: "xml",
    beskrivning: {
      sv: "XML 1.1-deklaration med styrtecken (&#1;) som teckenreferens",
      en: "XML 1.1 declaration with a control character reference (&#1;)",
    },
    motivering: "XML 1.1 admits control characters SOAP 1.1 (XML 1.0) cannot carry or echo.",
    profiler: SOAP,
    begaran: (ctx) => post(envelope(medText(ctx, "robust&#1;het")).replace('version="1.0"', 'version="1.1"')),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "trailing-garbage",
    kategori: "xml",
    beskrivning: { sv: "Skräp efter rotelementet", en: "Garbage after the root element" },
    motivering: "Two documents in one body (request smuggling inside XML): not well-formed.",
    profiler: SOAP,
    begaran: (ctx) => post(`${envelope(medText(ctx, "robusthet"))}<soapenv:Envelope/>`),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "undeclared-prefix",
    kategori: "xml",
    beskrivning: { sv: "Prefix utan namnrymdsdeklaration", en: "Prefix with no namespace declaration" },
    motivering: "Not namespace-well-formed: a string-matching parser would accept it.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        envelope(medText(ctx, "robusthet")).replace(
          ` xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"`,
          "",
        ),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "empty-request",
    kategori: "xml",
    beskrivning: { sv: "Tom begäran (0 byte)", en: "Empty request body (0 bytes)" },
    motivering: "No message at all.",
    profiler: SOAP,
    begaran: () => post(""),
    forvantan: { typ: "avvisas" },
  },
  // ------------------------------------------------------------------ byte encoding
  {
    id: "invalid-utf8",
    kategori: "kodning",
    beskrivning: {
      sv: "Ogiltiga UTF-8-byte (C3 28) i ett fält",
      en: "Invalid UTF-8 bytes (C3 28) in a field",
    },
    motivering:
      "Replacing them with U+FFFD would silently change the question; XML 1.0 §4.3.3 calls it fatal.",
    profiler: SOAP,
    begaran: (ctx) => post(medBytes(ctx, Buffer.from([0x72, 0xc3, 0x28, 0x72]))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "overlong-utf8",
    kategori: "kodning",
    beskrivning: { sv: "Överlång UTF-8 för '<' (C0 BC)", en: "Overlong UTF-8 for '<' (C0 BC)" },
    motivering: "The classic filter bypass: a lenient decoder turns C0 BC into '<' after the checks.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(medBytes(ctx, Buffer.from([0xc0, 0xbc, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0xc0, 0xbe]))),
    forvantan: { typ: "avvisas" },
    forbjudet: () => ["<script>"],
  },
  {
    id: "utf16-declared-utf8-bytes",
    kategori: "kodning",
    beskrivning: {
      sv: "XML-deklarationen säger UTF-16 men byten är UTF-8",
      en: "The XML declaration says UTF-16 but the bytes are UTF-8",
    },
    motivering: "XML 1.0 §4.3.3: an entity presented in another encoding than declared is a fatal error.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(envelope(medText(ctx, "robusthet")).replace('encoding="UTF-8"', 'encoding="UTF-16"')),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "utf16-bytes-declared-utf8",
    kategori: "kodning",
    beskrivning: {
      sv: "UTF-16LE med BOM men deklarationen säger UTF-8",
      en: "UTF-16LE with a BOM but the declaration says UTF-8",
    },
    motivering: "The byte order mark and the declaration disagree: fatal per XML 1.0 §4.3.3.",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(envelope(medText(ctx, "robusthet")), "utf16le"),
        ]),
        soapHeaders({ "Content-Type": "text/xml" }),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "charset-mismatch",
    kategori: "kodning",
    beskrivning: {
      sv: "Content-Type charset=ISO-8859-1 men UTF-8-byte och UTF-8-deklaration",
      en: "Content-Type charset=ISO-8859-1 but UTF-8 bytes and a UTF-8 declaration",
    },
    motivering:
      "HTTP and the document disagree (RFC 7303 lets charset win, XML 1.0 then calls it fatal); SOAP is UTF-8/16 only (WS-I R1012).",
    profiler: SOAP,
    begaran: (ctx) =>
      post(
        envelope(medText(ctx, "Hälsingborg")),
        soapHeaders({ "Content-Type": "text/xml; charset=ISO-8859-1" }),
      ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "utf8-bom",
    kategori: "kodning",
    beskrivning: {
      sv: "Giltig fråga som inleds med UTF-8-BOM",
      en: "Valid request starting with a UTF-8 BOM",
    },
    motivering: "Legal (XML 1.0 §4.3.3 allows the BOM) and sent by .NET clients: must be answered.",
    profiler: ["ssbt"],
    begaran: (ctx) =>
      post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(envelope(testaPayload(ctx)))])),
    forvantan: { typ: "svar" },
  },
  {
    id: "null-byte-raw",
    kategori: "kodning",
    beskrivning: { sv: "Rå NUL-byte i ett fält", en: "Raw NUL byte in a field" },
    motivering: "NUL is not an XML 1.0 character; C-based back ends truncate at it.",
    profiler: SOAP,
    begaran: (ctx) => post(medBytes(ctx, Buffer.from([0x61, 0x00, 0x62]))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "null-byte-charref",
    kategori: "kodning",
    beskrivning: { sv: "NUL som teckenreferens (&#0;)", en: "NUL as a character reference (&#0;)" },
    motivering: "A character reference must still name a legal XML 1.0 character.",
    profiler: SOAP,
    begaran: (ctx) => post(envelope(medText(ctx, "robust&#0;het"))),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "control-characters",
    kategori: "kodning",
    beskrivning: { sv: "Styrtecken (ESC, BEL) i ett fält", en: "Control characters (ESC, BEL) in a field" },
    motivering: "Not XML 1.0 characters: terminal escapes would reach the operators' logs.",
    profiler: SOAP,
    begaran: (ctx) => post(medBytes(ctx, Buffer.from([0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x07]))),
    forvantan: { typ: "avvisas" },
  },
];
