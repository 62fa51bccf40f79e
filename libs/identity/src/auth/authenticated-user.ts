import type { JwtFromRequestFunction, StrategyOptionsWithoutRequest } from 'passport-jwt';

/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  id: number;
  username: string;
  isStaff: boolean;
}

/** The claims this service signs. */
export interface TokenClaims {
  sub: number;
  username: string;
  staff: boolean;
}

export const TOKEN_ISSUER = 'gym-platform';

/** How every reader of our tokens verifies them: HS256 only, our issuer only, expiry enforced. */
export function tokenVerification(secret: string, jwtFromRequest: JwtFromRequestFunction): StrategyOptionsWithoutRequest {
  return { jwtFromRequest, secretOrKey: secret, algorithms: ['HS256'], issuer: TOKEN_ISSUER, ignoreExpiration: false };
}

export function toAuthenticatedUser(claims: TokenClaims): AuthenticatedUser {
  return { id: claims.sub, username: claims.username, isStaff: claims.staff === true };
}
