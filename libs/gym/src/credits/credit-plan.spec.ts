import { planRefund, planSpending, refundFor } from './credit-plan';

describe('planSpending', () => {
  const buckets = [
    { purchaseId: 1, startDate: '2030-01-01', endDate: '2030-01-20', remaining: 1 },
    { purchaseId: 2, startDate: '2030-01-02', endDate: '2030-02-01', remaining: 5 },
  ];

  it('draws from the buckets in order, across several when one is not enough', () => {
    expect(planSpending(buckets, 1)).toEqual([{ purchaseId: 1, count: 1 }]);
    expect(planSpending(buckets, 4)).toEqual([
      { purchaseId: 1, count: 1 },
      { purchaseId: 2, count: 3 },
    ]);
  });

  it('returns null when the buckets hold too little', () => {
    expect(planSpending(buckets, 7)).toBeNull();
    expect(planSpending([], 1)).toBeNull();
  });
});

describe('refundFor', () => {
  it.each([
    [10, 3, 3],
    [3, 5, 5],
    [2, 3, 1],
    [1, 3, 1],
    [1, 1, 0],
    [0, 3, null],
    [-1, 3, null],
  ])('%i days before a lesson costing %i refunds %p', (daysBefore, cost, expected) => {
    expect(refundFor(cost, daysBefore)).toBe(expected);
  });
});

describe('planRefund', () => {
  it('returns credits to the latest-ending purchase first, never more than was drawn from it', () => {
    const draws = [
      { purchaseId: 1, count: 1, endDate: '2030-01-20' },
      { purchaseId: 2, count: 2, endDate: '2030-02-01' },
    ];
    expect(planRefund(draws, 1)).toEqual([{ purchaseId: 2, count: 1 }]);
    expect(planRefund(draws, 3)).toEqual([
      { purchaseId: 2, count: 2 },
      { purchaseId: 1, count: 1 },
    ]);
  });

  it('writes a refund of nothing as one entry of 0 against the purchase a refund would go to first', () => {
    const draws = [
      { purchaseId: 1, count: 1, endDate: '2030-01-20' },
      { purchaseId: 2, count: 2, endDate: '2030-02-01' },
    ];
    expect(planRefund(draws, 0)).toEqual([{ purchaseId: 2, count: 0 }]);
    expect(planRefund([], 0)).toEqual([]);
  });
});
