import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC, UnauthenticatedError } from '@app/core';

/** On for every route unless `@Public()`: a valid bearer token, else 401 `UNAUTHENTICATED`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error || !user) {
      const reason = info instanceof Error ? info.message : 'a bearer token is required';
      throw new UnauthenticatedError('UNAUTHENTICATED', `Authentication failed: ${reason}`);
    }
    return user;
  }
}
