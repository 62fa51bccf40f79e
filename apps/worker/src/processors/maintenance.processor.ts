import { Process, Processor } from '@nestjs/bull';
import { CreditExpiryService } from '@app/gym';
import { EXPIRE_CREDITS_JOB, MAINTENANCE_QUEUE } from '@app/jobs';

/** Scheduled housekeeping; each job only calls the service the CLI command calls too. */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor {
  constructor(private readonly expiry: CreditExpiryService) {}

  @Process(EXPIRE_CREDITS_JOB)
  async expireCredits(): Promise<{ expired: number }> {
    return { expired: await this.expiry.expireDue() };
  }
}
