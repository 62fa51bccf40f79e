import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
}

/** How the sink answers one recipient: accept it, refuse it for good (550), or for now (451). */
export type RecipientVerdict = 'accept' | 'reject' | 'defer';

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Decides per recipient and attempt (1 for the first time the sink sees that recipient). */
  judge: (recipient: string, attempt: number) => RecipientVerdict;
  /** Milliseconds to wait before accepting each message, to make a job take a while. */
  delayMs: number;
  /**
   * Called when a message has fully arrived, before the `delayMs` wait and the reply: the moment
   * the sender waits for the server's word. The message is recorded whatever the sender does next.
   */
  onMessage: (recipients: string[]) => void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (the `smtp-server` package) that records what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const attempts = new Map<string, number>();
  const sink: SmtpSink = {
    url: '',
    received: [],
    judge: () => 'accept',
    delayMs: 0,
    onMessage: () => undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      const verdict = sink.judge(address.address, attempt);
      if (verdict === 'accept') return callback();
      const error = Object.assign(new Error(verdict === 'reject' ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: verdict === 'reject' ? 550 : 451,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1]?.trim() ?? '';
        sink.onMessage(session.envelope.rcptTo.map((recipient) => recipient.address));
        setTimeout(() => {
          for (const recipient of session.envelope.rcptTo) sink.received.push({ to: recipient.address, subject });
          callback();
        }, sink.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
