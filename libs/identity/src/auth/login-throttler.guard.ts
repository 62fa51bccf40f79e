import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { TooManyRequestsError } from '@app/core';

/**
 * Limits login attempts per client address and per (client, username) pair (see
 * `IdentityApiModule`); past the limit: 429 `TOO_MANY_REQUESTS` with `Retry-After`.
 * Counters live in the API process's memory, and are shared by every route this guard is on (the
 * API's `POST /auth/login` and the staff pages' `POST /login` form): a guesser gains nothing by
 * alternating between them.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, suffix: string, name: string): string {
    return `login:${name}:${suffix}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new TooManyRequestsError(`Too many login attempts; try again in ${seconds} s`, seconds);
  }
}
