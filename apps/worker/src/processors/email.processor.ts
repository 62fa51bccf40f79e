import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { EmailDelivery, type EmailJobData, EMAIL_QUEUE, SEND_EMAIL_JOB } from '@app/jobs';
import type { QueueProcessor } from './queue-processor';

@Injectable()
export class EmailProcessor implements QueueProcessor {
  constructor(
    @InjectQueue(EMAIL_QUEUE) readonly queue: Queue<EmailJobData>,
    private readonly delivery: EmailDelivery,
  ) {}

  register(): Promise<void> {
    return this.queue.process(SEND_EMAIL_JOB, 1, (job) => this.delivery.deliver(job));
  }
}
