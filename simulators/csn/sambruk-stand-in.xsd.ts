import { FRAGA_FALT } from "../../contract/csn/model.js";

/**
 * CSN's kommunfraga.xsd imports a Sambruk schema (`SBNUppgEkBistandBegar_v1_0.xsd`) that is not
 * published. This is our permissive stand-in for it, so that CSN answers (and questions) can be
 * validated against the official kommunfraga.xsd: pass it to `validateAgainst` as an override
 * under {@link SAMBRUK_STAND_IN_PATH}.
 *
 * Written by us from CSN's "Schemabeskrivning Kommunfråga" (the list of question fields); it
 * fixes the element order only. Every field is optional and typed `xs:string`: the real facets
 * are unknown, and CSN's own rules (lengths, formats, dates) are checked by the simulator and
 * answered with result codes, not by schema validation.
 */
export const SAMBRUK_STAND_IN_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.sambruk.se/SBNyttomeddelanden"
           elementFormDefault="qualified">
  <xs:complexType name="SBNUppgEkBistandBegar">
    <xs:sequence>
${FRAGA_FALT.map((n) => `      <xs:element name="${n}" type="xs:string" minOccurs="0"/>`).join("\n")}
    </xs:sequence>
    <xs:attribute name="SchemaVersion" type="xs:string"/>
  </xs:complexType>
</xs:schema>
`;

/**
 * Where kommunfraga.xsd expects the Sambruk schema, relative to the contract folder
 * (`se/csn/schema/v4_0/kommunfraga/` + `../../../../sambruk/sbnyttomeddelanden/…`).
 */
export const SAMBRUK_STAND_IN_PATH = "se/sambruk/sbnyttomeddelanden/SBNUppgEkBistandBegar_v1_0.xsd";
