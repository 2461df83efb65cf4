import type { Persona } from "./persona.js";

interface Minne {
  seed: number;
  nar: string | number;
  varde: unknown;
}

// Held by the persona object: a generated person dropped from the population's cache takes its
// memory with it. Per person and kind only the latest (seed, nar) is kept, so a moving clock or
// several seeds in one process replace entries instead of growing them.
const minnen = new WeakMap<Persona, Map<string, Minne>>();

/**
 * What a bastjänst derives from a person alone — their facts, their history — computed once per
 * person, seed and `nar` (the Swedish calendar day the value is for, or a coarser period such as
 * the income year) instead of once per question. `berakna` must depend on nothing else (never on
 * the question), and callers must treat the value as read-only: it is shared by every answer about
 * the person then, as a named persona's facts already are.
 *
 * @example
 * const fakta = minnas(persona, "TNS", ctx.seed, idag, () => genereraFakta(ctx.seed, persona.personidentitet, idag));
 */
export function minnas<T>(
  persona: Persona,
  slag: string,
  seed: number,
  nar: string | number,
  berakna: () => T,
): T {
  let perSlag = minnen.get(persona);
  if (!perSlag) {
    perSlag = new Map();
    minnen.set(persona, perSlag);
  }
  const m = perSlag.get(slag);
  if (m && m.seed === seed && m.nar === nar) return m.varde as T;
  const varde = berakna();
  perSlag.set(slag, { seed, nar, varde });
  return varde;
}
