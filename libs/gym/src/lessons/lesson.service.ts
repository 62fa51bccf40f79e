import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { Cursor, NotFoundError, type Page, toPage } from '@app/core';
import { type GymLocation, Lesson, type LessonType } from './lesson.entity';
import { Reservation, type ReservationType } from '../bookings/reservation.entity';
import { InvalidEndTimeError } from '../gym.errors';

export type NewLesson = Pick<Lesson, 'gym' | 'type' | 'creditCount' | 'maxCapacity' | 'startDate' | 'startTime' | 'endTime'>;

export interface LessonFilter {
  from?: string;
  to?: string;
  gym?: GymLocation;
  type?: LessonType;
  limit: number;
  cursor?: string;
}

/** One line of a lesson's roster, read as a projection: no entities, nothing in the identity map. */
export interface RosterEntry {
  id: number;
  type: ReservationType;
  createdAt: Date;
  user: { id: number; username: string; phoneNumber: string };
}

export interface LessonWithRoster {
  lesson: Lesson;
  reservations: RosterEntry[];
}

@Injectable()
export class LessonService {
  constructor(private readonly em: EntityManager) {}

  async create(input: NewLesson): Promise<Lesson> {
    if (input.endTime <= input.startTime) throw new InvalidEndTimeError();
    const lesson = new Lesson(input);
    await this.em.persistAndFlush(lesson);
    return lesson;
  }

  /** The schedule by start date and time, one keyset page in one statement. */
  async list(filter: LessonFilter): Promise<Page<Lesson>> {
    const conditions: FilterQuery<Lesson>[] = [];
    if (filter.from) conditions.push({ startDate: { $gte: filter.from } });
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
   * A lesson and every reservation record on it with its member: two statements. The roster is a
   * read-only projection of the columns the answer shows: hydrating a Reservation and a User entity
   * per line cost 3x the throughput on a 190-line roster (docs/performance.md).
   */
  async getWithRoster(id: number): Promise<LessonWithRoster> {
    const lesson = await this.em.findOne(Lesson, id);
    if (!lesson) throw new NotFoundError('Lesson', id);
    const rows = await this.em
      .createQueryBuilder(Reservation, 'r')
      .select(['r.id', 'r.type', 'r.createdAt'])
      .addSelect(['u.id as userId', 'u.username as username', 'u.phone_number as phoneNumber'])
      .join('r.user', 'u')
      .where({ lesson: id })
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .execute<(Pick<Reservation, 'id' | 'type' | 'createdAt'> & { userId: number; username: string; phoneNumber: string })[]>('all');
    const reservations = rows.map((row) => ({
      id: row.id,
      type: row.type,
      createdAt: row.createdAt,
      user: { id: row.userId, username: row.username, phoneNumber: row.phoneNumber },
    }));
    return { lesson, reservations };
  }
}
