import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '@app/identity';
import type { MemberProfile } from '../member-profile.service';
import { MemberReservationResponse, toMemberReservation } from './member-reservation.response';

export class MemberDetailResponse extends UserResponse {
  @ApiProperty({ description: 'False once staff deactivated the account (PATCH /users/{id})' }) isActive!: boolean;
  @ApiProperty({ type: 'integer', description: 'Sum of the credit ledger after expiry' }) creditBalance!: number;
  @ApiProperty({ type: [MemberReservationResponse], description: 'Every reservation and cancellation record, newest first' })
  reservations!: MemberReservationResponse[];
}

export function toMemberDetailResponse(profile: MemberProfile, user: UserResponse): MemberDetailResponse {
  return {
    ...user,
    isActive: profile.user.isActive,
    creditBalance: profile.creditBalance,
    reservations: profile.reservations.map(toMemberReservation),
  };
}
