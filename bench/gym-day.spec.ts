import { gymDay } from './gym-day';

describe("the bench's day", () => {
  it.each([
    ['2026-11-29T16:00:00Z', 0, '2026-11-30'],
    ['2026-11-29T16:00:00Z', 20, '2026-12-20'],
    ['2026-11-29T14:59:00Z', 0, '2026-11-29'],
    ['2026-11-29T15:00:00Z', 0, '2026-11-30'],
    ['2026-12-31T23:00:00Z', 1, '2027-01-02'],
  ])('at %s, %i days ahead, is %s in Asia/Seoul', (now, offset, expected) => {
    expect(gymDay(new Date(now), 'Asia/Seoul', offset)).toBe(expected);
  });

  it('follows the zone it is given', () => {
    expect(gymDay(new Date('2026-11-29T16:00:00Z'), 'UTC')).toBe('2026-11-29');
    expect(gymDay(new Date('2026-11-29T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-28');
  });
});
