import { createSecretKey } from 'node:crypto';
import type { JwtFromRequestFunction, StrategyOptionsWithoutRequest } from 'passport-jwt';

/** Who is calling, as the bearer token says. */
export interface AuthenticatedUser {
  id: number;
  username: string;
  isStaff: boolean;
  /** When the token was issued, in seconds: a token issued before its account was deactivated is refused. */
  issuedAt?: number;
}

/** The claims this service signs. */
export interface TokenClaims {
  sub: number;
  username: string;
  staff: boolean;
  /** Issued at, in seconds (jsonwebtoken stamps it); compared with the account's deactivation. */
  iat?: number;
}

export const TOKEN_ISSUER = 'gym-platform';

/**
 * How every reader of our tokens verifies them: HS256 only, our issuer only, expiry enforced.
 * The secret is handed over as a ready KeyObject: given a string, jsonwebtoken first tries to parse
 * it as a public key on every request and builds the secret key from the thrown error, which was
 * 9% of the API CPU time under load (docs/performance.md).
 */
export function tokenVerification(secret: string, jwtFromRequest: JwtFromRequestFunction): StrategyOptionsWithoutRequest {
  // jsonwebtoken accepts a KeyObject; passport-jwt's types only name string and Buffer
  const secretOrKey = createSecretKey(Buffer.from(secret)) as unknown as Buffer;
  return { jwtFromRequest, secretOrKey, algorithms: ['HS256'], issuer: TOKEN_ISSUER, ignoreExpiration: false };
}

export function toAuthenticatedUser(claims: TokenClaims): AuthenticatedUser {
  return { id: claims.sub, username: claims.username, isStaff: claims.staff === true, issuedAt: claims.iat };
}
