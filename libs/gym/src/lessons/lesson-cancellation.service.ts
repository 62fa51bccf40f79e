import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction } from '@app/core';
import { AuditLog, User } from '@app/identity';
import { cancelAndRefund } from '../bookings/booking-refund';
import { Reservation, ReservationType } from '../bookings/reservation.entity';
import { Credit, CreditType } from '../credits/credit.entity';
import { WaitlistEntry, WaitlistStatus } from '../waitlist/waitlist-entry.entity';
import { GymCalendar } from '../gym-calendar';
import { LessonAlreadyCanceledError } from '../gym.errors';
import type { LessonFields } from './lesson.entity';
import { lockLesson } from './lesson-lock';

/** The reason a waiting entry closed when the gym cancelled its lesson. */
export const LESSON_CANCELED = 'LESSON_CANCELED';

/** A member the cancellation concerns: booked (and refunded) or waiting (and no longer). */
export interface AffectedMember {
  user: { id: number; username: string; email: string | null };
  /** Credits given back; null for a member who was waiting. */
  refunded: number | null;
}

export interface LessonCancellation {
  lesson: LessonFields;
  canceledAt: Date;
  reason: string;
  refundedBookings: number;
  /** Everyone to tell, after the commit. */
  affected: AffectedMember[];
}

/**
 * The gym cancels a lesson. One transaction locks the lesson row, the row every booking, member
 * cancellation and waitlist join of the lesson locks first, so each of them either committed before
 * (and its booking or entry is swept up here) or runs after and finds the lesson cancelled
 * (LESSON_CLOSED, ALREADY_CANCELED). In it, every active booking is cancelled with a full refund to
 * the purchases it was paid from (`cancelAndRefund`, as a member's cancellation writes it), every
 * waiting entry expires with the reason `LESSON_CANCELED`, the lesson is stamped with when and why,
 * and one audit entry records it. Reads are batched: the bookings, their `use` entries, the waiting
 * entries and the members are one statement each, whatever the lesson's size.
 */
@Injectable()
export class LessonCancellationService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly audit: AuditLog,
  ) {}

  cancel(actorId: number, lessonId: number, reason: string): Promise<LessonCancellation> {
    return inTransaction(
      this.em,
      async (em) => {
        const lesson = await lockLesson(em, lessonId);
        if (lesson.isCanceled) throw new LessonAlreadyCanceledError();

        const bookings = await em.find(
          Reservation,
          { lesson, type: ReservationType.Reserve, canceledAt: null },
          { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
        );
        const uses = bookings.length
          ? await em.find(Credit, { reservation: { $in: bookings }, type: CreditType.Use }, { populate: ['purchase'] })
          : [];
        const waiting = await em.find(WaitlistEntry, { lesson, status: WaitlistStatus.Waiting }, { orderBy: { id: 'asc' } });
        const members = await this.members(
          em,
          [...bookings, ...waiting].map((record) => record.user.id),
        );

        const when = { day: this.calendar.today(), at: this.calendar.instant() };
        const message = `Lesson #${lesson.id} cancelled by the gym: ${lesson.creditCount} of ${lesson.creditCount} credits refunded`;
        const paidBy = new Map<number, Credit[]>();
        for (const use of uses) paidBy.set(use.reservation!.id, [...(paidBy.get(use.reservation!.id) ?? []), use]);
        const affected: AffectedMember[] = bookings.map((reservation) => {
          const paid = paidBy.get(reservation.id) ?? [];
          const cancelled = cancelAndRefund(em, lesson, { reservation, uses: paid }, lesson.creditCount, when, message);
          return { user: members.get(reservation.user.id)!, refunded: cancelled.creditsRefunded };
        });
        for (const entry of waiting) {
          entry.expire(when.at, LESSON_CANCELED);
          affected.push({ user: members.get(entry.user.id)!, refunded: null });
        }
        lesson.cancel(reason, when.at);
        this.audit.record(em, actorId, {
          action: 'lesson.cancel',
          entity: 'lesson',
          entityId: lesson.id,
          before: { canceledAt: null },
          after: { canceledAt: lesson.canceledAt!.toISOString(), refundedBookings: bookings.length, closedWaitlistEntries: waiting.length },
          reason,
        });
        return {
          lesson,
          canceledAt: lesson.canceledAt!,
          reason,
          refundedBookings: bookings.length,
          affected,
        };
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  /** The members by id, with what an email needs, in one statement. */
  private async members(em: EntityManager, ids: number[]): Promise<Map<number, AffectedMember['user']>> {
    if (ids.length === 0) return new Map();
    const users = await em.find(User, { id: { $in: [...new Set(ids)] } }, { fields: ['id', 'username', 'email'] });
    return new Map(users.map((user) => [user.id, { id: user.id, username: user.username, email: user.email }]));
  }
}
