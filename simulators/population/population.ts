// The Swedish locale only: importing the package root loads every locale (~30 MB more RSS).
import { faker } from "@faker-js/faker/locale/sv";
import {
  arGiltigPersonidentitet,
  arSamordningsnummer,
  fodelsedatum,
  harRimligtDatum,
  maskera,
} from "../../contract/personidentitet.js";
import { BASTJANSTER, type BastjanstKod } from "../../contract/ssbt/model.js";
import personasJson from "../../fixtures/personas/personas.json" with { type: "json" };
import type { Persona } from "./persona.js";
import { hashSeed, Rng } from "./rng.js";

interface PersonaFixture {
  id: string;
  personidentitet: string;
  fornamn: string;
  efternamn: string;
  kon: string;
  berattelse: string;
  kallor: string[];
  sekretess?: boolean;
  typ?: string;
}

function fromFixture(p: PersonaFixture): Persona {
  return {
    id: p.id,
    personidentitet: p.personidentitet,
    typ: arSamordningsnummer(p.personidentitet) ? "samordningsnummer" : "personnummer",
    fornamn: p.fornamn,
    efternamn: p.efternamn,
    kon: p.kon === "K" ? "K" : "M",
    berattelse: p.berattelse,
    kallor: p.kallor.filter((k): k is BastjanstKod => (BASTJANSTER as readonly string[]).includes(k)),
    sekretess: p.sekretess ?? false,
    genererad: false,
    giltig: arGiltigPersonidentitet(p.personidentitet),
  };
}

/** The named personas of `fixtures/personas/personas.json`, in file order. */
export const PERSONAS: readonly Persona[] = (personasJson.personas as PersonaFixture[]).map(fromFixture);

/**
 * The synthetic population: the named personas plus a deterministic generated person for any
 * other well-formed personidentitet (12 digits whose first eight form a real date).
 *
 * @example
 * const pop = new Population(42);
 * pop.hitta("199608239829")?.id // "arbetslos-akassa"
 */
/** Generated persons kept per Population (oldest dropped first): no faker call per request. */
const GENERERADE_MAX = 4096;

export class Population {
  private readonly named = new Map<string, Persona>();
  private readonly genererade = new Map<string, Persona>();

  constructor(readonly seed: number) {
    for (const p of PERSONAS) this.named.set(p.personidentitet, p);
  }

  /** Every named persona. */
  get personas(): readonly Persona[] {
    return PERSONAS;
  }

  /** The named persona with this id, or undefined. */
  medId(id: string): Persona | undefined {
    return PERSONAS.find((p) => p.id === id);
  }

  /**
   * The person behind a personidentitet: a named persona, a generated person, or undefined
   * when the identity is not well-formed (not 12 digits or no real birth date) or, given the
   * clock's day `idag`, names someone not yet born then (unknown to every register).
   *
   * @example
   * new Population(1).hitta("209901019806", "2026-11-20") // undefined: born 2099
   */
  hitta(personidentitet: string, idag?: string): Persona | undefined {
    // Known identities first: only a new one needs the date check.
    let p = this.named.get(personidentitet) ?? this.genererade.get(personidentitet);
    if (!p && !harRimligtDatum(personidentitet)) return undefined;
    if (idag !== undefined && fodelsedatum(personidentitet) > idag) return undefined;
    if (!p) {
      p = this.generera(personidentitet);
      if (this.genererade.size >= GENERERADE_MAX) {
        const aldsta = this.genererade.keys().next().value;
        if (aldsta !== undefined) this.genererade.delete(aldsta);
      }
      this.genererade.set(personidentitet, p);
    }
    return p;
  }

  private generera(personidentitet: string): Persona {
    const rng = new Rng(hashSeed(this.seed, "person", personidentitet));
    // One shared instance, re-seeded per person: the names depend only on seed and identity.
    faker.seed(hashSeed(this.seed, "namn", personidentitet));
    // Second-to-last digit odd = man, even = woman.
    const kon = Number(personidentitet[10]) % 2 === 1 ? "M" : "K";
    const sex = kon === "M" ? "male" : "female";
    const kallor = BASTJANSTER.filter((k) => rng.chance(k === "SKV" ? 0.8 : 0.4));
    return {
      id: `genererad-${maskera(personidentitet)}`,
      personidentitet,
      typ: arSamordningsnummer(personidentitet) ? "samordningsnummer" : "personnummer",
      fornamn: faker.person.firstName(sex),
      efternamn: faker.person.lastName(),
      kon,
      berattelse: `Genererad person (seed ${this.seed}) med uppgifter hos: ${kallor.join(", ") || "ingen"}.`,
      kallor,
      sekretess: rng.chance(0.02),
      genererad: true,
      giltig: arGiltigPersonidentitet(personidentitet),
    };
  }
}
