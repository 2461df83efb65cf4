import { HarnessError, isHarnessError } from "../../../contract/errors.js";
import {
  decodeLefiFelsvar,
  decodeLefiSvar,
  encodeLefiFraga,
  LEFI_JSON_CONTENT_TYPE,
  LEFI_VERSION,
  lefiFragaPath,
  lefiJsonFranBase64,
  lefiJsonTillBase64,
} from "../../../contract/fk/codec.js";
import {
  LEFI_EXTERN_FORMAN_GRUPP_KODER,
  LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER,
  LEFI_FK_FORMAN_GRUPP_KODER,
  LEFI_PM_FORMAN_GRUPP_KODER,
  type LefiExternFormansinformationFraga,
} from "../../../contract/fk/model.js";
import { maskeraText } from "../../../contract/personidentitet.js";
import { SSBT_FELKOD } from "../../../contract/ssbt/felkoder.js";
import type { Sektion, SsbtError, SsbtFraga, Tidsperiod } from "../../../contract/ssbt/model.js";
import { el } from "../../../contract/xml/node.js";
import type { BastjanstKlient, BastjanstSvar, Begaran, KontraktInfo } from "../../bastjanst.js";

/**
 * A LEFI v9 question asking for everything a question can name: every förmånsgrupp in every
 * information class and every type of övrig information. Schema-valid (FK codes only in
 * `formansinformation`, PM codes only in `ansprak`/`beslut`). `urval` narrows it.
 *
 * @example
 * lefiFraga("200304129810", { fromDatum: "2026-09-21", tomDatum: "2026-11-20" }).formansinformation?.length // 27
 */
export function lefiFraga(
  personidentitet: string,
  period: Tidsperiod,
  urval: Partial<Omit<LefiExternFormansinformationFraga, "personnummer" | "period">> = {},
): LefiExternFormansinformationFraga {
  return {
    personnummer: personidentitet,
    period: { from: period.fromDatum, tom: period.tomDatum },
    formansinformation: [...LEFI_FK_FORMAN_GRUPP_KODER],
    ansprak: [...LEFI_PM_FORMAN_GRUPP_KODER],
    beslut: [...LEFI_PM_FORMAN_GRUPP_KODER],
    preliminaraUtbetalningar: [...LEFI_EXTERN_FORMAN_GRUPP_KODER],
    utbetalningar: [...LEFI_EXTERN_FORMAN_GRUPP_KODER],
    ovrigInformation: [...LEFI_EXTERN_OVRIG_INFORMATION_TYP_KODER],
    ...urval,
  };
}

/** The LEFI aktör a municipality's question names by default (the reference client's). */
export const LEFI_AKTORSID = "026-51";

/**
 * The `lefiJsonFraga` value (base64 of the JSON) for {@link lefiFraga}.
 *
 * @example
 * fraga.specifikaFrageparametrar.FK = { inkludera: true, fraga: { version: "v9", aktorsid: "026-51", lefiJsonFraga: lefiFragaBase64(pid, period) } };
 */
export function lefiFragaBase64(
  personidentitet: string,
  period: Tidsperiod,
  urval: Partial<Omit<LefiExternFormansinformationFraga, "personnummer" | "period">> = {},
): string {
  return lefiJsonTillBase64(encodeLefiFraga(lefiFraga(personidentitet, period, urval)));
}

function ssbtFel(...felmeddelande: string[]): SsbtError {
  return {
    kalla: "SSBT",
    felkod: SSBT_FELKOD.FELAKTIG_DELFRAGA,
    felmeddelande: felmeddelande.map(maskeraText),
  };
}

function btFel(felkod: string, ...felmeddelande: string[]): Sektion {
  return { error: { kalla: "BT", felkod, felmeddelande: felmeddelande.map(maskeraText) } };
}

/**
 * SSBT's own checks before calling LEFI (as the ssbt XSD documents them): FK included without a
 * `fraga`, an empty `aktorsid`, a `version` other than v9 (not existing or not implemented), or a
 * `lefiJsonFraga` that is not base64 of JSON give a section error with kalla SSBT, and LEFI is
 * not called.
 *
 * @example
 * fkForkontroll(fragaMedVersion("v8"))?.felkod // "SSBT-2003"
 */
// The LEFI question the check decoded and parsed last, for the request built right after it (a
// question with other base64 text is decoded again; adding a property to the question cost more).
let senastBase64 = "";
let senastJson = "";
let senastVarde: unknown;

