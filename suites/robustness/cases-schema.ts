import { NS } from "../../contract/namespaces.js";
import { decodeSvar } from "../../contract/ssbt/codec.js";
import type { XmlElement } from "../../contract/xml/node.js";
import { envelope, type HamtaFalt, hamtaPayload, hamtaXml, post, xml } from "./envelopes.js";
import type { FallKontext, Forvantan, RobusthetsFall } from "./model.js";

/**
 * Cases on the composite question's content: schema violations (refused with a Fault) and legal
 * but nasty values (answered, with every echo escaped and nothing reflected into headers).
 */

const SSBT = ["ssbt"] as const;

/** A request with one field replaced by raw XML. */
const med = (over: Partial<HamtaFalt>) => (ctx: FallKontext) => post(hamtaXml(ctx, over));

/** A request with the question's text edited (structure cases). */
const andrad = (edit: (payload: string, ctx: FallKontext) => string) => (ctx: FallKontext) =>
  post(envelope(edit(hamtaPayload(ctx), ctx)));

type EkadeFalt = "korrelationsid" | "handlaggare" | "arendeidentitet";

/**
 * An answer that, where it echoes `falt` (korrelationsid always when sent; the question when
 * fraganSkallInkluderasISvaret is true), gives back exactly the value sent: proof that it was
 * escaped correctly, neither mangled nor double-escaped.
 */
function ekar(falt: EkadeFalt, varde: string): Forvantan {
  return {
    typ: "svar",
    kontroll: (answer: XmlElement, ctx: FallKontext) => {
      const svar = decodeSvar(answer, ctx.version);
      const g = svar.fraga?.generellaFrageparametrar;
      const fick =
        falt === "korrelationsid"
          ? svar.korrelationsid
          : falt === "handlaggare"
            ? g?.ingivare.handlaggare
            : g?.arendeidentitet;
      if (fick !== undefined && fick !== varde)
        return `${falt} was echoed as ${JSON.stringify(fick.slice(0, 60))}, not the ${JSON.stringify(varde.slice(0, 60))} sent`;
      return undefined;
    },
  };
}

const SCRIPT = `<script>alert('robusthet')</script>`;
const SQL = `' OR 1=1 --`;
const TRAVERSAL = "../../../../etc/passwd";
const CRLF = "robusthet\r\nX-Injected: ja";
/** The Log4Shell lookup as text (a constant, so no linter mistakes it for a template). */
const JNDI = ["$", "{jndi:ldap://…}"].join("");

