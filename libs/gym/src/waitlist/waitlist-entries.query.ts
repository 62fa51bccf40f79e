import type { EntityManager } from '@mikro-orm/mysql';
import { executePrepared, fromStoredDatetime } from '@app/core';
import type { LessonFields } from '../lessons/lesson.entity';
import { LESSON_COLUMNS, type LessonColumns, lessonOf } from '../lessons/lesson-columns';
import { WaitlistStatus } from './waitlist-entry.entity';

/** A waitlist entry as its member sees it. `position` counts waiting entries ahead, from 1; null once it stops waiting. */
export interface WaitlistEntryView {
  id: number;
  lesson: LessonFields;
  position: number | null;
  status: WaitlistStatus;
  reason: string | null;
  createdAt: Date;
}

/**
 * An entry still `waiting` on a lesson within the cutoff reads as `expired` at once, whether or not
 * a write has marked it yet (the first seat freed after the cutoff marks them). `?` is the gym's
 * wall clock at the cutoff (`WaitlistPromoter.closingLine`).
 */
const EFFECTIVE_STATUS = `case when w.status = 'waiting' and concat(l.start_date, ' ', l.start_time) <= ? then 'expired' else w.status end`;

/**
 * The member's entries with their lessons, open ones first, then newest first, in one statement;
 * each waiting entry's position by the queue index (`lesson_id, waiting_flag, id`).
 */
const MEMBER_ENTRIES = `select * from (
  select w.id, ${EFFECTIVE_STATUS} as status, w.reason, w.created_at as createdAt, ${LESSON_COLUMNS},
         (select count(*) from waitlist_entry q where q.lesson_id = w.lesson_id and q.waiting_flag = 1 and q.id <= w.id) as queued
    from waitlist_entry w
    join lesson l on l.id = w.lesson_id
   where w.user_id = ?) e
order by e.status = 'waiting' desc, e.id desc`;

const ONE_ENTRY = MEMBER_ENTRIES.replace('where w.user_id = ?', 'where w.id = ?');

interface EntryRow extends LessonColumns {
  id: number;
  status: WaitlistStatus;
  reason: string | null;
  createdAt: string;
  queued: number | string;
}

const toView = (row: EntryRow): WaitlistEntryView => ({
  id: row.id,
  lesson: lessonOf(row),
  position: row.status === WaitlistStatus.Waiting ? Number(row.queued) : null,
  status: row.status,
  reason: row.reason,
  createdAt: fromStoredDatetime(row.createdAt),
});

export async function readMemberWaitlist(em: EntityManager, userId: number, closingLine: string): Promise<WaitlistEntryView[]> {
  const rows = await executePrepared<EntryRow>(em, MEMBER_ENTRIES, [closingLine, userId]);
  return rows.map(toView);
}

export async function readWaitlistEntry(em: EntityManager, id: number, closingLine: string): Promise<WaitlistEntryView | null> {
  const [row] = await executePrepared<EntryRow>(em, ONE_ENTRY, [closingLine, id]);
  return row ? toView(row) : null;
}
