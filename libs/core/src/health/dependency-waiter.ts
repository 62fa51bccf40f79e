import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { withTimeout } from '../redis/redis-connection';

export interface WaitOptions {
  databaseUrl: string;
  redisUrl: string;
  timeoutSeconds: number;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Connects to the MySQL server itself (not the database, which `migrate` may still create). */
async function pingMysql(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 2_000,
  });
  try {
    await connection.query('SELECT 1');
  } finally {
    await connection.end();
  }
}

async function pingRedis(redisUrl: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  client.on('error', () => undefined);
  try {
    await withTimeout(client.connect(), 2_500, 'Redis connect timed out');
    await client.ping();
  } finally {
    client.disconnect();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until MySQL and Redis both answer, or the timeout passes.
 * Throws an error naming what is still down and why.
 */
export async function waitForDependencies(options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutSeconds * 1_000;
  const checks = { MySQL: () => pingMysql(options.databaseUrl), Redis: () => pingRedis(options.redisUrl) };
  const pending = new Map<string, string>(Object.keys(checks).map((name) => [name, 'not checked yet']));
  for (;;) {
    for (const [name, check] of Object.entries(checks)) {
      if (!pending.has(name)) continue;
      try {
        await check();
        pending.delete(name);
        options.log?.(`${name} is up`);
      } catch (error) {
        pending.set(name, error instanceof Error ? error.message || error.constructor.name : String(error));
      }
    }
    if (pending.size === 0) return;
    if (Date.now() >= deadline) {
      const reasons = [...pending].map(([name, reason]) => `${name} (${reason})`).join(', ');
      throw new Error(`Gave up after ${options.timeoutSeconds}s waiting for ${reasons}`);
    }
    await sleep(Math.min(options.intervalMs ?? 1_000, Math.max(deadline - Date.now(), 0)));
  }
}
