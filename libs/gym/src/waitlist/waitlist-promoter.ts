import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mysql';
import { AppConfig, DomainError } from '@app/core';
import { User } from '@app/identity';
import { chargeForSeat } from '../bookings/seat-charge';
import type { Lesson, LessonFields } from '../lessons/lesson.entity';
import { GymCalendar } from '../gym-calendar';
import { WaitlistEntry, WaitlistStatus } from './waitlist-entry.entity';
import { holdsActiveBooking } from '../bookings/active-booking';

/** A member booked from the waitlist: what the email after the commit needs. */
export interface Promotion {
  entryId: number;
  reservationId: number;
  user: { id: number; username: string; email: string | null };
  lesson: LessonFields;
}

/**
 * Fills a lesson's free seats from its waitlist, inside the transaction that freed them (a
 * cancellation, a larger capacity), with the lesson row locked by that transaction. In queue order,
 * each waiting member is booked and charged exactly as their own booking would be; a member the
 * booking would refuse (not enough valid credit, already booked) is `passed` with that refusal's
 * code as the reason, and the next is tried. Within `WAITLIST_CUTOFF_MINUTES` of the start nothing is
 * promoted: the waiting entries expire and a freed seat stays free for anyone to book.
 */
@Injectable()
export class WaitlistPromoter {
  constructor(
    private readonly calendar: GymCalendar,
    private readonly config: AppConfig,
  ) {}

  /** True once the lesson is within the cutoff (or started): its waitlist neither promotes nor takes members. */
  isClosed(lesson: Pick<Lesson, 'startDate' | 'startTime'>): boolean {
    return `${lesson.startDate} ${lesson.startTime}` <= this.closingLine();
  }

  /** The gym's wall clock at the cutoff, `YYYY-MM-DD HH:mm`: lessons starting at or before it have closed waitlists. */
  closingLine(): string {
    const limit = this.calendar.nowPlus(this.config.gym.waitlistCutoffMinutes);
    return `${limit.date} ${limit.time}`;
  }

  async fillFreedSeats(em: EntityManager, lesson: Lesson): Promise<Promotion[]> {
    const at = this.calendar.instant();
    if (this.isClosed(lesson)) {
      await em.nativeUpdate(WaitlistEntry, { lesson, status: WaitlistStatus.Waiting }, { status: WaitlistStatus.Expired, closedAt: at });
      return [];
    }
    const today = this.calendar.today();
    const promoted: { entry: WaitlistEntry; user: User }[] = [];
    while (!lesson.isFull) {
      const entry = await em.findOne(WaitlistEntry, { lesson, status: WaitlistStatus.Waiting }, { orderBy: { id: 'asc' } });
      if (!entry) break;
      // lock order as in a booking: the lesson (held by the caller), then the member
      const user = await em.findOneOrFail(User, entry.user.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const refusal = await this.tryBooking(em, entry, lesson, user, today, at);
      if (refusal) entry.pass(refusal, at);
      else promoted.push({ entry, user });
      await em.flush(); // written before the next entry is read (and the new booking gets its id)
    }
    return promoted.map(({ entry, user }) => ({
      entryId: entry.id,
      reservationId: entry.reservation!.id,
      user: { id: user.id, username: user.username, email: user.email },
      lesson,
    }));
  }

  /** Books the entry's member, or answers the code a booking of theirs would be refused with. */
  private async tryBooking(em: EntityManager, entry: WaitlistEntry, lesson: Lesson, user: User, today: string, at: Date) {
    if (await holdsActiveBooking(em, user, lesson)) return 'ALREADY_REGISTERED';
    try {
      const { reservation } = await chargeForSeat(em, lesson, user, today, at);
      entry.promote(reservation, at);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  }
}
