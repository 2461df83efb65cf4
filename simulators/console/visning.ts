/**
 * Messages as the web console shows them: pretty-printed, the payloads carried inside decoded in
 * place (CSN's base64 XML, LEFI's base64 JSON, Skatteverket's XML in a string), and every
 * personnummer-like value masked — before anything is stored. A base64 value that is neither XML
 * nor JSON is not shown at all: masking cannot see inside it.
 */
import { maskeraText } from "../../contract/maskering.js";

/** Largest body shown; the rest is cut (a console is for reading, not for bulk data). */
export const MAX_VISAD_TEXT = 256 * 1024;
/** How deep payloads inside payloads are opened. */
const MAX_DJUP = 4;
const INDRAG = "  ";

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?[^<>]+>|[^<]+/g;

const ENTITETER: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function avkodaEntiteter(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (hit, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : hit;
    }
    return ENTITETER[e.toLowerCase()] ?? hit;
  });
}

/** What a text value carries, decoded (undefined: plain text, shown as is). */
function payload(
  text: string,
): { typ: string; rader: string[] } | { typ: "dold"; rader: string[] } | undefined {
  const t = text.trim();
  if (t.length < 2) return undefined;
  if (t.startsWith("<") && t.endsWith(">")) return { typ: "XML i texten", rader: [] };
  const kompakt = t.replace(/\s+/g, "");
  if (kompakt.length >= 16 && kompakt.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(kompakt)) {
    const avkodad = Buffer.from(kompakt, "base64").toString("utf8");
    const a = avkodad.replace(/^\uFEFF/, "").trim();
    if (a.startsWith("<")) return { typ: "base64, avkodad: XML", rader: [] };
    if (a.startsWith("{") || a.startsWith("[")) {
      try {
        JSON.parse(a);
        return { typ: "base64, avkodad: JSON", rader: [] };
      } catch {
        // not JSON
      }
    }
    // Only a long run is surely base64 and not an identifier that happens to fit the alphabet.
    if (kompakt.length >= 40)
      return { typ: "dold", rader: [`[base64, ${Buffer.byteLength(a)} byte, visas inte]`] };
  }
  return undefined;
}

function avkodadText(text: string): string {
  const t = text.trim();
  if (t.startsWith("<")) return t;
  return Buffer.from(t.replace(/\s+/g, ""), "base64")
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim();
}

/** Pretty lines of any text: XML, JSON or plain. */
function rader(text: string, djup: number): string[] {
  const t = text.trim();
  if (djup < MAX_DJUP && t.startsWith("<")) return xmlRader(t, djup);
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return jsonRader(JSON.parse(t) as unknown, djup);
    } catch {
      // not JSON: plain text
    }
  }
  return t.split(/\r?\n/);
}

function jsonRader(value: unknown, djup: number): string[] {
  // String values that carry a payload are opened too (a JSON field holding base64 XML).
  const inre = new Map<string, string[]>();
  const ersatt = (v: unknown): unknown => {
    if (typeof v === "string") {
      const p = djup < MAX_DJUP ? payload(v) : undefined;
      if (!p) return v;
      const nyckel = `§§payload${inre.size}§§`;
      inre.set(nyckel, p.typ === "dold" ? p.rader : [`(${p.typ})`, ...rader(avkodadText(v), djup + 1)]);
      return nyckel;
    }
    if (Array.isArray(v)) return v.map(ersatt);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, ersatt(x)]));
    return v;
  };
  const ut: string[] = [];
  for (const rad of JSON.stringify(ersatt(value), null, 2).split("\n")) {
    const m = /^(\s*)(.*)"(§§payload\d+§§)"(,?)$/.exec(rad);
    const delar = m ? inre.get(m[3] as string) : undefined;
    if (!m || !delar) {
      ut.push(rad);
      continue;
    }
    ut.push(`${m[1]}${m[2]}⟦`);
    for (const d of delar) ut.push(`${m[1]}${INDRAG}${d}`);
    ut.push(`${m[1]}⟧${m[4]}`);
  }
  return ut;
}

function xmlRader(text: string, djup: number): string[] {
  const tokens = text.match(TOKEN) ?? [];
  const ut: string[] = [];
  let niva = 0;
  const pad = () => INDRAG.repeat(Math.max(0, niva));
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (!tok.startsWith("<")) {
      if (tok.trim()) ut.push(pad() + tok.trim());
      continue;
    }
    if (tok.startsWith("<?") || tok.startsWith("<!")) {
      ut.push(pad() + tok);
      continue;
    }
    if (tok.startsWith("</")) {
      niva -= 1;
      ut.push(pad() + tok);
      continue;
    }
    if (tok.endsWith("/>")) {
      ut.push(pad() + tok);
      continue;
    }
    // <a>text</a> on one line, or opened in place when the text carries a payload.
    const text = tokens[i + 1];
    const slut = tokens[i + 2];
    if (text !== undefined && !text.startsWith("<") && slut?.startsWith("</")) {
      const varde = avkodaEntiteter(text);
      const p = payload(varde);
      if (p && p.typ === "dold") ut.push(`${pad()}${tok}${p.rader[0]}${slut}`);
      else if (p) {
        ut.push(pad() + tok);
        ut.push(`${pad()}${INDRAG}<!-- ${p.typ} -->`);
        for (const r of rader(avkodadText(varde), djup + 1)) ut.push(pad() + INDRAG + r);
        ut.push(pad() + slut);
      } else ut.push(`${pad()}${tok}${text.trim()}${slut}`);
      i += 2;
      continue;
    }
    if (text !== undefined && slut === undefined && !text.startsWith("<")) {
      ut.push(pad() + tok);
      continue;
    }
    ut.push(pad() + tok);
    niva += 1;
  }
  return ut;
}

/**
 * A message body as the console shows it: pretty-printed, payloads decoded in place, masked, cut at
 * {@link MAX_VISAD_TEXT}.
 *
 * @example
 * visaMeddelande('<a><svar>PD94bWwgdmVyc2lvbj0iMS4wIj8+PGI+MTk5NjA4MjM5ODI5PC9iPg==</svar></a>')
 * // "<a>\n  <svar>\n    <!-- base64, avkodad: XML -->\n    <?xml version=\"1.0\"?>\n    <b>19960823-****</b>\n  </svar>\n</a>"
 */
export function visaMeddelande(body: string | Uint8Array): string {
  let text = typeof body === "string" ? body : new TextDecoder().decode(body);
  let klippt = "";
  if (text.length > MAX_VISAD_TEXT) {
    klippt = `\n… (${text.length - MAX_VISAD_TEXT} tecken till visas inte)`;
    text = text.slice(0, MAX_VISAD_TEXT);
  }
  let ut: string;
  try {
    ut = rader(text, 0).join("\n");
  } catch {
    ut = text;
  }
  return maskeraText(ut + klippt);
}
