/**
 * The one error base class of the project. Every error we throw on purpose is a
 * `HarnessError` with a stable `code`; its message says what failed, why, and what to do.
 *
 * @example
 * throw new HarnessError("PORT_IN_USE", "Failed to start simulator: port 8080 is in use. Pass --port or free the port.");
 */
export class HarnessError extends Error {
  readonly code: string;
  /** Extra machine-readable facts (never personal data unmasked). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = "HarnessError";
    this.code = code;
    this.details = details;
  }
}

/**
 * A message that breaks the contract: wrong element, wrong order, bad value. `path` says where,
 * e.g. `/hamtaBastjanstInformation/generellaFrageparametrar/tidsperiod/fromDatum`.
 */
export class ContractViolation extends HarnessError {
  readonly path: string;
  readonly rule: string;

  constructor(rule: string, path: string, message: string) {
    super("CONTRACT_VIOLATION", `${path}: ${message}`, { rule, path });
    this.name = "ContractViolation";
    this.path = path;
    this.rule = rule;
  }
}

/** True for errors raised on purpose by this project (as opposed to bugs). */
export function isHarnessError(e: unknown): e is HarnessError {
  return e instanceof HarnessError;
}
