import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  /** The plain-text body, decoded from its transfer encoding, with `\n` line ends. */
  text: string;
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
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
        const text = plainText(raw);
        sink.onMessage(session.envelope.rcptTo.map((recipient) => recipient.address));
        setTimeout(() => {
          for (const recipient of session.envelope.rcptTo) sink.received.push({ to: recipient.address, subject, text });
          callback();
        }, sink.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}

/** The body of a single-part text message, decoded as its `Content-Transfer-Encoding` says. */
function plainText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4).replace(/\r\n$/, '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body, 'base64');
  else if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r\n/g, '');
    bytes = Buffer.from(
      joined.replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  } else bytes = Buffer.from(body, 'utf8');
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}
