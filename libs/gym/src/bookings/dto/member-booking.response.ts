import { ApiProperty } from '@nestjs/swagger';
import type { BookingView } from '../booking-view';
import { LessonResponse, toLessonResponse } from '../../lessons/dto/lesson.response';

export enum BookingStatus {
  Booked = 'booked',
  Cancelled = 'cancelled',
}

/** A booking as a member's app shows it: one object with a status, not loose records. */
export class MemberBookingResponse {
  @ApiProperty({ type: 'integer', description: "The reservation's id (DELETE /reservations/{id} takes it)" }) id!: number;
  @ApiProperty({ enum: BookingStatus }) status!: BookingStatus;
  @ApiProperty({ type: LessonResponse }) lesson!: LessonResponse;
  @ApiProperty({ format: 'date-time' }) bookedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'Credits the booking spent' }) creditsSpent!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Credits the cancellation gave back (0 included); null while booked' })
  creditsRefunded!: number | null;
}

export function toMemberBookingResponse(view: BookingView): MemberBookingResponse {
  return {
    id: view.id,
    status: view.cancelledAt ? BookingStatus.Cancelled : BookingStatus.Booked,
    lesson: toLessonResponse(view.lesson),
    bookedAt: view.bookedAt.toISOString(),
    cancelledAt: view.cancelledAt ? view.cancelledAt.toISOString() : null,
    creditsSpent: view.creditsSpent,
    creditsRefunded: view.creditsRefunded,
  };
}
