import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { AppConfig } from '@app/core';
import { EXPIRE_CREDITS_JOB, MAINTENANCE_QUEUE } from '@app/jobs';

/**
 * Registers the daily credit expiry as a repeatable job, in the gym's time zone. Bull keys a
 * repeatable job by name, cron and zone, so every worker registering it yields one schedule, and
 * each run is taken by exactly one worker.
 */
@Injectable()
export class MaintenanceSchedule {
  private readonly logger = new Logger('MaintenanceSchedule');

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** Called by main.ts once MySQL and Redis answer. */
  async register(): Promise<void> {
    const repeat = { cron: this.config.expireCreditsCron, tz: this.config.timezone };
    const stale = (await this.queue.getRepeatableJobs()).filter((job) => job.name === EXPIRE_CREDITS_JOB && (job.cron !== repeat.cron || job.tz !== repeat.tz));
    for (const job of stale) await this.queue.removeRepeatableByKey(job.key);
    await this.queue.add(EXPIRE_CREDITS_JOB, {}, { repeat, removeOnComplete: { age: this.config.taskRetentionSeconds }, removeOnFail: { age: this.config.taskRetentionSeconds } });
    this.logger.log(`Credit expiry scheduled at "${repeat.cron}" (${repeat.tz})`);
  }
}
