import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserResponse } from '@app/identity';
import type { Booking } from '../../booking.service';
import type { LessonWithRoster } from '../../lesson.service';
import type { MemberProfile } from '../../member-profile.service';
import type { MemberReservationView } from '../../member-reservations.reader';
import { ReservationType } from '../../entities/reservation.entity';
import { CreditResponse, toCreditResponse } from './credit.dto';
import { LessonResponse, toLessonResponse } from './lesson.dto';

export class ReservationUserResponse {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiPropertyOptional({ description: 'Staff only' }) phoneNumber?: string;
}

export class BookingResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty() createdAt!: string;
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

export class RosterEntryResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: ReservationUserResponse }) user!: ReservationUserResponse;
}

export class LessonDetailResponse extends LessonResponse {
  @ApiProperty({ type: [RosterEntryResponse], description: 'Every reservation and cancellation record, oldest first' })
  reservations!: RosterEntryResponse[];
}

export function toLessonDetailResponse({ lesson, reservations }: LessonWithRoster, viewerIsStaff: boolean): LessonDetailResponse {
  return {
    ...toLessonResponse(lesson),
    reservations: reservations.map((reservation) => ({
      id: reservation.id,
      type: reservation.type,
      createdAt: reservation.createdAt.toISOString(),
      user: {
        id: reservation.user.id,
        username: reservation.user.username,
        ...(viewerIsStaff ? { phoneNumber: reservation.user.phoneNumber } : {}),
      },
    })),
  };
}

export class MemberReservationResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ReservationType }) type!: ReservationType;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: LessonResponse }) lesson!: LessonResponse;
  @ApiProperty({ type: [CreditResponse] }) credits!: CreditResponse[];
}

export class MemberDetailResponse extends UserResponse {
  @ApiProperty({ description: 'Sum of the credit ledger after expiry' }) creditBalance!: number;
  @ApiProperty({ type: [MemberReservationResponse], description: 'Every reservation and cancellation record, newest first' })
  reservations!: MemberReservationResponse[];
}

function toMemberReservation(reservation: MemberReservationView): MemberReservationResponse {
  return {
    id: reservation.id,
    type: reservation.type,
    createdAt: reservation.createdAt.toISOString(),
    lesson: toLessonResponse(reservation.lesson),
    credits: reservation.credits.map(toCreditResponse),
  };
}

export function toMemberDetailResponse(profile: MemberProfile, user: UserResponse): MemberDetailResponse {
  return { ...user, creditBalance: profile.creditBalance, reservations: profile.reservations.map(toMemberReservation) };
}
