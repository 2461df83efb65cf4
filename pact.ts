/**
 * Pact contracts of the SSBTEK chain for vendors (docs/pact.md): write the reference pacts, and
 * verify a provider against pacts. A separate entry because it loads the Pact FFI (a native library).
 *
 * @example
 * import { skrivReferensPacter, verifyProvider } from "ssbtek-harness/pact";
 * await skrivReferensPacter({ dir: "pacts" });
 * const r = await verifyProvider({ pactDir: "pacts", provider: "ssbtek-ssbt", providerBaseUrl: "http://127.0.0.1:8080/ssbtek" });
 */
export {
  type BastjanstInteraktion,
  type BastjanstPactOptions,
  bastjanstInteraktioner,
  skrivBastjanstPact,
  skrivBastjanstPacter,
} from "./suites/consumer/bastjanst-pacts.js";
export {
  type CertifyConsumerPactOptions,
  certifyConsumerPact,
} from "./suites/consumer/certify-consumer-pact.js";
export { skrivReferensPacter } from "./suites/consumer/referens-pacter.js";
export {
  type SkrivenPact,
  type SkrivPactOptions,
  type SsbtInteraktion,
  skrivSsbtPact,
  ssbtInteraktioner,
} from "./suites/consumer/ssbt-pact.js";
export {
  BASTJANST_PROVIDER,
  kodForProvider,
  pactFilnamn,
  SSBT,
  VERKSAMHETSSYSTEM,
} from "./suites/pact/names.js";
export { REFERENS_KLOCKA, REFERENS_SEED } from "./suites/pact/referens.js";
export { type VerifieraMotSimulatornOptions, verifieraMotSimulatorn } from "./suites/producer/embedded.js";
export {
  type InteraktionsResultat,
  type VerifyProviderOptions,
  type VerifyResult,
  verifyProvider,
} from "./suites/producer/verify.js";
export { verifyProviderIsolated } from "./suites/producer/verify-isolated.js";
