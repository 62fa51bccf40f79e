import { DEFAULT_NEXT_PATH, safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    ['/release/report?carId=1&ymd=20261201', '/release/report?carId=1&ymd=20261201'],
    ['/admin/queues/queue/email?status=failed', '/admin/queues/queue/email?status=failed'],
    ['/release/../admin/queues', '/admin/queues'],
    ['/release/report#top', '/release/report#top'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['//evil.com', 'protocol-relative'],
    ['//evil.com/release/report', 'protocol-relative with a path'],
    ['/\\evil.com', 'a backslash browsers read as a slash'],
    ['/\t/evil.com', 'a tab the URL parser drops'],
    ['/\n/evil.com', 'a newline the URL parser drops'],
    ['https://evil.com/', 'absolute'],
    ['http://127.0.0.1/release/report', 'absolute to this very host'],
    ['javascript:alert(1)', 'a script URL'],
    ['release/report', 'relative without a leading slash'],
    ['', 'empty'],
    ['/login?next=/admin/queues', 'the login page itself'],
    ['/logout', 'the logout page'],
    [undefined, 'missing'],
    [['/a', '/b'], 'repeated (an array)'],
  ] as [unknown, string][])('refuses %j (%s)', (next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_NEXT_PATH);
  });
});
