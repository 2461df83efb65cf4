export {
  type ParsedEnvelope,
  parseSoapEnvelope,
  readSoapFault,
  SOAP11_CONTENT_TYPE,
  type SoapFault,
  soapEnvelope,
  soapFaultEnvelope,
} from "./envelope.js";