export function fkForkontroll(fraga: SsbtFraga): SsbtError | undefined {
  const fk = fraga.specifikaFrageparametrar.FK;
  if (!fk.inkludera) return undefined;
  if (!fk.fraga)
    return ssbtFel("FK ingår i frågan men elementet fraga (version, aktorsid, lefiJsonFraga) saknas.");
  // An empty <version/> counts as absent: LEFI v9.
  const version = fk.fraga.version?.trim() || LEFI_VERSION;
  if (version !== LEFI_VERSION)
    return ssbtFel(
      `LEFI-versionen ${JSON.stringify(version.slice(0, 20))} finns inte eller är inte implementerad i integrationen.`,
      `Ange ${LEFI_VERSION} eller utelämna version.`,
    );
  if (fk.fraga.aktorsid.trim() === "") return ssbtFel("aktorsid saknas i frågan till Försäkringskassan.");
  try {
    const json = lefiJsonFranBase64(fk.fraga.lefiJsonFraga);
    const varde: unknown = JSON.parse(json);
    senastBase64 = fk.fraga.lefiJsonFraga;
    senastJson = json;
    senastVarde = varde;
  } catch {
    return ssbtFel("lefiJsonFraga är inte base64-kodad JSON och kan inte skickas till LEFI.");
  }
  return undefined;
}

/**
 * The HTTP request SSBT sends to LEFI: `POST {endpoint}/lefi-extern-formansinformation/{version}/aktorer/{aktorsid}/formansinformation/fraga`
 * with the decoded `lefiJsonFraga` as the JSON body, byte for byte. Call {@link fkForkontroll} first.
 *
 * @example
 * const req = fkBegaran(fraga, "http://127.0.0.1:8080/fk");
 */
export function fkBegaran(fraga: SsbtFraga, endpoint: string): Begaran {
  const fk = fraga.specifikaFrageparametrar.FK.fraga;
  if (!fk)
    throw new HarnessError(
      "FK_FRAGA_SAKNAS",
      "Cannot build the LEFI request: the question has no FK fraga. Run forkontroll first.",
    );
  const version = fk.version?.trim() || LEFI_VERSION;
  const url = `${endpoint.replace(/\/+$/, "")}${lefiFragaPath(version, fk.aktorsid)}`;
  const headers = { "Content-Type": LEFI_JSON_CONTENT_TYPE, Accept: LEFI_JSON_CONTENT_TYPE };
  if (fk.lefiJsonFraga !== senastBase64)
    return { method: "POST", url, headers, body: lefiJsonFranBase64(fk.lefiJsonFraga) };
  // In-process, LEFI takes the value the check parsed (and still checks it against its schema).
  return {
    method: "POST",
    url,
    headers,
    body: senastJson,
    parsedJson: { text: senastJson, value: senastVarde },
  };
}

/** The answer's media type, for the message about a broken answer (read only then). */
function medietyp(svar: BastjanstSvar): string {
  return svar.headers.get("content-type") || "ingen Content-Type";
}

/**
 * Reads LEFI's answer into the FK section. 200 with a valid `LefiExternFormansinformationSvar` →
 * `data` = `<lefiJsonSvar>` with the base64 of the answer bytes. A `LefiFelsvar` error (400, 403,
 * 404, 415, 500 …) → `error` kalla BT with the HTTP status as felkod and LEFI's meddelande. Anything
 * else (HTML error page, not JSON, JSON that breaks the contract, unreadable body) → `error` kalla BT
 * with felkod `MALFORMED` (status 200) or `HTTP_<status>`. Never throws.
 *
 * @example
 * const sektion = await fkTolka(await fetch(fkBegaran(fraga, url)), kontrakt);
 */
export async function fkTolka(svar: BastjanstSvar, kontrakt: KontraktInfo): Promise<Sektion> {
  let text: string;
  try {
    text = await svar.text();
  } catch {
    return btFel(
      svar.status === 200 ? "MALFORMED" : `HTTP_${svar.status}`,
      "Svaret från LEFI kunde inte läsas.",
    );
  }
  if (svar.status === 200) {
    try {
      // In-process, LEFI hands over the value it encoded (checked by its own codec): no need to
      // parse and check it again.
      if (svar.parsedJson === undefined) decodeLefiSvar(text);
    } catch (e) {
      const vad = isHarnessError(e) ? e.message : "okänt fel";
      return btFel(
        "MALFORMED",
        `LEFI svarade 200 men svaret följer inte LefiExternFormansinformationSvar (${medietyp(svar)}).`,
        vad,
      );
    }
    return { data: [el(kontrakt.ns, "lefiJsonSvar", [lefiJsonTillBase64(text)])] };
  }
  try {
    const felsvar = decodeLefiFelsvar(text);
    return btFel(
      String(svar.status),
      felsvar.meddelande ?? `LEFI svarade HTTP ${svar.status} utan meddelande.`,
    );
  } catch {
    return btFel(
      `HTTP_${svar.status}`,
      `LEFI svarade HTTP ${svar.status} utan LEFI:s felformat (${medietyp(svar)}).`,
    );
  }
}

/** How SSBT talks to LEFI. */
export const fkKlient: BastjanstKlient = {
  forkontroll: (fraga) => fkForkontroll(fraga),
  begaran: (fraga, endpoint) => fkBegaran(fraga, endpoint),
  tolka: (svar, _fraga, kontrakt) => fkTolka(svar, kontrakt),
};
