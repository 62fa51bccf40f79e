import type { CreditBucket } from './credit.repository';

export interface Draw {
  purchaseId: number;
  count: number;
}

/**
 * Spends `cost` from the buckets in order (the caller sorts them soonest ending first).
 * Returns null when they do not hold enough.
 */
export function planSpending(buckets: CreditBucket[], cost: number): Draw[] | null {
  const draws: Draw[] = [];
  let left = cost;
  for (const bucket of buckets) {
    if (left === 0) break;
    const count = Math.min(bucket.remaining, left);
    draws.push({ purchaseId: bucket.purchaseId, count });
    left -= count;
  }
  return left === 0 ? draws : null;
}

/** The refund for a cancellation `daysBefore` the lesson day: all, half (rounded down), or refused (null). */
export function refundFor(cost: number, daysBefore: number): number | null {
  if (daysBefore >= 3) return cost;
  if (daysBefore >= 1) return Math.floor(cost / 2);
  return null;
}

/**
 * Returns `amount` to the purchases a booking drew from, latest ending first (the credits that
 * stay usable longest), never more to one purchase than was drawn from it.
 */
export function planRefund(draws: (Draw & { endDate: string })[], amount: number): Draw[] {
  const ordered = [...draws].sort((a, b) => b.endDate.localeCompare(a.endDate) || b.purchaseId - a.purchaseId);
  const refunds: Draw[] = [];
  let left = amount;
  for (const draw of ordered) {
    if (left === 0) break;
    const count = Math.min(draw.count, left);
    refunds.push({ purchaseId: draw.purchaseId, count });
    left -= count;
  }
  return refunds;
}
