import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/core';
import { STAFF_ONLY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';

/** Runs after the JWT guard: routes marked `@StaffOnly()` refuse non-staff with 403. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const staffOnly = this.reflector.getAllAndOverride<boolean>(STAFF_ONLY, [context.getHandler(), context.getClass()]);
    if (!staffOnly) return true;
    const user = context.switchToHttp().getRequest<Request>().user as AuthenticatedUser | undefined;
    if (!user?.isStaff) throw new DomainError('FORBIDDEN', 'Only staff may do this');
    return true;
  }
}
