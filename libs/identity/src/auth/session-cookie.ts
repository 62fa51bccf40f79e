import type { CookieOptions, Request } from 'express';

/**
 * The login also sets the token as an HttpOnly cookie, for pages a browser opens by navigation
 * (it cannot add a bearer header then). The cookie is sent only below the paths of those pages
 * (one cookie per path: the printable release sheet and the queue dashboard), never to another
 * site (SameSite=Strict), never to scripts (HttpOnly), and a route accepts it only when marked
 * `@AcceptsSessionCookie()` (or, for the dashboard, by its own middleware), and only for GET.
 */
export const SESSION_COOKIE = 'access_token';
export const SESSION_COOKIE_PATHS = ['/release', '/admin/queues'] as const;
export const SESSION_COOKIE_PATH = SESSION_COOKIE_PATHS[0];

export function sessionCookieOptions(maxAgeSeconds: number, secure: boolean, path: string = SESSION_COOKIE_PATH): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path, maxAge: maxAgeSeconds * 1000, secure };
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
