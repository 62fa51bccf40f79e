import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@app/core';
import { type AuthenticatedUser, type TokenClaims, TOKEN_ISSUER } from './authenticated-user';

/** Bearer tokens: HS256 only, our issuer only, expiry enforced. No statement per request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      ignoreExpiration: false,
    });
  }

  validate(claims: TokenClaims): AuthenticatedUser {
    return { id: claims.sub, username: claims.username, isStaff: claims.staff === true };
  }
}
