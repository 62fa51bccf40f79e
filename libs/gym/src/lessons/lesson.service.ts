import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Cursor, NotFoundError, type Page, toPage } from '@app/core';
import { type GymLocation, Lesson, type LessonType } from './lesson.entity';
import { InvalidEndTimeError } from '../gym.errors';
import { GymCalendar } from '../gym-calendar';
import { type LessonWithRoster, readLessonWithRoster } from './lesson-roster.query';

export type NewLesson = Pick<Lesson, 'gym' | 'type' | 'creditCount' | 'maxCapacity' | 'startDate' | 'startTime' | 'endTime'>;

export interface LessonFilter {
  from?: string;
  to?: string;
  gym?: GymLocation;
  type?: LessonType;
  limit: number;
  cursor?: string;
}

@Injectable()
export class LessonService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
  ) {}

  async create(input: NewLesson): Promise<Lesson> {
    if (input.endTime <= input.startTime) throw new InvalidEndTimeError();
    const lesson = new Lesson(input);
    await this.em.persistAndFlush(lesson);
    return lesson;
  }

  /**
   * The schedule by start date and time, one keyset page in one statement. It starts at today, in
   * the gym's calendar, unless `from` says otherwise: an app's first page is what can be booked.
   */
  async list(filter: LessonFilter): Promise<Page<Lesson>> {
    const conditions: FilterQuery<Lesson>[] = [{ startDate: { $gte: filter.from ?? this.calendar.today() } }];
    if (filter.to) conditions.push({ startDate: { $lte: filter.to } });
    if (filter.gym) conditions.push({ gym: filter.gym });
    if (filter.type) conditions.push({ type: filter.type });
    if (filter.cursor) {
      const [date, time, id] = Cursor.decode<[string, string, number]>(filter.cursor, ['string', 'string', 'number']);
      conditions.push({
        $or: [
          { startDate: { $gt: date } },
          { startDate: date, startTime: { $gt: time } },
          { startDate: date, startTime: time, id: { $gt: id } },
        ],
      });
    }
    const rows = await this.em.find(
      Lesson,
      { $and: conditions },
      { orderBy: { startDate: 'asc', startTime: 'asc', id: 'asc' }, limit: filter.limit + 1 },
    );
    return toPage(
      rows,
      filter.limit,
      (lesson) => [lesson.startDate, lesson.startTime, lesson.id],
      (lesson) => lesson,
    );
  }

  /**
   * A lesson and every reservation record on it with its member: one precompiled statement, read
   * as a projection (hydrating a Reservation and a User entity per line cost 3x the throughput on a
   * 190-line roster, building the query a third of the CPU; docs/performance.md).
   */
  async getWithRoster(id: number, viewer: { id: number; isStaff: boolean }): Promise<LessonWithRoster> {
    const found = await readLessonWithRoster(this.em, id, viewer);
    if (!found) throw new NotFoundError('Lesson', id);
    return found;
  }
}
