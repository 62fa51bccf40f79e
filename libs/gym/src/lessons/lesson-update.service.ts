import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError } from '@app/core';
import { AuditLog } from '@app/identity';
import { type ListedLesson, readListedLesson } from './lesson-listing.query';
import { type Promotion, WaitlistPromoter } from '../waitlist/waitlist-promoter';
import { CapacityBelowBookedError, InvalidEndTimeError, LessonAlreadyCanceledError } from '../gym.errors';
import { lockLesson } from './lesson-lock';

/** What staff may change on a scheduled lesson. Its day, gym, type and price stay. */
export interface LessonChanges {
  maxCapacity?: number;
  startTime?: string;
  endTime?: string;
}

/** An edited lesson as the schedule lists it, and the members a larger capacity booked from the waitlist (emailed after the commit). */
export interface LessonUpdate {
  lesson: ListedLesson;
  promotions: Promotion[];
}

const EDITABLE = ['maxCapacity', 'startTime', 'endTime'] as const;

/**
 * Staff edits of a lesson: its capacity and its times. One transaction locks the lesson row (the
 * seat count decides CAPACITY_BELOW_BOOKED, as it decides LESSON_FULL for a booking), changes it,
 * fills the seats a larger capacity opened from the waitlist (`WaitlistPromoter`, booked and charged
 * as a booking would be), and writes the audit entry with the changed fields before and after.
 * Refusals in this order: NOT_FOUND, LESSON_ALREADY_CANCELED, INVALID_END_TIME, CAPACITY_BELOW_BOOKED.
 */
@Injectable()
export class LessonUpdateService {
  constructor(
    private readonly em: EntityManager,
    private readonly promoter: WaitlistPromoter,
    private readonly audit: AuditLog,
  ) {}

  async update(actorId: number, lessonId: number, changes: LessonChanges): Promise<LessonUpdate> {
    const promotions = await inTransaction(
      this.em,
      async (em) => {
        const lesson = await lockLesson(em, lessonId);
        if (lesson.isCanceled) throw new LessonAlreadyCanceledError();
        const next = {
          maxCapacity: changes.maxCapacity ?? lesson.maxCapacity,
          startTime: changes.startTime ?? lesson.startTime,
          endTime: changes.endTime ?? lesson.endTime,
        };
        if (next.endTime <= next.startTime) throw new InvalidEndTimeError();
        if (next.maxCapacity < lesson.reservedCount) throw new CapacityBelowBookedError(lesson.reservedCount);

        const changed = EDITABLE.filter((field) => changes[field] !== undefined && changes[field] !== lesson[field]);
        if (changed.length === 0) return [];
        const before = Object.fromEntries(changed.map((field) => [field, lesson[field]]));
        const grew = next.maxCapacity > lesson.maxCapacity;
        lesson.reschedule(changes);
        this.audit.record(em, actorId, {
          action: 'lesson.update',
          entity: 'lesson',
          entityId: lesson.id,
          before,
          after: Object.fromEntries(changed.map((field) => [field, lesson[field]])),
        });
        return grew ? this.promoter.fillFreedSeats(em, lesson) : [];
      },
      { isolationLevel: IsolationLevel.READ_COMMITTED },
    );
    const lesson = await readListedLesson(this.em, lessonId, { id: actorId }, this.promoter.closingLine());
    if (!lesson) throw new NotFoundError('Lesson', lessonId);
    return { lesson, promotions };
  }
}
