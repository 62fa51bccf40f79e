import type { EmailRequest } from '@app/jobs';
import type { MemberDayBookings, RemindedLesson } from './member-day-bookings.reader';

/**
 * The mailing key of a member's reminder for a day: `reminder-2030-01-11-42`. The same day and
 * member always give the same key, so a second run of the job enqueues nothing new and the
 * delivery ledger sends it once (at most 30 characters: a date and an unsigned int).
 */
export function reminderKey(date: string, userId: number): string {
  return `reminder-${date}-${userId}`;
}

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `Yoga, Seoul, 19:00-20:00` */
export function describeLesson(lesson: RemindedLesson): string {
  return `${capitalized(lesson.type)}, ${capitalized(lesson.gym)}, ${lesson.startTime}-${lesson.endTime}`;
}

/** The reminder a member gets the evening before `date`: one line per booked lesson. */
export function reminderMailing(date: string, member: MemberDayBookings): EmailRequest {
  const lines = member.lessons.map((lesson) => `- ${describeLesson(lesson)}`);
  return {
    recipients: [member.email],
    subject: `Your bookings for tomorrow, ${date}`,
    body: [`Hello ${member.username},`, '', `You are booked for tomorrow, ${date}:`, ...lines, '', 'See you at the gym.'].join('\n'),
  };
}
