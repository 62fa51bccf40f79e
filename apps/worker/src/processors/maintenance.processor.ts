import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { CreditExpiryService } from '@app/gym';
import { EXPIRE_CREDITS_JOB, MAINTENANCE_QUEUE } from '@app/jobs';
import type { QueueProcessor } from './queue-processor';

/** Scheduled housekeeping; each job only calls the service the CLI command calls too. */
@Injectable()
export class MaintenanceProcessor implements QueueProcessor {
  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) readonly queue: Queue,
    private readonly expiry: CreditExpiryService,
  ) {}

  register(): Promise<void> {
    return this.queue.process(EXPIRE_CREDITS_JOB, 1, async () => ({ expired: await this.expiry.expireDue() }));
  }
}
