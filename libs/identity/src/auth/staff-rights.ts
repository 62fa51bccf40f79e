import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { executePrepared } from '@app/core';

const IS_STAFF = 'select is_staff and is_active as isStaff from `user` where id = ?';

/**
 * Whether a user is staff now, as the database says, not as their token said when it was signed:
 * a demotion counts on the next request, not when the token expires. Staff routes and staff pages
 * pay this one prepared statement; member routes trust the token and run none. A deactivated
 * staff member has no staff rights (their tokens are refused anyway: `DeactivatedAccounts`).
 * Read from the primary, never a read replica, so no replication lag delays a demotion.
 */
@Injectable()
export class StaffRights {
  constructor(private readonly em: EntityManager) {}

  async isStaff(userId: number): Promise<boolean> {
    const [row] = await executePrepared<{ isStaff: number }>(this.em, IS_STAFF, [userId], { fromPrimary: true });
    return row?.isStaff === 1;
  }
}
