import { Injectable, Logger } from '@nestjs/common';
import { HealthService } from '@app/core';

/** Checks that the worker reaches MySQL and Redis before it starts consuming. */
@Injectable()
export class WorkerReadiness {
  private readonly logger = new Logger('Worker');

  constructor(private readonly health: HealthService) {}

  async assertReady(): Promise<void> {
    const report = await this.health.check();
    if (!report.healthy) throw new Error(`MySQL or Redis not ready: db ${report.db}, redis ${report.redis}`);
    this.logger.log('Worker ready: MySQL and Redis are connected');
  }
}
