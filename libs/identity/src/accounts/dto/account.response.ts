import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../entities/user.entity';
import { toUserResponse, UserResponse } from '../../http/dto/user.response';

/** A user as staff manage them: `User` and whether the account may sign in. */
export class AccountResponse extends UserResponse {
  @ApiProperty({ description: 'false: deactivated by staff, cannot log in' })
  isActive!: boolean;
}

export function toAccountResponse(user: User): AccountResponse {
  return { ...toUserResponse(user), isActive: user.isActive };
}
