import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { AppConfig, withTimeout } from '@app/core';
import { QueueUnavailableError } from '../jobs.errors';
import { EMAIL_QUEUE, SEND_EMAIL_JOB } from '../queues';
import type { EmailJobData } from './email-job';

export interface EmailRequest {
  recipients: string[];
  subject: string;
  body: string;
}

/**
 * `key` names a mailing that must go out once whatever calls for it again (a promotion, a day's
 * reminder): the task id becomes `email-<key>`. Bull keeps one job per id, and the delivery ledger
 * sends each recipient of a task id once, so a second enqueue with the same key sends nothing.
 */
export interface EnqueueOptions {
  key?: string;
}

/** The longest key: `email-<key>` must fit the delivery ledger's 64-character task id. */
export const MAX_MAILING_KEY_LENGTH = 64 - `${EMAIL_QUEUE}-`.length;

/**
 * Enqueues a mailing as one job and returns its task id at once: however long the list, the
 * sending happens in the worker. Refuses quickly (503) when Redis is down instead of queueing in
 * memory.
 */
@Injectable()
export class EmailDispatcher {
  constructor(
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailJobData>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(request: EmailRequest, options: EnqueueOptions = {}): Promise<string> {
    if (options.key !== undefined && (options.key.length === 0 || options.key.length > MAX_MAILING_KEY_LENGTH))
      throw new Error(`A mailing key has 1 to ${MAX_MAILING_KEY_LENGTH} characters: ${options.key}`);
    if (this.queue.client.status !== 'ready') throw new QueueUnavailableError();
    const data: EmailJobData = { ...request, recipients: [...new Set(request.recipients)] };
    const job = await withTimeout(
      this.queue.add(SEND_EMAIL_JOB, data, {
        jobId: `${EMAIL_QUEUE}-${options.key ?? randomUUID()}`,
        attempts: this.config.jobs.emailAttempts,
        backoff: { type: 'exponential', delay: this.config.jobs.emailBackoffMs },
        removeOnComplete: { age: this.config.jobs.taskRetentionSeconds },
        removeOnFail: { age: this.config.jobs.taskRetentionSeconds },
      }),
      2_000,
      'enqueue timed out',
    ).catch(() => {
      throw new QueueUnavailableError();
    });
    return String(job.id);
  }
}
