import type { CookieOptions, Request } from 'express';

/**
 * The login (`POST /auth/login` or the `/login` form) also sets the token as an HttpOnly cookie,
 * for pages a browser opens by navigation (it cannot add a bearer header then). The cookie is sent
 * only below the paths of those pages (one cookie per path: the printable release sheet and the
 * queue dashboard), never to scripts (HttpOnly), and from another site only on a top-level GET
 * navigation (SameSite=Lax: a report link opened from mail or chat works; a cross-site form or
 * fetch goes without it). A route accepts it only when marked `@AcceptsSessionCookie()`, and only
 * for GET; the dashboard's middleware also takes it on unsafe methods from its own origin.
 */
export const SESSION_COOKIE = 'access_token';
export const SESSION_COOKIE_PATHS = ['/release', '/admin/queues'] as const;
export const SESSION_COOKIE_PATH = SESSION_COOKIE_PATHS[0];

/** `secure` follows the request: a cookie marked Secure is never sent back over plain http. */
export function sessionCookieOptions(maxAgeSeconds: number, secure: boolean, path: string = SESSION_COOKIE_PATH): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path, maxAge: maxAgeSeconds * 1000, secure };
}

/**
 * Browser apps (the staff console) may ask login to put the refresh token in this cookie instead
 * of the answer (`refreshTokenIn: "cookie"`), so that no page script ever holds it: HttpOnly, sent
 * only to `/auth/*` (refresh and logout), and never from another site (SameSite=Strict: a
 * cross-site form or fetch cannot spend it). It lives as long as the token (REFRESH_TOKEN_DAYS).
 */
export const REFRESH_COOKIE = 'refresh_token';
export const REFRESH_COOKIE_PATH = '/auth';

export function refreshCookieOptions(maxAgeSeconds: number, secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, maxAge: maxAgeSeconds * 1000, secure };
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index > 0 && pair.slice(0, index).trim() === name) {
      const value = pair.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** passport-jwt extractor: the session cookie of a GET request, else nothing. */
export function sessionCookieToken(request: Request): string | null {
  return request.method === 'GET' ? readCookie(request.headers.cookie, SESSION_COOKIE) : null;
}
