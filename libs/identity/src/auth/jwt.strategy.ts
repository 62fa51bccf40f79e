import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@app/core';
import { type AuthenticatedUser, type TokenClaims, tokenVerification, toAuthenticatedUser } from './authenticated-user';

/** Bearer tokens: HS256 only, our issuer only, expiry enforced. No statement per request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig) {
    super(tokenVerification(config.auth.jwtSecret, ExtractJwt.fromAuthHeaderAsBearerToken()));
  }

  validate(claims: TokenClaims): AuthenticatedUser {
    return toAuthenticatedUser(claims);
  }
}
