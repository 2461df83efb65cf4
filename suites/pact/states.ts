import { HarnessError, isHarnessError } from "../../contract/errors.js";
import type { BastjanstKod } from "../../contract/ssbt/model.js";
import { type Fault, formatFault, parseFaultAssignment } from "../../simulators/faults/fault.js";
import type { Persona } from "../../simulators/population/persona.js";
import { PERSONAS } from "../../simulators/population/population.js";

/**
 * A provider state the harness's pacts use, parsed. States are plain text in the pact file (so
 * any Pact tool shows them) and follow a small grammar:
 *
 * - `persona <id>`: the question is about a named persona of `fixtures/personas` (no setup; the
 *   id must exist);
 * - `fault <KOD>=<fel>`: the bastjänst KOD misbehaves as the fault says (`down`, `slow:30s`,
 *   `error:502`, `malformed`, `fault`, `closed`), set up through the simulator's admin API;
 * - `personidentitet med fel kontrollsiffra`: the question is about a 12-digit identity whose
 *   check digit is wrong (no setup).
 */
export type Tillstand =
  | { typ: "persona"; namn: string; persona: Persona }
  | { typ: "fault"; namn: string; kod: BastjanstKod; fault: Fault }
  | { typ: "fel-kontrollsiffra"; namn: string };

/** The state text of a question about an identity with a wrong check digit. */
export const FEL_KONTROLLSIFFRA = "personidentitet med fel kontrollsiffra";

/** The identity used with {@link FEL_KONTROLLSIFFRA}: the reference client's 199001011234 (check digit should be 7). */
export const FEL_KONTROLLSIFFRA_PERSONIDENTITET = "199001011234";

/** The grammar, for error messages and docs. */
export const TILLSTAND_GRAMMATIK = `"persona <id>" (ids: \`ssbtek-harness personas\`), "fault <KOD>=<fel>" (e.g. "fault MIV=down", "fault CSN=slow:30s") or "${FEL_KONTROLLSIFFRA}"`;

const okant = (namn: string, varfor: string) =>
  new HarnessError(
    "UNKNOWN_PROVIDER_STATE",
    `Unknown provider state "${namn}": ${varfor}. Provider states are ${TILLSTAND_GRAMMATIK}.`,
    { state: namn },
  );

/**
 * Parses and checks one provider state. An unknown state is an error (never a silent pass).
 *
 * @example
 * parseTillstand("persona arbetslos-akassa").typ // "persona"
 * parseTillstand("fault MIV=down") // { typ: "fault", kod: "MIV", fault: { kind: "down" }, … }
 * parseTillstand("the sun is shining") // throws UNKNOWN_PROVIDER_STATE
 */
export function parseTillstand(namn: string): Tillstand {
  const text = namn.trim();
  if (text === FEL_KONTROLLSIFFRA) return { typ: "fel-kontrollsiffra", namn };
  const m = /^(persona|fault)\s+(\S.*)$/.exec(text);
  if (!m) throw okant(namn, "it does not follow the grammar");
  const [, ord, arg] = m as unknown as [string, string, string];
  if (ord === "persona") {
    const persona = PERSONAS.find((p) => p.id === arg.trim());
    if (!persona) throw okant(namn, `there is no persona "${arg.trim()}" in the population`);
    return { typ: "persona", namn, persona };
  }
  try {
    const [kod, fault] = parseFaultAssignment(arg, "fault");
    return { typ: "fault", namn, kod, fault };
  } catch (e) {
    if (isHarnessError(e)) throw okant(namn, e.message);
    throw e;
  }
}

/**
 * The state text for a named persona (checked).
 *
 * @example
 * personaTillstand("ej-traff") // "persona ej-traff"
 */
export function personaTillstand(id: string): string {
  return parseTillstand(`persona ${id}`).namn;
}

/**
 * The state text for an injected fault, in canonical form (checked).
 *
 * @example
 * faultTillstand("MIV", "down") // "fault MIV=down"
 * faultTillstand("CSN", "slow:30000ms") // "fault CSN=slow:30s"
 */
export function faultTillstand(kod: BastjanstKod, fel: string): string {
  const t = parseTillstand(`fault ${kod}=${fel}`);
  if (t.typ !== "fault") throw okant(`fault ${kod}=${fel}`, "not a fault");
  return `fault ${t.kod}=${formatFault(t.fault)}`;
}
