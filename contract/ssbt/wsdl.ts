import { NS } from "../namespaces.js";
import { el, type XmlElement } from "../xml/node.js";
import { serializeXml } from "../xml/serialize.js";
import { ssbtNamespace } from "./codec.js";
import type { KontraktVersion } from "./model.js";
import { complexTyp as complex, type SchemaFalt as Field, type SsbtSektion } from "./sektion.js";
import { SSBT_SEKTIONER } from "./sektioner.js";

const X = NS.xsd;

/** Authority payloads are typed by the authorities' own schemas; our WSDL accepts them laxly. */
const anyData = (name: string) =>
  el(
    X,
    "complexType",
    [
      el(X, "sequence", [
        el(X, "any", [], {
          namespace: "##any",
          processContents: "lax",
          minOccurs: "0",
          maxOccurs: "unbounded",
        }),
      ]),
    ],
    { name },
  );

/** How the schema types the authorities' payloads. */
export interface SchemaOptions {
  /**
   * Type AF's `data` as `af:SvarMeddelande` (importing AF's namespace from `afSchemaLocation`)
   * instead of a lax wildcard: the draft schema and the compatibility model describe AF's answer.
   */
  afTypad?: boolean;
  /** schemaLocation of the AF schema when `afTypad` (default `ers_stod.xsd`). */
  afSchemaLocation?: string;
  /**
   * schemaLocation of AF's draft extension (`utkast` with `afTypad`; default `ers_stod_utkast.xsd`):
   * imported so that a validator checks the extension carried in ers_stod's lax wildcards.
   */
  afUtkastSchemaLocation?: string;
  /** The sections of the contract, in contract order. Default: the seven (contract/ssbt/sektioner.ts). */
  sektioner?: readonly SsbtSektion[];
}

