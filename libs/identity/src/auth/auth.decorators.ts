import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user';

export const STAFF_ONLY = 'auth:staffOnly';

/** Only staff users may call the route (403 `FORBIDDEN` for others). */
export const StaffOnly = (): MethodDecorator & ClassDecorator => SetMetadata(STAFF_ONLY, true);

/** The authenticated caller. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest<Request>().user as AuthenticatedUser,
);

/** The caller on a `'token optional'` route: null when they sent no token. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | null =>
    (context.switchToHttp().getRequest<Request>().user as AuthenticatedUser | undefined) ?? null,
);

export const ACCEPTS_SESSION_COOKIE = 'auth:acceptsSessionCookie';

/**
 * A page a browser opens by navigation (no bearer header then): the route also accepts the
 * login's HttpOnly session cookie, for GET only. Keep it to read-only pages.
 */
export const AcceptsSessionCookie = (): MethodDecorator => SetMetadata(ACCEPTS_SESSION_COOKIE, true);
