export { type VerifieraMotSimulatornOptions, verifieraMotSimulatorn } from "./embedded.js";
export { startaTillstandsServer, type TillstandsServer } from "./state-server.js";
export {
  type InteraktionsResultat,
  type VerifyProviderOptions,
  type VerifyResult,
  verifyProvider,
} from "./verify.js";
