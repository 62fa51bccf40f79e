import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { type EmailJobData, type EmailJobResult, pendingRecipients } from './email-job';
import { isPermanentRefusal, MailTransport } from './mail-transport';

/**
 * Sends a mailing, one message per recipient, recording each outcome on the job before moving on.
 * A permanent refusal is recorded and skipped; a temporary failure stops the attempt and throws, so
 * the queue retries the job with backoff, and the retry starts from the recipients still pending.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('EmailDelivery');

  constructor(private readonly transport: MailTransport) {}

  async deliver(job: Job<EmailJobData>): Promise<EmailJobResult> {
    const data: EmailJobData = { ...job.data, delivered: [...job.data.delivered], rejected: [...job.data.rejected] };
    const total = data.recipients.length;
    for (const recipient of pendingRecipients(data)) {
      try {
        await this.transport.send({ to: recipient, subject: data.subject, text: data.body });
        data.delivered.push(recipient);
      } catch (error) {
        if (!isPermanentRefusal(error)) {
          this.logger.warn(`Job ${job.id}: ${recipient} failed temporarily (${describe(error)}); the job will retry`);
          throw error instanceof Error ? error : new Error(describe(error));
        }
        data.rejected.push({ recipient, error: describe(error) });
      }
      await job.update(data);
      await job.progress(Math.floor((100 * (data.delivered.length + data.rejected.length)) / total));
    }
    return { sent: data.delivered.length, rejected: data.rejected };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as Error & { response?: string }).response ?? error.message;
  return String(error);
}
