/**
 * The seven sections of the composite contract (ssbt/10, and ssbt/11 with its Skatteverket
 * question), in contract order: what `specifikaFrageparametrar`, `svarsdata` and the connection
 * test hold, how each question part is read and written, and the types each declares. This list
 * IS the contract's list of bastjänster; `BASTJANSTER`, `BastjanstKod` and
 * `SpecifikaFrageparametrar` are derived from it, and each authority's descriptor
 * (simulators/<x>/index.ts) names its section.
 */
import { ContractViolation } from "../errors.js";
import { el, leaf } from "../xml/node.js";
import { leafText, SequenceReader } from "../xml/reader.js";
import { isBase64, readBoolean, readInt } from "../xml/xsd-types.js";
import {
  type ForsakringskassanFraga,
  harSkvV11,
  type MedTidsperiod,
  type SkatteverketFragaV11,
} from "./model.js";
import {
  complexTyp,
  inkluderaAttribut,
  lasMedTidsperiod,
  lasTom,
  medTidsperiodTyp,
  readInkludera,
  type Specifika,
  type SsbtSektion,
  skrivMedTidsperiod,
  skrivTom,
  svarTyp,
  tomTyp,
} from "./sektion.js";

/** ssbt/11: SKV carries `fraga` with `ar`+ and five booleans. */
export const SKV11_BLOCK = [
  "foretagsinformation",
  "individuppgifter",
  "skattekonto",
  "skatteuppgifter",
  "beskattningsbilagor",
] as const;

/** Arbetsförmedlingen: `inkludera`, an own period; AF's answer typed by AF's schema when asked to. */
export const AF_SEKTION: SsbtSektion<"AF", MedTidsperiod> = {
  kod: "AF",
  typnamn: "Arbetsformedlingen",
  typordning: 3,
  lasFraga: lasMedTidsperiod,
  skrivFraga: skrivMedTidsperiod,
  schema: ({ t, afTypad }) => ({
    fraga: [medTidsperiodTyp("Arbetsformedlingen")],
    svar: [svarTyp("ArbetsformedlingenSvar", afTypad ? "af:SvarMeddelande" : t("AnyData"))],
  }),
};

/** CSN: `inkludera`, an own period; the answer is CSN's document in base64 (`svar`). */
export const CSN_SEKTION: SsbtSektion<"CSN", MedTidsperiod> = {
  kod: "CSN",
  typnamn: "Csn",
  typordning: 2,
  lasFraga: lasMedTidsperiod,
  skrivFraga: skrivMedTidsperiod,
  schema: ({ t }) => ({
    fraga: [medTidsperiodTyp("Csn")],
    data: [complexTyp("CsnSvarsData", [{ name: "svar", type: "xsd:base64Binary" }])],
    svar: [svarTyp("CsnSvar", t("CsnSvarsData"))],
  }),
};

/** LEFI's question without whitespace, when that is base64; else the schema's refusal. */
function utanBlanktecken(lefi: string, path: string): string {
  const kompakt = lefi.replace(/\s+/g, "");
  if (!isBase64(kompakt))
    throw new ContractViolation("xsd.base64Binary", path, "lefiJsonFraga is not valid base64");
  return kompakt;
}

/** Försäkringskassan (LEFI): `inkludera` and the LEFI question; the answer is LEFI JSON in base64. */
export const FK_SEKTION: SsbtSektion<"FK", { inkludera: boolean; fraga?: ForsakringskassanFraga }> = {
  kod: "FK",
  typnamn: "Forsakringskassan",
  typordning: 1,
  lasFraga(e, { ns, path }) {
    const inkludera = readInkludera(e, path);
    const r = new SequenceReader(e, path);
    const f = r.optional(ns, "fraga");
    r.end();
    if (!f) return { inkludera };
    const fp = `${path}/fraga`;
    const fr = new SequenceReader(f, fp);
    const version = fr.optionalText(ns, "version");
    const aktorsid = fr.text(ns, "aktorsid");
    const lefi = fr.text(ns, "lefiJsonFraga");
    fr.end();
    // The shared xsd:base64Binary check, a loop (the regex was a visible share of every composite
    // answer's CPU); contract/xml/base64.test.ts holds it to the regex this used. Base64 from a
    // client seldom has line breaks, and whitespace is no base64 character: the text is checked as
    // it is first, and copied without whitespace only when that fails.
    const lefiJsonFraga = isBase64(lefi) ? lefi : utanBlanktecken(lefi, `${fp}/lefiJsonFraga`);
    return {
      inkludera,
      fraga: version === undefined ? { aktorsid, lefiJsonFraga } : { version, aktorsid, lefiJsonFraga },
    };
  },
  skrivFraga: (p, { ns }) =>
    p.inkludera && p.fraga
      ? [
          el(ns, "fraga", [
            leaf(ns, "version", p.fraga.version),
            el(ns, "aktorsid", [p.fraga.aktorsid]),
            el(ns, "lefiJsonFraga", [p.fraga.lefiJsonFraga]),
          ]),
        ]
      : [],
  schema: ({ t }) => ({
    fraga: [
      complexTyp("ForsakringskassanFraga", [
        { name: "version", type: "xsd:string", min: 0 },
        { name: "aktorsid", type: "xsd:string" },
        { name: "lefiJsonFraga", type: "xsd:base64Binary" },
      ]),
      complexTyp(
        "Forsakringskassan",
        [{ name: "fraga", type: t("ForsakringskassanFraga"), min: 0 }],
        [inkluderaAttribut()],
      ),
    ],
    data: [complexTyp("FkSvarsData", [{ name: "lefiJsonSvar", type: "xsd:base64Binary" }])],
    svar: [svarTyp("ForsakringskassanSvar", t("FkSvarsData"))],
  }),
};

