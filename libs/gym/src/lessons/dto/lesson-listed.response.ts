import { ApiProperty } from '@nestjs/swagger';
import type { ListedLesson } from '../lesson-listing.query';
import { LessonResponse, toLessonResponse } from './lesson.response';

/** A lesson as the schedule lists it: what an app shows beside it. */
export class LessonListedResponse extends LessonResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the gym cancelled the lesson (every booking refunded); null while it stands',
  })
  canceledAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'maxCapacity - reservedCount' }) seatsLeft!: number;
  @ApiProperty({ type: 'integer', description: 'Members waiting for a seat; 0 once the waitlist closed before the lesson' })
  waitlistLength!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: "The reader's active booking (a reservation id); null without a token" })
  myBooking!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The reader's place in the waitlist, from 1; null without a token or a place",
  })
  myWaitlistPosition!: number | null;
}

export function toLessonListedResponse(lesson: ListedLesson): LessonListedResponse {
  return {
    ...toLessonResponse(lesson),
    canceledAt: lesson.canceledAt?.toISOString() ?? null,
    seatsLeft: lesson.maxCapacity - lesson.reservedCount,
    waitlistLength: lesson.waitlistLength,
    myBooking: lesson.myBooking,
    myWaitlistPosition: lesson.myWaitlistPosition,
  };
}
