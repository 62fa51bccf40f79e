import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@app/core';
import { type TokenClaims, TOKEN_ISSUER } from './authenticated-user';
import { authFailure } from './auth-failure';
import { sessionCookieToken } from './session-cookie';

/**
 * Express middleware for staff pages mounted outside Nest's router (the queue dashboard): a bearer
 * token or, on GET, the login's session cookie; staff only. Errors go to the exception filter.
 */
export function staffPageMiddleware(app: INestApplication): RequestHandler {
  const jwt = app.get(JwtService, { strict: false });
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : sessionCookieToken(req);
    if (!token) return next(header ? authFailure(undefined, header) : new DomainError('UNAUTHENTICATED', 'Log in as staff first'));
    let claims: TokenClaims;
    try {
      claims = jwt.verify<TokenClaims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER });
    } catch (error) {
      return next(authFailure(error, header));
    }
    if (claims.staff !== true) return next(new DomainError('FORBIDDEN', 'Only staff may do this'));
    return next();
  };
}
