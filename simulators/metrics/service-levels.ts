/**
 * The numbers of the SSBTEK agreement (bilaga 4) that the recorder measures against. See
 * docs/service-levels.md for how each maps to what is measured.
 */
export const SERVICENIVAER = {
  /** Response time per request for one person: at least 90 % within 7 s … */
  svarstidInomMs: 7_000,
  andelInom7s: 0.9,
  /** … and the remaining 10 % within 12 s. */
  svarstidSenastMs: 12_000,
  andelInom12s: 1,
  /** Delivery precision: at least 95 % of all requests answered. */
  andelBesvarade: 0.95,
  /** An answer where this many bastjänster or more could not answer: "available with disturbance". */
  storningVidAntalFel: 2,
} as const;

export type Servicenivaer = typeof SERVICENIVAER;
