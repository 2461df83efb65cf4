/**
 * Arbetsförmedlingen's contract as XML Schema, generated from our model: ers_stod v2 (the same
 * structure as AF's official schema, which we do not ship) and the draft extension of contract
 * `utkast` in its own namespace. The composite's draft schema imports both, so every draft answer
 * can be validated with libxml2, and `certify compat` compares them like any other schema.
 */
import { NS } from "../namespaces.js";
import { el, type XmlElement } from "../xml/node.js";
import { serializeXml } from "../xml/serialize.js";
import { AKTIVITET_OMFATTNING, AVAKTUALISERINGSORSAK, INDRAGNINGSORSAK } from "./utkast.js";

const X = NS.xsd;

interface F {
  n: string;
  t?: string;
  min?: 0 | 1;
  max?: "unbounded";
  inline?: XmlElement;
}

const elem = (f: F) =>
  el(X, "element", f.inline ? [f.inline] : [], {
    name: f.n,
    ...(f.t ? { type: f.t } : {}),
    ...(f.min === 0 ? { minOccurs: "0" } : {}),
    ...(f.max ? { maxOccurs: f.max } : {}),
  });
const any = () =>
  el(X, "any", [], { namespace: "##any", processContents: "lax", minOccurs: "0", maxOccurs: "unbounded" });
const seq = (fields: readonly F[], open = false) =>
  el(X, "sequence", [...fields.map(elem), open ? any() : undefined]);
const complex = (name: string | undefined, fields: readonly F[], open = false, extra: XmlElement[] = []) =>
  el(X, "complexType", [seq(fields, open), ...extra], name ? { name } : {});
const restr = (name: string | undefined, base: string, facets: [string, string][]) =>
  el(
    X,
    "simpleType",
    [
      el(
        X,
        "restriction",
        facets.map(([f, v]) => el(X, f, [], { value: v })),
        { base },
      ),
    ],
    name ? { name } : {},
  );

function ersStod(): XmlElement {
  const a = (n: string) => `api:${n}`;
  return el(
    X,
    "schema",
    [
      restr("Organisationsnummer", "xs:string", [
        ["minLength", "10"],
        ["maxLength", "12"],
      ]),
      restr("Personnummer", "xs:string", [
        ["length", "12"],
        ["pattern", "[\\d]{12}"],
      ]),
      complex(
        "FragaMeddelande",
        [
          { n: "Inkludera", t: a("Inkludera"), min: 0 },
          { n: "Fraga", t: a("Fraga") },
        ],
        true,
      ),
      complex(
        "SvarMeddelande",
        [
          { n: "Fraga", t: a("Fraga") },
          { n: "Svar", t: a("Svar") },
        ],
        true,
      ),
      el(
        X,
        "complexType",
        ["ArbetssokandeInfo", "AkasseInfo", "BeslutInfo"].map((n) =>
          el(X, "attribute", [], { name: n, type: "xs:boolean", use: "optional" }),
        ),
        { name: "Inkludera" },
      ),
      complex(
        "Fraga",
        [
          { n: "Test", t: "xs:boolean", min: 0 },
          { n: "OrganisationsnummerForIngivare", t: a("Organisationsnummer") },
          { n: "NamnPaIngivare", t: "xs:string" },
          { n: "KontonamnForHandlaggare", t: "xs:string" },
          { n: "Referensnummer", t: "xs:string" },
          { n: "From", t: "xs:date" },
          { n: "Tom", t: "xs:date" },
          { n: "SyfteMedFraga", t: "xs:string" },
          { n: "LagParagraf", t: "xs:string" },
          { n: "OrganisationsnummerForPersonuppgiftsbitrade", t: a("Organisationsnummer"), min: 0 },
          { n: "NamnPaPersonuppgiftsbitrade", t: "xs:string", min: 0 },
          { n: "IdentitetsbeteckningFysiskPerson", t: a("Personnummer") },
        ],
        true,
      ),
      complex(
        "Svar",
        [
          { n: "Schemaversion", t: "xs:string" },
          { n: "Referensnummer", t: "xs:string" },
          { n: "LagParagraf", t: "xs:string" },
          { n: "IdentitetsbeteckningFysiskPerson", t: a("Personnummer") },
          { n: "Fornamn", t: "xs:string", min: 0 },
          { n: "Efternamn", t: "xs:string", min: 0 },
          { n: "Sekretessmarkering", t: "xs:boolean", min: 0 },
          { n: "ArbetssokandeInfo", t: a("ArbetssokandeInfo"), min: 0 },
          { n: "BeslutInfo", t: a("BeslutInfo"), min: 0 },
          { n: "Akassetillhorighet", t: "xs:string", min: 0 },
          { n: "StatusSokandeinformationKod", t: "xs:int" },
          { n: "StatusSokandeinformationKodText", t: "xs:string" },
        ],
        true,
      ),
      complex("ArbetssokandeInfo", [
        { n: "Arbetssokande", t: "xs:boolean", min: 0 },
        { n: "ArbetssokandeSKAT", t: "xs:normalizedString", min: 0 },
        { n: "ArbetssokandeRegistrerad", t: "xs:date", min: 0 },
        { n: "ArbetssokandeOmfattning", t: "xs:int", min: 0 },
        { n: "ArbetssokandeAvaktualiserad", t: "xs:date", min: 0 },
        { n: "AktivetetsRapportDatum", t: a("AktivetetsRapportDatum") },
      ]),
      complex(
        "BeslutInfo",
        [
          {
            n: "EkonomiskaBeslut",
            inline: complex(undefined, [
              {
                n: "Beslut",
                min: 0,
                max: "unbounded",
                inline: complex(
                  undefined,
                  [
                    { n: "ErsattningTyp", t: "xs:string" },
                    { n: "Omfattning", t: "xs:int" },
                    { n: "BeslutFrom", t: "xs:date" },
                    { n: "BeslutTom", t: "xs:date" },
                  ],
                  true,
                ),
              },
            ]),
          },
        ],
        true,
      ),
      complex("AktivetetsRapportDatum", [
        { n: "AktivitetsRapportMeddelande", t: "xs:string" },
        { n: "SenasteAktivitetsRapportDatum", t: "xs:date", min: 0 },
      ]),
      el(X, "element", [], { name: "FragaMeddelande", type: a("FragaMeddelande") }),
      el(X, "element", [], { name: "SvarMeddelande", type: a("SvarMeddelande") }),
    ],
    { targetNamespace: NS.af, elementFormDefault: "qualified" },
  );
}

