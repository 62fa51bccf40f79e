import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { IdempotencyStore } from '@app/core';
import { BookingRemindersService, CreditExpiryService } from '@app/gym';
import { RefreshTokenService } from '@app/identity';
import {
  EXPIRE_CREDITS_JOB,
  FORGET_IDEMPOTENCY_KEYS_JOB,
  FORGET_REFRESH_TOKENS_JOB,
  MAINTENANCE_QUEUE,
  REBUILD_INDEX_JOB,
  SEND_REMINDERS_JOB,
} from '@app/jobs';
import { FeedIndexBuilder } from '@app/recommend';
import type { QueueProcessor } from './queue-processor';

/** Scheduled housekeeping; each job only calls its service (the one the CLI command calls too, where there is one). */
@Injectable()
export class MaintenanceProcessor implements QueueProcessor {
  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) readonly queue: Queue,
    private readonly expiry: CreditExpiryService,
    private readonly index: FeedIndexBuilder,
    private readonly idempotency: IdempotencyStore,
    private readonly reminders: BookingRemindersService,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  async register(): Promise<void> {
    await Promise.all([
      this.queue.process(EXPIRE_CREDITS_JOB, 1, async () => ({ expired: await this.expiry.expireDue() })),
      this.queue.process(REBUILD_INDEX_JOB, 1, () => this.index.rebuild()),
      this.queue.process(FORGET_IDEMPOTENCY_KEYS_JOB, 1, async () => ({ forgotten: await this.idempotency.forgetExpired() })),
      this.queue.process(SEND_REMINDERS_JOB, 1, () => this.reminders.remindTomorrow()),
      this.queue.process(FORGET_REFRESH_TOKENS_JOB, 1, async () => ({ forgotten: await this.refreshTokens.forgetExpired() })),
    ]);
  }
}
