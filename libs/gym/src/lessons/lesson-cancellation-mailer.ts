import { Injectable, Logger } from '@nestjs/common';
import { afterCommit } from '@app/core';
import { EmailDispatcher } from '@app/jobs';
import type { LessonCancellation } from './lesson-cancellation.service';

/**
 * Tells every member a lesson cancellation concerns, booked or waiting, one email each through the
 * worker, once the cancellation is committed (`afterCommit`: at once after the service's own
 * transaction, or after the idempotency interceptor's when the request carried a key). The mailing key is the lesson's and the
 * member's, so announcing the same cancellation again (a retried request) sends nothing twice.
 * The cancellation stands whether or not an email can be queued; a failure is logged.
 */
@Injectable()
export class LessonCancellationMailer {
  private readonly logger = new Logger('LessonCancellationMailer');

  constructor(private readonly emails: EmailDispatcher) {}

  announce(cancellation: LessonCancellation): Promise<void> {
    return afterCommit(() => this.send(cancellation));
  }

  private async send({ lesson, reason, affected }: LessonCancellation): Promise<void> {
    const when = `${lesson.startDate} ${lesson.startTime}-${lesson.endTime}`;
    for (const { user, refunded } of affected) {
      if (!user.email) continue;
      const outcome =
        refunded === null
          ? 'You were on its waitlist; your place there is closed and nothing was charged.'
          : `Your booking is cancelled and its ${refunded} credit(s) are back in your balance.`;
      await this.emails
        .enqueue(
          {
            recipients: [user.email],
            subject: `Cancelled: ${lesson.type} on ${when}`,
            body: [
              `Hello ${user.username},`,
              '',
              `We are sorry: the ${lesson.type} lesson at our ${lesson.gym} gym on ${when} is cancelled.`,
              `Reason: ${reason}`,
              '',
              outcome,
            ].join('\n'),
          },
          { key: `lesson-canceled-${lesson.id}-${user.id}` },
        )
        .catch((error: unknown) =>
          this.logger.error(`Cancellation email for lesson ${lesson.id} to member ${user.id} not queued: ${String(error)}`),
        );
    }
  }
}
