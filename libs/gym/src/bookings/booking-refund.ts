import type { EntityManager } from '@mikro-orm/mysql';
import { planRefund } from '../credits/credit-plan';
import { Credit, CreditType } from '../credits/credit.entity';
import type { Lesson } from '../lessons/lesson.entity';
import type { BookingView } from './booking-view';
import type { Reservation } from './reservation.entity';

/** An active booking with the `use` entries that paid for it (each with its purchase loaded). */
export interface PaidBooking {
  reservation: Reservation;
  uses: Credit[];
}

/**
 * Cancels a booking and gives `refund` credits back to the purchases it was paid from, latest
 * ending first (`planRefund`): the `cancel` record linked to the booking, one `refund` entry per
 * purchase (one entry of 0 when nothing comes back, so the ledger says so), and the seat freed.
 * A member's cancellation, a staff cancellation and the gym cancelling the whole lesson all write
 * it this way. Runs inside the caller's transaction, with the lesson row and the booking locked.
 * `message` is the refund entries' text, `when` the gym's day and the instant (the app's clock).
 */
export function cancelAndRefund(
  em: EntityManager,
  lesson: Lesson,
  booking: PaidBooking,
  refund: number,
  when: { day: string; at: Date },
  message: string,
): BookingView {
  const { reservation, uses } = booking;
  const record = reservation.cancel(when.at);
  lesson.freeSeat();
  const draws = uses.map((use) => ({ purchaseId: use.purchase!.id, count: -use.count, endDate: use.purchase!.endDate! }));
  const credits = planRefund(draws, refund).map((back) =>
    Credit.movement(
      CreditType.Refund,
      { user: reservation.user, purchase: em.getReference(Credit, back.purchaseId), reservation: record },
      back.count,
      when,
      message,
    ),
  );
  em.persist([record, ...credits]);
  return {
    id: reservation.id,
    lesson,
    bookedAt: reservation.createdAt,
    cancelledAt: reservation.canceledAt,
    creditsSpent: draws.reduce((sum, draw) => sum + draw.count, 0),
    // what the refund entries hold, as the ledger will show it (never more than was spent)
    creditsRefunded: credits.reduce((sum, entry) => sum + entry.count, 0),
  };
}
