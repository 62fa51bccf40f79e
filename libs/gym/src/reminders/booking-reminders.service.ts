import { Injectable } from '@nestjs/common';
import { addDays } from '@app/core';
import { EmailDispatcher } from '@app/jobs';
import { GymCalendar } from '../gym-calendar';
import { reminderKey, reminderMailing } from './booking-reminder';
import { MemberDayBookingsReader } from './member-day-bookings.reader';

/** What a reminder run did: the day it covered and how many members' reminders it enqueued. */
export interface ReminderRun {
  date: string;
  reminded: number;
}

/**
 * The evening reminder (issue 19): every member with an email and an active booking tomorrow (the
 * gym's date plus one) gets one mailing listing those lessons. Each is keyed by day and member, so
 * a second run the same evening enqueues the same keys and the delivery ledger sends nothing twice;
 * a booking cancelled before the run is not listed. The worker's `send-reminders` job calls this.
 */
@Injectable()
export class BookingRemindersService {
  constructor(
    private readonly calendar: GymCalendar,
    private readonly bookings: MemberDayBookingsReader,
    private readonly mail: EmailDispatcher,
  ) {}

  /** `reminded` counts the members whose reminder is queued; a repeated run counts them again but sends nothing new. */
  async remindTomorrow(): Promise<ReminderRun> {
    const date = addDays(this.calendar.today(), 1);
    let reminded = 0;
    for await (const member of this.bookings.membersBookedOn(date)) {
      await this.mail.enqueue(reminderMailing(date, member), { key: reminderKey(date, member.userId) });
      reminded++;
    }
    return { date, reminded };
  }
}
