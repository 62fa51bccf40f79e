import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@app/core';
import { renderForbiddenPage, sendPage } from '../staff-pages/staff-page.view';
import { authFailure } from './auth-failure';
import { type TokenClaims, TOKEN_ISSUER } from './authenticated-user';
import { readCookie, SESSION_COOKIE, sessionCookieToken } from './session-cookie';
import { StaffRights } from './staff-rights';

type StaffCheck = { error: null } | { error: DomainError; username?: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this request was addressed to, as a browser on this site would name it. */
function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/** The `Origin` of the request, else the origin of its `Referer`, else null. */
function claimedOrigin(req: Request): string | null {
  const origin = req.get('origin');
  if (origin) return origin;
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * The session cookie of an unsafe request (the dashboard's retry, promote, clean), when the
 * request comes from this origin. Browsers always send `Origin` on such a request; a page of
 * another site cannot forge it, so its forms and fetches are refused (403) even though
 * SameSite=Lax would already keep the cookie off most of them. No Origin and no Referer: refused.
 */
function sameOriginSessionCookie(req: Request): { token: string | null } | { refused: DomainError } {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!token) return { token: null };
  const origin = claimedOrigin(req);
  if (origin !== ownOrigin(req)) {
    const from = origin ?? 'no Origin or Referer';
    return { refused: new DomainError('FORBIDDEN', `Cross-site request refused: ${req.method} from ${from}, not ${ownOrigin(req)}`) };
  }
  return { token };
}

/** What the staff pages check a request with: the token's signature, then staff rights in the database. */
interface StaffPageChecks {
  jwt: JwtService;
  staffRights: StaffRights;
}

function staffPageChecks(app: INestApplication): StaffPageChecks {
  return { jwt: app.get(JwtService, { strict: false }), staffRights: app.get(StaffRights, { strict: false }) };
}

/**
 * A staff user's bearer token or session cookie: on GET any navigation, on unsafe methods only from
 * this origin (a bearer header is never sent by a browser on its own, so it needs no such check).
 * Staff rights are read from the database (one statement), as `StaffGuard` does on staff routes:
 * a demoted user's unexpired token, or session cookie, no longer opens the pages.
 */
async function checkStaff({ jwt, staffRights }: StaffPageChecks, req: Request, allowUnsafeCookie = false): Promise<StaffCheck> {
  const header = req.headers.authorization;
  let token: string | null;
  if (header?.startsWith('Bearer ')) token = header.slice(7);
  else if (allowUnsafeCookie && !SAFE_METHODS.has(req.method)) {
    const cookie = sameOriginSessionCookie(req);
    if ('refused' in cookie) return { error: cookie.refused };
    token = cookie.token;
  } else token = sessionCookieToken(req);
  if (!token) return { error: header ? authFailure(undefined, header) : new DomainError('UNAUTHENTICATED', 'Log in as staff first') };
  let claims: TokenClaims;
  try {
    claims = jwt.verify<TokenClaims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER });
  } catch (error) {
    return { error: authFailure(error, header) };
  }
  if (!(await staffRights.isStaff(claims.sub))) {
    return { error: new DomainError('FORBIDDEN', 'Only staff may do this'), username: claims.username };
  }
  return { error: null };
}

/**
 * A person opening the page in a browser (a GET that prefers HTML and sends no bearer header), as
 * opposed to an API client or the dashboard's own JSON calls, which keep the JSON error shape.
 */
function isBrowserNavigation(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization && req.accepts(['json', 'html']) === 'html';
}

/** Not signed in: to the sign-in form, coming back here after it. Not staff: a page that says so. */
function refuseBrowser(req: Request, res: Response, check: { error: DomainError; username?: string }): void {
  if (check.error.status === 401) return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
  sendPage(res, renderForbiddenPage(check.username ?? '', req.originalUrl));
}

/**
 * A refused call of the dashboard's own script (retry, promote, clean, or a read once the session
 * has expired): the API's error shape plus bull-board's `error` title, which its UI shows as a
 * notification. Without that field the button would fail silently.
 */
function refuseDashboardCall(res: Response, error: DomainError): void {
  const title = error.status === 401 ? 'Not signed in' : 'Not allowed';
  res.status(error.status).json({ statusCode: error.status, code: error.code, message: error.message, error: title });
}

/**
 * Express middleware for staff pages mounted outside Nest's router (the queue dashboard): staff
 * only. A browser is sent to the sign-in form (or shown a 403 page); other callers get the error
 * in the API's shape, through the exception filter (the dashboard's own calls with a title its UI
 * shows). The dashboard's actions (PUT, POST, PATCH) take the session cookie from this origin only.
 */
export function staffPageMiddleware(app: INestApplication): RequestHandler {
  const checks = staffPageChecks(app);
  return (req: Request, res: Response, next: NextFunction) => {
    checkStaff(checks, req, true).then((check) => {
      if (!check.error) return next();
      if (isBrowserNavigation(req)) return refuseBrowser(req, res, check);
      if (req.path.startsWith('/api/')) return refuseDashboardCall(res, check.error);
      return next(check.error);
    }, next);
  };
}

/**
 * For staff pages served by Nest routes (the release sheet): sends a browser that may not see the
 * page to the sign-in form or a 403 page; lets every other request through to the route, whose
 * guards answer API clients in JSON.
 */
export function staffPageBrowserGate(app: INestApplication): RequestHandler {
  const checks = staffPageChecks(app);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isBrowserNavigation(req)) return next();
    checkStaff(checks, req).then((check) => (check.error ? refuseBrowser(req, res, check) : next()), next);
  };
}
