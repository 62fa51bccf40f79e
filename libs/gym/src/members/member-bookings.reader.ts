import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Cursor, executePrepared, fromStoredDatetime, type Page, toPage } from '@app/core';
import { BookingListStatus, type BookingView } from '../bookings/booking-view';
import { LESSON_COLUMNS, type LessonColumns, lessonOf } from '../lessons/lesson-columns';
import { GymCalendar } from '../gym-calendar';

const SELECT = `select r.id, r.created_at as bookedAt, r.canceled_at as cancelledAt,
  ${LESSON_COLUMNS},
  (select coalesce(-sum(c.count), 0) from credit c where c.reservation_id = r.id and c.type = 'use') as creditsSpent,
  case when r.canceled_at is null then null else (
    select coalesce(sum(c.count), 0) from reservation x join credit c on c.reservation_id = x.id and c.type = 'refund' where x.cancels_id = r.id
  ) end as creditsRefunded
from reservation r
join lesson l on l.id = r.lesson_id
where r.user_id = ? and r.type = 'reserve'`;

/**
 * One page of each list in one prepared statement: the member's `reserve` records (by
 * `reservation (user_id, created_at)`), their lessons by primary key, what each spent and got back
 * from `credit (reservation_id)` and the cancellation record (`reservation (cancels_id)`). The
 * sort is over one member's bookings. Keys: (start date, start time, id) for the booked lists,
 * (cancelled at, id) for the cancelled one.
 */
const LISTS: Record<BookingListStatus, { where: string; after: string; order: string }> = {
  [BookingListStatus.Upcoming]: {
    where: 'and r.canceled_at is null and (l.start_date, l.start_time) > (?, ?)',
    after: 'and (l.start_date, l.start_time, r.id) > (?, ?, ?)',
    order: 'order by l.start_date, l.start_time, r.id limit ?',
  },
  [BookingListStatus.Past]: {
    where: 'and r.canceled_at is null and (l.start_date, l.start_time) <= (?, ?)',
    after: 'and (l.start_date, l.start_time, r.id) < (?, ?, ?)',
    order: 'order by l.start_date desc, l.start_time desc, r.id desc limit ?',
  },
  [BookingListStatus.Cancelled]: {
    where: 'and r.canceled_at is not null',
    after: 'and (r.canceled_at, r.id) < (?, ?)',
    order: 'order by r.canceled_at desc, r.id desc limit ?',
  },
};

interface BookingRow extends LessonColumns {
  id: number;
  bookedAt: string;
  cancelledAt: string | null;
  creditsSpent: number | string;
  creditsRefunded: number | string | null;
}

/** A member's bookings as `GET /users/me/bookings` lists them, one keyset page at a time. */
@Injectable()
export class MemberBookingsReader {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: GymCalendar,
  ) {}

  async page(userId: number, query: { status: BookingListStatus; limit: number; cursor?: string }): Promise<Page<BookingView>> {
    const list = LISTS[query.status];
    const cancelled = query.status === BookingListStatus.Cancelled;
    const params: (string | number)[] = [userId];
    if (!cancelled) {
      const now = this.calendar.now();
      params.push(now.date, now.time);
    }
    if (query.cursor) params.push(...(cancelled ? cancelledCursor(query.cursor) : bookedCursor(query.cursor)));
    params.push(query.limit + 1);
    const sql = `${SELECT} ${list.where} ${query.cursor ? list.after : ''} ${list.order}`;
    const rows = await executePrepared<BookingRow>(this.em, sql, params);
    return toPage(rows, query.limit, (row) => (cancelled ? [row.cancelledAt!, row.id] : [row.startDate, row.startTime, row.id]), toView);
  }
}

const bookedCursor = (cursor: string) => Cursor.decode<[string, string, number]>(cursor, ['string', 'string', 'number']);
const cancelledCursor = (cursor: string) => Cursor.decode<[string, number]>(cursor, ['string', 'number']);

function toView(row: BookingRow): BookingView {
  return {
    id: row.id,
    lesson: lessonOf(row),
    bookedAt: fromStoredDatetime(row.bookedAt),
    cancelledAt: row.cancelledAt === null ? null : fromStoredDatetime(row.cancelledAt),
    creditsSpent: Number(row.creditsSpent),
    creditsRefunded: row.creditsRefunded === null ? null : Number(row.creditsRefunded),
  };
}