export const SCHEMA_FALL: readonly RobusthetsFall[] = [
  {
    id: "unknown-element",
    kategori: "schema",
    beskrivning: {
      sv: "Okänt element i generellaFrageparametrar",
      en: "Unknown element in generellaFrageparametrar",
    },
    motivering: "The schema has no extension point there: an unknown element is a contract breach.",
    profiler: SSBT,
    begaran: andrad((p) => p.replace("<ssbt:syfte>", "<ssbt:extra>robusthet</ssbt:extra><ssbt:syfte>")),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "duplicated-element",
    kategori: "schema",
    beskrivning: { sv: "personidentitet två gånger", en: "personidentitet twice" },
    motivering: "Which one would be asked about? A second person must never be silently dropped or used.",
    profiler: SSBT,
    begaran: andrad((p) => p.replace(/(<ssbt:personidentitet>.*?<\/ssbt:personidentitet>)/, "$1$1")),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "out-of-order-sections",
    kategori: "schema",
    beskrivning: {
      sv: "CSN före AF i specifikaFrageparametrar",
      en: "CSN before AF in specifikaFrageparametrar",
    },
    motivering: "xsd:sequence fixes the order; a reordering client is broken.",
    profiler: SSBT,
    begaran: andrad((p) =>
      p.replace(
        '<ssbt:AF inkludera="true"/><ssbt:CSN inkludera="true"/>',
        '<ssbt:CSN inkludera="true"/><ssbt:AF inkludera="true"/>',
      ),
    ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "personidentitet-11-digits",
    kategori: "schema",
    beskrivning: { sv: "personidentitet med 11 siffror", en: "personidentitet with 11 digits" },
    motivering: "Pattern [0-9]{12}.",
    profiler: SSBT,
    begaran: (ctx) => med({ personidentitet: ctx.personidentitet.slice(0, 11) })(ctx),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "personidentitet-13-digits",
    kategori: "schema",
    beskrivning: { sv: "personidentitet med 13 siffror", en: "personidentitet with 13 digits" },
    motivering: "Pattern [0-9]{12}.",
    profiler: SSBT,
    begaran: (ctx) => med({ personidentitet: `${ctx.personidentitet}0` })(ctx),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "personidentitet-letters",
    kategori: "schema",
    beskrivning: { sv: "personidentitet med bokstäver", en: "personidentitet with letters" },
    motivering: "Pattern [0-9]{12}; also the usual 'YYYYMMDD-XXXX' mistake.",
    profiler: SSBT,
    begaran: med({ personidentitet: "19700303-988X" }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "organisationsnummer-pattern",
    kategori: "schema",
    beskrivning: {
      sv: "organisationsnummer vars femte siffra är 1",
      en: "organisationsnummer whose fifth digit is 1",
    },
    motivering: "Pattern \\d{4}[2-9]\\d{7}: a personnummer in the orgnr field would leak a person.",
    profiler: SSBT,
    begaran: med({ organisationsnummer: "162119999991" }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "impossible-date",
    kategori: "schema",
    beskrivning: { sv: "fromDatum 2026-02-30", en: "fromDatum 2026-02-30" },
    motivering: "xsd:date names a real day; a lenient date parser would roll it to March.",
    profiler: SSBT,
    begaran: med({ fromDatum: "2026-02-30" }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "period-reversed",
    kategori: "schema",
    beskrivning: { sv: "fromDatum efter tomDatum", en: "fromDatum after tomDatum" },
    motivering: "An empty period cannot be asked; refuse it instead of answering nothing.",
    profiler: SSBT,
    begaran: (ctx) => med({ fromDatum: ctx.period.tomDatum, tomDatum: ctx.period.fromDatum })(ctx),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "inkludera-invalid",
    kategori: "schema",
    beskrivning: { sv: 'inkludera="ja"', en: 'inkludera="ja"' },
    motivering: "xsd:boolean is true/false/1/0 only.",
    profiler: SSBT,
    begaran: andrad((p) => p.replace('<ssbt:MIV inkludera="true"/>', '<ssbt:MIV inkludera="ja"/>')),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "xsi-type",
    kategori: "schema",
    beskrivning: {
      sv: 'xsi:type="xsd:int" på personidentitet',
      en: 'xsi:type="xsd:int" on personidentitet',
    },
    motivering:
      "Not derived from the declared type, and the schema declares no other attributes: a validating producer would refuse it.",
    profiler: SSBT,
    begaran: andrad((p) =>
      p.replace(
        "<ssbt:personidentitet>",
        `<ssbt:personidentitet xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}" xsi:type="xsd:int">`,
      ),
    ),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "arendeidentitet-empty",
    kategori: "schema",
    beskrivning: { sv: "Tom arendeidentitet", en: "Empty arendeidentitet" },
    motivering: "NonEmptyString (minLength 1).",
    profiler: SSBT,
    begaran: med({ arendeidentitet: "" }),
    forvantan: { typ: "avvisas" },
  },
  {
    id: "arendeidentitet-10000",
    kategori: "schema",
    beskrivning: { sv: "arendeidentitet på 10 000 tecken", en: "arendeidentitet of 10 000 characters" },
    motivering:
      "Schema-valid (no maxLength); CSN refuses ≥ 32 characters in its own section, the rest answer.",
    profiler: SSBT,
    begaran: med({ arendeidentitet: "A".repeat(10_000) }),
    forvantan: ekar("arendeidentitet", "A".repeat(10_000)),
    maxMs: 3_000,
  },
  {
    id: "cdata-personidentitet",
    kategori: "schema",
    beskrivning: { sv: "personidentitet i en CDATA-sektion", en: "personidentitet in a CDATA section" },
    motivering: "CDATA is just text in the XML infoset: the same question, must be answered.",
    profiler: SSBT,
    begaran: (ctx) => med({ personidentitet: `<![CDATA[${ctx.personidentitet}]]>` })(ctx),
    forvantan: { typ: "svar" },
  },
  {
    id: "comment-in-field",
    kategori: "schema",
    beskrivning: { sv: "En kommentar mitt i personidentitet", en: "A comment inside personidentitet" },
    motivering:
      "Comments are not part of the value in the XML infoset: must be answered for the same person.",
    profiler: SSBT,
    begaran: (ctx) =>
      med({
        personidentitet: `${ctx.personidentitet.slice(0, 8)}<!-- robusthet -->${ctx.personidentitet.slice(8)}`,
      })(ctx),
    forvantan: { typ: "svar" },
  },
  {
    id: "personidentitet-whitespace",
    kategori: "schema",
    beskrivning: {
      sv: "personidentitet omgiven av blanksteg",
      en: "personidentitet surrounded by whitespace",
    },
    motivering: "The type is an xsd:token restriction: whitespace collapses, the value is valid.",
    profiler: SSBT,
    begaran: (ctx) => med({ personidentitet: `\n   ${ctx.personidentitet}\t ` })(ctx),
    forvantan: { typ: "svar" },
  },
  {
    id: "namespace-prefix-variants",
    kategori: "schema",
    beskrivning: {
      sv: "Standardnamnrymd och andra prefix än vanligt",
      en: "Default namespace and unusual prefixes",
    },
    motivering:
      "Prefixes are not part of the contract: a string-matching server would fail this legal request.",
    profiler: SSBT,
    begaran: (ctx) =>
      post(
        `<S:Envelope xmlns:S="${NS.soap}"><S:Header/><S:Body>` +
          hamtaPayload(ctx).replaceAll("ssbt:", "").replace(`xmlns:ssbt="${ctx.ns}"`, `xmlns="${ctx.ns}"`) +
          "</S:Body></S:Envelope>",
      ),
    forvantan: { typ: "svar" },
  },
  // ------------------------------------------------------------------ injection strings
  {
    id: "injection-script-korrelationsid",
    kategori: "injektion",
    beskrivning: { sv: "<script> i korrelationsid", en: "<script> in korrelationsid" },
    motivering: "Legal text: must be answered, echoed escaped (&lt;script&gt;), never raw.",
    profiler: SSBT,
    begaran: med({ korrelationsid: xml(SCRIPT) }),
    forvantan: ekar("korrelationsid", SCRIPT),
    forbjudet: () => ["<script>"],
  },
  {
    id: "injection-sql-handlaggare",
    kategori: "injektion",
    beskrivning: { sv: "SQL-injektion i handlaggare", en: "SQL injection in handlaggare" },
    motivering: "Legal text: answered with the value echoed exactly and no database error.",
    profiler: SSBT,
    begaran: med({ handlaggare: xml(SQL) }),
    forvantan: ekar("handlaggare", SQL),
  },
  {
    id: "injection-jndi-arendeidentitet",
    kategori: "injektion",
    beskrivning: {
      sv: `${JNDI} (Log4Shell) i arendeidentitet`,
      en: `${JNDI} (Log4Shell) in arendeidentitet`,
    },
    motivering: "Legal text: answered, and the lookup address (a local listener) must never be contacted.",
    profiler: SSBT,
    begaran: (ctx) =>
      med({ arendeidentitet: xml(`\${jndi:ldap://${new URL(ctx.kanarie).host}/robusthet}`) })(ctx),
    forvantan: { typ: "svar" },
  },
  {
    id: "injection-path-traversal",
    kategori: "injektion",
    beskrivning: { sv: "../../etc/passwd i arendeidentitet", en: "../../etc/passwd in arendeidentitet" },
    motivering: "Legal text: answered, echoed as text, no file content.",
    profiler: SSBT,
    begaran: med({ arendeidentitet: TRAVERSAL }),
    forvantan: ekar("arendeidentitet", TRAVERSAL),
    forbjudet: () => ["root:x:0:0"],
  },
  {
    id: "injection-crlf-korrelationsid",
    kategori: "injektion",
    beskrivning: {
      sv: "CRLF + header-rad i korrelationsid (header injection)",
      en: "CRLF + header line in korrelationsid (header injection)",
    },
    motivering:
      "Legal text (as &#13;&#10;): echoed in the body only, never reflected into a response header.",
    profiler: SSBT,
    begaran: med({ korrelationsid: "robusthet&#13;&#10;X-Injected: ja" }),
    forvantan: ekar("korrelationsid", CRLF),
    ejIHuvud: ["x-injected", "robusthet"],
  },
  {
    id: "injection-in-fault",
    kategori: "injektion",
    beskrivning: {
      sv: "<script> i ett ogiltigt organisationsnummer (ekas i felet)",
      en: "<script> in an invalid organisationsnummer (echoed in the fault)",
    },
    motivering: "Refused, and a fault message quoting the value must escape it too.",
    profiler: SSBT,
    begaran: med({ organisationsnummer: xml(SCRIPT) }),
    forvantan: { typ: "avvisas" },
    forbjudet: () => ["<script>"],
  },
  {
    id: "long-korrelationsid",
    kategori: "injektion",
    beskrivning: { sv: "korrelationsid på 256 kB", en: "korrelationsid of 256 kB" },
    motivering: "xsd:string without maxLength and under the body limit: answered and echoed whole.",
    profiler: SSBT,
    begaran: med({ korrelationsid: "k".repeat(256 * 1024) }),
    forvantan: ekar("korrelationsid", "k".repeat(256 * 1024)),
    maxMs: 3_000,
  },
];
