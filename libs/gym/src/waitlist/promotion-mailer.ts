import { Injectable, Logger } from '@nestjs/common';
import { afterCommit } from '@app/core';
import { EmailDispatcher } from '@app/jobs';
import type { Promotion } from './waitlist-promoter';

/**
 * Tells promoted members they have a seat: one email each, through the worker, once the transaction
 * that promoted them is committed (`afterCommit`: at once after the service's own transaction, or
 * after the idempotency interceptor's when the request carried a key; never from inside one: a
 * rolled-back promotion must not announce a seat). The mailing key is the entry's, so announcing a promotion again sends nothing.
 * The booking stands whether or not the email can be queued: when Redis is down the member still
 * sees it in `GET /users/me/bookings`, and the failure is logged.
 */
@Injectable()
export class PromotionMailer {
  private readonly logger = new Logger('PromotionMailer');

  constructor(private readonly emails: EmailDispatcher) {}

  announce(promotions: readonly Promotion[]): Promise<void> {
    return afterCommit(() => this.send(promotions));
  }

  private async send(promotions: readonly Promotion[]): Promise<void> {
    for (const promotion of promotions) {
      if (!promotion.user.email) continue;
      const { lesson } = promotion;
      const when = `${lesson.startDate} ${lesson.startTime}-${lesson.endTime}`;
      await this.emails
        .enqueue(
          {
            recipients: [promotion.user.email],
            subject: `You have a seat: ${lesson.type} on ${when}`,
            body: [
              `Hello ${promotion.user.username},`,
              '',
              `A seat freed up in the ${lesson.type} lesson at our ${lesson.gym} gym on ${when}, and it is yours:`,
              `you were first on its waitlist. ${lesson.creditCount} credit(s) were charged, as for any booking.`,
              '',
              `Your booking is number ${promotion.reservationId}. If you cannot come, cancel it in the app.`,
            ].join('\n'),
          },
          { key: `waitlist-promotion-${promotion.entryId}` },
        )
        .catch((error: unknown) =>
          this.logger.error(`Promotion email for waitlist entry ${promotion.entryId} not queued: ${String(error)}`),
        );
    }
  }
}
