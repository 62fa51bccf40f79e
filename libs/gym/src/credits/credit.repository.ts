import { EntityRepository } from '@mikro-orm/mysql';
import { executePrepared } from '@app/core';
import type { Credit } from './credit.entity';
import type { CreditBucket } from './credit-plan';

/**
 * The entries credit is drawn from: purchases and staff grants alike (`CreditType.Purchase`,
 * `CreditType.Grant`; spelled out, as the entity module imports this one).
 */
const SOURCE_TYPES = `'purchase', 'grant'`;

interface BucketRow {
  purchaseId: number;
  startDate: string;
  endDate: string;
  remaining: string | number;
}

const REMAINING_BY_PURCHASE = `
  select p.id as purchaseId, date_format(p.start_date, '%Y-%m-%d') as startDate, date_format(p.end_date, '%Y-%m-%d') as endDate,
         p.count + coalesce(sum(m.count), 0) as remaining
    from credit p
    left join credit m on m.purchase_id = p.id
   where p.type in (${SOURCE_TYPES}) and p.user_id = ? and p.end_date > ? %COVERING%
   group by p.id, p.start_date, p.end_date, p.count
  having remaining > 0
   order by p.end_date, p.id`;

/**
 * The balance of each of many members, one statement: `remainingByPurchase` summed per member
 * (the same buckets: unexpired purchases with credit left), by the `(user_id, ...)` index.
 */
const BALANCES_OF = `
  select b.userId, sum(b.remaining) as balance
    from (select p.user_id as userId, p.count + coalesce(sum(m.count), 0) as remaining
            from credit p
            left join credit m on m.purchase_id = p.id
           where p.type in (${SOURCE_TYPES}) and p.user_id in (%IDS%) and p.end_date > ?
           group by p.id, p.user_id, p.count
          having remaining > 0) b
   group by b.userId`;

const toBucket = (row: BucketRow): CreditBucket => ({
  purchaseId: row.purchaseId,
  startDate: row.startDate,
  endDate: row.endDate,
  remaining: Number(row.remaining),
});

/**
 * Ledger queries. A "purchase" here is any entry credit is drawn from: a bought membership or a
 * staff grant (`SOURCE_TYPES`). Remaining credit per purchase is always derived from the ledger in one
 * statement (a purchase joined with its movements), never stored and never read per purchase.
 */
export class CreditRepository extends EntityRepository<Credit> {
  /**
   * The member's unexpired purchases with credit left, soonest ending first. With `covering`,
   * only purchases valid on that date (a lesson's day) are returned.
   */
  async remainingByPurchase(userId: number, today: string, covering?: string): Promise<CreditBucket[]> {
    const sql = REMAINING_BY_PURCHASE.replace('%COVERING%', covering ? 'and p.start_date <= ? and p.end_date > ?' : '');
    const params = covering ? [userId, today, covering, covering] : [userId, today];
    const rows = await executePrepared<BucketRow>(this.em, sql, params);
    return rows.map(toBucket);
  }

  /** Each member's balance after expiry (0 for those without credit), for a page of members: one statement. */
  async balancesOf(userIds: number[], today: string): Promise<Map<number, number>> {
    const balances = new Map<number, number>(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return balances;
    const sql = BALANCES_OF.replace('%IDS%', userIds.map(() => '?').join(', '));
    const rows = await this.em.execute<{ userId: number; balance: string | number }[]>(sql, [...userIds, today]);
    for (const row of rows) balances.set(row.userId, Number(row.balance));
    return balances;
  }

  /** Locks the purchases that have expired by `today` and not been closed by an `expire` entry. */
  async lockExpiredOpenPurchases(today: string): Promise<number[]> {
    const rows = await this.em.execute<{ id: number }[]>(
      `select p.id from credit p
         left join credit x on x.expired_purchase_id = p.id
        where p.type in (${SOURCE_TYPES}) and p.end_date <= ? and x.id is null
          for update`,
      [today],
    );
    return rows.map((row) => row.id);
  }

  /** What remains of each of these purchases (with their owner), for those with credit left. */
  async remainderOf(purchaseIds: number[]): Promise<(CreditBucket & { userId: number })[]> {
    if (purchaseIds.length === 0) return [];
    const rows = await this.em.execute<(BucketRow & { userId: number })[]>(
      `select p.id as purchaseId, p.user_id as userId, date_format(p.start_date, '%Y-%m-%d') as startDate,
              date_format(p.end_date, '%Y-%m-%d') as endDate, p.count + coalesce(sum(m.count), 0) as remaining
         from credit p
         left join credit m on m.purchase_id = p.id
        where p.id in (${purchaseIds.map(() => '?').join(', ')}) and p.type in (${SOURCE_TYPES})
        group by p.id, p.user_id, p.start_date, p.end_date, p.count
       having remaining > 0`,
      purchaseIds,
    );
    return rows.map((row) => ({ ...toBucket(row), userId: row.userId }));
  }
}
