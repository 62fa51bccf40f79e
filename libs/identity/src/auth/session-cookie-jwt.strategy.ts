import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@app/core';
import { type AuthenticatedUser, type TokenClaims, tokenVerification, toAuthenticatedUser } from './authenticated-user';
import { sessionCookieToken } from './session-cookie';

export const SESSION_COOKIE_STRATEGY = 'jwt-session-cookie';

/**
 * The same tokens as `JwtStrategy`, read from the bearer header or else the session cookie.
 * Used only on routes marked `@AcceptsSessionCookie()` (see `JwtAuthGuard`).
 */
@Injectable()
export class SessionCookieJwtStrategy extends PassportStrategy(Strategy, SESSION_COOKIE_STRATEGY) {
  constructor(config: AppConfig) {
    super(
      tokenVerification(config.auth.jwtSecret, ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), sessionCookieToken])),
    );
  }

  validate(claims: TokenClaims): AuthenticatedUser {
    return toAuthenticatedUser(claims);
  }
}
