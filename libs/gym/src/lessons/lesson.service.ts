import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { inTransaction, NotFoundError, type Page } from '@app/core';
import { AuditLog } from '@app/identity';
import { Lesson } from './lesson.entity';
import { type LessonFilter, type ListedLesson, readLessonPage } from './lesson-listing.query';
import { WaitlistPromoter } from '../waitlist/waitlist-promoter';
import { InvalidEndTimeError } from '../gym.errors';
import { GymCalendar } from '../gym-calendar';
import { type LessonWithRoster, readLessonWithRoster } from './lesson-roster.query';

export type NewLesson = Pick<Lesson, 'gym' | 'type' | 'creditCount' | 'maxCapacity' | 'startDate' | 'startTime' | 'endTime'>;

/** The schedule's filters; `from` defaults to the gym's today. */
export type LessonListFilter = Omit<LessonFilter, 'from'> & { from?: string };

@Injectable()
export class LessonService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
    private readonly promoter: WaitlistPromoter,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Schedules a lesson. `actorId`: the staff member who did, recorded in the audit log
   * (`lesson.create`) in the same transaction; null for what is no staff change (the demo seed).
   */
  async create(input: NewLesson, actorId: number | null): Promise<Lesson> {
    if (input.endTime <= input.startTime) throw new InvalidEndTimeError();
    if (actorId === null) {
      // no staff change to record: one insert, as the seed writes hundreds of them
      const lesson = new Lesson(input);
      await this.em.persistAndFlush(lesson);
      return lesson;
    }
    return inTransaction(this.em, async (em) => {
      const lesson = new Lesson(input);
      await em.persist(lesson).flush(); // the audit entry names its id
      const { gym, type, creditCount, maxCapacity, startDate, startTime, endTime } = lesson;
      this.audit.record(em, actorId, {
        action: 'lesson.create',
        entity: 'lesson',
        entityId: lesson.id,
        after: { gym, type, creditCount, maxCapacity, startDate, startTime, endTime },
      });
      return lesson;
    });
  }

  /**
   * The schedule by start date and time, one keyset page in one statement. It starts at today, in
   * the gym's calendar, unless `from` says otherwise: an app's first page is what can be booked.
   * A signed-in reader also sees their booking and place in each lesson's queue.
   */
  list(filter: LessonListFilter, reader: { id: number } | null): Promise<Page<ListedLesson>> {
    return readLessonPage(this.em, { ...filter, from: filter.from ?? this.calendar.today() }, reader, this.promoter.closingLine());
  }

  /**
   * A lesson and every reservation record on it with its member: one precompiled statement, read
   * as a projection (hydrating a Reservation and a User entity per line cost 3x the throughput on a
   * 190-line roster, building the query a third of the CPU; docs/performance.md).
   */
  async getWithRoster(id: number, viewer: { id: number; isStaff: boolean }): Promise<LessonWithRoster> {
    const found = await readLessonWithRoster(this.em, id, viewer, this.promoter.closingLine());
    if (!found) throw new NotFoundError('Lesson', id);
    return found;
  }
}