function schema(version: KontraktVersion, o: SchemaOptions = {}): XmlElement {
  const tns = ssbtNamespace(version);
  const t = (n: string) => `ssbt:${n}`;
  const simple = (name: string, base: string, facets: XmlElement[]) =>
    el(X, "simpleType", [el(X, "restriction", facets, { base })], { name });
  const fragaFields: Field[] = [
    { name: "generellaFrageparametrar", type: t("GenerellaFrageparametrar") },
    { name: "specifikaFrageparametrar", type: t("SpecifikaFrageparametrar") },
  ];
  const sektioner = o.sektioner ?? SSBT_SEKTIONER;
  const kontext = { version, t, afTypad: o.afTypad === true };
  const typer = sektioner.map((s, i) => ({ s, schema: s.schema(kontext), plats: s.typordning ?? 1e6 + i }));
  const fragaTyper = [...typer].sort((a, b) => a.plats - b.plats).flatMap((x) => x.schema.fraga);
  const sektionsFalt = (typ: (s: SsbtSektion) => string, min?: 0): Field[] =>
    sektioner.map((s) => ({ name: s.kod, type: typ(s), ...(min === 0 ? { min } : {}) }));
  return el(
    X,
    "schema",
    [
      o.afTypad
        ? el(X, "import", [], { namespace: NS.af, schemaLocation: o.afSchemaLocation ?? "ers_stod.xsd" })
        : undefined,
      o.afTypad && version === "utkast"
        ? el(X, "import", [], {
            namespace: NS.afUtkast,
            schemaLocation: o.afUtkastSchemaLocation ?? "ers_stod_utkast.xsd",
          })
        : undefined,
      simple("NonEmptyString", "xsd:string", [el(X, "minLength", [], { value: "1" })]),
      simple("Organisationsnummer", "xsd:token", [
        el(X, "pattern", [], { value: "[\\d]{4}[2-9]{1}[\\d]{7}" }),
      ]),
      simple("Personidentitet", "xsd:token", [el(X, "pattern", [], { value: "[0-9]{12}" })]),
      simple("KallaEnum", "xsd:string", [
        el(X, "enumeration", [], { value: "SSBT" }),
        el(X, "enumeration", [], { value: "BT" }),
      ]),
      complex("Ingivare", [
        { name: "organisationsnummer", type: t("Organisationsnummer") },
        { name: "namn", type: t("NonEmptyString") },
        { name: "handlaggare", type: t("NonEmptyString") },
      ]),
      complex("Tidsperiod", [
        { name: "fromDatum", type: "xsd:date" },
        { name: "tomDatum", type: "xsd:date" },
      ]),
      complex("Personuppgiftsbitrade", [
        { name: "ordningsnummer", type: "xsd:short", min: 0 },
        { name: "organisationsnummer", type: t("Organisationsnummer") },
        { name: "namn", type: t("NonEmptyString") },
      ]),
      ...fragaTyper,
      complex("GenerellaFrageparametrar", [
        { name: "frageTidpunkt", type: "xsd:dateTime", min: 0 },
        { name: "korrelationsid", type: "xsd:string", min: 0 },
        { name: "fraganSkallInkluderasISvaret", type: "xsd:boolean" },
        { name: "ingivare", type: t("Ingivare") },
        { name: "personidentitet", type: t("Personidentitet") },
        { name: "arendeidentitet", type: t("NonEmptyString") },
        { name: "tidsperiod", type: t("Tidsperiod") },
        { name: "personuppgiftsbitrade", type: t("Personuppgiftsbitrade"), min: 0, max: "unbounded" },
        { name: "syfte", type: "xsd:string" },
        { name: "lagtext", type: "xsd:string" },
      ]),
      complex(
        "SpecifikaFrageparametrar",
        sektionsFalt((s) => t(s.typnamn)),
      ),
      complex("SammansattBastjanstFraga", fragaFields),
      complex("SammansattBastjanstFragaOriginal", fragaFields),
      complex("Error", [
        { name: "kalla", type: t("KallaEnum") },
        { name: "felkod", type: "xsd:string" },
        { name: "felmeddelande", type: "xsd:string", max: "unbounded" },
      ]),
      anyData("AnyData"),
      ...typer.flatMap((x) => x.schema.data ?? []),
      ...typer.flatMap((x) => x.schema.svar ?? []),
      complex(
        "SammansattBastjanstSvarData",
        sektionsFalt((s) => t(`${s.typnamn}Svar`), 0),
      ),
      complex("SammansattBastjanstSvar", [
        { name: "fraga", type: t("SammansattBastjanstFragaOriginal"), min: 0 },
        { name: "frageTidpunkt", type: "xsd:dateTime", min: 0 },
        { name: "korrelationsid", type: "xsd:string", min: 0 },
        { name: "svarsdata", type: t("SammansattBastjanstSvarData") },
      ]),
      complex("BastjanstInformationFault", [
        { name: "felkod", type: "xsd:string" },
        { name: "felmeddelande", type: "xsd:string", max: "unbounded" },
      ]),
      complex("SammansattBastjanstTestFraga", []),
      complex("TestSvar", [
        { name: "anropad", type: "xsd:boolean" },
        { name: "error", type: t("Error"), min: 0 },
      ]),
      complex(
        "SammansattBastjanstTestSvar",
        sektionsFalt(() => t("TestSvar"), 0),
      ),
      ...(
        [
          ["hamtaBastjanstInformation", "SammansattBastjanstFraga"],
          ["hamtaBastjanstInformationResponse", "SammansattBastjanstSvar"],
          ["hamtaBastjanstInformationFault", "BastjanstInformationFault"],
          ["testaBastjanstInformation", "SammansattBastjanstTestFraga"],
          ["testaBastjanstInformationResponse", "SammansattBastjanstTestSvar"],
          ["testaBastjanstInformationFault", "BastjanstInformationFault"],
        ] as const
      ).map(([name, type]) => el(X, "element", [], { name, type: t(type) })),
    ],
    { targetNamespace: tns, elementFormDefault: "qualified", attributeFormDefault: "unqualified" },
  );
}

