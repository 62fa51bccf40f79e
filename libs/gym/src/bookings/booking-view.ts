import type { LessonFields } from '../lessons/lesson.entity';

/** Which of a member's bookings to list. */
export enum BookingListStatus {
  /** Booked, the lesson not started yet: soonest first. */
  Upcoming = 'upcoming',
  /** Booked, the lesson started or over: newest first. */
  Past = 'past',
  /** Cancelled: most recently cancelled first. */
  Cancelled = 'cancelled',
}

/**
 * One booking as a member sees it: the `reserve` record with its lesson, when it was made and
 * cancelled, and the credits it spent and got back, instead of loose reservation and credit rows.
 */
export interface BookingView {
  /** The reservation's id. */
  id: number;
  lesson: LessonFields;
  bookedAt: Date;
  cancelledAt: Date | null;
  creditsSpent: number;
  /** What the cancellation gave back (0 included); null while booked. */
  creditsRefunded: number | null;
}
