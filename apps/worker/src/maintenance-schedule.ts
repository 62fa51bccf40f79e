import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { access } from 'node:fs/promises';
import { AppConfig } from '@app/core';
import {
  EXPIRE_CREDITS_JOB,
  FORGET_IDEMPOTENCY_KEYS_CRON,
  FORGET_IDEMPOTENCY_KEYS_JOB,
  FORGET_REFRESH_TOKENS_CRON,
  FORGET_REFRESH_TOKENS_JOB,
  MAINTENANCE_QUEUE,
  REBUILD_INDEX_JOB,
  SEND_REMINDERS_JOB,
} from '@app/jobs';

/**
 * Registers the repeatable maintenance jobs, in the gym's time zone: the daily credit expiry, the
 * rebuild of the recommendation index, the hourly purges of expired idempotency keys and refresh tokens,
 * and the evening reminder of tomorrow's bookings. Bull keys a repeatable job by name, cron and zone, so
 * every worker registering them yields one schedule each, and each run is taken by exactly one
 * worker. A schedule whose cron changed in the configuration replaces the old one. A fresh
 * install has no index file yet: one rebuild is queued at once rather than at the next cron time.
 *
 * A Redis that restarted without persistence has lost the schedules: they are registered again on
 * every reconnect of the queue's connection, not only at start.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationShutdown {
  private readonly logger = new Logger('MaintenanceSchedule');
  private watching = false;
  private reregistering: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** Called by main.ts once MySQL and Redis answer; from then on, again after each reconnect. */
  async register(): Promise<void> {
    await this.scheduleAll();
    if (!this.watching) {
      this.watching = true;
      this.queue.client.on('ready', this.onReconnect);
    }
    const indexExists = await access(this.config.recommend.indexPath).then(
      () => true,
      () => false,
    );
    if (!indexExists) {
      await this.queue.add(REBUILD_INDEX_JOB, {}, this.retention());
      this.logger.log(`No recommendation index at ${this.config.recommend.indexPath} yet: a rebuild is queued now`);
    }
  }

  onApplicationShutdown(): void {
    this.queue.client.off('ready', this.onReconnect);
  }

  private readonly onReconnect = (): void => {
    this.reregistering = this.reregistering.then(() =>
      this.scheduleAll().then(
        () => this.logger.log('Redis reconnected: maintenance schedules registered again'),
        (error: unknown) => this.logger.error(`Redis reconnected, but the schedules could not be registered again: ${String(error)}`),
      ),
    );
  };

  private async scheduleAll(): Promise<void> {
    await this.schedule(EXPIRE_CREDITS_JOB, this.config.jobs.expireCreditsCron, 'Credit expiry');
    await this.schedule(REBUILD_INDEX_JOB, this.config.recommend.rebuildCron, 'Recommendation index rebuild');
    await this.schedule(FORGET_IDEMPOTENCY_KEYS_JOB, FORGET_IDEMPOTENCY_KEYS_CRON, 'Expired idempotency keys purge');
    await this.schedule(SEND_REMINDERS_JOB, this.config.jobs.reminderCron, "Reminders of tomorrow's bookings");
    await this.schedule(FORGET_REFRESH_TOKENS_JOB, FORGET_REFRESH_TOKENS_CRON, 'Expired refresh tokens purge');
  }

  private retention(): { removeOnComplete: { age: number }; removeOnFail: { age: number } } {
    const retention = { age: this.config.jobs.taskRetentionSeconds };
    return { removeOnComplete: retention, removeOnFail: retention };
  }

  private async schedule(name: string, cron: string, what: string): Promise<void> {
    const repeat = { cron, tz: this.config.gym.timezone };
    const stale = (await this.queue.getRepeatableJobs()).filter(
      (job) => job.name === name && (job.cron !== repeat.cron || job.tz !== repeat.tz),
    );
    for (const job of stale) await this.queue.removeRepeatableByKey(job.key);
    await this.queue.add(name, {}, { repeat, ...this.retention() });
    this.logger.log(`${what} scheduled at "${repeat.cron}" (${repeat.tz})`);
  }
}
