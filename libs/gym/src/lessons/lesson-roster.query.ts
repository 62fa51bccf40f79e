import type { EntityManager } from '@mikro-orm/mysql';
import { executePrepared, fromStoredDatetime } from '@app/core';
import { LESSON_COLUMNS, type LessonColumns } from './lesson-columns';
import { LISTED_LESSON_EXTRAS, type ListedLesson, listedLessonOf, type ListedLessonExtrasRow } from './lesson-listing.query';
import type { ReservationType } from '../bookings/reservation.entity';

/** One line of a lesson's roster, read as a projection: no entities, nothing in the identity map. */
export interface RosterEntry {
  id: number;
  type: ReservationType;
  createdAt: Date;
  /** On a `reserve` record: when it was cancelled (null while booked); always null on a `cancel` record. */
  canceledAt: Date | null;
  user: { id: number; username: string; phoneNumber: string };
}

/** A member waiting for a seat, as staff see the queue. */
export interface WaitingMember {
  position: number;
  createdAt: Date;
  user: { id: number; username: string; phoneNumber: string };
}

export interface LessonWithRoster {
  lesson: ListedLesson;
  reservations: RosterEntry[];
  /** Staff only: the open queue, first in line first. Null for a member. */
  waitlist: WaitingMember[] | null;
}

/**
 * `GET /lessons/:id`, the hottest read: the lesson and the reservation records its reader may see
 * (staff: all; a member: their own, `?` twice: 1 for all, else the member's id) with their members
 * in one statement, written once here and run as a prepared statement instead of built by the query
 * builder on every request (that building was a third of the route's CPU). The lesson comes by
 * primary key, its reservations by `reservation (lesson_id)`, their members by primary key; the
 * sort is over one lesson's records. The lesson and its schedule fields (`LISTED_LESSON_EXTRAS`) are a
 * derived table of one row: subqueries in its select list keep it from being merged, so they run once.
 * A lesson without reservations is one row whose reservation columns are null.
 */
const LESSON_WITH_ROSTER = `select l.*,
  r.id as reservation_id, r.type as reservation_type, r.created_at as reservation_created_at, r.canceled_at as reservation_canceled_at,
  u.id as user_id, u.username, u.phone_number
from (select ${LESSON_COLUMNS}, ${LISTED_LESSON_EXTRAS} from lesson l where l.id = ?) l
left join reservation r on r.lesson_id = l.lessonId and (? = 1 or r.user_id = ?)
left join \`user\` u on u.id = r.user_id
order by r.created_at, r.id`;

/** The open queue with its members, first in line first, by the queue index. */
const WAITING_MEMBERS = `select w.id, w.created_at as createdAt, u.id as userId, u.username, u.phone_number as phoneNumber
  from waitlist_entry w
  join \`user\` u on u.id = w.user_id
 where w.lesson_id = ? and w.waiting_flag = 1
 order by w.id`;

interface LessonWithRosterRow extends LessonColumns, ListedLessonExtrasRow {
  reservation_id: number | null;
  reservation_type: ReservationType;
  /** `YYYY-MM-DD HH:mm:ss` in UTC: the connection reads dates as strings, in UTC. */
  reservation_created_at: string;
  reservation_canceled_at: string | null;
  user_id: number;
  username: string;
  phone_number: string;
}

/**
 * The lesson and its roster, oldest record first, as `viewer` may see it: staff every record and
 * the waitlist (a second statement, only when someone waits), a member only their own records
 * (other members' names are not theirs to read). Null when there is no such lesson.
 */
export async function readLessonWithRoster(
  em: EntityManager,
  id: number,
  viewer: { id: number; isStaff: boolean },
  closingLine: string,
): Promise<LessonWithRoster | null> {
  const rows = await executePrepared<LessonWithRosterRow>(em, LESSON_WITH_ROSTER, [
    closingLine,
    closingLine,
    viewer.id,
    viewer.id,
    id,
    viewer.isStaff ? 1 : 0,
    viewer.id,
  ]);
  const first = rows[0];
  if (!first) return null;
  const lesson = listedLessonOf(first);
  const reservations: RosterEntry[] = [];
  for (const row of rows) {
    if (row.reservation_id === null) continue;
    reservations.push({
      id: row.reservation_id,
      type: row.reservation_type,
      createdAt: fromStoredDatetime(row.reservation_created_at),
      canceledAt: row.reservation_canceled_at === null ? null : fromStoredDatetime(row.reservation_canceled_at),
      user: { id: row.user_id, username: row.username, phoneNumber: row.phone_number },
    });
  }
  const waitlist = viewer.isStaff ? (lesson.waitlistLength > 0 ? await readWaitingMembers(em, id) : []) : null;
  return { lesson, reservations, waitlist };
}

async function readWaitingMembers(em: EntityManager, lessonId: number): Promise<WaitingMember[]> {
  const rows = await executePrepared<{ id: number; createdAt: string; userId: number; username: string; phoneNumber: string }>(
    em,
    WAITING_MEMBERS,
    [lessonId],
  );
  return rows.map((row, index) => ({
    position: index + 1,
    createdAt: fromStoredDatetime(row.createdAt),
    user: { id: row.userId, username: row.username, phoneNumber: row.phoneNumber },
  }));
}
