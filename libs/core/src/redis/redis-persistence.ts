import type Redis from 'ioredis';

/**
 * How Redis keeps its data across a restart: `aof` (append-only file, every write), `rdb`
 * (snapshots only: a restart loses what came after the last one), `none` (a restart loses every
 * queued job and every schedule), `unknown` (Redis is down, or refuses CONFIG, as some managed
 * services do).
 */
export type RedisPersistence = 'aof' | 'rdb' | 'none' | 'unknown';

/** Reads `appendonly` and `save` with CONFIG GET; never throws. */
export async function readRedisPersistence(client: Redis): Promise<RedisPersistence> {
  try {
    const [, appendonly] = (await client.config('GET', 'appendonly')) as string[];
    if (appendonly === 'yes') return 'aof';
    const [, save] = (await client.config('GET', 'save')) as string[];
    if (appendonly === undefined || save === undefined) return 'unknown';
    return save.trim() ? 'rdb' : 'none';
  } catch {
    return 'unknown';
  }
}
