import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC, TOKEN_OPTIONAL } from '@app/core';
import { DeactivatedAccounts } from '../accounts/deactivated-accounts';
import { AccountDisabledError } from '../identity.errors';
import { authFailure } from './auth-failure';
import type { AuthenticatedUser } from './authenticated-user';
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
 * `TOKEN_EXPIRED`, see `authFailure`), of an account not deactivated since (else `ACCOUNT_DISABLED`). A public route marked `@TokenOptional()` checks a token when one is sent.
 * Routes marked `@AcceptsSessionCookie()` also take the login's session cookie on GET.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly sessionCookieGuard = new SessionCookieAuthGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly deactivated: DeactivatedAccounts,
  ) {
    super();
  }

  /**
   * The token's signature and expiry (passport), then whether its account was deactivated since it
   * was issued: one Redis call (`DeactivatedAccounts`), made here and not in the strategy because
   * passport keeps one strategy per name for the whole process, whichever app registered it last.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!(await this.verifyToken(context, request))) return false;
    const user = request.user as AuthenticatedUser | undefined;
    if (user && !(await this.deactivated.admits(user.id, user.issuedAt))) throw new AccountDisabledError();
    return true;
  }

  private async verifyToken(context: ExecutionContext, request: Request): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      const tokenSent = request.headers.authorization !== undefined;
      return tokenSent && this.reflector.getAllAndOverride<boolean>(TOKEN_OPTIONAL, targets)
        ? (super.canActivate(context) as Promise<boolean>)
        : true;
    }
    if (this.reflector.getAllAndOverride<boolean>(ACCEPTS_SESSION_COOKIE, targets)) {
      return this.sessionCookieGuard.canActivate(context) as Promise<boolean>;
    }
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    return toUser(error, user, info, context);
  }
}
