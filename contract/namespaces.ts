/** Namespace URIs of the SSBTEK contract and the bastjänster, with the prefixes we write. */
export const NS = {
  soap: "http://schemas.xmlsoap.org/soap/envelope/",
  soap12: "http://www.w3.org/2003/05/soap-envelope",
  ssbt10: "http://schema.forsakringskassan.se/integration/ssbt/10",
  ssbt11: "http://schema.forsakringskassan.se/integration/ssbt/11",
  /** The draft contract (built on ssbt/11, the AF extension of the information-needs report). */
  ssbtUtkast: "http://schema.forsakringskassan.se/integration/ssbt/utkast",
  af: "http://api.arbetsformedlingen.se/arbetssokande/ersattningsstod/v2",
  /** Draft extension of AF's answer (carried in ers_stod v2's own xs:any extension points). */
  afUtkast: "http://api.arbetsformedlingen.se/arbetssokande/ersattningsstod/v2/utkast",
  skv: "http://beskattningws.ws.service.bs.zg.rsv.se/",
  so: "http://INT014.UBPService.Schemas",
  tns: "http://schema.transportstyrelsen.se/ssbtek/hamtauppgifterresponder/1",
  tnsFordon: "http://schema.transportstyrelsen.se/ssbtek/fordon/1",
  tnsPerson: "http://schema.transportstyrelsen.se/ssbtek/person/1",
  miv: "http://schema.migrationsverket.se/ssbtek/1/",
  wsdl: "http://schemas.xmlsoap.org/wsdl/",
  wsdlSoap: "http://schemas.xmlsoap.org/wsdl/soap/",
  xsd: "http://www.w3.org/2001/XMLSchema",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** Prefixes used when we serialize. */
export const PREFIXES: Readonly<Record<string, string>> = {
  [NS.soap]: "soap",
  [NS.ssbt10]: "ssbt",
  [NS.ssbt11]: "ssbt",
  [NS.ssbtUtkast]: "ssbt",
  [NS.afUtkast]: "afu",
  [NS.af]: "af",
  [NS.skv]: "skv",
  [NS.so]: "so",
  [NS.tns]: "tns",
  [NS.tnsFordon]: "fordon",
  [NS.tnsPerson]: "per",
  [NS.miv]: "miv",
  [NS.xsi]: "xsi",
};
