import type { EntityManager } from '@mikro-orm/mysql';
import { executePrepared, fromStoredDatetime } from '@app/core';
import type { LessonFields } from './lesson.entity';
import { LESSON_COLUMNS, type LessonColumns, lessonOf } from './lesson-columns';
import type { ReservationType } from '../bookings/reservation.entity';

/** One line of a lesson's roster, read as a projection: no entities, nothing in the identity map. */
export interface RosterEntry {
  id: number;
  type: ReservationType;
  createdAt: Date;
  user: { id: number; username: string; phoneNumber: string };
}

export interface LessonWithRoster {
  lesson: LessonFields;
  reservations: RosterEntry[];
}

/**
 * `GET /lessons/:id`, the hottest read: the lesson and the reservation records its reader may see
 * (staff: all; a member: their own, `?` twice: 1 for all, else the member's id) with their members
 * in one statement, written once here and run as a prepared statement instead of built by the query
 * builder on every request (that building was a third of the route's CPU). The lesson comes by
 * primary key, its reservations by `reservation (lesson_id)`, their members by primary key; the
 * sort is over one lesson's records.
 * A lesson without reservations is one row whose reservation columns are null.
 */
const LESSON_WITH_ROSTER = `select ${LESSON_COLUMNS},
  r.id as reservation_id, r.type as reservation_type, r.created_at as reservation_created_at,
  u.id as user_id, u.username, u.phone_number
from lesson l
left join reservation r on r.lesson_id = l.id and (? = 1 or r.user_id = ?)
left join \`user\` u on u.id = r.user_id
where l.id = ?
order by r.created_at, r.id`;

interface LessonWithRosterRow extends LessonColumns {
  reservation_id: number | null;
  reservation_type: ReservationType;
  /** `YYYY-MM-DD HH:mm:ss` in UTC: the connection reads dates as strings, in UTC. */
  reservation_created_at: string;
  user_id: number;
  username: string;
  phone_number: string;
}

/**
 * The lesson and its roster, oldest record first, as `viewer` may see it: staff every record, a
 * member only their own (other members' names are not theirs to read). Null when there is no such lesson.
 */
export async function readLessonWithRoster(
  em: EntityManager,
  id: number,
  viewer: { id: number; isStaff: boolean },
): Promise<LessonWithRoster | null> {
  const rows = await executePrepared<LessonWithRosterRow>(em, LESSON_WITH_ROSTER, [viewer.isStaff ? 1 : 0, viewer.id, id]);
  const first = rows[0];
  if (!first) return null;
  const lesson = lessonOf(first);
  const reservations: RosterEntry[] = [];
  for (const row of rows) {
    if (row.reservation_id === null) continue;
    reservations.push({
      id: row.reservation_id,
      type: row.reservation_type,
      createdAt: fromStoredDatetime(row.reservation_created_at),
      user: { id: row.user_id, username: row.username, phoneNumber: row.phone_number },
    });
  }
  return { lesson, reservations };
}
