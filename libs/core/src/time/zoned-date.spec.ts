import { addDays, daysBetween, isCalendarDate, isoInZone, wallClock } from './zoned-date';

describe('zoned dates', () => {
  it('reads the wall clock in the given time zone', () => {
    expect(wallClock(new Date('2030-01-10T15:30:00Z'), 'Asia/Seoul')).toEqual({ date: '2030-01-11', time: '00:30' });
    expect(wallClock(new Date('2030-01-10T15:30:00Z'), 'UTC')).toEqual({ date: '2030-01-10', time: '15:30' });
  });

  it('keeps answering right when read many times a minute, across minutes, midnights and zones', () => {
    const seoul = (iso: string) => wallClock(new Date(iso), 'Asia/Seoul');
    expect(seoul('2030-01-10T14:59:00.000Z')).toEqual({ date: '2030-01-10', time: '23:59' });
    expect(seoul('2030-01-10T14:59:59.999Z')).toEqual({ date: '2030-01-10', time: '23:59' });
    expect(seoul('2030-01-10T15:00:00.000Z')).toEqual({ date: '2030-01-11', time: '00:00' });
    expect(wallClock(new Date('2030-01-10T15:00:00.000Z'), 'UTC')).toEqual({ date: '2030-01-10', time: '15:00' });
    expect(seoul('2030-01-10T15:00:30.000Z')).toEqual({ date: '2030-01-11', time: '00:00' });
    expect(seoul('2030-01-10T14:59:30.000Z')).toEqual({ date: '2030-01-10', time: '23:59' }); // back in time (a test clock)
    seoul('2030-01-10T14:59:40.000Z').date = 'changed by a caller';
    expect(seoul('2030-01-10T14:59:50.000Z')).toEqual({ date: '2030-01-10', time: '23:59' });
  });

  it.each([
    ['2030-01-10T15:30:00.250Z', 'Asia/Seoul', '2030-01-11T00:30:00.250+09:00'],
    ['2030-01-10T15:30:00Z', 'UTC', '2030-01-10T15:30:00.000+00:00'],
    ['2030-01-10T02:00:00Z', 'America/St_Johns', '2030-01-09T22:30:00.000-03:30'],
    ['2030-07-10T02:00:00Z', 'Europe/Paris', '2030-07-10T04:00:00.000+02:00'],
  ])('writes %s in %s with its offset', (instant, zone, expected) => {
    expect(isoInZone(new Date(instant), zone)).toBe(expected);
    expect(new Date(expected).toISOString()).toBe(new Date(instant).toISOString());
  });

  it('answers right when two minutes are read in turn, as now and now plus a cutoff are', () => {
    const now = new Date('2030-01-10T14:59:30Z');
    const later = new Date('2030-01-10T16:59:30Z');
    for (let i = 0; i < 3; i++) {
      expect(wallClock(now, 'Asia/Seoul')).toEqual({ date: '2030-01-10', time: '23:59' });
      expect(wallClock(later, 'Asia/Seoul')).toEqual({ date: '2030-01-11', time: '01:59' });
    }
    expect(wallClock(new Date('2030-01-10T15:00:00Z'), 'Asia/Seoul')).toEqual({ date: '2030-01-11', time: '00:00' });
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2030-01-31', 1)).toBe('2030-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2030-01-10', 30)).toBe('2030-02-09');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2030-01-10', '2030-01-13')).toBe(3);
    expect(daysBetween('2030-01-10', '2030-01-10')).toBe(0);
    expect(daysBetween('2030-01-10', '2030-01-09')).toBe(-1);
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2030-02-29')).toBe(false);
    expect(isCalendarDate('2030-1-10')).toBe(false);
  });
});
