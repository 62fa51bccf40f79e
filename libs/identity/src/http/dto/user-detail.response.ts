import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../entities/user.entity';
import { toUserResponse, UserResponse } from './user.response';

export class UserDetailResponse extends UserResponse {
  @ApiProperty({ example: 10, description: 'Sum of the credit ledger after expiry' })
  creditBalance!: number;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Reservations and cancellations, newest first' })
  reservations!: object[];
}

export function toUserDetailResponse(user: User): UserDetailResponse {
  return { ...toUserResponse(user), creditBalance: 0, reservations: [] };
}
