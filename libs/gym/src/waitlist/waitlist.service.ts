import { Injectable } from '@nestjs/common';
import { IsolationLevel, LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { AppConfig, inTransaction, NotFoundError } from '@app/core';
import { User } from '@app/identity';
import { Lesson } from '../lessons/lesson.entity';
import { GymCalendar } from '../gym-calendar';
import {
  AlreadyRegisteredError,
  AlreadyWaitlistedError,
  LessonCanceledError,
  LessonClosedError,
  LessonNotFullError,
  NotYourWaitlistEntryError,
  WaitlistClosedError,
  WaitlistEntryClosedError,
} from '../gym.errors';
import { WaitlistEntry, WaitlistStatus } from './waitlist-entry.entity';
import { readMemberWaitlist, readWaitlistEntry, type WaitlistEntryView } from './waitlist-entries.query';
import { WaitlistPromoter } from './waitlist-promoter';
import { lockLesson } from '../lessons/lesson-lock';
import { holdsActiveBooking } from '../bookings/active-booking';

/**
 * Joining and leaving a lesson's waitlist. Both lock the lesson row first, like a booking and a
 * cancellation: every change to a lesson's seats and queue is serialised on it, so a join cannot
 * slip past the cancellation that would have promoted it.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly promoter: WaitlistPromoter,
    private readonly config: AppConfig,
  ) {}

  /** Refusals in this order: LESSON_CLOSED (cancelled by the gym, started, or within the cutoff), LESSON_NOT_FULL, ALREADY_REGISTERED, ALREADY_WAITLISTED. */
  join(userId: number, lessonId: number): Promise<WaitlistEntryView> {
    return inTransaction(
      this.em,
      async (em) => {
        const lesson = await lockLesson(em, lessonId);
        if (lesson.isCanceled) throw new LessonCanceledError();
        if (lesson.hasStartedBy(this.calendar.now())) throw new LessonClosedError();
        if (this.promoter.isClosed(lesson)) throw new WaitlistClosedError(this.config.gym.waitlistCutoffMinutes);
        if (!lesson.isFull) throw new LessonNotFullError(lesson.maxCapacity - lesson.reservedCount);
        const user = em.getReference(User, userId);
        if (await holdsActiveBooking(em, user, lesson)) throw new AlreadyRegisteredError();
        const waiting = await em.findOne(WaitlistEntry, { user, lesson, status: WaitlistStatus.Waiting }, { fields: ['id'] });
        if (waiting) throw new AlreadyWaitlistedError((await this.view(em, waiting.id)).position ?? 0);

        const entry = new WaitlistEntry(lesson, user, this.calendar.instant());
        await em.persistAndFlush(entry);
        return this.view(em, entry.id);
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  /** Leaves the queue: the entry is deleted. Only a waiting entry can be left. */
  leave(userId: number, entryId: number): Promise<void> {
    return inTransaction(
      this.em,
      async (em) => {
        const found = await em.findOne(WaitlistEntry, entryId, { fields: ['id', 'user', 'lesson'] });
        if (!found) throw new NotFoundError('Waitlist entry', entryId);
        if (found.user.id !== userId) throw new NotYourWaitlistEntryError();
        const lesson = await em.findOneOrFail(Lesson, found.lesson.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const entry = await em.findOneOrFail(WaitlistEntry, entryId, { refresh: true });
        if (!entry.isWaiting) throw new WaitlistEntryClosedError(entry.status);
        if (this.promoter.isClosed(lesson)) throw new WaitlistEntryClosedError(WaitlistStatus.Expired);
        await em.removeAndFlush(entry);
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
  }

  /** The member's entries, open ones first, then newest first: one statement. */
  mine(userId: number): Promise<WaitlistEntryView[]> {
    return readMemberWaitlist(this.em, userId, this.promoter.closingLine());
  }

  private async view(em: EntityManager, entryId: number): Promise<WaitlistEntryView> {
    const view = await readWaitlistEntry(em, entryId, this.promoter.closingLine());
    if (!view) throw new Error(`Waitlist entry ${entryId} vanished inside its transaction`);
    return view;
  }
}