/**
 * Skatteverket: ssbt/10 only `inkludera`; ssbt/11 (and the draft) a question of income years and
 * blocks, and an answer of one part per block.
 */
export const SKV_SEKTION: SsbtSektion<"SKV", { inkludera: boolean; fraga?: SkatteverketFragaV11 }> = {
  kod: "SKV",
  typnamn: "Skatteverket",
  typordning: 7,
  lasFraga(e, k) {
    if (!harSkvV11(k.version)) return lasTom(e, k);
    const { ns, path } = k;
    const inkludera = readInkludera(e, path);
    const r = new SequenceReader(e, path);
    const f = r.optional(ns, "fraga");
    r.end();
    if (!f) return { inkludera };
    const fp = `${path}/fraga`;
    const fr = new SequenceReader(f, fp);
    const ar = fr
      .many(ns, "ar", 1)
      .map((a, i) => readInt(leafText(a, `${fp}/ar[${i + 1}]`), `${fp}/ar[${i + 1}]`));
    const block: Record<string, boolean> = {};
    for (const b of SKV11_BLOCK) block[b] = readBoolean(fr.text(ns, b), `${fp}/${b}`);
    fr.end();
    return { inkludera, fraga: { ar, block } };
  },
  skrivFraga: (p, { ns, version }) => {
    const f = p.fraga;
    return harSkvV11(version) && p.inkludera && f
      ? [
          el(ns, "fraga", [
            f.ar.map((a) => el(ns, "ar", [String(a)])),
            SKV11_BLOCK.filter((b) => f.block[b] !== undefined).map((b) => el(ns, b, [String(f.block[b])])),
          ]),
        ]
      : [];
  },
  schema: ({ version, t }) => ({
    fraga: harSkvV11(version)
      ? [
          complexTyp("SkatteverketFraga", [
            { name: "ar", type: "xsd:int", max: "unbounded" },
            ...SKV11_BLOCK.map((b) => ({ name: b, type: "xsd:boolean" })),
          ]),
          complexTyp(
            "Skatteverket",
            [{ name: "fraga", type: t("SkatteverketFraga"), min: 0 }],
            [inkluderaAttribut()],
          ),
          svarTyp("SkatteverketDelSvar", "xsd:base64Binary"),
          complexTyp("SkatteverketSvar", [
            ...SKV11_BLOCK.map((b) => ({ name: b, type: t("SkatteverketDelSvar"), min: 0 as const })),
            { name: "error", type: t("Error"), min: 0 },
          ]),
        ]
      : [tomTyp("Skatteverket"), svarTyp("SkatteverketSvar", t("AnyData"))],
  }),
  svarIDelar: harSkvV11,
};

/** A-kassornas samorganisation (INT014): `inkludera`, an own period. */
export const SO_SEKTION: SsbtSektion<"SO", MedTidsperiod> = {
  kod: "SO",
  typnamn: "AkassornasSamorganisation",
  typordning: 4,
  lasFraga: lasMedTidsperiod,
  skrivFraga: skrivMedTidsperiod,
  schema: ({ t }) => ({
    fraga: [medTidsperiodTyp("AkassornasSamorganisation")],
    svar: [svarTyp("AkassornasSamorganisationSvar", t("AnyData"))],
  }),
};

/** Transportstyrelsen: `inkludera`, an own period. */
export const TNS_SEKTION: SsbtSektion<"TNS", MedTidsperiod> = {
  kod: "TNS",
  typnamn: "Transportstyrelsen",
  typordning: 5,
  lasFraga: lasMedTidsperiod,
  skrivFraga: skrivMedTidsperiod,
  schema: ({ t }) => ({
    fraga: [medTidsperiodTyp("Transportstyrelsen")],
    svar: [svarTyp("TransportstyrelsenSvar", t("AnyData"))],
  }),
};

/** Migrationsverket: only `inkludera` (the contract gives MIV no period). */
export const MIV_SEKTION: SsbtSektion<"MIV", Specifika> = {
  kod: "MIV",
  typnamn: "Migrationsverket",
  typordning: 6,
  lasFraga: lasTom,
  skrivFraga: skrivTom,
  schema: ({ t }) => ({
    fraga: [tomTyp("Migrationsverket")],
    svar: [svarTyp("MigrationsverketSvar", t("AnyData"))],
  }),
};

/** The sections of ssbt/10 and ssbt/11 (and the draft), in contract order. */
export const SSBT_SEKTIONER = [
  AF_SEKTION,
  CSN_SEKTION,
  FK_SEKTION,
  SKV_SEKTION,
  SO_SEKTION,
  TNS_SEKTION,
  MIV_SEKTION,
] as const;

type Sektionerna = (typeof SSBT_SEKTIONER)[number];

/** The kod of a bastjänst of the contract: "AF", "CSN", "FK", "SKV", "SO", "TNS" or "MIV". */
export type BastjanstKod = Sektionerna["kod"];

/** The bastjänster of the contract, in contract order. */
export const BASTJANSTER: readonly BastjanstKod[] = SSBT_SEKTIONER.map((s) => s.kod);

/** The question part of every section, by kod (`specifikaFrageparametrar`). */
export type SpecifikaFrageparametrar = {
  [S in Sektionerna as S["kod"]]: S extends SsbtSektion<string, infer P> ? P : never;
};
