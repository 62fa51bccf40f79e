import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import type { Job } from 'bull';
import { type EmailJobData, type EmailJobResult, MailingParkedError } from './email-job';
import { isPermanentRefusal, MailTransport } from './mail-transport';
import { RecipientDelivery } from './recipient-delivery.entity';
import type { DeliveryOutcome, RecipientDeliveryRepository } from './recipient-delivery.repository';

/**
 * Sends a mailing, one message per recipient, at most once per recipient: each recipient is
 * claimed in MySQL (a committed row) before its message goes out and settled after the server
 * answers. Any later run of the job (a retry, a stalled job picked up again, a second worker)
 * skips every recipient with a row, so a killed worker neither re-sends nor loses the rest.
 * A permanent refusal is recorded and skipped; a temporary one gives the claim back and throws, so
 * the queue retries the job with backoff. `park()` makes runs stop between two recipients.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('EmailDelivery');
  private parked = false;

  constructor(
    private readonly transport: MailTransport,
    private readonly em: EntityManager,
  ) {}

  /** From now on, runs stop before their next recipient and throw `MailingParkedError`. */
  park(): void {
    this.parked = true;
  }

  async deliver(job: Job<EmailJobData>): Promise<EmailJobResult> {
    const taskId = String(job.id);
    const { recipients, subject, body } = job.data;
    const ledger = this.em.fork().getRepository(RecipientDelivery);
    const known = await ledger.outcomesByTask(taskId);
    let done = recipients.filter((recipient) => known.has(recipient)).length;
    for (const recipient of recipients) {
      if (known.has(recipient)) continue;
      if (this.parked) {
        // Bull counts every thrown error as an attempt (Job#moveToFailed adds one before it
        // decides to retry); a park is no failed attempt, so it takes that one back first.
        job.attemptsMade -= 1;
        throw new MailingParkedError(done, recipients.length);
      }
      if (await ledger.claim(taskId, recipient)) await this.sendOne(ledger, taskId, recipient, subject, body);
      done++;
      await job.progress(Math.floor((100 * done) / recipients.length));
    }
    return summarize(recipients, await ledger.outcomesByTask(taskId));
  }

  private async sendOne(ledger: RecipientDeliveryRepository, taskId: string, to: string, subject: string, text: string): Promise<void> {
    try {
      await this.transport.send({ to, subject, text });
    } catch (error) {
      if (!isPermanentRefusal(error)) {
        this.logger.warn(`Job ${taskId}: ${to} failed temporarily (${describe(error)}); the job will retry`);
        await ledger.release(taskId, to);
        throw error instanceof Error ? error : new Error(describe(error));
      }
      await ledger.settle(taskId, to, 'rejected', describe(error));
      return;
    }
    await ledger.settle(taskId, to, 'sent');
  }
}

function summarize(recipients: string[], outcomes: Map<string, DeliveryOutcome>): EmailJobResult {
  const result: EmailJobResult = { sent: 0, rejected: [], unconfirmed: [] };
  for (const recipient of recipients) {
    const outcome = outcomes.get(recipient);
    if (outcome?.status === 'sent') result.sent++;
    else if (outcome?.status === 'rejected') result.rejected.push({ recipient, error: outcome.error ?? '' });
    else if (outcome?.status === 'sending') result.unconfirmed.push(recipient);
  }
  return result;
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as Error & { response?: string }).response ?? error.message;
  return String(error);
}
