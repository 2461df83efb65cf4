import { arGiltigPersonidentitet, kontrollsiffra } from "../personidentitet.js";
import { isBase64, isXsdDate, isXsdDateTime } from "../xml/xsd-types.js";
import type { FaltTyp } from "./model.js";

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Types whose XML lexical space collapses whitespace (everything but `string`).
 *
 * @example
 * trimsWhitespace("date") // true
 */
export function trimsWhitespace(typ: FaltTyp): boolean {
  return typ !== "string" && typ !== "base64Xml" && typ !== "xmlString";
}

/**
 * True when `YYYYMMDD` names a real calendar day.
 *
 * @example
 * isDatum8("20260230") // false
 */
export function isDatum8(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  return isXsdDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
}

/**
 * The calendar day (`YYYY-MM-DD`) of a `date`, `dateTime` or `YYYYMMDD` value, or undefined.
 *
 * @example
 * kalenderdag("20261120") // "2026-11-20"
 */
export function kalenderdag(s: string): string | undefined {
  const t = s.trim();
  if (isDatum8(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  if (isXsdDate(t) || isXsdDateTime(t)) return t.slice(0, 10);
  return undefined;
}

function intInRange(s: string, min: number, max: number): boolean {
  if (!INTEGER.test(s)) return false;
  const n = Number(s);
  return n >= min && n <= max;
}

/**
 * Checks a leaf value against its type, as text (XML and JSON strings) — returns what is wrong,
 * or undefined when the value has the type.
 *
 * @example
 * typfel("date", "2026-02-30") // "is not a real date (YYYY-MM-DD)"
 */
export function typfel(typ: FaltTyp, value: string): string | undefined {
  switch (typ) {
    case "string":
    case "xmlString":
      return undefined;
    case "date":
      return isXsdDate(value) ? undefined : "is not a real date (YYYY-MM-DD)";
    case "dateTime":
      return isXsdDateTime(value) ? undefined : "is not a valid dateTime (YYYY-MM-DDThh:mm:ss)";
    case "datum8":
      return isDatum8(value) ? undefined : "is not a real date written YYYYMMDD";
    case "int":
      return intInRange(value, -2147483648, 2147483647) ? undefined : "is not an integer (xsd:int)";
    case "short":
      return intInRange(value, -32768, 32767) ? undefined : "is not an integer in -32768..32767 (xsd:short)";
    case "long":
      return INTEGER.test(value) ? undefined : "is not an integer";
    case "decimal":
      return DECIMAL.test(value) ? undefined : "is not a decimal number";
    case "boolean":
      return ["true", "false", "1", "0"].includes(value) ? undefined : "is not a boolean (true/false)";
    case "base64":
    case "base64Xml":
    case "base64Json":
      return isBase64(value.replace(/\s+/g, "")) ? undefined : "is not valid base64";
    case "personidentitet":
      return /^[0-9]{12}$/.test(value) ? undefined : "must be exactly 12 digits (YYYYMMDDNNNC)";
    case "organisationsnummer":
      return /^\d{4}[2-9]\d{7}$/.test(value) ? undefined : "must be 12 digits matching \\d{4}[2-9]\\d{7}";
    case "complex":
    case "empty":
    case "xml":
      return undefined;
  }
}

/**
 * Checks a JSON value's JSON type for a field type (numbers for `int`/`decimal`, booleans for
 * `boolean`, strings for the rest). Returns what is wrong, or undefined.
 *
 * @example
 * jsonTypfel("int", "3") // "must be an integer number"
 */
export function jsonTypfel(typ: FaltTyp, value: unknown): string | undefined {
  if (typ === "complex")
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? undefined
      : "must be an object";
  if (typ === "int" || typ === "short" || typ === "long")
    return typeof value === "number" && Number.isInteger(value) ? undefined : "must be an integer number";
  if (typ === "decimal")
    return typeof value === "number" && Number.isFinite(value) ? undefined : "must be a number";
  if (typ === "boolean") return typeof value === "boolean" ? undefined : "must be true or false";
  return typeof value === "string" ? undefined : "must be a string";
}

/**
 * True when a 12-digit personidentitet or a 10-digit personnummer has a correct check digit
 * (samordningsnummer included).
 *
 * @example
 * harKorrektKontrollsiffra("199608239829") // true
 */
export function harKorrektKontrollsiffra(value: string): boolean {
  if (/^\d{12}$/.test(value)) return arGiltigPersonidentitet(value);
  if (/^\d{10}$/.test(value)) return kontrollsiffra(value.slice(0, 9)) === Number(value[9]);
  return false;
}
