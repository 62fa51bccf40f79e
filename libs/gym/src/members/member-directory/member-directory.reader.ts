import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import type { Page } from '@app/core';
import { Credit } from '../../credits/credit.entity';
import { GymCalendar } from '../../gym-calendar';
import { type DirectoryUser, type MemberDirectoryFilter, readMemberDirectory } from './member-directory.query';

export interface DirectoryMember extends DirectoryUser {
  balance: number;
}

/**
 * The member directory of the staff console (`GET /users`): users from identity's table, balances
 * from the gym's ledger, two statements per page whatever its size (the users, then the balances
 * of all of them at once). It lives in the gym library because identity must not know the ledger.
 */
@Injectable()
export class MemberDirectoryReader {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
  ) {}

  async page(filter: MemberDirectoryFilter): Promise<Page<DirectoryMember>> {
    const users = await readMemberDirectory(this.em, filter);
    const balances = await this.em.getRepository(Credit).balancesOf(
      users.items.map((user) => user.id),
      this.calendar.today(),
    );
    return { items: users.items.map((user) => ({ ...user, balance: balances.get(user.id) ?? 0 })), nextCursor: users.nextCursor };
  }
}
