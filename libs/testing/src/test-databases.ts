/**
 * Each Jest worker gets its own database (and Redis db), so test files never share state.
 * `TEST_DB_PREFIX` and `TEST_REDIS_DB_BASE` separate concurrent runs on one machine.
 */
export const TEST_DATABASE_PREFIX = process.env.TEST_DB_PREFIX ?? 'gym_test_';

export function testServerUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
}

export function testDatabaseUrl(workerId: string | number): string {
  return `${testServerUrl()}/${TEST_DATABASE_PREFIX}${workerId}`;
}

export function testRedisUrl(workerId: string | number): string {
  const base = Number(process.env.TEST_REDIS_DB_BASE ?? 0);
  return `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/${(base + Number(workerId)) % 16}`;
}
