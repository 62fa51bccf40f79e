import { Injectable, Logger } from '@nestjs/common';
import { HealthService, type RedisPersistence } from '@app/core';

const PERSISTENCE_WARNINGS: Partial<Record<RedisPersistence, string>> = {
  none:
    'Redis reports persistence off (appendonly no, no save points): a Redis restart loses every queued job; ' +
    'set appendonly yes (docs/jobs-reliability.md)',
  rdb:
    'Redis persists by RDB snapshots only: a Redis restart loses the jobs queued since the last snapshot; ' +
    'set appendonly yes (docs/jobs-reliability.md)',
};

/**
 * Checks that the worker reaches MySQL and Redis before it starts consuming, and warns when Redis
 * would lose queued work on a restart.
 */
@Injectable()
export class WorkerReadiness {
  private readonly logger = new Logger('Worker');

  constructor(private readonly health: HealthService) {}

  async assertReady(): Promise<void> {
    const report = await this.health.check();
    if (!report.healthy) throw new Error(`MySQL or Redis not ready: db ${report.db}, redis ${report.redis}`);
    this.logger.log('Worker ready: MySQL and Redis are connected');
    const warning = PERSISTENCE_WARNINGS[report.redisPersistence];
    if (warning) this.logger.warn(warning);
  }
}
