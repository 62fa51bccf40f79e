/** What is left of one purchase (or grant): the credits it can still give. */
export interface CreditBucket {
  purchaseId: number;
  /** The first day it can be spent on (a lesson's date, in the gym's calendar). */
  startDate: string;
  endDate: string;
  remaining: number;
}

/** Credits moved from or back to one purchase. */
export interface Draw {
  purchaseId: number;
  count: number;
}

/** A draw a booking made, with the end date of the purchase it came from. */
export interface DrawnCredits extends Draw {
  endDate: string;
}

/** Takes up to `amount` from `sources` in their order, at most `capacity(source)` from each. */
function takeInOrder<T extends { purchaseId: number }>(sources: readonly T[], amount: number, capacity: (source: T) => number) {
  const draws: Draw[] = [];
  let left = amount;
  for (const source of sources) {
    if (left === 0) break;
    const count = Math.min(capacity(source), left);
    draws.push({ purchaseId: source.purchaseId, count });
    left -= count;
  }
  return { draws, left };
}

/**
 * Spends `cost` from the buckets in order (the caller sorts them soonest ending first).
 * Returns null when they do not hold enough.
 */
export function planSpending(buckets: readonly CreditBucket[], cost: number): Draw[] | null {
  const { draws, left } = takeInOrder(buckets, cost, (bucket) => bucket.remaining);
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
 * stay usable longest), never more to one purchase than was drawn from it. Nothing to return is
 * one entry of 0 against the first of them, so the ledger records that the cancellation refunded 0.
 */
export function planRefund(draws: readonly DrawnCredits[], amount: number): Draw[] {
  const ordered = [...draws].sort((a, b) => b.endDate.localeCompare(a.endDate) || b.purchaseId - a.purchaseId);
  if (amount === 0) return ordered.slice(0, 1).map((draw) => ({ purchaseId: draw.purchaseId, count: 0 }));
  return takeInOrder(ordered, amount, (draw) => draw.count).draws;
}
