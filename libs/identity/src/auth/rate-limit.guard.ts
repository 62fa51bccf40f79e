import { applyDecorators, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { TooManyRequestsError } from '@app/core';
import { RATE_LIMIT_KEY_PREFIX } from './rate-limit.storage';

/** The actions with a limit of their own; each has its throttlers in `IdentityApiModule`. */
export type RateLimitedAction = 'login' | 'signup';

const RATE_LIMITED_ACTION = 'identity:rate-limited-action';

const REFUSAL: Record<RateLimitedAction, string> = {
  login: 'Too many login attempts',
  signup: 'Too many sign-ups from this address',
};

/** The action a route is limited as, for the throttlers' `skipIf`: each counts only its own routes. */
export function rateLimitedAction(context: ExecutionContext): RateLimitedAction | undefined {
  return Reflect.getMetadata(RATE_LIMITED_ACTION, context.getHandler()) as RateLimitedAction | undefined;
}

/**
 * Counts the requests of a route against the limits of `action`; past one: 429
 * `TOO_MANY_REQUESTS` with `Retry-After`. Counters live in Redis (`RateLimitStorage`), shared by
 * every API process, one set per action, not per route: the API's `POST /auth/login` and the staff pages' `POST /login` form count
 * together, so a guesser gains nothing by alternating between them.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return `${RATE_LIMIT_KEY_PREFIX}${rateLimitedAction(context) ?? 'route'}:${name}:${suffix}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new TooManyRequestsError(`${REFUSAL[rateLimitedAction(context) ?? 'login']}; try again in ${seconds} s`, seconds);
  }
}

/**
 * Limits the route as `action`. Put it below the route's other `@UseGuards`: guards run in the
 * order their decorators are applied, bottom first, and the limit must count an attempt before
 * a credentials check can refuse it.
 */
export const RateLimited = (action: RateLimitedAction): MethodDecorator =>
  applyDecorators(SetMetadata(RATE_LIMITED_ACTION, action), UseGuards(RateLimitGuard));
