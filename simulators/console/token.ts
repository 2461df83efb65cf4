import type { SimRequest } from "../endpoint.js";

/** The cookie the console keeps the admin token in (HttpOnly: no script on the page can read it). */
export const TOKEN_COOKIE = "ssbtek_admin_token";

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/**
 * A browser cannot put a header on a page load or a `<script src>`: the console's token arrives as
 * `GET /__console?token=…` (once; the page answers with a cookie and a redirect that drops it from
 * the address bar) and then as the {@link TOKEN_COOKIE} cookie. This turns either into the
 * `Authorization: Bearer` header the admin guard checks, so the console passes the one guard like
 * every other admin call. A request that already carries an Authorization header is left as is.
 *
 * @example
 * const guard = adminGuard(policy);
 * guardOperatorPaths(chain.endpoint, (r) => guard(konsolensToken(r)));
 */
export function konsolensToken(request: SimRequest): SimRequest {
  if (request.headers.authorization !== undefined) return request;
  const franCookie = cookie(request.headers.cookie, TOKEN_COOKIE);
  const franAdress =
    request.method === "GET" && (request.path === "/__console" || request.path === "/__console/")
      ? (new URLSearchParams(request.query).get("token") ?? undefined)
      : undefined;
  const token = franAdress ?? franCookie;
  if (!token) return request;
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}

/**
 * The answer to `GET /__console?token=…` (reached only when the guard accepted the token): the
 * token goes into an HttpOnly, SameSite=Strict cookie and the page is loaded again without it.
 */
export function tokenSvar(token: string): Response {
  return new Response(null, {
    status: 303,
    headers: {
      Location: "/__console",
      "Set-Cookie": `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      "Cache-Control": "no-store",
    },
  });
}
