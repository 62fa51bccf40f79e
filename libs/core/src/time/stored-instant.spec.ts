import { fromStoredDatetime, storedInstant } from './stored-instant';

describe('storedInstant', () => {
  it('drops the milliseconds, as a DATETIME column keeps the instant', () => {
    expect(storedInstant(new Date('2030-01-10T01:00:05.999Z')).toISOString()).toBe('2030-01-10T01:00:05.000Z');
    expect(storedInstant(new Date('2030-01-10T01:00:05.000Z')).toISOString()).toBe('2030-01-10T01:00:05.000Z');
  });

  it('stamps the current second by default', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const stamp = storedInstant().getTime();
    expect(stamp % 1000).toBe(0);
    expect(stamp).toBeGreaterThanOrEqual(before);
  });
});

describe('fromStoredDatetime', () => {
  it('reads DATETIME text as the UTC instant it stores, whatever the process time zone', () => {
    expect(fromStoredDatetime('2030-01-10 01:00:05').toISOString()).toBe('2030-01-10T01:00:05.000Z');
    expect(fromStoredDatetime('2030-12-31 23:59:59').getTime()).toBe(Date.UTC(2030, 11, 31, 23, 59, 59));
  });
});
