import { isYmd, releaseTitle, ymdOf } from './release-day';

describe('ymd', () => {
  it.each(['20261201', '20240229', '19991231'])('accepts the real day %s', (value) => {
    expect(isYmd(value)).toBe(true);
  });

  it.each(['20261345', '20260230', '20230229', '2026121', '202612011', '2026-12-01', ' 20261201', '2026120a', 20261201, null])(
    'refuses %p',
    (value) => {
      expect(isYmd(value)).toBe(false);
    },
  );

  it('names the sheet after the month and day', () => {
    expect(releaseTitle('20261201')).toBe('12월 01일 출하지시서');
    expect(releaseTitle('20270315')).toBe('03월 15일 출하지시서');
  });

  it('turns an ISO date into YYYYMMDD', () => {
    expect(ymdOf('2026-12-01')).toBe('20261201');
  });
});
