/** A recipient the mail server refused for good (a 5xx reply). */
export interface RejectedRecipient {
  recipient: string;
  error: string;
}

/**
 * What a send-email job carries. The per-recipient outcomes live in MySQL (`email_delivery`), not
 * on the job: they survive a killed worker and a lost Redis alike. Jobs queued by an older API
 * still carry `delivered` and `rejected`; they are ignored.
 */
export interface EmailJobData {
  recipients: string[];
  subject: string;
  body: string;
}

/**
 * `unconfirmed`: recipients whose message was handed to the server by a worker that died before
 * it recorded the answer. They are not sent again (at most once per recipient); most of them did
 * receive it (see docs/jobs-reliability.md).
 */
export interface EmailJobResult {
  sent: number;
  rejected: RejectedRecipient[];
  unconfirmed: string[];
}

/** Thrown by a run that stopped between two recipients because the worker is shutting down. */
export class MailingParkedError extends Error {
  override readonly name = 'MailingParkedError';

  constructor(done: number, total: number) {
    super(`Parked at shutdown after ${done} of ${total} recipients; the next worker resumes it`);
  }
}
