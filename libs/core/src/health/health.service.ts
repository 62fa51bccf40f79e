import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { RedisConnection, withTimeout } from '../redis/redis-connection';

export type DependencyState = 'up' | 'down';

export interface HealthReport {
  healthy: boolean;
  db: DependencyState;
  redis: DependencyState;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly orm: MikroORM,
    private readonly redis: RedisConnection,
  ) {}

  async check(): Promise<HealthReport> {
    const [db, redis] = await Promise.all([this.database(), this.redisState()]);
    return { healthy: db === 'up' && redis === 'up', db, redis };
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
