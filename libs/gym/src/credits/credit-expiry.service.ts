import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { User } from '@app/identity';
import { Credit, CreditType } from './credit.entity';
import { GymCalendar } from '../gym-calendar';

/**
 * Writes an `expire` entry for what remains of every purchase past its end date. The balance
 * already ignores expired purchases by query; this makes the ledger say so. Idempotent, and safe
 * when two runs overlap: the purchases are locked first, and a unique key allows one expiry each.
 * The CLI's `expire-credits` and the worker's daily job both call this.
 */
@Injectable()
export class CreditExpiryService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
  ) {}

  /** Returns the number of `expire` entries written. */
  expireDue(): Promise<number> {
    const today = this.calendar.today();
    return this.em.fork().transactional(
      async (em) => {
        const repository = em.getRepository(Credit);
        const due = await repository.lockExpiredOpenPurchases(today);
        const remainders = await repository.remainderOf(due);
        const entries = remainders.map((left) =>
          Credit.movement(
            CreditType.Expire,
            { user: em.getReference(User, left.userId), purchase: em.getReference(Credit, left.purchaseId), reservation: null },
            -left.remaining,
            { day: today, at: this.calendar.instant() },
            `${left.remaining} credits expired on ${left.endDate}`,
          ),
        );
        em.persist(entries);
        return entries.length;
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }
}
