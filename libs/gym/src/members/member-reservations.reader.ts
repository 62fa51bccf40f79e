import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import type { Credit, CreditEntryFields } from '../credits/credit.entity';
import type { LessonFields } from '../lessons/lesson.entity';
import { LESSON_COLUMNS, type LessonColumns, lessonOf } from '../lessons/lesson-columns';
import { executePrepared, fromStoredDatetime } from '@app/core';
import type { Reservation } from '../bookings/reservation.entity';

/** A reservation record with its lesson and the credit entries it wrote: a projection, not entities. */
export interface MemberReservationView {
  id: number;
  type: Reservation['type'];
  createdAt: Date;
  lesson: LessonFields;
  credits: CreditEntryFields[];
}

/** One row of the query: a reservation with its lesson and one of its credit entries (or none). */
interface Row extends LessonColumns {
  id: number;
  type: Reservation['type'];
  /** DATETIME text, UTC */
  createdAt: string;
  creditId: number | null;
  creditType: Credit['type'] | null;
  count: number | null;
  creditStartDate: string | null;
  creditEndDate: string | null;
  pricePolicyId: number | null;
  purchaseId: number | null;
  message: string | null;
  creditCreatedAt: string | null;
}

/**
 * A member's reservation records (by `reservation (user_id, created_at)`), newest first, each with
 * its lesson (by primary key) and the credit entries it wrote (by `credit (reservation_id)`).
 */
const MEMBER_RESERVATIONS = `select r.id, r.type, r.created_at as createdAt,
  ${LESSON_COLUMNS},
  c.id as creditId, c.type as creditType, c.count, c.start_date as creditStartDate, c.end_date as creditEndDate,
  c.price_policy_id as pricePolicyId, c.purchase_id as purchaseId, c.message, c.created_at as creditCreatedAt
from reservation r
join lesson l on l.id = r.lesson_id
left join credit c on c.reservation_id = r.id
where r.user_id = ?
order by r.created_at desc, r.id desc, c.id asc`;

/**
 * A member's reservation records, newest first, each with its lesson and credit entries, in one
 * precompiled statement read as plain rows: hydrated as Reservation, Lesson and Credit entities,
 * the same answer took twice the CPU, and building the query with the query builder on every
 * request most of the rest (docs/performance.md).
 */
@Injectable()
export class MemberReservationsReader {
  constructor(private readonly em: EntityManager) {}

  async forMember(userId: number): Promise<MemberReservationView[]> {
    const rows = await executePrepared<Row>(this.em, MEMBER_RESERVATIONS, [userId]);
    const views: MemberReservationView[] = [];
    for (const row of rows) {
      let view = views.at(-1);
      if (view?.id !== row.id) {
        view = {
          id: row.id,
          type: row.type,
          createdAt: fromStoredDatetime(row.createdAt),
          lesson: lessonOf(row),
          credits: [],
        };
        views.push(view);
      }
      if (row.creditId !== null) view.credits.push(creditOf(row, row.creditId));
    }
    return views;
  }
}

function creditOf(row: Row, id: number): CreditEntryFields {
  return {
    id,
    type: row.creditType!,
    count: row.count!,
    startDate: row.creditStartDate!,
    endDate: row.creditEndDate,
    message: row.message!,
    createdAt: fromStoredDatetime(row.creditCreatedAt!),
    pricePolicy: row.pricePolicyId === null ? null : { id: row.pricePolicyId },
    reservation: { id: row.id },
    purchase: row.purchaseId === null ? null : { id: row.purchaseId },
  };
}
