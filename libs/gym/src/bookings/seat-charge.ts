import type { EntityManager } from '@mikro-orm/mysql';
import type { User } from '@app/identity';
import { planSpending } from '../credits/credit-plan';
import { Credit, CreditType } from '../credits/credit.entity';
import type { Lesson } from '../lessons/lesson.entity';
import { NotEnoughCreditError } from '../gym.errors';
import { Reservation } from './reservation.entity';

export interface Booking {
  reservation: Reservation;
  credits: Credit[];
}

/**
 * Books `user` into a free seat of `lesson` and charges the lesson's price, soonest-ending valid
 * credit first, across purchases when one is not enough: a member's booking and a promotion from
 * the waitlist alike. Runs inside the caller's transaction, with the lesson and then the member
 * locked (the seat count and the member's credit decide the outcome). Throws
 * `NotEnoughCreditError`, having written nothing, when the credit valid on the lesson's date falls short.
 */
export async function chargeForSeat(em: EntityManager, lesson: Lesson, user: User, today: string, at: Date): Promise<Booking> {
  const buckets = await em.getRepository(Credit).remainingByPurchase(user.id, today, lesson.startDate);
  const draws = planSpending(buckets, lesson.creditCount);
  if (!draws)
    throw new NotEnoughCreditError(
      lesson.creditCount,
      buckets.reduce((sum, bucket) => sum + bucket.remaining, 0),
    );

  const reservation = Reservation.book(user, lesson, at);
  lesson.takeSeat();
  const message = `Booked ${lesson.type} lesson #${lesson.id} on ${lesson.startDate} ${lesson.startTime}`;
  const credits = draws.map((draw) =>
    Credit.movement(
      CreditType.Use,
      { user, purchase: em.getReference(Credit, draw.purchaseId), reservation },
      -draw.count,
      { day: today, at },
      message,
    ),
  );
  em.persist([reservation, ...credits]);
  return { reservation, credits };
}
