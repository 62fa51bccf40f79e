import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type DomainError, ForbiddenError, UnauthenticatedError } from '@app/core';
import { sendPage } from '../staff-pages/login-page.controller';
import { renderForbiddenPage } from '../staff-pages/staff-page.view';
import { type TokenClaims, TOKEN_ISSUER } from './authenticated-user';
import { sessionCookieToken } from './session-cookie';

type StaffCheck = { error: null } | { error: DomainError; username?: string };

/** A bearer token or, on GET, the login's session cookie, of a staff user. */
function checkStaff(jwt: JwtService, req: Request): StaffCheck {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7) : sessionCookieToken(req);
  if (!token) return { error: new UnauthenticatedError('UNAUTHENTICATED', 'Log in as staff first') };
  let claims: TokenClaims;
  try {
    claims = jwt.verify<TokenClaims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER });
  } catch {
    return { error: new UnauthenticatedError('UNAUTHENTICATED', 'The token is invalid or expired') };
  }
  if (claims.staff !== true) return { error: new ForbiddenError('FORBIDDEN', 'Only staff may do this'), username: claims.username };
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
 * Express middleware for staff pages mounted outside Nest's router (the queue dashboard): staff
 * only. A browser is sent to the sign-in form (or shown a 403 page); other callers get the error
 * in the API's shape, through the exception filter.
 */
export function staffPageMiddleware(app: INestApplication): RequestHandler {
  const jwt = app.get(JwtService, { strict: false });
  return (req: Request, res: Response, next: NextFunction) => {
    const check = checkStaff(jwt, req);
    if (!check.error) return next();
    if (isBrowserNavigation(req)) return refuseBrowser(req, res, check);
    return next(check.error);
  };
}

/**
 * For staff pages served by Nest routes (the release sheet): sends a browser that may not see the
 * page to the sign-in form or a 403 page; lets every other request through to the route, whose
 * guards answer API clients in JSON.
 */
export function staffPageBrowserGate(app: INestApplication): RequestHandler {
  const jwt = app.get(JwtService, { strict: false });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isBrowserNavigation(req)) return next();
    const check = checkStaff(jwt, req);
    return check.error ? refuseBrowser(req, res, check) : next();
  };
}
