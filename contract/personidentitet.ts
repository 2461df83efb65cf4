import PersonnummerModule from "personnummer";

export { maskera, maskeraText } from "./maskering.js";

// The package is CommonJS (`module.exports = Personnummer`) but its types declare an ES default export.
const Personnummer = PersonnummerModule as unknown as typeof PersonnummerModule.default;

/** True when the 12 digits form a checksum-valid personnummer or samordningsnummer. */
export function arGiltigPersonidentitet(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  // Every simulator asks about the same person in one composite question: the package's parse
  // (regexes, a Date) runs once per identity, not once per ask.
  let giltig = GILTIGA.get(personidentitet);
  if (giltig === undefined) {
    giltig = Personnummer.valid(personidentitet);
    if (GILTIGA.size >= 8192) GILTIGA.clear();
    GILTIGA.set(personidentitet, giltig);
  }
  return giltig;
}

const GILTIGA = new Map<string, boolean>();

/** True for a samordningsnummer (day of birth + 60). */
export function arSamordningsnummer(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  const day = Number(personidentitet.slice(6, 8));
  return day >= 61 && day <= 91;
}

/** The birth date (YYYY-MM-DD) of a 12-digit personidentitet, undoing the samordningsnummer +60. */
export function fodelsedatum(personidentitet: string): string {
  const y = personidentitet.slice(0, 4);
  const m = personidentitet.slice(4, 6);
  let d = Number(personidentitet.slice(6, 8));
  if (d > 60) d -= 60;
  return `${y}-${m}-${String(d).padStart(2, "0")}`;
}

const DAGAR_I_MANAD = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the first eight digits (after undoing +60) are a real calendar date. */
export function harRimligtDatum(personidentitet: string): boolean {
  if (!/^\d{12}$/.test(personidentitet)) return false;
  const y = Number(personidentitet.slice(0, 4));
  const m = Number(personidentitet.slice(4, 6));
  let d = Number(personidentitet.slice(6, 8));
  if (d > 60) d -= 60;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : DAGAR_I_MANAD[m - 1]!);
}

/** Luhn check digit for the nine digits YYMMDDNNN. */
export function kontrollsiffra(nio: string): number {
  let sum = 0;
  for (let i = 0; i < nio.length; i++) {
    let d = Number(nio[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
