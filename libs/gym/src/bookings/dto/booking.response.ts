import { ApiProperty } from '@nestjs/swagger';
import type { Booking } from '../seat-charge';
import { ReservationType } from '../reservation.entity';
import { CreditResponse, toCreditResponse } from '../../credits/dto/credit.response';
import { LessonResponse, toLessonResponse } from '../../lessons/dto/lesson.response';
import { ReservationUserResponse } from './reservation-user.response';

export class BookingResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: LessonResponse }) lesson!: LessonResponse;
  @ApiProperty({ type: ReservationUserResponse }) user!: ReservationUserResponse;
  @ApiProperty({ type: [CreditResponse], description: 'The use entries the booking wrote' }) credits!: CreditResponse[];
}

export function toBookingResponse({ reservation, credits }: Booking): BookingResponse {
  return {
    id: reservation.id,
    type: reservation.type,
    createdAt: reservation.createdAt.toISOString(),
    lesson: toLessonResponse(reservation.lesson),
    user: { id: reservation.user.id, username: reservation.user.username },
    credits: credits.map(toCreditResponse),
  };
}
