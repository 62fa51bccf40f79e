import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { User } from '@app/identity';
import { planRefund, refundFor } from '../credits/credit-plan';
import { Credit, CreditType } from '../credits/credit.entity';
import { Lesson } from '../lessons/lesson.entity';
import { Reservation, ReservationType } from './reservation.entity';
import { GymCalendar } from '../gym-calendar';
import type { BookingView } from './booking-view';
import { type Booking, chargeForSeat } from './seat-charge';
import { type Promotion, WaitlistPromoter } from '../waitlist/waitlist-promoter';
import {
  AlreadyCanceledError,
  AlreadyRegisteredError,
  CancelNotAllowedError,
  InvalidReservationTypeError,
  LessonClosedError,
  LessonFullError,
  NotYourReservationError,
} from '../gym.errors';

export type { Booking } from './seat-charge';

/** A cancellation's answer, and the members its freed seat went to (emailed after the commit). */
export interface Cancellation {
  booking: BookingView;
  promotions: Promotion[];
}

/**
 * Booking and cancelling. Each runs in one transaction that first locks the lesson row (its seat
 * count decides LESSON_FULL), then, for a booking, the member's row (it serialises everything that
 * spends the member's credit). Lock order is always lesson, then member, so two transactions
 * cannot deadlock on each other.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly promoter: WaitlistPromoter,
  ) {}

  book(userId: number, lessonId: number): Promise<Booking> {
    return inTransaction(
      this.em,
      async (em) => {
        const lesson = await em.findOne(Lesson, lessonId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!lesson) throw new NotFoundError('Lesson', lessonId);
        if (lesson.isFull) throw new LessonFullError();
        const now = this.calendar.now();
        if (lesson.hasStartedBy(now)) throw new LessonClosedError();
        const user = await em.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const active = await em.count(Reservation, { user, lesson, type: ReservationType.Reserve, canceledAt: null });
        if (active > 0) throw new AlreadyRegisteredError();

        // a free seat means nobody waits for one (WaitlistPromoter fills seats as they free), so the
        // booker holds no waiting entry for this lesson
        return chargeForSeat(em, lesson, user, now.date, this.calendar.instant());
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  /**
   * Cancels the member's booking, refunding by how many days before the lesson day it happens. A
   * refund of 0 is written as one `refund` entry of 0 against the purchase that stays valid longest.
   * The freed seat goes to the waitlist in the same transaction (`WaitlistPromoter`).
   */
  cancel(userId: number, reservationId: number): Promise<Cancellation> {
    return inTransaction(
      this.em,
      async (em) => {
        const found = await em.findOne(Reservation, reservationId, { fields: ['id', 'type', 'user', 'lesson'] });
        if (!found) throw new NotFoundError('Reservation', reservationId);
        if (found.user.id !== userId) throw new NotYourReservationError();
        if (found.type !== ReservationType.Reserve) throw new InvalidReservationTypeError();

        const lesson = await em.findOneOrFail(Lesson, found.lesson.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const reservation = await em.findOneOrFail(Reservation, reservationId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (reservation.canceledAt) throw new AlreadyCanceledError();
        const refund = refundFor(lesson.creditCount, this.calendar.daysUntil(lesson.startDate));
        if (refund === null) throw new CancelNotAllowedError();

        const uses = await em.find(Credit, { reservation, type: CreditType.Use }, { populate: ['purchase'] });
        const at = this.calendar.instant();
        const record = reservation.cancel(at);
        lesson.freeSeat();
        const today = this.calendar.today();
        const message = `Cancelled lesson #${lesson.id}: ${refund} of ${lesson.creditCount} credits refunded`;
        const draws = uses.map((use) => ({ purchaseId: use.purchase!.id, count: -use.count, endDate: use.purchase!.endDate! }));
        const credits = planRefund(draws, refund).map((back) =>
          Credit.movement(
            CreditType.Refund,
            { user: reservation.user, purchase: em.getReference(Credit, back.purchaseId), reservation: record },
            back.count,
            { day: today, at },
            message,
          ),
        );
        em.persist([record, ...credits]);
        const promotions = await this.promoter.fillFreedSeats(em, lesson);
        const creditsSpent = draws.reduce((sum, draw) => sum + draw.count, 0);
        const booking: BookingView = {
          id: reservation.id,
          lesson,
          bookedAt: reservation.createdAt,
          cancelledAt: reservation.canceledAt,
          creditsSpent,
          // what the refund entries hold, as the ledger will show it (never more than was spent)
          creditsRefunded: credits.reduce((sum, entry) => sum + entry.count, 0),
        };
        return { booking, promotions };
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }
}
