import { maskeraText } from "../../contract/maskering.js";

const MAX_DEPTH = 8;

/**
 * Returns a copy of a log object with every string and key (and every 10–12 digit integer) passed
 * through the project's one masking, `maskeraText`, at any depth. Cycles and very deep nesting are
 * cut, not followed.
 *
 * @example
 * maskeraDjupt({ fel: { text: "fel för 199608239829" } }) // { fel: { text: "fel för 19960823-****" } }
 */
export function maskeraDjupt<T>(value: T): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return maskeraText(v);
    if (typeof v === "number" || typeof v === "bigint") {
      const s = String(v);
      if (/\d{6}/.test(s)) {
        const masked = maskeraText(s);
        return masked === s ? v : masked;
      }
      return v;
    }
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v) || depth >= MAX_DEPTH) return "[utelämnad]";
    seen.add(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[maskeraText(k)] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}
