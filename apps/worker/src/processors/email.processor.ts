import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { EmailDelivery, type EmailJobData, type EmailJobResult, EMAIL_QUEUE, SEND_EMAIL_JOB } from '@app/jobs';

@Processor(EMAIL_QUEUE)
export class EmailProcessor {
  constructor(private readonly delivery: EmailDelivery) {}

  @Process(SEND_EMAIL_JOB)
  send(job: Job<EmailJobData>): Promise<EmailJobResult> {
    return this.delivery.deliver(job);
  }
}
