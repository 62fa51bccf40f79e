import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { addDays, NotFoundError } from '@app/core';
import { User, UserService } from '@app/identity';
import type { CreditBucket } from './credit-plan';
import { Credit } from './credit.entity';
import { PricePolicy } from '../price-policies/price-policy.entity';
import { GymCalendar } from '../gym-calendar';
import { InvalidStartDateError, PolicyRetiredError } from '../gym.errors';

/**
 * What a member holds: `available` can be spent on a lesson today, `upcoming` sits in purchases
 * that start later; `balance` is both. Each bucket is one purchase with what is left of it.
 */
export interface Balance {
  balance: number;
  available: number;
  upcoming: number;
  buckets: CreditBucket[];
}

/** Buying credits and reading the ledger. Spending and refunds belong to bookings. */
@Injectable()
export class CreditLedgerService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly users: UserService,
  ) {}

  /** Buys a membership on sale: one `purchase` entry valid from `startDate` for the policy's period. */
  async purchase(userId: number, pricePolicyId: number, startDate: string): Promise<Credit> {
    const today = this.calendar.today();
    if (startDate < today) throw new InvalidStartDateError(startDate, today, this.calendar.timeZone);
    const policy = await this.em.findOne(PricePolicy, pricePolicyId);
    if (!policy) throw new NotFoundError('Price policy', pricePolicyId);
    if (!policy.isActive) throw new PolicyRetiredError();
    const entry = Credit.purchase(
      this.em.getReference(User, userId),
      policy,
      startDate,
      addDays(startDate, policy.periodDays),
      this.calendar.instant(),
    );
    // one row, written alone: a plain insert, without the unit of work's change-set pass and the
    // transaction a flush opens around it (two round trips fewer; docs/performance.md)
    await this.em.insert(entry);
    return entry;
  }

  /** The member's ledger, oldest first, in one statement. */
  entries(userId: number): Promise<Credit[]> {
    return this.em.find(Credit, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** The balance after expiry and what remains of each unexpired purchase, in one statement. */
  async balance(userId: number): Promise<Balance> {
    const today = this.calendar.today();
    const buckets = await this.em.getRepository(Credit).remainingByPurchase(userId, today);
    let available = 0;
    let upcoming = 0;
    for (const bucket of buckets) {
      if (bucket.startDate <= today) available += bucket.remaining;
      else upcoming += bucket.remaining;
    }
    return { balance: available + upcoming, available, upcoming, buckets };
  }

  /**
   * `GET /credits/balance?userId=`: the balance of `userId` as `viewer` may see it. A member reads
   * only their own (403 `FORBIDDEN`); staff read anyone's, and an unknown id is 404 `NOT_FOUND`
   * (one more statement, only when asking for someone else), not an empty balance.
   */
  async balanceVisibleTo(viewer: { id: number; isStaff: boolean }, userId: number): Promise<Balance> {
    // the account's visibility rule is the user service's, as for GET /users/:id
    if (userId !== viewer.id) await this.users.getVisibleTo(viewer, userId);
    return this.balance(userId);
  }
}
