export type { Persona } from "./persona.js";
export { PERSONAS, Population } from "./population.js";
export { hashSeed, Rng } from "./rng.js";
