/**
 * The invariants the soaks check in SQL after their load, each a count of rows that break it (0 is
 * sound). Shared by `npm run soak` and `npm run soak:crash`.
 */
import type { Connection, RowDataPacket } from 'mysql2/promise';

export interface LedgerInvariants {
  /** Members whose ledger sum differs from what their unexpired purchases have left. */
  balanceMismatches: number;
  /** Purchases whose remaining credit is below 0 or above the count bought. */
  purchasesOutOfRange: number;
  /** Lessons whose seat count exceeds the capacity or differs from their active bookings. */
  lessonsOverCapacityOrMiscounted: number;
  /** Bookings (active or later cancelled) whose `use` rows do not add up to the lesson's price. */
  bookingsWithoutTheirCharge: number;
  /** `use` rows that belong to no booking. */
  chargesWithoutBooking: number;
  /** `refund` rows that belong to no cancellation, or refund more than the booking was charged. */
  refundsWithoutCancellationOrOverCharge: number;
  /** Cancelled bookings without their cancellation record, or cancellation records of live bookings. */
  cancellationsMismatched: number;
}

async function count(db: Connection, sql: string, params: unknown[] = []): Promise<number> {
  const [[row]] = await db.query<RowDataPacket[]>(sql, params);
  return Number(row.wrong);
}

/** The credit ledger and the seats; `today` is the gym's day (not the database server's). */
export async function ledgerInvariants(db: Connection, today: string): Promise<LedgerInvariants> {
  return {
    balanceMismatches: await count(
      db,
      `select count(*) as wrong from (
         select l.user_id, l.total, coalesce(b.remaining, 0) as remaining
           from (select user_id, sum(count) as total from credit group by user_id) l
           left join (select p.user_id, sum(p.count + coalesce(m.moved, 0)) as remaining
                        from credit p left join (select purchase_id, sum(count) as moved from credit where purchase_id is not null group by purchase_id) m on m.purchase_id = p.id
                       where p.type in ('purchase', 'grant') and p.end_date > ? group by p.user_id) b on b.user_id = l.user_id
          where not exists (select 1 from credit x where x.user_id = l.user_id and x.type in ('purchase', 'grant') and x.end_date <= ?)) c
        where c.total <> c.remaining`,
      [today, today],
    ),
    purchasesOutOfRange: await count(
      db,
      `select count(*) as wrong from (select p.count as granted, p.count + coalesce(sum(m.count), 0) as left_over
         from credit p left join credit m on m.purchase_id = p.id where p.type in ('purchase', 'grant') group by p.id, p.count) b
        where b.left_over < 0 or b.left_over > b.granted`,
    ),
    lessonsOverCapacityOrMiscounted: await count(
      db,
      `select count(*) as wrong from lesson l
        where l.reserved_count > l.max_capacity
           or l.reserved_count <> (select count(*) from reservation r where r.lesson_id = l.id and r.active_flag = 1)`,
    ),
    bookingsWithoutTheirCharge: await count(
      db,
      `select count(*) as wrong from reservation r join lesson l on l.id = r.lesson_id
        where r.type = 'reserve'
          and l.credit_count <> coalesce((select -sum(c.count) from credit c where c.reservation_id = r.id and c.type = 'use'), 0)`,
    ),
    chargesWithoutBooking: await count(
      db,
      `select count(*) as wrong from credit c left join reservation r on r.id = c.reservation_id
        where c.type = 'use' and (r.id is null or r.type <> 'reserve' or r.user_id <> c.user_id)`,
    ),
    refundsWithoutCancellationOrOverCharge: await count(
      db,
      `select count(*) as wrong from (
         select x.id, sum(c.count) as refunded,
                (select -coalesce(sum(u.count), 0) from credit u where u.reservation_id = x.cancels_id and u.type = 'use') as charged
           from credit c left join reservation x on x.id = c.reservation_id and x.type = 'cancel'
          where c.type = 'refund' group by x.id) f
        where f.id is null or f.refunded > f.charged`,
    ),
    cancellationsMismatched: await count(
      db,
      `select count(*) as wrong from reservation r
        where (r.type = 'reserve' and r.canceled_at is not null and not exists (select 1 from reservation x where x.cancels_id = r.id))
           or (r.type = 'cancel' and not exists (select 1 from reservation b where b.id = r.cancels_id and b.canceled_at is not null))`,
    ),
  };
}

/** Idempotency keys created since `since` (UTC) and still "in progress" (`status_code` null) after `olderThanSeconds`. */
export function stuckIdempotencyKeys(db: Connection, since: string, olderThanSeconds: number): Promise<number> {
  return count(
    db,
    `select count(*) as wrong from idempotency_key
      where status_code is null and created_at >= ? and created_at < utc_timestamp() - interval ? second`,
    [since, olderThanSeconds],
  );
}

/** Recipients recorded more than once for one mailing in `email_delivery` (its unique key forbids it). */
export function duplicateDeliveryRows(db: Connection): Promise<number> {
  return count(db, 'select count(*) as wrong from (select 1 from email_delivery group by task_id, recipient having count(*) > 1) d');
}

/** The names of the invariants whose count is not 0. */
export const broken = (figures: object): string[] =>
  Object.entries(figures)
    .filter(([, value]) => typeof value === 'number' && value !== 0)
    .map(([name]) => name);