function utkast(): XmlElement {
  const u = (n: string) => `afu:${n}`;
  const enumType = (name: string, koder: Record<string, string>) =>
    el(
      X,
      "simpleType",
      [
        el(
          X,
          "restriction",
          Object.entries(koder).map(([k, label]) =>
            el(
              X,
              "enumeration",
              [el(X, "annotation", [el(X, "documentation", [label], { "xml:lang": "sv" })])],
              {
                value: k,
              },
            ),
          ),
          { base: "xs:string" },
        ),
      ],
      { name },
    );
  return el(
    X,
    "schema",
    [
      enumType("IndragningsorsakKod", INDRAGNINGSORSAK),
      enumType("AvaktualiseringsorsakKod", AVAKTUALISERINGSORSAK),
      restr(
        "AktivitetOmfattning",
        "xs:int",
        AKTIVITET_OMFATTNING.map((v) => ["enumeration", String(v)] as [string, string]),
      ),
      restr("LeverantorOrganisationsnummer", "xs:string", [["pattern", "[0-9]{10}"]]),
      restr("Text", "xs:string", [["minLength", "1"]]),
      complex("UtokadFraga", []),
      complex("IndragetAktivitetsstod", [
        { n: "Orsak", t: u("IndragningsorsakKod") },
        { n: "OrsakText", t: u("Text") },
        { n: "BeslutDatum", t: "xs:date" },
        { n: "IndragetFrom", t: "xs:date" },
      ]),
      complex("Aktivitet", [
        { n: "Aktivitet", t: u("Text") },
        { n: "From", t: "xs:date" },
        { n: "Tom", t: "xs:date" },
        { n: "Omfattning", t: u("AktivitetOmfattning") },
        { n: "Krav", t: u("Text") },
      ]),
      complex("Programbeslut", [
        { n: "Program", t: u("Text") },
        { n: "BeslutFrom", t: "xs:date" },
        { n: "BeslutTom", t: "xs:date" },
        { n: "Aktivitet", t: u("Aktivitet"), min: 0, max: "unbounded" },
      ]),
      complex("Leverantor", [
        { n: "Organisationsnummer", t: u("LeverantorOrganisationsnummer") },
        { n: "Namn", t: u("Text") },
        { n: "Tjanst", t: u("Text") },
        { n: "AnvisadFrom", t: "xs:date" },
      ]),
      complex("Avaktualisering", [
        { n: "Orsak", t: u("AvaktualiseringsorsakKod") },
        { n: "OrsakText", t: u("Text") },
        { n: "Datum", t: "xs:date" },
      ]),
      complex("UtokadSvar", [
        { n: "IndragetAktivitetsstod", t: u("IndragetAktivitetsstod"), min: 0, max: "unbounded" },
        { n: "Programbeslut", t: u("Programbeslut"), min: 0 },
        { n: "Leverantor", t: u("Leverantor"), min: 0 },
        { n: "SenasteGodkandaAktivitetsrapport", t: "xs:date", min: 0 },
        { n: "AntalSoktaJobb", t: "xs:nonNegativeInteger", min: 0 },
        { n: "NastaPlaneringsmote", t: "xs:date", min: 0 },
        { n: "Avaktualisering", t: u("Avaktualisering"), min: 0 },
      ]),
      el(X, "element", [], { name: "UtokadFraga", type: u("UtokadFraga") }),
      el(X, "element", [], { name: "UtokadSvar", type: u("UtokadSvar") }),
    ],
    { targetNamespace: NS.afUtkast, elementFormDefault: "qualified" },
  );
}

/** File name of our ers_stod v2 schema (the composite draft schema imports it by this name). */
export const AF_XSD = "ers_stod.xsd";
/** File name of the draft extension schema. */
export const AF_UTKAST_XSD = "ers_stod_utkast.xsd";

/**
 * Our model of AF's ers_stod v2 as XSD text.
 *
 * @example
 * buildAfXsd() // '<?xml …><xs:schema targetNamespace="http://api.arbetsformedlingen.se/…/v2" …'
 */
export function buildAfXsd(): string {
  return serializeXml(ersStod(), {
    declaration: true,
    prefixes: { [X]: "xs", [NS.af]: "api" },
    alwaysDeclare: [X, NS.af],
  });
}

/**
 * The draft extension of AF's answer (namespace {@link NS.afUtkast}) as XSD text.
 *
 * @example
 * buildAfUtkastXsd() // '<?xml …><xs:schema targetNamespace="…/ersattningsstod/v2/utkast" …'
 */
export function buildAfUtkastXsd(): string {
  return serializeXml(utkast(), {
    declaration: true,
    prefixes: { [X]: "xs", [NS.afUtkast]: "afu" },
    alwaysDeclare: [X, NS.afUtkast],
  });
}
