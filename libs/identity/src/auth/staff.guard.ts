import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/core';
import { STAFF_ONLY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { StaffRights } from './staff-rights';

/**
 * Runs after the JWT guard: routes marked `@StaffOnly()` refuse non-staff with 403. Staff rights
 * are read from the database (one statement), whatever the token's `staff` claim says, so a
 * demotion takes effect at once and a promotion does not wait for a new token.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly staffRights: StaffRights,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const staffOnly = this.reflector.getAllAndOverride<boolean>(STAFF_ONLY, [context.getHandler(), context.getClass()]);
    if (!staffOnly) return true;
    const user = context.switchToHttp().getRequest<Request>().user as AuthenticatedUser | undefined;
    if (!user || !(await this.staffRights.isStaff(user.id))) throw new DomainError('FORBIDDEN', 'Only staff may do this');
    user.isStaff = true;
    return true;
  }
}
