import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError, inTransaction, NotFoundError } from '@app/core';
import { AuditLog, StaffRights, User } from '@app/identity';
import { refundFor } from '../credits/credit-plan';
import { Credit, CreditType } from '../credits/credit.entity';
import { Lesson } from '../lessons/lesson.entity';
import { Reservation, ReservationType } from './reservation.entity';
import { GymCalendar } from '../gym-calendar';
import type { BookingView } from './booking-view';
import { type Booking, chargeForSeat } from './seat-charge';
import { cancelAndRefund } from './booking-refund';
import { type Promotion, WaitlistPromoter } from '../waitlist/waitlist-promoter';
import {
  AlreadyCanceledError,
  AlreadyRegisteredError,
  CancelNotAllowedError,
  InvalidReservationTypeError,
  LessonCanceledError,
  LessonClosedError,
  LessonFullError,
  NotYourReservationError,
} from '../gym.errors';
import { lockLesson } from '../lessons/lesson-lock';
import { holdsActiveBooking } from './active-booking';

export type { Booking } from './seat-charge';

/** How a cancellation refunds: by the days-before tiers, or (staff only) everything the booking cost. */
export type RefundMode = 'tier' | 'full';

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
    private readonly staffRights: StaffRights,
    private readonly audit: AuditLog,
  ) {}

  book(userId: number, lessonId: number): Promise<Booking> {
    return inTransaction(
      this.em,
      async (em) => {
        const lesson = await lockLesson(em, lessonId);
        if (lesson.isCanceled) throw new LessonCanceledError();
        if (lesson.isFull) throw new LessonFullError();
        const now = this.calendar.now();
        if (lesson.hasStartedBy(now)) throw new LessonClosedError();
        const user = await em.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (await holdsActiveBooking(em, user, lesson)) throw new AlreadyRegisteredError();

        // a free seat means nobody waits for one (WaitlistPromoter fills seats as they free), so the
        // booker holds no waiting entry for this lesson
        return chargeForSeat(em, lesson, user, now.date, this.calendar.instant());
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  /**
   * Cancels a booking. Its member may cancel it by the refund tiers (`refundFor`: all 3+ days before
   * the lesson day, half 1-2 days before, refused on the day). Staff may cancel anyone's booking at any
   * time, refunding by the tiers (0 on the day or after) or, with `full`, everything it cost; a staff
   * cancellation that uses those rights is written to the audit log in the same transaction. Staff
   * rights come from the database (`StaffRights`), read only when the request needs them: a member
   * cancelling their own booking by the tiers pays no extra statement. The refund goes back to the
   * purchases it was spent from (`cancelAndRefund`), and the freed seat to the waitlist in the same
   * transaction (`WaitlistPromoter`). Refusals in this order: FORBIDDEN (`full` from a member),
   * NOT_FOUND, NOT_YOUR_RESERVATION, INVALID_RESERVATION_TYPE, ALREADY_CANCELED, CANCEL_NOT_ALLOWED.
   */
  cancel(actorId: number, reservationId: number, mode: RefundMode = 'tier'): Promise<Cancellation> {
    return inTransaction(
      this.em,
      async (em) => {
        let staff: boolean | undefined;
        const isStaff = async () => (staff ??= await this.staffRights.isStaff(actorId));
        if (mode === 'full' && !(await isStaff())) throw new DomainError('FORBIDDEN', 'Only staff may refund a cancellation in full');
        const found = await em.findOne(Reservation, reservationId, { fields: ['id', 'type', 'user', 'lesson'] });
        if (!found) throw new NotFoundError('Reservation', reservationId);
        const owner = found.user.id === actorId;
        if (!owner && !(await isStaff())) throw new NotYourReservationError();
        if (found.type !== ReservationType.Reserve) throw new InvalidReservationTypeError();

        const lesson = await em.findOneOrFail(Lesson, found.lesson.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const reservation = await em.findOneOrFail(Reservation, reservationId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (reservation.canceledAt) throw new AlreadyCanceledError();
        const byTier = refundFor(lesson.creditCount, this.calendar.daysUntil(lesson.startDate));
        if (byTier === null && !(await isStaff())) throw new CancelNotAllowedError();
        const refund = mode === 'full' ? lesson.creditCount : (byTier ?? 0);

        const uses = await em.find(Credit, { reservation, type: CreditType.Use }, { populate: ['purchase'] });
        const when = { day: this.calendar.today(), at: this.calendar.instant() };
        const message = `Cancelled lesson #${lesson.id}: ${refund} of ${lesson.creditCount} credits refunded`;
        const booking = cancelAndRefund(em, lesson, { reservation, uses }, refund, when, message);
        // staff rights used: another member's booking, a full refund, or a cancellation the tiers refuse
        if (!owner || mode === 'full' || byTier === null) {
          this.audit.record(em, actorId, {
            action: 'reservation.cancel',
            entity: 'reservation',
            entityId: reservation.id,
            before: { status: 'booked' },
            after: { status: 'cancelled', refund: mode, creditsRefunded: booking.creditsRefunded },
          });
        }
        const promotions = await this.promoter.fillFreedSeats(em, lesson);
        return { booking, promotions };
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }
}
