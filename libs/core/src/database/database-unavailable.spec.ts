import { DriverException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from './database-unavailable';

const driverError = (fields: Record<string, unknown>, message: string) => Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a reset mid-query', driverError({ code: 'ECONNRESET' }, 'read ECONNRESET')],
    [
      'a closed connection',
      driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }, 'Connection lost: The server closed the connection.'),
    ],
    ['a refused connection', driverError({ code: 'ECONNREFUSED' }, 'connect ECONNREFUSED 127.0.0.1:3306')],
    ['a server shutting down', driverError({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 }, 'Server shutdown in progress')],
    ['a dead connection reused', driverError({ fatal: true }, "Can't add new command when connection is in closed state")],
    ['the pool giving up', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ['a wrapped driver error', new DriverException(driverError({ code: 'ECONNRESET' }, 'read ECONNRESET'))],
    ['an error caused by one', new Error('begin failed', { cause: driverError({ code: 'EPIPE' }, 'write EPIPE') })],
  ])('recognises %s by its code, whatever the wording', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', driverError({ code: 'ER_DUP_ENTRY', errno: 1062 }, 'Duplicate entry')],
    ['a deadlock', driverError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }, 'Deadlock found')],
    ['a message that merely mentions a code', new Error('user typed ECONNRESET')],
    ['not an error', 'ECONNRESET'],
  ])('leaves %s to the usual handling', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
