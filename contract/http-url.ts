import { HarnessError } from "./errors.js";

/**
 * Reads a URL the user gave (a flag or an option) that must be http(s). Both failures are
 * `BAD_OPTION`: `ogiltig` is the whole message for text that is no URL (it should say what to
 * pass instead); a URL with another scheme gets "`namn` must be http(s), not `ftp:`".
 *
 * @example
 * parseHttpUrl("ftp://x", "The --url", 'Invalid --url "ftp://x": pass e.g. http://127.0.0.1:8080/ssbtek.')
 * // throws HarnessError BAD_OPTION "The --url must be http(s), not ftp:"
 */
export function parseHttpUrl(text: string, namn: string, ogiltig: string): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new HarnessError("BAD_OPTION", ogiltig);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new HarnessError("BAD_OPTION", `${namn} must be http(s), not ${u.protocol}`);
  return u;
}
