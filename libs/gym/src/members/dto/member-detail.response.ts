import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '@app/identity';
import type { MemberProfile } from '../member-profile.service';
import { MemberReservationResponse, toMemberReservation } from './member-reservation.response';

export class MemberDetailResponse extends UserResponse {
  @ApiProperty({ type: 'integer', description: 'Sum of the credit ledger after expiry' }) creditBalance!: number;
  @ApiProperty({ type: [MemberReservationResponse], description: 'Every reservation and cancellation record, newest first' })
  reservations!: MemberReservationResponse[];
}

export function toMemberDetailResponse(profile: MemberProfile, user: UserResponse): MemberDetailResponse {
  return { ...user, creditBalance: profile.creditBalance, reservations: profile.reservations.map(toMemberReservation) };
}
