import { DomainError } from '@app/core';

const BEARER = /^Bearer\s/i;

/**
 * Why a request could not be authenticated, in the project's words: passport-jwt hands over
 * jsonwebtoken's errors (`jwt malformed`, `invalid signature`, `No auth token`), which are never
 * shown. An expired token is `TOKEN_EXPIRED`, so a client knows to log in again rather than fix a bug.
 */
export function authFailure(reason: unknown, authorization: string | undefined): DomainError {
  if ((reason as { name?: unknown } | null)?.name === 'TokenExpiredError') return new DomainError('TOKEN_EXPIRED');
  if (authorization !== undefined && authorization.trim() !== '' && !BEARER.test(authorization)) {
    const scheme = authorization.trim().split(/\s+/)[0];
    return new DomainError('UNAUTHENTICATED', `The Authorization header uses the "${scheme}" scheme; send Authorization: Bearer <token>`);
  }
  if (reason instanceof Error && reason.message === 'No auth token') return new DomainError('UNAUTHENTICATED');
  return new DomainError('UNAUTHENTICATED', 'The bearer token is not valid: log in again to get a new one');
}
