export {
  decodeFault,
  decodeRequest,
  decodeResponse,
  encodeFault,
  encodeRequest,
  encodeResponse,
  SO_FAULT,
  SO_NS,
  SO_REQUEST,
  SO_RESPONSE,
} from "./codec.js";
export type {
  AnsoktOmErsattning,
  Arbetsloshetsersattning,
  Avstangning,
  GetUnemploymentBenefitPaymentRequest,
  GetUnemploymentBenefitPaymentResponse,
  SoFault,
  SoFrageparametrar,
  Utbetalning,
} from "./model.js";
