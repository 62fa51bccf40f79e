/** Each Jest worker gets its own database (and Redis db), so test files never share state. */
export const TEST_DATABASE_PREFIX = 'gym_test_';

export function testServerUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
}

export function testDatabaseUrl(workerId: string | number): string {
  return `${testServerUrl()}/${TEST_DATABASE_PREFIX}${workerId}`;
}

export function testRedisUrl(workerId: string | number): string {
  return `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/${Number(workerId) % 16}`;
}
