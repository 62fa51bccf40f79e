import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { RedisConnection, withTimeout } from '../redis/redis-connection';
import type { RedisPersistence } from '../redis/redis-persistence';

export type DependencyState = 'up' | 'down';

export interface HealthReport {
  healthy: boolean;
  db: DependencyState;
  redis: DependencyState;
  /** Queued jobs and schedules survive a Redis restart only with `aof` (or, up to the last snapshot, `rdb`). */
  redisPersistence: RedisPersistence;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly orm: MikroORM,
    private readonly redis: RedisConnection,
  ) {}

  async check(): Promise<HealthReport> {
    const [db, redis] = await Promise.all([this.database(), this.redisState()]);
    const redisPersistence = redis === 'up' ? await this.redis.persistence() : 'unknown';
    return { healthy: db === 'up' && redis === 'up', db, redis, redisPersistence };
  }

  private async database(): Promise<DependencyState> {
    try {
      await withTimeout(this.orm.em.getConnection().execute('select 1'), 2_000, 'database check timed out');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async redisState(): Promise<DependencyState> {
    try {
      await this.redis.ping();
      return 'up';
    } catch {
      return 'down';
    }
  }
}
