import { ApiProperty } from '@nestjs/swagger';
import { toUserResponse, UserResponse } from '@app/identity';
import type { DirectoryMember } from '../member-directory.reader';

/** A row of the staff console's member directory: `User` + whether it may sign in, its credit balance and since when it exists. */
export class DirectoryMemberResponse extends UserResponse {
  @ApiProperty({ description: 'false: deactivated by staff, cannot log in' })
  isActive!: boolean;

  @ApiProperty({ type: 'integer', description: 'Credits left after expiry, as GET /credits/balance counts them' })
  balance!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class DirectoryPageResponse {
  @ApiProperty({ type: [DirectoryMemberResponse] })
  items!: DirectoryMemberResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toDirectoryMemberResponse(member: DirectoryMember): DirectoryMemberResponse {
  return { ...toUserResponse(member), isActive: member.isActive, balance: member.balance, createdAt: member.createdAt.toISOString() };
}
