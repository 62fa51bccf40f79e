import { ConfigError, loadConfig } from '../config/app-config';
import { describeStartupFailure } from './startup-failure';

function systemError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('describeStartupFailure', () => {
  const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3399/gym', REDIS_URL: 'redis://127.0.0.1:6390' });

  it.each([
    [
      'a port in use',
      systemError('listen EADDRINUSE: address already in use :::8000', { code: 'EADDRINUSE', syscall: 'listen', port: 8000 }),
      'port 8000 is already in use: set PORT or stop the other process',
    ],
    [
      'a privileged port',
      systemError('listen EACCES: permission denied 0.0.0.0:80', { code: 'EACCES', syscall: 'listen', port: 80 }),
      'port 80 needs privileges this process does not have: set PORT to 1024 or above',
    ],
    [
      'the database gone',
      systemError('connect ECONNREFUSED 127.0.0.1:3399', { code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 3399 }),
      'cannot reach the database (DATABASE_URL) at 127.0.0.1:3399 (ECONNREFUSED): start it or fix the URL',
    ],
    [
      'Redis gone, reported per address tried',
      Object.assign(new AggregateError([systemError('x', { code: 'ECONNREFUSED', address: '::1', port: 6390 })], ''), {}),
      'cannot reach Redis (REDIS_URL) at ::1:6390 (ECONNREFUSED): start it or fix the URL',
    ],
    [
      'a database that does not exist',
      systemError("Unknown database 'gym'", { code: 'ER_BAD_DB_ERROR', sqlMessage: "Unknown database 'gym'" }),
      `Unknown database 'gym': run "npm run cli -- migrate" first (it creates the database)`,
    ],
    [
      'an unreadable index file',
      systemError("EACCES: permission denied, open '/srv/var/feed-index.bin'", {
        code: 'EACCES',
        syscall: 'open',
        path: '/srv/var/feed-index.bin',
      }),
      'cannot open /srv/var/feed-index.bin: permission denied (EACCES)',
    ],
    [
      'a bad configuration',
      new ConfigError(['PORT: must be at most 65535', 'APP_TIMEZONE: unknown time zone "Mars"']),
      'Invalid configuration: PORT: must be at most 65535; APP_TIMEZONE: unknown time zone "Mars"',
    ],
    ['anything else, first line', new Error('boom\n    at somewhere'), 'boom'],
    ['a thrown string', 'plain', 'plain'],
  ])('names %s in one line', (_case, error, line) => {
    expect(describeStartupFailure(error, config)).toBe(line);
  });

  it('says which variables to check when it cannot tell the service', () => {
    const error = systemError('connect ECONNREFUSED 10.0.0.9:5000', { code: 'ECONNREFUSED', address: '10.0.0.9', port: 5000 });
    expect(describeStartupFailure(error, null)).toBe('cannot reach 10.0.0.9:5000 (ECONNREFUSED): check DATABASE_URL and REDIS_URL');
  });
});
