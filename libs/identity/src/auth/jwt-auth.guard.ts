import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC, TOKEN_OPTIONAL } from '@app/core';
import { authFailure } from './auth-failure';
import { ACCEPTS_SESSION_COOKIE } from './auth.decorators';
import { SESSION_COOKIE_STRATEGY } from './session-cookie-jwt.strategy';

function toUser<TUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
  if (error || !user) throw authFailure(error ?? info, context.switchToHttp().getRequest<Request>().headers.authorization);
  return user;
}

/** Bearer header or session cookie, for the routes marked `@AcceptsSessionCookie()`. */
class SessionCookieAuthGuard extends AuthGuard(SESSION_COOKIE_STRATEGY) {
  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    return toUser(error, user, info, context);
  }
}

/**
 * On for every route unless `@Public()`: a valid bearer token, else 401 `UNAUTHENTICATED` (or
 * `TOKEN_EXPIRED`, see `authFailure`). A public route marked `@TokenOptional()` checks a token when one is sent.
 * Routes marked `@AcceptsSessionCookie()` also take the login's session cookie on GET.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly sessionCookieGuard = new SessionCookieAuthGuard();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      const tokenSent = context.switchToHttp().getRequest<Request>().headers.authorization !== undefined;
      return tokenSent && this.reflector.getAllAndOverride<boolean>(TOKEN_OPTIONAL, targets) ? super.canActivate(context) : true;
    }
    if (this.reflector.getAllAndOverride<boolean>(ACCEPTS_SESSION_COOKIE, targets)) return this.sessionCookieGuard.canActivate(context);
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    return toUser(error, user, info, context);
  }
}
