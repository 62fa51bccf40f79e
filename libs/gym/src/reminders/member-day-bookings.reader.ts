import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { executePrepared } from '@app/core';
import type { GymLocation, LessonType } from '../lessons/lesson.entity';

/** A lesson as a reminder lists it. */
export interface RemindedLesson {
  id: number;
  gym: GymLocation;
  type: LessonType;
  startTime: string;
  endTime: string;
}

/** One member's active bookings on one day, earliest lesson first. */
export interface MemberDayBookings {
  userId: number;
  username: string;
  email: string;
  lessons: RemindedLesson[];
}

/**
 * The day's active bookings (`reserve`, not cancelled) of members who have an email, one keyset
 * batch per statement in (member, start time, lesson) order: the day's lessons come by
 * `lesson (start_date, start_time, id)`, their bookings by `reservation (lesson_id, ...)`, their
 * members by primary key. A member books a lesson at most once while active, so the key is unique.
 * The first batch starts after (0, '', 0), which every row follows: one statement text for all.
 */
const BOOKINGS_OF_DAY = `select u.id as userId, u.username, u.email,
  l.id as lessonId, l.gym, l.type as lessonType, l.start_time as startTime, l.end_time as endTime
from lesson l
join reservation r on r.lesson_id = l.id and r.type = 'reserve' and r.canceled_at is null
join \`user\` u on u.id = r.user_id
where l.start_date = ? and u.email is not null and (u.id, l.start_time, l.id) > (?, ?, ?)
order by u.id, l.start_time, l.id
limit ?`;

interface BookingRow {
  userId: number;
  username: string;
  email: string;
  lessonId: number;
  gym: GymLocation;
  lessonType: LessonType;
  startTime: string;
  endTime: string;
}

/** Rows per statement: a day's bookings in a few statements, and never a whole table in memory. */
const BATCH_SIZE = 500;

/** The bookings of one day, grouped per member, for the evening reminder. */
@Injectable()
export class MemberDayBookingsReader {
  constructor(private readonly em: EntityManager) {}

  /**
   * Each member booked on `date` (a gym-local `YYYY-MM-DD`) with their lessons, by member id. A
   * member whose rows straddle two batches is yielded once, whole, when the next batch shows the
   * following member (or the rows run out).
   */
  async *membersBookedOn(date: string, batchSize = BATCH_SIZE): AsyncGenerator<MemberDayBookings> {
    const em = this.em.fork(); // the worker calls this outside any request context
    let after: [number, string, number] = [0, '', 0];
    let open: MemberDayBookings | undefined;
    for (;;) {
      const rows = await executePrepared<BookingRow>(em, BOOKINGS_OF_DAY, [date, ...after, batchSize]);
      for (const row of rows) {
        if (open && open.userId !== row.userId) {
          yield open;
          open = undefined;
        }
        open ??= { userId: row.userId, username: row.username, email: row.email, lessons: [] };
        open.lessons.push({ id: row.lessonId, gym: row.gym, type: row.lessonType, startTime: row.startTime, endTime: row.endTime });
      }
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) break;
      after = [last.userId, last.startTime, last.lessonId];
    }
    if (open) yield open;
  }
}
