import { Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type RedisConnection, withTimeout } from '@app/core';

/** Every rate-limit key starts with it (the storage wraps it as `{rate-limit:…}:hits` and `:blocked`). */
export const RATE_LIMIT_KEY_PREFIX = 'rate-limit:';

/** How long an attempt waits for Redis before it is counted in this process instead. */
const REDIS_TIMEOUT_MS = 300;

type Increment = ThrottlerStorage['increment'];

/**
 * The login and sign-up counters, in Redis through `@nest-lab/throttler-storage-redis` (one Lua
 * script per attempt: INCR, PEXPIRE, the block key), so every API process and host counts the same
 * attempts and a restart forgets none. When Redis does not answer (300 ms, or not connected), the
 * attempt is counted by the throttler's own in-memory storage instead: during an outage each
 * process limits on its own, as all did before, so an outage never lifts the limit and never
 * refuses a login. The in-memory counts are not carried over when Redis is back.
 */
export class RateLimitStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private inOutage = false;

  constructor(private readonly redis: RedisConnection) {
    this.shared = new ThrottlerStorageRedisService(redis.client);
  }

  increment: Increment = async (key, ttl, limit, blockDuration, throttlerName) => {
    try {
      if (this.redis.client.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.client.status})`);
      const record = await withTimeout(
        this.shared.increment(key, ttl, limit, blockDuration, throttlerName),
        REDIS_TIMEOUT_MS,
        'Redis did not answer the rate-limit script',
      );
      if (this.inOutage) this.logger.log('Redis answers again: rate limits are shared again');
      this.inOutage = false;
      return record;
    } catch (error) {
      if (!this.inOutage) this.logger.warn(`${String(error)}: counting rate limits in this process until Redis answers`);
      this.inOutage = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  };
}
