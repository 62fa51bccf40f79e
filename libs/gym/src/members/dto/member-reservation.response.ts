import { ApiProperty } from '@nestjs/swagger';
import type { MemberReservationView } from '../member-reservations.reader';
import { ReservationType } from '../../bookings/reservation.entity';
import { CreditResponse, toCreditResponse } from '../../credits/dto/credit.response';
import { LessonResponse, toLessonResponse } from '../../lessons/dto/lesson.response';

export class MemberReservationResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: LessonResponse }) lesson!: LessonResponse;
  @ApiProperty({ type: [CreditResponse] }) credits!: CreditResponse[];
}

export function toMemberReservation(reservation: MemberReservationView): MemberReservationResponse {
  return {
    id: reservation.id,
    type: reservation.type,
    createdAt: reservation.createdAt.toISOString(),
    lesson: toLessonResponse(reservation.lesson),
    credits: reservation.credits.map(toCreditResponse),
  };
}
