/**
 * The crash soak's mailings: `POST /emails` as staff (each with an Idempotency-Key), then, after
 * the load, each task followed to its end and every recipient's messages counted at the SMTP sink.
 */
import type { CrashClient } from './crash-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Mailing {
  subject: string;
  recipients: string[];
  /** Null when the request never got its 202 (the key stayed in progress). */
  taskId: string | null;
  state: string;
  unconfirmed: number;
}

export async function sendMailing(client: CrashClient, staffToken: string, run: string, index: number, size: number): Promise<Mailing> {
  const subject = `Crash soak ${run} mailing ${index}`;
  const recipients = Array.from({ length: size }, (_, i) => `soak-${run}-m${index}-r${i}@example.com`);
  const answer = await client.sendKeyed('POST', '/emails', staffToken, `soak-${run}-mailing-${index}`, {
    recipients,
    subject,
    body: 'A crash soak message.',
  });
  if (answer && answer.status !== 202) throw new Error(`POST /emails: expected 202, got ${answer.status} ${JSON.stringify(answer.json)}`);
  const taskId = answer ? (answer.json as { taskId: string }).taskId : null;
  return { subject, recipients, taskId, state: taskId ? 'waiting' : 'unknown', unconfirmed: 0 };
}

/** Polls each mailing's task until it completed or failed, or until `deadline`. */
export async function followMailings(client: CrashClient, staffToken: string, mailings: Mailing[], deadline: number): Promise<void> {
  for (const mailing of mailings) {
    while (mailing.taskId && mailing.state !== 'completed' && mailing.state !== 'failed' && Date.now() < deadline) {
      const answer = await client.send('GET', `/tasks/${mailing.taskId}`, staffToken);
      if (answer?.status === 200) {
        const task = answer.json as { state: string; result: { unconfirmed?: string[] } | null };
        mailing.state = task.state;
        mailing.unconfirmed = task.result?.unconfirmed?.length ?? 0;
      }
      if (mailing.state !== 'completed' && mailing.state !== 'failed') await sleep(500);
    }
  }
}

export interface MailingFigures {
  mailings: number;
  completed: number;
  failed: number;
  unfinished: number;
  /** POST /emails that never got its answer: their messages are checked for repeats only. */
  unknown: number;
  recipients: number;
  messagesReceived: number;
  /** Messages received at the moment the worker was killed, so it never heard they arrived. */
  unconfirmed: number;
  /** Messages beyond the first that one recipient of one mailing received. */
  duplicateMessages: number;
  /** Recipients of a completed mailing who received nothing. */
  lostRecipients: number;
}

/** Counts only the soak's own mailings (by subject): the worker also mails promoted waitlist members. */
export function mailingFigures(mailings: Mailing[], received: { to: string; subject: string }[]): MailingFigures {
  const ours = new Set(mailings.map((mailing) => mailing.subject));
  const times = new Map<string, number>();
  for (const mail of received.filter((mail) => ours.has(mail.subject)))
    times.set(`${mail.subject}\n${mail.to}`, (times.get(`${mail.subject}\n${mail.to}`) ?? 0) + 1);
  const state = (name: string) => mailings.filter((mailing) => mailing.state === name).length;
  return {
    mailings: mailings.length,
    completed: state('completed'),
    failed: state('failed'),
    unfinished: mailings.filter((mailing) => mailing.taskId && !['completed', 'failed'].includes(mailing.state)).length,
    unknown: state('unknown'),
    recipients: mailings.reduce((sum, mailing) => sum + mailing.recipients.length, 0),
    messagesReceived: received.filter((mail) => ours.has(mail.subject)).length,
    unconfirmed: mailings.reduce((sum, mailing) => sum + mailing.unconfirmed, 0),
    duplicateMessages: [...times.values()].reduce((sum, count) => sum + count - 1, 0),
    lostRecipients: mailings
      .filter((mailing) => mailing.state === 'completed')
      .reduce((sum, mailing) => sum + mailing.recipients.filter((to) => !times.has(`${mailing.subject}\n${to}`)).length, 0),
  };
}
