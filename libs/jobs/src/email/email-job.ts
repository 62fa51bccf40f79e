/** A recipient the mail server refused for good (a 5xx reply). */
export interface RejectedRecipient {
  recipient: string;
  error: string;
}

/**
 * What a send-email job carries. `delivered` and `rejected` are the per-recipient outcomes so far,
 * written back to the job after every recipient: a retry sends only to the ones still pending.
 */
export interface EmailJobData {
  recipients: string[];
  subject: string;
  body: string;
  delivered: string[];
  rejected: RejectedRecipient[];
}

export interface EmailJobResult {
  sent: number;
  rejected: RejectedRecipient[];
}

export function pendingRecipients(data: EmailJobData): string[] {
  const done = new Set([...data.delivered, ...data.rejected.map((rejection) => rejection.recipient)]);
  return data.recipients.filter((recipient) => !done.has(recipient));
}
