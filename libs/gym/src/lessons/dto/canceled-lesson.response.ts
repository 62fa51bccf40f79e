import { ApiProperty } from '@nestjs/swagger';
import type { LessonCancellation } from '../lesson-cancellation.service';
import { LessonResponse, toLessonResponse } from './lesson.response';

/** A lesson the gym has just cancelled, with how many bookings were refunded. */
export class CanceledLessonResponse extends LessonResponse {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T01:00:00.000Z' }) canceledAt!: string;
  @ApiProperty({ type: 'integer', description: 'Active bookings cancelled with a full refund' }) refundedBookings!: number;
}

export function toCanceledLessonResponse({ lesson, canceledAt, refundedBookings }: LessonCancellation): CanceledLessonResponse {
  return { ...toLessonResponse(lesson), canceledAt: canceledAt.toISOString(), refundedBookings };
}
