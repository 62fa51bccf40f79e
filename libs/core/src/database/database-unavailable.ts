/**
 * Error codes that mean "MySQL cannot be reached or dropped the connection", as mysql2 and Node
 * report them: the outage is the cause, not the request. Codes, not message text: the driver
 * words the same fault differently (`read ECONNRESET`, `Connection lost: The server closed the
 * connection.`), and a message can change with any release.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_CLIENT_INTERACTION_TIMEOUT',
]);

interface ErrorFacts {
  code?: unknown;
  fatal?: unknown;
  name?: unknown;
  cause?: unknown;
  previous?: unknown;
}

/**
 * True when `error`, or an error it wraps (MikroORM's `DriverException` copies the driver's
 * fields; knex and others chain `cause`), says the database is unreachable: a known connection
 * code, a mysql2 error marked `fatal` (its connection is dead), or the pool giving up waiting for
 * a connection.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const facts = current as ErrorFacts;
    if (typeof facts.code === 'string' && UNAVAILABLE_CODES.has(facts.code)) return true;
    if (facts.fatal === true || facts.name === 'KnexTimeoutError') return true;
    current = facts.cause ?? facts.previous;
  }
  return false;
}
