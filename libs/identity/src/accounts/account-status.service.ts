import { Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { AuditLog } from '../audit/audit-log';
import { RefreshTokenService } from '../auth/refresh-tokens/refresh-token.service';
import { type AccountStatusChanges, User } from '../entities/user.entity';
import { LastStaffError } from '../identity.errors';
import { DeactivatedAccounts } from './deactivated-accounts';

/** Every active staff member, locked: the rows of `user_is_staff_is_active_index` (and its gap), not the table. */
const LOCK_ACTIVE_STAFF = 'select id from `user` where is_staff = 1 and is_active = 1 for update';

/**
 * Staff change an account's rights (`PATCH /users/:id`): promote or demote, deactivate or
 * reactivate. One transaction per change, in this lock order: the active staff rows (only when the
 * change can take someone out of them), then the account. Two staff demoting each other at once
 * therefore queue on the first lock, and the second sees the first's commit: one of them is
 * refused with `LAST_STAFF` instead of both succeeding and leaving the gym without staff.
 *
 * A deactivation revokes the account's refresh tokens in the same transaction and adds it to the
 * Redis denylist before the commit (removed again if the commit fails), so its access tokens stop
 * working with the next request; a reactivation removes the entry after the commit.
 */
@Injectable()
export class AccountStatusService {
  private readonly logger = new Logger(AccountStatusService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly refreshTokens: RefreshTokenService,
    private readonly deactivated: DeactivatedAccounts,
  ) {}

  async change(actorId: number, userId: number, changes: AccountStatusChanges): Promise<User> {
    let denylisted = false;
    let result: { user: User; reactivated: boolean };
    try {
      result = await inTransaction(this.em, async (tx) => {
        const change = await this.apply(tx, actorId, userId, changes);
        if (change.deactivated) {
          await this.deactivated.add(userId);
          denylisted = true;
        }
        return change;
      });
    } catch (error) {
      if (denylisted)
        await this.deactivated.remove(userId).catch((e: Error) => this.logger.warn(`denylist entry of user ${userId} left: ${e.message}`));
      throw error;
    }
    if (result.reactivated) {
      // best effort: a left-over entry only refuses tokens issued before the deactivation, not new logins
      await this.deactivated.remove(userId).catch((e: Error) => this.logger.warn(`denylist entry of user ${userId} left: ${e.message}`));
    }
    return result.user;
  }

  private async apply(
    tx: EntityManager,
    actorId: number,
    userId: number,
    changes: AccountStatusChanges,
  ): Promise<{ user: User; deactivated: boolean; reactivated: boolean }> {
    const canRemoveStaff = changes.isStaff === false || changes.isActive === false;
    const activeStaff = canRemoveStaff ? (await tx.execute<{ id: number }[]>(LOCK_ACTIVE_STAFF)).map((row) => row.id) : [];
    const user = await tx.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['image'] });
    if (!user) throw new NotFoundError('User', userId);
    const wasActiveStaff = user.isActiveStaff;
    const wasActive = user.isActive;
    const { before, after } = user.changeStatus(changes);
    if (wasActiveStaff && !user.isActiveStaff && !activeStaff.some((id) => id !== userId)) throw new LastStaffError();
    if (Object.keys(after).length === 0) return { user, deactivated: false, reactivated: false };
    this.audit.record(tx, actorId, { action: 'user.update', entity: 'user', entityId: userId, before, after, reason: null });
    const deactivated = wasActive && !user.isActive;
    if (deactivated) await this.refreshTokens.revokeAllOf(tx, userId);
    return { user, deactivated, reactivated: !wasActive && user.isActive };
  }
}
