import { HarnessError } from "../../contract/errors.js";
import { JSON_FALL } from "./cases-json.js";
import { SCHEMA_FALL } from "./cases-schema.js";
import { SOAP_FALL } from "./cases-soap.js";
import { XML_FALL } from "./cases-xml.js";
import type { Malprofil, RobusthetsFall } from "./model.js";

/**
 * Every hostile-input case, in the order they run: XML parser and byte encoding, SOAP envelope
 * and HTTP, the question's content (schema violations, legal-but-nasty values, injection), and
 * the JSON API's own body cases.
 */
export const KATALOG: readonly RobusthetsFall[] = [...XML_FALL, ...SOAP_FALL, ...SCHEMA_FALL, ...JSON_FALL];

/**
 * The cases that apply to a kind of target, optionally only the named ones. An unknown id is an
 * error (never a silent pass).
 *
 * @example
 * valjFall("soap", ["xxe-file", "billion-laughs"]).length // 2
 */
export function valjFall(profil: Malprofil, only?: readonly string[]): RobusthetsFall[] {
  const forProfil = KATALOG.filter((f) => f.profiler.includes(profil));
  if (!only) return forProfil;
  const unknown = only.filter((id) => !KATALOG.some((f) => f.id === id));
  if (unknown.length > 0)
    throw new HarnessError(
      "UNKNOWN_CASE",
      `Unknown robustness case ${unknown.join(", ")}: use ids from docs/robustness.md, e.g. ${KATALOG[0]!.id}.`,
    );
  const notHere = only.filter((id) => !forProfil.some((f) => f.id === id));
  if (notHere.length > 0)
    throw new HarnessError(
      "UNKNOWN_CASE",
      `Robustness case ${notHere.join(", ")} does not apply to a ${profil} target: leave it out of --only.`,
    );
  return forProfil.filter((f) => only.includes(f.id));
}
