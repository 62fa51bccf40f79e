import type { EntityManager } from '@mikro-orm/mysql';
import type { User } from '@app/identity';
import type { Lesson } from '../lessons/lesson.entity';
import { Reservation, ReservationType } from './reservation.entity';

/** Whether the member holds an active booking of the lesson (by the unique key on active bookings). */
export async function holdsActiveBooking(em: EntityManager, user: User, lesson: Lesson): Promise<boolean> {
  return (await em.count(Reservation, { user, lesson, type: ReservationType.Reserve, canceledAt: null })) > 0;
}
