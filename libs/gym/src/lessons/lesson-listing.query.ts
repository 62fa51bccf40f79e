import type { EntityManager } from '@mikro-orm/mysql';
import { Cursor, executePrepared, fromStoredDatetime, type Page, toPage } from '@app/core';
import type { GymLocation, LessonFields, LessonType } from './lesson.entity';
import { LESSON_COLUMNS, type LessonColumns, lessonOf } from './lesson-columns';

/**
 * A lesson as a schedule shows it: when the gym cancelled it (null while it stands), its waitlist's
 * length and, for a signed-in reader, their booking and place in the queue.
 */
export interface ListedLesson extends LessonFields {
  canceledAt: Date | null;
  waitlistLength: number;
  myBooking: number | null;
  myWaitlistPosition: number | null;
}

export interface LessonFilter {
  from: string;
  to?: string;
  gym?: GymLocation;
  type?: LessonType;
  limit: number;
  cursor?: string;
}

/**
 * What every listed lesson carries besides its columns, as scalar subqueries on indexes: the
 * waiting entries (`waitlist_entry (lesson_id, waiting_flag, id)`), the reader's active booking
 * (the unique `reservation (lesson_id, user_id, active_flag)`) and the reader's place in the queue.
 * A waitlist within the cutoff is closed: its length reads 0 and nobody has a place in it.
 * Parameters: the cutoff line twice, then the reader's id twice (0 for an anonymous reader: no user has it).
 */
export const LISTED_LESSON_EXTRAS = `
  case when concat(l.start_date, ' ', l.start_time) > ?
       then (select count(*) from waitlist_entry w where w.lesson_id = l.id and w.waiting_flag = 1) else 0 end as waitlistLength,
  case when concat(l.start_date, ' ', l.start_time) > ?
       then (select count(*) from waitlist_entry q
               join waitlist_entry mine on mine.lesson_id = q.lesson_id and mine.user_id = ? and mine.waiting_flag = 1
              where q.lesson_id = l.id and q.waiting_flag = 1 and q.id <= mine.id) else 0 end as myQueued,
  (select r.id from reservation r where r.lesson_id = l.id and r.user_id = ? and r.active_flag = 1) as myBooking,
  l.canceled_at as canceledAt`;

export interface ListedLessonExtrasRow {
  waitlistLength: number | string;
  myQueued: number | string;
  myBooking: number | null;
  /** `YYYY-MM-DD HH:mm:ss` in UTC, or null. */
  canceledAt: string | null;
}

export function listedLessonOf(row: LessonColumns & ListedLessonExtrasRow): ListedLesson {
  const queued = Number(row.myQueued);
  return {
    ...lessonOf(row),
    canceledAt: row.canceledAt === null ? null : fromStoredDatetime(row.canceledAt),
    waitlistLength: Number(row.waitlistLength),
    myBooking: row.myBooking,
    myWaitlistPosition: queued > 0 ? queued : null,
  };
}

/**
 * One keyset page of the schedule, by start date, time and id, in one statement whatever the page
 * size (`lesson (start_date, start_time, id)`); the text differs only by which filters are given,
 * so each variant is prepared once.
 */
export async function readLessonPage(
  em: EntityManager,
  filter: LessonFilter,
  reader: { id: number } | null,
  closingLine: string,
): Promise<Page<ListedLesson>> {
  const readerId = reader?.id ?? 0;
  const where = ['l.start_date >= ?'];
  const params: unknown[] = [closingLine, closingLine, readerId, readerId, filter.from];
  const optional: [string, unknown][] = [
    ['l.start_date <= ?', filter.to],
    ['l.gym = ?', filter.gym],
    ['l.type = ?', filter.type],
  ];
  for (const [condition, value] of optional) {
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  if (filter.cursor) {
    const [date, time, id] = Cursor.decode<[string, string, number]>(filter.cursor, ['string', 'string', 'number']);
    where.push('(l.start_date > ? or (l.start_date = ? and (l.start_time > ? or (l.start_time = ? and l.id > ?))))');
    params.push(date, date, time, time, id);
  }
  params.push(filter.limit + 1);
  const sql = `select ${LESSON_COLUMNS}, ${LISTED_LESSON_EXTRAS}
    from lesson l
   where ${where.join(' and ')}
   order by l.start_date, l.start_time, l.id
   limit ?`;
  const rows = await executePrepared<LessonColumns & ListedLessonExtrasRow>(em, sql, params);
  return toPage(rows, filter.limit, (row) => [row.startDate, row.startTime, row.lessonId], listedLessonOf);
}

/** One lesson as the schedule lists it for `reader`, in one statement; null when there is no such lesson. */
export async function readListedLesson(
  em: EntityManager,
  id: number,
  reader: { id: number },
  closingLine: string,
): Promise<ListedLesson | null> {
  const [row] = await executePrepared<LessonColumns & ListedLessonExtrasRow>(
    em,
    `select ${LESSON_COLUMNS}, ${LISTED_LESSON_EXTRAS} from lesson l where l.id = ?`,
    [closingLine, closingLine, reader.id, reader.id, id],
  );
  return row ? listedLessonOf(row) : null;
}