/**
 * The XML Schema of the composite contract alone (what the WSDL's `types` hold), as text.
 *
 * @example
 * buildSchemaXsd("utkast", { afTypad: true }) // '<?xml …><xsd:schema targetNamespace="…/ssbt/utkast" …'
 */
export function buildSchemaXsd(version: KontraktVersion, o: SchemaOptions = {}): string {
  const tns = ssbtNamespace(version);
  return serializeXml(schema(version, o), {
    declaration: true,
    prefixes: { [NS.xsd]: "xsd", [tns]: "ssbt", [NS.af]: "af" },
    alwaysDeclare: [NS.xsd, tns, ...(o.afTypad ? [NS.af] : [])],
  });
}

/**
 * The WSDL of the composite service, generated from our model of the contract: the same
 * operations, messages, binding (document/literal, soapAction "") and types as the official one;
 * the authorities' own payload types are declared as lax `xsd:any` (they are defined by the
 * authorities' schemas).
 *
 * @example
 * buildWsdl("v10", "http://127.0.0.1:8080/ssbtek")
 */
export function buildWsdl(
  version: KontraktVersion,
  location: string,
  sektioner: readonly SsbtSektion[] = SSBT_SEKTIONER,
): string {
  const W = NS.wsdl;
  const S = NS.wsdlSoap;
  const tns = ssbtNamespace(version);
  const ops = ["hamtaBastjanstInformation", "testaBastjanstInformation"] as const;
  const messages = ops.flatMap((op) => [
    el(W, "message", [el(W, "part", [], { name: "parameters", element: `ssbt:${op}` })], {
      name: `${op}Request`,
    }),
    el(W, "message", [el(W, "part", [], { name: "parameters", element: `ssbt:${op}Response` })], {
      name: `${op}Response`,
    }),
    el(W, "message", [el(W, "part", [], { name: "faultMessage", element: `ssbt:${op}Fault` })], {
      name: `${op}Fault`,
    }),
  ]);
  const portType = el(
    W,
    "portType",
    ops.map((op) =>
      el(
        W,
        "operation",
        [
          el(W, "input", [], { message: `ssbt:${op}Request` }),
          el(W, "output", [], { message: `ssbt:${op}Response` }),
          el(W, "fault", [], { message: `ssbt:${op}Fault`, name: "fault" }),
        ],
        { name: op },
      ),
    ),
    { name: "BastjanstInformationInterface" },
  );
  const binding = el(
    W,
    "binding",
    [
      el(S, "binding", [], { style: "document", transport: "http://schemas.xmlsoap.org/soap/http" }),
      ...ops.map((op) =>
        el(
          W,
          "operation",
          [
            el(S, "operation", [], { soapAction: "", style: "document" }),
            el(W, "input", [el(S, "body", [], { use: "literal" })]),
            el(W, "output", [el(S, "body", [], { use: "literal" })]),
            el(W, "fault", [el(S, "fault", [], { name: "fault", use: "literal" })], { name: "fault" }),
          ],
          { name: op },
        ),
      ),
    ],
    { name: "BastjanstInformationInterfaceSoapBinding", type: "ssbt:BastjanstInformationInterface" },
  );
  const service = el(
    W,
    "service",
    [
      el(W, "port", [el(S, "address", [], { location })], {
        name: "BastjanstInformationInterfacePort",
        binding: "ssbt:BastjanstInformationInterfaceSoapBinding",
      }),
    ],
    { name: "BastjanstInformationInterfaceService" },
  );
  const defs = el(
    W,
    "definitions",
    [el(W, "types", [schema(version, { sektioner })]), ...messages, portType, binding, service],
    {
      name: "BastjanstInformation",
      targetNamespace: tns,
    },
  );
  return serializeXml(defs, {
    declaration: true,
    prefixes: { [W]: "wsdl", [S]: "soap", [NS.xsd]: "xsd", [tns]: "ssbt" },
    alwaysDeclare: [NS.xsd, tns],
  });
}
